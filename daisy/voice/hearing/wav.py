"""A caller turn from a WAV file (the machine protocol's audio line): mono audio at any rate.

Integer PCM is read with the standard library; any other WAV encoding a recorder or a test harness
may write (IEEE float from scipy or a neural voice, G.711 µ-law or A-law from a phone line, the
extensible header of 24-bit files) is decoded with PyAV, which faster-whisper already brings.
"""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np


class AudioFileError(ValueError):
    """The file cannot be heard as a caller turn; the message is one line."""


def read_wav(path: str | Path) -> tuple[np.ndarray, int]:
    """int16 mono samples and their rate: 8- to 32-bit integer PCM as is (16-bit untouched), any other
    WAV encoding decoded (`_decoded`)."""
    p = Path(path)
    if not p.is_file():
        raise AudioFileError(f"audio file not found: {p}")
    try:
        with wave.open(str(p), "rb") as w:
            channels, width, rate, n = w.getnchannels(), w.getsampwidth(), w.getframerate(), w.getnframes()
            data = w.readframes(n)
    except wave.Error as e:
        if str(e).startswith("unknown format"):  # a WAV, in an encoding other than integer PCM
            return _decoded(p)
        raise AudioFileError(f"{p}: not a WAV file ({e})") from None
    except (EOFError, OSError) as e:
        raise AudioFileError(f"{p}: not a WAV file ({str(e) or 'the file ends too soon'})") from None
    _check(p, channels, n > 0 and bool(data) and rate > 0)
    return _to_int16(data, width), rate


def _check(p: Path, channels: int, has_audio: bool) -> None:
    if channels != 1:
        raise AudioFileError(f"{p}: {channels} channels; send mono audio (one channel)")
    if not has_audio:
        raise AudioFileError(f"{p}: the file holds no audio")


def _decoded(p: Path) -> tuple[np.ndarray, int]:
    """A WAV the standard library cannot read (float, µ-law, A-law, extensible), as int16 mono."""
    import av  # only for these files: text chat never loads it

    try:
        with av.open(str(p)) as container:
            stream = container.streams.audio[0]
            channels, rate = stream.codec_context.channels, stream.rate
            _check(p, channels, True)
            to_int16 = av.AudioResampler(format="s16", layout="mono", rate=rate)
            chunks = [f.to_ndarray().reshape(-1) for frame in container.decode(stream)
                      for f in to_int16.resample(frame)]
            chunks += [f.to_ndarray().reshape(-1) for f in to_int16.resample(None)]
    except (av.error.FFmpegError, IndexError) as e:
        raise AudioFileError(f"{p}: not a readable WAV file ({getattr(e, 'strerror', None) or e})") from None
    pcm = np.concatenate(chunks).astype(np.int16) if chunks else np.zeros(0, np.int16)
    _check(p, 1, pcm.size > 0 and rate > 0)
    return pcm, rate


def _to_int16(data: bytes, width: int) -> np.ndarray:
    if width == 2:
        return np.frombuffer(data, dtype="<i2").astype(np.int16)
    if width == 1:  # 8-bit WAV is unsigned
        return ((np.frombuffer(data, dtype=np.uint8).astype(np.int16) - 128) << 8).astype(np.int16)
    if width == 3:
        b = np.frombuffer(data[: len(data) // 3 * 3], dtype=np.uint8).reshape(-1, 3)
        return (b[:, 2].astype(np.int8).astype(np.int16) << 8 | b[:, 1]).astype(np.int16)
    if width == 4:
        return (np.frombuffer(data, dtype="<i4") >> 16).astype(np.int16)
    raise AudioFileError(f"{width * 8}-bit samples are not supported; send 16-bit PCM")
