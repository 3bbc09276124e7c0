"""How Daisy reads a value back: the wording, apart from the reading of the value.

The canonical value (a plate "RT4522", a time "17:45", an address) is said for the ear in the
call's language: letters with their key word ("R de Ramón"), digits one by one, a time with its part
of the day, an address in words. The words come from the language pack's wording module.
"""

from __future__ import annotations

import re
from types import ModuleType

from daisy.understanding.packs import en_us_wording, es_mx_wording

_WORDING = {"es-MX": es_mx_wording, "en-US": en_us_wording}


def wording(lang: str) -> ModuleType:
    """The wording module of a language code; Mexican Spanish by default."""
    if lang in _WORDING:
        return _WORDING[lang]
    return en_us_wording if isinstance(lang, str) and lang.lower().startswith("en") else es_mx_wording


def spoken(kind: str, value: str, lang: str) -> str:
    """A value as Daisy reads it back."""
    if kind == "plate":
        return say_symbols(value, lang)
    if kind == "number":
        return say_digits(value, lang)
    if kind == "time":
        return say_time(value, lang)
    if kind == "email":
        return say_email(value, lang)
    return value


def number_words(value: int, lang: str) -> str:
    """0..999 as words, for short read-backs ("cuarenta y tres", "forty-three")."""
    return str(wording(lang).number(value))


def digit_name(digit: str, lang: str) -> str:
    return str(wording(lang).DIGITS[int(digit)])


def say_symbols(value: str, lang: str) -> str:
    """A plate for the ear: "T de Tigre, Z de Zapato, cuatro, cero" / "T as in Tango, four"."""
    words = wording(lang)
    parts: list[str] = []
    for ch in (value or "").upper():
        if ch.isascii() and ch.isdigit():
            parts.append(digit_name(ch, lang))
        elif ch in words.KEY_WORDS:
            parts.append(words.KEYED.format(letter=ch, key=words.KEY_WORDS[ch]))
    return ", ".join(parts)


def say_digits(value: str, lang: str) -> str:
    """A fleet number digit by digit ("seis, uno, dos, cero"); one or two digits (no leading zero) as
    a number; letters with their key word, as for plates."""
    value = "".join(ch for ch in (value or "").upper() if ch.isascii() and ch.isalnum())
    if value.isdigit() and len(value) <= 2 and not (len(value) == 2 and value[0] == "0"):
        return number_words(int(value), lang)
    return say_symbols(value, lang)


def say_time(hhmm: str, lang: str) -> str:
    """ "HH:MM" said naturally and unambiguously: "las cuatro cuarenta y cinco de la tarde", "4:45 PM"."""
    try:
        h, m = (int(x) for x in hhmm.split(":"))
    except (ValueError, AttributeError):
        return str(hhmm)
    return str(wording(lang).time(h, m))


_RUNS = re.compile(r"[a-zñ]+|\d+|.")


def say_email(address: str, lang: str) -> str:
    """An address in words: words said as words, anything unpronounceable spelled, digits one by one.

    "juan.perez@gmail.com" -> "juan punto perez arroba gmail punto com".
    """
    from daisy.understanding.emails import sayable

    words = wording(lang)
    parts: list[str] = []
    for run in _RUNS.findall((address or "").lower()):
        if run.isdigit():
            parts.extend(digit_name(d, lang) for d in run if d.isascii())
        elif run in words.EMAIL_SYMBOLS:
            parts.append(words.EMAIL_SYMBOLS[run])
        elif run.isalpha():
            # "jsmith" -> "J, smith": initials spelled, the rest said as a word when it can be
            cut = next((k for k in range(0, min(3, len(run) - 2)) if sayable(run[k:])), None)
            if cut is None:
                cut = len(run)
            parts.extend(words.LETTER_NAMES.get(ch, ch) for ch in run[:cut])
            if cut < len(run):
                parts.append(run[cut:])
        elif run.strip():
            parts.append(run)
    return " ".join(parts)
