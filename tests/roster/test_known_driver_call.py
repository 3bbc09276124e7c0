"""A known driver on the line: Daisy greets them by name and confirms what the roster knows instead
of asking it (the dialogue core, given the known values as data)."""

from __future__ import annotations

from datetime import datetime

from daisy.core import CallState, Dialogue, Direction, Keypad, Turn, Utterance
from daisy.form import load_form

NOW = datetime(2026, 11, 30, 10, 0)
KNOWN = {
    "driver_name": "Juan Pérez",
    "tractor_number": "4512",
    "tractor_plates": "RT4522",
    "trailer_number": "C846",
    "trailer_plates": "12AB3C",
    "email": "juan.perez@gmail.com",
}


class Call:
    def __init__(self, lang: str = "es", known: dict[str, str] | None = None, direction: str = "inbound"):
        self.dialogue = Dialogue(load_form(), lang)
        turn = self.dialogue.start(Direction(direction), NOW, "+525512345678", known=known or KNOWN)
        self.state: CallState = turn.state
        self.said = [turn.say]
        self.turns = 0

    def say(self, text: str) -> str:
        return self.hear(Utterance(text)).say

    def hear(self, event: Utterance | Keypad) -> Turn:
        turn = self.dialogue.handle(self.state, event, NOW)
        self.state, self.turns = turn.state, self.turns + 1
        self.said.append(turn.say)
        return turn

    def value(self, key: str) -> tuple[str | None, bool, str]:
        fv = self.state.values[key]
        return fv.value, fv.confirmed, fv.source


def test_a_known_driver_whose_data_has_not_changed_only_says_yes() -> None:
    call = Call()
    assert call.said[0].endswith("¿Hablo con Juan Pérez?")
    assert call.say("Sí, soy yo").startswith(
        "¡Qué gusto, Juan! ¿Sigues con el tractor cuatro, cinco, uno, dos?"
    )
    for answer in ("Sí", "Así es", "Sí"):
        call.say(answer)
    assert "¿Las placas de la caja siguen siendo uno, dos, A de Árbol" in call.said[-1]
    call.say("Sí, esas")
    assert call.state.field == "eta"  # the roster has no ETA: asked as usual
    assert "Llegas a las cinco de la tarde" in call.say("A las cinco de la tarde")
    call.say("Sí")
    assert call.said[-1].endswith("¿Tu correo sigue siendo juan punto perez arroba gmail punto com?")
    assert "Gracias, Juan" in call.say("Sí")
    assert call.state.outcome is not None and call.state.outcome.value == "completed"
    assert call.turns == 8  # a yes for each of the six known values, then the ETA and its yes
    assert call.state.record(load_form().keys) == {**KNOWN, "eta": "17:00"}
    assert {key: call.value(key)[2] for key in KNOWN} == dict.fromkeys(KNOWN, "roster")
    assert call.value("eta")[2] == "speech"


def test_a_changed_tractor_is_collected_as_usual_after_a_no() -> None:
    call = Call()
    call.say("Sí")
    assert call.say("No") == "Entendido. ¿Cuál es el número económico de tu tractor?"
    assert call.say("El 4513").startswith("El número del tractor es cuatro, cinco, uno, tres.")
    assert call.say("Sí").endswith(
        "¿Las placas del tractor siguen siendo R de Ramón, T de Tigre, cuatro, cinco, dos, dos?"
    )
    assert call.value("tractor_number") == ("4513", True, "speech")


def test_a_new_value_said_instead_of_no_is_read_back() -> None:
    call = Call()
    call.say("Sí")
    assert "cuatro, cinco, uno, tres" in call.say("No, ahora traigo el cuarenta y cinco trece")
    assert call.state.pending == "4513" and call.value("tractor_number")[2] == "speech"
    call.say("Sí")
    assert call.value("tractor_number") == ("4513", True, "speech")


def test_a_new_value_can_be_keyed_instead() -> None:
    call = Call()
    call.say("Sí")
    assert "cuatro, cinco, uno, tres" in call.hear(Keypad("4513#")).say
    assert call.value("tractor_number")[2] == "keypad"


def test_an_unclear_answer_to_a_known_value_gets_the_same_question() -> None:
    call = Call()
    call.say("Sí")
    assert call.say("¿Cómo?").endswith("¿Sigues con el tractor cuatro, cinco, uno, dos?")
    assert call.say("Pues…") != ""  # neither yes nor no: never taken as a yes
    assert not call.value("tractor_number")[1]


def test_a_heard_yes_with_other_words_beside_it_does_not_keep_a_known_value() -> None:
    # espeak-ng's "Negative." comes out "Yeah, good team." at 0.9: a stale roster value would be stored
    call = Call("en")
    call.say("Yes")
    asked = call.hear(Utterance("Yeah, good team.", 0.9))
    assert "yes or no" in asked.say.lower() and not call.value("tractor_number")[1]
    call.hear(Utterance("Yes, same one.", 0.9))  # words that say nothing more: a plain yes
    assert call.value("tractor_number")[:2] == ("4512", True)


def test_someone_else_on_the_drivers_phone_is_asked_everything() -> None:
    call = Call()
    assert call.say("No") == "Entendido. ¿Me dices tu nombre completo?"
    call.say("Pedro Gómez")
    assert call.say("Sí").endswith("¿Cuál es el número económico de tu tractor?")  # the roster is Juan's
    assert call.value("driver_name") == ("Pedro Gómez", True, "speech")


def test_in_english_the_known_values_are_confirmed_too() -> None:
    call = Call("en")
    assert call.said[0].endswith("Am I speaking with Juan Pérez?")
    assert call.say("Yes, this is Juan").endswith("Are you still on tractor four, five, one, two?")
    assert call.say("Nope") == "Got it. What's your tractor's fleet number?"


def test_only_what_the_roster_knows_is_confirmed() -> None:
    call = Call(known={"tractor_plates": "RT4522"})
    assert call.said[0].endswith("¿Me dices tu nombre completo?")
    call.say("Juan Pérez")
    call.say("Sí")
    call.say("4512")
    assert call.say("Sí").endswith(
        "¿Las placas del tractor siguen siendo R de Ramón, T de Tigre, cuatro, cinco, dos, dos?"
    )


def test_a_roster_value_the_form_cannot_hold_is_asked_instead() -> None:
    call = Call(known={"driver_name": "Juan Pérez", "tractor_number": "12345678"})  # longer than [1, 6]
    call.say("Sí")
    assert call.said[-1].endswith("¿Cuál es el número económico de tu tractor?")


def test_an_outbound_call_confirms_after_the_permission() -> None:
    call = Call(direction="outbound")
    assert call.said[0] == ""
    call.say("¿Bueno?")
    assert call.say("Sí, dime").endswith("¿Hablo con Juan Pérez?")


def test_a_field_of_another_form_is_offered_by_its_label() -> None:
    from dataclasses import replace

    form = load_form()
    fields = list(form.fields)
    fields[0] = replace(fields[1], key="unit")
    other = replace(form, fields=type(form.fields)(fields))
    for lang, expected in (
        ("es", "¿El número del tractor sigue siendo setenta y siete?"),
        ("en", "Is the tractor number still seventy-seven?"),
    ):
        turn = Dialogue(other, lang).start(Direction.INBOUND, NOW, known={"unit": "77"})
        assert turn.say.endswith(expected)
