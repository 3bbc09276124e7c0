"""The phrasing generators say values the way the domain doc's callers do."""

from __future__ import annotations

import random

from daisy.evaluation import speech, times


def test_spanish_numbers_in_words() -> None:
    assert speech.es_number(1002) == "mil dos"
    assert speech.es_number(7788) == "siete mil setecientos ochenta y ocho"
    assert speech.es_number(32, glue=True) == "treintaidós"
    assert speech.es_number(155) == "ciento cincuenta y cinco"
    assert speech.es_number(100) == "cien"


def test_english_numbers_in_words() -> None:
    assert speech.en_number(300) == "three hundred"
    assert speech.en_number(3987) == "three thousand nine hundred eighty seven"


def test_pairs_and_digits() -> None:
    rng = random.Random(1)
    assert speech.digit_string("3987", "es", rng, "pairs") == "treinta y nueve ochenta y siete"
    assert speech.digit_string("2711", "es", rng, "pairs") == "veintisiete once"
    assert speech.digit_string("0412", "es", rng, "pairs") == "cero cuatro doce"
    assert speech.digit_string("405", "es", rng, "digits") == "cuatro cero cinco"
    assert speech.digit_string("4805", "es", rng, "numeric") in ("4805", "4 8 0 5")


def test_letters_carry_the_letter() -> None:
    rng = random.Random(3)
    for _ in range(50):
        said = speech.letter("M", "es", rng, "key")
        assert said.split(" de ")[1][0].upper() == "M"
    assert speech.letter("B", "en", rng, "nato") == "Bravo"
    assert speech.letter("B", "en", rng, "as_in").startswith("B ")


def test_plate_in_pieces_keeps_order() -> None:
    rng = random.Random(5)
    turns = speech.plate_pieces(
        "WYZ318", "es", rng, letter_style="letra", digit_style="numeric", in_pieces=True
    )
    assert len(turns) >= 2
    assert turns[-1] == "318"
    assert "".join(t for t in turns).count("letra") == 3


def test_times() -> None:
    rng = random.Random(7)
    assert times.es_time("16:45", rng, "24h") == "dieciséis cuarenta y cinco"
    assert times.es_time("00:30", rng, "24h") == "cero cero treinta"
    assert times.es_time("19:40", rng, "12h") == "veinte para las ocho de la noche"
    assert times.es_time("14:45", rng, "12h") == "a las tres menos cuarto de la tarde"
    assert times.en_time("08:05", rng, "12h") == "five past eight in the morning"


def test_email_dictated() -> None:
    rng = random.Random(9)
    (said,) = speech.email_pieces("ana.lugo@yahoo.com.mx", "es", rng, "dictated")
    assert said == "ana punto lugo arroba yahoo punto com punto mx"
    (said,) = speech.email_pieces("ana.lugo@yahoo.com", "en", rng, "dictated")
    assert said == "ana dot lugo at yahoo dot com"
