"""Small fakes shared by the voice tests: a recording call log, settings, a quiet session."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from daisy.conversation import Conversation
from daisy.core import Dialogue
from daisy.form import load_form
from daisy.settings import Settings


class RecordingLog:
    """A CallLog that keeps what it is told, to check what the voice adapter stores."""

    def __init__(self) -> None:
        self.turns: list[tuple[int, str, str]] = []
        self.latency: dict[int, Mapping[str, float]] = {}
        self.ended = False

    def call_started(self, *args: Any, **kwargs: Any) -> None: ...

    def turn_added(self, call_id: str, seq: int, role: str, text: str, *args: Any, **kwargs: Any) -> None:
        self.turns.append((seq, role, text))

    def latency_measured(self, call_id: str, seq: int, latency_ms: Mapping[str, float]) -> None:
        self.latency[seq] = dict(latency_ms)

    def field_changed(self, *args: Any, **kwargs: Any) -> None: ...

    def call_ended(self, *args: Any, **kwargs: Any) -> None:
        self.ended = True


def conversation(lang: str = "es", log: RecordingLog | None = None) -> Conversation:
    return Conversation(Dialogue(load_form(), lang), log=log or RecordingLog())


def settings(tmp: Path, **kw: Any) -> Settings:
    return Settings(_env_file=None, daisy_data_dir=kw.pop("daisy_data_dir", Path("data")), **kw)
