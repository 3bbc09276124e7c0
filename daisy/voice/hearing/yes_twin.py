"""A yes that may have been a no.

Whisper base hears some voices' "That's wrong." as "That's right." with good confidence and no other
hypothesis. Scored against the audio (CTranslate2's forced alignment), the same words with the
no-word in place (vocabulary.said_as_no) come out close behind when the caller said no, and far
behind when they said yes. Cost: two alignment passes on such a yes ("That's right." heard in
288 ms instead of 229 ms, median of 15 on this 2-core machine).
"""

from __future__ import annotations

import math
from typing import Any

from daisy.voice import vocabulary

# A yes the no-words fit nearly as well confirms nothing: "¿sí o no?" (the plain "Sí." that usually
# answers it is not checked again, so it costs one turn)
MAYBE_NO = 0.2
# Log-probability (nats, whole text) by which the no-words may trail the yes-words heard and still
# count. On 168 synthesized yes/no answers (espeak-ng and Kokoro, half noisy) the three noes heard as
# yes trailed by 2.2 ("That's wrong." → "That's right."), 4.6 ("Negative." → "Yes, correct.") and 5.3
# ("Incorrecto." → "Into, correcto."); of 20 yeses with such a word, 4 trailed by less than 5.5.
NO_MARGIN = 5.5


def could_be_no(model: Any, encoded: Any, frames: int, tok: Any, text: str, lang: str) -> bool:
    """Scored against the audio, do the no-words fit nearly as well as the yes heard ("That's
    wrong." against "That's right.")?"""
    turned = vocabulary.said_as_no(text, lang)
    if turned is None:
        return False
    start = [*tok.sot_sequence, tok.no_timestamps]

    def fit(words: str) -> float:
        ids = tok.encode(" " + words.strip())
        found = model.model.align(encoded, start, [ids], frames)[0]
        return sum(math.log(max(p, 1e-9)) for p in found.text_token_probs)

    return fit(turned) > fit(text) - NO_MARGIN
