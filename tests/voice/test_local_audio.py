"""The audio path CI runs: the local pipeline (Silero VAD, Whisper base, end-of-turn model, espeak-ng)
on a short synthesized call through the same AgentSession the worker uses, over the phone line."""

from __future__ import annotations

import asyncio
import wave
from pathlib import Path

from daisy.core import Phase
from daisy.voice.agent import CallObserver, DaisyAgent
from daisy.voice.espeak_tts import ESPEAK_RATE, synthesize_pcm, voice_for
from daisy.voice.phone_audio import PhoneLine, resample
from tests.voice.helpers import RecordingLog, conversation, local_call, on_the_wall_clock, until

pytestmark = on_the_wall_clock


async def _caller_says(line: PhoneLine, text: str) -> None:
    pcm = await synthesize_pcm(text, voice_for("caller", "es"))
    await line.caller_says(resample(pcm, ESPEAK_RATE))


def test_short_call_with_barge_in(tmp_path: Path) -> None:
    log = RecordingLog()
    conv = conversation("es", log)
    heard: list[str] = []
    latencies: list[dict[str, float]] = []

    async def main() -> PhoneLine:
        agent = DaisyAgent(conv, observer=CallObserver(on_heard=heard.append, on_latency=latencies.append))
        session, line = local_call(tmp_path, agent)
        line.start()
        await session.start(agent)
        try:
            # Daisy greets; the driver talks over her: she must stop, then answer what he said.
            await until(lambda: line.daisy_speaking, 30)
            await asyncio.sleep(1.0)
            await _caller_says(line, "Soy Mario López.")
            await until(lambda: line.agent_output.interruptions >= 1, 10)
            await until(lambda: latencies, 40)
            await until(lambda: not line.daisy_speaking, 30)
            await asyncio.sleep(0.4)
            await _caller_says(line, "Así es, correcto.")
            await until(lambda: len(latencies) >= 2, 40)
        finally:
            await session.aclose()
            await line.aclose()
        return line

    line = asyncio.run(main())
    assert line.agent_output.interruptions >= 1
    assert heard and heard[0].strip()
    assert conv.state is not None and conv.state.phase in (Phase.ASKING, Phase.CONFIRMING)
    for lat in latencies:
        assert set(lat) == {"endpointing", "stt", "core", "tts", "total"}
        assert 0 < lat["total"] < 30000
        # the core's own speed is a benchmark figure (benchmarks/core_latency.py): on a loaded
        # machine this wall-clock part also holds the event loop's waits, so only its place is checked
        assert 0 <= lat["core"] <= lat["total"]
    assert len(log.latency) >= 2  # stored on Daisy's turns through Conversation.note_latency
    daisy_seqs = {seq for seq, role, _ in log.turns if role == "daisy"}
    assert set(log.latency) <= daisy_seqs

    paths = line.save(tmp_path / "audio")
    with wave.open(str(paths[0])) as w:
        assert w.getframerate() == 8000 and w.getnframes() > 8000
    with wave.open(str(paths[2])) as w:
        assert w.getnchannels() == 2
