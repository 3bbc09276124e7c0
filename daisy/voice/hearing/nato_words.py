"""Pieces of a NATO word put back together, weighed against the audio.

On a phone line Whisper base splits or bends the NATO words an English caller spells with:
"Park Strot" and "Pock Strat" for Foxtrot, "Sokel" for Hotel, "Delcut" for Delta. In an answer
spelled symbol by symbol, a word that is no spelling word (alone, or joined with the next one)
gets the three NATO words that look most like it; each is put in its place and the answer scored
against the audio (forced alignment). The best one wins if it trails the words Whisper wrote by no
more than NEAR nats.

Measured on 98 NATO-spelled English answers from `daisy eval --audio` (plates, surnames, addresses;
espeak-ng and Kokoro, half noisy): the symbols read exactly right 40 → 44, none lost (NEAR 1 to 5
gave 44–45). Cost: one batched alignment of up to six readings per such word.

A bare letter among NATO words is a NATO word heard short ("Uniform, Lima, L, 2, 8, 4, 2" for
"…, Alfa, …"): its own NATO word and those that sound it after their first vowel are scored in its
place (on `daisy eval --audio` seed 0 one plate more read right at once, seed 1 unchanged).

A key word said bare among NATO words ("Delta November Baker" for Piper's "…, Victor") gave no symbol
at all: every NATO word is scored in its place. On 381 English spelled answers of three runs (espeak-ng,
Kokoro, Piper), 3 more read right (all Piper's), none lost.

A fleet number's letter ("Tango, seven, two, five") is bent the same way ("ten go seven two five",
"time of four seven three", read 473), and split after a number word: in a fleet number with one or
two stray words, they are scored the same way, joined with the word before them too.
"""

from __future__ import annotations

from functools import lru_cache

from daisy.core.expectation import Expected
from daisy.understanding import spelling
from daisy.understanding.numbers import word_table
from daisy.voice import vocabulary
from daisy.voice.hearing.alignment import TurnAudio

NEAR = 3.0  # nats a NATO word may trail the pieces Whisper wrote
LOOK_ALIKE = 40  # rapidfuzz ratio: loose on purpose, the audio decides ("parkstrot" → Foxtrot, 50)
_PUNCTUATION = ",.;:!?"
_LEADS = {"as", "in", "like", "for", "of"}  # "B as in Baker": the key word is said on purpose
# nats by which the NATO word that fits a bare key word's place best must beat every other one
CLEAR = 1.0
# ...and by which the NATO word that fits a stray word's place best must beat every other one
STRAY_CLEAR = 3.0
# ...and how far that word may trail the stray word heard (further than NEAR: it must also beat every
# other letter by STRAY_CLEAR). On 249 NATO-spelled English answers re-heard from nine runs, 3 → 6:
# 3 changed ("Nulu" → Zulu at 3.4 nats, "Mai" → Mike, "Indian" → India), each to the word said;
# 8 changed 2 more, one of them away from it ("Alpha-Mine" → Alpha for "Alfa, Mike").
STRAY_NEAR = 6.0


@lru_cache(maxsize=1)
def _nato() -> tuple[str, ...]:
    words = vocabulary.spelling_words(Expected.PLATE, "en")
    return tuple(sorted({w for w in words if len(w) > 3 and spelling.is_nato_word(w)}))


@lru_cache(maxsize=4)
def _known(expecting: Expected) -> frozenset[str]:
    return frozenset(w.lower() for w in vocabulary.spelling_words(expecting, "en"))


def _bare(word: str) -> str:
    return word.strip(_PUNCTUATION).lower()


# In a fleet number at most this many stray words are a bent letter ("time of", "ten go"); more are talk
# ("the trailer number is…"), and scoring each would cost an alignment.
STRAY_IN_A_NUMBER = 2


def _stray(word: str, known: frozenset[str]) -> bool:
    """A word that is no spelling word: no letter name, number word or NATO word ("F-ray" for X-ray
    is one; "twenty-five" is not)."""
    parts = _bare(word).split("-")
    if len(parts) > 1 and all(p in known for p in parts):
        return False
    bare = "".join(parts)
    return bare.isalpha() and len(bare) > 1 and bare not in known and not spelling.is_nato_word(bare)


def spelled_unasked(text: str) -> bool:
    """A whole name asked for, answered with a spelled surname all the same (two NATO words or more):
    a caller who said no twice spells ("Sophia Bramble Elf Indian Romeo Delta", espeak-ng)."""
    return sum(spelling.is_nato_word(_bare(w)) for w in text.replace("-", " ").split()) >= 2


def bent_in_a_number(text: str) -> bool:
    """An English fleet number with a word or two that are neither numbers nor spelling words."""
    known = _known(Expected.PLATE)
    words = [_bare(w) for w in text.split()]
    strays = sum(_stray(w, known) for w in words)
    counted = any(w.isdigit() or (w in known and not spelling.is_nato_word(w) and len(w) > 2) for w in words)
    return counted and 1 <= strays <= STRAY_IN_A_NUMBER


def with_nato_words(turn: TurnAudio, text: str, expecting: Expected, given_name_first: bool = False) -> str:
    """`text` (English, spelled) with each stray word, or pair of them, replaced by the NATO word
    that fits the audio best, when one fits nearly as well. `given_name_first`: a name's first word
    is the given name, not a spelled letter."""
    from rapidfuzz import fuzz, process

    known = _known(expecting if expecting in (Expected.PLATE, Expected.EMAIL) else Expected.PLATE)
    # in an address the separator is bent too ("NOT", "Dart" for "dot")
    choices = (*_nato(), "dot") if expecting == Expected.EMAIL else _nato()
    words = text.split()

    # Among NATO words a bare letter is a NATO word heard short ("Uniform, Lima, L" for "…, Alfa"):
    # its own word, and those that sound it right after their first vowel, are scored in its place.
    spelled_in_nato = sum(spelling.is_nato_word(_bare(w)) for w in words) >= 2
    for i in range(1 if given_name_first else 0, len(words)):
        if i >= len(words):
            continue
        bare = _bare(words[i])
        if spelled_in_nato and len(bare) == 1 and bare.isalpha() and _letters_from(words, i) >= 2:
            run = _one_word_for_letters(turn, words, i, choices)
            if run is not None:
                words = run
                continue
        if spelled_in_nato and len(bare) == 1 and bare.isalpha():
            tail = words[i][len(words[i].rstrip(_PUNCTUATION)) :]
            sounding = [w for w in choices if w.lower().startswith(bare)
                        or (w.lower()[0] in "aeiou" and w.lower()[1:2] == bare)]
            readings = [" ".join([*words[:i], w + tail, *words[i + 1 :]]) for w in sounding]
            words = turn.best_reading(" ".join(words), readings, NEAR).split()
            continue
        said_on_purpose = i > 0 and _bare(words[i - 1]) in _LEADS
        if spelled_in_nato and bare in vocabulary.key_words("en") and not said_on_purpose:
            # a key word said bare among NATO words is a NATO word misheard ("Delta November Baker"
            # for "…, Victor"): every NATO word is scored in its place, and one that clearly fits best
            # takes it (a caller who did say "Baker" for B gets Bravo)
            tail = words[i][len(words[i].rstrip(_PUNCTUATION)) :]
            readings = [" ".join([*words[:i], w + tail, *words[i + 1 :]]) for w in choices]
            words = (turn.clear_best(readings, CLEAR) or " ".join(words)).split()
            continue
        if not _stray(words[i], known):
            continue
        spans = [(i, i + 1)] + ([(i, i + 2)] if i + 1 < len(words) and _stray(words[i + 1], known) else [])
        if expecting == Expected.DIGITS and i > 0 and _bare(words[i - 1]).isalpha() \
                and not spelling.is_nato_word(_bare(words[i - 1])):
            spans.append((i - 1, i + 1))  # a fleet number's letter split after a number word: "ten go"
        readings: list[str] = []
        for a, b in spans:
            joined = "".join(_bare(w) for w in words[a:b])
            tail = words[b - 1][len(words[b - 1].rstrip(_PUNCTUATION)) :]
            # compared in lower case: a NATO word's capital is no letter the recognizer missed
            for found, _score, _k in process.extract(joined, choices, scorer=fuzz.ratio, limit=3,
                                                     score_cutoff=LOOK_ALIKE, processor=str.lower):
                readings.append(" ".join([*words[:a], found + tail, *words[b:]]))
        before = " ".join(words)
        words = turn.best_reading(before, readings, NEAR).split()
        beside = [words[k] for k in (i - 1, i + 1) if 0 <= k < len(words)]
        beside_nato = any(spelling.is_nato_word(_bare(w)) for w in beside)
        unchanged = " ".join(words) == before
        # a fleet number's letter said first and bent into a word that looks like no NATO word ("equal
        # six five six" for "Echo, six, five, six", three times running). Re-heard, 302 English fleet-number
        # answers (made-up set 1's four runs; sets 2–6 said by espeak-ng, Kokoro and Piper): that one
        # changed, to the number said; no other
        number_letter = expecting == Expected.DIGITS and i == 0 and len(words) > 1
        if unchanged and (spelled_in_nato and beside_nato or number_letter):
            words = _any_nato_word(turn, words, i, _nato())  # letters only: "dot" would be D's twin
    return " ".join(words)


def _letters_from(words: list[str], i: int) -> int:
    """How many bare letters run from word i on (up to three); 0 for "O K" (okay) and a run with an "I"
    in it (the pronoun, or a five or nine bent: long_i.py)."""
    n = 0
    while i + n < len(words) and n < 3 and len(_bare(words[i + n])) == 1 and _bare(words[i + n]).isalpha():
        n += 1
    letters = [_bare(w) for w in words[i : i + n]]
    return 0 if letters[:2] == ["o", "k"] or "i" in letters else n


# Two or three bare letters among NATO words are one NATO word heard as letters: Kokoro's Sierra is
# written "C A", "C. A. R.", "C E" or "C L" ("Papa C A Tango" for Papa, Sierra, Tango; 18 such answers on
# made-up sets 13-40). Every NATO word is scored in the run's place (the first two letters, or all
# three); the best takes it with the margins of a stray word (STRAY_NEAR, STRAY_CLEAR): a caller who
# did say letters ("nine, L, C, A") keeps them, the letters fitting better. Re-heard, the 41 English
# answers of sets 28-40 with NATO words and such a run: 7 changed, 6 of them to the value said (right
# 7 → 13), none away from it.
def _one_word_for_letters(turn: TurnAudio, words: list[str], i: int,
                          choices: tuple[str, ...]) -> list[str] | None:
    natos = tuple(w for w in choices if spelling.is_nato_word(w.lower()))
    readings: list[str] = []
    rivals: list[str] = []
    for span in range(2, _letters_from(words, i) + 1):
        tail = words[i + span - 1][len(words[i + span - 1].rstrip(_PUNCTUATION)) :]
        for nato in natos:
            readings.append(" ".join([*words[:i], nato + tail, *words[i + span :]]))
            rivals.append(nato)
    found = _one_letter_clearly(turn, " ".join(words), readings, tuple(rivals), STRAY_NEAR, STRAY_CLEAR)
    return found.split() if found else None


def _any_nato_word(turn: TurnAudio, words: list[str], i: int, choices: tuple[str, ...]) -> list[str]:
    """A stray word beside NATO words that looks like none of them ("Oscar, New, Alpha" for "…, Zulu,
    …"; "Wix, Mike" for "Victor, …"): every NATO word is scored in its place; the best takes it when it
    trails the word heard by no more than STRAY_NEAR nats and beats every other letter's word by
    STRAY_CLEAR. On 221 NATO-spelled English answers re-heard from four runs (at 3 nats), 4 changed,
    each to the word said."""
    tail = words[i][len(words[i].rstrip(_PUNCTUATION)) :]
    readings = [" ".join([*words[:i], w + tail, *words[i + 1 :]]) for w in choices]
    found = _one_letter_clearly(turn, " ".join(words), readings, choices, STRAY_NEAR, STRAY_CLEAR)
    return found.split() if found else words


def _one_letter_clearly(turn: TurnAudio, heard: str, readings: list[str], natos: tuple[str, ...],
                        near: float, clear: float) -> str | None:
    """The reading (one per NATO word in `natos`) that fits the audio best, if it trails `heard` by no
    more than `near` nats and beats every other letter's reading by `clear` ("Alfa" and "Alpha" are one
    letter: a twin spelling is no rival); else None. One batched alignment."""
    scores = turn.fits([heard, *readings])
    ranked = sorted(range(len(readings)), key=lambda k: -scores[k + 1])
    best = scores[ranked[0] + 1]
    letter = natos[ranked[0]][0].upper()
    second = max((scores[k + 1] for k in ranked[1:] if natos[k][0].upper() != letter), default=best)
    return readings[ranked[0]] if best >= scores[0] - near and best - second >= clear else None


# A NATO word heard as another one ("Golf" written "Alfa": espeak-ng m7, three times on made-up sets
# 64-67): every NATO word of another letter is scored in its place, and one that fits the audio better
# than the word heard by SWAPPED_BY nats, and every other letter's by STRAY_CLEAR, takes it. Scored on
# the 378 NATO words of the English plate answers of those sets: the three Golfs fit 9.9-10.7 nats
# better than "Alfa", and a "Victor" heard "X-ray" 8.8 better; the nearest swap away from the word said
# fit 6.7 better (Lima → November). Scoring 25 readings costs ~1 s on this 2-core machine, so only the
# words the reading loses nothing without are scored (68 of the 378, the four above among them): one
# batched pass of one reading per NATO word first.
SWAPPED_BY = 8.0


def with_nato_words_swapped(turn: TurnAudio, text: str) -> str:
    """`text` with each doubtful NATO word that another letter's NATO word fits clearly better replaced
    by it."""
    words = text.split()
    at = [i for i, w in enumerate(words) if spelling.is_nato_word(_bare(w))]
    if not at:
        return text
    scores = turn.fits([text, *(" ".join(words[:i] + words[i + 1 :]) for i in at)])
    doubtful = [i for k, i in enumerate(at) if scores[k + 1] >= scores[0]]  # as well left out
    for i in doubtful:
        bare = _bare(words[i])
        tail = words[i][len(words[i].rstrip(_PUNCTUATION)) :]
        others = tuple(w for w in _nato() if w[0].lower() != bare[0])
        readings = [" ".join([*words[:i], w + tail, *words[i + 1 :]]) for w in others]
        found = _one_letter_clearly(turn, " ".join(words), readings, others, -SWAPPED_BY, STRAY_CLEAR)
        words = found.split() if found else words
    return " ".join(words)


# A fleet number's NATO letter heard as a number word ("Charlie, nine, eight, two" → "forty nine eight
# two", "Charlie, five" → "twenty-five"): every NATO word is scored in the first word's place, and the
# one that fits best takes it when it trails the words heard by no more than LETTER_NEAR nats and beats
# every other NATO word by LETTER_CLEAR. On 312 English fleet-number answers re-heard from three audio
# runs (callers file, made-up sets 1 and 3), the two so bent trailed by 1.7 and 3.0 and won by 9.7 and
# 11.4; of the numbers said without a letter, the nearest NATO reading that left a digit trailed by 4.7.
# On an AMD CPU (CTranslate2's int8 arithmetic differs a little) Kokoro's "Charlie, five" trails
# "twenty-five" by 3.7, winning by 10.9: the bound sits between that and 4.7.
LETTER_NEAR = 4.0
LETTER_CLEAR = 5.0


def first_word_a_number(text: str) -> bool:
    """An English fleet number that starts with a number word and has more after it."""
    words = [_bare(w) for w in text.replace("-", " ").split()]
    table = word_table("en")
    return len(words) >= 2 and words[0] in table and any(w in table or w.isdigit() for w in words[1:])


def with_a_letter_first(turn: TurnAudio, text: str) -> str:
    """`text` with its first number word replaced by the NATO word that clearly fits the audio best,
    when one fits nearly as well as the number word (module note above)."""
    # all written as a dictation, a comma after each word, the words heard too: "Echo, six, eight, three"
    # fits its audio better than "eight six eight three", but "Echo, six eight three" worse. Re-heard,
    # the 428 English fleet-number answers of sets 28-42 that start with a number word: 314 → 316 read
    # right ("forty nine six" → Charlie, nine, six), none lost.
    bare = [w.strip(_PUNCTUATION) for w in text.replace("-", " ").split()]
    natos = _nato()
    readings = [", ".join([nato, *bare[1:]]) for nato in natos]
    return _one_letter_clearly(turn, ", ".join(bare), readings, natos, LETTER_NEAR, LETTER_CLEAR) or text


# ...and a second NATO letter after the first, heard as number words ("Tango, Romeo, one" → "Tango, oh
# oh oh one"; "Tango, Romeo, six" → "Tango, eleven six"): one to three words after the first are
# scored as each NATO word, with the same margins (on espeak-ng's two such answers Romeo fit 8 nats
# better than the number words heard, and 7–8 better than any other NATO word; 57 re-heard NATO fleet
# numbers 39 → 41 right, none lost). The hearing does it only for a reading said no to (decoding.hear).
def second_word_a_number(text: str) -> bool:
    """An English fleet number that starts with a NATO word, then a number word and more after it."""
    words = [_bare(w) for w in text.replace("-", " ").split()]
    table = word_table("en")
    return (len(words) >= 3 and spelling.is_nato_word(words[0]) and words[1] in table
            and (words[-1] in table or words[-1].isdigit()))


def with_a_letter_second(turn: TurnAudio, text: str) -> str:
    """`text` with the words after its first NATO word replaced by the NATO word that clearly fits the
    audio best, when one fits nearly as well as what was heard (note above)."""
    words = text.replace("-", " ").split()
    natos = _nato()
    readings: list[str] = []
    rivals: list[str] = []
    for span in range(1, min(3, len(words) - 2) + 1):
        for nato in natos:
            readings.append(" ".join([words[0], f"{nato},", *words[1 + span:]]))
            rivals.append(nato)
    return _one_letter_clearly(turn, text, readings, tuple(rivals), LETTER_NEAR, LETTER_CLEAR) or text
