"""An address heard on a phone line, set right by the caller's own name.

Drivers' addresses are mostly made of their names ("brenda.whitfield63", "mtorres81",
"rigobertosalinas"), and a name is exactly what a recognizer bends into other words ("Bend the dot
with field 63", "emetores 81", "Rigo verto salí a sono"). When the caller's name is already
confirmed, a local part that sounds like a usual arrangement of it (given.surname, initial+surname,
names run together) is taken as that arrangement. Digits, separators and the domain stay as heard.
Daisy still reads the address back: the caller's yes is what confirms it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from daisy.understanding import name_lexicon, readback
from daisy.understanding.names import PARTICLES
from daisy.understanding.normalize import is_english, strip_accents
from daisy.understanding.packs import en_us_words, es_mx_words

_LOCAL = re.compile(r"^([a-z._-]*?)(\d*)$")
_SEPARATOR = re.compile(r"[._-]")
# Similarity (rapidfuzz ratio, 0–100) a heard local part needs with an arrangement of the name.
# Bent names measured on the audio evaluation score 75–94 with their own name, other drivers'
# names under 45.
NEAR = 74.0
# Nearer than other drivers' names ever come (under 45), but not near enough on its own: bent further
# ("branded dot with old 63" for brenda.whitfield63, 62); the audio must then fit the name as well.
NEAR_IF_HEARD = 58.0
# Heard words that are names of their own ("carlos.medina" for Carlos Mendoza) are someone's real
# address, unless as near the caller's name as a letter off it ("iglesia72" for Ignacio Bravo
# Iglesias, "david" for Howard Davis: 93, 80; made-up set 13).
NEAR_IF_NAMES = 80.0
# Fewer heard parts than the arrangement has (or more) count against it: a heard dot is evidence.
SHAPE_PENALTY = 5.0


@dataclass(frozen=True, slots=True)
class _Arrangement:
    parts: tuple[str, ...]  # ("brenda", "whitfield"), ("m", "torres"), ("silvia", "carmona")

    @property
    def glued(self) -> str:
        return "".join(self.parts)


def _words(name: str) -> list[str]:
    folded = strip_accents(name.lower()).replace("ñ", "n")
    # the name's particles are no part of an address ("Juan Carlos de la Rosa" → juanrosa, jrosa, …)
    return [w for w in re.findall(r"[a-z]+", folded) if w not in PARTICLES and len(w) > 1]


def _arrangements(name: str) -> list[_Arrangement]:
    """The usual ways an address is made of a name, in the name's word order."""
    words = _words(name)
    out: list[_Arrangement] = []
    for i, word in enumerate(words):
        out.append(_Arrangement((word,)))
        for later in words[i + 1:]:
            out += [_Arrangement((word, later)), _Arrangement((word[0], later))]
        if i + 2 < len(words):
            out.append(_Arrangement(tuple(words[i:i + 3])))
    return out


def _letter_name(letter: str, lang: str) -> str:
    """How an initial is said ("m" → "eme", "em"): the recognizer writes the sound."""
    names = en_us_words.LETTER_NAMES if is_english(lang) else es_mx_words.LETTER_NAMES
    return next((k for k, v in names.items() if v == letter.upper() and len(k) > 1), letter)


def _similarity(heard: list[str], arrangement: _Arrangement, lang: str) -> float:
    """0–100. Two heard parts (a separator heard) against two whole names: part by part ("lonnie" +
    "put" against "lonnie" + "pruitt"). Otherwise as one run of sounds, an initial also as its
    letter's name ("emetores" against "eme" + "torres"), less a little when a separator was heard
    where the arrangement has none."""
    parts = arrangement.parts
    if len(heard) == 2 and len(parts) == 2 and len(parts[0]) > 1:
        return (_alike(heard[0], parts[0], lang) + _alike(heard[1], parts[1], lang)) / 2
    said = [arrangement.glued]
    if len(parts[0]) == 1:
        said.append(_letter_name(parts[0], lang) + "".join(parts[1:]))
    shape = SHAPE_PENALTY if len(heard) > 1 and (len(parts) == 1 or len(parts[0]) == 1) else 0.0
    return max(_alike("".join(heard), form, lang) for form in said) - shape


_H_FOR_J = re.compile(r"(?<!c)h")


def _alike(heard: str, name: str, lang: str) -> float:
    """rapidfuzz ratio of a heard word and a name's; in Spanish also of how they sound, the heard one
    also with its h as the j an English speller writes for that sound ("hacke" for Jáquez, "hacelina"
    for Jaqueline)."""
    from rapidfuzz.fuzz import ratio

    by_letters = ratio(heard, name)
    if is_english(lang):
        return by_letters
    said = name_lexicon.sound(name)
    return max(by_letters, ratio(name_lexicon.sound(heard), said),
               ratio(name_lexicon.sound(_H_FOR_J.sub("j", heard)), said))


# Spelled letter by letter, a local part is what the caller said but for a letter or two the recognizer
# bent ("rrenda.whithfield" for brenda.whitfield): never a shortened name ("gilb.cardenas" is real).
SPELLED_EDITS = 2
SPELLED_LENGTH_GAP = 1


def _paired(heard: list[str], arrangement: _Arrangement) -> list[tuple[str, str]]:
    """Each heard part with its part of the arrangement, as many as there are; else the two run together."""
    if len(heard) == len(arrangement.parts):
        return list(zip(heard, arrangement.parts, strict=True))
    return [("".join(heard), arrangement.glued)]


def _spelled_near(heard: list[str], arrangement: _Arrangement) -> bool:
    from rapidfuzz.distance import Levenshtein

    return all(
        abs(len(h) - len(p)) <= SPELLED_LENGTH_GAP and Levenshtein.distance(h, p) <= SPELLED_EDITS
        for h, p in _paired(heard, arrangement)
    )


def toward_name(address: str, name: str, lang: str, spelled: bool = False, near: float = NEAR) -> str | None:
    """`address` with its local part set to the arrangement of `name` it sounds like; None when no
    arrangement is near enough, when it is already one, or when its words are names of their own
    ("carlos.medina" for Carlos Mendoza is someone's real address). `spelled`: the caller spelled
    it, so only a letter or two may differ."""
    local, at, domain = address.partition("@")
    found = _LOCAL.match(local)
    if not at or not found or not name:
        return None
    letters, digits = found.groups()
    heard = [p for p in _SEPARATOR.split(letters) if p]
    if not heard or sum(map(len, heard)) < 3:
        return None
    separators = _SEPARATOR.findall(letters)
    if letters[0] in "._-" and len(heard) == 1 and not spelled:
        return _given_name_lost(heard[0], letters[0], digits, domain, name, lang, near)
    glued = "".join(heard)
    if any(a.glued == glued for a in _arrangements(name)):
        return None  # heard as one of them already ("ccorona" for Concepción Rubio Corona)
    # heard in two parts or more, the address has them all: "randy.me" is not "randy" (May was misheard)
    arrangements = [a for a in _arrangements(name) if len(a.parts) >= len(heard)]
    best = None if spelled or is_english(lang) else _sound_twin(heard, name)
    if best is None:
        # (of arrangements as near, the one nearest in length: "iglesias", not "i" + "iglesias")
        scored = ((_similarity(heard, a, lang), -abs(len(a.glued) - len(glued)), a) for a in arrangements)
        score, _, best = max(scored, key=lambda s: s[:2], default=(0.0, 0, None))
        if best is None or score < near or (spelled and not _spelled_near(heard, best)):
            return None
        if glued == best.glued:
            return None  # the name heard right, with what was around it ("susana_36")
        if all(name_lexicon.known(p) for p in heard) and not _each_a_letter_off(heard, best, lang):
            return None
    # a separator heard between an initial and a surname is kept only when it was spelled ("eme,
    # guion, …"): said as words, "m dash bell" is as often Whisper's hyphen as the caller's
    kept = len(separators) == 1 and len(best.parts) == 2 and (spelled or len(best.parts[0]) > 1)
    joiner = separators[0] if kept else ""
    local_part = joiner.join(best.parts) + digits
    return None if local_part == local else f"{local_part}@{domain}"


def with_initial(address: str, name: str, refused: frozenset[str]) -> str | None:
    """An address heard as one of the name's surnames alone ("hines@gmail.com" for Eric Hines) and said
    no to: the initial of a given name before it is maybe lost ("ehines": Whisper drops a lone letter
    said first). On made-up sets 16-34, 19 addresses so read back were the surname with an initial lost
    (the caller's name confirmed for 12, of which 4 were never heard right)."""
    local, at, domain = address.partition("@")
    found = _LOCAL.match(local)
    if not at or not found or address not in refused:
        return None
    letters, digits = found.groups()
    words = _words(name)
    if letters not in words[1:]:
        return None
    for given in words[: words.index(letters)]:
        offered = f"{given[0]}{letters}{digits}@{domain}"
        if offered not in refused:
            return offered
    return None


def dot_lost(address: str, name: str) -> str | None:
    """An address whose part before the @ is two words of the caller's name run together, maybe with
    digits after them ("kylelane@…" for Kyle Lane), said no to: the same with a dot between the two words.
    A spelled "dot" is the symbol a phone line loses most (a short word heard as a pause: "…, Echo,
    Lima, Alfa, …" for "…, Echo, dot, Lima, Alfa, …"); on made-up sets 53-59, 5 addresses read back so
    were the caller's given.surname with its dot lost, 4 of them never heard right. None otherwise."""
    local, at, domain = address.partition("@")
    found = _LOCAL.match(local)
    if not at or not found or _SEPARATOR.search(local):
        return None
    letters, digits = found.groups()
    # (two whole words of the name, in its order; not an initial and a surname: "mtorres" lost no dot)
    return next((f"{a.parts[0]}.{a.parts[1]}{digits}@{domain}" for a in _arrangements(name)
                 if len(a.parts) == 2 and len(a.parts[0]) > 1 and a.glued == letters), None)


def _given_name_lost(heard: str, separator: str, digits: str, domain: str, name: str, lang: str,
                     near: float) -> str | None:
    """An address starts with no separator: the words before the one heard first were lost ("Con el
    guion bajo mesa 68" for cornelio_mesa68, "And not English" for jon.english). It is the given name
    and the surname heard, when the heard part is near a surname of the name (the first given name
    when several are)."""
    pairs = [a for a in _arrangements(name) if len(a.parts) == 2 and len(a.parts[0]) > 1]
    scored = [(_alike(heard, a.parts[1], lang), a) for a in pairs]
    score, best = max(scored, key=lambda s: s[0], default=(0.0, None))
    if best is None or score < near:
        return None
    return f"{best.parts[0]}{separator}{best.parts[1]}{digits}@{domain}"


def _each_a_letter_off(heard: list[str], arrangement: _Arrangement, lang: str) -> bool:
    """Each heard word is as near its part of the arrangement as a letter off (NEAR_IF_NAMES)."""
    return all(_alike(h, p, lang) >= NEAR_IF_NAMES for h, p in _paired(heard, arrangement))


def _sound_twin(heard: list[str], name: str) -> _Arrangement | None:
    """The arrangement of the name that sounds exactly as the heard words, in Spanish: "quesada" is
    how the recognizer writes Quezada as often as "quezada" (s, z and soft c, b and v, y and ll, a
    silent h are one sound each). Heard as words, the caller's own confirmed spelling is the better
    guess, even where the heard words are names of their own."""
    sounds = [name_lexicon.sound(p) for p in heard]
    for arrangement in _arrangements(name):
        parts = arrangement.parts
        alike = len(parts) == len(heard) and [name_lexicon.sound(p) for p in parts] == sounds
        if alike and len(parts[0]) > 1 and list(parts) != heard:
            return arrangement
    return None


def said(address: str, lang: str) -> str:
    """An address as words, the way a caller says it ("brenda dot whitfield 63 at gmail dot com"): the
    language pack's words for its symbols, the rest as written (digits as the recognizer writes them;
    readback.say_email spells for the ear instead)."""
    symbols = readback.wording(lang).EMAIL_SYMBOLS
    return " ".join("".join(f" {symbols[ch]} " if ch in symbols else ch for ch in address).split())


def _words_of(address: str) -> list[str]:
    """The runs of letters of an address's local part ("laura.short63@…" → laura, short)."""
    return [p for p in re.split(r"[^a-z]+", address.partition("@")[0].lower()) if p]


def name_in_address(address: str, lang: str, least: int = 2) -> list[str]:
    """The caller's names an address is made of ("laura.short@…" → Laura, Short; "toddgreen12@…" →
    Todd, Green), as the lexicon writes them: [] when the local part is not `least` or more known names
    (an initial, a nickname, a word). The other way round from `toward_name`: an address spelled and
    confirmed tells how the caller writes a name the recognizer bent ("Michele", not "Michelle")."""
    parts = _words_of(address)
    if len(parts) == 1:
        glued = name_lexicon.two_names(parts[0])
        parts = glued.lower().split() if glued else parts
    if len(parts) < least or not all(len(p) > 1 and name_lexicon.known(p) for p in parts):
        return []
    return [name_lexicon.written(p, lang) for p in parts]


def initial_and_surname(address: str, lang: str) -> tuple[str, str] | None:
    """An address made of an initial and a known surname ("cmeza@…", "l.richards@…"): the initial and
    the surname as the lexicon writes it; None otherwise."""
    parts = _words_of(address)
    if len(parts) == 2 and len(parts[0]) == 1:
        initial, surname = parts
    elif len(parts) == 1 and len(parts[0]) > 4 and not name_lexicon.known(parts[0]):
        initial, surname = parts[0][0], parts[0][1:]
    else:
        return None
    return (initial, name_lexicon.written(surname, lang)) if name_lexicon.known(surname) else None


# A word of the address a letter off a name, or written as a name sounds, mended only in place: a
# letter more or less is often an initial ("ccorona", "jarchuleta" would lose theirs).
SHORTEST_MENDED = 4


def names_set_right(address: str, heard: str, lang: str) -> str | None:
    """An address whose local part has a word the recognizer bent off a name the lexicon knows
    ("marcosrollan" heard "Marcos rollan junto": Roldán; "altamerano41"), with that word set right;
    None when none is. For an address heard whole before the caller's name is known: the caller's
    yes still confirms it."""
    local, at, domain = address.partition("@")
    mended = local
    for word in re.findall(r"[^\W\d_]+", heard):
        bent = strip_accents(word.lower())
        if len(bent) < SHORTEST_MENDED or bent not in mended or name_lexicon.known(word):
            continue
        name = name_lexicon.mend_word(word.capitalize(), lang)
        right = strip_accents(name.lower()).replace("ñ", "n")  # as _words writes a name in an address
        # (in place, or in Spanish a double letter written single: "guerero" is Guerrero, Whisper's rr)
        doubled = not is_english(lang) and len(right) == len(bent) + 1 and any(
            right[k] == right[k + 1] and right[:k] + right[k + 1 :] == bent for k in range(1, len(right) - 1))
        if right != bent and (len(right) == len(bent) or doubled) and name_lexicon.known(name):
            mended = mended.replace(bent, right, 1)
    return mended + at + domain if mended != local else None
