"""A driver on the line: say things to Daisy and look at what she answers (the jsonl protocol, in-process)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from daisy.protocol import ProtocolSession

NOW = datetime.fromisoformat("2026-11-23T14:00:00-06:00")


# (field, what the driver says, what Daisy reads back): a Spanish call walked up to a field
_USUAL_ANSWERS = (
    ("driver_name", "Soy Ramón Ibarra", "Ramón Ibarra"),
    ("tractor_number", "cuarenta y cinco", "45"),
    ("tractor_plates", "A de Árbol, B de Burro, C de Casa, uno dos tres", "ABC123"),
    ("trailer_number", "cuarenta", "40"),
    ("trailer_plates", "Letra X, letra Y, letra Z, nueve nueve nueve", "XYZ999"),
    ("eta", "a las cuatro de la tarde", "16:00"),
    ("email", "", ""),
)


class Line:
    """One call, driven the way `daisy chat --jsonl` is."""

    def __init__(
        self, lang: str = "es", direction: str = "inbound", caller_number: str | None = None
    ) -> None:
        self.session = ProtocolSession(lang=lang, direction=direction, now=NOW, caller_number=caller_number)
        self.out = self.session.opening()
        self.history: list[dict[str, Any]] = [self.out]

    def say(self, text: str) -> dict[str, Any]:
        return self._send({"say": text})

    def keypad(self, digits: str) -> dict[str, Any]:
        return self._send({"dtmf": digits})

    def silence(self, seconds: float = 6) -> dict[str, Any]:
        return self._send({"silence": seconds})

    def hangup(self) -> dict[str, Any]:
        return self._send({"hangup": True})

    def _send(self, obj: dict[str, Any]) -> dict[str, Any]:
        self.out = self.session.send(obj)
        self.history.append(self.out)
        return self.out

    def reach(self, field: str) -> None:
        """Give and confirm the usual Spanish answers, in the form's order, until `field` is asked."""
        for key, said, value in _USUAL_ANSWERS:
            if key == field:
                return
            self.answer(said, value)
        raise ValueError(f"no usual answers lead to {field!r}")

    def answer(self, text: str, expect_pending: str) -> dict[str, Any]:
        """Give a value, check Daisy reads back `expect_pending`, and confirm it."""
        out = self.say(text)
        assert out["state"] == "confirming", out
        assert out["pending"] == expect_pending, out
        return self.say("sí" if self.session.conversation.dialogue.lang == "es-MX" else "yes")


@pytest.fixture
def line() -> Line:
    return Line()


@pytest.fixture
def english_line() -> Line:
    return Line(lang="en")
