"""Daisy's own share of each turn on the cloud pipelines, measured against the local OpenAI server of
the tests (tests/voice/fake_openai.py): the real plugins and AgentSession, no model time at all.

    .venv/bin/python benchmarks/pipeline_overhead.py [--calls 3]

realtime: the model's final transcript of the caller → Daisy's `response.create` (core + framework +
          plugin), and the model's first audio → first audio on the phone line (playout path).
cascade:  the recognizer's final transcript → Daisy's TTS request (endpointing + end-of-turn model +
          core + framework), and the TTS's first audio → first audio on the phone line.
What the models themselves take (transcription, first audio of a response) comes on top.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from livekit.agents.utils import http_context  # noqa: E402

from daisy.voice.agent import CallObserver, DaisyAgent  # noqa: E402
from daisy.voice.caller import PERSONAS, ScriptedCaller  # noqa: E402
from daisy.voice.espeak_tts import ESPEAK_RATE, synthesize_pcm, voice_for  # noqa: E402
from daisy.voice.phone_audio import PhoneLine, resample  # noqa: E402
from daisy.voice.pipelines import bind, build_session  # noqa: E402
from tests.voice.fake_openai import FakeOpenAI  # noqa: E402
from tests.voice.helpers import RecordingLog, conversation, settings  # noqa: E402
from tests.voice.test_realtime_call import speech_burst, until  # noqa: E402


async def one_call(pipeline: str, tmp: Path, turns: int) -> FakeOpenAI:
    server = FakeOpenAI()
    await server.start()
    log = RecordingLog()
    conv = conversation("es", log)
    session = build_session(pipeline, "es", settings(tmp, openai_api_key="sk-local",
                                                     openai_base_url=server.base_url))
    line = PhoneLine(record=False)
    line.agent_output.on_first_audio = lambda _t: server.mark("line")
    session.input.audio, session.output.audio = line.agent_input, line.agent_output
    agent = DaisyAgent(conv, realtime=pipeline == "realtime", observer=CallObserver())
    bind(session, agent)
    caller = ScriptedCaller(PERSONAS["es"])

    def daisy_turns() -> int:
        return sum(1 for _, role, _ in log.turns if role == "daisy")

    line.start()
    await session.start(agent)
    try:
        for n in range(1, turns + 1):
            await until(lambda n=n: daisy_turns() >= n and line.agent_output.speaking, 30, "Daisy")
            await until(lambda: not line.agent_output.speaking, 30, "Daisy to finish")
            await asyncio.sleep(0.3)
            assert conv.state is not None
            if conv.state.ended:
                break
            action = caller.react(conv.state)
            if action.kind == "dtmf":
                for key in action.text:
                    agent.keypad(key)
                continue
            server.heard.append(action.text)
            if pipeline == "realtime":  # the fake server's VAD only needs energy
                await line.caller_says(speech_burst())
            else:  # Silero needs a voice
                await line.caller_says(resample(await synthesize_pcm(action.text, voice_for("caller", "es")),
                                                ESPEAK_RATE))
        await asyncio.sleep(1.0)
    finally:
        await session.aclose()
        await line.aclose()
        await server.stop()
    return server


def spans(marks: list[tuple[float, str]], start: str, end: str) -> list[float]:
    """For each `start` mark, ms until the next `end` mark (before the next `start`)."""
    out = []
    for i, (t0, what) in enumerate(marks):
        if what != start:
            continue
        for t1, later in marks[i + 1:]:
            if later == start:
                break
            if later == end:
                out.append((t1 - t0) * 1000)
                break
    return out


def summary(values: list[float]) -> str:
    if not values:
        return "n=0"
    q = statistics.quantiles(values, n=20, method="inclusive") if len(values) > 1 else [values[0]] * 19
    return f"p50 {statistics.median(values):.0f} ms, p95 {q[18]:.0f} ms, n={len(values)}"


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=3)
    parser.add_argument("--turns", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        async with http_context.open():
            for pipeline, asked in (("realtime", "response.create"), ("cascade", "speech")):
                marks: list[tuple[float, str]] = []
                started = time.perf_counter()
                for _ in range(args.calls):
                    marks += (await one_call(pipeline, Path(tmp), args.turns)).marks
                print(f"{pipeline}: {args.calls} calls in {time.perf_counter() - started:.0f} s")
                print(f"  final transcript → {asked}: {summary(spans(marks, 'transcript', asked))}")
                print(f"  first model audio → phone line: {summary(spans(marks, 'audio', 'line'))}")


if __name__ == "__main__":
    asyncio.run(main())
