"""What a caller says around their name, which is no part of it but may tell how it is written.

"Ramiro Soto, pero me dicen el Chaparro" (a nickname), "…y manejo para Transportes Ruiz" (a job),
"Sánchez con zeta al final" (a spelling hint), "Juan Pérez, pe e erre e zeta" (the surname spelled):
the aside is cut from the name, and a hint or a spelled surname mends how the name is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from daisy.understanding import name_lexicon
from daisy.understanding.normalize import strip_accents

# A nickname clause after the name; before the name the last "me llamo" already wins.
_NICKNAME = re.compile(
    r"(?i)[,;]?\s*\b(?:pero |y |but |and )?(?:(?:aqu[ií] |ac[aá] |all[aá] )?"
    r"(?:todos |toda la gente |la raza |mis compas |los compas |en la base )?"
    r"(?:me dicen|me conocen como|me apodan|me llaman|me gritan)|"
    r"de cari[nñ]o|alias|mi apodo es|(?:every(?:body|one)|people|they|folks|the guys) (?:calls?|knows?) me|"
    r"(?:just )?call me|(?:i )?go by|my nickname)\b.*$"
)
_INTRO = re.compile(r"(?i)\b(?:me llamo|mi nombre es|soy|my name is|my name'?s|i'?m|this is)\b")
# A clause about the driver's job or whereabouts after the name.
_JOB = re.compile(
    r"(?i)(?:[,;]\s*|\s+(?:y|e|and)\s+)(?:yo\s+|i\s+)?(?:manejo|trabajo|chambeo|opero|conduzco|ando|vengo|"
    r"traigo|llevo|estoy|soy (?:el |la )?(?:operador|chofer|conductor)\w*|drive|work|haul|run|am|'m|im|"
    r"driving|working|hauling)\b.*$"
    r"|(?:[,;]\s*|\s+(?:y|e)\s+)soy del? (?!la |los )\w.*$"
    r"|[,;]?\s*\b(?:i'?m|i am) (?:driving|hauling|working|running|with|from|calling|the driver|a driver|"
    r"a trucker|out of|based)\b.*$"
    r"|[,;]?\s*\bi (?:drive|work|haul|run)\b.*$"
    r"|[,;]?\s*\b(?:driving|working|hauling|manejando|trabajando) (?:for|para|con|with)\b.*$"
)
_LETTER = (
    r"(?:zeta|seta|ceta|ese|hache|ache|be|ve|uve|ce|se|ge|je|jota|equis|ekis|ka|cu|erre|ere|ele|doble ele|"
    r"eme|ene|eñe|efe|pe|te|de|i griega|y griega|ye|i latina|"
    r"i|a|e|o|u|z|s|h|b|v|c|g|j|x|k|q|r|l|m|n|f|p|t|d|y|"
    r"acento|tilde|zee|zed|ess|aitch|bee|vee|see|gee|jay|ex|kay|cue|are|el|em|en|ef|pee|tee|dee|why|wye)"
)
_HINT = re.compile(
    rf"(?i)[,;]?\s*\b(?:con|with|lleva|va con|y)\s+(?:una?\s+|la\s+|el\s+|an?\s+|the\s+|letra\s+|letter\s+)?"
    rf"(?P<letter>{_LETTER})(?:\s+(?P<mod>grande|chica|chiquita|larga|corta|de\s+\w+|as in\s+\w+))?"
    rf"(?:\s+(?P<pos>al final|al principio|al inicio|en medio|at the end|at the start|at the beginning))?"
    rf"\s*[.!]?\s*$"
)
_SPELLED_INTRO = re.compile(
    r"(?i)[,;:]?\s*\b(?:se escribe|se deletrea|(?:it'?s |that'?s |is )?spelled|that'?s|eso es|es)"
    r"\s+(?P<rest>.+)$"
)
_HINT_LETTERS = {
    "zeta": "Z", "seta": "Z", "ceta": "Z", "zee": "Z", "zed": "Z", "z": "Z", "ese": "S", "ess": "S", "s": "S",
    "hache": "H", "ache": "H", "aitch": "H", "h": "H", "ve": "V", "uve": "V", "vee": "V", "v": "V",
    "ce": "C", "se": "C", "see": "C", "c": "C", "ge": "G", "gee": "G", "g": "G", "je": "G", "jota": "J",
    "jay": "J", "j": "J", "equis": "X", "ekis": "X", "ex": "X", "x": "X", "ka": "K", "kay": "K", "k": "K",
    "i griega": "Y", "y griega": "Y", "ye": "Y", "why": "Y", "wye": "Y", "y": "Y", "i latina": "I", "i": "I",
    "be": "B", "bee": "B", "b": "B", "doble ele": "LL",
}
# Letters a recognizer writes for one another in names: the hint says which one it is.
_CONFUSED = {
    "Z": "scx", "S": "zcx", "C": "szkq", "B": "v", "V": "b", "Y": "i", "I": "y", "J": "gxh", "G": "j",
    "X": "js", "K": "cq", "LL": "y",
}


@dataclass(frozen=True)
class Asides:
    name_text: str  # the words that hold the name
    letters: str = ""  # a surname spelled after the name ("PEREZ")
    hint: str = ""  # a letter the name has ("Z")
    where: str = ""  # "end" | "start" | "" for the hint


# "Soy Lencho, bueno, Lorenzo Galván": a nickname first, then the name proper after "bueno" / "well".
_RESTATED = re.compile(r"(?i)[,;]\s*(?:bueno|mejor dicho|o sea|m[aá]s bien|well|i mean|actually)[,;]?\s+")


def split(text: str, lang: str) -> Asides:
    """The name's own words, and what the caller said about how it is written."""
    if not isinstance(text, str):
        return Asides("")
    for m in reversed(list(_RESTATED.finditer(text))):
        rest = text[m.end() :]
        words = re.findall(r"[^\W\d_]+", rest)
        if len(words) >= 2 and words[0][0].isupper() and _has_words(rest):
            text = rest
            break
    for rx in (_NICKNAME, _JOB):
        m = rx.search(text)
        if m and _has_words(text[: m.start()]):
            intro = _INTRO.search(text, m.start() + 3) if rx is _NICKNAME else None
            # "Pedro Garza, no, me dicen el Pelón, pero me llamo Héctor Garza": the name comes after
            text = text[intro.start() :] if intro else text[: m.start()]
    letters = hint = where = ""
    m = _HINT.search(text)
    if m and _has_words(text[: m.start()]):
        said = " ".join(m.group("letter").lower().split())
        mod = (m.group("mod") or "").lower()
        hint = _HINT_LETTERS.get(said, "")
        if hint in ("B", "V") and mod:
            big, small = mod.startswith(("grande", "larga")), mod.startswith(("chic", "corta"))
            hint = "B" if big else "V" if small else hint
        if mod.startswith(("de ", "as in ")):
            hint = strip_accents(mod.split()[-1][:1]).upper() or hint
        pos = (m.group("pos") or "").lower()
        where = "end" if pos in ("al final", "at the end") else "start" if pos else ""
        text = _without_echo(text[: m.start()])
    spelled = _spelled_tail(text, lang)
    if spelled:
        text, letters = spelled
    return Asides(text, letters, hint, where)


def _without_echo(text: str) -> str:
    """ "Ramiro Vasques, Vasques con zeta": the word said again to hang the hint on goes."""
    cut = max(text.rfind(","), text.rfind(";"))
    if cut <= 0:
        return text
    head = {strip_accents(w.lower()) for w in re.findall(r"[^\W\d_]+", text[:cut])}
    tail = [strip_accents(w.lower()) for w in re.findall(r"[^\W\d_]+", text[cut + 1 :])]
    return text[:cut] if tail and all(w in head for w in tail) else text


def _has_words(text: str) -> bool:
    """Words that can be a name come before the aside ("you can call me Bob" has none)."""
    from daisy.understanding.names import _COMMON, _LEAD_SET

    words = [strip_accents(w.lower()) for w in re.findall(r"[^\W\d_]{2,}", text)]
    return any(w not in _COMMON and w not in _LEAD_SET for w in words)


_LONG_LETTERS = ("griega", "latina")


def _nato_run_start(text: str) -> int:
    """Where a run of three or more NATO words that ends the text starts, after a name said before it
    (the recognizer's commas fall anywhere in it: "Charles Mike, Charlie Delta Alpha November, India
    Echo Lima" spells McDaniel, not "IEL" from after the last comma); 0 when there is none."""
    from daisy.understanding.spelling import is_nato_word

    words = list(re.finditer(r"[^\W\d_][\w-]*", text))
    k = len(words)
    while k > 0 and is_nato_word(words[k - 1].group(0)):
        k -= 1
    return words[k].start() - 1 if len(words) - k >= 3 and k > 0 else 0


def _spelled_tail(text: str, lang: str) -> tuple[str, str] | None:
    """ "Juan Pérez, pe e erre e zeta", "Jon Smith, that's J O N": the last segment spells letters."""
    from daisy.understanding.spelling import spell

    nato = _nato_run_start(text)
    cut = nato or max(text.rfind(","), text.rfind(";"), text.rfind(":"))
    head, tail = (text[:cut], text[cut + 1 :]) if cut > 0 else ("", text)
    m = _SPELLED_INTRO.search(tail if cut > 0 else text)
    if m:
        echo = tail[: m.start()].split()
        if cut > 0 and len(echo) > 2:
            head = f"{head}, {tail[: m.start()]}"
        elif cut <= 0:
            head = text[: m.start()]
        # else "Robes, Robles se escribe…": the word being spelled goes, its letters say it
        tail = m.group("rest")
    if not _has_words(head):
        return None
    words = [w for w in re.split(r"[\s,;.]+", tail.strip()) if w]
    if len(words) < 2 and not re.fullmatch(r"(?:[A-Za-z]-){2,}[A-Za-z]\.?", tail.strip()):
        return None
    if not all(re.fullmatch(_LETTER + r"|(?:[A-Za-z]-)+[A-Za-z]|de|as|in|\w+", w, re.I) for w in words):
        return None
    letters = spell(tail, lang)
    # every word must be spent on a letter: "pe e erre e zeta", not "de Transportes Garza"
    spent = [w for w in words if w not in ("de", "as", "in")]
    if len(letters) < 3 or not letters.isalpha() or len(letters) < len(spent) // 2:
        return None
    long_words = [w for w in words if len(w) > 6 and not w.isupper() and w.lower() not in _LONG_LETTERS]
    if long_words and not nato:
        return None
    return head, letters


def mend(name: str, asides: Asides, lang: str = "es") -> str:
    """The name written as the caller's spelling or hint says."""
    words = name.split()
    if not words:
        return name
    if asides.letters:
        spelled = asides.letters.capitalize()
        if name_lexicon.known(spelled):
            spelled = name_lexicon.mend_word(spelled, lang)
        plain = [strip_accents(w.lower()).replace("ñ", "n") for w in words]  # plates' A–Z spell ñ as N
        target = asides.letters.lower()
        if target in plain:
            return name
        scores = [SequenceMatcher(None, p, target).ratio() for p in plain]
        best = max(range(len(words)), key=lambda k: (scores[k], k))
        # one word heard may be the given name said before the spelled surname ("Tyler, Mike Echo
        # Yankee…" is Tyler Meyers): only a near copy of the letters is the surname heard before
        if scores[best] >= (0.5 if len(words) > 1 else 0.75):
            words[best] = spelled
        elif len(words) == 1:
            words.append(spelled)
        return " ".join(words)
    if asides.hint:
        words[-1] = _with_letter(words[-1], asides.hint, asides.where)
    return " ".join(words)


def _with_letter(word: str, letter: str, where: str) -> str:
    low = strip_accents(word.lower())
    want = letter.lower()
    confused = _CONFUSED.get(letter, "")
    if where == "end":
        if low.endswith(want) or not confused or low[-1] not in confused:
            return word
        return word[:-1] + want
    if where == "start" or letter == "H":
        if letter == "H" and low[0] in "aeiou":
            return "H" + word[0].lower() + word[1:]
        if where == "start" and low[0] in confused:
            return letter.upper() + word[1:]
        return word
    if want in low or not confused:
        return word
    for k in range(len(word) - 1, -1, -1):  # the last confusable letter: "Vasques con zeta" -> "Vasquez"
        if low[k] in confused:
            return word[:k] + (want.upper() if k == 0 else want) + word[k + 1 :]
    return word
