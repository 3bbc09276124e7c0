"""A whole call on the realtime pipeline: the real RealtimeModel of livekit-plugins-openai inside a real
AgentSession, talking to a local server that speaks OpenAI's Realtime protocol (tests/voice/fake_openai),
with telephone audio in and out. The server answers on its own wherever the protocol lets it; the
caller must hear only the core's sentences."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from daisy.core import Outcome
from daisy.core.expectation import Expected
from daisy.voice.agent import TRANSFER_FAILED, CallObserver, DaisyAgent, exact_instruction
from daisy.voice.caller import PERSONAS, ScriptedCaller
from daisy.voice.phone_audio import RATE, PhoneLine
from daisy.voice.pipelines import build_session
from daisy.voice.vocabulary import prompt
from tests.voice.fake_openai import IMPROVISED, FakeOpenAI
from tests.voice.helpers import RecordingLog, conversation, on_the_wall_clock, settings

pytestmark = on_the_wall_clock


async def until(cond: Callable[[], object], timeout: float, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.02)


def speech_burst(seconds: float = 0.4) -> np.ndarray:
    """Something loud on the line: the fake server's VAD hears speech, its script says the words."""
    t = np.arange(int(seconds * RATE)) / RATE
    return (6000 * np.sin(2 * np.pi * 220 * t)).astype(np.int16)


class Call:
    """The realtime session on a phone line, against the fake server."""

    def __init__(self, server: FakeOpenAI, tmp: Path, lang: str = "es", transfer_ok: bool | None = None,
                 **session_kw: object) -> None:
        self.server = server
        self.transfer_ok = transfer_ok
        self.transfers = 0
        self.log = RecordingLog()
        self.conv = conversation(lang, self.log)
        self.ended = asyncio.Event()
        self.heard: list[str] = []
        self.lang = lang
        self.settings = settings(tmp, openai_api_key="sk-local", openai_base_url=server.base_url)
        self.session_kw = session_kw

    async def __aenter__(self) -> Call:
        self.session = build_session("realtime", self.lang, self.settings, **self.session_kw)
        self.line = PhoneLine(record=False)
        self.session.input.audio = self.line.agent_input
        self.session.output.audio = self.line.agent_output
        self.agent = DaisyAgent(self.conv, realtime=True,
                                observer=CallObserver(on_heard=self.heard.append, on_ended=self._ended,
                                                      on_transfer=self._transfer))
        self.line.start()
        await self.session.start(self.agent)
        return self

    def _ended(self, _state: object) -> None:
        self.ended.set()

    async def _transfer(self, _state: object) -> bool | None:
        self.transfers += 1
        return self.transfer_ok

    async def __aexit__(self, *exc: object) -> None:
        await self.session.aclose()
        await self.line.aclose()

    def daisy_turns(self) -> int:
        return sum(1 for _, role, _ in self.log.turns if role == "daisy")

    async def daisy_done(self, turns: int, timeout: float = 15) -> None:
        """Daisy has said her `turns`-th sentence and the line is quiet again."""
        await until(lambda: self.daisy_turns() >= turns and self.line.agent_output.speaking, timeout,
                    "Daisy to speak")
        await until(lambda: not self.line.agent_output.speaking, timeout, "Daisy to finish")
        await asyncio.sleep(0.15)

    async def caller_says(self, text: str) -> None:
        self.server.heard.append(text)
        await self.line.caller_says(speech_burst())


def test_realtime_call_says_only_the_core_sentences(tmp_path: Path) -> None:
    async def main() -> tuple[Call, FakeOpenAI]:
        server = FakeOpenAI(speech_ms_per_char=5)  # short audio: the call is about turns, not sound
        await server.start()
        caller = ScriptedCaller(PERSONAS["es"])
        try:
            async with Call(server, tmp_path) as call:
                await call.daisy_done(1)
                for _ in range(40):
                    state = call.conv.state
                    assert state is not None
                    if state.ended:
                        break
                    action = caller.react(state)
                    seen = call.daisy_turns()
                    if action.kind == "dtmf":
                        for key in action.text:
                            call.agent.keypad(key)
                    else:
                        await call.caller_says(action.text)
                    await call.daisy_done(seen + 1)
                await asyncio.wait_for(call.ended.wait(), 10)
        finally:
            await server.stop()
        return call, server

    call, server = asyncio.run(main())
    state = call.conv.state
    assert state is not None and state.outcome is Outcome.COMPLETED
    assert call.conv.record() == {
        "driver_name": "Mario López", "tractor_number": "4512", "tractor_plates": "LM1480",
        "trailer_number": "1200", "trailer_plates": "LM1480", "eta": "17:00", "email": "mario@gmail.com",
    }
    daisy_said = [text for _, role, text in call.log.turns if role == "daisy"]
    # every response the server was asked for carries the core's exact sentence, in order, and
    # none was ever created without one (the server would have improvised)
    assert [r.on_its_own for r in server.responses] == [False] * len(server.responses)
    assert IMPROVISED not in [r.said for r in server.responses]
    assert [r.said for r in server.responses] == daisy_said
    for response, said in zip(server.responses, daisy_said, strict=True):
        assert response.instructions is not None and exact_instruction(said, "es") in response.instructions
    assert call.agent.off_script == []
    # each answer's latency is stored on Daisy's turn (from the model's transcript: core, then the
    # model's first audio), as the other pipelines store theirs
    assert len(call.log.latency) >= len([t for t in server.transcripts if t]) - 1
    assert all(lat["core"] < 200 and lat["total"] > 0 for lat in call.log.latency.values())
    # each caller turn reached the core exactly once
    spoken = [t for t in server.transcripts if t]
    assert call.heard == spoken
    assert [text for _, role, text in call.log.turns if role == "caller"] == spoken
    # the session never had tools, and the server never had turn-taking of its own
    assert all(not s.get("tools") for s in server.session_updates)
    detection = server.session_updates[0]["audio"]["input"]["turn_detection"]
    assert detection["create_response"] is False and detection["interrupt_response"] is False
    # the model's transcription was told, turn by turn, what kind of answer came next
    prompts = {(u.get("audio") or {}).get("input", {}).get("transcription", {}).get("prompt")
               for u in server.session_updates}
    assert {prompt(kind, "es") for kind in (Expected.NAME, Expected.YES_NO, Expected.EMAIL)} <= prompts


def test_a_silent_caller_is_asked_once_then_the_call_ends(tmp_path: Path) -> None:
    """Two silences on the real audio path: '¿Sigues ahí?', then the goodbye and outcome abandoned."""

    async def main() -> tuple[Call, float]:
        server = FakeOpenAI()
        await server.start()
        try:
            async with Call(server, tmp_path, user_away_timeout=1.0) as call:
                started = time.monotonic()
                await asyncio.wait_for(call.ended.wait(), 30)
                took = time.monotonic() - started
                await asyncio.sleep(0.2)
        finally:
            await server.stop()
        return call, took

    call, took = asyncio.run(main())
    state = call.conv.state
    assert state is not None and state.outcome is Outcome.ABANDONED
    said = [text for _, role, text in call.log.turns if role == "daisy"]
    assert len(said) == 3  # the greeting, "¿sigues ahí?", the goodbye
    assert took < 25


def test_a_refused_transfer_is_told_to_the_caller_and_recorded(tmp_path: Path) -> None:
    async def main() -> tuple[Call, FakeOpenAI]:
        server = FakeOpenAI()
        await server.start()
        try:
            async with Call(server, tmp_path, transfer_ok=False) as call:
                await call.daisy_done(1)
                await call.caller_says("Quiero hablar con una persona.")
                await asyncio.wait_for(call.ended.wait(), 15)
        finally:
            await server.stop()
        return call, server

    call, server = asyncio.run(main())
    assert call.transfers == 1
    said = [text for _, role, text in call.log.turns if role == "daisy"]
    assert said[-1] == TRANSFER_FAILED["es"] and "comunico" in said[-2]
    # the caller heard it (the server was asked for exactly that sentence, and it played out)
    assert [r.said for r in server.responses][-1] == TRANSFER_FAILED["es"]
    assert server.responses[-1].status == "completed"
    state = call.conv.state
    assert state is not None and state.outcome is Outcome.INCOMPLETE and call.log.ended


def test_the_caller_can_talk_over_daisy(tmp_path: Path) -> None:
    """Barge-in on the realtime pipeline: the server hears the caller (speech_started), the framework
    stops Daisy's audio on the line and has the server cut the response; the caller's words go on."""

    async def main() -> tuple[Call, FakeOpenAI]:
        server = FakeOpenAI(speech_ms_per_char=40)  # a long greeting to talk over
        await server.start()
        try:
            async with Call(server, tmp_path) as call:
                await until(lambda: call.line.agent_output.speaking, 15, "the greeting")
                await asyncio.sleep(0.5)
                await call.caller_says("Soy Mario López.")
                await until(lambda: call.daisy_turns() >= 2, 15, "Daisy's answer")
        finally:
            await server.stop()
        return call, server

    call, server = asyncio.run(main())
    assert call.line.agent_output.interruptions >= 1
    assert "response.cancel" in server.client_events or "conversation.item.truncate" in server.client_events
    assert call.heard == ["Soy Mario López."]
    assert "Mario López" in [text for _, role, text in call.log.turns if role == "daisy"][-1]
