"""A caller fixing a slip in the same breath ("sesenta, no, setenta"), a letter named and then made
clear with its key word, and a symbol left out said with where it goes."""

from __future__ import annotations

from datetime import datetime

import pytest

from daisy.understanding import reader

NOW = datetime(2026, 3, 2, 13, 0)


@pytest.mark.parametrize(
    ("kind", "said", "lang", "value"),
    [
        ("number", "sesenta y uno, no, setenta y uno", "es-MX", "71"),
        ("number", "quinientos tres no quinientos ocho", "es-MX", "508"),
        ("number", "el 218... no, perdón, el 281", "es-MX", "281"),
        ("number", "seven twelve, no, it's seven twenty", "en-US", "720"),
        ("number", "nine oh four, no wait, nine oh five", "en-US", "905"),
        ("name", "Pablo Ortiz, no, espérame, Pablo Ortega", "es-MX", "Pablo Ortega"),
        ("time", "a las ocho de la noche, no, a las nueve", "es-MX", "21:00"),
        ("time", "six thirty in the evening, no, seven thirty", "en-US", "19:30"),
        ("plate", "ele eme te 4 4 1, no, ele eme te 4 4 7", "es-MX", "LMT447"),
        # a "no" after "de" with a pause before it is still a fix (not a key word split as "no pal")
        ("time", "a las ocho de, no, a las nueve de la noche", "es-MX", "21:00"),
    ],
)
def test_a_slip_fixed_in_the_same_breath_keeps_only_the_fix(
    kind: str, said: str, lang: str, value: str
) -> None:
    assert reader.read_value(kind, said, lang, NOW) == value


@pytest.mark.parametrize(
    "said",
    ["es el 45, ¿no?", "45, no sé si es ese", "cuarenta y cinco, no estoy seguro"],
)
def test_a_no_that_is_no_fix_leaves_the_value(said: str) -> None:
    assert reader.read_value("number", said, "es-MX", NOW) == "45"


@pytest.mark.parametrize(
    ("kind", "said", "value"),
    [
        ("plate", "jota de jabón, eme de manzana, ese de sol y veintio no ocho", "JMS218"),
        ("number", "veintio no cuarenta", "2140"),
    ],
)
def test_a_no_the_recognizer_split_out_of_a_number_word_is_no_fix(kind: str, said: str, value: str) -> None:
    # "veintiuno" written "veintio no": the letters before it stay
    assert reader.read_value(kind, said, "es-MX", NOW) == value


@pytest.mark.parametrize(
    ("said", "lang", "plate"),
    [
        ("la erre, erre de Ramiro, 5 5 1 ka", "es-MX", "R551K"),
        ("be, be de Becerra, jota, 7 2 0", "es-MX", "BJ720"),
        ("F, F as in Frank, 3 3 9 L", "en-US", "F339L"),
        ("ka de Kilo, ka de Kilo, 4 1 2", "es-MX", "KK412"),
    ],
)
def test_a_letter_named_then_made_clear_with_its_key_word_counts_once(
    said: str, lang: str, plate: str
) -> None:
    assert reader.read_piece("plate", said, lang) == plate


@pytest.mark.parametrize(
    ("said", "lang", "current", "fixed"),
    [
        ("se me fue una ele antes del ocho", "es-MX", "MX8812", "MXL8812"),
        ("me faltó la eme después de la equis", "es-MX", "AX4512", "AXM4512"),
        ("olvidé una te antes del dos", "es-MX", "RG2345", "RGT2345"),
        ("you skipped a W after the J", "en-US", "AJ5521", "AJW5521"),
        ("entre la ere y el cinco va una hache", "es-MX", "AR5123", "ARH5123"),
        ("there's a B between the K and the 9", "en-US", "XK9001", "XKB9001"),
    ],
)
def test_a_symbol_left_out_goes_where_the_caller_says(said: str, lang: str, current: str, fixed: str) -> None:
    assert reader.correct("plate", said, lang, current, NOW) == fixed
