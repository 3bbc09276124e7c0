"""One entry point for the dialogue core: the canonical value of a field kind in an utterance."""

from __future__ import annotations

from datetime import datetime

from daisy.understanding.emails import read_email
from daisy.understanding.names import read_name
from daisy.understanding.numbers import spoken_code
from daisy.understanding.spelling import spell
from daisy.understanding.times import read_time

KINDS = ("name", "number", "plate", "time", "email", "text")


def read_value(kind: str, text: str, lang: str, now: datetime) -> str | None:
    """Canonical value of ``kind`` said in ``text``, or None.

    name: words capitalized; number and plate: uppercase letters and digits; time: "HH:MM";
    email: lowercase (possibly partial: the dialogue joins pieces); text: the words as said.
    """
    if not isinstance(text, str):
        return None
    try:
        if kind == "name":
            return read_name(text, lang)
        if kind == "number":
            return spoken_code(text, lang)
        if kind == "plate":
            return spell(text, lang, plate=True) or None
        if kind == "time":
            return read_time(text, lang, now)
        if kind == "email":
            return read_email(text, lang) or None
        if kind == "text":
            return " ".join(text.split()) or None
    except Exception:  # a parser must never crash the call
        return None
    return None
