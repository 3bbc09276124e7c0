"""The moves a caller can make whatever the language (yes, no, wait, a question about Daisy…).

Each language pack (`daisy/understanding/packs/`) says which words make each move; this module only
names the moves, so a new language is a new pack and nothing else changes.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Intent(StrEnum):
    YES = "yes"
    NO = "no"
    REPEAT = "repeat"
    HUMAN = "human"
    DONT_KNOW = "dont_know"
    WAIT = "wait"
    CALLBACK = "callback"  # "llámame en una hora": an explicit request to be called back
    LATER = "later"  # "al rato", "más tarde": a callback only when said to "¿puedes hablar?"
    EMAIL = "email"
    WHATSAPP = "whatsapp"
    REFUSE = "refuse"
    BUSY = "busy"  # "ahorita no puedo": offer a callback before giving up
    WHO = "who"
    WHY = "why"
    ROBOT = "robot"
    IMPATIENT = "impatient"
    INSULT = "insult"
    GREETING = "greeting"
    ALREADY_GAVE = "already_gave"
    DONE = "done"  # "es todo": a value dictated in pieces is complete
    SAME_NUMBER = "same_number"  # "a este mismo número": the number the call comes from
    VOICEMAIL = "voicemail"  # an answering machine's greeting, not a person
    NUMBER_SOURCE = "number_source"  # "¿quién te dio mi teléfono?": where Daisy got the number
    TOPIC = "topic"  # "¿es por la factura?": a guess at what the call is about


# Questions about Daisy or the call: answered in one sentence, never a yes, a wait or a request.
QUESTIONS = frozenset({Intent.WHO, Intent.WHY, Intent.ROBOT, Intent.NUMBER_SOURCE, Intent.TOPIC})


def patterns(*alternatives: str) -> re.Pattern[str]:
    """One pattern for a move, matched on folded text (lowercase, no accents, no punctuation) and
    bounded by spaces, so a pack writes plain words: r"no (?:lo |la )?se"."""
    return re.compile(r"(?:^| )(?:" + "|".join(alternatives) + r")(?= |$)")
