"""What a caller can do on the line, as the dialogue core sees it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Utterance:
    """Words as a speech recognizer (or a typist) gives them."""

    text: str
    # How sure the recognizer was (0–1), None for typed text. A value heard with low confidence is
    # spelled back symbol by symbol, or asked to be spelled or keyed, before it can be confirmed.
    confidence: float | None = None


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
