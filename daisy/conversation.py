"""One live call: the dialogue core plus a clock and a call log.

Text chat, the voice worker, the offline demo and the evaluation all run calls through this class,
so every call is recorded the same way. The core stays pure; this is the thin shell around it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Protocol

from daisy.core import CallerEvent, CallState, Dialogue, Direction, Hangup, Keypad, Silence, Turn
from daisy.core.events import Utterance
from daisy.form import Form


class CallLog(Protocol):
    """Where a call is written as it happens (see daisy.records for the database one)."""

    def call_started(self, call_id: str, state: CallState, form: Form, at: datetime) -> None: ...

    def turn_added(
        self,
        call_id: str,
        seq: int,
        role: str,  # "daisy" | "caller"
        text: str,
        at: datetime,
        state: CallState,
        latency_ms: Mapping[str, float] | None = None,
    ) -> None: ...

    def latency_measured(self, call_id: str, seq: int, latency_ms: Mapping[str, float]) -> None: ...

    def field_changed(self, call_id: str, key: str, state: CallState, at: datetime) -> None: ...

    def call_ended(self, call_id: str, state: CallState, at: datetime) -> None: ...


class NullCallLog:
    """A call log that keeps nothing (for benchmarks and throwaway calls)."""

    def call_started(self, *args: object, **kwargs: object) -> None: ...
    def turn_added(self, *args: object, **kwargs: object) -> None: ...
    def latency_measured(self, *args: object, **kwargs: object) -> None: ...
    def field_changed(self, *args: object, **kwargs: object) -> None: ...
    def call_ended(self, *args: object, **kwargs: object) -> None: ...


class DeferredCallLog:
    """Keeps a call's first writes until the real log is open, then replays them in order.

    `daisy chat` answers with Daisy's opening at once and opens the database (SQLAlchemy's import
    alone takes a few hundred milliseconds) only after that first line is out.
    """

    def __init__(self, open_log: Callable[[], CallLog]) -> None:
        self._open_log = open_log
        self._log: CallLog | None = None
        self._queue: list[tuple[str, tuple[object, ...], dict[str, object]]] = []

    def connect(self) -> None:
        self._log = self._open_log()
        for name, args, kwargs in self._queue:
            getattr(self._log, name)(*args, **kwargs)
        self._queue.clear()

    def flush(self, timeout: float = 10.0) -> None:
        """Let the real log finish background work (a webhook delivery) before the process exits."""
        flush = getattr(self._log, "flush", None)
        if flush is not None:
            flush(timeout)

    def _write(self, name: str, *args: object, **kwargs: object) -> None:
        if self._log is None:
            self._queue.append((name, args, kwargs))
        else:
            getattr(self._log, name)(*args, **kwargs)

    def call_started(self, *args: object, **kwargs: object) -> None:
        self._write("call_started", *args, **kwargs)

    def turn_added(self, *args: object, **kwargs: object) -> None:
        self._write("turn_added", *args, **kwargs)

    def latency_measured(self, *args: object, **kwargs: object) -> None:
        self._write("latency_measured", *args, **kwargs)

    def field_changed(self, *args: object, **kwargs: object) -> None:
        self._write("field_changed", *args, **kwargs)

    def call_ended(self, *args: object, **kwargs: object) -> None:
        self._write("call_ended", *args, **kwargs)


def describe_event(event: CallerEvent) -> str:
    """The caller's side of the transcript for a non-speech event too."""
    match event:
        case Utterance(text):
            return text
        case Keypad(digits):
            return f"[keypad] {digits}"
        case Silence(seconds):
            return f"[silence {seconds:g} s]"
        case Hangup():
            return "[hung up]"
    return str(event)


class Conversation:
    def __init__(
        self,
        dialogue: Dialogue,
        log: CallLog | None = None,
        clock: Callable[[], datetime] | None = None,
        call_id: str | None = None,
        known: Mapping[str, str] | None = None,
    ) -> None:
        self.dialogue = dialogue
        self.known = dict(known or {})  # what the roster knows about the caller, by form key
        self.log: CallLog = log or NullCallLog()
        self.clock = clock or (lambda: datetime.now().astimezone())
        self.call_id = call_id or uuid.uuid4().hex[:12]
        self.state: CallState | None = None
        self.seq = 0  # transcript turn counter
        self.last_daisy_seq: int | None = None

    @property
    def form(self) -> Form:
        return self.dialogue.form

    def record(self) -> dict[str, str | None]:
        assert self.state is not None
        return self.state.record(self.form.keys)

    def start(self, direction: Direction | str, caller_number: str | None = None) -> Turn:
        now = self.clock()
        turn = self.dialogue.start(Direction(direction), now, caller_number=caller_number, known=self.known)
        self.state = turn.state
        self.log.call_started(self.call_id, turn.state, self.form, now)
        self._say(turn, now)
        return turn

    def hear(self, event: CallerEvent) -> Turn:
        """Feed one caller event; records the caller's turn, Daisy's answer and changed fields."""
        assert self.state is not None, "start() the conversation first"
        if self.state.ended:
            return Turn(say="", state=self.state)
        now = self.clock()
        self.seq += 1
        self.log.turn_added(self.call_id, self.seq, "caller", describe_event(event), now, self.state)
        turn = self.dialogue.handle(self.state, event, now)
        self.state = turn.state
        for key in turn.changed_fields:
            self.log.field_changed(self.call_id, key, turn.state, now)
        self._say(turn, now)
        if turn.state.ended:
            self.log.call_ended(self.call_id, turn.state, now)
        return turn

    def note_latency(self, latency_ms: Mapping[str, float]) -> None:
        """Attach measured latency (endpointing, stt, core, tts, total) to Daisy's last turn."""
        if self.last_daisy_seq is not None:
            self.log.latency_measured(self.call_id, self.last_daisy_seq, latency_ms)

    def _say(self, turn: Turn, now: datetime) -> None:
        if not turn.say:
            return
        self.seq += 1
        self.last_daisy_seq = self.seq
        self.log.turn_added(self.call_id, self.seq, "daisy", turn.say, now, turn.state)
