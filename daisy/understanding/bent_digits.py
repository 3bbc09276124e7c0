"""An English digit word bent a letter off among spelled symbols ("One Four Four Nero" for "one,
four, four, zero"; "eighty-fix" for "eighty-six"): Whisper writes the nearest word it knows.

Only a word of the same length as exactly one digit word and one letter off it; between two symbols
(digits, digit words, letters, NATO words), or last after a digit when written as a name ("Nero": a
capital mid-answer) or joined to it ("9-pix"). Everyday words that sit beside numbers ("your", "hour",
"right", "night") are never read as digits: the caller may mean them, and the read-back would show a
digit they never said. A tens word heard without its first consonant ("Eventy") is read the same way:
beside a symbol, or hyphen-joined to a digit word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from daisy.understanding.normalize import is_english
from daisy.understanding.numbers import number_vocabulary
from daisy.understanding.packs import en_us_words

# one, two and four have too many everyday neighbours ("owe", "tho", "your", "hour", "pour")
_DIGIT_WORDS = ("zero", "three", "five", "six", "seven", "eight", "nine")
_EVERYDAY = frozenset(
    "right night light might sight tight fight eighth height hive fire fine file mine line nice none "
    "wine sit sir sis sic mix sex sax give dive live".split()
)
_SYMBOL = re.compile(r"^(?:\d+|[A-Z]|[a-z])$")
_NUMBER_NAMES = number_vocabulary("en")


def _a_letter_off(word: str, among: Iterable[str]) -> str | None:
    """The one word of `among` this word is a letter off (same length), if exactly one."""
    near = [d for d in among
            if len(d) == len(word) and sum(a != b for a, b in zip(d, word, strict=True)) == 1]
    return near[0] if len(near) == 1 else None


def _one_off(word: str) -> str | None:
    """The one digit word this word is a letter off, if exactly one; or "seven" heard without its s,
    a letter off "even" maybe ("Papa Nero-04-Aven", "3-4-Evan-Nero": espeak-ng, made-up set 55)."""
    if word == "even" or _a_letter_off(word, ("even",)):
        return "seven"
    return _a_letter_off(word, _DIGIT_WORDS)


# "forty one" heard "For one": at the start of a spelled answer "for" is no connector (no letter before
# it), and before a digit it is the four it sounds like
_LEADING_FOR = re.compile(r"^((?:it'?s|plates are|okay|ok)[,.]?\s+)?for"
                          r"(?=[\s,]+(?:\d|(?:" + "|".join(en_us_words.UNITS) + r")\b))",
                          re.IGNORECASE)


# A tens word heard without its first consonant ("seventy six" → "Eventy-Fix", "Aventy"): what is left
# is no English word, so it is read as the tens word when it sits by a symbol or is joined by Whisper's
# hyphen (it writes "seventy-six" so) to a digit word, bent or not. The longest one may also be a letter off.
_ONSET_LOST = {t[1:]: t for t in en_us_words.TENS if t != "fourty"}


def _onset_lost(word: str) -> str | None:
    """The tens word this word is, said without its first consonant, if any."""
    if word in _ONSET_LOST:
        return _ONSET_LOST[word]
    rest = _a_letter_off(word, (r for r in _ONSET_LOST if len(r) >= 6))
    return _ONSET_LOST[rest] if rest else None


def digit_words_bent(text: str, lang: str, is_symbol_word: Callable[[str], bool]) -> str:
    """Each bent digit word among spelled symbols as the digit word it was. `is_symbol_word(word)`
    says whether a (lowercase) word is a spelled symbol: a NATO word, a letter or digit name."""
    if not is_english(lang):
        return text
    text = _LEADING_FOR.sub(lambda m: f"{m.group(1) or ''}four", text.strip())
    parts = re.split(r"([\s,.;:-]+)", text)
    words = [(k, p) for k, p in enumerate(parts) if p and not re.fullmatch(r"[\s,.;:-]+", p)]

    def symbol(w: str) -> bool:
        return bool(_SYMBOL.match(w)) or w.lower() in _NUMBER_NAMES or is_symbol_word(w.lower())

    def number_like(i: int) -> bool:  # a symbol, or a digit word bent a letter off
        return 0 <= i < len(words) and (symbol(words[i][1]) or _one_off(words[i][1].lower()) is not None)

    tens_at: set[int] = set()  # words read as a tens word said without its first consonant
    for i, (k, w) in enumerate(words):
        tens = _onset_lost(w.lower()) if w.isalpha() else None
        by_a_symbol = (i > 0 and symbol(words[i - 1][1])) or (i + 1 < len(words) and symbol(words[i + 1][1]))
        # (or joined by Whisper's hyphen to a digit word, bent maybe: "Eventy-Fix")
        hyphened = (k > 0 and parts[k - 1] == "-" and number_like(i - 1)) \
            or (k + 1 < len(parts) and parts[k + 1] == "-" and number_like(i + 1))
        # (joined to a next word no digit word is, the number's unit was lost: "Aventy-Big")
        half_lost = k + 1 < len(parts) and parts[k + 1] == "-" and not number_like(i + 1)
        if tens and (by_a_symbol or hyphened) and not half_lost:
            parts[k] = tens
            tens_at.add(i)

    def number_at(i: int) -> bool:
        return i in tens_at or words[i][1].isdigit() or words[i][1].lower() in _NUMBER_NAMES

    def symbol_at(i: int) -> bool:  # (a tens word put back counts as one)
        return 0 <= i < len(words) and (i in tens_at or symbol(words[i][1]))

    for i, (k, w) in enumerate(words):
        low = w.lower()
        if i in tens_at or not w.isalpha() or len(w) < 3 or low in _EVERYDAY or symbol(w):
            continue
        digit = _one_off(low)
        if digit is None:
            continue
        before, after = symbol_at(i - 1), symbol_at(i + 1)
        # (or joined to it: "9-pix", Whisper's hyphen between the two words of one number)
        joined = parts[k - 1] == "-"
        last_after_digit = i + 1 == len(words) and (w[0].isupper() or joined) and i > 0 and number_at(i - 1)
        joined_to_tens = joined and i - 1 in tens_at  # "Eventy-Fix": seventy-six
        if (before and after) or last_after_digit or joined_to_tens:
            parts[k] = digit
    return "".join(parts)


# Whisper's ordinal for a digit said in a spelled plate ("49 Mike Echo Seventh Charlie", "89th
# November", "6th in X-ray"): its number, never letters ("TH") or a tens word a letter off ("seventh"
# is one off "seventy").
_ORDINAL = re.compile(r"\b(?:(\d+)(?:st|nd|rd|th)|(" + "|".join(en_us_words.DIGIT_ORDINALS) + r"))\b",
                      re.IGNORECASE)


def ordinals_as_numbers(text: str) -> str:
    """ "89th" → "89", "Seventh" → "seven" (English, in a plate)."""
    return _ORDINAL.sub(lambda m: m.group(1) or en_us_words.DIGIT_ORDINALS[m.group(2).lower()], text)
