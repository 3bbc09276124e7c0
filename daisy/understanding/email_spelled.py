"""An address whose local part is spelled with key words ("ese de Sol, i de Iguana, …, arroba gmail
punto com") or NATO words: the letters are read by the plate speller, which knows key words, bent
letter names and split key words; the separators said between them ("punto", "guion bajo") and the
domain are read as in any address."""

from __future__ import annotations

import re

from daisy.understanding import spelling
from daisy.understanding.normalize import is_english
from daisy.understanding.plausible import PROVIDERS

_AT = re.compile(r"(?i)\barroba\b|@|\bat\b(?! (?:all|least|once|the)\b)")
_KEY_ES = re.compile(r"(?i)\b\w+ (?:de|como) \w+")
_KEY_EN = re.compile(r"(?i)\b\w+ (?:as in|like|for) \w+")
_SEPARATOR = re.compile(r"(?i)\b(guion bajo|guion abajo|underscore|guion|dash|hyphen|punto|dot)\b")
_SYMBOL = {"guion bajo": "_", "guion abajo": "_", "underscore": "_", "guion": "-", "dash": "-",
           "hyphen": "-", "punto": ".", "dot": "."}
_PROVIDER = re.compile(rf"(?i)\b(?:{'|'.join(PROVIDERS)})\s*(?:\.|\bpunto\b|\bdot\b)")
KEYED_LETTERS = 3  # key words it takes to call an answer spelled with them


def local_part(text: str, lang: str) -> tuple[str, str] | None:
    """(the spelled local part, lowercase; the text from the "@" on), when the words before the "@"
    spell at least KEYED_LETTERS letters with key words or NATO words; else None."""
    at = _AT.search(text) or _PROVIDER.search(text)  # "…, Sierra, 27, Gmail.com": the "at" lost
    before = text[: at.start()] if at else text
    keyed = len((_KEY_EN if is_english(lang) else _KEY_ES).findall(before))
    keyed += sum(map(spelling.is_nato_word, re.findall(r"[^\W\d_]+", before)))  # "Alfa, November, …"
    if keyed < KEYED_LETTERS:
        return None
    pieces = _SEPARATOR.split(before)
    out: list[str] = []
    for k, piece in enumerate(pieces):
        if k % 2:
            out.append(_SYMBOL[piece.lower()])
        else:
            out.append(spelling.spell(piece, lang).lower())
    local = "".join(out).strip("._-")
    if not local:
        return None
    if at is None:
        return local, ""
    return local, text[at.start():] if _AT.match(text, at.start()) else "@" + text[at.start():]
