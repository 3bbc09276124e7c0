"""realtime and cascade built and driven without keys or network; the settings checks; local offline."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from livekit.agents import AgentSession

from daisy.voice.agent import DaisyAgent
from daisy.voice.config import missing_settings
from daisy.voice.pipelines import bind, build_session
from daisy.voice.policy_llm import PolicyLLM
from tests.voice.helpers import conversation, settings


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

    async def in_job() -> None:  # a job gives plugins their HTTP session; here none runs
        from livekit.agents.utils import http_context

        async with http_context.open():
            await main()

    asyncio.run(in_job())
    assert conv.state is not None and conv.state.pending == "Mario López"


def test_realtime_model_never_takes_a_turn_of_its_own(tmp_path: Path) -> None:
    """Built with the real plugin: the server detects and transcribes turns but neither answers nor
    cancels by itself; no client VAD, manual turn taking (tests/voice/test_realtime_call.py runs it)."""
    from livekit.plugins import openai

    async def build() -> AgentSession:
        return build_session("realtime", "es", settings(tmp_path, openai_api_key="sk-test-not-used"))

    session = asyncio.run(build())
    assert isinstance(session.llm, openai.realtime.RealtimeModel)
    detection = session.llm._opts.turn_detection
    assert detection.create_response is False and detection.interrupt_response is False
    assert session.vad is None and session.turn_detection == "manual"
    assert session.llm._opts.input_audio_transcription.language == "es"
    assert "arroba" in session.llm._opts.input_audio_transcription.prompt
    agent = DaisyAgent(conversation("es"), realtime=True)
    assert agent.tools == []  # a tool call would be the model acting, and a second copy of the turn


def test_policy_llm_emits_exactly_the_reply() -> None:
    from livekit.agents import llm

    async def main() -> None:
        silent = [c async for c in PolicyLLM().chat(chat_ctx=llm.ChatContext())]
        assert silent == []
        said = [c async for c in PolicyLLM(lambda _ctx: "Hola.").chat(chat_ctx=llm.ChatContext())]
        assert [c.delta.content for c in said if c.delta] == ["Hola."]

    asyncio.run(main())
