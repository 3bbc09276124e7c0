"""What a caller can do on the line, as the dialogue core sees it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Utterance:
    """Words as a speech recognizer (or a typist) gives them."""

    text: str


@dataclass(frozen=True, slots=True)
class Keypad:
    """Keypad (DTMF) digits, e.g. "4512#"."""

    digits: str


@dataclass(frozen=True, slots=True)
class Silence:
    """The caller said nothing for this many seconds."""

    seconds: float


@dataclass(frozen=True, slots=True)
class Hangup:
    """The caller left the call."""


CallerEvent = Utterance | Keypad | Silence | Hangup
