"""What a caller's words mean for the conversation (yes, no, repeat, a human, call me later…).

Deterministic keyword rules per language over folded text (lowercase, no accents, no punctuation).
Values (numbers, plates, times…) are read by the value parsers; this module only says *what kind
of move* the caller made. Several intents may hold at once ("no, llámame más tarde").
"""

from __future__ import annotations

import re

from daisy.understanding import packs
from daisy.understanding.moves import QUESTIONS, Intent
from daisy.understanding.normalize import normalize

__all__ = ["QUESTIONS", "Intent", "backchannel", "classify", "clear_yes", "fold", "holds_with_reason",
           "only_filler", "only_yes_no", "plain_yes", "without_done"]


def fold(text: str, keep: str = "") -> str:
    """The utterance as the intent patterns read it: normalized like every parser's input (recognizer
    glue split, accents off, ñ kept), keeping apostrophes ("don't"), "@" and `keep`."""
    return normalize(text, keep="'@" + keep)


# "in correct": "incorrect" split in two; its "in" also heard "into" or "en" ("Into, correcto.", "Está en
# correcto.": 35 read-back answers of made-up sets 53-55, each "Incorrecto." or "Está incorrecto.")
_SPLIT_NEGATIVE = re.compile(r"\b(?:in|into|en) (correct\w*)")
FEW_WORDS = 6  # "I want a real person now, please."
_WRONG = re.compile(r"\b(?:incorrect\w*|wrong|mal|equivocad\w*)\b")  # a no-word, not just a "no"


_ENDS_IN_A_YES = re.compile(r"\b(?:yes|yeah|si)$")
_ENDS_IN_A_NO = re.compile(r"\b(?:no|nope)$")
# (an answer that starts with one of these and has a "no" further on, "Sure, no problem.", is a yes)
_STARTS_WITH_A_YES = re.compile(
    r"(?:si|yes|yeah|yep|yup|sure|ok|okay|claro|correcto|exacto|aja|andale|sale)\b")


def classify(text: str, lang: str) -> set[Intent]:
    """Every conversational move the words make, e.g. {NO, CALLBACK} for "no, llámame luego"."""
    # "In correct.", "In correcto.": the recognizer split the negative prefix off
    folded = _SPLIT_NEGATIVE.sub(r"in\1", fold(text))
    if not folded:
        return set()
    pack = packs.get(lang)
    found = {intent for intent, rx in pack.intents.items() if rx.search(folded)}
    if Intent.YES not in found and _weak_yes(folded, pack.weak_yes):
        found.add(Intent.YES)
    if not found & {Intent.YES, Intent.NO}:
        found |= _by_root(folded, lang, text)
    if found & QUESTIONS:
        found.discard(Intent.CALLBACK)  # "¿por qué me llamas?" asks, it doesn't book a call
        # "hold on, are you an AI?", "ajá, ¿y de qué empresa eres?": the question is the move; the
        # interjection before it is neither a request to wait nor a yes to what was read back
        found -= {Intent.WAIT, Intent.YES, Intent.SAME_NUMBER}
        if Intent.ROBOT in found and not pack.asks_for_person.search(folded):
            found.discard(Intent.HUMAN)  # "¿eres persona o máquina?" asks what Daisy is
    # A person is asked for in a few words or with a verb that asks ("Get me a human.", "¿Me
    # pasas con un operador?"); a long answer with "human" in it and neither is a value misheard
    # ("U as in Uniform, seven thousand…" heard "here like young human immune form 10,636").
    if Intent.HUMAN in found and len(folded.split()) > FEW_WORDS and not pack.asks_for_person.search(folded):
        found.discard(Intent.HUMAN)
    # Words that carry a "no" inside another move are not a plain no.
    if Intent.NO in found and found & {Intent.DONT_KNOW, Intent.REPEAT, Intent.BUSY, Intent.REFUSE}:
        plain_no = re.match(r"no (?:no |es |esta |son )", folded) or re.search(r"\bmejor no\b", folded)
        if not plain_no and folded not in ("no",):
            found.discard(Intent.NO)
    # "no está bien" / "no es correcto" / "that ain't right": the yes-words are negated.
    if Intent.NO in found and Intent.YES in found and re.search(r"\b(?:ain'?t|isn'?t|not)\b", folded):
        found.discard(Intent.YES)
    if Intent.NO in found and Intent.YES in found:
        if re.match(
            r"(?:no|nope|nah) (?:es |esta |estan |son |is |it'?s )?"
            r"(?:bien|correct\w*|right|asi|eso)",
            folded,
        ):
            found.discard(Intent.YES)
        elif folded.startswith(("no ", "nope", "nah")):
            # "No. Yes.", "no, sí": a no that ends in a bare yes-word says both; Daisy asks "¿sí o no?"
            found -= {Intent.NO, Intent.YES} if _ENDS_IN_A_YES.search(folded) else {Intent.YES}
        elif _STARTS_WITH_A_YES.match(folded):
            # "Sí, no hay problema" is a yes; "Sí, incorrecto." and "Yes, that's wrong." say both
            # (a no the recognizer began with a yes-word): neither, and Daisy asks "¿sí o no?"
            found -= {Intent.NO, Intent.YES} if _WRONG.search(folded) or _ENDS_IN_A_NO.search(folded) \
                else {Intent.NO}
    if Intent.NO in found and pack.no_then_yes.match(text.strip().lower()):
        found -= {Intent.NO, Intent.YES}  # "No, that's correct.": neither; Daisy asks "¿sí o no?"
    return found


def holds_with_reason(text: str, lang: str) -> bool:
    """A request to wait that says why ("un momento, voy por la tarjeta de circulación")."""
    return Intent.WAIT in classify(text, lang) and bool(packs.get(lang).hold_reason.search(fold(text)))


# rapidfuzz ratio of a short reply to a way of saying "that's all": "son tomas" is 89 from "son todas"
DONE_LOOK_ALIKE = 80
# ...and of its last word to the word a closing ends on: "tomo" is 75 from "todo"
DONE_LAST_LOOK_ALIKE = 75
# A closing runs to six words bent ("y a la más el tolo" for "Nada más, es todo.")
DONE_MOST_WORDS = 6


def sounds_done(text: str, lang: str) -> bool:
    """A short reply that reads like "that's all" bent by the recognizer. Only asked where the
    caller was dictating in pieces and the reply gave no piece, so the worst it does is read back
    what was gathered a turn early."""
    from rapidfuzz import fuzz  # only on a reply nothing else understood

    folded = re.sub(r"[^a-z ]", "", fold(text)).strip()
    if not folded or len(folded.split()) > DONE_MOST_WORDS:
        return False
    pack = packs.get(lang)
    last = folded.split()[-1]
    return any(fuzz.ratio(folded, said) >= DONE_LOOK_ALIKE for said in pack.done_said) \
        or any(fuzz.ratio(last, word) >= DONE_LAST_LOOK_ALIKE for word in pack.done_last)


def only_joining(piece: str, lang: str) -> bool:
    """A "piece" of at most two letters whose names are words that join others ("y", "a"): heard
    before a bent closing, it belongs to the closing."""
    return 0 < len(piece) <= 2 and set(piece) <= packs.get(lang).joining_letters


def without_done(text: str, lang: str) -> str:
    """The words with any "es todo" / "that's all" taken out (folded)."""
    pack = packs.get(lang).intents
    kept = fold(text, keep=".-_")
    # Commas and a final full stop would hide "…, es todo." from the word-bounded patterns; a dot
    # inside ("juan . perez") is part of the address.
    kept = re.sub(r"\.+$", "", re.sub(r"[,;]+", " ", kept)).strip()
    return pack[Intent.DONE].sub(" ", kept).strip()


# A regional yes or no grows from a root word with a rhyme or a tag ("nel pastel", "simón que sí",
# "sale y vale", "nop, nada"): a short answer led by a root, with no value in it, is that root's move.
def _by_root(folded: str, lang: str, text: str) -> set[Intent]:
    words = folded.split()
    pack = packs.get(lang)
    if not 2 <= len(words) <= 4 or pack.not_a_tag.search(" ".join(words[1:])):
        return set()
    if "@" in folded:
        return set()  # "roger.serrano@gmail.com": an address that starts with a root word, no tag
    if any(w[:1].isupper() for w in re.split(r"[\s,;:]+", text.strip())[1:]):
        return set()  # "Simón Quiroga": a capital mid-answer is a name, not a rhyme
    from daisy.understanding.name_lexicon import known
    from daisy.understanding.numbers import is_number_word

    if any(is_number_word(w, lang) or known(w) and w not in pack.courtesy for w in words[1:]):
        return set()  # "nel, cuarenta", "Simón Pérez": a value or a name, not a tag
    return {intent for intent, heads in pack.roots.items() if words[0] in heads}


def only_yes_no(text: str, lang: str) -> bool:
    """The words are a yes or a no and nothing else ("a huevo", "al cien", "roger that"): no value
    is read out of them, whatever field is being asked or read back."""
    folded = fold(text)
    found = classify(text, lang)
    if not found & {Intent.YES, Intent.NO} or found & {Intent.YES, Intent.NO} == {Intent.YES, Intent.NO}:
        return False
    if _by_root(folded, lang, text):
        return True
    pack = packs.get(lang)
    rest = pack.intents[Intent.YES].sub(" ", pack.intents[Intent.NO].sub(" ", folded)).split()
    return all(w in _FILLER or w in pack.weak_yes or w in pack.courtesy for w in rest)


def clear_yes(text: str, lang: str) -> bool:
    """A yes that can confirm a value: a yes intent, no "no", and not one ambiguous word alone."""
    found = classify(text, lang)
    if Intent.YES not in found or Intent.NO in found:
        return False
    words = fold(text).split()
    return not (len(words) == 1 and words[0] in packs.get(lang).ambiguous_alone)


def plain_yes(text: str, lang: str) -> bool:
    """A clear yes with nothing beside it but words that say nothing more ("Yes, those are right.",
    "Sí, son esas.", "Yes, ma'am."), also run together ("Sison, correcto."). A yes with other words
    ("Yeah, good team.", "Yes. Do the white.") may be a misheard no: espeak-ng's "Negative." on the line."""
    if not clear_yes(text, lang):
        return False
    pack = packs.get(lang)
    says_nothing = _FILLER | pack.weak_yes | pack.courtesy | pack.yes_companions
    rest = pack.intents[Intent.YES].sub(" ", fold(text)).replace("'", "").split()
    return all(w in says_nothing or _two_run_together(w, says_nothing) for w in rest)


def _two_run_together(word: str, words: set[str] | frozenset[str]) -> bool:
    return any(word[:i] in words and word[i:] in words for i in range(1, len(word)))


def _weak_yes(folded: str, weak: frozenset[str]) -> bool:
    words = folded.split()
    return 0 < len(words) <= 4 and all(w in weak for w in words) and not all(w in _FILLER for w in words)


def backchannel(text: str, lang: str) -> bool:
    """True when the words only show the caller is listening: "Ajá.", "Mjm.", "Sí, sí.", "Uh-huh."."""
    folded = fold(text)
    return bool(folded) and len(folded.split()) <= 4 and bool(packs.get(lang).backchannel.match(folded))


def only_filler(text: str, lang: str) -> bool:
    """True when the words carry nothing: "eh", "mmm", "este…"."""
    folded = fold(text)
    return not folded or all(w in _FILLER for w in folded.split())


_FILLER = {
    "eh",
    "em",
    "este",
    "mmm",
    "mm",
    "hmm",
    "um",
    "uh",
    "ah",
    "pues",
    "a",
    "o",
    "well",
    "so",
    "bueno",
    "ok",
}


def can_talk_now(text: str, lang: str) -> bool:
    """The caller says they can talk now ("Yes, I can talk.", "Sí, ahorita sí puedo.")."""
    return bool(packs.get(lang).can_talk_now.search(fold(text)))
