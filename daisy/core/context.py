"""One turn in the making: the dialogue's configuration, the state before, the clock, and helpers
that build the reply. Every dialogue step works through this object."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from daisy.core.state import CallState, FieldValue, Outcome, Phase, Turn
from daisy.core.wording import join, pick
from daisy.form import FormField
from daisy.understanding import reader

if TYPE_CHECKING:
    from daisy.core.dialogue import Dialogue


@dataclass
class TurnContext:
    dialogue: Dialogue
    state: CallState
    now: datetime
    changed: list[str] = field(default_factory=list)
    confidence: float | None = None  # the recognizer's, for this turn's words (None: typed or keyed)

    # --- what the dialogue knows -------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.dialogue.lang

    @property
    def current_field(self) -> FormField | None:
        key = self.state.field
        return self.dialogue.form.field(key) if key else None

    def text(self, key: str, prefix: str = "", rotate: int = 0, **slots: Any) -> str:
        slots.setdefault("company", self.dialogue.form.company)
        return pick(self.dialogue.phrases, key, self.state.last_say, prefix, rotate, **slots)

    def spoken(self, kind: str, value: str) -> str:
        return reader.spoken(kind, value, self.lang)

    def readback(self, f: FormField, value: str) -> str:
        said = self.spoken(f.kind.value, value)
        if f.confirm:
            return f.confirm[self.lang].format(value=said)
        return self.text("confirm_generic", label=f.label[self.lang].capitalize(), value=said)

    def example(self, kind: str) -> str:
        return self.dialogue.phrases.examples.get(kind, "")

    # --- building the reply ------------------------------------------------------------------
    def reply(self, say: str, **changes: Any) -> Turn:
        """Daisy says `say`; the state takes `changes`. Silences and failures reset unless given."""
        changes.setdefault("silences", 0)
        say = say[:1].upper() + say[1:]
        if say and say == self.state.last_say:  # never the very same sentence twice in a row
            say = join(self.dialogue.phrases.get("again")[0], say)
        state = replace(self.state, last_say=say or self.state.last_say, **changes)
        return Turn(say=say, state=state, changed_fields=tuple(dict.fromkeys(self.changed)))

    def end(self, say: str, outcome: Outcome, **changes: Any) -> Turn:
        return self.reply(say, phase=Phase.ENDED, outcome=outcome, pending=None, **changes)

    def set_field(self, key: str, **changes: Any) -> None:
        """Update one field's collected value in the state carried by this context."""
        values = dict(self.state.values)
        values[key] = replace(values.get(key, FieldValue()), **changes)
        self.state = replace(self.state, values=MappingProxyType(values))
        self.changed.append(key)

    def attempts(self, key: str) -> int:
        fv = self.state.values.get(key)
        return fv.attempts if fv else 0
