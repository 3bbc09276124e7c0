"""Has the caller finished answering? Pure and fast, for the voice layer's end-of-turn decision.

A clear yes or no to a read-back, a whole time, an email with a domain and an ending, a fleet
number, a plate of a plausible complete shape are complete: Daisy may answer after a short pause.
"XZ", "mi correo es juan punto", "a las", "treinta y…" are not: she waits longer before taking the
turn.
"""

from __future__ import annotations

from datetime import datetime

from daisy.core.expectation import Expected, expected
from daisy.core.state import CallState
from daisy.form import Form
from daisy.understanding import plausible, reader
from daisy.understanding.intents import Intent, classify, fold

# Words a phrase does not end on when it is finished: joiners, articles, prepositions, number words
# that take more after them, separators of an email or plate.
_UNFINISHED_ENDINGS = {
    "y", "e", "con", "de", "del", "la", "las", "el", "los", "a", "al", "para", "guion", "punto", "arroba",
    "bajo", "mil", "cientos", "ciento", "menos", "luego", "es", "son", "mi", "su", "letra", "numero",
    "and", "the", "at", "dot", "dash", "underscore", "to", "of", "is", "my", "letter", "number", "hundred",
    "thousand", "as", "in", "like", "for", "then", "um", "uh", "eh", "este", "mmm",
}


def ends_unfinished(text: str) -> bool:
    words = fold(text).split()
    return not words or words[-1] in _UNFINISHED_ENDINGS


def heard_complete(form: Form, state: CallState, text: str, now: datetime) -> bool:
    """True when `text`, heard so far in this turn, is a whole answer to what Daisy is waiting for."""
    kind = expected(form, state)
    lang = state.lang
    if ends_unfinished(text):
        return False  # "así es…" is often "así es, correcto": wait for the rest
    if kind is Expected.YES_NO:
        return bool(classify(text, lang) & {Intent.YES, Intent.NO})
    if kind is Expected.FREE:
        return True
    if kind is Expected.DIGITS:
        value = reader.read_value("number", text, lang, now)
        symbols = form.field(state.field).symbols if state.field else None
        return bool(value) and plausible.plausible("number", state.pieces + value, symbols)
    if kind is Expected.PLATE:
        return reader.looks_complete("plate", state.pieces + reader.read_piece("plate", text, lang))
    if kind is Expected.EMAIL:
        return plausible.plausible("email", state.pieces + reader.read_piece("email", text, lang))
    if kind is Expected.TIME:
        return reader.read_value("time", text, lang, now) is not None
    value = reader.read_value("name", text, lang, now)
    return bool(value) and len(value.split()) >= 2
