"""Whisper base offline: the model assembled from its two PyPI parts, the fitted short window."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import numpy as np

from daisy.voice.espeak_tts import ESPEAK_RATE, synthesize_pcm
from daisy.voice.local_stt import (
    WHISPER_RATE,
    _first_of_repeats,
    load_whisper,
    transcribe_short,
    whisper_base_dir,
)
from daisy.voice.phone_audio import resample, telephone_band


def test_a_decode_that_starts_over_is_cut() -> None:
    assert _first_of_repeats([5, 6, 7, 5, 6, 7, 5, 6]) == [5, 6, 7]
    assert _first_of_repeats([5, 6, 5, 7, 8]) == [5, 6, 5, 7, 8]
    assert _first_of_repeats([1, 2, 3]) == [1, 2, 3]
    assert _first_of_repeats([9, 1, 8, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2]) == [9, 1, 8, 2, 3]  # "x, y, n, n…"
    assert _first_of_repeats([4, 4, 4, 7]) == [4, 4, 4, 7]  # "cero, cero, cero" is not a loop


def test_model_is_assembled_once(tmp_path: Path) -> None:
    first = whisper_base_dir(tmp_path)
    size = (first / "model.bin").stat().st_size
    mtime = (first / "model.bin").stat().st_mtime_ns
    assert size > 140_000_000 and (first / "tokenizer.json").exists()
    assert whisper_base_dir(tmp_path) == first and (first / "model.bin").stat().st_mtime_ns == mtime


def test_a_side_file_left_half_written_is_copied_again_not_loaded(tmp_path: Path) -> None:
    # two eval workers building the model at once had loaded a tokenizer.json the other was still copying
    built = whisper_base_dir(tmp_path)
    tokenizer = built / "tokenizer.json"
    tokenizer.write_bytes(tokenizer.read_bytes()[:1000])
    assert whisper_base_dir(tmp_path) == built
    json.loads(tokenizer.read_text())  # whole again, not the first 1,000 bytes


def test_short_window_reads_a_phone_answer() -> None:
    pcm = asyncio.run(synthesize_pcm("Sí, es correcto.", "es-419+m3"))
    phone = telephone_band(resample(np.pad(pcm, (4000, 4000)), ESPEAK_RATE))
    audio = resample(phone, 8000, WHISPER_RATE).astype(np.float32) / 32768
    text = transcribe_short(load_whisper(Path("data")), audio, "es")
    assert "correcto" in text.lower()
    assert text.lower().count("correcto") == 1
    silence = np.zeros(WHISPER_RATE, np.float32)
    assert len(transcribe_short(load_whisper(Path("data")), silence, "es")) < 20


def test_a_decode_is_given_room_for_its_whole_budget_after_any_prompt() -> None:
    from daisy.voice.hearing.alignment import WHISPER_POSITIONS, max_length

    # CTranslate2 stops at half of max_length and at max_length less the prompt: both leave the budget
    for prompt_tokens, budget in ((4, 30), (4, 128), (60, 30), (60, 128), (200, 128)):
        length = max_length([0] * prompt_tokens, budget)
        assert min(length // 2, length - prompt_tokens) >= budget or length == WHISPER_POSITIONS
