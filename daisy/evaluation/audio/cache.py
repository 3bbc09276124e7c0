"""Synthesized caller audio, cached on disk so a re-run of the evaluation costs only the hearing.

Two levels: the voice's own waveform (keyed by voice, text and synthesis version; Kokoro is the slow
part) and the line WAV Daisy is sent (keyed by that and the line condition and noise seed).
"""

from __future__ import annotations

import hashlib
import json
import os
import wave
from pathlib import Path

import numpy as np

from daisy.evaluation.audio.line import RATE, through_line
from daisy.evaluation.audio.voices import Voice

VERSION = 1  # bump when synthesis or the line changes: old entries are then simply never read


def _key(*parts: object) -> str:
    return hashlib.sha256(json.dumps([VERSION, *parts], ensure_ascii=False).encode()).hexdigest()[:32]


def _write_atomic(path: Path, pcm: np.ndarray, rate: int) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with wave.open(str(tmp), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.astype(np.int16).tobytes())
    os.replace(tmp, path)  # parallel workers may race on the same sentence: last one wins, same bytes


def _read(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path), "rb") as w:
        return np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16), w.getframerate()


class AudioCache:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.root = data_dir / "cache" / "eval-audio"
        self.root.mkdir(parents=True, exist_ok=True)
        self.hits = 0
        self.synthesized = 0

    def line_wav(self, voice: Voice, text: str, noisy: bool, seed: int) -> Path:
        """The WAV (8 kHz, after the line) of `voice` saying `text`; made once, then read from disk."""
        path = self.root / f"line-{_key(voice.id, text, noisy, seed if noisy else 0)}.wav"
        if path.exists():
            self.hits += 1
            return path
        pcm, rate = self.voice_pcm(voice, text)
        _write_atomic(path, through_line(pcm.astype(np.float32) / 32768.0, rate, noisy, seed), RATE)
        return path

    def voice_pcm(self, voice: Voice, text: str) -> tuple[np.ndarray, int]:
        path = self.root / f"voice-{_key(voice.id, text)}.wav"
        if path.exists():
            return _read(path)
        samples, rate = voice.synthesize(text, self.data_dir)
        pcm = np.clip(np.round(samples * 32767), -32768, 32767).astype(np.int16)
        _write_atomic(path, pcm, rate)
        self.synthesized += 1
        return pcm, rate
