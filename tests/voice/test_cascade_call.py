"""The cascade pipeline on a phone line: the real OpenAI STT (streaming: the realtime transcription
session) and TTS (PCM over server-sent events) of livekit-plugins-openai, with Silero VAD and the local
end-of-turn model, inside a real AgentSession, against the local server of tests/voice/fake_openai."""

from __future__ import annotations

import asyncio
from pathlib import Path

from livekit.agents.utils import http_context

from daisy.core.expectation import Expected
from daisy.voice.agent import CallObserver, DaisyAgent
from daisy.voice.espeak_tts import ESPEAK_RATE, synthesize_pcm, voice_for
from daisy.voice.phone_audio import PhoneLine, resample
from daisy.voice.pipelines import bind, build_session
from daisy.voice.vocabulary import prompt
from tests.voice.fake_openai import FakeOpenAI
from tests.voice.helpers import RecordingLog, conversation, on_the_wall_clock, settings
from tests.voice.test_realtime_call import until

pytestmark = on_the_wall_clock


def test_cascade_call_streams_both_ways_and_speaks_the_core(tmp_path: Path) -> None:
    log = RecordingLog()
    conv = conversation("es", log)
    heard: list[str] = []

    def daisy_turns() -> int:
        return sum(1 for _, role, _ in log.turns if role == "daisy")

    async def main() -> FakeOpenAI:
        # a job gives plugins their HTTP session; here there is no job, so open one as a job would
        async with http_context.open():
            return await call()

    async def call() -> FakeOpenAI:
        server = FakeOpenAI()
        await server.start()
        session = build_session("cascade", "es", settings(tmp_path, openai_api_key="sk-local",
                                                          openai_base_url=server.base_url))
        line = PhoneLine(record=False)
        session.input.audio = line.agent_input
        session.output.audio = line.agent_output
        agent = DaisyAgent(conv, observer=CallObserver(on_heard=heard.append))
        bind(session, agent)
        line.start()
        await session.start(agent)
        try:
            for n, text in enumerate(["Soy Mario López.", "Así es, correcto."], start=1):
                await until(lambda n=n: daisy_turns() >= n and line.agent_output.speaking, 30, "Daisy")
                await until(lambda: not line.agent_output.speaking, 30, "Daisy to finish")
                await asyncio.sleep(0.3)
                server.heard.append(text)
                pcm = await synthesize_pcm(text, voice_for("caller", "es"))
                await line.caller_says(resample(pcm, ESPEAK_RATE))
            await until(lambda: daisy_turns() >= 3 and line.agent_output.speaking, 30, "Daisy's third turn")
        finally:
            await session.aclose()
            await line.aclose()
            await server.stop()
        return server

    server = asyncio.run(main())
    said = [text for _, role, text in log.turns if role == "daisy"]
    # each caller turn reached the core once, and Daisy's voice said exactly the core's sentences
    assert heard == ["Soy Mario López.", "Así es, correcto."]
    assert conv.record()["driver_name"] == "Mario López"
    spoken = "".join(r["input"] for r in server.speech_requests)
    assert all(sentence.replace(" ", "") in spoken.replace(" ", "") for sentence in said)
    # PCM over server-sent events, told to sound Mexican
    for request in server.speech_requests:
        assert request["response_format"] == "pcm" and request["stream_format"] == "sse"
        assert "México" in request["instructions"]
    # the recognizer was the streaming transcription session, told what kind of answer came next
    assert server.transcription_requests == []  # no whole-utterance uploads
    prompts = [u["audio"]["input"]["transcription"].get("prompt") for u in server.session_updates
               if (u.get("audio") or {}).get("input", {}).get("transcription")]
    assert prompt(Expected.NAME, "es") in prompts and prompt(Expected.YES_NO, "es") in prompts
    assert all(u["audio"]["input"]["transcription"]["language"] == "es" for u in server.session_updates
               if (u.get("audio") or {}).get("input", {}).get("transcription"))
