"""Regional and colloquial yes and no: understood as the move they are, and never read as a value
(a reply to a read-back that is only a yes or a no must not touch the value)."""

from __future__ import annotations

from datetime import datetime

import pytest

from daisy.understanding import reader
from daisy.understanding.intents import Intent, classify, clear_yes, only_yes_no

NOW = datetime(2026, 3, 2, 10, 0)

YES = [
    ("¡Ahuevo!", "es-MX"), ("Simón, carnal.", "es-MX"), ("Va que va.", "es-MX"), ("Al tiro, jefe.", "es-MX"),
    ("Sale pues, joven.", "es-MX"), ("Vientos.", "es-MX"), ("Órale, así merito.", "es-MX"),
    ("Arre, mi reina.", "es-MX"), ("Todo chido.", "es-MX"), ("Roger.", "en-US"),
    ("Yes sir, dead on.", "en-US"),
    ("Copy that, boss.", "en-US"), ("Yup yup.", "en-US"), ("Damn right.", "en-US"), ("A güevo.", "es-MX"),
    ("Yessum.", "en-US"), ("Ujum.", "es-MX"), ("Cabal, así es.", "es-MX"),
]
NO = [
    ("Nel.", "es-MX"), ("Nelson, mi amigo.", "es-MX"), ("Ni maíz.", "es-MX"), ("Nanay, jefa.", "es-MX"),
    ("No, qué va.", "es-MX"), ("Ni de broma.", "es-MX"), ("Nope, no way.", "en-US"), ("Nah, buddy.", "en-US"),
    ("No ma'am.", "en-US"), ("That ain't right.", "en-US"),
]


@pytest.mark.parametrize(("said", "lang"), YES)
def test_a_regional_yes_confirms(said: str, lang: str) -> None:
    assert clear_yes(said, lang) and only_yes_no(said, lang)


@pytest.mark.parametrize(("said", "lang"), NO)
def test_a_regional_no_is_a_plain_no(said: str, lang: str) -> None:
    found = classify(said, lang)
    assert Intent.NO in found and Intent.YES not in found and only_yes_no(said, lang)


@pytest.mark.parametrize("said", ["Fí.", "Fí, fí.", "Chí.", "Shi."])
def test_a_si_whose_s_the_phone_line_bent_is_a_yes(said: str) -> None:
    # the line cuts the hiss of an s: "Sí." came out of Whisper base as "Fí." (Kokoro, cab noise)
    assert clear_yes(said, "es-MX") and only_yes_no(said, "es-MX")


@pytest.mark.parametrize(("said", "lang"), YES + NO)
def test_a_yes_or_no_is_never_a_value(said: str, lang: str) -> None:
    for kind in ("name", "number", "plate", "time", "email"):
        assert reader.read_value(kind, said, lang, NOW) is None
        assert reader.correct(kind, said, lang, "AB123" if kind != "time" else "10:30", NOW) is None
    assert reader.read_piece("plate", said, lang) == ""


@pytest.mark.parametrize(
    ("said", "lang", "value"),
    [("Nel, es el cuarenta y dos", "es-MX", "42"), ("Simón Quiroga", "es-MX", "Simón Quiroga")],
)
def test_a_root_word_with_a_value_keeps_the_value(said: str, lang: str, value: str) -> None:
    kind = "number" if value.isdigit() else "name"
    assert reader.read_value(kind, said, lang, NOW) == value


def test_an_address_that_starts_with_a_root_word_is_an_address() -> None:
    # Kokoro's "roger dot serrano at gmail dot com" heard as written was taken for "roger that",
    # and the address asked again three times
    for said, lang in (("roger.serrano@gmail.com", "en"), ("simon.quiroga@gmail.com", "es-MX")):
        assert reader.read_piece("email", said, lang) == said


@pytest.mark.parametrize(
    ("said", "lang"),
    [("No, that's correct.", "en"), ("No that is right", "en"), ("No, correct.", "en"),
     ("No, es correcto.", "es"), ("No, sí es.", "es")],
)
def test_a_no_before_the_read_back_said_right_is_neither_yes_nor_no(said: str, lang: str) -> None:
    # the recognizer puts a "No," in front of "That's correct.": Daisy asks "¿sí o no?" instead
    assert not classify(said, lang) & {Intent.YES, Intent.NO}


@pytest.mark.parametrize(
    ("said", "lang"),
    [("Yes, incorrect.", "en"), ("Sí, incorrecto.", "es"), ("Yes, that's wrong.", "en"),
     ("Sí, está mal.", "es")],
)
def test_a_yes_word_before_a_no_word_is_neither_yes_nor_no(said: str, lang: str) -> None:
    # espeak-ng's "That's incorrect." came out of Whisper base as "Yes, incorrect." (and was a sure yes)
    assert not classify(said, lang) & {Intent.YES, Intent.NO}


def test_a_yes_followed_by_a_no_that_is_no_no_word_stays_a_yes() -> None:
    assert classify("Sí, no hay problema.", "es") & {Intent.YES, Intent.NO} == {Intent.YES}


@pytest.mark.parametrize(
    ("said", "lang"),
    [("In correct.", "en"), ("In correcto.", "es"), ("Into, correcto.", "es"), ("Está en correcto.", "es")],
)
def test_a_negative_prefix_the_recognizer_split_off_is_still_a_no(said: str, lang: str) -> None:
    assert classify(said, lang) & {Intent.YES, Intent.NO} == {Intent.NO}


@pytest.mark.parametrize(
    ("said", "lang"),
    [("No es correcto.", "es"), ("No está bien.", "es"), ("No, that's not correct.", "en"),
     ("No, no es.", "es")],
)
def test_a_no_with_the_yes_words_negated_stays_a_no(said: str, lang: str) -> None:
    assert Intent.NO in classify(said, lang)
