"""Common Mexican and US given names and surnames, from Faker's person providers (MIT), to mend
names the recognizer bent by one letter ("Vosquez" → "Vázquez") and to put back the accents it
dropped ("Ramon" → "Ramón").

Conservative on purpose: a word the lexicon knows is never changed, only a word it does not know
that differs from exactly one known name by one letter of the same length (so "Alcántara" never
becomes "Alcántar"), and short words are left alone.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

MIN_MENDED = 5  # shorter words have too many one-letter neighbours


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn" or c == "\u0303")


@lru_cache(maxsize=2)
def _names(lang: str = "es") -> dict[str, str]:
    """folded → spelled as the lexicon writes it (accents kept). A name both lists know is written
    as the call's language writes it: "Angela" in an English call, "Ángela" in a Spanish one."""
    from faker.providers.person.en_US import Provider as English
    from faker.providers.person.es_MX import Provider as Mexican

    mexican = (Mexican.first_names, Mexican.last_names)
    english = (English.first_names, English.last_names)
    out: dict[str, str] = {}
    for source in (*english, *mexican) if lang == "en" else (*mexican, *english):
        for name in source:
            for word in name.split():
                out.setdefault(_fold(word), word)
    return out


@lru_cache(maxsize=1)
def _by_shape() -> dict[tuple[int, str], list[str]]:
    """(length, word with one letter blanked) → known folded names: one-letter neighbours in O(n)."""
    index: dict[tuple[int, str], list[str]] = {}
    for folded in _names():
        for i in range(len(folded)):
            index.setdefault((len(folded), folded[:i] + "?" + folded[i + 1 :]), []).append(folded)
    return index


def known(word: str) -> bool:
    return _fold(word) in _names()


def mend_word(word: str, lang: str = "es") -> str:
    folded = _fold(word)
    names = _names("en" if lang.startswith("en") else "es")
    if folded in names:
        spelled = names[folded]
        has_accent = any(not c.isascii() for c in word)
        return word if has_accent or spelled.isascii() else spelled
    if len(folded) < MIN_MENDED or not folded.isalpha():
        return word
    shapes = _by_shape()
    blanked = (folded[:i] + "?" + folded[i + 1 :] for i in range(len(folded)))
    near = {n for shape in blanked for n in shapes.get((len(folded), shape), ())}
    if len(near) != 1:
        return word  # none, or several equally near: not ours to choose
    return names[near.pop()]


def mend(name: str, lang: str = "es") -> str:
    """A whole name with each word mended; particles ("de la", "del") are kept as said."""
    return " ".join(mend_word(w, lang) if len(w) > 3 else w for w in name.split())


def any_known(name: str) -> bool:
    """At least one word of the name is a known given name or surname."""
    return any(known(w) for w in name.split() if len(w) > 2)
