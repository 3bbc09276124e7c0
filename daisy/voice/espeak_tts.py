"""espeak-ng as a LiveKit TTS, run as a subprocess.

espeak-ng is GPL-3.0: it is only ever executed as a separate program (never loaded in-process), which
keeps a process boundary between it and Daisy. One short-lived process per sentence costs ~10 ms and
its stdout is streamed, so the first audio is out long before the sentence is fully synthesized.
"""

from __future__ import annotations

import asyncio
import shutil
import uuid
from collections.abc import AsyncIterator

import numpy as np
from livekit.agents import APIConnectionError, tts
from livekit.agents.types import DEFAULT_API_CONNECT_OPTIONS, APIConnectOptions

ESPEAK_RATE = 22050
# Daisy: Latin-American Spanish with a female variant; the synthetic caller gets a male voice.
VOICES = {
    ("daisy", "es"): "es-419+f3",
    ("daisy", "en"): "en-us+f3",
    ("caller", "es"): "es-419+m2",
    ("caller", "en"): "en-us+m1",
}
# Measured: a male variant, a bit slower and with small word gaps, is what Whisper base reads back
# best after the telephone band; Daisy keeps the default pace. For the Spanish caller, m2 over m3
# (the demo's lines heard directly, 2026-11-30): "Ele eme, catorce ochenta" LM1480 against NM1480,
# "A las diecisiete horas" 17:00 against nothing; with m2 the demo call completed all 7 fields.


class EspeakMissing(RuntimeError):
    """espeak-ng cannot be run on this machine; the message is one line."""


def espeak_command() -> list[str]:
    """How to run espeak-ng here: the system binary, or a bundled copy through espeakng-loader."""
    exe = shutil.which("espeak-ng") or shutil.which("espeak")
    if exe:
        return [exe]
    try:  # optional fallback: the PyPI package's library and data, driven from a child process
        import espeakng_loader  # noqa: F401
    except ImportError:
        raise EspeakMissing(
            "espeak-ng is not installed; install it with: sudo apt-get install espeak-ng"
        ) from None
    import sys

    return [sys.executable, "-m", "daisy.voice._espeak_child"]


def voice_for(role: str, lang: str) -> str:
    return VOICES[(role, lang[:2].lower())]


def _pcm_start(head: bytes) -> int | None:
    """Offset of the samples in espeak's WAV stream (its header size varies), None if incomplete."""
    i = head.find(b"data")
    return None if i < 0 or len(head) < i + 8 else i + 8


async def synthesize_pcm(text: str, voice: str, speed: int = 130, gap: int = 4) -> np.ndarray:
    """Whole-utterance synthesis (for the synthetic caller): int16 samples at 22 050 Hz."""
    chunks = [c async for c in _espeak_stream(text, voice, speed, gap)]
    return np.frombuffer(b"".join(chunks), dtype=np.int16) if chunks else np.zeros(0, np.int16)


async def _spawn(voice: str, speed: int, gap: int) -> asyncio.subprocess.Process:
    cmd = espeak_command() + ["-v", voice, "-s", str(speed), "-g", str(gap), "--stdout"]
    return await asyncio.create_subprocess_exec(
        *cmd, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
    )


async def _espeak_stream(
    text: str, voice: str, speed: int, gap: int = 0, proc: asyncio.subprocess.Process | None = None
) -> AsyncIterator[bytes]:
    proc = proc or await _spawn(voice, speed, gap)
    assert proc.stdin and proc.stdout
    # text on stdin, not argv: a sentence starting with "-" must not read as an option
    proc.stdin.write(text.encode("utf-8"))
    proc.stdin.close()
    head = b""
    start: int | None = None
    carry = b""
    try:
        while chunk := await proc.stdout.read(4096):
            if start is None:
                head += chunk
                start = _pcm_start(head)
                if start is None:
                    continue
                chunk = head[start:]
            chunk = carry + chunk
            cut = len(chunk) - len(chunk) % 2  # keep whole 16-bit samples
            chunk, carry = chunk[:cut], chunk[cut:]
            if chunk:
                yield chunk
    finally:
        if proc.returncode is None:
            try:
                proc.kill()
            except ProcessLookupError:
                pass
        await proc.wait()


class EspeakTTS(tts.TTS):
    def __init__(self, voice: str = "es-419+f3", speed: int = 165) -> None:
        super().__init__(capabilities=tts.TTSCapabilities(streaming=False), sample_rate=ESPEAK_RATE,
                         num_channels=1)
        espeak_command()  # fail at construction, with the one-line reason, if it cannot run
        self.voice = voice
        self.speed = speed
        # A process started ahead, idle on stdin with its voice loaded: starting espeak-ng costs
        # 10–90 ms (more on a busy machine), writing a sentence to a warm one ~1 ms to first audio.
        self._warm: asyncio.Task[asyncio.subprocess.Process] | None = None

    async def take_process(self) -> asyncio.subprocess.Process:
        """A warm espeak-ng process for this sentence; the next one starts warming right away."""
        proc = None
        if self._warm is not None:
            try:
                proc = await self._warm
            except OSError:
                proc = None
            if proc is not None and proc.returncode is not None:
                proc = None
        self._warm = asyncio.get_running_loop().create_task(_spawn(self.voice, self.speed, 0))
        return proc or await _spawn(self.voice, self.speed, 0)

    async def aclose(self) -> None:
        if self._warm is not None:
            warm, self._warm = self._warm, None
            try:
                proc = await warm
                if proc.returncode is None:
                    proc.kill()
                await proc.wait()
            except (OSError, ProcessLookupError):
                pass
        await super().aclose()

    @property
    def model(self) -> str:
        return self.voice

    @property
    def provider(self) -> str:
        return "espeak-ng"

    def synthesize(
        self, text: str, *, conn_options: APIConnectOptions = DEFAULT_API_CONNECT_OPTIONS
    ) -> tts.ChunkedStream:
        return _EspeakStream(tts=self, input_text=text, conn_options=conn_options)


class _EspeakStream(tts.ChunkedStream):
    async def _run(self, output_emitter: tts.AudioEmitter) -> None:
        engine: EspeakTTS = self._tts  # type: ignore[assignment]
        output_emitter.initialize(request_id=uuid.uuid4().hex[:12], sample_rate=ESPEAK_RATE,
                                  num_channels=1, mime_type="audio/pcm", frame_size_ms=40)
        try:
            proc = await engine.take_process()
            async for chunk in _espeak_stream(self.input_text, engine.voice, engine.speed, proc=proc):
                output_emitter.push(chunk)
        except OSError as e:
            raise APIConnectionError(f"espeak-ng failed: {e}") from e
        output_emitter.flush()
