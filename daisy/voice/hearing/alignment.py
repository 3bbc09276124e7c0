"""Any words scored against the audio of a turn: CTranslate2's forced alignment of Whisper.

The decoder's beam says what it would write; alignment answers a different question, how well some
given words fit what was said ("Sí." against "No.", "Tammy" against "Tami"), on the encoding the
turn already has.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np


def plain_start(tok: Any) -> list[int]:
    """The decoder's start tokens with no prompt: the language and task, no timestamps."""
    return [*tok.sot_sequence, tok.no_timestamps]


WHISPER_POSITIONS = 448  # the decoder's text context


def max_length(prompt: list[int], budget: int) -> int:
    """The `max_length` that lets a decode after `prompt` write `budget` tokens. CTranslate2 4.x stops
    a Whisper decode at half its max_length as well as at max_length less the prompt (measured: 40 →
    20 tokens, 100 → 50, with the 4-token start; a 45-token prompt and 60 → 16): asked for
    `len(prompt) + budget` alone, an unprompted decode had half its budget and a spelled address of
    20 s was cut after "… i de Irapuato" (made-up set 85)."""
    return min(WHISPER_POSITIONS, max(len(prompt) + budget, 2 * budget))


def as_a_sentence(text: str) -> str:
    """Words heard written as the readings scored against them are, with one closing period (a bare
    "Sí" would beat "No." by the period's cost alone)."""
    return text.strip().rstrip(".!?") + "."


@dataclass(frozen=True)
class TurnAudio:
    """One turn as the decoder saw it: the model, the encoded audio and its length in frames, the
    tokenizer, and the tokens decoding started from (the expected answer's prompt included: without
    it some voices' "Sí." is as unlikely as "No.", both read as a word never said)."""

    model: Any
    encoded: Any
    frames: int
    tok: Any
    start: list[int]

    def fits(self, readings: list[str]) -> list[float]:
        """Each reading's log-probability on the audio (nats), in one batched pass."""
        import ctranslate2

        ids = [self.tok.encode(" " + words.strip()) for words in readings]
        features = np.repeat(np.asarray(self.encoded), len(ids), axis=0)
        found = self.model.model.align(
            ctranslate2.StorageView.from_array(np.ascontiguousarray(features)),
            self.start, ids, [self.frames] * len(ids),
        )
        return [sum(math.log(max(p, 1e-9)) for p in r.text_token_probs) for r in found]

    def best_reading(self, heard: str, readings: list[str], near: float) -> str:
        """Among other readings of a turn, the one that fits the audio best, if it trails what was
        heard by no more than `near` nats; else what was heard. One batched pass."""
        if not readings:
            return heard
        scores = self.fits([heard, *readings])
        best = max(range(len(readings)), key=lambda k: scores[k + 1])
        return readings[best] if scores[best + 1] >= scores[0] - near else heard

    def clear_best(self, readings: list[str], margin: float) -> str | None:
        """The reading that fits the audio best, if it beats every other by `margin` nats; else None."""
        if len(readings) < 2:
            return readings[0] if readings else None
        scores = self.fits(readings)
        ranked = sorted(range(len(readings)), key=lambda k: -scores[k])
        return readings[ranked[0]] if scores[ranked[0]] - scores[ranked[1]] >= margin else None
