"""US English (en-US): the words a caller reads a value with (letter names, number words)."""

from __future__ import annotations

import re

LETTER_NAMES = {
    "a": "A", "ay": "A", "b": "B", "bee": "B", "be": "B", "c": "C", "see": "C", "sea": "C", "cee": "C",
    "d": "D",
    "dee": "D", "e": "E", "f": "F", "ef": "F", "eff": "F", "g": "G", "gee": "G", "h": "H",
    "aitch": "H", "haitch": "H", "i": "I", "eye": "I", "j": "J", "jay": "J", "k": "K", "kay": "K",
    "l": "L", "el": "L", "ell": "L", "m": "M", "em": "M", "n": "N", "en": "N", "o": "O", "oh": "O", "p": "P",
    "pee": "P", "pea": "P", "q": "Q", "cue": "Q", "queue": "Q", "r": "R", "ar": "R", "are": "R",
    "s": "S", "es": "S", "ess": "S", "t": "T", "tee": "T", "tea": "T", "u": "U", "you": "U",
    "v": "V", "vee": "V", "w": "W", "x": "X", "ex": "X", "y": "Y", "why": "Y", "wye": "Y", "z": "Z",
    "zee": "Z", "zed": "Z", "aye": "A", "bea": "B", "cea": "C", "eych": "H", "jey": "J", "kei": "K",
    "emm": "M", "enn": "N", "arr": "R", "ecks": "X", "eks": "X", "dubya": "W", "zea": "Z",
}
AMBIGUOUS_LETTERS = {"a", "i", "o", "be", "see", "sea", "are", "you", "why", "es", "el", "en", "em", "ex",
                     "tea", "pea", "eye", "u", "e"}
KEY_CONNECTORS = {"as", "for", "like", "of", "in"}

# Number words (radio digits: "tree", "fife", "niner" are added by the number reader)
UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}
TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
# Ordinals Whisper writes for a digit said in a spelled plate ("Seventh" for seven); from fourth on:
# "first", "second", "third" are everyday words in a dictation
DIGIT_ORDINALS = {"fourth": "four", "fifth": "five", "sixth": "six", "seventh": "seven", "eighth": "eight",
                  "ninth": "nine"}


# How an English name sounds, written one way, for names spelled apart that a read-back cannot tell
# apart (Dylan, Dillon; Christian, Cristian; Steven, Stephen; Sara, Sarah): the consonants as they
# sound, the first vowel as written, a lone unstressed vowel after it as any other, the last as it ends;
# "cia" as "sha" (Tricia, Trisha) and "aur" as "or" (Laurie, Lori).
_SOUNDS = tuple((re.compile(a), b) for a, b in (
    ("^kn", "n"), ("^wr", "r"), ("ph", "f"), ("chr", "kr"), ("ch", "C"), ("ck", "k"), ("ci(?=a)", "sh"),
    ("au(?=r)", "o"), ("c(?=[eiy])", "s"),
    ("c", "k"), ("q", "k"), ("x", "ks"), ("z", "s"), ("v", "f"), ("(?<=[aeiougkrw])h|h$", ""),
    # (the long ending before a lone y: "Corey" ends as "Cory" does, "ey" being no "e" then an "i")
    ("(?:ie|ee|ey|ea|i)$", "I"), ("(?<=.)y", "i"), (r"([^aeiou])\1", r"\1"), ("i$", "I"),
))


def sounds_as(word: str) -> str:
    """How a lowercase, unaccented English name sounds, written one way: "dylan" and "dillon" are
    both "dilan", "christian" and "cristian" both "kristan"."""
    for pattern, written in _SOUNDS:
        word = pattern.sub(written, word)
    first = re.match(r"[^aeiou]*[aeiou]+", word)
    if first is None:
        return word
    head, rest = word[: first.end()], word[first.end():]
    # every vowel group after the first and before the last letters is the same unstressed sound
    return head + re.sub(r"(?<![aeiou])[aeiou](?=[^aeiouI])", "a", rest)
