"""Email addresses written by the recognizer, dictated in words, or a bit of both.

"juan punto perez arroba gmail punto com", "jota ele guion bajo 82 at yahoo dot com", or the
recognizer's own "jorgeoctavionicolas10@gmail.com": all become one lowercase string. A piece of an
address (only the local part, only "@gmail.com") is returned as is, so the dialogue can join
pieces said over several turns.
"""

from __future__ import annotations

import re

from daisy.understanding import email_spelled, readback, spelling
from daisy.understanding.normalize import is_english, last_version, normalize
from daisy.understanding.numbers import TENS, find_numbers, word_table
from daisy.understanding.plausible import PROVIDERS, provider_as_said

_COMPLETE = re.compile(r"^[a-z0-9](?:[a-z0-9._%+-]*[a-z0-9_])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
                       r"(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$")

# Words that name the whole address before it: said after some pieces, what follows is the address said
# again from its start, not more of it ("dylan underscore", then "my email is dillon underscore…")
_WHOLE_NAMED_ES = ["mi correo electronico es", "mi correo es", "el correo electronico es", "el correo es",
                   "mi email es", "mi mail es", "mi e mail es", "el email es", "es", "seria"]
_WHOLE_NAMED_EN = ["my email address is", "my email is", "the email is", "my e mail is", "its", "it is"]
# Words before the address that are no part of it (those naming it among them)
_LEAD_ES = [
    "si", "claro", "ok", "okey", "bueno", "pues", "este", "eh", *_WHOLE_NAMED_ES,
    "correo", "a ver", "anota", "apunta", "mira", "ahi va",
    # the end of a yes to the last read-back, heard at the start of this answer
    "correcto", "correcta", "asi es", "exacto", "eso es",
]
_LEAD_SINGLE = {"es", "son", "seria", "its", "correo", "email", "mail"}
_LEAD_EN = [
    "yes", "yeah", "sure", "ok", "okay", "so", "um", "uh", *_WHOLE_NAMED_EN, "email", "thats", "that is",
    "correct", "thats right", "right", "exactly",
]
_DROP = {
    "y", "luego", "despues", "then", "and", "todo", "junto", "pegado", "junta", "sin", "espacios",
    "espacio", "eh", "este", "mmm", "mm", "um", "uh", "por", "favor", "please", "together", "all",
    "one", "word", "minuscula", "minusculas", "mayuscula", "mayusculas", "lowercase", "capital",
    "small", "letra", "letter", "numero", "number", "gracias", "thanks", "thank", "ok", "okey",
    "okay", "seguido", "igual", "en",
}
# Letter names that are also words: a letter only among other spelled letters.
_WORDLIKE_ES = {"de", "te", "se", "ve", "ese", "ca", "je"}
_WORDLIKE_EN = {"you", "see", "sea", "are", "be", "why", "oh", "tea", "pea", "eye"}
# "todo junto", "all one word": instructions, not part of the address
_TOGETHER = re.compile(r"\b(?:todo junto|todo pegado|todo seguido|junto|pegado|all one word|one word|"
                       r"all together|together|thank you|no spaces|sin espacios)\b")
_HYPHEN_NUMBER = re.compile(r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-"
                            r"(one|two|three|four|five|six|seven|eight|nine)\b")
_HEARD_NOT = re.compile(r"\b([a-z0-9]+) not\b(?= [a-z0-9])")
_SPELLED_HYPHENS = re.compile(r"^(?:[a-z0-9]-){2,}[a-z0-9]$")
# a dot that ends a sentence; one with spaces on both sides ("juan . perez") is the address's dot
_END_DOT = re.compile(r"(?<!\s)[.]+(?=\s|$)|(?<=\s)[.]+(?=\s*$)")
_CASE = {"minuscula", "minusculas", "mayuscula", "mayusculas", "lowercase", "capital", "small"}
_SEPARATORS = {"_", "-", ".", "@", "punto", "arroba"}
# Conversation, not dictation: "ya te lo di", "who is this", "la carretera de ahí".
_CHATTER = set("""
ya te lo di dije que no si se me por favor espera como cual donde quien la el de ahi aqui eso esa ese
esta estoy bien mal pues bueno oye mande perdon otra vez repite hola gracias tu mi un una con para
who is this what where are you the a an i it that please wait sorry hello hi again say repeat can do
let see here go you alright sure thing got its so basically hmm check ready write down okay um uh well
apuntale apunta anota anotale fijate ver dejame deja andale orale busco checo va ya son ok ahi te le verdad
aja mande nose llamame llama mas tarde mejor whatsapp correo mandamelo mandame manda esperame dame
chance segundo momento persona robot habla repiteme escucho oigo sigues ahorita tengo mano manejando
ocupado adios bye yes yeah yep nope okay ok hold on second give me minute minutes minuto minutos dont
know driving right now call back let check huh uh um hmm eh mmm busy later sure thanks gracias
esas esos estas estos nomas solo nada listo ya
""".split())
_MARKERS = {"@", "arroba", "punto", "dot", "at", "guion", "underscore", "dash", "_", "-", "letra",
            "letter", "numero", "number"}
_AT = {"arroba", "@"}
_DOT = {"punto", "."}
_DOMAIN_FIXES = {
    "jmail": "gmail", "gemail": "gmail", "jemail": "gmail", "jimail": "gmail", "yimail": "gmail",
    "gmial": "gmail", "gamil": "gmail", "gmali": "gmail", "gimail": "gmail", "gmeil": "gmail",
    "jimeil": "gmail",
    "yimeil": "gmail", "gmai": "gmail", "gmal": "gmail", "hotmeil": "hotmail", "jotmail": "hotmail",
    "hormail": "hotmail", "yahu": "yahoo", "yajoo": "yahoo", "yaju": "yahoo", "outlok": "outlook",
    "autlook": "outlook", "aoutlook": "outlook", "icloud": "icloud", "aicloud": "icloud",
}
_TLD_FIXES = {"con": "com", "comm": "com", "come": "com", "kom": "com", "net": "net", "nett": "net"}
_WORDS = {"gmail", "hotmail", "yahoo", "outlook", "live", "icloud", "msn", "aol", "com", "net", "org",
          "mx", "edu", "gob", "us", "info"}


def names_the_whole(text: str, lang: str) -> bool:
    """The utterance starts with words that name the whole address ("my email is …", "es …")."""
    words = normalize(text).split()
    leads = _WHOLE_NAMED_EN if is_english(lang) else _WHOLE_NAMED_ES
    return any(words[: len(lead.split())] == lead.split() for lead in leads)


def _units_heard_as_words(words: list[str], lang: str) -> list[str]:
    """ "nelson 60 heaven": the unit of a number said after its tens, heard as the word it sounds like
    (espeak-ng's "sixty seven", "forty five" as "forty time"). No address runs a tens number into such
    a word."""
    table = word_table(lang)
    out: list[str] = []
    for w in words:
        unit = spelling.digit_heard_as_word(w)
        before = out[-1] if out else ""
        if unit in (None, "zero"):  # (no number ends its tens with a zero said after them)
            out.append(w)
        elif re.fullmatch(r"[2-9]0", before):
            out[-1] = str(int(before) + table[unit][1])
        else:
            out.append(unit if table.get(before, (None, 0))[0] == TENS else w)
    return out


def _strip_lead(words: list[str], english: bool) -> list[str]:
    leads = [p.split() for p in (_LEAD_EN if english else _LEAD_ES)]
    leads.sort(key=len, reverse=True)
    changed = True
    while changed and words:
        changed = False
        for lead in leads:
            if words[: len(lead)] == lead and len(words) > len(lead):
                words = words[len(lead):]
                changed = True
                break
    return words


# the line's "at" heard "as", "add", "and" or "are" right before a well-known provider and its ending
# (when no "at" was heard: "Murray and iCloud dot com")
_AT_HEARD_BEFORE_A_PROVIDER = re.compile(
    rf"\b(?:as|add|ad|and|are)(?= (?:{'|'.join(PROVIDERS)}) (?:dot|not|\.) ?(?:com|mx|net)\b)")


# A digit said last before the at, written as the word it sounds like ("king for at yahoo dot com",
# "Tango Hotel, for at gmail"): no connector nor word of an address stands right before the at
# (the speller's everyday homophones of digits: "for", "to", "won", "ate", "tree")
_DIGIT_AS_SAID = {said: str(word_table("en")[digit][1]) for said, digit in spelling._HOMOPHONES.items()
                  if said not in spelling._PLAIN_HOMOPHONES}
_DIGIT_BEFORE_THE_AT = re.compile(
    r"(?i)(?<=\w[\s,.])\s*\b(" + "|".join(_DIGIT_AS_SAID) + r")\b(?=[,.]?\s*(?:at\b|@))")


# "Se polanco arroba yahoo…": the initial C ("ce", which Whisper writes as the pronoun "se") before a
# surname, as addresses start ("cpolanco"); a pronoun never stands before a surname and the at
_C_BEFORE_A_SURNAME = re.compile(r"(?i)^((?:mi correo es|es)\s+)?se,?\s+(?=([^\W\d_]{4,})[,.]?\s+arroba\b)")


def _c_before_a_surname(m: re.Match[str]) -> str:
    from daisy.understanding import name_lexicon  # (only on such an answer: the lists load on first use)

    return f"{m.group(1) or ''}ce " if name_lexicon.known(m.group(2)) else m.group(0)


# "underscore" written a letter off ("Lima, Undercore, Lima", espeak-ng, made-up set 70): no address
# word is that close to it (rapidfuzz ratio; "understood" is 70)
_UNDERSCORE_BENT = re.compile(r"(?i)\b[a-z]{8,11}\b")
UNDERSCORE_NEAR = 85


def _underscore_bent(m: re.Match[str]) -> str:
    from rapidfuzz import fuzz

    word = m.group(0)
    return "underscore" if fuzz.ratio(word.lower(), "underscore") >= UNDERSCORE_NEAR else word


def read_email(text: str, lang: str) -> str:
    """The (possibly partial) email address in this utterance, lowercase; "" when none."""
    try:
        text = last_version(text)
        if is_english(lang):
            text = _DIGIT_BEFORE_THE_AT.sub(lambda m: " " + _DIGIT_AS_SAID[m.group(1).lower()], text)
            text = _UNDERSCORE_BENT.sub(_underscore_bent, text)
        else:
            text = _C_BEFORE_A_SURNAME.sub(_c_before_a_surname, text)
        spelled = email_spelled.address(text, lang)
        return spelled if spelled is not None else _read_email(text, lang)
    except Exception:  # never crash the call
        return ""


_UNDERSCORE_RUN_IN = re.compile(r"(?<=[a-z])(?=underscore|guionbajo)|(?<=underscore)(?=[a-z0-9])")


def _read_email(text: str, lang: str) -> str:
    if not isinstance(text, str):
        return ""
    english = is_english(lang)
    # "gmail. com": a dot the recognizer spaced before a domain ending is the address's dot
    text = _SPACED_DOT.sub(".", text)
    text = _drop_talk_before(text)
    # a dot that ends a sentence is punctuation, not "punto"
    norm = _END_DOT.sub(" ", normalize(_END_DOT.sub(" ", text), keep="@._-"))
    # "guion bajo" and friends first, as they are two words for one symbol; the recognizer may run
    # one into the words around it ("carlunderscore", "robbertunderscoremail": no address holds the
    # word) or write it as the verb ("underscored turner")
    norm = _UNDERSCORE_RUN_IN.sub(" ", re.sub(r"underscore[ds]\b", "underscore", norm))
    norm = norm.replace("guionbajo", "guion bajo")
    # ("veneguion bajo", "mitsuyom bajo": normalize has split and mended those already)
    norm = re.sub(r"\b(?:guion bajo|guion abajo|bajo guion|sub guion|subguion|under score|underscore)\b",
                  " _ ", norm)
    norm = re.sub(r"\b(?:guion medio|guion|dash|hyphen|medio guion)\b", " - ", norm)
    # "arroba" bent: its b heard as an l on the line ("aferalta 27 arrola transportezada punto mx")
    norm = re.sub(r"\b(?:a roba|aroba|arrova|a rroba|arrola|arola)\b", " arroba ", norm).replace("ñ", "n")
    norm = _ROLA.sub(" arroba ", norm)
    norm = re.sub(r"(?<=[a-z0-9])arroba|arroba(?=[a-z0-9])", " arroba ", norm)  # "36arroba", "arrobaoutlook"
    if english:
        norm = re.sub(r"\bat (?:sign|symbol)\b", " @ ", norm)
        norm = re.sub(r"\bat\b", " @ ", norm)
        if "@" not in norm:  # "short as yahoo not com": the line's "at" heard "as" before a provider
            norm = _AT_HEARD_BEFORE_A_PROVIDER.sub(" @ ", norm)
        norm = re.sub(r"\b(?:dot|period|point)\b", " . ", norm)
        # the line's "dot" heard "not" after a piece of address ("brenda not whitfield", "icloud not
        # com"); after talk it is a "not" ("that's not right")
        norm = _HEARD_NOT.sub(lambda m: m.group(0) if m.group(1) in _CHATTER else f"{m.group(1)} . ", norm)
        norm = re.sub(r"\b(\d+) ?(?:st|nd|rd|th)\b", r"\1", norm)  # "thirty-eight" written "38th"
    norm = _TOGETHER.sub(" ", spelling._TALK.sub(" ", norm))
    if not english:
        # "punto" bent and run into the domain's word before its ending ("transportes navacunto mx" for
        # "transportesnava punto mx", Kokoro, made-up set 85)
        norm = _BENT_PUNTO_RUN_IN.sub(" punto ", norm)
    # "arroba gmail com", "@gmail com": a domain followed by its ending lost the dot between them
    norm = _LOST_DOT.sub(r"\1 . ", norm)
    norm = _HYPHEN_NUMBER.sub(r"\1 \2", norm)  # "twenty-seven" is a number, not a dash
    words = spelling._merge_pairs([w.strip() for w in norm.split() if w.strip()])
    words = _strip_lead(words, english)
    if not any(w in _MARKERS or any(ch in w for ch in "@._-") for w in words):
        plain = [w for w in words if not w.isdigit() and w not in _CASE]
        chatter = sum(1 for w in plain if w in _CHATTER)
        if len(plain) == 1 and spelling._letter_of(plain[0], lang) is not None and plain[0] != "no":
            chatter = 0  # "de", "are": one letter dictated alone
        wordlike = _WORDLIKE_EN if english else _WORDLIKE_ES
        spelled = sum(1 for w in plain if w not in wordlike and w not in _CHATTER - {"a", "i"}
                      and (len(w) == 1 or spelling._letter_of(w, lang) is not None))
        if spelled * 2 >= len(plain):
            chatter = 0  # "a ere te u": letters being spelled
        if "?" in text or "¿" in text or (chatter and chatter * 3 >= len(plain)):
            return ""  # a question or a sentence, not a piece of address
    if any(w in _AT or "@" in w for w in words):
        # "oye pues te digo que es juan arroba ...": chatter before the address is not part of it
        while len(words) > 1 and (words[0] in _CHATTER or words[0] in _LEAD_SINGLE
                                  or words[0] in _TALK_WORDS and words[1] not in _AT) and len(words[0]) > 1 \
                and (spelling._letter_of(words[0], lang) is None
                     or words[0] in (_WORDLIKE_EN if english else _WORDLIKE_ES)
                     and not _among_letters(words, 0, lang)):
            words = _strip_lead(words[1:], english)
    if english:
        words = _units_heard_as_words(words, lang)
    # English "oh" among digits is zero; elsewhere it stays a word
    nums = {n.start: n for n in find_numbers(words, lang) if not (n.value == 0 and words[n.start] in ("o",))}
    out: list[str] = []
    connectors = {"as", "for", "like"} if english else {"de", "como"}
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        if w.isalpha() and i + 1 < n and words[i + 1][:1].isdigit() and "@" in words[i + 1]:
            # the letters of an address written whole, split from its digits ("hess59@aol.com" as
            # "hess 59@aol.com"): a word as written, no letter's name ("hess") nor case word ("small")
            out.append(w)
        elif w in _AT:
            out.append("@")
        elif w in _DOT:
            out.append(".")
        elif w in ("_", "-"):
            out.append(w)
        elif i in nums:
            out.append(nums[i].digits)
            i = nums[i].end
            continue
        elif _SPELLED_HYPHENS.match(w):
            out.append(w.replace("-", ""))  # "j-o-h-n": a word spelled by the recognizer
        elif any(ch in w for ch in "@._-"):
            out.append(w)
        elif w in ("doble", "double") and i + 1 < n and spelling._letter_of(words[i + 1], lang) is not None \
                and i + 1 not in nums:
            out.append(spelling._letter_of(words[i + 1], lang).lower() * 2)  # type: ignore[union-attr]
            i += 2
            continue
        elif w in ("letra", "letter") and i + 1 < n:
            letter = spelling._letter_of(words[i + 1], lang) or words[i + 1][:1]
            letter, j = spelling._bv_modifier(words, i + 2, letter.upper())  # "be grande", "ve chica"
            j, letter = _key(words, j, letter, lang, connectors)
            out.append(letter.lower())
            i = j
            continue
        elif w in _DROP:
            pass
        elif _after_tld(out) and w.isalpha():
            pass  # "... punto com, pero todo junto": words after the ending are not the address
        else:
            letter = spelling._letter_of(w, lang) if (len(w) > 1 or english) else None
            if letter is not None and w in (_WORDLIKE_EN if english else _WORDLIKE_ES) \
                    and not _among_letters(words, i, lang):
                letter = None
            if letter is not None and w not in _WORDS:
                letter, j = spelling._bv_modifier(words, i + 1, letter.upper())  # "be grande", "ve chica"
                j, letter = _key(words, j, letter, lang, connectors)
                out.append(letter.lower())
                i = j
                continue
            out.append(w)
        i += 1
    return _fix_domain("".join(out), said="@" not in text)


_LOST_DOT = re.compile(r"((?:@|\barroba\b)\s*[a-z][a-z0-9-]*(?:\s*\.\s*[a-z0-9-]+)*)\s+"
                       r"(?=(?:com|net|org|edu|gob|mx)\b)")
_SPACED_DOT = re.compile(r"(?i)(?<=[a-z0-9])\s*\.\s+(?=(?:com|mx|net|org|edu|gob|us|info|es|co)\b)")


def _drop_talk_before(text: str) -> str:
    """ "el correo de la empresa, logistica arroba fletes punto mx": the talk before the address goes.

    Comma-separated pieces before the piece that holds the "@"/"arroba" are dropped when they are
    phrases (two words or more) mostly made of everyday words, up to their last word.
    """
    if "," not in text:
        return text
    pieces = text.split(",")
    at = next((k for k, p in enumerate(pieces) if "@" in p or re.search(r"(?i)\barroba\b|\bat\b", p)), None)
    if not at:
        return text
    start = 0
    for k in range(at):
        words = normalize(pieces[k]).split()
        talk = sum(1 for w in words if w in _CHATTER or w in _TALK_WORDS)
        talk_to_the_end = words[-1] in _CHATTER or words[-1] in _TALK_WORDS  # not "mi correo es silvia"
        if len(words) >= 2 and talk * 2 >= len(words) and talk_to_the_end \
                and not any(w in _MARKERS for w in words):
            start = k + 1
    return ",".join(pieces[start:]) if start else text


_TALK_WORDS = {"empresa", "trabajo", "personal", "oficina", "compania", "correo", "email", "mail", "del",
               "electronico", "es", "mi", "el", "la", "de", "company", "work", "office", "address", "my"}


# Pieces an address's domain may span at most (a domain spelled letter by letter): looking no further
# back keeps each check short, so a long answer is read in linear time.
_DOMAIN_PIECES = 128


def _after_tld(out: list[str]) -> bool:
    """The address already ends with a domain ending and no "." or "@" waits for more."""
    text = "".join(out[-_DOMAIN_PIECES:])
    if "@" not in text or not out or out[-1] in (".", "@", "_", "-"):
        return False
    domain = text.rsplit("@", 1)[1]
    return "." in domain and domain.rsplit(".", 1)[1] in _TLDS


def _among_letters(words: list[str], i: int, lang: str) -> bool:
    """ "de a ene": spelled; "de guion sepulveda": a lone initial between separators."""
    k = i - 1
    while k >= 0 and words[k] in _CASE:
        k -= 1
    m = i + 1
    bv_mods = spelling._B_MODS | spelling._V_MODS
    if words[i] in ("be", "ve", "b", "v") and m < len(words) and words[m] in bv_mods:
        return True  # "ve chica", "be grande": a letter said the Mexican way
    while m < len(words) and words[m] in _CASE:
        m += 1
    prev = words[k] if k >= 0 else None
    nxt = words[m] if m < len(words) else None
    if any(x is not None and (len(x) == 1 and x.isalpha() or spelling._letter_of(x, lang) is not None)
           for x in (prev, nxt)):
        return True
    return (prev is None or prev in _SEPARATORS) and (nxt is None or nxt in _SEPARATORS)


def _key(words: list[str], j: int, letter: str, lang: str, connectors: set[str]) -> tuple[int, str]:
    """Skip case words; "jota de Jalisco" takes the key word's letter."""
    while j < len(words) and words[j] in _CASE:
        j += 1
    if letter.upper() in ("B", "V") and j < len(words):
        letter, j = spelling._bv_modifier(words, j, letter.upper())
        letter = letter.lower()
        while j < len(words) and words[j] in _CASE:
            j += 1
    if j + 1 < len(words) and words[j] in connectors:
        k = j + 1
        if words[j] == "as" and words[k] == "in":
            k += 1
        if k < len(words) and spelling._is_keyword(words[k], lang):
            return k + 1, words[k][0]
    return j, letter


def _fix_domain(addr: str, said: bool = True) -> str:
    addr = re.sub(r"\.{2,}", ".", addr.lower())
    addr = re.sub(r"@{2,}", "@", addr)
    if "@" not in addr:
        addr = _at_heard_as_a_dot(_at_run_into_provider(addr))
    # "mario arroba gmail punto com, arroba gmail punto com": the domain heard twice is said once
    addr = _domain_said_once(addr)
    if "@" not in addr:
        return addr
    local, _, domain = addr.partition("@")
    parts = _DOT_GLUED.sub(".", domain).split(".")
    parts = _unglued(parts)
    parts = [_DOMAIN_FIXES.get(p, p) if k == 0 else _TLD_FIXES.get(p, p) for k, p in enumerate(parts)]
    ending = ".".join(parts[1:])
    provider = _near_provider(parts[0], "com")
    if said and ending and provider in PROVIDERS and ending not in PROVIDERS[provider]:
        # the ending cut short ("Arrobajemael.co" for "arroba gmail punto com"): a well-known provider's
        # own ending it begins (said, not typed: "ramon@gmail.co" typed is refused as it is)
        longer = [e for e in PROVIDERS[provider] if e.startswith(ending)]
        ending = longer[0] if len(longer) == 1 else ending
    parts = [parts[0], *ending.split(".")] if ending else parts
    parts[0] = _near_provider(parts[0], ".".join(parts[1:]))
    return f"{local}@{'.'.join(parts)}"


_BENT_PUNTO_RUN_IN = re.compile(r"(?<=[a-z]{2})[bcp]unto(?= (?:com|mx|net|org|es)\b)")
# "at Yahoo Dotcom", "arroba gmail puntocom": the dot's word glued between a domain and its ending
_DOT_GLUED = re.compile(r"(?<=[a-z])(?:dot|punto)(?=(?:com|net|org|mx|edu|gob)(?:\.|$))")


def _domain_said_once(addr: str) -> str:
    """The address with each domain Whisper wrote again right after itself said once: the same, cut
    short ("avarete@hotmail.com@hotmail.com@hotmail."), a letter off ("@gmail.com@gmail.com@cmail.com")
    or a lone "@" left ("@gmail.com@"). Two different domains both stay, for the checks to refuse."""
    from rapidfuzz.distance import Levenshtein

    local, *domains = addr.split("@")
    kept: list[str] = []
    for domain in domains:
        if kept and kept[-1] and (kept[-1].startswith(domain) or Levenshtein.distance(domain, kept[-1]) <= 1):
            continue
        kept.append(domain)
    return "@".join([local, *kept])


def _at_run_into_provider(addr: str) -> str:
    """ "mdashbellatyahoo.com", "clark29adol.com": the "at" run into a well-known provider (the provider
    bent by a letter at most: "at aol" heard "adol", "aveol"), the "@" lost; or the "at" lost whole
    before a provider heard exactly ("hues98hotmail.com": not "hues98ho" at a "tmail" one letter off
    gmail). Only where no "@" was heard: as it is, the address could not be one."""
    from rapidfuzz.distance import Levenshtein

    # (letters off, how "at" was heard, provider, where, the ending)
    found: list[tuple[int, int, str, int, str]] = []
    for provider, endings in PROVIDERS.items():
        # (the address may have a dot of its own before: "cashin.bulletinicloud.com")
        ending = next((e for e in sorted(endings, key=len, reverse=True) if addr.endswith("." + e)), None)
        head = addr[: -len(ending) - 1] if ending else ""
        if len(head) < 5:
            continue
        for size in range(len(provider) - 1, len(provider) + 2):
            off = Levenshtein.distance(head[-size:], provider)
            if off > 1:
                continue
            before = head[:-size]
            if before.endswith("."):
                continue  # the "at" heard as a dot: _at_heard_as_a_dot
            if before[-2:-1] == "a" and before[-1:] in _AT_HEARD and before[-1:] != provider[0]:
                found.append((off, 0, provider, len(before) - 2, ending))  # "at", its t bent: "ad", "av"
            elif before[-1:] in ("t", "d"):
                found.append((off, 1, provider, len(before) - 1, ending))  # its a run into the word before
            elif before[-1:] == "a" and off == 0:
                found.append((off, 2, provider, len(before), ending))  # all of it run into a word's last a
            elif off == 0:
                found.append((off, 3, provider, len(before), ending))  # lost whole: "hughes98hotmail.com"
    found = [f for f in found if f[3] >= 2]
    if not found:
        return addr
    best = min(found)
    if any(f[2] != best[2] and f[:2] == best[:2] for f in found):
        return addr  # as near another provider: not ours to choose
    return f"{addr[: best[3]]}@{best[2]}.{best[4]}"


_AT_HEARD = set("tdvpb")  # the t of "at" on the line


def _at_heard_as_a_dot(addr: str) -> str:
    """ "jack.martina.yahoo.com", "tenya.shanana.aol.com": the "at" heard as "dot" or "not" before a
    well-known provider and its ending. No address has such a provider's domain under another name,
    so that dot is the at. Only where no "@" was heard."""
    parts = addr.split(".")
    for k in range(1, len(parts) - 1):
        if parts[k] in PROVIDERS and ".".join(parts[k + 1:]) in PROVIDERS[parts[k]] and all(parts[:k]):
            return f"{'.'.join(parts[:k])}@{'.'.join(parts[k:])}"
    return addr


# ...and its "ar" lost ("Zera la roba gmail punto com", "esa roba line punto com"): before a provider or
# a domain that goes on with "punto"
_ROLA = re.compile(r"\bro[bl]a(?= (?:" + "|".join(PROVIDERS) + r")\b| [a-z0-9-]+ punto\b)")


# the endings the well-known providers have, longest first ("commx" is com.mx before com)
_GLUED_ENDINGS = sorted({e for endings in PROVIDERS.values() for e in endings}, key=len, reverse=True)


def _unglued(parts: list[str]) -> list[str]:
    """ "emailcom": a well-known provider (or one bent by a letter) run into its ending, the dot
    lost between them ("at gmail dot com" heard "at emailcom")."""
    if len(parts) != 1:
        return parts
    for ending in _GLUED_ENDINGS:
        glued = ending.replace(".", "")
        head = parts[0][: -len(glued)]
        if parts[0].endswith(glued) and len(head) >= 3:
            provider = _near_provider(_DOMAIN_FIXES.get(head, head), ending)
            if ending in PROVIDERS.get(provider, ()):
                return [provider, *ending.split(".")]
    return parts


_LONG = 6  # a provider's name this long or longer stays itself bent by two letters


def _near_provider(name: str, ending: str) -> str:
    """A provider the recognizer bent by one letter ("hmail", "line", "hotmal") is that provider, when
    exactly one well-known provider is that near and has this ending; or one written as it sounds
    (provider_as_said)."""
    # "a-o-l", "-i-cloud", "e-mail": a provider spelled out, or bent so (a domain of its own keeps its
    # hyphens: "mi-empresa.mx")
    bare = name.replace("-", "")
    if bare in PROVIDERS or not bare.isalpha():
        return bare if bare in PROVIDERS else name
    from rapidfuzz.distance import Levenshtein

    near = [p for p, endings in PROVIDERS.items() if ending in endings and Levenshtein.distance(bare, p) == 1]
    if len(bare) >= 4 and len(near) == 1:
        return near[0]
    # a long one bent by two ("iclount" for icloud): no other provider of six letters or more is so near
    far = [p for p, endings in PROVIDERS.items()
           if ending in endings and len(p) >= _LONG and Levenshtein.distance(bare, p) == 2]
    if not near and len(bare) >= _LONG and len(far) == 1:
        return far[0]
    said = provider_as_said(bare) or _first_letter_said(bare)
    return said if said and ending in PROVIDERS[said] else name


def _first_letter_said(bare: str) -> str | None:
    """ "eyecloud", "geemail": a provider whose first letter was written as its English name."""
    from daisy.understanding.packs.en_us_words import LETTER_NAMES

    for name, letter in LETTER_NAMES.items():
        provider = letter.lower() + bare[len(name) :]
        if len(name) > 1 and bare.startswith(name) and provider in PROVIDERS:
            return provider
    return None


_TLDS = {"com", "mx", "net", "org", "edu", "gob", "us", "info", "es", "co", "io", "biz", "con"}
_USUAL_TLD = {"gmail": "com", "hotmail": "com", "outlook": "com", "icloud": "com", "yahoo": "com",
              "live": "com", "aol": "com", "msn": "com"}


def ends_in_a_domain_ending(s: str) -> bool:
    """ "….ibarra.com": what was taken of an address already ends the way an address ends."""
    return "." in s and s.rsplit(".", 1)[1] in _TLDS - {"con"}


def guess_complete(s: str) -> str | None:
    """ "juan@gmail" -> "juan@gmail.com": a likely whole address when the caller stopped at a
    well-known provider (for Daisy to offer in the read-back); None when there is nothing to add."""
    if not isinstance(s, str) or s.count("@") != 1 or is_complete_email(s):
        return None
    local, domain = s.split("@")
    tld = _USUAL_TLD.get(domain.rstrip("."))
    if not local or tld is None:
        return None
    guess = f"{local}@{domain.rstrip('.')}.{tld}"
    return guess if is_complete_email(guess) else None


def is_complete_email(s: str) -> bool:
    """True for a whole, valid-looking address: local@domain.tld."""
    if not isinstance(s, str) or ".." in s or s.count("@") != 1:
        return False
    return bool(_COMPLETE.match(s))


_SAYABLE = re.compile(r"^(?:[bcdfghjklmnñpqrstvwxyz]{0,3}[aeiou]{1,2})+[bcdfghjklmnñpqrstvwxyz]{0,2}$")


_ONSETS = {"bl", "br", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "pl", "pr", "tr", "ch", "ll", "sh", "th",
           "wh", "sm", "sn", "sp", "st", "sk", "sw", "tw", "qu", "kn", "ph", "gu", "rr"}


def sayable(word: str) -> bool:
    """A run of letters that reads as a word ("perez", "smith"), not initials ("jsmith", "jl")."""
    if word in _WORDS and len(word) > 2:
        return True
    if len(word) < 3 or not _SAYABLE.match(word):
        return False
    lead = len(word) - len(word.lstrip("bcdfghjklmnñpqrstvwxyz"))
    return lead <= 1 or lead == 2 and word[:2] in _ONSETS


def say_email(s: str, lang: str) -> str:
    """Read an address back (the wording lives in `readback`)."""
    return readback.say_email(s, lang)
