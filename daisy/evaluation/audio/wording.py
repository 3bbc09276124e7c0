"""What a person says aloud, rather than what a recognizer writes down.

The text evaluation plants recognizer output ("Letraeme", "16:45", "juan@gmail.com"); a voice must be
given the words a driver speaks ("eme de Monterrey", "dieciséis cuarenta y cinco", "juan arroba gmail
punto com"). Spelling after a second "no" uses key words in Spanish ("B de Barco") and NATO in English.
"""

from __future__ import annotations

import random
import re
import unicodedata

from daisy.evaluation import speech
from daisy.evaluation.alphabet import ES_KEYS, ES_LETTER_NAMES, NATO

# letter and digit styles a person can say (the others are recognizer damage or written digits)
LETTER_STYLES = {"es": ("letra", "key", "key", "name", "nato"), "en": ("as_in", "nato", "name", "letter")}
DIGIT_STYLES = ("whole", "pairs", "digits")
_SPOKEN_DIGITS = {"numeric": "whole", "glue": "pairs", "mixed": "digits"}
_SYMBOLS = {
    "es": {"@": "arroba", ".": "punto", "_": "guion bajo", "-": "guion"},
    "en": {"@": "at", ".": "dot", "_": "underscore", "-": "dash"},
}
# letter names a recognizer writes but a voice would mispronounce
_ES_SAID_NAMES = {"se": "ce", "ere": "erre", "ache": "hache"}


def letter_style(style: str | None, lang: str, rng: random.Random) -> str:
    if style in LETTER_STYLES[lang]:
        return style
    return rng.choice(LETTER_STYLES[lang])


def digit_style(style: str | None, rng: random.Random) -> str:
    if style in DIGIT_STYLES:
        return style
    return _SPOKEN_DIGITS.get(style or "", "") or rng.choice(DIGIT_STYLES)


def _plain(ch: str) -> str:
    """The letter without its accent ("Á" → "A"); Ñ stays a letter of its own."""
    if ch == "Ñ":
        return ch
    return "".join(c for c in unicodedata.normalize("NFD", ch) if unicodedata.category(c) != "Mn")


def spelled(value: str, lang: str, rng: random.Random) -> str:
    """Symbol by symbol, slowly: "be de Barco, equis de Xochimilco, cuatro" / "Bravo, X-ray, four"."""
    words: list[str] = []
    for ch in (_plain(c) for c in value.upper()):
        if ch == "Ñ":
            words.append("eñe" if lang == "es" else "N")
        elif ch.isdigit():
            words.append(speech.number(int(ch), lang))
        elif ch.isalpha() and lang == "es":
            name = rng.choice(ES_LETTER_NAMES.get(ch, [ch]))
            words.append(f"{_ES_SAID_NAMES.get(name, name)} de {rng.choice(ES_KEYS.get(ch, [ch]))}")
        elif ch.isalpha():
            words.append(NATO.get(ch, ch))
        elif ch in _SYMBOLS[lang]:
            words.append(_SYMBOLS[lang][ch])
    return ", ".join(words)


def spelled_name(name: str, lang: str, rng: random.Random) -> str:
    """The name said, its last surname spelled: "Ramón: i de Iguana, be de Barco, …"."""
    words = name.split()
    if len(words) < 2:
        return spelled(name, lang, rng)
    return f"{' '.join(words[:-1])}: {spelled(words[-1], lang, rng)}"


def spelled_email(email: str, lang: str, rng: random.Random) -> str:
    """The local part spelled, the domain said: "jota de Jorge, ... arroba gmail punto com"."""
    local, _, domain = email.partition("@")
    sym = _SYMBOLS[lang]
    said_domain = f" {sym['.']} ".join(domain.split("."))
    return f"{spelled(local, lang, rng)}, {sym['@']} {said_domain}"


def _digits_said(digits: str, lang: str, rng: random.Random) -> str:
    if len(digits) <= 2 and not (digits.startswith("0") and len(digits) == 2):
        return speech.number(int(digits), lang)
    return speech.digit_string(digits, lang, rng, rng.choice(["pairs", "digits"]))


def _time_said(h: int, m: int, lang: str, rng: random.Random) -> str:
    if lang == "es":
        hour = "cero" if h == 0 else speech.number(h, lang)
        if m == 0:
            return hour
        return f"{hour} {speech.number(m, lang) if m >= 10 else 'cero ' + speech.number(m, lang)}"
    # a bare 24-hour time stays 24-hour ("sixteen forty-five"); "4:45 PM" keeps its PM after it
    hour = "zero" if h == 0 else speech.number(h, lang)
    if m == 0:
        return f"{hour} o'clock"
    return f"{hour} {speech.number(m, lang) if m >= 10 else 'oh ' + speech.number(m, lang)}"


def _email_said(token: str, lang: str, rng: random.Random) -> str:
    sym = _SYMBOLS[lang]
    out: list[str] = []
    for piece in re.findall(r"[A-Za-zÀ-ÿñÑ]+|\d+|[@._-]", token):
        if piece in sym:
            out.append(sym[piece])
        elif piece.isdigit():
            out.append(_digits_said(piece, lang, rng))
        elif len(piece) <= 2:  # "mx", "jr": letters, one by one
            names = [rng.choice(ES_LETTER_NAMES[c.upper()]) if lang == "es" else c.upper() for c in piece]
            out.append(" ".join(_ES_SAID_NAMES.get(n, n) for n in names))
        else:
            out.append(piece.lower())
    return " ".join(out)


_EMAIL = re.compile(r"[\w.+-]*@[\w.-]*\w")
_TIME = re.compile(r"\b(\d{1,2}):(\d{2})\b")
_DIGITS = re.compile(r"\d+")


def speakable(text: str, lang: str, rng: random.Random) -> str:
    """Digits, clock times and written addresses in `text` turned into the words a person says."""
    text = _EMAIL.sub(lambda m: _email_said(m.group(0), lang, rng), text)
    text = _TIME.sub(lambda m: _time_said(int(m.group(1)), int(m.group(2)), lang, rng), text)
    text = _DIGITS.sub(lambda m: _digits_said(m.group(0), lang, rng), text)
    return text
