"""Daisy knows when what she has heard is a whole answer (answer after a short pause) and when the
driver is still going ("XZ…", "juan punto…", "a las…"): the voice layer waits longer then."""

from __future__ import annotations

import pytest

from daisy.core import Dialogue, Direction, Utterance
from daisy.core.completeness import heard_complete
from daisy.core.state import CallState
from daisy.form import load_form
from tests.conversation.conftest import NOW

FORM = load_form()


def _state_at(*answers: str, lang: str = "es") -> CallState:
    dialogue = Dialogue(FORM, lang)
    turn = dialogue.start(Direction.INBOUND, NOW)
    for text in answers:
        turn = dialogue.handle(turn.state, Utterance(text), NOW)
    return turn.state


NAME = ("Soy Ramón Ibarra", "sí")
NUMBER = (*NAME, "cuarenta y cinco", "sí")
PLATES = (*NUMBER, "A de Árbol, B de Burro, C de Casa, uno dos tres", "sí", "cuarenta", "sí",
          "Letra X, letra Y, letra Z, nueve nueve nueve", "sí")
ETA = (*PLATES, "a las cuatro de la tarde", "sí")


@pytest.mark.parametrize(
    ("answers", "heard", "complete"),
    [
        ((), "Soy Ramón Ibarra", True),
        ((), "Soy Ramón", False),
        (("Soy Ramón Ibarra",), "sí", True),
        (("Soy Ramón Ibarra",), "Así es, correcto", True),
        (("Soy Ramón Ibarra",), "sí, y", False),
        (("Soy Ramón Ibarra",), "no, está mal", True),
        (("Soy Ramón Ibarra",), "pues", False),
        (NAME, "cuarenta y cinco", True),
        (NAME, "cuarenta y", False),
        (NUMBER, "XZ", False),
        (NUMBER, "equis zeta cuatro cinco uno dos", True),
        (NUMBER, "equis zeta cuatro cinco guion", False),
        (PLATES[:-4], "a las", False),
        (PLATES, "a las cinco y media", True),
        (ETA, "mi correo es juan punto", False),
        (ETA, "juan punto perez arroba gmail punto com", True),
    ],
)
def test_daisy_tells_a_whole_answer_from_one_still_being_said(
    answers: tuple[str, ...], heard: str, complete: bool
) -> None:
    assert heard_complete(FORM, _state_at(*answers), heard, NOW) is complete
