"""A closing heard as a piece, weighed against the audio.

Asked "What's next?" with pieces of a plate or an address held, a driver who is done says so in two
or three words, and Whisper base, prompted with letter names, writes some voices' "That's it." as
"F", "A fit.", "message" or "F C D", and "Eso es todo." as "seis o seis": a letter or digits the core
adds to the value, and the read-back that follows is wrong. Forced alignment asks the audio directly
whether the usual closings (vocabulary.closings) fit it: one that fits well in itself (CLOSING_FLOOR)
and about as well as the words heard (CLOSING_NEAR) is what was said.

Only short answers are weighed (a closing takes under LONGEST seconds with its pauses): on a long one
a short phrase fits better than the long words heard by its length alone.
"""

from __future__ import annotations

from daisy.understanding.intents import Intent, classify, sounds_done
from daisy.voice import vocabulary
from daisy.voice.hearing.alignment import TurnAudio, as_a_sentence

LONGEST = 2.6  # seconds of audio, silence around the words included
# Nats: the closing's own fit on the audio, per language (Spanish closings run a token or two longer).
# On the answers to "¿qué sigue?" of made-up sets 8–10 of 3 s or less, re-heard (163; 47
# closings): closings fit at -2.3 to -11.7, pieces at -6.9 and below in English (a yes) and -10.0 in
# Spanish (a no), most of them below -12.
CLOSING_FLOOR = {"en": -9.0, "es": -10.5}
CLOSING_NEAR = 4.0  # nats by which it may trail the words heard


def heard_as_closing(text: str, lang: str) -> bool:
    """The words heard already close the value (the core reads them so)."""
    return Intent.DONE in classify(text, lang) or sounds_done(text, lang)


def weigh_closing(turn: TurnAudio, text: str, lang: str) -> str | None:
    """The closing a short answer heard as a piece was, when the audio says so; else None."""
    phrases = vocabulary.closings(lang)
    fits = turn.fits([*phrases, as_a_sentence(text)])
    best = max(range(len(phrases)), key=lambda k: fits[k])
    floor = CLOSING_FLOOR["es" if lang.startswith("es") else "en"]
    if fits[best] >= floor and fits[best] >= fits[-1] - CLOSING_NEAR:
        return phrases[best]
    return None
