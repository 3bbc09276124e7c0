"""The single entry point the dialogue core calls."""

from datetime import datetime

import pytest

from daisy.understanding.values import read_value

NOW = datetime(2026, 5, 4, 10, 0)


@pytest.mark.parametrize(
    ("kind", "said", "lang", "value"),
    [
        ("name", "Sí, soy Ramón Ibarra.", "es", "Ramón Ibarra"),
        ("number", "Sesenta y uno, veinte.", "es", "6120"),
        ("plate", "Erre de Ramón, i griega, jota, cuatro cero cero", "es", "RYJ400"),
        ("time", "Dieciséis cuarenta y cinco.", "es", "16:45"),
        ("email", "Juan punto Pérez arroba Gmail punto com", "es", "juan.perez@gmail.com"),
        ("text", "  sin  comentarios ", "es", "sin comentarios"),
        ("number", "thirty nine eighty seven", "en", "3987"),
        ("plate", "alpha bravo charlie one two three", "en-US", "ABC123"),
        ("time", "six PM", "en", "18:00"),
    ],
)
def test_read_value_dispatches_by_kind(kind: str, said: str, lang: str, value: str) -> None:
    assert read_value(kind, said, lang, NOW) == value


@pytest.mark.parametrize("kind", ["name", "number", "plate", "time", "email", "text", "bogus"])
def test_nothing_said_gives_none(kind: str) -> None:
    assert read_value(kind, "", "es", NOW) is None
