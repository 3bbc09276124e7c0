"""The words between a spelled letter and its key word, heard as symbols (English).

"C as in Charlie" comes out of Whisper as "C M N Charlie" (the "as in" written as the letters it
sounds like) and "H for House" as "H four house": read as said, they add M, N or a 4 to the value.
Only where the next word starts with the letter before: then it is that letter's key word, and the
words between them are the connector.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from daisy.understanding.normalize import is_english
from daisy.understanding.numbers import number_vocabulary

# a key word is no number word: "Z, four, zero" is three symbols
_KEY = r"(?!(?i:" + "|".join(sorted(number_vocabulary("en"), key=len, reverse=True)) + r")\b)"
_AS_IN = re.compile(r"\b([A-Za-z])[.,]?\s+M[.,]?\s+N[.,]?\s+" + _KEY + r"(?=([A-Za-z])[A-Za-z]{2,})")
# (also "Charlie, a four-ample": the letter A written as the article after a comma, the key word
# joined to the "four" by a dash; espeak-ng, made-up set 54)
_FOR = re.compile(r"(?:\b|(?<=, ))([A-Z]|(?<=, )a)[.,]?\s+(?:four|Four|4)(?:[.,]?\s+|-)" + _KEY
                  + r"(?=([A-Za-z])[A-Za-z]{2,})")
# "C-like, Charlie": a stop Whisper put between the connector and its key word
_STOPPED = re.compile(r"\b([A-Z])[-\s]+(like|for|as in)[.,]\s+" + _KEY + r"(?=([A-Za-z])[A-Za-z]{2,})")


def connectors_heard_as_symbols(text: str, lang: str) -> str:
    """ "C M N Charlie" → "C as in Charlie", "H four house" → "H for house", "C-like, Charlie" → "C
    like Charlie" (English only)."""
    if not is_english(lang):
        return text

    def keyed(connector: str | None) -> Callable[[re.Match[str]], str]:
        def put(m: re.Match[str]) -> str:
            # (B and V sound alike: "B-like, Victor" is the V its key word says)
            pair = {m.group(1).lower(), m.group(m.lastindex or 2).lower()}
            same = len(pair) == 1 or pair == {"b", "v"}
            return f"{m.group(1)} {connector or m.group(2)} " if same else m.group(0)
        return put

    text = _STOPPED.sub(keyed(None), text)
    return _FOR.sub(keyed("for"), _AS_IN.sub(keyed("as in"), text))
