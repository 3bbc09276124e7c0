"""The state of one call, and what one turn of the dialogue returns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import datetime
from enum import StrEnum
from types import MappingProxyType


class Direction(StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"


class Phase(StrEnum):
    GREETING = "greeting"  # outbound: waiting for the callee's "¿Bueno?"
    PERMISSION = "permission"  # Daisy asked whether the caller can talk now
    ASKING = "asking"  # Daisy asked for a field (or a follow-up detail)
    CONFIRMING = "confirming"  # Daisy read a value back and waits for yes/no
    CLOSING = "closing"  # summary said, waiting for a last word
    ENDED = "ended"


class Outcome(StrEnum):
    COMPLETED = "completed"
    INCOMPLETE = "incomplete"
    REFUSED = "refused"
    CALLBACK = "callback"
    EMAIL = "email"
    WHATSAPP = "whatsapp"
    TRANSFERRED = "transferred"
    ABANDONED = "abandoned"
    VOICEMAIL = "voicemail"
    NO_ANSWER = "no_answer"  # an outbound dial nobody picked up (the voice worker sets it)
    BUSY = "busy"  # an outbound dial the callee rejected or found busy


@dataclass(frozen=True, slots=True)
class FieldValue:
    """One form field as collected so far."""

    value: str | None = None
    confirmed: bool = False
    attempts: int = 0
    source: str = "speech"  # "speech", "keypad" or "roster" (a known value the caller confirmed)
    unknown: bool = False  # the caller said they don't know it
    left_empty: bool = False  # not captured after the whole escalation ladder: someone must follow up


@dataclass(frozen=True, slots=True)
class FollowUp:
    """What the caller asked for instead of registering now."""

    channel: str  # "callback" | "email" | "whatsapp"
    callback_at: datetime | None = None
    address: str | None = None  # email address or WhatsApp number


def _empty() -> Mapping[str, FieldValue]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class CallState:
    """Everything the core knows about a call. Immutable: each turn returns a new one."""

    direction: Direction
    lang: str
    phase: Phase
    field: str | None = None  # the form key asked for or read back
    pending: str | None = None  # canonical value being read back
    values: Mapping[str, FieldValue] = dc_field(default_factory=_empty)
    outcome: Outcome | None = None
    follow_up: FollowUp | None = None
    caller_number: str | None = None
    # Where the dialogue is inside a phase (e.g. "permission", "callback_time", "email_address",
    # "field"); the public phase above is what adapters show.
    step: str = "field"
    pieces: str = ""  # a plate or email dictated in pieces, gathered so far
    failures: int = 0  # consecutive turns not understood in this step
    tries: int = 0  # failed tries on the current question (the escalation ladder's rung)
    unclear: int = 0  # replies to this read-back that were neither clearly yes nor clearly no
    offer: str = "ask"  # the help the current question offered: ask | example | spell | keypad
    turns_here: int = 0  # caller turns spent on the current field or follow-up (a backstop bound)
    silences: int = 0  # consecutive silences
    last_say: str = ""  # to never say the very same sentence twice in a row
    waiting: bool = False  # the caller asked Daisy to hold on
    scratch: Mapping[str, str] = dc_field(
        default_factory=dict
    )  # small per-step memory (e.g. a callback time to confirm)
    # Values the operator's roster has for this caller, by form key, not yet offered (daisy.core.known).
    known: Mapping[str, str] = dc_field(default_factory=lambda: MappingProxyType({}))

    @property
    def ended(self) -> bool:
        return self.phase is Phase.ENDED

    def record(self, keys: list[str]) -> dict[str, str | None]:
        """Every form key with its canonical confirmed value, or None."""
        out: dict[str, str | None] = {}
        for key in keys:
            fv = self.values.get(key)
            out[key] = fv.value if fv is not None and fv.confirmed else None
        return out


@dataclass(frozen=True, slots=True)
class Turn:
    """What Daisy says after a caller event, and the call's new state."""

    say: str
    state: CallState
    changed_fields: tuple[str, ...] = ()  # keys whose FieldValue changed this turn
