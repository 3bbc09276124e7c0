"""Outbound calls: Daisy waits for "¿Bueno?", introduces herself, asks if the driver can talk, and
handles every answer: accept, refuse, call back later, email, WhatsApp, hold on, a person."""

from __future__ import annotations

import pytest

from tests.conversation.conftest import Line


@pytest.fixture
def callee() -> Line:
    return Line(direction="outbound", caller_number="+525512345678")


def _answered(callee: Line) -> None:
    assert callee.out["say"] == "" and callee.out["state"] == "greeting"
    out = callee.say("¿Bueno?")
    assert out["state"] == "permission" and "Daisy" in out["say"]


def test_accept_starts_collecting(callee: Line) -> None:
    _answered(callee)
    out = callee.say("Sí, dime")
    assert out["state"] == "asking" and out["field"] == "driver_name"


def test_refuse_ends_politely(callee: Line) -> None:
    _answered(callee)
    out = callee.say("No me interesa")
    assert out["ended"] and out["outcome"] == "refused"


def test_busy_then_no_callback_is_a_refusal(callee: Line) -> None:
    _answered(callee)
    out = callee.say("Ahorita no puedo")
    assert not out["ended"]
    out = callee.say("No, gracias")
    assert out["outcome"] == "refused"


def test_call_back_in_twenty_minutes_is_confirmed(callee: Line) -> None:
    _answered(callee)
    out = callee.say("Llámame en veinte minutos")
    assert out["state"] == "confirming" and out["pending"] == "14:20"
    out = callee.say("Sí")
    assert out["ended"] and out["outcome"] == "callback"


def test_call_back_without_a_time_asks_when(callee: Line) -> None:
    _answered(callee)
    out = callee.say("Mejor llámame más tarde")
    assert out["state"] == "asking"
    out = callee.say("a las cinco de la tarde")
    assert out["pending"] == "17:00"
    out = callee.say("así es")
    assert out["outcome"] == "callback"


def test_email_instead_takes_and_confirms_the_address(callee: Line) -> None:
    _answered(callee)
    out = callee.say("Mejor mándamelo por correo")
    assert out["state"] == "asking"
    out = callee.say("pedro punto sala arroba hotmail punto com")
    assert out["state"] == "confirming" and out["pending"] == "pedro.sala@hotmail.com"
    out = callee.say("correcto")
    assert out["ended"] and out["outcome"] == "email"


def test_an_address_said_no_to_is_not_read_back_again_when_heard_the_same(callee: Line) -> None:
    _answered(callee)
    callee.say("Mejor mándamelo por correo")
    callee.say("pedro punto sala arroba hotmail punto com")
    out = callee.say("No.")
    assert out["state"] == "asking"
    out = callee.say("pedro punto sala arroba hotmail punto com")  # the same misreading again
    assert out["pending"] is None
    out = callee.say("pedro punto salas arroba hotmail punto com")
    assert out["pending"] == "pedro.salas@hotmail.com"


def test_whatsapp_instead_confirms_the_calling_number(callee: Line) -> None:
    _answered(callee)
    out = callee.say("Por WhatsApp mejor")
    assert out["state"] == "confirming" and out["pending"] == "+525512345678"
    out = callee.say("Sí, a ese")
    assert out["ended"] and out["outcome"] == "whatsapp"


def test_whatsapp_to_another_number(callee: Line) -> None:
    _answered(callee)
    callee.say("por whatsapp")
    out = callee.say("no, a otro")
    assert out["state"] == "asking"
    out = callee.say("cincuenta y cinco, diecinueve, ochenta y siete, sesenta y cinco, cuarenta y tres")
    assert out["pending"] == "5519876543"
    out = callee.say("sí")
    assert out["outcome"] == "whatsapp"


def test_short_wait_then_resume(callee: Line) -> None:
    _answered(callee)
    out = callee.say("Espérame tantito")
    assert not out["ended"]
    out = callee.say("Ya, dime")
    assert not out["ended"] and out["state"] in ("permission", "asking")


def test_a_person_at_the_start(callee: Line) -> None:
    _answered(callee)
    out = callee.say("Quiero hablar con una persona")
    assert out["outcome"] == "transferred"


def test_english_outbound_accept() -> None:
    callee = Line(lang="en", direction="outbound")
    out = callee.say("Hello?")
    assert out["state"] == "permission" and "Daisy" in out["say"]
    out = callee.say("Sure, go ahead")
    assert out["field"] == "driver_name"


def test_english_call_me_back_in_two_hours() -> None:
    callee = Line(lang="en", direction="outbound")
    callee.say("Hello?")
    out = callee.say("I'm driving, call me back in two hours")
    assert out["pending"] == "16:00"
    assert callee.say("yes")["outcome"] == "callback"


def test_an_answering_machine_gets_a_short_message_and_the_call_ends() -> None:
    callee = Line(direction="outbound")
    out = callee.say("Hola, no estoy disponible, deja tu mensaje después del tono")
    assert out["ended"] and out["outcome"] == "voicemail" and "Daisy" in out["say"]


def test_voicemail_can_be_set_to_hang_up_without_a_message() -> None:
    from daisy.core import Dialogue, Direction, Utterance
    from daisy.form import load_form
    from tests.conversation.conftest import NOW

    dialogue = Dialogue(load_form(), "en", voicemail="hangup")
    turn = dialogue.start(Direction.OUTBOUND, NOW)
    turn = dialogue.handle(turn.state, Utterance("You have reached my voicemail, leave a message"), NOW)
    assert turn.state.outcome == "voicemail" and turn.say == ""


def test_whatsapp_to_this_same_number(callee: Line) -> None:
    _answered(callee)
    callee.say("por whatsapp")
    callee.say("no")
    out = callee.say("A este mismo número")
    assert out["pending"] == "+525512345678"


def test_callback_read_back_says_when(callee: Line) -> None:
    _answered(callee)
    out = callee.say("háblame a las cinco de la tarde")
    assert "a las cinco" in out["say"]


def test_english_email_it_to_me() -> None:
    callee = Line(lang="en", direction="outbound")
    callee.say("Hello?")
    out = callee.say("Just email it to me.")
    assert out["state"] == "asking" and "email" in out["say"]
    out = callee.say("luis garcia two at hotmail dot com")
    assert out["pending"] == "luisgarcia2@hotmail.com"
    assert callee.say("yes")["outcome"] == "email"


def test_busy_wait_then_back_goes_on_with_the_call(callee: Line) -> None:
    _answered(callee)
    callee.say("Espérame tantito")
    out = callee.say("Ya, aquí estoy, dime.")
    assert out["field"] == "driver_name"


def test_maybe_not_to_a_callback_is_a_refusal(callee: Line) -> None:
    _answered(callee)
    callee.say("ahorita no puedo")
    out = callee.say("Mmm, no sé, mejor no")
    assert out["outcome"] == "refused"


def test_a_network_announcement_or_a_long_recorded_greeting_is_an_answering_machine() -> None:
    for first in (
        "El número que usted marcó está fuera del área de servicio",
        "Gracias por llamar a Transportes Ruiz, en este momento todas nuestras líneas están ocupadas, "
        "por favor intente más tarde o espere en la línea",
    ):
        callee = Line(direction="outbound")
        assert callee.say(first)["outcome"] == "voicemail", first


def test_hold_on_while_confirming_a_callback_keeps_the_time(callee: Line) -> None:
    _answered(callee)
    callee.say("Llámame en veinte minutos")
    callee.say("Espérame tantito")
    out = callee.say("Ya, aquí estoy")
    assert "20 minutos" in out["say"]  # back from the hold, Daisy asks again what she was asking
    assert callee.say("Sí")["outcome"] == "callback"


def test_a_yes_with_a_no_after_it_is_a_yes_or_asked_again_never_a_call_back() -> None:
    callee = Line(lang="en", direction="outbound")
    callee.say("Hello?")
    # "Sure thing, go ahead." as the line bent it: a yes-word first, and a "no" further on
    assert callee.say("Sure thing, no head.")["field"] == "driver_name"
    callee = Line(lang="en", direction="outbound")
    callee.say("Hello?")
    assert callee.say("Sure, no problem.")["field"] == "driver_name"
    callee = Line(lang="en", direction="outbound")
    callee.say("Hello?")
    out = callee.say("Okay, no.")  # both: asked again
    assert out["state"] == "permission" and "now" in out["say"]
    assert callee.say("Sure.")["field"] == "driver_name"


def test_a_yes_without_a_time_to_when_to_call_back_asks_once_whether_it_can_be_now(callee: Line) -> None:
    _answered(callee)
    assert "más tarde" in callee.say("No.")["say"]  # (a yes heard as a no, say)
    assert callee.say("Claro.")["state"] == "asking"  # ...then a yes to the offer: when?
    out = callee.say("Sí.")
    assert out["state"] == "permission" and "ahorita" in out["say"]
    assert callee.say("Sí, dime.")["field"] == "driver_name"


def test_a_call_back_asked_again_after_now_was_refused_still_ends(callee: Line) -> None:
    _answered(callee)
    callee.say("No.")
    callee.say("Sí.")
    callee.say("Sí.")  # asked whether it can be now
    callee.say("No.")  # not now
    out = callee.say("Sí.")
    turns = 0
    while not out["ended"] and turns < 8:
        out = callee.say("Sí.")
        turns += 1
    assert out["ended"]
