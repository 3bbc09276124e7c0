"""A second decode of a spelled value, with only the words of spelling allowed.

A value spelled symbol by symbol uses few words: letter names, NATO and other key words, number
words. Whisper decoding with every other token suppressed cannot turn "Lima, Alfa" into "email
for"; decoding.hear weighs it against the free decode (decoding.two_opinions). English only, for
now (vocabulary.spelling_words says why).
"""

from __future__ import annotations

import re
from typing import Any

from daisy.core.expectation import Expected
from daisy.voice import vocabulary
from daisy.voice.hearing.alignment import max_length, plain_start

SNAP_SCORE = 70  # rapidfuzz ratio: "Nomember" → November (82), "Alta" → Alfa (75)

_SUPPRESSIONS: dict[tuple[int, Expected, str], list[int]] = {}


def decode(model: Any, encoded: Any, tok: Any, expecting: Expected, lang: str, beam: int, n_best: int,
           budget: int) -> Any:
    """The N-best of the utterance (already encoded) in spelling words only."""
    plain = plain_start(tok)
    return model.model.generate(
        encoded, [plain], beam_size=beam, num_hypotheses=n_best, max_length=max_length(plain, budget),
        return_scores=True, suppress_blank=True,
        suppress_tokens=[-1, *suppression(model, tok, expecting, lang)],
    )[0]


def suppression(model: Any, tok: Any, expecting: Expected, lang: str) -> list[int]:
    """Every text token that is no piece of a spelling word (nor a numeral nor punctuation): the
    decoder may not write them. Built once per model, kind and language (~0.1 s)."""
    key = (id(model), expecting, lang)
    if key not in _SUPPRESSIONS:
        allowed: set[int] = set()
        for word in vocabulary.spelling_words(expecting, lang):
            for form in {word, word.lower(), word.capitalize(), word.upper()}:
                for text in (form, " " + form, form + ",", " " + form + ",", form + ".", " " + form + "."):
                    allowed.update(tok.encode(text))
        for text in (",", ".", "-", " -", " ,"):
            allowed.update(tok.encode(text))
        for piece, token_id in model.hf_tokenizer.get_vocab().items():
            if piece.replace("\u0120", "").replace(",", "").isdigit():  # numerals: "Ġ28", "42"
                allowed.add(token_id)
        _SUPPRESSIONS[key] = [i for i in range(tok.eot) if i not in allowed]
    return _SUPPRESSIONS[key]


def restart_cut(tokens: list[int], span: int = 6) -> list[int]:
    """A decode that starts the whole sequence over ("Alpha, November, Papa, … Alpha, November")
    ends before the second start; a shorter repeat ("siete, siete, siete") can be real."""
    for i in range(span, len(tokens) - span + 1):
        if tokens[i : i + span] == tokens[:span]:
            return tokens[:i]
    return tokens


_SENTENCES = re.compile(r"(?<=\.)\s+")


def first_round(text: str) -> str:
    """A decode that ended a sentence and started the sequence over from its first word, a symbol
    short ("Mike, Alpha, Alpha, 7, 4, 3, 9. Mike, Alpha, 7, 4, 3, 9." for espeak-ng's "Mike, Alpha,
    Alpha, seven, four, three, nine."): the first round is what was said."""
    sentences = _SENTENCES.split(text.strip())
    first = sentences[0].split()
    if len(sentences) < 2 or len(first) < 2:
        return text
    start = first[0].strip(",.").lower()
    again = any(s.split()[0].strip(",.").lower() == start for s in sentences[1:] if s.split())
    return sentences[0] if again else text


def snap_to_words(text: str, words: tuple[str, ...]) -> str:
    """The spelling decode can join pieces of two allowed words into one that is not ("Nomember",
    "Alta"): each such word becomes the nearest allowed word, when one is near enough."""
    from rapidfuzz import fuzz, process, utils

    known = {w.lower() for w in words}
    out: list[str] = []
    for token in text.split():
        core = token.strip(",.;:!?")
        if core and core.isalpha() and core.lower() not in known and len(core) > 2:
            best = process.extractOne(core, words, scorer=fuzz.ratio, processor=utils.default_process,
                                      score_cutoff=SNAP_SCORE)
            if best is not None:
                token = token.replace(core, best[0])
        out.append(token)
    return " ".join(out)
