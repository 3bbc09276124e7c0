"""Questions about Daisy or the call are questions (not a request for a person, a wait or a yes), and
a request to wait that says why is a wait whose reason gives no value."""

from __future__ import annotations

from datetime import datetime

import pytest

from daisy.understanding import reader
from daisy.understanding.intents import Intent, classify

NOW = datetime(2026, 3, 2, 10, 0)


@pytest.mark.parametrize(
    ("said", "lang", "intent"),
    [
        ("¿Oye, tú eres humano o robot?", "es-MX", Intent.ROBOT),
        ("¿Estoy platicando con una computadora?", "es-MX", Intent.ROBOT),
        ("¿Me contesta una máquina?", "es-MX", Intent.ROBOT),
        ("Wait, is this a real person?", "en-US", Intent.ROBOT),
        ("Hang on, am I speaking with a bot?", "en-US", Intent.ROBOT),
        ("¿Y cómo conseguiste mi celular?", "es-MX", Intent.NUMBER_SOURCE),
        ("How did you get my number?", "en-US", Intent.NUMBER_SOURCE),
        ("¿Es por lo de la multa?", "es-MX", Intent.TOPIC),
        ("¿Es sobre una deuda?", "es-MX", Intent.TOPIC),
        ("Is this regarding my bill?", "en-US", Intent.TOPIC),
        ("Mjm, ¿y de qué compañía me hablas?", "es-MX", Intent.WHO),
        ("Okay, who are you with?", "en-US", Intent.WHO),
        ("¿Usted es un robot?", "es-MX", Intent.ROBOT),
        ("¿Es un mensaje grabado?", "es-MX", Intent.ROBOT),
        ("¿Quién les pasó mis datos?", "es-MX", Intent.NUMBER_SOURCE),
        ("¿Me van a vender algo?", "es-MX", Intent.TOPIC),
        ("Who's this?", "en-US", Intent.WHO),
        ("Where'd you get this number?", "en-US", Intent.NUMBER_SOURCE),
        ("¿Eres persona o máquina? Quiero saber.", "es-MX", Intent.ROBOT),
        ("Are you a real person? I need to know.", "en-US", Intent.ROBOT),
    ],
)
def test_a_question_about_daisy_is_only_that_question(said: str, lang: str, intent: Intent) -> None:
    found = classify(said, lang)
    assert intent in found
    assert not found & {Intent.HUMAN, Intent.WAIT, Intent.YES}


@pytest.mark.parametrize(
    ("said", "lang"),
    [("¿Eres robot? Pásame con alguien de verdad.", "es-MX"), ("Are you a bot? Get me a human.", "en-US")],
)
def test_asking_for_a_person_after_the_question_is_still_a_request(said: str, lang: str) -> None:
    assert Intent.HUMAN in classify(said, lang)


@pytest.mark.parametrize(
    ("said", "lang"),
    [
        ("Oiga, ¿no me puede pasar con alguien de la oficina, por favor?", "es-MX"),
        ("Can I get a real person on the line, please?", "en-US"),
        ("Agent.", "en-US"),
        ("I'm a driver, get me a person.", "en-US"),
    ],
)
def test_a_person_asked_for_in_many_words_or_in_one_is_a_request(said: str, lang: str) -> None:
    assert Intent.HUMAN in classify(said, lang)


@pytest.mark.parametrize(
    ("said", "lang"),
    [
        ("It's here like young human immune form 10,636", "en-US"),  # "U as in Uniform, 7636" misheard
        # espeak-ng's "this is Susan Gonzalez", "it's Joshua Bishop": "human" before a noun asks nothing
        ("It's human concern.", "en-US"), ("It's not human nature.", "en-US"),
        ("I'm a human.", "en-US"), ("I am human.", "en-US"),  # Whisper's for "Daniel Randall"
        ("ese de Sapo, agente, ocho cuatro seis, ye de Yegua, cinco", "es-MX"),
    ],
)
def test_a_long_answer_with_a_person_word_misheard_in_it_is_no_request(said: str, lang: str) -> None:
    assert Intent.HUMAN not in classify(said, lang)


@pytest.mark.parametrize(
    ("said", "lang"),
    [
        ("Espérame tantito, voy a sacar la tarjeta de la cabina.", "es-MX"),
        ("Permíteme, estoy buscando los documentos del camión.", "es-MX"),
        ("Un segundo, me estoy orillando en la caseta.", "es-MX"),
        ("Hold on, let me find the registration in the cab.", "en-US"),
        ("One second, I need to pull over real quick.", "en-US"),
    ],
)
def test_a_hold_with_its_reason_is_a_wait_and_no_value(said: str, lang: str) -> None:
    assert Intent.WAIT in classify(said, lang)
    assert reader.read_piece("plate", said, lang) == ""
    for kind in ("number", "plate", "time"):
        assert reader.read_value(kind, said, lang, NOW) is None
    assert reader.read_letters(said, lang) == ""


def test_a_value_said_while_holding_is_still_read() -> None:
    assert reader.read_piece("plate", "Espérame, la tarjeta dice ge erre te 4 4 0", "es-MX") == "GRT440"
