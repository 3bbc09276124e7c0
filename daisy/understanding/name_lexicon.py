"""Common Mexican, Latin American and US given names and surnames, from Faker's person providers
(MIT), to mend names the recognizer bent by one letter ("Vosquez" → "Vázquez") and to put back the
accents it dropped ("Ramon" → "Ramón").

Conservative on purpose: a word the lexicon knows is never changed, and short words and NATO words
are left alone. A word it does not know becomes the one known name that is nearest, and only when
that name is the only one so near: in a Spanish call, written the way it sounds ("Ariaga" →
Arriaga); else one letter off in place ("Vosquez"); else, with no name a letter off in place, one
letter lost or added ("Trujill" → Trujillo). Several names as near leave the word as heard.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Any

from daisy.understanding import spelling
from daisy.understanding.packs import es_mx_words

MIN_MENDED = 5  # shorter words have too many one-letter neighbours
RUN_IN = frozenset({"de", "del"})  # particles a surname may start with (Delgado, Delgadillo, Delacruz)
SOUND_ALIKE = 75  # rapidfuzz ratio of two Spanish names' sounds ("uyua" for Ulloa's "uyoa")


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
    latin = _other_spanish()
    out: dict[str, str] = {}
    for lists in (english, mexican, latin) if lang == "en" else (mexican, latin, english):
        for folded, way in _usual_ways(lists).items():
            out.setdefault(folded, way)
    if lang != "en":
        # A name the Mexican lists lack but write plain elsewhere gets the accent Spanish-language lists
        # mostly give it; one they write plain ("Cardenas", "Cuellar") stays as they write it: that is
        # how the lexicon the drivers' names come from spells them (made-up sets 14 and 19 lost four).
        mexican_ways = _usual_ways(mexican)
        for folded, way in _accented_elsewhere().items():
            if folded in out and out[folded].isascii() and folded not in mexican_ways:
                out[folded] = way
        # The recognizer drops the tilde ("Trevino", "Pena"), and the English lists write some Mexican
        # names without it: in a Spanish call they are the Mexican name.
        for folded, way in mexican_ways.items():
            plain = folded.replace("\u0303", "")  # folded names keep the tilde as a combining mark
            if plain != folded and plain not in mexican_ways:
                out[plain] = way
    return out


def _other_spanish() -> tuple[Any, ...]:
    """Given names and surnames of Faker's other Spanish-speaking lists (Colombia, Chile, Spain):
    Mexican drivers are also called Rigoberto, Saúl, Efraín or Alcántara, which its Mexican lists lack."""
    from faker.providers.person.es_CL import Provider as Chilean
    from faker.providers.person.es_CO import Provider as Colombian
    from faker.providers.person.es_ES import Provider as Spanish

    lists = []
    for provider in (Colombian, Chilean, Spanish):
        for attr in ("first_names_male", "first_names_female", "last_names"):
            lists.append(tuple(vars(provider)[attr]))  # some are weighted (name → weight) dicts
    return tuple(lists)


@lru_cache(maxsize=1)
def _accented_elsewhere() -> dict[str, str]:
    """folded → the accented way Faker's Spanish-language lists (Mexican, Spanish, Colombian) write a
    name more often than the plain one ("Cárdenas"; not the odd "Bétancourt")."""
    from faker.providers.person.es_CO import Provider as Colombian
    from faker.providers.person.es_ES import Provider as Spanish
    from faker.providers.person.es_MX import Provider as Mexican

    out: dict[str, str] = {}
    lists = (Mexican.first_names, Mexican.last_names, Spanish.first_names, Spanish.last_names,
             Colombian.first_names, Colombian.last_names)
    for folded, ways in _ways_written(lists).items():
        (best, n), plain = ways.most_common(1)[0], sum(k for way, k in ways.items() if way.isascii())
        if not best.isascii() and n > plain:
            out[folded] = best
    return out


def _usual_ways(lists: tuple[Any, ...]) -> dict[str, str]:
    """folded → the way the lists write it most often: Faker writes a few names two ways ("Manuel",
    and inside "José Manuél", "Manuél")."""
    return {folded: ways.most_common(1)[0][0] for folded, ways in _ways_written(lists).items()}


def _ways_written(lists: tuple[Any, ...]) -> dict[str, Counter[str]]:
    """folded → how often the lists write each way of it (a slipped accent put right first)."""
    seen: dict[str, Counter[str]] = {}
    for source in lists:
        for name in source:
            for word in map(_spanish_accent, name.split()):
                seen.setdefault(_fold(word), Counter())[word] += 1
    return seen


_PLAIN_VOWEL = str.maketrans("áéíóúÁÉÍÓÚ", "aeiouAEIOU")


def _spanish_accent(word: str) -> str:
    """Faker's slipped accents as Spanish writes the names. A word ending in a consonant other than n
    or s is stressed on its last syllable without an accent ("Manuél", "Rafaél"), unless the accent
    parts two vowels ("Saúl", "Raúl"); nor does a foreign ending carry one three syllables from its
    end ("Bétancourt"); one ending in a vowel, n or s carries none on its next-to-last syllable
    ("Roséndo"); a word of one syllable carries none ("Crúz")."""
    low = word.lower()
    groups = list(_VOWEL_GROUP.finditer(low))
    accented = [i for i, c in enumerate(low) if c in "áéíóú"]
    if not low or not low[-1].isalpha() or len(accented) != 1:
        return word
    at = accented[0]
    hiatus = low[at] in "íú" and any(c in "aeo" for c in low[max(at - 1, 0) : at + 2])
    syllable = next(n for n, g in enumerate(groups) if g.start() <= at < g.end())
    from_end = len(groups) - syllable  # 1: the last syllable
    plain_ending = low[-1] not in "aeiouáéíóúns"
    slipped = len(groups) == 1 and not hiatus
    # (three syllables from the end Spanish always writes it, "Álvarez", "Óliver": only a foreign
    # ending of two consonants says it slipped, "Bétancourt")
    foreign = low[-2:-1] not in "aeiouáéíóú"  # (a one-letter word has no ending to judge)
    slipped |= plain_ending and not hiatus and (from_end == 1 or from_end >= 3 and foreign)
    slipped |= not plain_ending and not hiatus and from_end == 2  # "Roséndo": stressed there unmarked
    if not slipped:
        return word
    return word[:at] + word[at].translate(_PLAIN_VOWEL) + word[at + 1 :]


# A syllable's vowels: a strong vowel with the weak ones beside it; two strong vowels part ("No-é"), and
# so does an accented weak one ("Sa-úl").
_VOWEL_GROUP = re.compile(r"[íú]|[iu]?[aeoáéó][iu]?|[iu]+")


@lru_cache(maxsize=1)
def _by_shape() -> dict[tuple[int, str], list[str]]:
    """(length, word with one letter blanked) → known folded names: one-letter neighbours in O(n)."""
    index: dict[tuple[int, str], list[str]] = {}
    for folded in _names():
        for i in range(len(folded)):
            index.setdefault((len(folded), folded[:i] + "?" + folded[i + 1 :]), []).append(folded)
    return index


@lru_cache(maxsize=1)
def _by_one_dropped() -> dict[str, list[str]]:
    """A known folded name with one letter dropped → the names it comes from."""
    index: dict[str, list[str]] = {}
    for folded in _names():
        for variant in {folded[:i] + folded[i + 1 :] for i in range(len(folded))}:
            index.setdefault(variant, []).append(folded)
    return index


def one_letter_longer(word: str, lang: str = "es") -> str | None:
    """The one known name that is `word` and one letter more at its end, if exactly one (and the word
    is long enough to say so: MIN_MENDED letters); of several, the one the call's own lists know
    ("Hernande": Hernandez in an English call, Hernández in a Spanish one)."""
    folded, lang = _fold(word), "en" if lang.startswith("en") else "es"
    if len(folded) < MIN_MENDED:
        return None
    longer = sorted({n for n in _by_one_dropped().get(folded, ()) if n.startswith(folded)})
    names = _names(lang)
    if len(longer) > 1:
        longer = [n for n in longer if n in _own_names(lang)]
    if len(longer) > 1 and lang == "es":
        # Faker's Mexican lists also write Hernandes, Sanches: the way Spanish writes it (accented) wins
        longer = [n for n in longer if not names[n].isascii()]
    return names[longer[0]] if len(longer) == 1 else None


def known(word: str) -> bool:
    return _fold(word) in _names()


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """The (folded) given names of the lists, Mexican, other Spanish and English."""
    from faker.providers.person.en_US import Provider as English
    from faker.providers.person.es_MX import Provider as Mexican

    spanish = [names for k, names in enumerate(_other_spanish()) if k % 3 != 2]  # (not the last_names)
    lists = (Mexican.first_names, English.first_names, *spanish)
    return frozenset(_ways_written(lists))


def own(word: str, lang: str) -> bool:
    """A name the call's own lists know (Mexican in Spanish, US in English): "Frederick" is known,
    but no Mexican driver's name."""
    return _fold(word) in _own_names("en" if lang.lower().startswith("en") else "es")


def given(word: str) -> bool:
    """A given name the lists know ("Noemí"; not "Ortiz")."""
    return _fold(word) in _given_names()


def mend_word(word: str, lang: str = "es") -> str:
    folded = _fold(word)
    names = _names("en" if lang.startswith("en") else "es")
    if folded in names:
        spanish = None if lang.startswith("en") else _written_the_spanish_way(folded)
        if spanish:
            return spanish
        spelled = names[folded]
        has_accent = any(not c.isascii() for c in word)
        if has_accent and not lang.startswith("en") and _accented_elsewhere().get(folded) != word:
            # an accent Whisper put where the name has none, or another ("Pérea" for Perea, "Saldáña"
            # for Saldaña): in a Spanish call the name as the lists write it (but "Cárdenas", as
            # Spanish mostly writes it, stands)
            return spelled
        return word if has_accent or spelled.isascii() else spelled
    # (the folded ñ keeps its tilde as a combining mark, no letter of its own: "Súñiga" is all letters)
    if len(folded) < MIN_MENDED or not folded.replace("\u0303", "").isalpha() or spelling.is_nato_word(word):
        return word  # a NATO word ("India", "Romeo") is spelling, not a bent name
    glued = _two_names(folded, names)
    if glued and (min(len(w) for w in glued.split()) > 3 or len(_letter_off_in_place(folded)) != 1):
        # ...but a name with a three-letter piece ("Sol Anda") is more likely one name a letter off
        # ("Solanda" for Yolanda), when exactly one is
        return glued
    if not lang.startswith("en"):
        # written as it sounds: "Ariaga" for Arriaga, "Castiyo" for Castillo (a Spanish sound written
        # another way is nearer than any letter off)
        alike = _by_sound().get(sound(word), [])
        if not alike and folded.startswith("h"):
            # the Spanish j written h, as an English speller writes that sound ("Hakeline" for Jaqueline)
            alike = _by_sound().get(sound("j" + folded[1:]), [])
        mexican = [n for n in alike if n in _own_names("es")]
        if len(alike) == 1 or len(mexican) == 1:
            # (of several, the one a Mexican list knows: "Kiros" is Quiroz there, Quirós in Spain)
            return names.get(alike[0] if len(alike) == 1 else mexican[0], word)
        if alike:
            # names that sound the same, written apart ("Ivara": Ibarra, Ybarra): the one nearest in
            # letters, if one is; never a looser match further off ("Vara", a letter dropped)
            return names[nearest] if (nearest := _nearest_in_letters(folded, alike)) else word
    near = _letter_off_in_place(folded)
    if not near:
        # one letter lost or added ("Trujill" for Trujillo, "Espataco" for Espartaco), only when no
        # name is a letter off in place: those are nearer
        dropped = {folded[:i] + folded[i + 1 :] for i in range(len(folded))}
        near = set(_by_one_dropped().get(folded, ())) | (dropped & names.keys())
    if not near and not lang.startswith("en"):
        # a sound off as the line bends it ("Salávia" for Sarabia: the r heard as an l)
        said = sound(word)
        shapes_said = ((len(said), said[:i] + "?" + said[i + 1 :]) for i in range(len(said)))
        near = {n for shape in shapes_said for n in _by_sound_shape().get(shape, ())}
    if len(near) != 1:
        return word  # none, or several equally near: not ours to choose
    return names[near.pop()]


@lru_cache(maxsize=2)
def _own_names(lang: str) -> frozenset[str]:
    """The (folded) names the call's own Faker lists know: the US ones ("en"), the Mexican ones."""
    if lang == "en":
        from faker.providers.person.en_US import Provider
    else:
        from faker.providers.person.es_MX import Provider  # type: ignore[assignment]

    return frozenset(_ways_written((Provider.first_names, Provider.last_names)))


def _written_the_spanish_way(folded: str) -> str | None:
    """In a Spanish call, a name the Mexican lists lack, written the one Mexican way it sounds the
    same: Whisper writes "Sylvia" for a Mexican caller's Silvia (made-up set 11)."""
    if folded in _own_names("es"):
        return None
    alike = [n for n in _by_sound().get(sound(folded), []) if n in _own_names("es")]
    return _names("es")[alike[0]] if len(alike) == 1 else None


def _nearest_in_letters(folded: str, candidates: list[str]) -> str | None:
    from rapidfuzz.distance import Levenshtein

    ranked = sorted((Levenshtein.distance(folded, c), c) for c in candidates)
    return ranked[0][1] if ranked[0][0] < ranked[1][0] else None


def two_names(word: str) -> str | None:
    """Two known names run together ("carmonaduran" → Carmona Durán), when exactly one split makes them."""
    return _two_names(_fold(word), _names())


def written(word: str, lang: str = "es") -> str:
    """A known name as the lexicon writes it in the call's language ("maria" → María; "Maria" in English)."""
    return _names("en" if lang.startswith("en") else "es").get(_fold(word), word.capitalize())


def _letter_off_in_place(folded: str) -> set[str]:
    """The known names (folded) a letter off `folded` in place."""
    shapes = _by_shape()
    blanked = (folded[:i] + "?" + folded[i + 1 :] for i in range(len(folded)))
    return {n for shape in blanked for n in shapes.get((len(folded), shape), ())}


def _two_names(folded: str, names: dict[str, str]) -> str | None:
    """Two known names the recognizer ran together ("Carmonadurán" → Carmona Durán), when exactly
    one split makes them."""
    splits = [(folded[:i], folded[i:]) for i in range(3, len(folded) - 2)]
    found = [f"{names[a]} {names[b]}" for a, b in splits if a in names and b in names]
    return found[0] if len(found) == 1 else None


def mend(name: str, lang: str = "es") -> str:
    """A whole name with each word mended; particles ("de la", "del") are kept as said."""
    return " ".join(_silent_h(w, lang) or (mend_word(w, lang) if len(w) > 3 else w)
                    for w in _split_joined(name.split(), lang))


def _silent_h(word: str, lang: str) -> str | None:
    """A Spanish name heard without its silent h ("Aro" for Haro, "Ilda" for Hilda), when only the
    name with it is known."""
    if lang.startswith("en") or len(word) < 3 or not word.isalpha() or known(word) or not known("h" + word):
        return None
    return _names("es")[_fold("h" + word)]


def _split_joined(words: list[str], lang: str) -> list[str]:
    """One known name the recognizer wrote as two words, the first no name of its own ("Mira Montes"
    for Miramontes) or the second a lone vowel ("Isabel A" for Isabela): joined back."""
    names = _names("en" if lang.startswith("en") else "es")
    out: list[str] = []
    for w in words:
        moved = _vowel_moved(out[-1], w, lang) if out else None
        if moved:
            out[-1], w = moved
            out.append(w)
            continue
        # ...or a name's last vowel written apart as an initial ("Isabel A." for Isabela)
        split_vowel = len(w) == 1 and w.lower() in "aeiou"
        # ...or a surname's start written as a particle ("del Gadillo" for Delgadillo)
        run_in = bool(out) and out[-1].lower() in RUN_IN and len(w) > 2 and not known(w)
        joinable = run_in or bool(out) and (not known(out[-1]) or split_vowel) and len(out[-1]) > 2
        if joinable and _fold(out[-1] + w) in names:
            out[-1] = names[_fold(out[-1] + w)]
        elif out and split_vowel and not lang.startswith("en") and len(out[-1]) > 2 and not known(
                out[-1]) and known(mended := mend_word(out[-1] + w.lower(), lang)):
            # ...also, in Spanish, when joined it is a letter off a known one ("Cambó a" for Gamboa;
            # an English lone letter may be a middle initial)
            out[-1] = mended
        else:
            out.append(w)
    return out


def _vowel_moved(before: str, word: str, lang: str) -> tuple[str, str] | None:
    """A name's last vowel written at the start of the next word ("Isabel Avega", "Isabel Abega" for
    Isabela Vega): the next word is no name, the first with the vowel is one, and the rest of the next
    word is one too (in Spanish, or sounds as exactly one does: "bega")."""
    names = _names("en" if lang.startswith("en") else "es")
    vowel, rest = _fold(word[:1]), _fold(word[1:])
    if len(rest) < 3 or vowel not in "aeiou" or len(before) <= 2 or known(word) or not rest.isalpha():
        return None
    joined = _fold(before + vowel)
    if joined not in names:
        return None
    if rest in names:
        return names[joined], names[rest]
    alike = [] if lang.startswith("en") else _by_sound().get(sound(rest), [])
    return (names[joined], names[alike[0]]) if len(alike) == 1 else None


def any_known(name: str) -> bool:
    """At least one word of the name is a known given name or surname."""
    return any(known(w) for w in name.split() if len(w) > 2)


@lru_cache(maxsize=2)
def _keys(lang: str) -> tuple[str, ...]:
    return tuple(_names(lang))


def near_names(word: str, lang: str = "es", limit: int = 6, cutoff: float = 60) -> list[str]:
    """Known names that look like `word` ("Tami" → Tammy, Tomi…), most alike first, as the lexicon
    writes them: candidates for the hearing to score against the audio. In Spanish, names that sound
    alike count as alike too: Whisper writes a name as it hears it ("Kiros" for Quiroz, "Kessaba"
    for Quezada), and Spanish spells one sound several ways."""
    from rapidfuzz import fuzz, process

    pack = "en" if lang.startswith("en") else "es"
    names = _names(pack)
    score: dict[str, float] = {}
    for key, alike, _i in process.extract(_fold(word), _keys(pack), scorer=fuzz.ratio, limit=limit,
                                          score_cutoff=cutoff):
        score[key] = alike
    if pack == "es":
        sounds = _by_sound()
        # sounds are coarser than spellings: only near ones count ("Xqzw" sounds a little like Casas)
        for key, alike, _i in process.extract(sound(word), tuple(sounds), scorer=fuzz.ratio, limit=limit,
                                              score_cutoff=max(cutoff, SOUND_ALIKE)):
            for folded in sounds[key]:
                score[folded] = max(score.get(folded, 0.0), alike)
    written = dict.fromkeys(names[key] for key in sorted(score, key=lambda k: -score[k]))
    return list(written)[:limit]


def sound(word: str) -> str:
    """How a Spanish name sounds, written one way: Quiroz and Kiros are both "kiros"."""
    return es_mx_words.sounds_as(_fold(word))


@lru_cache(maxsize=1)
def _by_sound() -> dict[str, list[str]]:
    """sound → the known (folded) Spanish-call names that sound so."""
    index: dict[str, list[str]] = {}
    for folded in _names("es"):
        index.setdefault(sound(folded), []).append(folded)
    return index


@lru_cache(maxsize=1)
def _by_sound_shape() -> dict[tuple[int, str], list[str]]:
    """(length, sound with one letter blanked) → the known (folded) Spanish-call names."""
    index: dict[tuple[int, str], list[str]] = {}
    for said, folded in _by_sound().items():
        for i in range(len(said)):
            index.setdefault((len(said), said[:i] + "?" + said[i + 1 :]), []).extend(folded)
    return index


def sound_alikes(name: str, lang: str = "es") -> list[str]:
    """The name with one word written another way it sounds the same in Spanish, a known name too
    ("Pedro Carbajal Saldivar" → "Pedro Carvajal Saldivar"; González → Gonzales, Olivárez → Olivares):
    what a read-back cannot tell apart, nor the recognizer. Surnames first, the last one first; for
    one word, the ways nearest in letters first. None in an English call (the sounds are Spanish)."""
    if lang.startswith("en"):
        return []
    from rapidfuzz.distance import Levenshtein

    names = _names("es")
    words = name.split()
    out: list[str] = []
    for i in reversed(range(len(words))):
        folded = _fold(words[i])
        if len(folded) <= 3:
            continue  # particles ("de", "la") and initials
        alike = [n for n in _by_sound().get(sound(words[i]), []) if n != folded]
        for other in sorted(alike, key=lambda n: (Levenshtein.distance(folded, n), n)):
            out.append(" ".join([*words[:i], names[other], *words[i + 1 :]]))
    return out


def all_known(name: str) -> bool:
    """Every word of the name (particles aside) is a known given name or surname: "Héctor Manuel
    Garza", not "Samuel Tancolzaba"."""
    words = [w for w in name.split() if len(w) > 3]
    return bool(words) and all(known(w) for w in words)


def warm() -> None:
    """Build the lexicon's tables now (~0.5 s: Faker's lists, the sound, shape and dropped-letter
    indexes), so a caller's first name is not the turn that waits for them."""
    for lang in ("es", "en"):
        _keys(lang)
    _by_sound()
    _by_shape()
    _by_one_dropped()
    _by_sound_shape()
    from daisy.understanding import name_sounds  # (it reads the same lists by given name and sex)

    name_sounds.warm()
