"""Whisper's log-Mel features, computed the same on every machine.

faster-whisper multiplies the power spectrum by the Mel filters in float32 through numpy's BLAS,
whose kernels and thread split depend on the processor: on one 2-core AMD EPYC (AVX2 only) the same
clip decoded "three six six" with OpenBLAS on two threads and "Tango three six six" on one, so what
the hearing was measured and tested on changed with the machine. The product and the logarithm are
taken in float64 here, where the kernels' different summation orders stay far below float32's
precision, and only then rounded to the float32 the encoder takes.
"""

from __future__ import annotations

from typing import Any

import numpy as np

_FLOOR = 1e-10  # as Whisper's own: the log of silence
_RANGE = 8.0  # decades kept below the loudest bin


def log_mel(extractor: Any, audio: np.ndarray) -> np.ndarray:
    """The features faster-whisper's extractor computes for `audio` (16 kHz float32, already padded
    as the caller wants), with the extractor's own STFT, window and filters."""
    waveform = np.pad(audio.astype(np.float32), (0, 160))  # the extractor's own padding
    window = np.hanning(extractor.n_fft + 1)[:-1].astype(np.float32)
    stft = extractor.stft(waveform, extractor.n_fft, extractor.hop_length, window=window,
                          return_complex=True).astype(np.complex64)
    power = np.abs(stft[..., :-1]).astype(np.float64) ** 2
    mel = np.asarray(extractor.mel_filters, dtype=np.float64) @ power
    log_spec = np.log10(np.maximum(mel, _FLOOR))
    log_spec = np.maximum(log_spec, log_spec.max() - _RANGE)
    return ((log_spec + 4.0) / 4.0).astype(np.float32)
