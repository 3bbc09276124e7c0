"""What survives a telephone line: 8 kHz, G.711 µ-law. Light on purpose (numpy and soxr only, no
LiveKit), so the machine protocol can bring a WAV file through the phone band without loading the
voice stack, and deterministic: the same audio always gives the same samples.
"""

from __future__ import annotations

import numpy as np

RATE = 8000

# --- G.711 µ-law (ITU-T) -----------------------------------------------------------------------
_BIAS = 0x84
_CLIP14 = 8159
_SEG_END = np.array([0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF])


def ulaw_encode(pcm: np.ndarray) -> np.ndarray:
    """int16 samples → µ-law bytes (uint8), on 14-bit magnitudes as G.711 specifies."""
    x = pcm.astype(np.int32) >> 2
    mask = np.where(x < 0, 0x7F, 0xFF)
    mag = np.minimum(np.abs(x), _CLIP14) + (_BIAS >> 2)
    seg = np.searchsorted(_SEG_END, mag)  # first segment whose upper end holds the magnitude
    code = np.where(seg >= 8, 0x7F, (seg << 4) | ((mag >> (seg + 1)) & 0x0F))
    return (code ^ mask).astype(np.uint8)


def _decode_table() -> np.ndarray:
    codes = ~np.arange(256, dtype=np.int32) & 0xFF
    sign = codes & 0x80
    exponent = (codes >> 4) & 0x07
    mantissa = codes & 0x0F
    mag = (((mantissa << 3) + _BIAS) << exponent) - _BIAS
    return np.where(sign != 0, -mag, mag).astype(np.int16)


_ULAW_TABLE = _decode_table()


def ulaw_decode(data: np.ndarray) -> np.ndarray:
    """µ-law bytes → int16 samples."""
    return _ULAW_TABLE[data]


def telephone_band(pcm: np.ndarray) -> np.ndarray:
    """What survives the phone network: a µ-law round trip."""
    return ulaw_decode(ulaw_encode(pcm))


def resample_exact(pcm: np.ndarray, src_rate: int, dst_rate: int) -> np.ndarray:
    """int16 mono → int16 mono at `dst_rate`, band-limited (soxr) and without dither, so a file heard
    twice gives the same transcript (LiveKit's resampler dithers)."""
    if src_rate == dst_rate or pcm.size == 0:
        return pcm.astype(np.int16)
    import soxr

    out = soxr.resample(pcm.astype(np.float32) / 32768.0, src_rate, dst_rate, quality="HQ")
    return np.clip(np.round(out * 32768.0), -32768, 32767).astype(np.int16)


def through_the_line(pcm: np.ndarray, rate: int) -> np.ndarray:
    """int16 mono at any rate → what a caller sounds like on the phone (8 kHz after µ-law).

    8 kHz audio is taken as already phone audio (a SIP leg, the simulated line): no second µ-law pass.
    """
    if rate == RATE:
        return pcm.astype(np.int16)
    return telephone_band(resample_exact(pcm, rate, RATE))
