"""The provider of an address weighed on the audio.

Prompted with the usual providers, Whisper base writes the one it expects most: "arroba outlook punto
com" comes out "arroba hotmail punto com" (58 times on the addresses of made-up sets 15-27, Kokoro's
clean voice too), and a provider it does not catch becomes any word ("at 8.com" for aol, "At nightlum
dot com" for icloud). The word between the at and the ending is put back as each well-known provider
and the readings are scored on the audio without the prompt (forced alignment): a provider heard
gives way only to one that fits clearly better (BETTER); a word that is no provider, to the provider
that fits best if it trails the words heard by no more than NEAR (a company's own domain, said
right, fits better than any provider and stays).
"""

from __future__ import annotations

import re

from daisy.understanding.plausible import PROVIDERS
from daisy.voice.hearing.alignment import TurnAudio, as_a_sentence

BETTER = 2.0  # nats a provider must fit better than the provider heard
NEAR = 2.0  # nats a provider may trail a word heard that is no provider
# how Whisper writes them in a sentence, each scored as written (its case changes the tokens)
_CASED = {"icloud": "iCloud", "aol": "AOL", "msn": "MSN"}
# the first label of each provider's endings ("com" of com.mx): what the ending heard is checked against
_FIRST_LABELS = {p: frozenset(e.split(".")[0] for e in endings) for p, endings in PROVIDERS.items()}
# the at and the ending of an address in words as Whisper writes them: "arroba hotmail punto com", "at
# iCloud dot com", "At 8.com" (one or two words between them: "auto octo", "heart mail"; a stray "?" or
# "," after them: "arroba auto? punto com", Kokoro's outlook, made-up set 27 re-heard). Not an address
# written whole ("ctirado@hotmail.com"): glued so, "@gmail" fits the audio of any provider better (on
# the 36 such answers of made-up sets 22-27, 7 right providers would have become gmail, none mended).
_PROVIDER = re.compile(
    r"\b(?:arroba|at)\s+(?P<label>[\w-]+(?:\s+[\w-]+)?)\s*"
    rf"(?=(?:\.|[,?!]?\s+(?:punto|dot)\s+)(?P<ending>{'|'.join(sorted(set().union(*_FIRST_LABELS.values())))})\b)",
    re.IGNORECASE,
)


def provider_span(text: str) -> re.Match[str] | None:
    """Where the provider is in the words heard (the last at before an ending), if anywhere."""
    found = list(_PROVIDER.finditer(text))
    return found[-1] if found else None


def with_provider(turn: TurnAudio, text: str, found: re.Match[str]) -> str:
    """`text` with the provider of its address (`found` by provider_span) put back as the well-known
    one the audio says, among those with the ending heard."""
    start, end = found.span("label")
    label, ending = found.group("label").lower(), found.group("ending").lower()
    readings = [text[:start] + written + text[end:] for provider in PROVIDERS
                if provider != label and ending in _FIRST_LABELS[provider]
                for written in (provider, _CASED.get(provider, provider.capitalize()))]
    if not readings:
        return text
    fits = turn.fits([as_a_sentence(text), *[as_a_sentence(r) for r in readings]])
    best = max(range(len(readings)), key=lambda k: fits[k + 1])
    margin = -BETTER if label in PROVIDERS else NEAR
    return readings[best] if fits[best + 1] >= fits[0] - margin else text
