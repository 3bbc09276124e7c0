"""Offline voice latency on this machine (no network, no keys).

    .venv/bin/python benchmarks/voice_latency.py [--calls 1] [--dictation-calls 2] [--vad-silence 0.25]
        [--speculate-after 0.064] [--baseline]

1. core + first TTS audio: the dialogue core's turn plus espeak-ng until its first audio frame, over a
   scripted text call (no database). Target: p95 < 50 ms.
2. end to end, local pipeline: end of the caller's speech → first Daisy audio on the simulated phone
   line, from `daisy demo` calls, split by what Daisy waited for (yes/no, a value, a value dictated in
   pieces) and by stage (endpointing, stt, core, tts). Target (issue 12): complete answers p50 ≤ 400 ms,
   p95 ≤ 600 ms. "Complete answers" are the turns the core judged whole (the turn detector's verdict);
   `from_last_sound` counts from the caller's last loud sample instead of the VAD's end of speech.
   Whisper starts on a short pause while the VAD confirms the silence (daisy/voice/speculative.py);
   `--baseline` hears each stretch only once the VAD has closed it, as before, for comparison.
3. the dictation set: drivers who pause 0.6–1.0 s inside plates, numbers, times and emails; how often
   Daisy took the turn before the last piece (premature end of turn; target ≤ 2%), and how long she
   waited after the whole answer. The machine's load average is reported with the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
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


# Drivers reading the tarjeta de circulación: a pause of 0.6–1.0 s inside plates, numbers, times and
# emails ("|" marks it). Some cuts leave a half that is itself a plausible whole ("cuarenta y cinco",
# "a las cinco"): only the caller knows more is coming.
DICTATION = [
    {"tractor_number": ("El cuarenta y cinco | doce.", "4512"),
     "tractor_plates": ("Ele eme, | catorce ochenta.", "LM1480"),
     "trailer_number": ("Es la mil | doscientos.", "1200"),
     "trailer_plates": ("Ele eme catorce | ochenta.", "LM1480"),
     "eta": ("A las | diecisiete horas.", "17:00"),
     "email": ("mario arroba | gmail punto com.", "mario@gmail.com")},
    {"tractor_number": ("cuatro cinco | uno dos.", "4512"),
     "tractor_plates": ("Ele | eme | catorce ochenta.", "LM1480"),
     "trailer_number": ("Es la | mil doscientos.", "1200"),
     "trailer_plates": ("Ele eme, catorce | ochenta.", "LM1480"),
     "eta": ("A las cinco | de la tarde.", "17:00"),
     "email": ("mario arroba gmail punto | com.", "mario@gmail.com")},
]


def dictating(variant: dict[str, tuple[str, str]]) -> Any:
    from daisy.voice.caller import PERSONAS, Answer, Persona

    base = PERSONAS["es"]
    answers = dict(base.answers)
    for key, (speech, value) in variant.items():
        old = answers[key]
        answers[key] = Answer(speech, value, old.keypad, old.tries)
    return Persona(answers=answers, lines=base.lines)


def _label(kind: str) -> str:
    return {"yes_no": "yes/no", "free": "other", "": "other"}.get(kind, "value")


async def end_to_end(calls: int, dictation_calls: int, turns: int, vad_silence: float | None,
                     min_delay: float | None, max_delay: float | None, seed: int,
                     speculate_after: float | None = None, baseline: bool = False,
                     compare: bool = False) -> dict[str, Any]:
    """The audio calls; with `compare`, each caller is run both ways (early hearing and baseline),
    in alternating order, so both see the same load on this shared machine."""
    from daisy.voice import pipelines, speculative

    if speculate_after is not None:
        speculative.SPECULATE_AFTER = speculate_after
    if vad_silence is not None:
        pipelines.VAD_MIN_SILENCE = vad_silence
    if min_delay is not None:
        pipelines.ENDPOINTING["min_delay"] = min_delay
    if max_delay is not None:
        pipelines.ENDPOINTING["max_delay"] = max_delay
    settings = Settings(daisy_data_dir=Path("data"))
    modes = ["speculative", "baseline"] if compare else ["baseline" if baseline else "speculative"]
    tallies = {mode: _Tally() for mode in modes}
    personas = [None] * calls + [dictating(DICTATION[i % len(DICTATION)]) for i in range(dictation_calls)]
    for n, persona in enumerate(personas):
        for mode in modes if n % 2 == 0 else modes[::-1]:
            rng = random.Random(seed + n)  # both ways pause alike
            await tallies[mode].call(settings, persona, mode == "baseline", turns, rng)
    out = {mode: tally.summary() for mode, tally in tallies.items()}
    for mode, summary_ in out.items():
        early = None if mode == "baseline" else speculative.SPECULATE_AFTER
        summary_["settings"] = {"vad_min_silence": pipelines.VAD_MIN_SILENCE,
                                "endpointing": pipelines.ENDPOINTING, "speculate_after": early}
    return out if compare else out[modes[0]]


class _Tally:
    def __init__(self) -> None:
        self.by_class: dict[str, list[dict[str, float]]] = {}
        self.speculation: dict[str, int] = {}
        self.answers: list[dict[str, Any]] = []
        self.dictations: list[dict[str, Any]] = []
        self.outcomes: list[dict[str, Any]] = []
        self.stt: list[float] = []
        self.loads: list[float] = []

    async def call(self, settings: Settings, persona: Any, baseline: bool, turns: int,
                   rng: random.Random) -> None:
        from daisy.voice.demo import run_call
        from daisy.voice.whole_turn import WholeTurnWhisperSTT

        self.loads.append(os.getloadavg()[0])
        overrides = {"stt": WholeTurnWhisperSTT(language="es", data_dir=settings.daisy_data_dir)
                     } if baseline else {}
        result = await run_call(settings, "es", persona=persona, print_line=lambda _line: None,
                                turn_cap=turns, pause=lambda: rng.uniform(0.6, 1.0),
                                session_overrides=overrides)
        in_pieces = {i: d for d in result.dictations for i in d["latencies"]}
        for i, lat in enumerate(result.latencies):
            kind = result.latency_kinds[i] if i < len(result.latency_kinds) else ""
            label = "dictation in pieces" if i in in_pieces else _label(kind)
            sound = result.from_last_sound_ms[i] if i < len(result.from_last_sound_ms) else None
            lat = {**lat, **({"from_last_sound": sound} if sound is not None else {})}
            self.by_class.setdefault(label, []).append(lat)
            if i < len(result.verdicts) and result.verdicts[i] and label != "dictation in pieces":
                self.by_class.setdefault("complete answers", []).append(lat)
        self.answers += result.answers
        for key, n in result.speculation.items():
            self.speculation[key] = self.speculation.get(key, 0) + n
        for d in result.dictations:
            d["wait_ms"] = result.latencies[d["latencies"][-1]]["total"] if d["latencies"] else None
        self.dictations += result.dictations
        self.stt += result.stt_ms
        fields = sum(v is not None for v in result.record.values())
        self.outcomes.append({"outcome": result.outcome, "fields": fields})
        self.loads.append(os.getloadavg()[0])

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        everything = [lat for label, lats in self.by_class.items() if label != "complete answers"
                      for lat in lats]
        for label, lats in [("all", everything), *sorted(self.by_class.items())]:
            out[label] = {part: summary([lat[part] for lat in lats if part in lat])
                          for part in ("total", "from_last_sound", "endpointing", "stt", "core", "tts")}
        dictations = self.dictations
        premature = [d for d in dictations if d["premature"]]
        whole = [d for d in dictations if not d["premature"]]
        out["dictation_set"] = {
            "answers": len(dictations), "premature_end_of_turn": len(premature),
            "premature_rate": round(len(premature) / len(dictations), 3) if dictations else None,
            "premature_said": [d["said"] for d in premature],
            # the caller's last piece → Daisy's first audio, when she waited for the whole answer
            "wait_after_whole_answer_ms": summary([d["wait_ms"] for d in whole if d["wait_ms"] is not None]),
        }
        cut = [a["said"] for a in self.answers if a["cut"]]
        # any spoken line, dictated or not: Daisy took the turn at a pause inside it (a comma's ~0.3 s)
        out["cut_inside_a_line"] = {"lines": len(self.answers), "cut": len(cut), "said": cut}
        out["whisper_ms"] = summary(self.stt)
        out["speculation"] = self.speculation
        out["calls"] = self.outcomes
        out["load_average"] = {"min": min(self.loads), "max": max(self.loads)}
        return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5, help="scripted text calls for the core+TTS part")
    ap.add_argument("--calls", type=int, default=1, help="offline audio calls, the demo's driver")
    ap.add_argument("--dictation-calls", type=int, default=2,
                    help="offline audio calls by drivers who pause 0.6–1.0 s inside their answers")
    ap.add_argument("--turns", type=int, default=30, help="caller turns per audio call at most")
    ap.add_argument("--vad-silence", type=float, default=None, help="Silero min_silence_duration (s)")
    ap.add_argument("--min-delay", type=float, default=None, help="endpointing min_delay (s)")
    ap.add_argument("--max-delay", type=float, default=None, help="endpointing max_delay (s)")
    ap.add_argument("--seed", type=int, default=12, help="for the pauses' lengths")
    ap.add_argument("--speculate-after", type=float, default=None,
                    help="pause (s) after which Whisper starts while the VAD confirms the silence")
    ap.add_argument("--baseline", action="store_true",
                    help="hear each stretch only once the VAD closed it (the pipeline before speculation)")
    ap.add_argument("--compare", action="store_true",
                    help="run every caller both ways, alternating, and report both (same load)")
    ap.add_argument("--skip-e2e", action="store_true")
    args = ap.parse_args()
    report: dict[str, Any] = {"core_and_tts": asyncio.run(core_and_first_audio(args.rounds))}
    print(json.dumps(report["core_and_tts"]), flush=True)
    if not args.skip_e2e:
        report["local_end_to_end"] = asyncio.run(
            end_to_end(args.calls, args.dictation_calls, args.turns, args.vad_silence, args.min_delay,
                       args.max_delay, args.seed, args.speculate_after, args.baseline, args.compare))
        print(json.dumps(report["local_end_to_end"]), flush=True)


if __name__ == "__main__":
    main()
