"""Mexican Spanish (es-MX): the words a caller reads a value with (letter names, number words).

Damaged and mangled forms the recognizer writes are listed with the names they stand for.
"""

from __future__ import annotations

import re

# Spanish letter names (and the recognizer's spellings of them)
LETTER_NAMES = {
    "a": "A", "be": "B", "ce": "C", "se": "C", "de": "D", "e": "E", "efe": "F", "ge": "G", "je": "G",
    "hache": "H", "ache": "H", "i": "I", "jota": "J", "ka": "K", "ca": "K", "ele": "L", "eme": "M",
    "ene": "N", "enie": "N", "eñe": "N", "o": "O", "pe": "P", "cu": "Q", "ku": "Q", "erre": "R",
    "ere": "R", "aere": "R", "ese": "S", "ece": "S", "te": "T", "u": "U", "ve": "V", "uve": "V", "equis": "X",
    "ekis": "X", "ex": "X", "equiz": "X", "ekiz": "X", "eckis": "X", "equix": "X", "ekix": "X", "ye": "Y",
    "zeta": "Z", "seta": "Z", "ceta": "Z", "zeda": "Z", "ceda": "Z", "zetta": "Z", "hota": "J",
    "sota": "J", "zota": "J", "jot": "J", "kah": "K", "cuh": "Q", "qu": "Q", "enye": "N", "elle": "L",
    "uvee": "V", "ube": "V", "dobleu": "W", "doblev": "W", "dobleve": "W",
    "ygriega": "Y", "igriega": "Y",
    "em": "M",  # "eme" cut short: no Spanish word
    "lle": "Y",  # "ye" as Whisper may write it (ll and y sound alike in Mexico)
}
# Letter names that are also everyday words: in a fleet number they count only next to digits.
AMBIGUOUS_LETTERS = {"a", "de", "e", "i", "o", "u", "y", "se", "te", "ve", "ca", "je", "ese", "ye"}
# Words between a letter and its key word ("B de Burro"; "ve"/"be"/"re" are a damaged "de")
KEY_CONNECTORS = {"de", "ve", "be", "re", "del", "como"}

# Number words
UNITS = {
    "uno": 1, "un": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9,
}
TEENS = {
    "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
    "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19,
    "veintiuno": 21, "veintiun": 21, "veintiuna": 21, "veintidos": 22, "veintitres": 23,
    "veinticuatro": 24, "veinticinco": 25, "veintiseis": 26, "veintisiete": 27,
    "veintiocho": 28, "veintinueve": 29,
}
TENS = {
    "veinte": 20, "veinti": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60,
    "setenta": 70, "ochenta": 80, "noventa": 90,
}
HUNDREDS = {
    "cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300,
    "trescientas": 300, "cuatrocientos": 400, "cuatrocientas": 400, "quinientos": 500,
    "quinientas": 500, "seiscientos": 600, "seiscientas": 600, "setecientos": 700,
    "setecientas": 700, "ochocientos": 800, "ochocientas": 800, "novecientos": 900,
    "novecientas": 900,
}


# Spanish spelling → sound: the letters that spell one sound several ways written one way.
_SOUNDS = tuple((re.compile(a), b) for a, b in (
    ("n\u0303|ñ", "ny"), ("ch", "C"), ("ll", "y"), ("qu", "k"), ("g(?=[ei])", "j"), ("gu(?=[ei])", "g"),
    ("c(?=[ei])", "s"), ("c", "k"), ("z", "s"), ("x", "ks"), ("v", "b"), ("w", "u"), ("h", ""),
    ("y(?![aeiou])", "i"), (r"(.)\1", r"\1"), ("C", "ch"),
))


def sounds_as(word: str) -> str:
    """How a lowercase, unaccented Spanish word sounds, written one way: "quiroz" and "kiros" are
    both "kiros", "cierra" and "sierra" both "siera"."""
    for pattern, written in _SOUNDS:
        word = pattern.sub(written, word)
    return word
