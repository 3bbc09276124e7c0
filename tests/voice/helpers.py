"""Shared by the voice tests: a recording call log, settings, the local pipeline on a phone line."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
from livekit.agents import AgentSession

from daisy.conversation import Conversation
from daisy.core import Dialogue
from daisy.form import load_form
from daisy.settings import Settings
from daisy.voice.agent import DaisyAgent
from daisy.voice.phone_audio import PhoneLine
from daisy.voice.pipelines import bind, build_session

# A call played against the wall clock (Silero, Whisper and espeak-ng sharing two cores with the
# framework): on a CPU-starved CI machine the agent can fall seconds behind the line and miss a
# moment of turn-taking a machine that keeps up never misses (a "sí" said over the greeting judged
# after it ended). Such a test runs again, twice at most, before it counts as failed.
on_the_wall_clock = pytest.mark.flaky(reruns=2)


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


async def until(cond: Callable[[], object], timeout: float,
                seen: Callable[[], object] = lambda: None) -> None:
    """Wait (polling) until `cond()` holds; fail the test after `timeout` seconds, saying `seen()`."""
    deadline = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < deadline, f"timed out; seen: {seen()}"
        await asyncio.sleep(0.02)


def local_call(tmp: Path, agent: DaisyAgent, lang: str = "es",
               record: bool = True) -> tuple[AgentSession, PhoneLine]:
    """The local pipeline's AgentSession (real Silero, Whisper, espeak-ng) on a simulated phone line,
    bound to `agent`; start the line, then the session."""
    session = build_session("local", lang, settings(tmp))
    line = PhoneLine(record=record)
    session.input.audio = line.agent_input
    session.output.audio = line.agent_output
    bind(session, agent)
    return session, line
