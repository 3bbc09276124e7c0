"""Offline voice latency on this machine (no network, no keys).

    .venv/bin/python benchmarks/voice_latency.py [--calls 1] [--turns 12] [--vad-silence 0.5]

1. core + first TTS audio: the dialogue core's turn plus espeak-ng until its first audio frame, over a
   scripted text call (no database). Target: p95 < 50 ms.
2. end to end, local pipeline: end of the caller's speech → first Daisy audio on the simulated phone
   line, from `daisy demo` calls, with the split (endpointing, stt, core, tts). Target: p50 < 2 s.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from pathlib import Path
from typing import Any

from daisy.conversation import Conversation
from daisy.core import Dialogue, Utterance
from daisy.form import load_form
from daisy.settings import Settings

SCRIPT = ["Soy Mario López", "sí", "cuarenta y cinco doce", "sí", "eme ene a catorce ochenta", "sí",
          "mil doscientos", "sí", "no la sé", "a las cinco de la tarde", "sí", "mario arroba gmail punto com",
          "sí"]


def pct(values: list[float], q: int) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return round(values[0], 1)
    return round(statistics.quantiles(values, n=100, method="inclusive")[q - 1], 1)


def summary(values: list[float]) -> dict[str, Any]:
    return {"p50": pct(values, 50), "p95": pct(values, 95), "n": len(values)}


async def core_and_first_audio(rounds: int) -> dict[str, Any]:
    from daisy.voice.espeak_tts import EspeakTTS, voice_for

    tts = EspeakTTS(voice=voice_for("daisy", "es"))
    core_ms: list[float] = []
    tts_ms: list[float] = []
    both: list[float] = []
    for _ in range(rounds):
        conv = Conversation(Dialogue(load_form(), "es"))
        conv.start("inbound")
        for text in SCRIPT:
            t0 = time.perf_counter()
            turn = conv.hear(Utterance(text))
            t1 = time.perf_counter()
            if not turn.say:
                continue
            t2 = t1
            async with tts.synthesize(turn.say) as stream:
                async for _audio in stream:
                    t2 = time.perf_counter()
                    break
            # on a call the caller talks for a second or more between Daisy's turns
            await asyncio.sleep(0.3)
            core_ms.append((t1 - t0) * 1000)
            tts_ms.append((t2 - t1) * 1000)
            both.append((t2 - t0) * 1000)
            if turn.state.ended:
                break
    return {"core_ms": summary(core_ms), "first_tts_audio_ms": summary(tts_ms),
            "core_plus_first_audio_ms": summary(both)}


async def end_to_end(calls: int, turns: int, vad_silence: float | None, min_delay: float | None,
                     max_delay: float | None, eot_threshold: float | None) -> dict[str, Any]:
    from daisy.voice import pipelines
    from daisy.voice.demo import run_call

    if vad_silence is not None:
        pipelines.VAD_MIN_SILENCE = vad_silence
    if min_delay is not None:
        pipelines.ENDPOINTING["min_delay"] = min_delay
    if max_delay is not None:
        pipelines.ENDPOINTING["max_delay"] = max_delay
    if eot_threshold is not None:
        pipelines.EOT_THRESHOLD = eot_threshold
    settings = Settings(daisy_data_dir=Path("data"))
    lats: list[dict[str, float]] = []
    stt: list[float] = []
    outcomes = []
    for _ in range(calls):
        result = await run_call(settings, "es", print_line=lambda _line: None, turn_cap=turns)
        lats += result.latencies
        stt += result.stt_ms
        outcomes.append(result.outcome)
    out: dict[str, Any] = {"total_ms": summary([lat["total"] for lat in lats])}
    for part in ("endpointing", "stt", "core", "tts"):
        out[f"{part}_ms"] = summary([lat[part] for lat in lats])
    out["whisper_ms"] = summary(stt)
    out["outcomes"] = outcomes
    out["settings"] = {"vad_min_silence": pipelines.VAD_MIN_SILENCE, "endpointing": pipelines.ENDPOINTING,
                       "eot_threshold": pipelines.EOT_THRESHOLD}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5, help="scripted text calls for the core+TTS part")
    ap.add_argument("--calls", type=int, default=1, help="offline audio calls for the end-to-end part")
    ap.add_argument("--turns", type=int, default=12, help="caller turns per audio call")
    ap.add_argument("--vad-silence", type=float, default=None, help="Silero min_silence_duration (s)")
    ap.add_argument("--min-delay", type=float, default=None, help="endpointing min_delay (s)")
    ap.add_argument("--max-delay", type=float, default=None, help="endpointing max_delay (s)")
    ap.add_argument("--eot-threshold", type=float, default=None, help="end-of-turn 'unlikely' threshold")
    ap.add_argument("--skip-e2e", action="store_true")
    args = ap.parse_args()
    report: dict[str, Any] = {"core_and_tts": asyncio.run(core_and_first_audio(args.rounds))}
    print(json.dumps(report["core_and_tts"]), flush=True)
    if not args.skip_e2e:
        report["local_end_to_end"] = asyncio.run(
            end_to_end(args.calls, args.turns, args.vad_silence, args.min_delay, args.max_delay,
                       args.eot_threshold))
        print(json.dumps(report["local_end_to_end"]), flush=True)


if __name__ == "__main__":
    main()
