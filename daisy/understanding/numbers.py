"""Numbers as callers say them: words, pairs, digit by digit, digits, or a mix.

A fleet number is a string of digits, and callers say it in groups ("treinta y nueve ochenta y
siete" is 39 then 87 = "3987"). So the core of this module reads the words into *groups*, each a
number said the usual way, and a fleet number is the groups written one after the other.
A group grows while the next word fills a smaller place of the same number ("ciento" + "cincuenta"
+ "y cinco"); a word that cannot fit starts a new group ("catorce" | "ochenta").
text2num's ``alpha2digit`` does the same for running text but leaves small numbers as words and
needs grouping rules anyway, so we keep our own small grammar (deterministic and fast).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from daisy.understanding import readback
from daisy.understanding.normalize import is_english, last_version, normalize, tokens
from daisy.understanding.packs import en_us_words, es_mx_words

# kinds of number words
UNIT, TEEN, TENS, HUNDREDS, HUNDRED_MULT, THOUSAND, ZERO = range(7)

_ES_UNITS = es_mx_words.UNITS
_ES_TEENS = es_mx_words.TEENS
_ES_TENS = es_mx_words.TENS
_ES_HUNDREDS = es_mx_words.HUNDREDS
_EN_UNITS = en_us_words.UNITS
_EN_TEENS = en_us_words.TEENS
_EN_TENS = en_us_words.TENS


def _table(units: dict[str, int], teens: dict[str, int], tens: dict[str, int]) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    out.update({w: (UNIT, v) for w, v in units.items()})
    out.update({w: (TEEN, v) for w, v in teens.items()})
    out.update({w: (TENS, v) for w, v in tens.items()})
    return out


_ES = _table(_ES_UNITS, _ES_TEENS, _ES_TENS)
_ES.update({w: (HUNDREDS, v) for w, v in _ES_HUNDREDS.items()})
_ES.update({"mil": (THOUSAND, 1000), "cero": (ZERO, 0)})
_EN = _table(_EN_UNITS, _EN_TEENS, _EN_TENS)
_EN.update({"hundred": (HUNDRED_MULT, 100), "thousand": (THOUSAND, 1000), "zero": (ZERO, 0),
            "oh": (ZERO, 0), "o": (ZERO, 0), "cero": (ZERO, 0)})
# Radio digits (ICAO) that drivers and dispatchers say so a digit is not misheard: "tree", "fife"
_EN.update({"wun": (UNIT, 1), "tree": (UNIT, 3), "fower": (UNIT, 4), "fife": (UNIT, 5), "niner": (UNIT, 9)})
# Spanish callers sometimes say a digit in English and vice versa is rare; keep tables apart,
# except that "cero" is understood everywhere.

_REPEAT = {"doble": 2, "double": 2, "triple": 3}
_NUMBER_WORDS = {True: frozenset(_EN) | {"double", "triple"}, False: frozenset(_ES) | {"doble", "triple"}}



@dataclass(frozen=True, slots=True)
class Num:
    """One number group found in the words."""

    value: int
    digits: str  # as written: keeps leading zeros of literal digits ("007")
    literal: bool  # True when the recognizer wrote digits rather than words
    start: int  # token span [start, end)
    end: int


def word_table(lang: str) -> dict[str, tuple[int, int]]:
    return _EN if is_english(lang) else _ES


def number_vocabulary(lang: str) -> frozenset[str]:
    """Every word that says (part of) a number in this language, "double"/"doble" included."""
    return _NUMBER_WORDS[is_english(lang)]


def is_number_word(token: str, lang: str) -> bool:
    return token in word_table(lang) or token.isdigit()


class _Group:
    """A number being read: thousands part plus the part below a thousand."""

    def __init__(self, start: int) -> None:
        self.start = start
        self.thousands = 0
        self.has_thousand = False
        self.below = 0
        self.hundreds = False
        self.tens = False  # tens word seen, waiting maybe for a unit
        self.closed_two = False  # units/teens filled: nothing smaller can follow

    @property
    def value(self) -> int:
        return self.thousands + self.below

    def accepts(self, kind: int, value: int) -> bool:
        if kind == ZERO:
            return False
        if kind == UNIT:
            return not self.closed_two and (self.tens or self.hundreds or self.has_thousand)
        if kind in (TEEN, TENS):
            return not self.closed_two and not self.tens and (self.hundreds or self.has_thousand)
        if kind == HUNDREDS:
            return self.has_thousand and self.below == 0
        if kind == HUNDRED_MULT:
            # "nine thousand eight hundred": after a thousand only a single digit takes "hundred"
            limit = 10 if self.has_thousand else 100
            return not self.hundreds and 0 < self.below < limit
        if kind == THOUSAND:
            return not self.has_thousand
        return False

    def add(self, kind: int, value: int) -> None:
        if kind == UNIT:
            self.below += value
            self.closed_two = True
        elif kind == TEEN:
            self.below += value
            self.closed_two = True
        elif kind == TENS:
            self.below += value
            self.tens = True
        elif kind == HUNDREDS:
            self.below += value
            self.hundreds = True
        elif kind == HUNDRED_MULT:
            self.below = (self.below or 1) * 100
            self.hundreds = True
            self.tens = self.closed_two = False
        elif kind == THOUSAND:
            self.thousands = (self.below or 1) * 1000
            self.has_thousand = True
            self.below = 0
            self.hundreds = self.tens = self.closed_two = False

    @property
    def wants_unit_after_y(self) -> bool:
        return self.tens and not self.closed_two

    @property
    def wants_more_after_and(self) -> bool:
        return (self.hundreds or self.has_thousand) and not self.closed_two


_ARTICLES = {"un", "una"}
NEAR_NUMBER_WORD = 85  # rapidfuzz ratio: "cinquenta" → cincuenta (89), "veinticuato" → veinticuatro (96)
_LONG_WORD = 6  # shorter words have too many neighbours ("nube" is no "nueve")


@lru_cache(maxsize=4096)
def _near_number_word(word: str, lang: str) -> str:
    """A long number word the recognizer misspelled ("cinquenta", "veinticuato"), as the word it
    is; any other word as it was."""
    table = word_table(lang)
    if word in table or not word.isalpha():
        return word
    if lang == "es" and "z" in word:
        # a teen written with the z of Portuguese ("quinze", "onze": Kokoro's Spanish, made-up sets
        # 62-70): it sounds as the Spanish word does (seseo); no Spanish word with a z sounds as a
        # number word but "diez" itself
        return _number_word_by_sound().get(es_mx_words.sounds_as(word), word)
    if len(word) < _LONG_WORD:
        return word
    from rapidfuzz import fuzz, process

    # same first letter, about the same length: "cuarentena" stays a word, not 40
    longer = [w for w in table if len(w) >= _LONG_WORD and w[0] == word[0] and abs(len(w) - len(word)) <= 1]
    found = process.extractOne(word, longer, scorer=fuzz.ratio, score_cutoff=NEAR_NUMBER_WORD)
    return found[0] if found else word


@lru_cache(maxsize=1)
def _number_word_by_sound() -> dict[str, str]:
    """How each Spanish number word sounds (es_mx_words.sounds_as) → the word."""
    return {es_mx_words.sounds_as(w): w for w in word_table("es") if w.isalpha()}


@lru_cache(maxsize=1)
def _tens_by_rest() -> dict[str, frozenset[str]]:
    """How each Spanish tens word in -nta sounds after its first letter or two → the tens words."""
    out: dict[str, set[str]] = {}
    for tens in (t for t in _ES_TENS if t.endswith("nta")):
        for rest in (tens[1:], tens[2:]):
            out.setdefault(es_mx_words.sounds_as(rest), set()).add(tens)
    return {rest: frozenset(found) for rest, found in out.items()}


def _tens_of_bent_onset(word: str) -> str | None:
    """A Spanish tens word whose first sounds the line bent ("varenta" for cuarenta, "fecenta" for
    sesenta): the one tens word that sounds as its rest after its first letter or two, if exactly one."""
    if not word.endswith("nta") or len(word) < 6 or not word.isalpha():
        return None
    found = _tens_by_rest().get(es_mx_words.sounds_as(word[1:]), frozenset())
    return next(iter(found)) if len(found) == 1 else None


def _tens_bent_before_a_unit(words: list[str]) -> list[str]:
    """ "varenta y ocho": a word that is no number word, right before "y" and a unit, is the tens word
    whose rest it sounds as (made-up sets 53-59: "varenta y ocho", "fecenta y ocho", each as said). The
    "y <unit>" after it says a number is being said; a word like it anywhere else stays a word."""
    out = list(words)
    for i, w in enumerate(words[:-2]):
        if words[i + 1] == "y" and words[i + 2] in es_mx_words.UNITS and w not in word_table("es"):
            out[i] = _tens_of_bent_onset(w) or w
    return out


def find_numbers(words: list[str], lang: str, article_one: bool = False) -> list[Num]:
    """Every number group in already-normalized words, in order.

    Spanish "un"/"una" are articles ("dame un segundo", "una ge") unless ``article_one`` (times:
    "a la una") or "mil" follows ("un mil").
    """
    table = word_table(lang)
    words = [_near_number_word(w, "en" if is_english(lang) else "es") for w in words]
    english = is_english(lang)
    if not english:
        words = _tens_bent_before_a_unit(words)
    out: list[Num] = []
    group: _Group | None = None
    end = 0

    def close() -> None:
        nonlocal group
        if group is not None:
            out.append(Num(group.value, str(group.value), False, group.start, end))
            group = None

    def hundreds_from(at: int, value: int) -> _Group:
        """A group opened by hundreds Whisper wrote in digits, the rest of the number to follow."""
        opened = _Group(at)
        opened.below = value
        opened.hundreds = True
        return opened

    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        if w.isdigit():
            if group is not None and end == i and _fills(group, w):
                # "doscientos7", "treinta y 5": the recognizer wrote the last place in digits
                group.below += int(w)
                group.closed_two = True
                end = i + 1
                i += 1
                continue
            if group is not None and group.has_thousand and group.below == 0 and len(w) <= 3 \
                    and end == i:
                group.below = int(w)  # "2 mil 358", "dos mil 358": the digits below the thousand
                group.hundreds = group.closed_two = True
                end = i + 1
                i += 1
                continue
            close()
            unit = _unit_after_y(words, i, table) if not english else None
            if unit is not None:  # "80 y uno", "30 y 2": the recognizer wrote the tens in digits
                value = int(w) + unit
                out.append(Num(value, str(value), False, i, i + 3))
                i += 3
                continue
            if re.fullmatch(r"[1-9]", w) and i + 1 < n and words[i + 1] == "100":
                # "7 100 31": Whisper wrote "seven hundred" as the digit and a hundred
                group = hundreds_from(i, int(w) * 100)
                end = i = i + 2
                continue
            step = 2 if i + 2 < n and words[i + 1] == "," else 1  # its comma is no pause of the caller's
            if _ROUND_HUNDREDS.fullmatch(w) and i + step < n and _tens_or_units(words[i + step], table):
                # "300, 46", "300 cuarenta y seis": Whisper wrote "three hundred" apart from the rest
                group = hundreds_from(i, int(w))
                end = i = i + step
                continue
            if i + 1 < n and words[i + 1] in ("mil", "thousand") and len(w) <= 3 and w[0] != "0":
                group = _Group(i)  # "2 mil": digits times a thousand
                group.below = int(w)
                group.closed_two = True
                end = i + 1
                i += 1
                continue
            out.append(Num(int(w[:18]), w, True, i, i + 1))
            i += 1
            continue
        if w in _REPEAT and i + 1 < n and words[i + 1] in table and table[words[i + 1]][0] in (UNIT, ZERO):
            close()
            kind, value = table[words[i + 1]]
            times = _REPEAT[w]
            out.append(Num(value, str(value) * times, False, i, i + 2))
            i += 2
            continue
        # "a hundred", "a thousand"
        if english and w == "a" and i + 1 < n and words[i + 1] in ("hundred", "thousand"):
            close()
            group = _Group(i)
            group.below = 1
            group.closed_two = True
            end = i + 1
            i += 1
            continue
        entry = table.get(w)
        if entry is not None and w in _ARTICLES and not article_one and group is None \
                and not (i + 1 < n and words[i + 1] == "mil"):
            entry = None
        if entry is None:
            nxt = table.get(words[i + 1]) if i + 1 < n else None
            if group is not None and nxt is not None:
                if w == "y" and not english and group.wants_unit_after_y and nxt[0] == UNIT:
                    i += 1
                    continue
                if w == "and" and english and group.wants_more_after_and and nxt[0] in (UNIT, TEEN, TENS):
                    i += 1
                    continue
            if group is not None and w == "y" and not english and group.wants_unit_after_y \
                    and i + 1 < n and len(words[i + 1]) == 1 and words[i + 1].isdigit():
                end = i + 1  # "treinta y 5": the digit fills the unit
                i += 1
                continue
            close()
            i += 1
            continue
        kind, value = entry
        if kind == ZERO:
            close()
            out.append(Num(0, "0", False, i, i + 1))
            i += 1
            continue
        if group is not None and group.accepts(kind, value):
            group.add(kind, value)
        else:
            close()
            group = _Group(i)
            if kind == HUNDRED_MULT:
                group.below = 100
                group.hundreds = True
            else:
                group.add(kind, value)
        end = i + 1
        i += 1
    close()
    return out


_ROUND_HUNDREDS = re.compile(r"[1-9]00")


def _tens_or_units(word: str, table: dict[str, tuple[int, int]]) -> bool:
    """What may follow hundreds in the same number: one or two digits, or a word below a hundred."""
    if word.isdigit():
        return len(word) <= 2 and word[0] != "0"
    entry = table.get(word)
    return entry is not None and entry[0] in (UNIT, TEEN, TENS) and word not in _ARTICLES


def _unit_after_y(words: list[str], i: int, table: dict[str, tuple[int, int]]) -> int | None:
    """The unit of Spanish tens written in digits and said on ("80 y uno" is 81, "180 y dos" 182: only
    tens take "y"), else None."""
    tens, link, unit = (words[i:i + 3] + ["", "", ""])[:3]
    if not re.fullmatch(r"[1-9]?\d?[2-9]0", tens) or link != "y":
        return None
    if re.fullmatch(r"[1-9]", unit):
        return int(unit)
    entry = None if unit in _ARTICLES else table.get(unit)  # "80 y un camión": an article
    return entry[1] if entry is not None and entry[0] == UNIT else None


def _fills(group: _Group, digits: str) -> bool:
    """Digits written right after number words complete the group when they fit its open place:
    a unit after tens ("treinta y 5"), up to two digits after hundreds ("doscientos 45")."""
    if digits[0] == "0" or group.closed_two or group.has_thousand and group.below == 0:
        return False
    if group.tens:
        return len(digits) == 1
    return group.hundreds and len(digits) <= 2


def digits_of(words: list[str], lang: str) -> str:
    """All number groups of the words written one after the other."""
    return "".join(num.digits for num in find_numbers(words, lang))


def spoken_digits(text: str, lang: str) -> str | None:
    """The digit string a caller said, e.g. "veintisiete once" -> "2711"; None when no digits."""
    try:
        got = digits_of(tokens(last_version(text)), lang)
    except Exception:  # never let a parser crash the call
        return None
    return got or None


def spoken_code(text: str, lang: str) -> str | None:
    """A fleet number that may hold letters ("te cuarenta y cinco" -> "T45").

    Letters count only when clearly spelled (see ``spelling.code_symbols``).
    """
    from daisy.understanding.spelling import code_symbols

    try:
        got = code_symbols(text, lang)
    except Exception:
        return None
    if not got or not any(ch.isdigit() for ch in got) and len(got) < 2:
        # a lone letter is not a fleet number; digits alone are fine
        return got if got and got.isdigit() else None
    if got.isdigit():
        return _restated(got, text, lang)
    return got


def _restated(got: str, text: str, lang: str) -> str:
    """ "quinientos doce, la cinco uno dos": a number said again in another form is said once."""
    if len(got) % 2 or len(got) < 4 or got[: len(got) // 2] != got[len(got) // 2:]:
        return got
    # commas stay: "catorce ochenta, uno cuatro" is 14 80 | 1 4, not 14 81 4
    groups = find_numbers(normalize(last_version(text), keep=",").replace(",", " , ").split(), lang)
    if "".join(num.digits for num in groups) != got:
        return got
    half = len(got) // 2
    seen = 0
    for k, num in enumerate(groups):
        seen += len(num.digits)
        if seen == half:
            # the same digits in a different grouping: one number restated ("512" / "5 1 2")
            return got[:half] if k + 1 != len(groups) - k - 1 else got
        if seen > half:
            break
    return got


def number_words(value: int, lang: str) -> str:
    """0..999 as words, for short read-backs (the wording lives in `readback`)."""
    return readback.number_words(value, lang)

def digit_name(digit: str, lang: str) -> str:
    return readback.digit_name(digit, lang)

def say_digits(value: str, lang: str) -> str:
    """Read a fleet number for the ear (the wording lives in `readback`)."""
    return readback.say_digits(value, lang)
