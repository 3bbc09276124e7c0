"""The driver says no, or corrects part of the value: Daisy applies it at once."""

from __future__ import annotations

from tests.conversation.conftest import Line


def test_a_no_that_carries_the_right_number_is_read_back_at_once(line: Line) -> None:
    line.answer("Soy Ramón Ibarra", "Ramón Ibarra")
    out = line.say("cuarenta y cinco")
    assert out["pending"] == "45"
    out = line.say("no, es cuarenta y tres")
    assert out["state"] == "confirming" and out["pending"] == "43"
    out = line.say("sí")
    assert out["record"]["tractor_number"] == "43"


def test_driver_corrects_one_letter_of_the_plate(line: Line) -> None:
    line.reach("tractor_plates")
    out = line.say("Letra P, letra L, letra A, uno dos tres")
    assert out["pending"] == "PLA123"
    out = line.say("En vez de la L es F.")
    assert out["pending"] == "PFA123"
    out = line.say("Exacto.")
    assert out["record"]["tractor_plates"] == "PFA123"


def test_a_plain_no_asks_for_the_field_again(line: Line) -> None:
    line.answer("Soy Ramón Ibarra", "Ramón Ibarra")
    line.say("cuarenta y cinco")
    out = line.say("No está bien.")
    assert out["state"] == "asking" and out["field"] == "tractor_number" and out["pending"] is None
    line.answer("cuarenta y seis", "46")


def test_no_esta_mal_means_it_is_wrong(line: Line) -> None:
    line.say("Soy Ramón Ibarra")
    out = line.say("No está mal.")
    assert out["state"] == "asking" and out["record"]["driver_name"] is None


def test_english_driver_corrects_a_letter(english_line: Line) -> None:
    line = english_line
    line.answer("My name is Ann Lee", "Ann Lee")
    line.answer("four five", "45")
    out = line.say("P as in Papa, X-ray, Yankee, 7 7 1")
    assert out["pending"] == "PXY771"
    out = line.say("instead of P it's T")
    assert out["pending"] == "TXY771"


def test_a_whole_name_said_instead_of_yes_or_no_is_read_back(line: Line) -> None:
    line.say("Soy Ramón Ibarra")
    out = line.say("Ramón Ybarra")
    assert out["state"] == "confirming" and out["pending"] == "Ramón Ybarra"


def test_one_name_word_said_to_a_whole_name_read_back_is_no_name_of_its_own(line: Line) -> None:
    # espeak-ng's "Negative." heard "Oscar." had been read back as the driver's whole name
    line.say("Soy Ramón Ibarra")
    out = line.say("Óscar.")
    assert out["state"] == "confirming" and out["pending"] == "Ramón Ibarra"
    assert "sí o no" in out["say"].lower()
