"""A digit Whisper base wrote as a word of no spelling, weighed on the audio.

Among the digits of a plate or a fleet number, a synthetic or hurried digit comes out as the nearest
word the decoder knows ("six five three" → "six time three", "Tango, five" → "Tango, Hyde", "cinco" →
"cinto"). The understanding reads the bends it has seen (understanding.spelling); any other word that
no spelling uses, right after a number or a NATO word (or, in English, first before a number), gets
each digit word scored in its place, and the best one takes it when it trails the words heard by no
more than NEAR nats, as long_i does for "I". A word after a letter or a connector ("ce coche", "C
like Cat") is a key word, never a digit. On the plate and number answers of made-up sets 15-24 with
such a word (217, re-heard): 7 more read as said, none less.
"""

from __future__ import annotations

import re

from daisy.understanding import spelling
from daisy.understanding.normalize import strip_accents
from daisy.understanding.numbers import is_number_word, number_vocabulary
from daisy.voice.hearing.alignment import TurnAudio

NEAR = 3.0  # nats, as for a five or nine heard "I" (long_i)
MOST = 2  # stray words weighed in one answer (one batched alignment each)
_WORD = re.compile(r"^([^\w]*)([\w'-]+?)([^\w]*)$")


def _bare(word: str) -> str:
    return strip_accents(word.lower()).strip(",.;:!?\"'")


def strays(text: str, lang: str) -> list[int]:
    """Indexes of the words no spelling uses that may be a digit bent (at most MOST)."""
    words = [_bare(w) for w in text.split()]

    def number(k: int) -> bool:
        return 0 <= k < len(words) and is_number_word(words[k], lang)

    def first(k: int) -> bool:  # nothing but talk before it ("plates are all seven")
        return all(spelling.spelling_word(w, lang) and not is_number_word(w, lang) and w not in
                   spelling.NATO_WORDS for w in words[:k])

    # after a number or a NATO word, or (in English) first before a number: a word after a letter is
    # its key word ("ce coche, cinco" is C, not 4 or 5), and a Spanish key word first lost its letter
    # ("enrique cuatro" for "e de Enrique, cuatro")
    found = [
        k for k, w in enumerate(words)
        if len(w) >= 3 and w.isalpha() and not spelling.spelling_word(w, lang)
        and (number(k - 1) or k > 0 and words[k - 1] in spelling.NATO_WORDS
             or lang == "en" and first(k) and number(k + 1))
        and not _bent_word(w, lang)
    ]
    return found[:MOST]


NEAR_A_WORD = 70  # rapidfuzz ratio: "quarenta", "onze", "fokstro" are number and NATO words bent


def _bent_word(word: str, lang: str) -> bool:
    """A number word, a NATO word or a letter's glued key word the recognizer bent ("cinquenta",
    "fokstro", "perepaco"): the understanding reads it as such, so it is no stray digit."""
    from rapidfuzz import fuzz, process

    if spelling.symbols(word, lang) or spelling.glued_key_word(word):
        return True
    known = (*number_vocabulary(lang), *spelling.NATO_WORDS)
    return process.extractOne(word, known, scorer=fuzz.ratio, score_cutoff=NEAR_A_WORD) is not None


def with_digits(turn: TurnAudio, text: str, lang: str, at: list[int]) -> str:
    """`text` with each stray word at `at` (`strays`) replaced by the digit word that fits the audio
    nearly as well, if one does."""
    words = text.split()
    for k in at:
        found = _WORD.match(words[k])
        if found is None:
            continue
        lead, _, tail = found.groups()
        readings = [" ".join([*words[:k], lead + digit + tail, *words[k + 1 :]])
                    for digit in spelling.digit_words(lang)]
        words = turn.best_reading(" ".join(words), readings, NEAR).split()
    return " ".join(words)
