"""Language packs: the words of each language, behind one interface.

A pack says which words make each move (yes, no, wait, a question about Daisy…), which short words
confirm only with others, how a regional yes or no is built, and how Daisy reads a value back.
Per language: `<lang>.py` (the words of each move), `<lang>_words.py` (letter names and number
words a value is read with) and `<lang>_wording.py` (how Daisy reads a value back). To add a
language, write those three modules beside these and register the pack here and in `readback`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import ModuleType

from daisy.understanding.moves import Intent
from daisy.understanding.packs import en_us, es_mx


@dataclass(frozen=True)
class LanguagePack:
    code: str
    intents: Mapping[Intent, re.Pattern[str]]
    weak_yes: frozenset[str]
    ambiguous_alone: frozenset[str]
    roots: Mapping[Intent, frozenset[str]]
    not_a_tag: re.Pattern[str]
    courtesy: frozenset[str]
    yes_companions: frozenset[str]
    asks_for_person: re.Pattern[str]
    hold_reason: re.Pattern[str]
    no_then_yes: re.Pattern[str]
    backchannel: re.Pattern[str]
    done_said: tuple[str, ...]
    done_last: tuple[str, ...]
    can_talk_now: re.Pattern[str]
    joining_letters: frozenset[str]


def _pack(code: str, module: ModuleType) -> LanguagePack:
    return LanguagePack(
        code=code,
        intents=module.INTENTS,
        weak_yes=module.WEAK_YES,
        ambiguous_alone=module.AMBIGUOUS_ALONE,
        roots=module.ROOTS,
        not_a_tag=module.NOT_A_TAG,
        courtesy=module.COURTESY,
        yes_companions=module.YES_COMPANIONS,
        asks_for_person=module.ASKS_FOR_PERSON,
        hold_reason=module.HOLD_REASON,
        no_then_yes=module.NO_THEN_YES,
        backchannel=module.BACKCHANNEL,
        done_said=module.DONE_SAID,
        done_last=module.DONE_LAST,
        can_talk_now=module.CAN_TALK_NOW,
        joining_letters=module.JOINING_LETTERS,
    )


PACKS = {"es-MX": _pack("es-MX", es_mx), "en-US": _pack("en-US", en_us)}


def get(lang: str) -> LanguagePack:
    """The pack of a language code ("es", "es-MX", "en", "en-US"); Mexican Spanish by default."""
    if lang in PACKS:
        return PACKS[lang]
    head = (lang or "").lower()[:2]
    return next((p for code, p in PACKS.items() if code.lower().startswith(head)), PACKS["es-MX"])
