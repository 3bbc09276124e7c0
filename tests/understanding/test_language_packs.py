"""Language packs: every language's words behind one interface, and the wording of a read-back kept
apart from the reading of the value."""

from __future__ import annotations

import pytest

from daisy.understanding import packs, readback
from daisy.understanding.moves import Intent


@pytest.mark.parametrize(
    ("lang", "code"), [("es", "es-MX"), ("es-MX", "es-MX"), ("en", "en-US"), ("fr", "es-MX")]
)
def test_a_language_code_finds_its_pack(lang: str, code: str) -> None:
    assert packs.get(lang).code == code


def test_every_pack_names_the_same_moves() -> None:
    for pack in packs.PACKS.values():
        assert set(pack.intents) == set(Intent)


@pytest.mark.parametrize(
    ("kind", "value", "lang", "said"),
    [
        ("plate", "RT45", "es-MX", "R de Ramón, T de Tigre, cuatro, cinco"),
        ("plate", "RT45", "en-US", "R as in Romeo, T as in Tango, four, five"),
        ("number", "43", "es-MX", "cuarenta y tres"),
        ("number", "607", "en-US", "six, zero, seven"),
        ("time", "17:45", "es-MX", "las cinco cuarenta y cinco de la tarde"),
        ("time", "00:30", "en-US", "12:30 AM"),
        ("email", "jl.soto7@gmail.com", "es-MX", "jota ele punto soto siete arroba gmail punto com"),
        ("email", "jl.soto7@gmail.com", "en-US", "J L dot soto seven at gmail dot com"),
        ("name", "Noé Lara", "es-MX", "Noé Lara"),
    ],
)
def test_a_value_is_read_back_in_the_calls_language(kind: str, value: str, lang: str, said: str) -> None:
    assert readback.spoken(kind, value, lang) == said
