"""Calls of the audio evaluation: each simulated driver speaks with one voice over one line, into
Daisy's own hearing through the machine protocol (`{"audio": "PATH.wav"}`, in-process), and the same
drivers are run in text as the reference.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import random
import time
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from daisy.evaluation.audio.cache import AudioCache
from daisy.evaluation.audio.driver import Driver
from daisy.evaluation.audio.voices import ESPEAK_VARIANTS, Voice, voices
from daisy.evaluation.scoring import CallResult, Exchange
from daisy.evaluation.spec import CallerSpec
from daisy.form import Form, load_form

MAX_CALLER_TURNS = 60  # a call still open after this many caller turns "never ended"
TEXT = "text"


@dataclass(frozen=True)
class Setup:
    """How one call is heard: in text, or spoken by `voice` on a clean or noisy (truck cab) line."""

    family: str  # "text" | a voice family
    noisy: bool = False
    voice: Voice | None = None
    # the driver spells when Daisy asks to, as well as after a second "no"; False: only after it
    spells_when_asked: bool = True

    @property
    def line(self) -> str:
        return TEXT if self.family == TEXT else ("noisy" if self.noisy else "clean")


@dataclass
class AudioCallResult:
    result: CallResult
    setup: Setup
    ended: bool
    keypad_uses: int = 0
    spelled: int = 0  # answers the driver spelled symbol by symbol
    utterances: int = 0  # caller turns spoken as audio
    heard: list[str | None] = field(default_factory=list)  # per exchange, what Daisy heard (audio only)
    confidence: list[float | None] = field(default_factory=list)  # ...and how sure the recognizer was
    seconds: float = 0.0


def _stable(*parts: object) -> int:
    return int.from_bytes(hashlib.sha256(repr(parts).encode()).digest()[:8], "big")


# the setups in the order callers of one language take them: any two in a row differ in both
# voice family and line, so even a two-call subset has each family and a noisy line
_CYCLE = (("espeak", False), ("kokoro", True), ("kokoro", False), ("espeak", True))


def assign(
    specs: Iterable[CallerSpec],
    seed: int = 0,
    english_neural: str = "kokoro",
    spells_when_asked: bool = True,
    espeak_variants: tuple[str, ...] = ESPEAK_VARIANTS,
) -> list[tuple[CallerSpec, Setup]]:
    """One voice family and line per caller, balanced within each language, with the voice of the
    family picked by the seed. `english_neural="piper"`: the English callers a neural voice speaks
    for get Piper's instead of Kokoro's (a voice the understanding was never tuned on).
    `spells_when_asked=False`: every driver spells only after a second "no". `espeak_variants`: the
    espeak-ng variants picked from (others than the usual ones: voices never tuned on)."""
    out: list[tuple[CallerSpec, Setup]] = []
    count: dict[str, int] = {}
    for spec in specs:
        i = count[spec.lang] = count.get(spec.lang, -1) + 1
        family, noisy = _CYCLE[(i + seed) % len(_CYCLE)]
        if family == "kokoro" and spec.lang == "en":
            family = english_neural
        voice = random.Random(_stable(seed, spec.id)).choice(voices(family, spec.lang, espeak_variants))
        out.append((spec, Setup(family, noisy, voice, spells_when_asked)))
    return out


class _Hearing:
    """Audio in, protocol out: Daisy's ProtocolSession, sent `{"audio": path}` for every utterance."""

    def __init__(self, spec: CallerSpec, form: Form) -> None:
        from daisy.evaluation.runner import protocol_session

        self.session = protocol_session(spec, form)
        self.lang = spec.lang

    def opening(self) -> dict[str, Any]:
        return self.session.opening()

    def send(self, obj: dict[str, Any]) -> dict[str, Any]:
        return self.session.send(obj)


def run_call(
    spec: CallerSpec,
    setup: Setup,
    form: Form,
    cache: AudioCache | None,
    max_turns: int = MAX_CALLER_TURNS,
) -> AudioCallResult:
    """One call to its end, or until the driver has spoken `max_turns` times."""
    started = time.perf_counter()
    driver = Driver(spec, form, spells_when_asked=setup.spells_when_asked)
    result = CallResult(
        caller_id=spec.id,
        lang=spec.lang,
        expected=spec.expected_record(form.keys),
        unknown=spec.unknown,
        gave=driver.gave,
        expected_outcome=spec.outcome,
        opening={},
        roster=dict(spec.roster),
    )
    call = AudioCallResult(result, setup, ended=False)
    line = _Hearing(spec, form)
    try:
        out = result.opening = line.opening()
        while len(result.exchanges) < max_turns and (obj := driver.next(out)) is not None:
            before = out
            sent = obj
            if "say" in obj and setup.voice is not None and cache is not None:
                noise_seed = _stable(spec.id, spec.seed, obj["say"])
                wav = cache.line_wav(setup.voice, obj["say"], setup.noisy, noise_seed)
                sent = {"audio": str(wav)}
                call.utterances += 1
            call.keypad_uses += "dtmf" in obj
            call.spelled += driver.meant == "spelled"
            out = line.send(sent)
            call.heard.append(out.get("heard") if "audio" in sent else None)
            call.confidence.append(out.get("confidence") if "audio" in sent else None)
            result.exchanges.append(
                Exchange(
                    obj, out, before.get("state"), before.get("field"), before.get("pending"), driver.meant
                )
            )
            if "hangup" in obj and not out.get("ended"):
                break
        # a caller who hung up has ended the call, whatever Daisy made of it
        call.ended = bool(out.get("ended")) or bool(
            result.exchanges and "hangup" in result.exchanges[-1].caller
        )
    except Exception as e:  # noqa: BLE001 - a crash is a result to report, not to raise
        frames = [
            f
            for f in traceback.extract_tb(e.__traceback__)
            if "/daisy/" in f.filename and "/evaluation/" not in f.filename
        ]
        where = f" at {Path(frames[0].filename).name}:{frames[0].lineno}" if frames else ""
        if len(frames) > 1:  # where it started in Daisy, and where it broke
            where += f" → {Path(frames[-1].filename).name}:{frames[-1].lineno}"
        result.error = f"{type(e).__name__}: {str(e)[:200]}{where}"
    call.seconds = time.perf_counter() - started
    return call


# --- many calls, in worker processes ---------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _init_worker(data_dir: str, form_path: str | None) -> None:
    _WORKER["cache"] = AudioCache(Path(data_dir))
    _WORKER["form"] = load_form(form_path)


def _run_one(job: tuple[CallerSpec, Setup]) -> AudioCallResult:
    spec, setup = job
    return run_call(spec, setup, _WORKER["form"], _WORKER["cache"])


def run_calls(
    jobs: list[tuple[CallerSpec, Setup]],
    data_dir: Path,
    form_path: str | None = None,
    workers: int = 1,
    progress: Callable[[int, int, AudioCallResult], None] | None = None,
) -> list[AudioCallResult]:
    """Run every (caller, setup); audio calls spread over `workers` processes (each loads its own
    recognizer and voices), text calls in this process. Results keep the order of `jobs`;
    `progress(done, total, call)` hears of each audio call as it finishes."""
    form = load_form(form_path)
    results: list[AudioCallResult | None] = [None] * len(jobs)
    audio = [(i, job) for i, job in enumerate(jobs) if job[1].family != TEXT]
    for i, (spec, setup) in enumerate(jobs):
        if setup.family == TEXT:
            results[i] = run_call(spec, setup, form, None)

    def finished(i: int, call: AudioCallResult) -> None:
        results[i] = call
        if progress:
            progress(sum(r is not None and r.setup.family != TEXT for r in results), len(audio), call)

    if workers <= 1 or len(audio) <= 1:
        _init_worker(str(data_dir), form_path)
        for i, job in audio:
            finished(i, _run_one(job))
    else:
        # spawn: the workers load ONNX and CTranslate2 themselves rather than inherit a forked copy
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=ctx, initializer=_init_worker, initargs=(str(data_dir), form_path)
        ) as pool:
            futures = {pool.submit(_run_one, job): i for i, job in audio}
            for future in as_completed(futures):
                finished(futures[future], future.result())
    return [r for r in results if r is not None]
