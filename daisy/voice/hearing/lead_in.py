"""A lead-in to a name ("soy", "claro", "mi nombre es") bent into a word no name list knows, weighed
on the audio.

On a phone line Whisper base bends the words a driver puts before a name: "Toi Salvador Lucía Saldaña"
for "soy Salvador…", "Guarro Benjamín Leyva Botello" for "claro, Benjamín…", "Liso Elsa Nieves" for
"sí, soy Elsa…". The bent word then reads as a first given name. When a name's first word is one no
list knows and a given name the lists know follows it, the everyday lead-ins are scored in its place;
the best one takes it when it trails the word heard by no more than NEAR nats.

Measured on the Spanish name answers of made-up sets 13–17 (Kokoro and espeak-ng, clean and noisy):
of 9 such answers, the 7 bent lead-ins trailed by at most 5.3 nats (two fitted better than what was
heard); the two bent given names ("Sofe" for José, "Mori" for Mónica) trailed by 11.2 and 13.3.
"""

from __future__ import annotations

from daisy.understanding import name_lexicon, names
from daisy.voice.hearing.alignment import TurnAudio

NEAR = 6.0  # nats a lead-in may trail the word heard in its place
_LEADS = {
    "es": ("Soy", "Sí, soy", "Claro,", "Claro, soy", "Mi nombre es", "Me llamo", "Este,", "Sí,"),
    "en": ("It's", "Sure,", "Sure, it's", "This is", "My name is", "Yeah,", "I'm", "Yes,"),
}
_PUNCTUATION = ",.;:!?"


def bent_lead(text: str, lang: str) -> int | None:
    """Where in the heard words a first name word no list knows stands, before a given name the lists
    know and one name word more; None when the name starts otherwise."""
    name = names.read_name(text, lang)
    words = name.split() if name else []
    if len(words) < 3 or name_lexicon.known(words[0]) or name_lexicon.given(words[0]) \
            or not name_lexicon.given(words[1]):
        return None
    heard = [w.strip(_PUNCTUATION).lower() for w in text.split()]
    return heard.index(words[0].lower()) if words[0].lower() in heard else None


def with_lead_in(turn: TurnAudio, text: str, lang: str) -> str:
    """`text` with its bent lead-in put back, when an everyday lead-in fits the audio nearly as well
    as the word heard (module note above)."""
    at = bent_lead(text, lang)
    if at is None:
        return text
    words = text.split()
    readings = [" ".join([*words[:at], lead, *words[at + 1 :]]) for lead in _LEADS[lang]]
    return turn.best_reading(text, readings, NEAR)
