"""Operators change the form without code; a broken form file is rejected with a one-line reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from daisy.form import DEFAULT_FORM, FormError, load_form
from daisy.protocol import ProtocolSession
from tests.conversation.conftest import NOW

SHORT_FORM = """
name = "short"
company = "Transportes Sur"
purpose = { es-MX = "Te ayudo con tu registro.", en-US = "I'll help you register." }

[[fields]]
key = "eta"
kind = "time"
label = { es-MX = "la hora", en-US = "the time" }
ask = { es-MX = "¿A qué hora llegas?", en-US = "When do you arrive?" }

[[fields]]
key = "driver_name"
kind = "name"
required = false
label = { es-MX = "tu nombre", en-US = "your name" }
ask = { es-MX = "¿Cómo te llamas?", en-US = "Your name?" }
"""


def test_default_form_lists_the_seven_fields_in_order() -> None:
    assert load_form().keys == [
        "driver_name",
        "tractor_number",
        "tractor_plates",
        "trailer_number",
        "trailer_plates",
        "eta",
        "email",
    ]


def test_a_reordered_reworded_form_drives_the_call(tmp_path: Path) -> None:
    path = tmp_path / "short.toml"
    path.write_text(SHORT_FORM, encoding="utf-8")
    session = ProtocolSession(now=NOW, form=load_form(path))
    out = session.opening()
    assert "Transportes Sur" in out["say"] and "¿A qué hora llegas?" in out["say"]
    assert out["record"] == {"eta": None, "driver_name": None}
    out = session.send({"say": "a las cuatro de la tarde"})
    assert out["pending"] == "16:00"
    out = session.send({"say": "sí"})
    assert out["field"] == "driver_name"


@pytest.mark.parametrize(
    ("broken", "reason"),
    [
        ("name = 'x'\n[[fields]\n", "not valid TOML"),
        ("company = 'X'\npurpose = { es-MX = 'a', en-US = 'b' }\n", "no [[fields]]"),
        (SHORT_FORM.replace('kind = "time"', 'kind = "colour"'), "kind 'colour'"),
        (SHORT_FORM.replace('key = "driver_name"', 'key = "eta"'), "appears twice"),
        (SHORT_FORM.replace('ask = { es-MX = "¿A qué hora llegas?", ', "ask = { "), "no wording for es-MX"),
    ],
)
def test_a_broken_form_is_rejected_with_a_one_line_reason(tmp_path: Path, broken: str, reason: str) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(FormError) as err:
        load_form(path)
    assert reason in str(err.value) and "\n" not in str(err.value)


def test_a_missing_form_file_is_named() -> None:
    with pytest.raises(FormError, match="not found"):
        load_form(DEFAULT_FORM.with_name("nope.toml"))
