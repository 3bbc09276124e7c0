"""realtime and cascade built and driven without keys or network; the settings checks; local offline."""

from __future__ import annotations

import asyncio
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from livekit.agents import AgentSession

from daisy.voice.agent import DaisyAgent
from daisy.voice.config import missing_settings
from daisy.voice.pipelines import bind, build_session
from daisy.voice.policy_llm import PolicyLLM
from tests.voice.helpers import RecordingLog, conversation, settings


def test_missing_settings_are_named() -> None:
    bare = settings(Path("."))
    assert missing_settings("local", bare, worker=False) == []
    assert missing_settings("local", bare, worker=True) == ["LIVEKIT_URL", "LIVEKIT_API_KEY",
                                                            "LIVEKIT_API_SECRET"]
    assert missing_settings("cascade", bare, worker=False) == ["OPENAI_API_KEY"]
    assert missing_settings("realtime", settings(Path("."), openai_api_key="k"), worker=False) == []
    with pytest.raises(ValueError, match="unknown pipeline"):
        missing_settings("carrier-pigeon", bare, worker=False)


def test_local_never_constructs_cloud_plugins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from livekit.plugins import openai

    def boom(*_a: Any, **_k: Any) -> None:
        raise AssertionError("an OpenAI plugin was built for the offline pipeline")

    for cls in (openai.STT, openai.TTS, openai.LLM, openai.realtime.RealtimeModel):
        monkeypatch.setattr(cls, "__init__", boom)
    async def build() -> AgentSession:  # AgentSession wants a running loop
        return build_session("local", "es", settings(tmp_path))

    session = asyncio.run(build())
    assert isinstance(session.llm, PolicyLLM)
    assert session.stt is not None and session.stt.provider == "faster-whisper"
    assert session.tts is not None and session.tts.provider == "espeak-ng"


def test_cascade_is_built_with_openai_and_speaks_the_core(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from livekit.plugins import openai

    monkeypatch.setenv("DAISY_CASCADE_TTS_VOICE", "sage")

    conv = conversation("es")
    agent = DaisyAgent(conv)

    async def main() -> None:
        session = build_session("cascade", "es", settings(tmp_path, openai_api_key="sk-test-not-used"))
        assert isinstance(session.stt, openai.STT) and isinstance(session.tts, openai.TTS)
        assert isinstance(session.llm, PolicyLLM)
        assert session.tts._opts.voice == "sage"  # configurable from the environment
        bind(session, agent)
        # text in, no audio I/O: the cloud STT/TTS stay idle, so no network; the replies are the core's
        await session.start(agent)
        result = await session.run(user_input="Soy Mario López")
        result.expect.next_event().is_message(role="assistant")
        await session.aclose()

    asyncio.run(main())
    assert conv.state is not None and conv.state.pending == "Mario López"


class _FakeRealtimeSession:
    """Stands in for AgentSession: records what the agent asks the speech model to say."""

    def __init__(self) -> None:
        self.instructions: list[str] = []
        self.handlers: dict[str, Any] = {}
        self.current_speech = None
        self.options = SimpleNamespace(user_away_timeout=12.0)

    def on(self, event: str, handler: Any) -> None:
        self.handlers[event] = handler

    def generate_reply(self, *, instructions: str = "") -> None:
        self.instructions.append(instructions)

    def interrupt(self) -> None: ...


class _RealtimeAgent(DaisyAgent):
    fake: _FakeRealtimeSession

    @property
    def session(self) -> Any:  # type: ignore[override]
        return self.fake


def test_realtime_model_is_told_the_exact_sentence(tmp_path: Path) -> None:
    from livekit.plugins import openai

    async def build() -> AgentSession:
        return build_session("realtime", "es", settings(tmp_path, openai_api_key="sk-test-not-used"))

    session = asyncio.run(build())
    assert isinstance(session.llm, openai.realtime.RealtimeModel)
    assert session.llm._opts.turn_detection.create_response is False  # the core decides, not the model

    log = RecordingLog()
    agent = _RealtimeAgent(conversation("es", log), realtime=True)
    agent.fake = _FakeRealtimeSession()
    asyncio.run(agent.on_enter())
    assert "¿Me dices tu nombre completo?" in agent.fake.instructions[-1]
    # the model's input transcription is what the core hears
    agent.fake.handlers["user_input_transcribed"](
        SimpleNamespace(is_final=True, transcript="Soy Mario López", item_id="item-1"))
    assert "«Tu nombre es Mario López, ¿correcto?»" in agent.fake.instructions[-1]
    assert [r for _, r, _ in log.turns] == ["daisy", "caller", "daisy"]


def test_realtime_field_tools_go_through_the_core() -> None:
    agent = _RealtimeAgent(conversation("es"), realtime=True)
    agent.fake = _FakeRealtimeSession()
    names = {t.info.name for t in agent.tools}
    assert {"save_driver_name", "save_tractor_number", "save_email"} <= names
    asyncio.run(agent.on_enter())
    refused = agent.offer_value("tractor_number", "4512")  # not what Daisy is asking for
    assert refused.startswith("Not stored") and agent.conversation.record()["tractor_number"] is None
    said = agent.offer_value("driver_name", "Mario López")
    assert "Tu nombre es Mario López" in said
    assert agent.call_state().pending == "Mario López"  # read back, not stored until confirmed
    assert agent.conversation.record()["driver_name"] is None


def test_policy_llm_emits_exactly_the_reply() -> None:
    from livekit.agents import llm

    async def main() -> None:
        silent = [c async for c in PolicyLLM().chat(chat_ctx=llm.ChatContext())]
        assert silent == []
        said = [c async for c in PolicyLLM(lambda _ctx: "Hola.").chat(chat_ctx=llm.ChatContext())]
        assert [c.delta.content for c in said if c.delta] == ["Hola."]

    asyncio.run(main())
