"""Is this a valid answer to what Daisy expects? The recognizer's hypotheses are rescored with it: of
several things Whisper may have heard, the one that reads as an answer of the expected kind wins.

Pure functions of their arguments, built on the same parsers the dialogue core reads values with.
"""

from __future__ import annotations

from datetime import datetime

from daisy.core.expectation import Expected
from daisy.understanding import emails, numbers, reader, spelling
from daisy.understanding.intents import Intent, classify, fold
from daisy.understanding.plausible import PROVIDERS

# Moves a caller can make whatever the question: asking to repeat, to wait, for a person… A
# hypothesis that clearly says one of them is a valid answer too (it must not lose to letters).
_ANY_TIME = {
    Intent.REPEAT, Intent.HUMAN, Intent.DONT_KNOW, Intent.WAIT, Intent.CALLBACK, Intent.REFUSE,
    Intent.BUSY, Intent.WHO, Intent.WHY, Intent.ROBOT, Intent.DONE, Intent.SAME_NUMBER,
}
PLATE_SYMBOLS = (5, 8)  # Mexican plates: 5–8 letters and digits (with any hyphens dropped)
FLEET_DIGITS = (1, 6)  # a tractor or trailer number
PHONE_DIGITS = (10, 13)  # a WhatsApp number: 10 digits, maybe with the 52 / 521 prefix


def understanding_lang(lang: str) -> str:
    """'es', 'es-MX' → 'es-MX'; 'en', 'en-US' → 'en-US' (the recognizer speaks two-letter codes)."""
    return "es-MX" if lang.lower().startswith("es") else "en-US"


def value(expecting: Expected, text: str, lang: str, now: datetime) -> str | None:
    """The answer of the expected kind the words give, in a canonical form ('yes'/'no' for a yes/no
    question, 'move:<intent>' for a conversational move), or None. Two hypotheses that give the same
    value agree, whatever their spelling or punctuation."""
    lang = understanding_lang(lang)
    if not isinstance(text, str) or not text.strip():
        return None
    intents = classify(text, lang)
    if expecting == Expected.YES_NO and len(intents & {Intent.YES, Intent.NO}) == 1:
        return "yes" if Intent.YES in intents else "no"
    got = _value_of_kind(expecting, text, lang, now)
    if got is not None:
        return got
    moves = sorted(intents & _ANY_TIME)
    return f"move:{moves[0]}" if moves else None


def fits(expecting: Expected, text: str, lang: str, now: datetime) -> bool:
    """True when the words are a valid answer to what is expected (or a clear move such as asking to
    repeat): a yes/no that is clearly one of the two, a plate of 5–8 letters and digits, a fleet
    number of 1–6 digits (or a phone number), a valid time, a whole address or a meaningful piece of
    one, a name; anything said fits a free answer."""
    return value(expecting, text, lang, now) is not None


def _value_of_kind(expecting: Expected, text: str, lang: str, now: datetime) -> str | None:
    try:
        if expecting == Expected.FREE:
            return fold(text) or None
        if expecting == Expected.PLATE:
            plate = spelling.spell(text, lang, plate=True)
            low, high = PLATE_SYMBOLS
            letters = any(c.isalpha() for c in plate)
            digits = any(c.isdigit() for c in plate)
            return plate if low <= len(plate) <= high and letters and digits else None
        if expecting == Expected.DIGITS:
            code = numbers.spoken_code(text, lang)
            n = sum(c.isdigit() for c in code or "")
            ok = FLEET_DIGITS[0] <= n <= FLEET_DIGITS[1] or PHONE_DIGITS[0] <= n <= PHONE_DIGITS[1]
            return code if ok else None
        if expecting == Expected.TIME:
            return reader.read_time(text, lang, now)
        if expecting == Expected.EMAIL:
            return _email(text, lang)
        if expecting == Expected.NAME:
            name = reader.read_value("name", text, lang, now)
            return fold(name) if name else None
    except Exception:  # a parser must never break recognition
        return None
    return None


def _email(text: str, lang: str) -> str | None:
    """A whole address, or a piece that means something: one with an @, a dot or a well-known
    provider, or a run of at least three letters or digits (a local part dictated alone)."""
    got = emails.read_email(text, lang)
    if not got:
        return None
    if emails.is_complete_email(got) or "@" in got or any(p in got for p in PROVIDERS):
        return got
    core = got.strip("._-")
    return got if len(core) >= 3 and " " not in core else None
