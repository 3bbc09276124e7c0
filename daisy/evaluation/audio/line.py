"""The telephone line a simulated caller speaks through: 8 kHz G.711 µ-law, optionally a truck cab.

Everything here is deterministic: soxr resampling (no dither) and noise from a seeded generator, so
the same sentence on the same line gives the same bytes on every run (and the cache stays valid).
"""

from __future__ import annotations

import numpy as np

RATE = 8000
CAB_SNR_DB = 20.0
LEAD_SILENCE = 0.25  # seconds of line before and after the words, as a phone turn has


def to_line_rate(samples: np.ndarray, rate: int) -> np.ndarray:
    import soxr

    x = np.asarray(samples, dtype=np.float64)
    return x if rate == RATE or x.size == 0 else soxr.resample(x, rate, RATE, quality="HQ")


def _lowpass(x: np.ndarray, cutoff: float) -> np.ndarray:
    """Low-pass in the frequency domain (a 12 dB/octave roll-off): white noise → road rumble."""
    spectrum = np.fft.rfft(x)
    freqs = np.fft.rfftfreq(x.size, 1 / RATE)
    return np.fft.irfft(spectrum / (1 + (freqs / cutoff) ** 2), n=x.size)


def cab_noise(n: int, rng: np.random.Generator) -> np.ndarray:
    """A diesel truck cab at cruise: engine firing harmonics that wander a little, road rumble
    (low-passed noise), and a faint broadband hiss (wind, fan). Unit RMS."""
    t = np.arange(n) / RATE
    firing = rng.uniform(75, 110)  # Hz: a six-cylinder at ~1500-2200 rpm
    wobble = 1 + 0.015 * np.sin(2 * np.pi * rng.uniform(0.1, 0.4) * t + rng.uniform(0, 2 * np.pi))
    phase = 2 * np.pi * firing * np.cumsum(wobble) / RATE
    engine = sum((0.8**k) * np.sin(k * phase + rng.uniform(0, 2 * np.pi)) for k in range(1, 9))
    road = _lowpass(rng.standard_normal(n), rng.uniform(250, 450))
    hiss = rng.standard_normal(n)
    parts = [engine, road, hiss]
    parts = [p / (np.sqrt(np.mean(p**2)) or 1) for p in parts]
    noise = 0.55 * parts[0] + 0.75 * parts[1] + 0.12 * parts[2]
    return noise / (np.sqrt(np.mean(noise**2)) or 1)


def speech_rms(x: np.ndarray) -> float:
    """RMS over the 20 ms frames that carry speech (the pauses would flatter the SNR)."""
    frames = x[: x.size // 160 * 160].reshape(-1, 160) if x.size >= 160 else x.reshape(1, -1)
    energy = np.sqrt(np.mean(frames**2, axis=1))
    if not energy.size or energy.max() == 0:
        return 0.0
    active = energy[energy > 0.1 * energy.max()]
    return float(np.sqrt(np.mean(active**2)))


def through_line(samples: np.ndarray, rate: int, noisy: bool, seed: int) -> np.ndarray:
    """Caller audio → what arrives at Daisy: int16 at 8 kHz after a µ-law round trip."""
    from daisy.voice.phone_band import telephone_band

    x = to_line_rate(samples, rate)
    peak = np.max(np.abs(x)) if x.size else 0.0
    if peak > 0:
        x = x * (0.5 / peak)  # a phone's automatic gain: speech near -6 dBFS
    pad = np.zeros(int(LEAD_SILENCE * RATE))
    x = np.concatenate([pad, x, pad])
    if noisy:
        rng = np.random.default_rng(seed)
        level = speech_rms(x) / (10 ** (CAB_SNR_DB / 20))
        x = x + level * cab_noise(x.size, rng)
    pcm = np.clip(np.round(x * 32767), -32768, 32767).astype(np.int16)
    return telephone_band(pcm)
