"""Is a value possible at all for its kind? Checked before any read-back: on a phone line the
recognizer errs, and a value that cannot exist (a 24-symbol plate, an email of 300 characters, a
name made of "sí, es correcto") must be asked again, never read back as if it could be right.

Mexican plates (NOM-001-SCT-2): private and state cargo plates have 6–7 symbols ("ABC-123-D",
"JK-12-345"), federal cargo and trailer plates 6–7 ("12-AB-3C", "1-ABC-23"); US plates have 5–8. All
mix letters and digits, with at most four letters and at least two digits: "LMREI1", heard from a
dictation cut short, is none.
"""

from __future__ import annotations

import re

PLATE_SYMBOLS = (5, 8)
MEXICAN_PLATE_LONGEST = 7  # (the formats above; a US plate may have 8)
PLATE_LETTERS = 4
_FOUR_ALIKE = re.compile(r"(.)\1\1\1")  # no plate has a symbol four times running
NUMBER_SYMBOLS = (1, 6)  # a fleet number's default length; a form field may set its own
EMAIL_MAX = 64  # longer than anyone dictates on the phone
NAME_WORDS = (1, 6)

# Providers drivers use, with the endings they really have: "gmail.co" is a mishearing, not an address.
PROVIDERS = {
    "gmail": {"com"},
    "hotmail": {"com", "com.mx", "es"},
    "outlook": {"com", "com.mx", "es"},
    "live": {"com", "com.mx"},
    "yahoo": {"com", "com.mx", "mx", "es"},
    "icloud": {"com"},
    "aol": {"com"},
    "msn": {"com"},
    "prodigy": {"net.mx"},
    "protonmail": {"com"},
    "proton": {"me"},
}
_GENERIC_TLDS = {"com", "net", "org", "edu", "gob", "info", "biz", "io", "co", "me", "us", "app", "dev"}
_EMAIL = re.compile(r"^[a-z0-9](?:[a-z0-9._+-]{0,62}[a-z0-9_])?@(?:[a-z0-9-]{2,}\.)+[a-z]{2,}$")
_TIME = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d$")
_NOT_NAME_WORDS = {
    "si", "no", "correcto", "correcta", "incorrecto", "exacto", "claro", "bueno", "bien", "mal", "ok",
    "okey", "yes", "yeah", "nope", "right", "wrong", "correct", "repite", "perdon", "hola", "hello",
}


def plate(value: str) -> bool:
    lo, hi = PLATE_SYMBOLS
    if not (lo <= len(value) <= hi and value.isascii() and value.isalnum() and value.isupper()):
        return False
    letters = sum(c.isalpha() for c in value)
    digits = len(value) - letters
    return 1 <= letters <= PLATE_LETTERS and digits >= 2 and not _FOUR_ALIKE.search(value)


def number(value: str, symbols: tuple[int, int] = NUMBER_SYMBOLS) -> bool:
    lo, hi = symbols
    if not (lo <= len(value) <= hi and value.isascii() and value.isalnum()):
        return False
    return any(c.isdigit() for c in value) and sum(c.isalpha() for c in value) <= 3


def time(value: str) -> bool:
    return bool(_TIME.match(value))


def email(value: str) -> bool:
    if len(value) > EMAIL_MAX or ".." in value or not _EMAIL.match(value):
        return False
    domain = value.split("@")[1]
    provider, _, ending = domain.partition(".")
    if provider in PROVIDERS:
        return ending in PROVIDERS[provider]
    tld = domain.rsplit(".", 1)[1]
    return tld in _GENERIC_TLDS or len(tld) == 2  # a company's own domain, or a country ending


def name(value: str) -> bool:
    from daisy.understanding.names import PARTICLES  # (names builds on the speller, which needs this module)

    words = value.split()
    lo, hi = NAME_WORDS
    # the words joining a surname's parts are no name words ("Alejandra María Eugenia de la Garza
    # Acosta": six name words, seven in all)
    named = [w for w in words if w.lower() not in PARTICLES]
    if not lo <= len(named) <= hi or len(words) > hi + 2 or any(ch.isdigit() for ch in value):
        return False
    folded = [w.lower().strip(".,'-") for w in words]
    # one letter is no name word, but for "y"/"e" between surnames and the surname "de la O"
    def fits(k: int, w: str) -> bool:
        return len(w) >= 2 or w in ("y", "e") or (w == "o" and folded[k - 1 : k] == ["la"])

    # a yes-word after the first is still a surname when the lexicon knows it ("María Luisa Jaimes Bueno")
    return all(fits(k, w) for k, w in enumerate(folded)) and not any(
        w in _NOT_NAME_WORDS and (k == 0 or not _known_name(w)) for k, w in enumerate(folded))


def _known_name(word: str) -> bool:
    # imported here: the lexicon needs the speller, which needs this module's plate check
    from daisy.understanding.name_lexicon import known

    return known(word)


def plausible(kind: str, value: str, symbols: tuple[int, int] | None = None) -> bool:
    """True when `value` (canonical) could be a real value of `kind`."""
    if not value:
        return False
    if kind == "plate":
        return plate(value)
    if kind == "number":
        return number(value, symbols or NUMBER_SYMBOLS)
    if kind == "time":
        return time(value)
    if kind == "email":
        return email(value)
    if kind == "name":
        return name(value)
    return True


def dead_end(kind: str, gathered: str) -> bool:
    """No value of `kind` can start with `gathered`, whatever follows: a plate with more letters than
    any plate has, or a symbol four times running ("J26YFVT" for "jay, twenty six, eff, zee, T")."""
    if kind != "plate":
        return False
    return sum(c.isalpha() for c in gathered) > PLATE_LETTERS or bool(_FOUR_ALIKE.search(gathered))


def longest(kind: str, symbols: tuple[int, int] | None = None) -> int | None:
    """How long a value of `kind` can grow while dictated in pieces (None: no bound of its own)."""
    if kind == "plate":
        return PLATE_SYMBOLS[1]
    if kind == "email":
        return EMAIL_MAX
    if kind == "number":
        return (symbols or NUMBER_SYMBOLS)[1]
    return None


# Providers as Whisper writes them said the Mexican way: hotmail with its h silent ("utmail", "outmail",
# "atmail"), live said "laiv" ("lai", "la", "light", "like", "lahay"); and AOL said as its letters
# ("aahol", "ahol", "eol"; its A's "ay" heard as a y or a v: "yol", "vol"); gmail with its G said "ge",
# "ji" or "ye" and its "mail" "meil" or "mael" ("jemael", Kokoro, made-up set 85; "yimeil").
_GMAIL_SAID = re.compile(r"^(?:g|[gjy][ei]|lle)m(?:ai|ei|ae|e)l$")
_HOTMAIL_SAID = re.compile(r"^[hj]?[aeiou]{1,2}[tr]mail$")
_LIVE_SAID = re.compile(r"^(?:la(?:h?a?[iy])?[fv]?|li(?:gh|f|k)[te]?)$")
_AOL_SAID = re.compile(r"^(?:[ae]{1,2}|[vy])h?o{1,2}u?l{1,2}$")


def provider_as_said(name: str) -> str | None:
    """The well-known provider a word is, written as it is said ("utmail", "lai", "yol"), if any."""
    if _GMAIL_SAID.match(name):
        return "gmail"
    if _HOTMAIL_SAID.match(name):
        return "hotmail"
    if _LIVE_SAID.match(name):
        return "live"
    if _AOL_SAID.match(name):
        return "aol"
    return None
