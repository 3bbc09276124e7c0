"""Names said with words around them that are no part of them: a nickname, the driver's job, the
surname spelled out, a hint at how it is written. The aside is cut; a spelling or hint mends the name."""

from __future__ import annotations

from datetime import datetime

import pytest

from daisy.understanding import reader

NOW = datetime(2026, 3, 2, 10, 0)


@pytest.mark.parametrize(
    ("said", "lang", "name"),
    [
        ("Leonel Robles, pero en la base me dicen el Gallo", "es-MX", "Leonel Robles"),
        ("Mis compas me dicen Pelón, me llamo Rubén Ortiz", "es-MX", "Rubén Ortiz"),
        ("Soy Brenda Salas, alias la Flaca", "es-MX", "Brenda Salas"),
        ("Otis Grant, but folks call me Big O", "en-US", "Otis Grant"),
        ("Everybody calls me Doc, my name is Harold Finch", "en-US", "Harold Finch"),
        ("Soy Chencho, bueno, Crescencio Ávila", "es-MX", "Crescencio Ávila"),
        ("It's Red, well, Russell Tate", "en-US", "Russell Tate"),
        ("Pablo Mena, no, me dicen el Güero, pero mi nombre es Saúl Mena", "es-MX", "Saúl Mena"),
    ],
)
def test_a_nickname_is_no_part_of_the_name(said: str, lang: str, name: str) -> None:
    assert reader.read_value("name", said, lang, NOW) == name


@pytest.mark.parametrize(
    ("said", "lang", "name"),
    [
        ("Leonel Robles y trabajo para Fletes Ochoa", "es-MX", "Leonel Robles"),
        ("Rubén Ortiz, ando con la gente de Autotransportes Lara", "es-MX", "Rubén Ortiz"),
        ("Mi nombre es Brenda Salas y soy la operadora de la unidad", "es-MX", "Brenda Salas"),
        ("Otis Grant, I'm driving for a small outfit in Tulsa", "en-US", "Otis Grant"),
        ("This is Harold Finch and I run loads for Schneider", "en-US", "Harold Finch"),
    ],
)
def test_the_drivers_job_is_no_part_of_the_name(said: str, lang: str, name: str) -> None:
    assert reader.read_value("name", said, lang, NOW) == name


@pytest.mark.parametrize(
    ("said", "lang", "name"),
    [
        ("Leonel Robes, Robles se escribe erre o be ele e ese", "es-MX", "Leonel Robles"),
        ("Rubén Ortis, o erre te i zeta", "es-MX", "Rubén Ortiz"),
        ("Otis Grant, that's G R A N T", "en-US", "Otis Grant"),
        ("Harold Finch, F-I-N-C-H", "en-US", "Harold Finch"),
    ],
)
def test_a_surname_spelled_after_the_name_writes_it(said: str, lang: str, name: str) -> None:
    assert reader.read_value("name", said, lang, NOW) == name


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("Martín Peres con zeta al final", "Martín Perez"),
        ("Lorena Ernández, con hache", "Lorena Hernández"),
        ("Nicolás Vaez con be grande", "Nicolás Baez"),
        ("Joel Saavedra, Saavedra con ve chica", "Joel Saavedra"),
        ("Olga Ibarra con i griega al principio", "Olga Ybarra"),
    ],
)
def test_a_hint_at_a_letter_mends_the_name(said: str, name: str) -> None:
    assert reader.read_value("name", said, "es-MX", NOW) == name


@pytest.mark.parametrize(
    ("heard", "name"),
    [
        # the recognizer's commas fall anywhere in the NATO words, not where the spelling starts
        ("Charles Mike, Charlie Delta Alpha November, India Echo Lima.", "Charles Mcdaniel"),
        ("Lisa Charlie, Oscar Lima, Oscar November", "Lisa Colon"),
        # one word before the spelling is the given name, even one the lexicon lacks
        ("Jade Hotel Alpha Yankee Echo Sierra", "Jade Hayes"),
        ("Tyler Mike Echo Yankee Echo Romeo Sierra", "Tyler Meyers"),
    ],
)
def test_a_surname_spelled_in_nato_words_unasked_writes_it(heard: str, name: str) -> None:
    assert reader.read_value("name", heard, "en-US", NOW) == name
