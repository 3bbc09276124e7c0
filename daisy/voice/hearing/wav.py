"""A caller turn from a WAV file (the machine protocol's audio line): mono integer PCM at any rate."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np


class AudioFileError(ValueError):
    """The file cannot be heard as a caller turn; the message is one line."""


def read_wav(path: str | Path) -> tuple[np.ndarray, int]:
    """int16 mono samples and their rate. 8-, 16-, 24- and 32-bit PCM are taken (16-bit kept as is)."""
    p = Path(path)
    if not p.is_file():
        raise AudioFileError(f"audio file not found: {p}")
    try:
        with wave.open(str(p), "rb") as w:
            channels, width, rate, n = w.getnchannels(), w.getsampwidth(), w.getframerate(), w.getnframes()
            data = w.readframes(n)
    except (wave.Error, EOFError, OSError) as e:
        raise AudioFileError(f"{p}: not a PCM WAV file ({str(e) or 'the file ends too soon'})") from None
    if channels != 1:
        raise AudioFileError(f"{p}: {channels} channels; send mono audio (one channel)")
    if n == 0 or not data or rate <= 0:
        raise AudioFileError(f"{p}: the file holds no audio")
    return _to_int16(data, width), rate


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
