"""A yes that may have been a no, weighed against the audio.

Whisper base's own confidence in a short "Sí." says little: it is low for many real yeses (a
driver asked "¿sí o no?" three times, each "Sí." heard right and refused), and high for some noes
it hallucinated as yes ("No, no, no." → "Sí, sí" at 0.76). Forced alignment (CTranslate2's
`align`) scores any words against the audio, so the hearing asks the question directly: do plain
yes-words ("Sí.", "Sí, sí.", "Correcto.") fit the audio better than plain no-words?

- clearly better (by CLEAR_YES nats or more) → a sure yes, whatever the decoder's confidence;
- not better at all → maybe a no: confidence capped at MAYBE_NO, so the core asks "¿sí o no?";
- in between → the decoder's confidence stands, and a yes whose no-twin ("That's right." /
  "That's wrong.") fits nearly as well is capped too (espeak-ng's "That's wrong." comes out of
  Whisper as "That's right." with no other hypothesis).

Measured on 810 synthesized answers to read-backs (the evaluation's yes and no phrasings, 5 espeak-ng
variants and 4 Kokoro styles per language, clean and with cab noise), 534 yeses and 10 noes heard as
yes: at the core's usual yes threshold (0.5), 397 yeses confirm instead of 360 and no no instead of
one; at the threshold for a value heard clearly (0.3), 427 instead of 459 and 2 noes instead of 5.
Plain words that fit no better than "No." cost a "¿sí o no?" ("That's right." on some voices).
One batched alignment of six to eight readings: ~50 ms on a yes, nothing on other answers.
"""

from __future__ import annotations

from typing import Any

from daisy.voice import vocabulary
from daisy.voice.hearing import alignment

# The yes is unsure: below the core's yes thresholds, so Daisy asks "¿sí o no?".
MAYBE_NO = 0.2
# The yes heard clearly over the no (the core's yes thresholds are 0.5 and less).
SURE = 0.9
# Log-probability (nats) by which the best plain yes-words must beat the best plain no-words to make
# a yes sure; on the set above no no passed at 2 (the closest came within 1.9).
CLEAR_YES = 2.0
# By how much the no-twin may trail the yes heard and still make it a maybe. On 168 earlier answers the
# three noes heard as yes trailed by 2.2 ("That's wrong." → "That's right."), 4.6 ("Negative." →
# "Yes, correct.") and 5.3 ("Incorrecto." → "Into, correcto.").
NO_MARGIN = 5.5


def weigh_yes(
    model: Any, encoded: Any, frames: int, tok: Any, text: str, lang: str, confidence: float
) -> float:
    """The confidence of a yes heard as `text`, after the yes-words and no-words are scored on the audio."""
    yes_words, no_words = vocabulary.yes_and_no_words(lang)
    twin = vocabulary.said_as_no(text, lang)
    readings = [*yes_words, *no_words, *((text, twin) if twin else ())]
    fits = alignment.fits(model, encoded, frames, tok, readings)
    margin = max(fits[: len(yes_words)]) - max(fits[len(yes_words) : len(yes_words) + len(no_words)])
    if margin < 0:
        return min(confidence, MAYBE_NO)
    if margin >= CLEAR_YES:
        return max(confidence, SURE)
    if twin and fits[-1] > fits[-2] - NO_MARGIN:
        return min(confidence, MAYBE_NO)
    return confidence

