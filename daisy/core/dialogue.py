"""Placeholder dialogue (being written): the public API is final."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from daisy.core.events import CallerEvent, Hangup
from daisy.core.state import CallState, Direction, Outcome, Phase, Turn
from daisy.form import Form, canonical_lang


class Dialogue:
    def __init__(self, form: Form, lang: str = "es") -> None:
        self.form = form
        self.lang = canonical_lang(lang)

    def start(
        self, direction: Direction, now: datetime, caller_number: str | None = None
    ) -> Turn:
        state = CallState(direction=direction, lang=self.lang, phase=Phase.ASKING,
                          field=self.form.keys[0], caller_number=caller_number)
        return Turn(say=self.form.fields[0].ask[self.lang], state=state)

    def handle(self, state: CallState, event: CallerEvent, now: datetime) -> Turn:
        if isinstance(event, Hangup):
            return Turn(say="", state=replace(state, phase=Phase.ENDED,
                                              outcome=Outcome.ABANDONED))
        return Turn(say="...", state=state)
