"""A simulated telephone line: 8 kHz G.711 µ-law, 20 ms frames, paced in real time.

The offline demo and the audio tests plug an AgentSession into this line instead of a LiveKit room.
Both directions go through the µ-law codec so Daisy hears (and is heard with) telephone quality, and
a single 20 ms clock drives both, which keeps the two recorded sides aligned sample for sample.
"""

from __future__ import annotations

import asyncio
import time
import wave
from collections.abc import Callable
from pathlib import Path

import numpy as np
from livekit import rtc
from livekit.agents.voice import io

# The codec lives in phone_band (no LiveKit there), shared with the machine protocol's audio line.
from daisy.voice.phone_band import telephone_band, ulaw_decode, ulaw_encode  # noqa: F401

RATE = 8000
FRAME_MS = 20
FRAME_SAMPLES = RATE * FRAME_MS // 1000  # 160


def resample(pcm: np.ndarray, src_rate: int, dst_rate: int = RATE) -> np.ndarray:
    """Resample int16 mono with LiveKit's resampler (band-limited, unlike plain interpolation)."""
    if src_rate == dst_rate or pcm.size == 0:
        return pcm.astype(np.int16)
    resampler = rtc.AudioResampler(src_rate, dst_rate, num_channels=1)
    frames = resampler.push(bytearray(pcm.astype(np.int16).tobytes())) + resampler.flush()
    if not frames:
        return np.zeros(0, dtype=np.int16)
    return np.concatenate([np.frombuffer(f.data, dtype=np.int16) for f in frames])


def write_wav(path: Path, pcm: np.ndarray, rate: int = RATE, channels: int = 1) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.astype(np.int16).tobytes())


def _frame(samples: np.ndarray) -> rtc.AudioFrame:
    return rtc.AudioFrame(samples.astype(np.int16).tobytes(), RATE, 1, FRAME_SAMPLES)


class LineAudioInput(io.AudioInput):
    """Caller → Daisy: the frames the line clock delivers, as the session's audio input."""

    def __init__(self) -> None:
        super().__init__(label="phone-line")
        self._queue: asyncio.Queue[rtc.AudioFrame | None] = asyncio.Queue()

    def push(self, frame: rtc.AudioFrame | None) -> None:
        self._queue.put_nowait(frame)

    async def __anext__(self) -> rtc.AudioFrame:
        frame = await self._queue.get()
        if frame is None:
            raise StopAsyncIteration
        return frame


class LineAudioOutput(io.AudioOutput):
    """Daisy → caller: buffers synthesized audio and lets the line clock play it 20 ms at a time.

    Playout is real time on purpose: an instant sink would make barge-in and latency meaningless.
    """

    def __init__(self) -> None:
        # pause: the framework pauses Daisy while the caller speaks over her and resumes her when it
        # was no interruption (a cough, an "ajá"), as a LiveKit room's output does
        super().__init__(label="phone-line", capabilities=io.AudioOutputCapabilities(pause=True),
                         sample_rate=RATE)
        self._paused = False
        self._buf = np.zeros(0, dtype=np.int16)
        self._segment_open = False  # captured audio not yet reported finished
        self._flushed = False
        self._started = False
        self._played = 0  # samples of the current segment already played
        self._resampler: rtc.AudioResampler | None = None
        self.on_first_audio: Callable[[float], None] | None = None
        self.interruptions = 0  # segments cut short by clear_buffer (barge-in)
        self.pauses = 0  # times the caller's voice paused Daisy (an interruption or not)

    async def capture_frame(self, frame: rtc.AudioFrame) -> None:
        await super().capture_frame(frame)
        samples = np.frombuffer(frame.data, dtype=np.int16)
        if frame.sample_rate != RATE:  # the framework normally resamples for us; be safe
            samples = resample(samples, frame.sample_rate)
        if not self._segment_open:
            self._segment_open, self._flushed, self._started, self._played = True, False, False, 0
        self._buf = np.concatenate([self._buf, samples])

    def flush(self) -> None:
        super().flush()
        if self._segment_open:
            self._flushed = True

    def pause(self) -> None:
        super().pause()
        self.pauses += not self._paused
        self._paused = True

    def resume(self) -> None:
        super().resume()
        self._paused = False

    def clear_buffer(self) -> None:
        self._paused = False
        self._buf = np.zeros(0, dtype=np.int16)
        if self._segment_open:
            self.interruptions += 1
            self._finish(interrupted=True)

    @property
    def speaking(self) -> bool:
        return self._buf.size > 0 and not self._paused

    @property
    def seconds_to_go(self) -> float:
        """What is left of Daisy's sentence on the line (infinite until the whole of it is queued)."""
        if self._segment_open and not self._flushed:
            return float("inf")
        return self._buf.size / RATE

    def next_frame(self) -> np.ndarray | None:
        """Called by the line clock every 20 ms; None when Daisy is silent."""
        if self._paused:
            return None
        if self._buf.size == 0:
            if self._segment_open and self._flushed:
                self._finish(interrupted=False)
            return None
        chunk, self._buf = self._buf[:FRAME_SAMPLES], self._buf[FRAME_SAMPLES:]
        if chunk.size < FRAME_SAMPLES:
            chunk = np.pad(chunk, (0, FRAME_SAMPLES - chunk.size))
        if self._segment_open and not self._started:
            self._started = True
            now = time.time()
            self.on_playback_started(created_at=now)
            if self.on_first_audio:
                self.on_first_audio(now)
        self._played += FRAME_SAMPLES
        return chunk

    def _finish(self, interrupted: bool) -> None:
        self._segment_open = False
        self.on_playback_finished(playback_position=self._played / RATE, interrupted=interrupted)


class PhoneLine:
    """Both directions of one call, driven by a single real-time 20 ms clock."""

    def __init__(self, record: bool = True) -> None:
        self.agent_input = LineAudioInput()
        self.agent_output = LineAudioOutput()
        self._caller_buf = np.zeros(0, dtype=np.int16)
        self._caller_done: asyncio.Event = asyncio.Event()
        self._record = record
        self._caller_track: list[np.ndarray] = []
        self._daisy_track: list[np.ndarray] = []
        self._task: asyncio.Task[None] | None = None
        self.caller_speech_ended_at: float | None = None  # wall clock, end of the caller's last words

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="phone-line-clock")

    async def aclose(self) -> None:
        if self._task:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
        self.agent_input.push(None)

    @property
    def caller_speaking(self) -> bool:
        return self._caller_buf.size > 0

    @property
    def daisy_speaking(self) -> bool:
        return self.agent_output.speaking

    async def caller_says(self, pcm: np.ndarray) -> None:
        """Queue the caller's speech (int16 at 8 kHz) and wait until it has gone down the line."""
        self._caller_done.clear()
        self._caller_buf = np.concatenate([self._caller_buf, pcm.astype(np.int16)])
        await self._caller_done.wait()

    async def _run(self) -> None:
        period = FRAME_MS / 1000
        next_tick = time.monotonic()
        silence = np.zeros(FRAME_SAMPLES, dtype=np.int16)
        while True:
            next_tick += period
            delay = next_tick - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            self._tick(silence)

    def _tick(self, silence: np.ndarray) -> None:
        if self._caller_buf.size:
            chunk, self._caller_buf = self._caller_buf[:FRAME_SAMPLES], self._caller_buf[FRAME_SAMPLES:]
            chunk = np.pad(chunk, (0, FRAME_SAMPLES - chunk.size))
            if self._caller_buf.size == 0:
                self.caller_speech_ended_at = time.time()
                self._caller_done.set()
        else:
            chunk = silence
        up = telephone_band(chunk)
        self.agent_input.push(_frame(up))
        down = self.agent_output.next_frame()
        down = silence if down is None else telephone_band(down)
        if self._record:
            self._caller_track.append(up)
            self._daisy_track.append(down)

    def save(self, directory: Path) -> list[Path]:
        """Write caller.wav, daisy.wav and call.wav (stereo: caller left, Daisy right)."""
        directory.mkdir(parents=True, exist_ok=True)
        caller = np.concatenate(self._caller_track) if self._caller_track else np.zeros(0, np.int16)
        daisy = np.concatenate(self._daisy_track) if self._daisy_track else np.zeros(0, np.int16)
        paths = [directory / "caller.wav", directory / "daisy.wav", directory / "call.wav"]
        write_wav(paths[0], caller)
        write_wav(paths[1], daisy)
        write_wav(paths[2], np.stack([caller, daisy], axis=1).reshape(-1), channels=2)
        return paths
