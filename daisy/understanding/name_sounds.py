"""A given name written another way it sounds (Dylan, Dillon; Christian, Cristian; Yesenia, Yessenia).

A driver asked to spell spells the surname and says the given name: the recognizer writes the given
name the usual way, and the caller, hearing it read back, says no to a spelling they cannot hear. The
other ways are the given names of the same sex in Faker's lists (MIT) for the call's language that
sound the same by that language's pack.
"""

from __future__ import annotations

from functools import lru_cache

from daisy.understanding.normalize import is_english, strip_accents
from daisy.understanding.packs import en_us_words, es_mx_words


def _sound(word: str, lang: str) -> str:
    folded = strip_accents(word.lower())
    return en_us_words.sounds_as(folded) if is_english(lang) else es_mx_words.sounds_as(folded)


@lru_cache(maxsize=4)
def _by_sound(lang: str) -> dict[str, list[tuple[str, frozenset[str]]]]:
    """sound → (given name as written, the sexes it is given to), the commonest way first: the US
    lists weigh each name by how many people bear it (Christy before Christie), and a name said no to
    is likelier written the common way than the rare one. (The Mexican lists carry no weights.)"""
    if is_english(lang):
        from faker.providers.person.en_US import Provider
    else:
        from faker.providers.person.es_MX import Provider
    sexes: dict[str, set[str]] = {}
    weight: dict[str, float] = {}
    for sex, names in (("m", Provider.first_names_male), ("f", Provider.first_names_female)):
        for name in names:
            sexes.setdefault(name, set()).add(sex)
            weight[name] = weight.get(name, 0.0) + (names[name] if isinstance(names, dict) else 0.0)
    index: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for name, given_to in sorted(sexes.items(), key=lambda item: -weight[item[0]]):
        index.setdefault(_sound(name, lang), []).append((name, frozenset(given_to)))
    return index


def given_name_alikes(name: str, lang: str) -> list[str]:
    """The name with one of its given names (every word but the last) written another way that
    sounds the same: known given names of the same sex first (of either, for a word the lists lack),
    then those of the other. The first given name first."""
    words = name.split()
    out: list[str] = []
    for i, word in enumerate(words[:-1]):
        same = _by_sound(lang).get(_sound(word, lang), [])
        # (a given name the lists lack is written another way of one they have: "Trisha", Tricia)
        sexes = next((s for n, s in same if strip_accents(n.lower()) == strip_accents(word.lower())),
                     frozenset({"m", "f"}))
        others = [(n, s) for n, s in same if strip_accents(n.lower()) != strip_accents(word.lower())]
        # the same sex's first; one the lists give only to the other sex after them ("Lee" for Leah,
        # espeak-ng, made-up set 72: the lists give Lee to men only)
        for n, _s in sorted(others, key=lambda other: not other[1] & sexes):
            out.append(" ".join([*words[:i], n, *words[i + 1:]]))
    return out


def warm() -> None:
    """Build both languages' sound indexes now (Faker's lists), not on the turn that needs them."""
    for lang in ("en", "es"):
        _by_sound(lang)
