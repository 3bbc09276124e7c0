"""A driver gives every field, Daisy reads each back, the driver confirms: the call is completed."""

from __future__ import annotations

from tests.conversation.conftest import Line

SPANISH_VALUES = {
    "driver_name": "Ramón Ibarra",
    "tractor_number": "6120",
    "tractor_plates": "RYJ400",
    "trailer_number": "3987",
    "trailer_plates": "MNA1480",
    "eta": "16:45",
    "email": "ramon.ibarra@gmail.com",
}


def test_inbound_call_opens_with_who_daisy_is_and_the_first_question(line: Line) -> None:
    out = line.out
    assert "Daisy" in out["say"] and "nombre" in out["say"]
    assert out["state"] == "asking" and out["field"] == "driver_name"
    assert out["ended"] is False and out["outcome"] is None
    assert set(out["record"]) == set(SPANISH_VALUES)


def test_a_full_spanish_registration_completes(line: Line) -> None:
    line.answer("Sí, soy Ramón Ibarra.", "Ramón Ibarra")
    line.answer("Sesenta y uno, veinte.", "6120")
    line.answer("Erre de Ramón, I griega, jota, cuatro cero cero.", "RYJ400")
    line.answer("treinta y nueve ochenta y siete", "3987")
    line.answer("Letra eme, letra ene, letra a, catorce ochenta", "MNA1480")
    line.answer("Dieciséis cuarenta y cinco.", "16:45")
    out = line.answer("ramon punto ibarra arroba gmail punto com", "ramon.ibarra@gmail.com")
    assert out["ended"] is True
    assert out["outcome"] == "completed"
    assert out["state"] == "ended"
    assert out["record"] == SPANISH_VALUES


def test_a_full_english_registration_completes(english_line: Line) -> None:
    line = english_line
    assert "Daisy" in line.out["say"]
    line.answer("This is John Miller", "John Miller")
    line.answer("eight oh eight", "808")
    line.answer("T as in Tango, X as in X-ray, R as in Romeo, 4 5 2 1", "TXR4521")
    line.answer("thirty nine eighty seven", "3987")
    line.answer("Alpha Bravo Charlie one two three four", "ABC1234")
    line.answer("six PM", "18:00")
    out = line.answer("john dot miller at yahoo dot com", "john.miller@yahoo.com")
    assert out["outcome"] == "completed"
    assert out["record"]["tractor_plates"] == "TXR4521"


def test_daisy_never_says_the_very_same_sentence_twice_in_a_row(line: Line) -> None:
    for _ in range(4):
        line.say("Y flota bien.")
    says = [o["say"] for o in line.history if o["say"]]
    assert all(a != b for a, b in zip(says, says[1:], strict=False))


def test_each_confirmed_field_moves_to_the_next_one_in_form_order(line: Line) -> None:
    line.answer("Me llamo José Luis Hernández de la Cruz", "José Luis Hernández de la Cruz")
    assert line.out["field"] == "tractor_number" and line.out["state"] == "asking"
    assert line.out["record"]["driver_name"] == "José Luis Hernández de la Cruz"
