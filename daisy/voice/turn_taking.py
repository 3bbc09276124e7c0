"""When the caller's turn is over: LiveKit's turn-detector protocol, answered by the dialogue core.

The framework asks a turn detector, each time the caller pauses and a transcript is in, how likely
the turn is over; below the detector's "unlikely" threshold it waits `max_delay` from the end of
speech, else `min_delay`. Here the answer comes from `daisy.core.completeness.heard_complete` on
what was heard so far in the turn, against what Daisy waits for now: a clear "sí" to a read-back,
a whole time, a plate of a complete shape → the turn ends at once; "XZ…", "juan punto…", "a las…"
→ Daisy waits for the rest. If the caller then stays quiet the turn ends anyway and the core takes
the half answer as a piece and asks what follows (its existing flow).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from livekit.agents import llm

from daisy.core.completeness import ends_unfinished, heard_complete
from daisy.core.expectation import Expected, expected
from daisy.core.state import CallState
from daisy.form import Form
from daisy.understanding import reader
from daisy.understanding.intents import QUESTIONS, Intent, classify, fold

log = logging.getLogger("daisy.voice")

# The framework compares the probability against this: 1.0 (complete) ends the turn after
# min_delay, 0.0 (unfinished) waits max_delay.
UNLIKELY = 0.5

# What the detector needs from the call, when it is asked: the form, the state, the call's clock.
CallView = Callable[[], tuple[Form, CallState, datetime] | None]


def last_caller_words(chat_ctx: llm.ChatContext) -> str:
    """The caller's words of this turn so far: the framework appends them as the last user message."""
    for item in reversed(chat_ctx.items):
        if isinstance(item, llm.ChatMessage) and item.role == "user":
            return item.text_content or ""
    return ""


def turn_over(view: tuple[Form, CallState, datetime] | None, text: str) -> float:
    """1.0 when `text` is a whole answer to what Daisy waits for, else 0.0. With no call to judge
    against (before the greeting, after the end) a turn is taken as over."""
    if view is None:
        return 1.0
    form, state, now = view
    if state.ended:
        return 1.0
    try:
        if _a_move(text, state.lang):
            return 1.0
        if not heard_complete(form, state, text, now) or may_go_on(form, state, text, now):
            return 0.0
        return 1.0
    except Exception as e:  # noqa: BLE001 (a wrong guess costs one wait; a crash costs the turn)
        log.warning("could not judge the caller's turn: %s", e)
        return 1.0


# Said instead of a value ("no lo sé", "es todo", "repíteme"): whole as said, nothing follows.
# (The core's heard_complete judges values; until it judges these too, the voice layer does.)
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


def may_go_on(form: Form, state: CallState, text: str, now: datetime) -> bool:
    """A whole answer that is also the start of a longer one, as drivers dictate: a fleet number of
    one or two digits ("cuarenta y cinco…" "…doce"), a bare hour. Daisy waits the longer delay for the
    rest; if none comes she answers then. (Measured: with these taken at once, 2 of 13 dictated
    answers were cut; the core's heard_complete could carry this distinction.)"""
    kind = expected(form, state)
    if kind is Expected.DIGITS:
        value = reader.read_value("number", text, state.lang, now) or ""
        return len(state.pieces + value) <= 2
    if kind is Expected.TIME:
        words = set(fold(text).replace("'", "").split())
        return not words & _TIME_QUALIFIERS and not any(w.isdigit() and int(w) > 12 for w in words)
    return False


def clear_as_heard(view: tuple[Form, CallState, datetime] | None, text: str) -> bool:
    """A yes or a no, and not both: a turn that came in pieces need not be heard again as a whole."""
    if view is None:
        return False
    form, state, _now = view
    if expected(form, state) is not Expected.YES_NO:
        return False
    return len(classify(text, state.lang) & {Intent.YES, Intent.NO}) == 1


def _a_move(text: str, lang: str) -> bool:
    return not ends_unfinished(text) and bool(classify(text, lang) & _MOVES)


class FieldAwareTurnDetector:
    """A LiveKit `_TurnDetector` (duck-typed, as the framework's protocol is) that asks the core."""

    def __init__(self, view: CallView | None = None) -> None:
        self.view: CallView | None = view  # set by pipelines.bind once the agent exists
        self.decisions: list[tuple[str, bool]] = []  # (text, complete), for the benchmark and logs

    @property
    def model(self) -> str:
        return "daisy-field-aware"

    @property
    def provider(self) -> str:
        return "daisy"

    async def unlikely_threshold(self, language: Any) -> float | None:
        return UNLIKELY

    async def supports_language(self, language: Any) -> bool:
        return True

    async def predict_end_of_turn(self, chat_ctx: llm.ChatContext, *, timeout: float | None = None) -> float:
        text = last_caller_words(chat_ctx)
        probability = turn_over(self.view() if self.view else None, text)
        self.decisions.append((text, probability >= UNLIKELY))
        return probability
