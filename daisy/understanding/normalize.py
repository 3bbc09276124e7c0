"""Text clean-up shared by every value parser.

The recognizer hands us mixed case, accents (sometimes missing, sometimes extra), punctuation it
guessed, and words glued together ("Treintaidós", "Letraeme"). Every parser works on the same
lowercase, accent-free (but ñ-keeping) form, so rules are written once.
"""

from __future__ import annotations

import re
import unicodedata

_TENS = "treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa"
_UNITS = "uno|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve"

# Glue produced by the recognizer, rewritten to the words a rule expects.
_GLUE: list[tuple[re.Pattern[str], str]] = [
    # "treintaidos", "treinta i dos", "treintay dos" -> "treinta y dos"
    (re.compile(rf"\b({_TENS}) ?[iy] ?({_UNITS})\b"), r"\1 y \2"),
    (re.compile(rf"\b({_TENS})({_UNITS})\b"), r"\1 y \2"),
    # "dieci seis", "diez y seis" -> "dieciseis"
    (re.compile(r"\b(?:dieci|diez y) (seis|siete|ocho|nueve)\b"), r"dieci\1"),
    (re.compile(r"\bveinti (uno|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)\b"), r"veinti\1"),
    # "letras" is plain "letra"; then damaged and glued forms: "le traen" (letra ene), "litra eme",
    # "letraeme", "letrae" -> "letra en", "letra eme", "letra eme", "letra e"
    (re.compile(r"\bletras\b"), "letra"),
    (re.compile(r"\b(?:le ?|li ?)tra(?=[a-zñ ]|$)"), "letra "),
    # "5pm", "t45": split digits from letters so each rule sees separate tokens
    (re.compile(r"(?<=\d)(?=[a-zñ])|(?<=[a-zñ])(?=\d)"), " "),
]

_SPACES = re.compile(r"\s+")


def strip_accents(text: str) -> str:
    """Remove accents but keep ñ (it is a letter of its own in Spanish)."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            # a tilde on n/N makes ñ/Ñ; every other mark is dropped
            if ch == "\u0303" and out and out[-1] in "nN":
                out[-1] = "ñ" if out[-1] == "n" else "Ñ"
            continue
        out.append(ch)
    return "".join(out)


def _clean_chars(text: str, keep: str) -> str:
    chars: list[str] = []
    for ch in text:
        if ch in "'\u2019" and "'" not in keep:
            continue  # "it's" -> "its", "o'clock" -> "oclock": an apostrophe never splits a word
        if ch.isascii() and ch.isalnum() or ch == "ñ" or ch in keep:
            chars.append(ch)
        else:
            chars.append(" ")
    return "".join(chars)


def normalize(text: str, keep: str = "") -> str:
    """Lowercase, accent-free (ñ kept), punctuation to spaces except the characters in ``keep``.

    ``keep`` lets the email and time parsers see "@", ".", ":" and friends. Recognizer glue is
    split ("treintaidós" -> "treinta y dos", "letraeme" -> "letra eme").
    """
    if not isinstance(text, str):
        return ""
    low = strip_accents(text.lower())
    low = _clean_chars(low, keep)
    low = _SPACES.sub(" ", low).strip()
    for pattern, repl in _GLUE:
        low = pattern.sub(repl, low)
    return _SPACES.sub(" ", low).strip()


def tokens(text: str, keep: str = "") -> list[str]:
    """The normalized words of ``text``."""
    norm = normalize(text, keep)
    return norm.split(" ") if norm else []


def is_english(lang: str) -> bool:
    """True for "en", "en-US" and friends; everything else is treated as Mexican Spanish."""
    return isinstance(lang, str) and lang.lower().startswith("en")
