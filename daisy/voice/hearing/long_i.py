"""A five or a nine Whisper base heard as the pronoun "I", weighed on the audio.

"five" and "nine" share their long i, and on a phone line Whisper base writes either as "I" or "I'm"
in English plates and numbers ("Papa, Mike, Echo, I, One, zero." for "…, nine, one, zero"; "four five
one I'm" for 4519). Each such word gets "five" and "nine" scored in its place; the better one takes it
when it trails the words heard by no more than NEAR nats, the way nato_words puts a bent NATO word
back. On 475 English plate and number answers of three audio runs (the callers file and made-up sets 1
and 3, seed 0; espeak-ng and Kokoro, clean and noisy), 35 had such a word: 5 were put right (4 values
then read right, with the five read from the words below), none wrong; the pronoun of real talk ("Can
I talk to a real person?") trails by 18.
A five that opens a plate is also read from the words alone (understanding.spelling).
"""

from __future__ import annotations

from daisy.voice.hearing.alignment import TurnAudio

NEAR = 3.0  # nats the digit may trail the "I" Whisper wrote (the five or nine put right trailed by 2.4)
_PRONOUN = {"i", "i'm", "im"}
_PUNCTUATION = ",.;:!?"


def has_a_pronoun(text: str) -> bool:
    return any(w.rstrip(_PUNCTUATION).lower() in _PRONOUN for w in text.split())


def with_five_or_nine(turn: TurnAudio, text: str) -> str:
    """`text` with each "I" (but "letter I") that a five or a nine fits nearly as well replaced by it."""
    words = text.split()
    for i, w in enumerate(words):
        core = w.rstrip(_PUNCTUATION)
        if core.lower() not in _PRONOUN or (i > 0 and words[i - 1].rstrip(_PUNCTUATION).lower() == "letter"):
            continue
        tail = w[len(core) :]
        readings = [" ".join([*words[:i], digit + tail, *words[i + 1 :]]) for digit in ("five", "nine")]
        words = turn.best_reading(" ".join(words), readings, NEAR).split()
    return " ".join(words)
