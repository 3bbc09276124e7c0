"""When the caller's turn is over: LiveKit's turn-detector protocol, answered by the dialogue core.

The framework asks a turn detector, each time the caller pauses and a transcript is in, how likely
the turn is over; below the detector's "unlikely" threshold it waits `max_delay` from the end of
speech, else `min_delay`. Here the answer comes from `daisy.core.completeness.turn_over` on
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

from daisy.core import completeness
from daisy.core.state import CallState
from daisy.form import Form

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
    """1.0 when the core says the caller is done with `text`, else 0.0. With no call to judge
    against (before the greeting, after the end) a turn is taken as over."""
    if view is None:
        return 1.0
    form, state, now = view
    if state.ended:
        return 1.0
    try:
        return 1.0 if completeness.turn_over(form, state, text, now) else 0.0
    except Exception as e:  # noqa: BLE001 (a wrong guess costs one wait; a crash costs the turn)
        log.warning("could not judge the caller's turn: %s", e)
        return 1.0


def no_as_heard(view: tuple[Form, CallState, datetime] | None, text: str) -> bool:
    """A no, and no yes with it: a turn that came in pieces need not be heard again as a whole (a no
    stores nothing; at worst Daisy asks once more). A yes does: it confirms only when heard plainly and
    surely, and the pieces' words joined are no hearing ("Así es. Comícto." was espeak-ng's "Así es,
    correcto."), nor have they any confidence of their own."""
    return view is not None and completeness.clear_no(view[0], view[1], text)


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
