"""A name word the lexicon does not know, replaced by a known name that fits the audio nearly as well.

Whisper base writes a name as it sounds to it: "Tami" for Tammy, "Ector" for Héctor, "Rogle" for
Robles. Each word of the name heard that Faker's lexicon (understanding.name_lexicon) does not know
gets a few look-alike known names; each is put in its place and the whole answer is scored against
the audio (forced alignment). The best one wins if it trails the words Whisper wrote by no more
than NEAR nats: the decoder's own choice is a slight favourite, not a verdict, between names that
sound alike. A word nothing known fits stays as heard (a rare surname said right is kept).

Measured on 258 synthesized name answers (86 names of the evaluation, espeak-ng and Kokoro, half
noisy), the alignment started from the name prompt the decoder had: names heard exactly right 38 →
63 at 3 nats, none of the 38 changed; at 4 nats 66, one changed (a surname the lexicon lacks, heard
right). Two words heard where one name was said ("Villa Señor") are scored as the known names that look
like them written together. With those, Spanish sound-alike candidates ("Kiros" → Quiroz) and the
names of Faker's other Spanish-speaking lists: on each caller's name synthesized once (86 names,
espeak-ng and Kokoro, half noisy, two draws), 54 of 172 heard exactly right → 61, none lost.
Asked to spell the surname, the caller says the given name again: the known given names of the names
read back before (and said no to) are scored in its place ("Lani: Papa, …" → Lonnie, as heard in
"Lonnie Proved"). On 49 such answers of two `daisy eval --audio` runs: given name right 20 → 23, none lost.
A given name said no to together with the very surname spelled now was the wrong part of that name:
the known look-alikes of it that were not said no to are scored in its place, and the best one is
taken ("Caroline Torres" refused, then "Caroline: Tango, Oscar, …" → Carolyn; "Jody" → Jodi).
Cost: one batched alignment of up to four readings per unknown word, on names heard with
less than SURE_AS_HEARD confidence (~100–300 ms on this 2-core machine).
"""

from __future__ import annotations

import re

from daisy.understanding import name_lexicon, reader, spelling
from daisy.understanding.normalize import strip_accents
from daisy.understanding.packs import es_mx_words
from daisy.voice.hearing.alignment import TurnAudio

NEAR = 3.0  # nats a known name may trail the word Whisper wrote
LOOK_ALIKE = 65  # rapidfuzz ratio (0–100) of a candidate to the word heard
CANDIDATES = 4  # look-alikes scored per word (each costs a share of one batched alignment)
MORE = 1.0  # nats an earlier given name must fit better than a known one heard now
SURE_AS_HEARD = 0.8  # a name heard this sure is kept as heard (a rare surname said right)
_PARTICLES = {"de", "del", "la", "las", "los", "y"}


def with_known_names(turn: TurnAudio, text: str, lang: str, spelled: bool = False,
                     heard_before: frozenset[str] = frozenset()) -> str:
    """`text` with each unknown word of the name in it replaced by the known name that fits best.
    `spelled`: a given name, then the surname letter by letter; only the given name is a name word.
    `heard_before`: names read back earlier for this field (and said no to)."""
    if spelled:
        text = _spelled_given_name(turn, text, lang, heard_before)
    name = reader.read_name(text, lang)
    if not name:
        return text
    words = name.split()
    if not spelled:
        text = _joined(turn, text, words, lang)
        words = (reader.read_name(text, lang) or name).split()
    for word in dict.fromkeys(words[:1] if spelled else words):
        if len(word) < 3 or word.lower() in _PARTICLES or spelling.is_nato_word(word):
            continue
        if name_lexicon.known(word):
            continue
        pattern = _word(word)
        if not pattern.search(text):
            continue
        alike = name_lexicon.near_names(word, lang, limit=CANDIDATES, cutoff=LOOK_ALIKE)
        text = turn.best_reading(text, _readings(pattern, text, alike), NEAR)
    return text


def _spelled_given_name(turn: TurnAudio, text: str, lang: str, heard_before: frozenset[str]) -> str:
    """The given name said before a spelled surname, weighed against the names said no to."""
    first = _first_name_word(text, lang)
    if not first:
        return text
    wrong = _given_names_said_no_to(text, lang, heard_before)
    text = _given_as_before(turn, text, first, lang, heard_before, wrong)
    first = _first_name_word(text, lang)
    if first and _sound(first, lang) in {_sound(w, lang) for w in wrong}:
        text = _another_given_name(turn, text, first, lang, heard_before, wrong)
    return text


def _sound(word: str, lang: str) -> str:
    """A name as it sounds: Whisper writes the one said no to as "Ceferino", then "Seferino"."""
    folded = strip_accents(word.lower())
    return folded if lang.startswith("en") else es_mx_words.sounds_as(folded)


def _first_name_word(text: str, lang: str) -> str:
    """The first word said before the spelling (a spelled answer reads as no name of its own)."""
    said = reader.words_before_spelling(text).split() or (reader.read_name(text, lang) or "").split()
    return said[0] if said else ""


def _given_names_said_no_to(text: str, lang: str, heard_before: frozenset[str]) -> set[str]:
    """The given names (lowercase) of names said no to whose surname is the one spelled now: with
    the surname right, what the caller refused was the given name ("Caroline Torres", then "Carolyn:
    Tango, Oscar, …")."""
    letters = reader.read_letters(text, lang, longest=20)
    if len(letters) < 2:
        return set()
    surname = strip_accents(reader.name_from_letters(letters, lang, heard=True).lower())
    # (a name of two words only: "Federico Orozco Madrid" refused may have had its first surname wrong)
    return {strip_accents(w.split()[0].lower()) for w in heard_before
            if len(w.split()) == 2 and strip_accents(w.split()[-1].lower()) == surname}


def _another_given_name(turn: TurnAudio, text: str, word: str, lang: str, heard_before: frozenset[str],
                        wrong: set[str]) -> str:
    """A given name the caller said no to with this very surname: the known name that fits the audio
    best in its place (look-alikes, and the given names heard before), whatever it trails it by."""
    before = [w.split()[0] for w in heard_before if w.split()]
    alike = [n for n in dict.fromkeys([*name_lexicon.near_names(word, lang, limit=CANDIDATES + 2,
                                                                   cutoff=LOOK_ALIKE), *before])
             if strip_accents(n.lower()) not in wrong and len(n) >= 3]  # (Zeferino after Ceferino)
    pattern = _word(word)
    if not alike or not pattern.search(text):
        return text
    return turn.best_reading(text, _readings(pattern, text, alike), float("inf"))


def _given_as_before(turn: TurnAudio, text: str, word: str, lang: str, heard_before: frozenset[str],
                     wrong: set[str] | frozenset[str] = frozenset()) -> str:
    """The given name said before a spelled surname is the one said in the earlier answers: Whisper
    may bend it differently each time ("Lonnie Proved", then "Lani: Papa, Romeo, …"). The known given
    names heard before are scored in its place; one wins if it fits the audio better, or nearly as
    well when the word heard now is no name of the call's language: among the key words of a Spanish
    spelling Whisper drifts into English ("Frederick Orozco M. de Monterey…" after "Federico" twice).
    (Not one said no to with the surname spelled now.)"""
    before = {w.split()[0] for w in heard_before if w.split()}
    alike = sorted(b for b in before if len(b) >= 3 and b.lower() != word.lower() and name_lexicon.known(b)
                   and strip_accents(b.lower()) not in wrong)
    pattern = _word(word)
    if not alike or not pattern.search(text):
        return text
    near = -MORE if name_lexicon.own(word, lang) else NEAR
    return turn.best_reading(text, _readings(pattern, text, alike), near)


def _word(word: str) -> re.Pattern[str]:
    """`word` on its own in the text, whatever its case."""
    return re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)


def _readings(pattern: re.Pattern[str], text: str, alike: list[str]) -> list[str]:
    """`text` with what `pattern` finds replaced by each known name in turn."""
    return [pattern.sub(lambda _m, known=known: known, text, count=1) for known in alike]


def _joined(turn: TurnAudio, text: str, words: list[str], lang: str) -> str:
    """Two words heard where one name was said ("Rúbal Cava" for Ruvalcaba, "Ringo Verdo" for
    Rigoberto): the known names that look like them written together are scored in their place."""
    for first, second in zip(words, words[1:], strict=False):
        both_known = name_lexicon.known(first) and name_lexicon.known(second)
        # "del Gadillo" for Delgadillo: a particle before a word the lexicon lacks may be the start of
        # one surname (only names that start so are scored: "de León" is left as it is)
        run_in = (first.lower() in name_lexicon.RUN_IN and second.lower() not in _PARTICLES
                  and not name_lexicon.known(second))
        if both_known or ({first.lower(), second.lower()} & _PARTICLES and not run_in):
            continue
        pattern = re.compile(rf"\b{re.escape(first)}[\s,]+{re.escape(second)}\b", re.IGNORECASE)
        if not pattern.search(text):
            continue
        # The alignment does not score where the words end: a name as long as one of the two words
        # would fit as well as both and lose the other ("Pablo Zúñiga" → "Pablo").
        both = len(first) + len(second)
        alike = [known for known in name_lexicon.near_names(first + second, lang, limit=CANDIDATES,
                                                             cutoff=LOOK_ALIKE)
                 if len(known) >= both - 2 and (not run_in or known.lower().startswith(first.lower()))]
        text = turn.best_reading(text, _readings(pattern, text, alike), NEAR)
    return text
