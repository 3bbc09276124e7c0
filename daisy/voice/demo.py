"""`daisy demo`: a whole phone call, offline, with real audio and no LiveKit server.

The synthetic caller speaks through espeak-ng (a male voice; Daisy's is female), down a simulated
telephone line (8 kHz µ-law, 20 ms frames, real time) into the same AgentSession and DaisyAgent the
worker runs, with the local pipeline: Silero VAD, Whisper base, the field-aware turn detector, espeak-ng.
"""

from __future__ import annotations

import asyncio
import logging
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from daisy.conversation import CallLog, Conversation, NullCallLog
from daisy.core import CallState, Dialogue, Turn
from daisy.form import load_form
from daisy.settings import Settings
from daisy.voice.agent import CallObserver, DaisyAgent
from daisy.voice.caller import PERSONAS, Persona, ScriptedCaller
from daisy.voice.espeak_tts import ESPEAK_RATE, synthesize_pcm, voice_for
from daisy.voice.phone_audio import RATE, PhoneLine, resample
from daisy.voice.pipelines import bind, build_session

TURN_CAP = 30  # caller turns; a call that loops is cut here
REPLY_TIMEOUT = 14.0  # seconds to wait for Daisy after speaking (beyond: the caller speaks again)
GAP = 0.35  # how long the caller waits after Daisy stops before answering
PAUSE = "|"  # in a caller's line: a pause inside the answer
QUIET = 300  # int16 peak below which espeak's padding counts as silence


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return round(values[0], 1)
    return round(statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1], 1)


@dataclass
class DemoResult:
    call_id: str
    outcome: str | None
    record: dict[str, str | None]
    latencies: list[dict[str, float]] = field(default_factory=list)
    stt_ms: list[float] = field(default_factory=list)
    audio_files: list[Path] = field(default_factory=list)
    latency_kinds: list[str] = field(default_factory=list)  # what Daisy waited for, per latency
    dictations: list[dict[str, Any]] = field(default_factory=list)  # answers said in pieces
    # per latency: whether the core judged the answer whole (the turn detector's last verdict), and
    # the caller's last loud sample → Daisy's first audio (the VAD's own end of speech comes later)
    verdicts: list[bool | None] = field(default_factory=list)
    from_last_sound_ms: list[float | None] = field(default_factory=list)
    speculation: dict[str, int] = field(default_factory=dict)  # early Whisper runs (speculative.py)
    answers: list[dict[str, Any]] = field(default_factory=list)  # {"said", "cut"} per spoken line

    def summary(self) -> dict[str, Any]:
        totals = [lat["total"] for lat in self.latencies]
        # issue 12's measure, as benchmarks/voice_latency.py takes it: answers the core judged whole,
        # a line said in pieces (which Daisy waits out on purpose) left out
        in_pieces = {i for d in self.dictations for i in d["latencies"]}
        whole = [lat["total"] for i, (lat, v) in enumerate(zip(self.latencies, self.verdicts, strict=False))
                 if v and i not in in_pieces]
        return {
            "outcome": self.outcome,
            "record": self.record,
            "latency_ms": {"p50": percentile(totals, 50), "p95": percentile(totals, 95),
                           "turns": len(totals)},
            "complete_answers_ms": {"p50": percentile(whole, 50), "p95": percentile(whole, 95),
                                    "turns": len(whole)},
            "stt_ms": {"p50": percentile(self.stt_ms, 50), "p95": percentile(self.stt_ms, 95)},
        }


class _DaisyWatch:
    """Knows when Daisy has finished a reply on the line (audio started, then quiet for GAP)."""

    def __init__(self, line: PhoneLine) -> None:
        self.line = line
        self.segments = 0
        line.agent_output.on_first_audio = self._started

    def _started(self, _at: float) -> None:
        self.segments += 1

    async def reply_done(self, since: int, ended: asyncio.Event) -> bool:
        """True once a reply newer than `since` has played out; False on timeout."""
        deadline = time.monotonic() + REPLY_TIMEOUT
        quiet_since: float | None = None
        while time.monotonic() < deadline:
            await asyncio.sleep(0.05)
            if self.segments <= since:
                if ended.is_set():
                    return True
                continue
            if self.line.daisy_speaking:
                quiet_since = None
            elif quiet_since is None:
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= GAP:
                return True
        return False


async def run_call(
    settings: Settings,
    lang: str = "es",
    persona: Persona | None = None,
    log: CallLog | None = None,
    save_audio: Path | None = None,
    print_line: Callable[[str], None] = print,
    turn_cap: int = TURN_CAP,
    session_overrides: dict[str, Any] | None = None,
    pause: Callable[[], float] = lambda: 0.8,
) -> DemoResult:
    """One offline call through the local pipeline; returns the outcome, record and latencies. A
    caller line with `PAUSE` marks ("Ele eme, | catorce ochenta") is said in pieces, `pause()`
    seconds of silence between them; whether Daisy took the turn before its last piece is kept."""
    logging.getLogger("livekit").setLevel(logging.ERROR)  # e.g. "VAD slower than realtime" on a busy box
    # another library in the process reaps children too; asyncio then warns about espeak's exit code
    logging.getLogger("asyncio").setLevel(logging.ERROR)
    form = load_form()
    conversation = Conversation(Dialogue(form, lang), log=log or NullCallLog())
    caller = ScriptedCaller(persona or PERSONAS[lang[:2]])
    caller_voice = voice_for("caller", lang)
    ended = asyncio.Event()

    def said(turn: Turn) -> None:
        print_line(f"  Daisy  ▸ {turn.say}")

    verdicts: list[bool | None] = []
    from_sound: list[float | None] = []
    last_sound: list[float] = []  # wall clock of the caller's last loud sample, per utterance

    def latency(lat: dict[str, float]) -> None:
        # called as Daisy's first audio starts; the detector's last verdict was this turn's
        decisions = getattr(session.turn_detection, "decisions", None)
        verdicts.append(decisions[-1][1] if decisions else None)
        since = time.time() - last_sound[-1] if last_sound else None
        # Daisy answering before the caller's last sound is a barge-in, not a latency
        from_sound.append(round(since * 1000, 1) if since is not None and since > 0 else None)
        print_line(f"           ⏱ {lat['total']:.0f} ms  (endpointing {lat['endpointing']:.0f} · stt "
                   f"{lat['stt']:.0f} · core {lat['core']:.1f} · tts {lat['tts']:.0f})")

    def on_ended(_state: CallState) -> None:
        ended.set()

    heard_at: list[float] = []  # when each caller turn reached the core (the turn was over)
    answers: list[dict[str, Any]] = []  # every spoken caller line, and whether Daisy cut it short
    dictations: list[dict[str, Any]] = []

    def heard(text: str) -> None:
        heard_at.append(time.time())
        print_line(f"           (Daisy heard: {text})")

    observer = CallObserver(on_heard=heard,
                            on_said=said, on_latency=latency, on_ended=on_ended)
    session = build_session("local", lang, settings, **(session_overrides or {}))
    line = PhoneLine(record=save_audio is not None)
    session.input.audio = line.agent_input
    session.output.audio = line.agent_output
    watch = _DaisyWatch(line)
    agent = DaisyAgent(conversation, observer=observer)
    bind(session, agent)
    line.start()
    await session.start(agent)
    try:
        seen = 0
        for _ in range(turn_cap):
            if not await watch.reply_done(seen, ended) and conversation.state is None:
                break
            seen = watch.segments
            if dictations and "latencies" not in dictations[-1]:  # Daisy's answer to it came
                dictations[-1]["latencies"] = list(range(dictations[-1].pop("from"), len(agent.latencies)))
            if ended.is_set() or conversation.state is None or conversation.state.ended:
                break
            action = caller.react(conversation.state)
            if action.kind == "dtmf":
                print_line(f"  Caller ▸ [keypad] {action.text}")
                for key in action.text:  # one SIP DTMF event per key, as LiveKit delivers them
                    agent.keypad(key)
                    await asyncio.sleep(0.15)
                continue
            print_line(f"  Caller ▸ {action.text}")
            pieces = [p.strip() for p in action.text.split(PAUSE) if p.strip()]
            audio = [resample(await synthesize_pcm(p, caller_voice), ESPEAK_RATE) for p in pieces]
            if len(audio) == 1:
                began = time.time()
                await _say(line, audio[0], last_sound)
                # Daisy took the turn at a pause inside the sentence ("Ele de Lima, | eme de…")
                cut = any(began < t < last_sound[-1] for t in heard_at)
                answers.append({"said": action.text, "cut": cut})
                continue
            # a driver reading the tarjeta de circulación: pauses inside the answer
            began, kind, first_latency = time.time(), agent.expected_now(), len(agent.latencies)
            last_began = began
            for i, pcm in enumerate(_trimmed(audio)):
                if i:
                    await asyncio.sleep(pause())
                    last_began = time.time()
                await _say(line, pcm, last_sound)
            dictations.append({"said": action.text, "expected": kind, "from": first_latency,
                               "premature": any(began < t < last_began for t in heard_at)})
            answers.append({"said": action.text, "cut": any(began < t < last_sound[-1] for t in heard_at)})
        else:
            print_line(f"  (turn cap of {turn_cap} reached: the caller hangs up)")
            agent.caller_left()
        if not ended.is_set():
            try:
                await asyncio.wait_for(ended.wait(), timeout=20)
            except TimeoutError:
                agent.caller_left()
        await asyncio.sleep(0.3)
    finally:
        await session.aclose()
        await line.aclose()
    files = line.save(save_audio) if save_audio is not None else []
    assert conversation.state is not None
    outcome = conversation.state.outcome
    return DemoResult(call_id=conversation.call_id, outcome=outcome.value if outcome else None,
                      record=conversation.record(), latencies=agent.latencies,
                      stt_ms=[s * 1000 for s in agent.stt_seconds], audio_files=files,
                      latency_kinds=agent.latency_kinds,
                      dictations=[{"latencies": [], **d} for d in dictations],
                      verdicts=verdicts, from_last_sound_ms=from_sound,
                      speculation=_counts(session.stt), answers=answers)


def _counts(stt: Any) -> dict[str, int]:
    counts = getattr(stt, "speculation", None)
    return dict(vars(counts)) if counts is not None else {}


async def _say(line: PhoneLine, pcm: np.ndarray, last_sound: list[float]) -> None:
    """The caller speaks; the moment of their last loud sample is kept. espeak pads with quiet, and
    Daisy may answer inside that padding: the moment is known (the line plays in real time) before
    the audio has gone, and set exactly once it has."""
    loud = np.flatnonzero(np.abs(pcm.astype(np.int32)) > QUIET)
    quiet_tail = (pcm.size - (loud[-1] + 1 if loud.size else 0)) / RATE
    last_sound.append(time.time() + pcm.size / RATE - quiet_tail)
    await line.caller_says(pcm)
    last_sound[-1] = (line.caller_speech_ended_at or time.time()) - quiet_tail


def _trimmed(pieces: list[np.ndarray]) -> list[np.ndarray]:
    """espeak pads each utterance with silence: cut it where pieces meet, so a pause is the pause."""
    out = []
    for i, pcm in enumerate(pieces):
        loud = np.flatnonzero(np.abs(pcm.astype(np.int32)) > QUIET)
        if loud.size == 0:
            continue
        start = loud[0] if i > 0 else 0
        end = loud[-1] + 1 if i < len(pieces) - 1 else pcm.size
        out.append(pcm[start:end])
    return out
