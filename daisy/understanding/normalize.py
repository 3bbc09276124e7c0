"""Text clean-up shared by every value parser.

The recognizer hands us mixed case, accents (sometimes missing, sometimes extra), punctuation it
guessed, and words glued together ("Treintaidós", "Letraeme"). Every parser works on the same
lowercase, accent-free (but ñ-keeping) form, so rules are written once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

_TENS = "treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa"
_UNITS = "uno|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve"
_NATO = ("alfa|alpha|bravo|charlie|delta|echo|eco|foxtrot|golf|hotel|india|juliet|julieta|kilo|lima|mike|"
         "november|noviembre|oscar|papa|quebec|romeo|sierra|tango|uniform|uniforme|victor|whiskey|whisky|"
         "xray|yankee|zulu")
# Spanish letter names (and lone letters) that can follow a damaged "letra"
_LETTER_NAMES = ("[a-zñ]|be|ce|se|de|efe|ge|je|hache|ache|jota|ka|ca|ele|eme|ene|eñe|enie|pe|cu|ku|erre|ere|"
                 "ese|te|ve|uve|doble|dobleu|doblev|dobleve|equis|ekis|ye|zeta|seta|ceta|igriega|ygriega")

# Glue produced by the recognizer, rewritten to the words a rule expects.
_A_LETTER = re.compile(rf"(?:{_LETTER_NAMES}|{_NATO})")


_HUNDREDS_HEAD = {"cinco": "quinien", "siete": "setecien", "sete": "setecien", "nueve": "novecien",
                  "nove": "novecien"}


def _hundreds(m: re.Match[str]) -> str:
    head = m.group(1)
    return _HUNDREDS_HEAD.get(head, head + "cien") + "t" + m.group(2)


_NATO_WORD = re.compile(rf"\b(?:{_NATO})\b")


def _bent_november(m: re.Match[str]) -> str:
    """ "victor juliet no ven ver": November split in three among other NATO words (alone, "no
    vender" is what it says)."""
    others = m.string[: m.start()] + " " + m.string[m.end() :]
    return "november" if _NATO_WORD.search(others) else m.group(0)


def _glued_trae(m: re.Match[str]) -> str:
    rest = m.group(1)
    if _A_LETTER.fullmatch("e" + rest) or not _A_LETTER.fullmatch(rest):
        return m.group(0)  # "letraeme" is "letra eme"; the rule after this one splits it
    return "letra " + rest


_GLUE: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    # tens the recognizer split after their first syllable: "se senta", "no venta", "o chenta"
    # (and Kokoro's "ochenta" heard "o centa", its o run into a "mil" or a "guion" before it: "nueve milo
    # centa y dos", "guiono centa y nueve")
    (re.compile(r"\b(mil|guion)o (?=c?h?enta\b)"), r"\1 o "),
    # ...and Kokoro's "sesenta" heard with its first syllable as "seis" ("seiscenta y tres": 2 of 2 such
    # on made-up sets 53-56; no other number ends in "centa")
    (re.compile(r"\bseis? ?[cs]enta\b"), "sesenta"),
    (re.compile(r"\b(?:se [sc]enta|se tenta|o c?henta|o centa|no venta|trein ta|cin cuenta|cua renta)\b"),
     lambda m: m.group(0).replace(" ", "").replace("secenta", "sesenta").replace("ocenta", "ochenta")),
    # "cuarenta y do", "180 i do": a last "dos" cut short where the caller stopped
    (re.compile(rf"\b({_TENS}|\d*[1-9]0) [iy] do$"), r"\1 y dos"),
    # "cinco cuatro do cero": a "dos" cut short between digit words (the s fades on the line)
    (re.compile(rf"\b({_UNITS}|cero|\d) do\b(?= (?:{_UNITS}|cero|\d)\b| *$)"), r"\1 dos"),
    # "hace de ormiga": "hache" heard as the verb, before its key word with the H silent; "letra hace",
    # "letra vez": the letter's name heard as a word after "letra"
    (re.compile(r"\bhace(?= de [aeiou])|(?<=\bletra )hace\b|(?<=\btrae )hace\b"), "hache"),
    # "a che de ir algo": "hache" split after its first vowel (the recognizer's article "a" and a
    # "che" no Spanish answer has alone)
    (re.compile(r"\ba che\b"), "hache"),
    # "kiloguion", "evagion bajo": "guion" run into the word before it (not "region", "religion",
    # "legion"); and "yon bajo", "mitsuyom bajo": the underscore of an address as the line bends it,
    # alone or run into the word before
    (re.compile(r"\b(?!(?:re|reli|le)gion\b)([a-zñ]{2,}?)gu?ion\b"), r"\1 guion"),
    # ...and "John Bajo", "Guiombajo" (Kokoro's "guion bajo", made-up set 85)
    (re.compile(r"(?:\b|(?<=[a-zñ]{2}))(?:gion|yom|yon|llon|john|guiom) ?bajo\b"), " guion bajo"),
    (re.compile(r"(?<=\bletra )vez\b"), "ve"),
    # "no ven ver", "no vender": November among NATO words
    (re.compile(r"\bno ?ven ?[bdv]?er\b"), _bent_november),
    # "letra caletra u": a letter's name run into the "letra" after it
    (re.compile(rf"\b({_LETTER_NAMES})letra\b"), r"\1 letra"),
    # "llé de llégua": "ye de Yegua" written with the ll that sounds the same in Mexico
    (re.compile(r"\blle de ll(?=[aeiou])"), "ye de y"),
    # "treintaidos", "treinta i dos", "treintay dos" -> "treinta y dos"
    (re.compile(rf"\b({_TENS}) ?[iy] ?({_UNITS})\b"), r"\1 y \2"),
    (re.compile(rf"\b({_TENS})({_UNITS})\b"), r"\1 y \2"),
    # "dieci seis", "diez y seis", "diez ocho" -> "dieciseis", "dieciocho"
    (re.compile(r"\b(?:dieci|diez y|diez) (seis|siete|ocho|nueve)\b"), r"dieci\1"),
    (re.compile(r"\bveinti (uno|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)\b"), r"veinti\1"),
    # "veintio no": "veintiuno" split at its "no" (never a correction: last_version)
    (re.compile(r"\bveinti[aeiou]? no\b"), "veintiuno"),
    # "letras" is plain "letra"; then damaged and glued forms: "le traen" (letra ene), "litra eme",
    # "letraeme", "letrae" -> "letra en", "letra eme", "letra eme", "letra e"
    (re.compile(r"\bletras\b"), "letra"),
    # "le trae hache": the "e" belongs to the damaged "letra" when a letter name follows ("le trae e"
    # keeps it; the glued "letrae" is "letra e": "letrae catorce", "letrae U de Úrsula")
    # (but "le trae se" is "letra ese": the e is the letter name's own, kept for the spelling to join)
    (re.compile(rf"\b(?:le|li|lec|lek|me) trae (?!se\b)(?=(?:{_LETTER_NAMES}|{_NATO})\b)"), "letra "),
    # glued: "letraehache", "letraeka" (but "letraeme", "letraene" are "letra eme", "letra ene")
    (re.compile(r"\b(?:le|li|lec|lek)trae([a-zñ]{2,})\b"), _glued_trae),
    (re.compile(r"\b(?:le ?|li ?|lec ?|lek ?)tra(?=[a-zñ ]|$)"), "letra "),
    # ...its r dropped ("leta doble u", "leta c"): only before a letter
    (re.compile(rf"\bleta (?=(?:{_LETTER_NAMES}|{_NATO})\b)"), "letra "),
    # ...its l heard as an m ("me trae se", "me traú"): only as a whole word made of "tra" and a
    # letter name's sound, so "me transfieres", "me trajeron" stay what they are
    (re.compile(r"\bme tra(?=(?:e|u|ue|ce|se|te|fe|je|ye|ere|ele|eme|ene|che)\b)"), "letra "),
    # ...and with its l flapped to r ("retra equis", "re trae ye"), only before a letter: "retraso" and
    # "me voy a retrasar" are a delay
    (re.compile(rf"\bre ?trae? (?=(?:{_LETTER_NAMES}|{_NATO})\b)"), "letra "),
    # "doble" split before the letter it doubles ("letra do le ve")
    (re.compile(r"\bdo b?le (?=(?:ve|uve|u|be)\b)"), "doble "),
    # "bechica", "vegrande": the B/V of Mexican spelling glued to its qualifier
    (re.compile(r"\b(be|ve|b|v)(chica|chiquita|grande|larga|corta|baja|alta)\b"), r"\1 \2"),
    # "5pm", "t45": split digits from letters so each rule sees separate tokens
    (re.compile(r"(?<=\d)(?=[a-zñ])|(?<=[a-zñ])(?=\d)"), " "),
    # "quarenta", "quatro": the recognizer's Italian-looking spelling of "cuarenta", "cuatro" (and
    # "twarenta" on a synthetic voice)
    (re.compile(r"\b(?:qua|twa)(renta|tro|trocientos)\b"), r"cua\1"),
    # hundreds written apart: "seis cientos", "cuatro sientos", "cinco cientos" -> one word
    (re.compile(r"\b(dos|tres|cuatro|cinco|seis|siete|sete|ocho|nueve|nove) ?[cs]ient([oa]s)\b"), _hundreds),
]

# Fast path for the accents Spanish and English text actually carries; NFD handles the rest.
_ACCENTS = str.maketrans({
    "á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u", "ü": "u", "à": "a", "è": "e", "ì": "i", "ò": "o",
    "ù": "u", "Á": "A", "É": "E", "Í": "I", "Ó": "O", "Ú": "U", "Ü": "U", "À": "A", "È": "E", "Ì": "I",
    "Ò": "O", "Ù": "U",
})


def strip_accents(text: str) -> str:
    """Remove accents but keep ñ (it is a letter of its own in Spanish)."""
    if text.isascii():
        return text
    text = text.translate(_ACCENTS)
    if not _OTHER_MARKS.search(text):
        return text
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            # a tilde on n/N makes ñ/Ñ; every other mark is dropped
            if ch == "\u0303" and out and out[-1] in "nN":
                out[-1] = "ñ" if out[-1] == "n" else "Ñ"
            continue
        out.append(ch)
    return "".join(out)


# "four thousand three" written "4,000 3": the few after the round thousands fill its zeros (4003), where
# "4,715 4,750" are two numbers and "4,500 37" is 4537
_THOUSANDS_AND_A_FEW = re.compile(r"\b(\d{1,3}),(\d{3}) (\d{1,3})\b(?!,\d)")


def _thousands_and_a_few(m: re.Match[str]) -> str:
    round_number, few = m.group(1) + m.group(2), m.group(3)
    zeros = len(round_number) - len(round_number.rstrip("0"))
    return str(int(round_number) + int(few)) if len(few) <= zeros else m.group(0)


@lru_cache(maxsize=64)
def _junk(keep: str) -> re.Pattern[str]:
    """Everything but a–z, 0–9, ñ, spaces and the kept characters."""
    return re.compile(f"[^a-z0-9ñ {re.escape(keep)}]+")


# Cheap checks (one C-level search each) that skip glue rules which cannot apply.
_GLUE_GATES: tuple[re.Pattern[str], ...] = tuple(re.compile(g) for g in (
    "(?:mil|guion)o ", "sei", "nta|n ta", " do$", r" do\b", "hace", "a che", "gu?ion", "o(?:[nm]|hn) ?bajo",
    "letra vez",
    "no ?ven",
    ".letra",
    "lle de ll", "nt", "nt", "dieci |diez ",
    "veinti ", "veinti", "letras", "trae ", "trae", "tra", "leta ",
    "me tra", "re ?tra", "do b?le",
    "chic|grande|larga|corta|baja|alta", r"\d", "qua|twa", "ient",
))
_OTHER_MARKS = re.compile(r"[^\x00-\x7fñÑ]")


@lru_cache(maxsize=4096)
def normalize(text: str, keep: str = "") -> str:
    """Lowercase, accent-free (ñ kept), punctuation to spaces except the characters in ``keep``.

    ``keep`` lets the email and time parsers see "@", ".", ":" and friends. Recognizer glue is
    split ("treintaidós" -> "treinta y dos", "letraeme" -> "letra eme"). Cached: the same utterance
    is read by several parsers.
    """
    if not isinstance(text, str):
        return ""
    low = strip_accents(text.lower())
    if "," in low:
        low = _THOUSANDS_AND_A_FEW.sub(_thousands_and_a_few, low)
    # an apostrophe never splits a word: "it's" -> "its", "o'clock" -> "oclock"
    if "'" not in keep:
        low = low.replace("'", "").replace("\u2019", "")
    low = _junk(keep).sub(" ", low)
    low = " ".join(low.split())
    for (pattern, repl), gate in zip(_GLUE, _GLUE_GATES, strict=True):
        if gate.search(low):
            low = pattern.sub(repl, low)
    return " ".join(low.split())


def tokens(text: str, keep: str = "") -> list[str]:
    """The normalized words of ``text``."""
    norm = normalize(text, keep)
    return norm.split(" ") if norm else []


def is_english(lang: str) -> bool:
    """True for "en", "en-US" and friends; everything else is treated as Mexican Spanish."""
    return isinstance(lang, str) and lang.lower().startswith("en")


# A caller fixing themselves mid-answer: "cuarenta y tres, perdón, cuarenta y cuatro".
_SELF_FIX = re.compile(
    r"(?i)\b(?:o sea|es decir|mejor dicho|perd[oó]n|digo|no,? esp[eé]ra(?:te|me)?|no,? aguanta|no,? no,? no|"
    r"i mean|sorry|no,? wait|no,? hold on|"
    r"correction|scratch that|rather|wait,? no)\b[\s,.;:!]*"
)


# "ochenta, no, noventa", "three, no, four": a bare "no" between two versions of a value. Not the
# "no" of a negated verb ("…, no sé", "no me acuerdo", "no, it's not") nor a tag question ("¿no?"),
# nor November split ("Echo No Memble Delta": espeak-ng, made-up set 72; "no venber").
# Nor "no venta": "noventa" split by the recognizer.
_BARE_NO = re.compile(
    r"(?i)(?<=[\w\d])[\s,;.]+no\b(?![\s,.]*(?:s[eé]|me|lo|la|le|los|las|les|tengo|tiene|hay|puedo|recuerdo|"
    r"acuerdo|estoy|est[aá]|es cierto|quiero|va|van|lleva|llevan|sabes|sabe|not|problem|idea|venta|"
    r"ven ?[bdv]?er|(?:mem|vem|bem)\w*|"
    r"i (?:don'?t|do not|can'?t|cannot|have no|am not)|i'?m not)\b)"
    r"[\s,.;:!]*"
)


_KEY_CONNECTOR = re.compile(r"(?i)\b(?:de|como|as in|like|for)$")


# A number word ending in "no" that the recognizer split at it ("uno" → "u no", "veintiuno" →
# "veintio no"): glued back, the word before the "no" comes close to one (rapidfuzz ratio).
_ENDS_IN_NO = ("uno", "veintiuno")
_SPLIT_AT_NO = 85


def _split_number_word(before: str, gap: str) -> bool:
    """The bare "no" after `before` (with only spaces between: `gap`) is the end of a number word."""
    if gap.strip():
        return False  # "ochenta, no, noventa": the comma is the recognizer hearing a pause
    words = before.split()
    if not words:
        return False
    from rapidfuzz.fuzz import ratio  # only on a bare "no" inside an answer

    glued = strip_accents(words[-1].lower()) + "no"
    return any(ratio(glued, word) >= _SPLIT_AT_NO for word in _ENDS_IN_NO)


def last_version(text: str) -> str:
    """The part of ``text`` after the caller's last self-correction ("43, perdón, 44" -> "44",
    "ochenta, no, noventa" -> "noventa")."""
    if not isinstance(text, str):
        return ""
    cut = 0
    for rx in (_SELF_FIX, _BARE_NO):
        for m in rx.finditer(text):
            if rx is _BARE_NO:
                gap = text[m.start() : m.start() + m.group(0).lower().find("no")]  # before the "no"
                if _KEY_CONNECTOR.search(text[: m.start()]) and not gap.strip():
                    continue  # "ene de no pal": a key word the recognizer split, not a correction
                if _split_number_word(text[: m.start()], gap):
                    continue  # "veintio no veintio": "veintiuno" split, not a correction
            if m.end() > cut and text[m.end():].strip(" ,.;:!?¿¡"):
                cut = m.end()
    return text[cut:] if cut else text

