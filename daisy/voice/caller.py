"""The synthetic caller of `daisy demo`: a driver who reacts to what Daisy is doing.

It answers from the call state (phase, field, read-back value), not from a fixed list of lines, so a
misrecognized answer leads to a correction or a retry instead of derailing the call. After a misheard
number or time it keys it in (DTMF), and it says it does not know a value it cannot get across after
two tries: the call always ends.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from daisy.core import CallState, Phase


@dataclass(frozen=True)
class Answer:
    speech: str  # what the driver says
    value: str  # the canonical value Daisy should read back
    keypad: str | None = None  # digits to key in after a misheard spoken try
    tries: int = 2  # spoken tries before saying "I don't know"
    spelled: str | None = None  # said symbol by symbol with key words, when Daisy asks to spell


@dataclass(frozen=True)
class Persona:
    answers: dict[str, Answer]
    lines: dict[str, str]  # bueno, accept, yes, no, done, unknown, bye, repeat


_LM1480_ES = "Ele de Lima, eme de Monterrey, uno, cuatro, ocho, cero."
_LM1480_EN = "Lima, Mike, one, four, eight, zero."

PERSONAS = {
    "es": Persona(
        answers={
            # wording picked for what Whisper base reads back from espeak-ng over the phone band. The
            # yes has no comma: its pause cuts "Sí, correcto." into "Sí." (the turn ends) and a
            # "correcto" heard "Tomí" as the next turn; "Así es, correcto." comes out whole "No, está.
            # Sí, correcto." (measured 2026-12-07)
            "driver_name": Answer("Soy Mario López.", "Mario López"),
            "tractor_number": Answer("El cuarenta y cinco doce.", "4512", "4512"),
            "tractor_plates": Answer("Ele eme, catorce ochenta.", "LM1480", spelled=_LM1480_ES),
            "trailer_number": Answer("Es la mil doscientos.", "1200", "1200"),
            "trailer_plates": Answer("Ele eme, catorce ochenta.", "LM1480", spelled=_LM1480_ES),
            "eta": Answer("A las diecisiete horas.", "17:00", "1700"),
            # espeak's "arroba" never survives Whisper base: one try, then the driver gives up
            "email": Answer("mario arroba gmail punto com.", "mario@gmail.com", tries=1),
        },
        lines={"bueno": "¿Bueno?", "accept": "Sí, adelante.", "yes": "Sí es correcto.",
               "no": "No, está mal.", "done": "Son todas.", "unknown": "No lo sé.",
               "bye": "Gracias, hasta luego.", "repeat": "Sí claro."},
    ),
    "en": Persona(
        answers={
            "driver_name": Answer("Yes, my name is John Miller.", "John Miller"),
            "tractor_number": Answer("Six, one, two, zero.", "6120", "6120"),
            "tractor_plates": Answer("L M one four eight zero.", "LM1480", spelled=_LM1480_EN),
            "trailer_number": Answer("Four, five, one, two.", "4512", "4512"),
            "trailer_plates": Answer("L M one four eight zero.", "LM1480", spelled=_LM1480_EN),
            "eta": Answer("At five forty five in the afternoon.", "17:45", "1745"),
            "email": Answer("john dot miller at gmail dot com.", "john.miller@gmail.com", tries=1),
        },
        lines={"bueno": "Hello?", "accept": "Sure, go ahead.", "yes": "Yes, that's right.",
               "no": "No, that's wrong.", "done": "That's all.", "unknown": "I don't know it.",
               "bye": "Thanks, bye.", "repeat": "Yes."},
    ),
}


def load_persona(path: Path, lang: str) -> Persona:
    """A caller script file (JSON): {"answers": {key: {"speech", "value", "keypad"?}}, "lines": {...}}."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    base = PERSONAS[lang]
    answers = {k: Answer(a["speech"], a.get("value", ""), a.get("keypad"), int(a.get("tries", 2)))
               for k, a in raw.get("answers", {}).items()}
    return Persona(answers={**base.answers, **answers}, lines={**base.lines, **raw.get("lines", {})})


def _norm(text: str | None) -> str:
    plain = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return "".join(c for c in plain.lower() if c.isalnum())


@dataclass
class Action:
    kind: str  # "say" | "dtmf"
    text: str


@dataclass
class ScriptedCaller:
    persona: Persona
    asks: dict[str, int] = field(default_factory=dict)

    def react(self, state: CallState) -> Action:
        lines = self.persona.lines
        match state.phase:
            case Phase.GREETING:
                return Action("say", lines["bueno"])
            case Phase.PERMISSION:
                return Action("say", lines["accept"])
            case Phase.CLOSING:
                return Action("say", lines["bye"])
            case Phase.CONFIRMING:
                answer = self.persona.answers.get(state.field or "")
                if answer is None or _norm(answer.value) == _norm(state.pending):
                    return Action("say", lines["yes"])
                return Action("say", lines["no"])
            case Phase.ASKING:
                return self._answer(state)
        return Action("say", lines["repeat"])

    def _answer(self, state: CallState) -> Action:
        answer = self.persona.answers.get(state.field or "")
        if answer is None:
            return Action("say", self.persona.lines["repeat"])
        key = state.field or ""
        if state.pieces:  # Daisy took a piece and asks what follows: the driver said it all at once
            n = self.asks[key + ":done"] = self.asks.get(key + ":done", 0) + 1
            if not _norm(answer.value).startswith(_norm(state.pieces)) and n <= 2:
                # what Daisy took is not how the value starts: the driver says no and says it again
                return Action("say", f"{self.persona.lines['no'].rstrip('.')}, {answer.speech[:1].lower()}"
                                     f"{answer.speech[1:]}")
            return Action("say", self.persona.lines["done" if n <= 2 else "unknown"])
        n = self.asks[key] = self.asks.get(key, 0) + 1
        if state.offer == "spell" and answer.spelled and self.asks.get(key + ":spelled", 0) < 2:
            self.asks[key + ":spelled"] = self.asks.get(key + ":spelled", 0) + 1
            return Action("say", answer.spelled)  # asked to spell: the driver spells, slowly
        if n >= 2 and answer.keypad:  # a driver who was misheard keys the number in
            return Action("dtmf", answer.keypad + "#")
        if n > answer.tries:  # a value that does not get across: the driver gives up, the call goes on
            return Action("say", self.persona.lines["unknown"])
        return Action("say", answer.speech)
