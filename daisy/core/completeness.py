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
from daisy.understanding.intents import QUESTIONS, Intent, classify, fold

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


# Said instead of a value ("no lo sé", "es todo", "repíteme"): whole as said, nothing follows.
_MOVES = {Intent.DONT_KNOW, Intent.DONE, Intent.REPEAT, Intent.HUMAN, Intent.WAIT, Intent.REFUSE,
          Intent.BUSY, Intent.CALLBACK, *QUESTIONS}

# After a bare hour ("a las cinco") a driver often adds the part of the day ("…de la tarde").
# An hour past twelve ("a las diecisiete") needs none.
_TIME_QUALIFIERS = {
    "tarde", "manana", "noche", "madrugada", "mediodia", "horas", "hrs", "media", "cuarto", "am", "pm",
    "morning", "afternoon", "evening", "night", "noon", "oclock", "half", "quarter",
    "trece", "catorce", "quince", "dieciseis", "diecisiete", "dieciocho", "diecinueve", "veinte",
    "veintiuno", "veintidos", "veintitres", "veinticuatro",
}


def turn_over(form: Form, state: CallState, text: str, now: datetime) -> bool:
    """The caller is done: a move said instead of a value, or a whole answer that is not also the
    start of a longer one. The voice layer ends the turn at once on True, waits for more on False."""
    if not ends_unfinished(text) and classify(text, state.lang) & _MOVES:
        return True
    return heard_complete(form, state, text, now) and not may_go_on(form, state, text, now)


def may_go_on(form: Form, state: CallState, text: str, now: datetime) -> bool:
    """A whole answer that is also the start of a longer one, as drivers dictate: a fleet number of
    one or two digits ("cuarenta y cinco…" "…doce"), a bare hour. (Measured on the dictation set:
    with these taken at once, 2 of 13 dictated answers were cut.)"""
    kind = expected(form, state)
    if kind is Expected.YES_NO:
        return _correction_under_way(form, state, text)
    if kind is Expected.DIGITS:
        value = reader.read_value("number", text, state.lang, now) or ""
        return len(state.pieces + value) <= 2
    if kind is Expected.TIME:
        words = set(fold(text).replace("'", "").split())
        return not words & _TIME_QUALIFIERS and not any(w.isdigit() and int(w) > 12 for w in words)
    return False


def _correction_under_way(form: Form, state: CallState, text: str) -> bool:
    """A no to a plate or an address read back, followed by the start of the right one ("No, está mal,
    ele…", a pause, "…eme catorce ochenta"): the no is whole, the correction is not. (The dictation set
    had such an answer taken after its first letter in 1 of 17 answers in one benchmark run, and in 2 of
    33 over the next two.)"""
    kind = form.field(state.field).kind.value if state.field else ""
    if kind not in ("plate", "email") or not reader.starts_with_no(text, state.lang):
        return False
    words = fold(text).split()
    so_far = reader.read_piece(kind, text, state.lang)
    started = bool(so_far) or bool(reader.read_piece(kind, words[-1], state.lang))  # "…, ele": one letter
    return started and not reader.looks_complete(kind, so_far)


def clear_no(form: Form, state: CallState, text: str) -> bool:
    """A no to what Daisy asked, and no yes with it."""
    if expected(form, state) is not Expected.YES_NO:
        return False
    return classify(text, state.lang) & {Intent.YES, Intent.NO} == {Intent.NO}
