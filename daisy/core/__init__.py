"""The dialogue core: pure, deterministic, synchronous.

It takes caller events and returns what Daisy says and the new call state. No I/O, no clock
(the time is passed in), no network, no model.
"""

from daisy.core.dialogue import Dialogue
from daisy.core.events import CallerEvent, Hangup, Keypad, Silence, Utterance
from daisy.core.state import CallState, Direction, FieldValue, FollowUp, Outcome, Phase, Turn

__all__ = [
    "CallState",
    "CallerEvent",
    "Dialogue",
    "Direction",
    "FieldValue",
    "FollowUp",
    "Hangup",
    "Keypad",
    "Outcome",
    "Phase",
    "Silence",
    "Turn",
    "Utterance",
]
