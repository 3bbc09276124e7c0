"""Hearing the caller while the silence is confirmed: a streaming LiveKit STT over Whisper.

The framework's adapter for a non-streaming recognizer waits for the VAD to close a stretch of speech
(its whole `min_silence`) before Whisper starts, so every answer paid silence + Whisper in a row.
This stream runs the same Silero VAD on the caller's frames, and as soon as a pause is
`SPECULATE_AFTER` old it starts hearing the stretch so far (the pause repeated to the length the VAD
will wait, so Whisper gets the utterance it would have got). If the VAD then closes the stretch on
that same pause, the transcript is ready or nearly so; if the caller went on speaking, the early
result is dropped and the stretch is heard again once it ends. Turn-taking stays the framework's:
this only delivers each stretch's transcript sooner (the session's own VAD and the field-aware turn
detector still decide when the turn is over).

Whisper is the same call as before (`WhisperSTT.hear_now`: what the dialogue expects, spelled or
not), one run at a time per call: a dropped run is waited out, not raced, on 2 cores.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass
from typing import Any

import numpy as np
from livekit import rtc
from livekit.agents import stt, utils, vad
from livekit.agents.metrics import STTMetrics
from livekit.agents.types import DEFAULT_API_CONNECT_OPTIONS, NOT_GIVEN, APIConnectOptions, NotGivenOr

from daisy.voice.hearing import Heard
from daisy.voice.local_stt import caller_pcm
from daisy.voice.whole_turn import WholeTurnWhisperSTT

log = logging.getLogger("daisy.voice")

# How old a pause is when hearing starts. Shorter starts sooner but is wasted more often on the gaps
# inside a sentence (measured in benchmarks/voice_latency.py: runs started / dropped).
SPECULATE_AFTER = 0.064


@dataclass
class SpeculationCounts:
    """How the early runs went, for the benchmark and logs."""

    started: int = 0  # runs begun on a pause
    used: int = 0  # the VAD closed the stretch on that pause: the run's words were the stretch's
    dropped: int = 0  # the caller went on: heard again
    late: int = 0  # stretches heard only after the VAD closed them (no run in time, or dropped)
    # used runs whose audio was as long as the closed stretch (the pause padded to the VAD's count)
    same_length: int = 0


class SpeculativeWhisperSTT(WholeTurnWhisperSTT):
    """WholeTurnWhisperSTT (same hearing, same pieces for the whole-turn re-hearing) that streams:
    the framework feeds it frames instead of wrapping it with its VAD adapter."""

    def __init__(self, *args: Any, vad: vad.VAD, speculate_after: float | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._capabilities = stt.STTCapabilities(streaming=True, interim_results=False)
        self.vad = vad
        self.speculate_after = SPECULATE_AFTER if speculate_after is None else speculate_after
        self.speculation = SpeculationCounts()

    def stream(
        self,
        *,
        language: NotGivenOr[str] = NOT_GIVEN,
        conn_options: APIConnectOptions = DEFAULT_API_CONNECT_OPTIONS,
    ) -> HearingStream:
        lang = language[:2] if isinstance(language, str) else self.language
        return HearingStream(self, lang)

    async def heard_stretch(self, pcm: np.ndarray, rate: int, lang: str) -> tuple[Heard, float]:
        """One stretch heard (the call into daisy.voice.hearing is WhisperSTT's), and its seconds."""
        start = time.perf_counter()
        heard = await self.hear_now(pcm, rate, lang)
        return heard, time.perf_counter() - start


@dataclass
class _Stretch:
    """One stretch of the caller's speech as the VAD delimits it, and the early run on its pause."""

    frames: list[rtc.AudioFrame]
    run: asyncio.Task[tuple[Heard, float]] | None = None
    run_pcm: np.ndarray | None = None  # what the run hears
    run_valid: bool = False  # no speech since the run's cut
    silence: float = 0.0  # the VAD's accumulated silence at the last window


class HearingStream(stt.RecognizeStream):
    def __init__(self, owner: SpeculativeWhisperSTT, lang: str) -> None:
        # the framework retries a stream on API errors; a local model has none worth retrying
        super().__init__(stt=owner, conn_options=APIConnectOptions(max_retry=0))
        self._owner = owner
        self._lang = lang
        self._stretch: _Stretch | None = None
        self._busy: asyncio.Task[Any] | None = None  # the Whisper run in flight, valid or not
        self._last_final: asyncio.Task[None] | None = None  # transcripts go out in stretch order

    async def _run(self) -> None:
        vad_stream = self._owner.vad.stream()

        async def forward() -> None:
            async for item in self._input_ch:
                if isinstance(item, self._FlushSentinel):
                    vad_stream.flush()
                    self._stretch = None
                else:
                    vad_stream.push_frame(item)
            vad_stream.end_input()

        async def listen() -> None:
            async for ev in vad_stream:
                self._on_vad(ev)
            if self._last_final is not None:
                await self._last_final

        tasks = [asyncio.create_task(forward(), name="hearing-forward"),
                 asyncio.create_task(listen(), name="hearing-listen")]
        try:
            await asyncio.gather(*tasks)
        finally:
            await utils.aio.cancel_and_wait(*tasks)
            if self._last_final is not None:
                await utils.aio.cancel_and_wait(self._last_final)
            await vad_stream.aclose()

    def _on_vad(self, ev: vad.VADEvent) -> None:
        if ev.type == vad.VADEventType.START_OF_SPEECH:
            self._stretch = _Stretch(frames=list(ev.frames))
            self._event_ch.send_nowait(stt.SpeechEvent(stt.SpeechEventType.START_OF_SPEECH))
        elif ev.type == vad.VADEventType.INFERENCE_DONE and self._stretch is not None:
            self._inference_done(self._stretch, ev)
        elif ev.type == vad.VADEventType.END_OF_SPEECH and self._stretch is not None:
            stretch, self._stretch = self._stretch, None
            speech_end = time.time() - ev.silence_duration - ev.inference_duration
            self._event_ch.send_nowait(
                stt.SpeechEvent(type=stt.SpeechEventType.END_OF_SPEECH, speech_end_time=speech_end))
            previous = self._last_final
            self._last_final = asyncio.create_task(
                self._final(stretch, utils.merge_frames(ev.frames), speech_end, previous),
                name="hearing-final")

    def _inference_done(self, stretch: _Stretch, ev: vad.VADEvent) -> None:
        stretch.frames.extend(ev.frames)
        # The VAD reports the silence accumulated before this window; a drop means speech came back.
        if ev.raw_accumulated_silence < stretch.silence or ev.raw_accumulated_silence == 0.0:
            if stretch.run is not None and stretch.run_valid:
                stretch.run_valid = False
                self._owner.speculation.dropped += 1
        stretch.silence = ev.raw_accumulated_silence
        idle = self._busy is None or self._busy.done()
        if stretch.silence >= self._owner.speculate_after and not stretch.run_valid and idle:
            pcm, rate = self._as_closed(stretch, ev)
            stretch.run, stretch.run_pcm = self._hear(pcm, rate), pcm
            stretch.run_valid = True
            self._owner.speculation.started += 1

    def _as_closed(self, stretch: _Stretch, ev: vad.VADEvent) -> tuple[np.ndarray, int]:
        """The stretch so far as the VAD will hand it over if the pause goes on: the pause heard so
        far repeated up to the VAD's min_silence (the line's own quiet, not digital zeros)."""
        frame, pcm = caller_pcm(stretch.frames)
        window = ev.frames[0].samples_per_channel if ev.frames else 0
        step = self._owner.vad.capabilities.update_interval  # one VAD window, in seconds
        wait = float(getattr(self._owner.vad, "min_silence_duration", None) or 0.0)
        # Whisper reads the same words differently for a few ms more or less of trailing quiet: count
        # the windows still to come as the VAD counts them (this one included, summed the same way).
        quiet, windows = stretch.silence + step, 1
        while quiet < wait:
            quiet += step
            windows += 1
        heard_quiet = int(round(stretch.silence / step)) * window + window
        missing = (windows - 1) * window
        if missing > 0 and window > 0:
            tail = pcm[-min(heard_quiet, pcm.size):]
            pcm = np.concatenate([pcm, np.resize(tail, missing)])
        return pcm, frame.sample_rate

    def _hear(self, pcm: np.ndarray, rate: int) -> asyncio.Task[tuple[Heard, float]]:
        task = asyncio.create_task(self._owner.heard_stretch(pcm, rate, self._lang), name="hearing-run")
        self._busy = task
        return task

    async def _final(self, stretch: _Stretch, merged: rtc.AudioFrame, speech_end: float,
                     previous: asyncio.Task[None] | None) -> None:
        frame, pcm = caller_pcm(merged)
        ended = time.monotonic()
        counts = self._owner.speculation
        try:
            if stretch.run is not None and stretch.run_valid:
                heard, seconds = await stretch.run
                counts.used += 1
                counts.same_length += int(stretch.run_pcm is not None and stretch.run_pcm.size == pcm.size)
            else:
                counts.late += 1
                if self._busy is not None and not self._busy.done():
                    with contextlib.suppress(Exception):
                        await self._busy  # a dropped run still holds the cores: let it finish first
                heard, seconds = await self._hear(pcm, frame.sample_rate)
        except Exception as e:  # noqa: BLE001 (one stretch unheard beats a call that hears nothing more)
            log.warning("could not hear the caller's stretch: %s", e)
            return
        finally:
            if previous is not None:
                with contextlib.suppress(Exception):
                    await previous
        self._deliver(heard, seconds, frame, pcm, ended, speech_end)

    def _deliver(self, heard: Heard, seconds: float, frame: rtc.AudioFrame, pcm: np.ndarray,
                 ended: float, speech_end: float) -> None:
        owner = self._owner
        owner.last_duration, owner.last_heard = seconds, heard
        owner.emit("metrics_collected", STTMetrics(
            request_id="", timestamp=time.time(), duration=seconds, label=owner.label,
            audio_duration=frame.duration, streamed=False,
        ))
        if not heard.text.strip():
            return
        said = stt.SpeechData(language=self._lang, text=heard.text, confidence=heard.confidence)
        owner.keep_piece(pcm, frame.sample_rate, ended - frame.duration, ended, said)
        self._event_ch.send_nowait(stt.SpeechEvent(
            type=stt.SpeechEventType.FINAL_TRANSCRIPT, speech_end_time=speech_end, alternatives=[said],
        ))
