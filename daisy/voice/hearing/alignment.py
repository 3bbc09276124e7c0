"""Any words scored against the audio of a turn: CTranslate2's forced alignment of Whisper.

The decoder's beam says what it would write; alignment answers a different question, how well some
given words fit what was said ("Sí." against "No.", "Tammy" against "Tami"), on the encoding the
turn already has.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np


def fits(model: Any, encoded: Any, frames: int, tok: Any, readings: list[str]) -> list[float]:
    """Each reading's log-probability on the audio (nats, its end included), in one batched pass."""
    import ctranslate2

    ids = [tok.encode(" " + words.strip()) + [tok.eot] for words in readings]
    features = np.repeat(np.asarray(encoded), len(ids), axis=0)
    found = model.model.align(
        ctranslate2.StorageView.from_array(np.ascontiguousarray(features)),
        [*tok.sot_sequence, tok.no_timestamps], ids, [frames] * len(ids),
    )
    return [sum(math.log(max(p, 1e-9)) for p in r.text_token_probs) for r in found]
