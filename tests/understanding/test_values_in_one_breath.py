"""Two values in one breath: the words naming another field start its part, each part is read with
its own field's kind, and Daisy keeps the other value to read it back when its turn comes."""

from __future__ import annotations

from datetime import datetime

import pytest

from daisy.core.dialogue import Dialogue
from daisy.core.events import Utterance
from daisy.form import load_form
from daisy.understanding import reader
from daisy.understanding.field_cues import FieldInfo

NOW = datetime(2026, 3, 2, 10, 0)
FORM = load_form()


def fields(lang: str) -> list[FieldInfo]:
    return [FieldInfo(f.key, f.kind.value, f.label[lang]) for f in FORM.fields]


@pytest.mark.parametrize(
    ("said", "lang", "current", "own", "ahead"),
    [
        ("es la 4410 y trae placas ka ele 33 20 be", "es-MX", "tractor_number", "4410",
         {"tractor_plates": "KL3320B"}),
        ("la caja 78, placas del remolque 91 GH 4K", "es-MX", "trailer_number", "78",
         {"trailer_plates": "91GH4K"}),
        ("el 905, y llego a eso de las ocho de la noche", "es-MX", "trailer_number", "905", {"eta": "20:00"}),
        ("unit 2207, tags P L X 4 4 1", "en-US", "tractor_number", "2207", {"tractor_plates": "PLX441"}),
        ("pues el 5512 y las placas de ese son eme ene pe 4 4 0", "es-MX", "tractor_number", "5512",
         {"tractor_plates": "MNP440"}),
        ("5512, tag number M N P 4 4 0", "en-US", "tractor_number", "5512", {"tractor_plates": "MNP440"}),
        ("Noé Lara, mi correo es noe.lara@gmail.com", "es-MX", "driver_name", "Noé Lara",
         {"email": "noe.lara@gmail.com"}),
    ],
)
def test_a_value_for_another_field_is_its_own(
    said: str, lang: str, current: str, own: str, ahead: dict[str, str]
) -> None:
    words, others = reader.values_ahead(said, lang, NOW, fields(lang), current)
    kind = FORM.field(current).kind.value
    assert reader.read_value(kind, words, lang, NOW) == own
    assert others == ahead


@pytest.mark.parametrize(
    ("said", "lang", "current", "own", "ahead"),
    [
        ("ge ele te 4 4 1 y la caja es la 512", "es-MX", "tractor_plates", "GLT441",
         {"trailer_number": "512"}),
        ("Noé Lara, traigo el tractor 3120", "es-MX", "driver_name", "Noé Lara", {"tractor_number": "3120"}),
        ("truck 4410, trailer 78", "en-US", "tractor_number", "4410", {"trailer_number": "78"}),
    ],
)
def test_a_subject_named_alone_gets_the_field_its_value_fits(
    said: str, lang: str, current: str, own: str, ahead: dict[str, str]
) -> None:
    words, others = reader.values_ahead(said, lang, NOW, fields(lang), current)
    kind = FORM.field(current).kind.value
    read = reader.read_piece if kind == "plate" else None
    value = read(kind, words, lang) if read else reader.read_value(kind, words, lang, NOW)
    assert value == own and others == ahead


@pytest.mark.parametrize(
    ("said", "lang", "current"),
    [("el número es el 3120", "es-MX", "tractor_number"), ("placas A B C 1 2 3", "es-MX", "tractor_plates"),
     ("number 606", "en-US", "trailer_number"), ("el tractor es el 3120", "es-MX", "tractor_number"),
     ("V like Van, D for Dog, 4 4 1", "en-US", "tractor_plates"),
     ("ce de caja, A, 4 4 1", "es-MX", "trailer_plates")],
)
def test_the_fields_own_cue_splits_nothing(said: str, lang: str, current: str) -> None:
    assert reader.values_ahead(said, lang, NOW, fields(lang), current) == (said, {})


@pytest.mark.parametrize(
    ("said", "lang", "current"),
    [  # a cue word the line made of a key word ("de Yegua" heard "de llego a"): the plate is whole
        ("u de uro a pan pede pato y griega de llego a ocho cero ocho", "es-MX", "trailer_plates")],
)
def test_a_cue_heard_inside_a_spelled_value_splits_nothing(said: str, lang: str, current: str) -> None:
    assert reader.values_ahead(said, lang, NOW, fields(lang), current) == (said, {})


def test_a_cue_after_a_value_too_short_still_starts_the_other_fields_value() -> None:
    said = "a be ce, la caja es la 512"
    assert reader.values_ahead(said, "es-MX", NOW, fields("es-MX"), "tractor_plates") == (
        "a be ce", {"trailer_number": "512"})
    assert reader.values_ahead("la caja 78", "es-MX", NOW, fields("es-MX"), "tractor_number") == (
        "", {"trailer_number": "78"})


def test_daisy_reads_the_kept_value_back_when_its_turn_comes() -> None:
    dialogue = Dialogue(FORM, "es")
    turn = dialogue.start("inbound", NOW)
    for said in ("Noé Lara", "sí", "el tractor es el 3120 con placas erre te 45 22"):
        turn = dialogue.handle(turn.state, Utterance(said), NOW)
    assert turn.state.pending == "3120"
    turn = dialogue.handle(turn.state, Utterance("sí"), NOW)
    assert turn.state.field == "tractor_plates" and turn.state.pending == "RT4522"
    assert "R de Ramón" in turn.say


def test_an_address_confirmed_for_the_email_follow_up_fills_the_email_field() -> None:
    dialogue = Dialogue(FORM, "es")
    turn = dialogue.start("outbound", NOW)
    for said in ("¿Bueno?", "Mejor mándamelo por correo", "noe.lara@gmail.com", "sí"):
        turn = dialogue.handle(turn.state, Utterance(said), NOW)
    assert turn.state.outcome == "email"
    email = turn.state.values["email"]
    assert email.value == "noe.lara@gmail.com" and email.confirmed
