"""A caller fixing a value Daisy read back, without starting the field over.

Kinds of fixes: swap a symbol ("en vez de la L es F", "instead of P it's T"), set a position
("la primera es P, luego T", "the last one is 7"), insert ("antes del cuatro va la T"), remove
("sobra la A"), or say the whole value again ("no, es cuarenta y tres").
"""

from __future__ import annotations

import re
from datetime import datetime

from daisy.understanding.normalize import normalize, strip_accents
from daisy.understanding.plausible import PROVIDERS

_VERBS_ES = r"(?:es|va|seria|serian|debe ser|deberia ser|pon|ponle|pones|poner|era|lleva|son|van|sigue|" \
            r"tiene que ser|dice)"
_VERBS_EN = r"(?:its|it is|is|put|use|should be|goes|comes|its a|it should be)"

# Triggers of a swap; what follows is "<old> [verb] <new>".
_REPLACE = [
    re.compile(r"\b(?:en vez|en lugar) del? (?P<rest>.+)$"),
    re.compile(r"\bdonde dice (?P<rest>.+)$"),
    re.compile(r"\bno es (?P<rest>.+ (?:sino|es) .+)$"),
    re.compile(r"\bno (?P<rest>.+ sino .+)$"),
    re.compile(r"\b(?:mal|equivocaste|equivocada|equivocado|error|fallaste) en (?P<rest>.+)$"),
    re.compile(r"\b(?:wrong|mistake|got wrong) (?:on|with|is|was) (?P<rest>.+)$"),
    re.compile(r"\binstead of (?P<rest>.+)$"),
    re.compile(r"\bnot (?:an? )?(?P<rest>.+)$"),
]
_SPLITS = [
    re.compile(rf"^(?P<old>.+?) (?:{_VERBS_ES}|sino|por) (?P<new>.+)$"),
    re.compile(rf"^(?P<old>.+?) (?:{_VERBS_EN}|but|to|with|for) (?P<new>.+)$"),
]
_CHANGE = [
    # "la X está mal, es C", "the X is wrong, it's C", "la equis no, es ce", "no, la equis es ce"
    re.compile(r"^(?:no )?(?:la |el |the |letra |letter )*(?P<old>\S+(?: de \S+)?) "
               r"(?:esta mal|no va|no es|no|is wrong|is not right|isnt right|is a mistake) "
               r"(?:es |va |seria |its |it is |should be |it should be )?(?P<new>.+)$"),
    re.compile(r"^(?:no )?(?:la |el |the )(?:letra |letter )?(?P<old>\S+(?: de \S+)?) (?:es|era|seria|is|"
               r"should be) (?P<new>.+)$"),
    re.compile(r"\bcambia(?:le)? (?P<old>.+?) por (?P<new>.+)$"),
    re.compile(r"\bchange (?P<old>.+?) (?:to|for|into) (?P<new>.+)$"),
    re.compile(r"\breplace (?P<old>.+?) (?:with|by) (?P<new>.+)$"),
    re.compile(r"\b(?P<old>\S+) should be (?P<new>.+)$"),
]
_SWAPPED = [
    # "es F en vez de L", "it's T instead of P", "it's T, not P": new before old
    re.compile(r"^(?:no )?(?:es |seria |va |its |it is |it should be |should be )?(?:la |el |the )?"
               r"(?P<new>.+?) (?:en vez|en lugar) del? (?P<old>.+)$"),
    re.compile(r"^(?:no )?(?:its |it is |it should be |should be )?(?:the )?"
               r"(?P<new>.+?) instead of (?P<old>.+)$"),
    re.compile(r"\b(?:its|it is|es) (?P<new>.+?) not (?P<old>.+)$"),
    re.compile(r"\bes (?P<new>.+?) no (?:la |el )?(?P<old>\S+)$"),
]
# "se me pasó una erre antes del cinco", "olvidé la ka después de la eme", "you missed a P before the
# 4": a verb of leaving something out, the missing symbol, then where it goes
_OMITTED = re.compile(
    r"\b(?:paso|pasaron|fue|fueron|olvido|olvide|olvidaste|olvidaron|falto|falta|faltaba|faltan|faltaron|"
    r"comi|comiste|brinque|brincaste|salte|saltaste|va|lleva|hay|pon|ponle|agrega|agregale|missed|forgot|"
    r"left out|skipped|missing|theres|there is|add|put)"
    r" (?:(?:un|una|la|el|otra|otro|a|an|the|another|letra|letter|numero|number) )*(?P<new>.+?) "
    r"(?P<where>antes|despues|before|after) (?:del?|de la|the )?(?P<ref>.+)$"
)
# "entre la pe y el cuatro va una ka", "there's a K between the P and the 4"
_BETWEEN = [
    re.compile(r"\bentre (?:la |el |los |las )?(?P<a>.+?) y (?:la |el )?(?P<b>.+?) (?:va|van|hay|lleva|sigue|"
               r"falta|faltaba|es|pon|ponle)(?: una?| la| el)? (?P<new>.+)$"),
    re.compile(r"(?:^|\b(?:falta|falto|va|hay|pon|ponle|lleva|theres|there is|put|add|missing|goes|"
               r"forgot|missed))(?: una?| la| el| an?| the)? (?P<new>.+?) (?:entre|between) (?:la |el |the )?"
               r"(?P<a>.+?) (?:y|and) (?:la |el |the )?(?P<b>.+)$"),
]
_INSERT = [
    re.compile(rf"\bantes del? (?P<ref>.+?) {_VERBS_ES}? ?(?:hay )?(?P<new>.+)$"),
    re.compile(r"\bbefore (?:the )?(?P<ref>.+?) (?:theres|there is|comes|goes|is|put|add)? ?(?P<new>.+)$"),
]
_INSERT_AFTER = [
    re.compile(rf"\bdespues del? (?P<ref>.+?) {_VERBS_ES}? ?(?:hay )?(?P<new>.+)$"),
    re.compile(r"\bafter (?:the )?(?P<ref>.+?) (?:theres|there is|comes|goes|is|put|add)? ?(?P<new>.+)$"),
]
_APPEND = [
    re.compile(r"\b(?:falta|falto|le falta|te falto|te falta)(?: la| el| un| una)? (?P<new>.+?) al final\b"),
    re.compile(r"\b(?:add|missing|you missed)(?: an?| the)? (?P<new>.+?) at the end\b"),
    # "te faltó el cuatro", "you missed the 4": a read-back cut short, the rest goes at the end
    re.compile(r"\b(?:falta|falto|faltan|faltaron|le falta|te falto|te falta|te faltaron)"
               r"(?: la| el| los| las| un| una)? (?P<new>(?!(?:al )?(?:principio|inicio|comienzo)\b).+)$"),
    re.compile(r"\b(?:you missed|missing|you forgot|forgot)(?: an?| the)? (?P<new>.+)$"),
]
_PREPEND = [
    re.compile(r"\b(?:falta|falto|le falta|te falto|te falta)(?: la| el| un| una)? (?P<new>.+?) al "
               r"(?:principio|inicio|comienzo)\b"),
    re.compile(r"\b(?:add|missing|you missed)(?: an?| the)? (?P<new>.+?) at the (?:start|beginning)\b"),
]
_REMOVE = [
    re.compile(r"\b(?:sobra|quita|quitale|borra|no lleva|no va|no tiene)(?: la| el| un| una)? (?P<old>.+)$"),
    re.compile(r"\b(?:remove|delete|take out|there is no|theres no)(?: the| an?)? (?P<old>.+)$"),
]
_POSITIONS = {
    "primera": 1, "primer": 1, "primero": 1, "segunda": 2, "segundo": 2, "tercera": 3, "tercer": 3,
    "tercero": 3, "cuarta": 4, "cuarto": 4, "quinta": 5, "quinto": 5, "sexta": 6, "sexto": 6,
    "septima": 7, "septimo": 7, "setima": 7, "octava": 8, "octavo": 8, "ultima": -1, "ultimo": -1,
    "penultima": -2, "penultimo": -2, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "last": -1,
}
_POSITION = re.compile(
    r"\b(?:la|el|the) (?P<pos>" + "|".join(sorted(_POSITIONS, key=len, reverse=True)) + r")"
    r"(?: (?P<scope>letra|numero|digito|letter|number|digit|one|simbolo|caracter))?"
    r" (?:es|va|seria|era|debe ser|is|should be|its)? ?(?P<new>.+)$"
)
_THEN = re.compile(r"\b(?:y luego|luego|despues|y despues|sigue|then|and then|next|y)\b")
_NEGATION = re.compile(
    r"^(?:(?:no|nope|nah|que no|esta mal|estan mal|incorrecto|wrong|thats wrong|thats not right|"
    r"not quite|perdon|sorry|oh|ah|eh|mmm|es|seria|son|serian|its|it is|is|el|la|mi|my|en realidad|"
    r"actually|mas bien|mejor dicho)\b[ ,]*)+"
)
_SCOPE_LETTER = {"letra", "letter"}
_SCOPE_DIGIT = {"numero", "digito", "number", "digit"}


def _syms(fragment: str, lang: str, kind: str) -> str:
    from daisy.understanding.spelling import spell

    got = spell(fragment, lang, plate=kind == "plate")
    return got.lower() if kind == "email" else got


def apply_correction(
    text: str, lang: str, kind: str, current: str, now: datetime | None = None
) -> str | None:
    """The corrected canonical value, or None when ``text`` is not a correction Daisy can apply.

    ``now`` (optional, an extension of the agreed signature) is the clock for a time said anew;
    without it the real clock is used.
    """
    try:
        return _apply(text, lang, kind, current or "", now)
    except Exception:  # never crash the call
        return None


def _apply(text: str, lang: str, kind: str, current: str, now: datetime | None) -> str | None:
    if not isinstance(text, str):
        return None
    norm = normalize(text)
    if not norm:
        return None
    if kind == "email" and current:
        got = _email_fix(norm, lang, current.lower())
        if got is not None:
            return got
    if kind in ("plate", "number", "email"):
        got = _symbol_fix(norm, lang, kind, current)
        if got is not None:
            return got
    elif kind == "name":
        got = _word_swap(text, norm, current)
        if got is not None:
            return got
    elif kind == "time":
        got = _time_part(norm, current)
        if got is not None:
            return got
    return _whole_value(text, lang, kind, current, now)


_PART_PM = re.compile(r"\b(?:de la tarde|de la noche|en la tarde|en la noche|pm|p m|afternoon|evening|"
                      r"night)\b")
_PART_AM = re.compile(r"\b(?:de la manana|de la mañana|de la madrugada|en la mañana|am|a m|morning)\b")
_MINUTES_ONLY = re.compile(r"^(?:no )?(?:es |son |its |it is )?(?:(?:y|and) (?P<word>media|cuarto|half)|"
                           r"(?:half past|quarter past))$")


_HOUR_SAID = re.compile(r"\d|\b(?:una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|one|"
                        r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b")


def _time_part(norm: str, current: str) -> str | None:
    """ "No, de la tarde" (05:00 -> 17:00), "no, de la mañana", "no, y media": fix one part of a time."""
    m = re.match(r"^(\d{2}):(\d{2})$", current)
    if not m or _HOUR_SAID.search(norm):
        return None
    h, mins = int(m.group(1)), int(m.group(2))
    if _PART_PM.search(norm) and h < 12:
        return f"{h + 12:02d}:{mins:02d}"
    if _PART_AM.search(norm) and h >= 12:
        return f"{h - 12:02d}:{mins:02d}"
    half = _MINUTES_ONLY.match(norm)
    if half:
        word = half.group("word") or ("half" if "half" in norm else "cuarto")
        return f"{h:02d}:{30 if word in ('media', 'half') else 15:02d}"
    return None


def _old_new_pairs(rest: str) -> list[tuple[str, str]]:
    """Ways to cut "<old> [verb] <new>": at a verb first, else at every word boundary."""
    pairs: list[tuple[str, str]] = []
    for split in _SPLITS:
        m = split.match(rest)
        if m:
            pairs.append((m.group("old"), m.group("new")))
    words = rest.split()
    pairs.extend((" ".join(words[:k]), " ".join(words[k:])) for k in range(1, len(words)))
    return pairs


def _symbol_fix(norm: str, lang: str, kind: str, current: str) -> str | None:
    cur = current.lower() if kind == "email" else current.upper()
    for pattern in _REPLACE:
        m = pattern.search(norm)
        if not m:
            continue
        swapped = _SWAPPED[0].search(norm) if pattern is _REPLACE[0] and m.start() > 0 else None
        if swapped and _NEGATION.sub("", swapped.group("new") + " ").strip():
            continue  # "es F en vez de la L": handled below, new value first ("no, en vez de…" is not)
        for old_text, new_text in _old_new_pairs(m.group("rest")):
            old, new = _syms(old_text, lang, kind), _syms(_strip_article(new_text), lang, kind)
            if old and new and old in cur and old != new:
                return cur.replace(old, new, 1)
    for pattern in _CHANGE:
        m = pattern.search(norm)
        if m:
            old, new = _syms(m.group("old"), lang, kind), _syms(_strip_article(m.group("new")), lang, kind)
            if old and new and old in cur and old != new:
                return cur.replace(old, new, 1)
    for pattern in _SWAPPED:
        m = pattern.search(norm)
        if m:
            old, new = _syms(m.group("old"), lang, kind), _syms(m.group("new"), lang, kind)
            if old and new and old in cur and old != new:
                return cur.replace(old, new, 1)
    for pattern in _BETWEEN:
        m = pattern.search(norm)
        if m:
            a, b = _syms(m.group("a"), lang, kind), _syms(m.group("b"), lang, kind)
            new = _syms(m.group("new"), lang, kind)
            if a and b and new and a + b in cur:
                at = cur.index(a + b) + len(a)
                return cur[:at] + new + cur[at:]
    m = _OMITTED.search(norm)
    if m:
        ref = _syms(m.group("ref"), lang, kind)
        new = _syms(m.group("new"), lang, kind)
        if ref and new and ref in cur:
            at = cur.index(ref) + (len(ref) if m.group("where") in ("despues", "after") else 0)
            return cur[:at] + new + cur[at:]
    for patterns, after in ((_INSERT, False), (_INSERT_AFTER, True)):
        for pattern in patterns:
            m = pattern.search(norm)
            if m:
                ref = _syms(m.group("ref"), lang, kind)
                new = _syms(_strip_article(m.group("new")), lang, kind)
                if ref and new and ref in cur:
                    at = cur.index(ref) + (len(ref) if after else 0)
                    return cur[:at] + new + cur[at:]
    for pattern in _PREPEND:
        m = pattern.search(norm)
        if m:
            new = _syms(_strip_article(m.group("new")), lang, kind)
            if new:
                return new + cur
    for pattern in _APPEND:
        m = pattern.search(norm)
        if m:
            new = _syms(_strip_article(m.group("new")), lang, kind)
            if new:
                return cur + new
    for pattern in _REMOVE:
        m = pattern.search(norm)
        if m and not re.search(r"\b(?:esta|estan|bien|mal|right|wrong|correct)\b", m.group("old")):
            old = _syms(m.group("old"), lang, kind)
            if old and old in cur and len(old) < len(cur):
                return cur.replace(old, "", 1)
    m = _POSITION.search(norm)
    if m:
        return _set_positions(m, lang, kind, cur)
    return _ends(norm, lang, kind, cur)


# "al final va un uno", "termina en T", "it ends with 7": the last symbols are these (and the first
# ones for "al principio va", "empieza con", "it starts with"); "otra"/"another" adds one instead
_AT_END = re.compile(r"\b(?:al final|hasta el final|el final|al ultimo|hasta atras|at the end|termina|"
                     r"terminan|acaba|ends?|finishes)"
                     r"(?: (?:con|en|with|in))? (?:(?:va|van|lleva|tiene|es|son|seria|goes|is|its|comes)"
                     r"(?: es)? )?(?P<new>.+)$")
_AT_START = re.compile(r"\b(?:al principio|al inicio|al comienzo|at the (?:start|beginning)|empieza|"
                       r"comienza|inicia|starts?|begins?)(?: (?:con|en|with|by))? (?:(?:va|van|lleva|tiene|"
                       r"es|son|seria|goes|is|its|comes)(?: es)? )?(?P<new>.+)$")
_ANOTHER = re.compile(r"\b(?:otra|otro|otras|otros|another|one more|extra|tambien|also)\b")


def _ends(norm: str, lang: str, kind: str, cur: str) -> str | None:
    if kind == "email" or not cur:
        return None
    for pattern, at_end in ((_AT_END, True), (_AT_START, False)):
        m = pattern.search(norm)
        if not m:
            continue
        new = _syms(_strip_article(m.group("new")), lang, kind)
        if not new or len(new) > len(cur):
            return None
        if _ANOTHER.search(norm):
            return cur + new if at_end else new + cur
        return cur[: len(cur) - len(new)] + new if at_end else new + cur[len(new):]
    return None


_EMAIL_SEPARATORS = {"guion bajo": "_", "underscore": "_", "guion": "-", "dash": "-", "hyphen": "-",
                     "punto": ".", "dot": "."}
_EMAIL_SEP_WORDS = re.compile(r"\b(?:guion bajo|underscore|guion|dash|hyphen|punto|dot)\b")
_EMAIL_FILLER = re.compile(r"\b(?:no|es|era|con|va|lleva|sino|seria|its|it is|is|with|a|an|un|una|el|la|the|"
                           r"not|en vez de|instead of|y|and|pero|but|mejor|correct|correcto)\b")
_ENDINGS = {"com", "mx", "net", "org", "edu", "gob", "us", "info", "es", "co"}
_PROVIDERS = frozenset(PROVIDERS)  # the well-known providers plausible.py knows the endings of


def _email_fix(norm: str, lang: str, cur: str) -> str | None:
    """ "no, es hotmail" (the provider), "no, es con guion bajo" (the separator of the local part)."""
    if cur.count("@") != 1:
        return None
    local, domain = cur.split("@")
    seps = [_EMAIL_SEPARATORS[w] for w in _EMAIL_SEP_WORDS.findall(norm)]
    rest = _EMAIL_FILLER.sub(" ", _EMAIL_SEP_WORDS.sub(" ", norm)).split()
    if seps and not rest:
        # "con guion bajo", "guion bajo, no punto": the one not in the address yet is the new one
        absent = {sep for sep in seps if sep not in local}
        new = absent.pop() if len(absent) == 1 else seps[-1]
        olds = {ch for ch in local if ch in "._-" and ch != new}
        if len(olds) == 1:
            return local.replace(olds.pop(), new) + "@" + domain
        return None
    label = domain.split(".")[0]
    named = [w for w in norm.split() if w in _PROVIDERS and w != label]
    said_at = re.search(r"@|\barroba\b|\bat\b", norm)
    if len(set(named)) == 1 and label in _PROVIDERS and not said_at:
        return local + "@" + named[0] + domain[len(label):]  # "no, es gmail, no hotmail"
    from daisy.understanding.emails import read_email

    piece = read_email(_NEGATION.sub("", norm).strip(), lang)
    if piece.startswith("@") and piece.count("@") == 1 and "." in piece:
        return local + piece  # "no, es arroba hotmail punto com"
    if piece.startswith("@") and piece[1:] in _PROVIDERS:
        return local + piece + domain[len(label):]  # "no, es arroba hotmail"
    if piece.startswith(".") and all(p in _ENDINGS for p in piece[1:].split(".")):
        return local + "@" + label + piece  # "no, es punto com punto mx"
    if not piece or "@" in piece:
        return None
    if piece in _PROVIDERS and piece != label:
        return local + "@" + piece + domain[len(label):]  # "no, es hotmail"
    if "." in piece and piece.split(".")[0] in _PROVIDERS and not piece.startswith("."):
        return local + "@" + piece  # "no, es outlook punto com"
    return None


def _strip_article(fragment: str) -> str:
    """ "a T", "an F", "una T": the article is not the letter A."""
    return re.sub(r"^(?:an?|una?|the) (?=\S)", "", fragment.strip())


def _set_positions(m: re.Match[str], lang: str, kind: str, cur: str) -> str | None:
    pos = _POSITIONS[m.group("pos")]
    scope = m.group("scope") or ""
    if scope in _SCOPE_LETTER:
        slots = [k for k, ch in enumerate(cur) if ch.isalpha()]
    elif scope in _SCOPE_DIGIT:
        slots = [k for k, ch in enumerate(cur) if ch.isdigit()]
    else:
        slots = list(range(len(cur)))
    if not slots:
        return None
    pieces = [p for p in _THEN.split(m.group("new")) if p.strip()]
    chars = list(cur)
    index = pos - 1 if pos > 0 else len(slots) + pos
    changed = False
    for piece in pieces:
        sym = _syms(_strip_article(piece), lang, kind)
        if not sym:
            continue
        for ch in sym:
            if not 0 <= index < len(slots):
                return "".join(chars) if changed else None
            chars[slots[index]] = ch
            index += 1
            changed = True
    return "".join(chars) if changed else None


def _word_swap(text: str, norm: str, current: str) -> str | None:
    """Names: "en vez de Juan es Julio" swaps one word, keeping the rest."""
    words = current.split()
    plain = [strip_accents(w.lower()) for w in words]
    for pattern in (_REPLACE[0], _REPLACE[2], _REPLACE[6]):
        m = pattern.search(norm)
        if not m:
            continue
        pairs = _old_new_pairs(m.group("rest"))
        if not pairs:
            continue
        old_text, new_text = pairs[0]
        old = old_text.split()
        new_raw = _original_words(text, new_text.split())
        if len(old) == 1 and old[0] in plain and new_raw:
            k = plain.index(old[0])
            return " ".join(words[:k] + [w[:1].upper() + w[1:] for w in new_raw] + words[k + 1:])
    return None


def _original_words(text: str, wanted: list[str]) -> list[str]:
    """The words of ``text`` (accents kept) that normalize to the ``wanted`` tail."""
    raw = [w for w in re.split(r"[^\w'-]+", text) if w]
    tail = raw[-len(wanted):] if wanted else []
    return [w for w in tail if normalize(w) not in ("la", "el", "es")] or wanted


def _whole_value(text: str, lang: str, kind: str, current: str, now: datetime | None) -> str | None:
    """ "No, es cuarenta y tres": the value said again after the no."""
    from daisy.understanding.values import read_value

    norm = normalize(text)
    if not _STARTS_WITH_NO.match(norm):
        return None
    rest_norm = _NEGATION.sub("", norm).strip()
    if not rest_norm:
        return None
    # drop as many original words as the negation took, so accents of names survive
    drop = len(norm.split()) - len(rest_norm.split())
    raw_words = text.split()
    while drop > 0 and raw_words:
        drop -= len(normalize(raw_words[0]).split())
        raw_words = raw_words[1:]
    rest_text = " ".join(raw_words) if drop == 0 and raw_words else rest_norm
    value = read_value(kind, rest_text, lang, now or datetime.now())
    if value is None:
        return None
    if kind == "plate" and len(value) < 3:
        return None
    if kind == "email" and "@" not in value:
        return None
    return value


_STARTS_WITH_NO = re.compile(r"^(?:no|nope|nah|que no|esta mal|incorrecto|wrong|thats wrong|not)\b")
