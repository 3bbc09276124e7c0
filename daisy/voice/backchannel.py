"""A caller who says "ajá" over Daisy's read-back is listening, not answering (issue 12).

The framework pauses Daisy's audio as soon as the caller speaks over her (LiveKit's false-interruption
handling); the caller's words then either interrupt her (a final transcript) or, when none comes, she
resumes where she paused. The agent keeps from the framework the final transcript of a backchannel
said while a long stretch of her sentence is still to come, so she resumes; the same words over the
end of her sentence — the "¿es correcto?" — are the caller's answer and go to the core. Where she was
when the caller began a stretch decides, not when its transcript came: on a slow machine Whisper's
words for a "sí, sí, sí" said early in the greeting arrive over its closing question.

Where she is in her sentence is known from the framework's own events: the seconds of audio the TTS
made for it, and the time spent in the "speaking" state (a pause leaves it).

The recognizer hears each stretch for the answer Daisy asked for, and a decoder primed for a name
writes a backchannel as one ("Ajá, sí." → "Ajá C C"); a short stretch that is not one as heard is
heard once more as a yes or no would be, and counts if it then reads as a backchannel (not as any
yes: primed for one, the decoder writes "Yes." for a "Hey."). Measured on synthesized stretches
(10 voices per language, clean and with cab noise, heard as a name and as a plate): Spanish
backchannels 78 of 180 kept from the core, short interruptions ("No.", "Espera.", "Juan.", "Es X
Z.") 4 of 324 taken for one; English 80 of 180 and 6 of 324. A missed backchannel interrupts Daisy
as before; a missed interruption lets her finish her sentence, and the caller says it again.
"""

from __future__ import annotations

import math

from daisy.understanding.intents import Intent, backchannel, classify, fold, only_filler, only_yes_no

# The end of a sentence over which a "sí" answers it: the closing question ("¿Es correcto?", "Is
# that right?") takes about a second on the line, and callers start a little before it ends.
TAIL_SECONDS = 1.5
# A stretch spoken longer than this is heard as said: a backchannel is a word or two.
LONGEST_BACKCHANNEL = 2.0


class SpeechProgress:
    """How much of Daisy's current sentence has been made and played, from the framework's events."""

    def __init__(self) -> None:
        self.synthesized = 0.0  # seconds of audio the TTS produced for the sentence
        self.synthesis_done = False
        self.spoken = 0.0  # seconds spent "speaking" before the current stretch
        self._since: float | None = None  # start of the current "speaking" stretch

    def sentence_started(self) -> None:
        self.synthesized, self.synthesis_done, self.spoken, self._since = 0.0, False, 0.0, None

    def audio_made(self, seconds: float) -> None:
        self.synthesized += seconds

    def sentence_made(self) -> None:
        self.synthesis_done = True

    def state_changed(self, old: str, new: str, at: float) -> None:
        if new == "speaking":
            self._since = at
        elif old == "speaking" and self._since is not None:
            self.spoken += max(0.0, at - self._since)
            self._since = None

    def remaining(self, now: float) -> float:
        """Seconds of the sentence still to play (infinite while the TTS is still making it)."""
        if not self.synthesis_done:
            return math.inf
        spoken = self.spoken + (max(0.0, now - self._since) if self._since is not None else 0.0)
        return max(0.0, self.synthesized - spoken)


def mid_sentence(progress: SpeechProgress, daisy_speaking: bool, now: float) -> bool:
    """Daisy is speaking (or paused by the caller) with more than her closing question to come."""
    return daisy_speaking and progress.remaining(now) > TAIL_SECONDS


def only_listening(text: str, lang: str) -> bool:
    """Words that only show the caller is listening, said before Daisy has asked anything: a
    backchannel, a filler ("eh", "mmm"), or a yes and nothing else ("Sí, correcto.": there is no
    question yet to answer)."""
    if not fold(text):
        return False
    return (backchannel(text, lang) or only_filler(text, lang)
            or (only_yes_no(text, lang) and Intent.YES in classify(text, lang)))


def listening_when_heard_again(text: str, lang: str) -> bool:
    """The stretch heard again as a yes or no would be: only a backchannel counts, not any yes
    (primed for one, the decoder writes "Yes." for a "Hey." or a "John.")."""
    return backchannel(text, lang)
