"""An address whose local part is spelled with key words ("jota de Jalisco, u de uva… arroba gmail
punto com") or NATO words ("Juliet, Uniform… at gmail dot com"): the letters are read by the plate
speller, which knows key words, bent letter names and split key words; the separators said between
them ("punto", "guion bajo") and the domain are read as in any address."""

from __future__ import annotations

import re

from daisy.understanding import spelling
from daisy.understanding.intents import fold
from daisy.understanding.normalize import is_english
from daisy.understanding.packs import en_us_wording
from daisy.understanding.plausible import PROVIDERS, provider_as_said

_AT_WORD = re.compile(r"(?:^| )(?:arroba|at)(?= |$)|@")
# "…, Sierra, 27, Gmail.com": the "at" lost before a well-known provider
# (its "dot" heard as the line bends it: "Outlook, NOT, COM.")
_PROVIDER = re.compile(
    rf"(?:^| )(?:{'|'.join(PROVIDERS)})(?= ?(?:\.|punto |dot |not |knot |nod )? ?(?:com|mx|net|org|es)\b)"
)
_WORD_BEFORE_COM = re.compile(r"(?<= )[a-z]+(?= (?:dot |not |knot |nod )?com$)")
# ...and "at gmail" heard "e-mail" ("…, Kilo, Sierra, e-mail.com", "…, Echo, November, e-mail.com": twice
# on made-up sets 13-39, each after a spelled local part with no "at" anywhere)
_AT_GMAIL_HEARD = re.compile(r" e ?mail(?= (?:dot )?com$)")
# ...and the "at" before it heard as a word of the same sound ("…, Alpha, NOT, Outlook")
_AT_HEARD = {"not", "knot", "nod", "add", "and", "had", "it", "that", "a"}
_LOCAL_SEPARATORS = re.compile(r"(?:^| )(guion bajo|underscore|punto|dot|guion|dash|hyphen)(?= |$)")
_SEPARATOR_SYMBOL = {"guion bajo": "_", "underscore": "_", "punto": ".", "dot": ".", "guion": "-",
                     "dash": "-", "hyphen": "-"}
SPELLING_CUES = 2  # letters said with a key word or as NATO words that make an answer spelled


def address(text: str, lang: str) -> str | None:
    """The address, or the piece of one, when its local part is spelled letter by letter with key
    words or NATO words; None when it is not spelled so (the address reader's own job)."""
    from daisy.understanding.emails import read_email

    folded = fold(_domain_unglued(_nato_dot_glued(text), lang))
    at = _AT_WORD.search(folded) or _PROVIDER.search(folded)
    if at is None:
        # ...also a provider written as it sounds, its "at" lost ("…, Yankee, VOL.com": AOL)
        folded = _WORD_BEFORE_COM.sub(lambda m: provider_as_said(m.group(0)) or m.group(0), folded)
        folded = _AT_GMAIL_HEARD.sub(" at gmail", folded) if is_english(lang) else folded
        at = _AT_WORD.search(folded) or _PROVIDER.search(folded)
    local_text = folded[: at.start()] if at else folded
    if at is not None and not _AT_WORD.match(folded, at.start()):
        *before, last = local_text.split() or [""]
        # (after a NATO word, or the digits that end the local part: "…, Sierra, 29, A Gmail.com")
        if last in _AT_HEARD and before and (spelling.is_nato_word(before[-1]) or before[-1].isdigit()):
            local_text = " ".join(before)
    if len(spelling.key_word_cues(local_text, lang)) < SPELLING_CUES:
        return None
    if is_english(lang):
        local_text = _dot_between_nato_words(_provider_among_nato_words(local_text))
    parts = _LOCAL_SEPARATORS.split(local_text)
    local = ""
    for i, part in enumerate(parts):
        if i % 2:
            local += _SEPARATOR_SYMBOL[part]
            continue
        symbols = spelling.spell(part, lang) if part.strip() else ""
        if part.strip() and not symbols:
            return None
        local += symbols.lower()
    if at is None:
        return local
    rest = folded[at.start():]
    if not _AT_WORD.match(rest):
        rest = "@ " + re.sub(r"^ ?(\w+) (?:not|knot|nod) ", r"\1 dot ", rest.strip())
    domain = read_email(rest, lang)
    return local + (domain if domain.startswith("@") else "")


# What Whisper writes for a "dot" said between NATO words: "D." (the letter itself is said "Delta"
# there), or a word of its sound ("Echo, NOT, Papa").
_DOT_HEARD = {"d", "not", "knot", "nod"}


def _provider_among_nato_words(folded: str) -> str:
    """ "Lima, NOT, gmail, Alpha": a NATO word the recognizer wrote as a provider it was prompted with
    (Golf heard "gmail"), in the spelled local part, is the NATO word of its first letter."""
    words = folded.split()
    for i in range(1, len(words) - 1):
        before = words[i - 1] if words[i - 1] not in _DOT_HEARD | {"dot"} or i < 2 else words[i - 2]
        if words[i] in PROVIDERS and spelling.is_nato_word(before) and spelling.is_nato_word(words[i + 1]):
            words[i] = en_us_wording.KEY_WORDS[words[i][0].upper()].lower()  # the NATO word of its letter
    return " ".join(words)


_GLUED_DOT = re.compile(r"\b([A-Za-z-]+)\.([A-Za-z-]+)\b")


def _nato_dot_glued(text: str) -> str:
    """ "Yankee.Mike": a dot Whisper wrote glued between two NATO words is the "dot" said there (a full
    stop has a space after it); folding the text would lose it."""
    def said(m: re.Match[str]) -> str:
        both = spelling.is_nato_word(m.group(1).lower()) and spelling.is_nato_word(m.group(2).lower())
        return f"{m.group(1)} dot {m.group(2)}" if both else m.group(0)

    return _GLUED_DOT.sub(said, text)


# "…, 2, 8, Arrobajemael.co": the "arroba" run into the provider, and the dot before the ending that
# folding would lose (Kokoro's "…, arroba gmail punto com", made-up set 85)
_AT_RUN_IN = re.compile(r"(?i)\b(arroba)(?=[a-z]{3,})")
_DOT_BEFORE_ENDING = re.compile(r"(?i)(?<=[a-z])\.(?=(?:com?|mx|net|org|es)\b)")


def _domain_unglued(text: str, lang: str) -> str:
    dot = " dot " if is_english(lang) else " punto "
    return _DOT_BEFORE_ENDING.sub(dot, _AT_RUN_IN.sub(r"\1 ", text))


def _dot_between_nato_words(folded: str) -> str:
    """ "kilo d lima", "echo not papa": between NATO words a "dot" written as something else."""
    words = folded.split()
    for i in range(1, len(words) - 1):
        if words[i] in _DOT_HEARD and spelling.is_nato_word(words[i - 1]) \
                and spelling.is_nato_word(words[i + 1]):
            words[i] = "dot"
    return " ".join(words)
