"""Repair patterns, the same for every field: repeat, off-topic, insults, not understood, don't know,
silence, hang-up, hold on."""

from __future__ import annotations

from tests.conversation.conftest import Line


def test_repeat_request_says_the_question_again(line: Line) -> None:
    first = line.out["say"]
    out = line.say("¿Mande? No te escuché")
    assert out["field"] == "driver_name" and out["state"] == "asking"
    assert "nombre" in out["say"] and out["say"] != first


def test_repeat_during_read_back_reads_the_value_again(line: Line) -> None:
    line.say("Soy Ramón Ibarra")
    out = line.say("¿Cómo?")
    assert out["state"] == "confirming" and "Ramón Ibarra" in out["say"]


def test_off_topic_question_is_answered_in_one_sentence_then_back_to_the_field(line: Line) -> None:
    for question in ("¿Quién eres?", "¿Para qué me llamas?", "¿Eres un robot?"):
        out = line.say(question)
        assert out["field"] == "driver_name" and out["state"] == "asking", question
        assert "nombre" in out["say"]


def test_insults_get_a_courteous_answer(line: Line) -> None:
    out = line.say("Pinche robot idiota")
    assert out["ended"] is False and "nombre" in out["say"]


def test_nonsense_is_not_read_back_as_a_name(line: Line) -> None:
    out = line.say("Y flota bien.")
    assert out["state"] == "asking" and out["pending"] is None
    assert "Por ejemplo" in out["say"]


def test_repeated_failures_on_a_number_offer_the_keypad_and_keypad_entry_works(line: Line) -> None:
    line.answer("Soy Ramón Ibarra", "Ramón Ibarra")
    line.say("Benvidos.")
    out = line.say("Y flota bien.")
    assert "teclado" in out["say"]
    out = line.keypad("4512#")
    assert out["record"]["tractor_number"] == "4512" and out["field"] == "tractor_plates"


def test_three_failures_move_on_to_the_next_field(line: Line) -> None:
    line.answer("Soy Ramón Ibarra", "Ramón Ibarra")
    for _ in range(3):
        out = line.say("Benvidos.")
    assert out["field"] == "tractor_plates"


def test_dont_know_leaves_the_field_empty_and_the_call_incomplete(line: Line) -> None:
    line.answer("Soy Ramón Ibarra", "Ramón Ibarra")
    out = line.say("No me acuerdo")
    assert out["field"] == "tractor_plates" and out["record"]["tractor_number"] is None
    line.answer("A de Árbol, B de Burro, C de Casa, uno dos tres", "ABC123")
    line.answer("cuarenta", "40")
    line.answer("Letra X, letra Y, letra Z, nueve nueve nueve", "XYZ999")
    line.answer("a las cuatro de la tarde", "16:00")
    out = line.answer("ramon arroba gmail punto com", "ramon@gmail.com")
    assert out["ended"] and out["outcome"] == "incomplete"
    assert out["record"]["tractor_number"] is None


def test_one_silence_asks_if_the_caller_is_there_two_end_the_call(line: Line) -> None:
    out = line.silence(6)
    assert "Sigues ahí" in out["say"] or "escuchas" in out["say"]
    assert not out["ended"]
    out = line.silence(6)
    assert out["ended"] and out["outcome"] == "abandoned"


def test_hang_up_keeps_what_was_confirmed(line: Line) -> None:
    line.answer("Soy Ramón Ibarra", "Ramón Ibarra")
    out = line.hangup()
    assert out["ended"] and out["outcome"] == "abandoned"
    assert out["record"]["driver_name"] == "Ramón Ibarra"


def test_a_human_asked_for_at_any_moment_transfers_the_call(line: Line) -> None:
    line.answer("Soy Ramón Ibarra", "Ramón Ibarra")
    out = line.say("Oye, pásame con una persona")
    assert out["ended"] and out["outcome"] == "transferred"


def test_hold_on_waits_on_the_line_then_resumes(line: Line) -> None:
    out = line.say("Espérame tantito")
    assert not out["ended"]
    out = line.silence(20)
    assert out["say"] == "" and not out["ended"]
    out = line.say("Ya, aquí estoy. Soy Ramón Ibarra")
    assert out["state"] == "confirming" and out["pending"] == "Ramón Ibarra"


def test_hello_in_the_middle_of_a_field_gets_the_question_again(line: Line) -> None:
    out = line.say("¿Hola?")
    assert out["field"] == "driver_name" and "nombre" in out["say"]


def test_english_repairs(english_line: Line) -> None:
    out = english_line.say("Sorry, can you repeat that?")
    assert "name" in out["say"]
    out = english_line.say("Are you a robot?")
    assert "virtual" in out["say"] and "name" in out["say"]
    out = english_line.say("I don't know")
    assert out["field"] == "tractor_number"


def test_when_set_to_a_person_takes_over_after_repeated_failures() -> None:
    from daisy.core import Dialogue, Direction, Utterance
    from daisy.form import load_form
    from tests.conversation.conftest import NOW

    dialogue = Dialogue(load_form(), "es", transfer_when_stuck=True)
    turn = dialogue.start(Direction.INBOUND, NOW)
    for _ in range(3):
        turn = dialogue.handle(turn.state, Utterance("Benvidos."), NOW)
    assert turn.state.outcome == "transferred" and "persona" in turn.say


def _to_eta(line: Line) -> None:
    line.answer("Soy Ramón Ibarra", "Ramón Ibarra")
    line.answer("cuarenta", "40")
    line.answer("A de Árbol, B de Burro, C de Casa, uno dos tres", "ABC123")
    line.answer("cuarenta y uno", "41")
    line.answer("Letra X, letra Y, letra Z, nueve nueve nueve", "XYZ999")


def test_later_inside_an_eta_answer_is_the_answer_not_a_callback(line: Line) -> None:
    _to_eta(line)
    out = line.say("Al rato, como a las seis y media de la tarde")
    assert out["field"] == "eta" and out["pending"] == "18:30"


def test_a_hedge_before_the_value_keeps_the_value(line: Line) -> None:
    _to_eta(line)
    out = line.say("No sé exactamente, como a las cinco de la tarde")
    assert out["field"] == "eta" and out["pending"] == "17:00"


def test_a_bare_hour_in_a_correction_keeps_the_half_of_the_day(line: Line) -> None:
    _to_eta(line)
    line.say("a las cinco de la tarde")
    out = line.say("no, a las seis")
    assert out["pending"] == "18:00"


def test_a_fleet_number_letter_said_on_its_own_turn_leads_the_number(line: Line) -> None:
    line.answer("Soy Ramón Ibarra", "Ramón Ibarra")
    out = line.say("Letra ce.")
    assert out["state"] == "asking" and out["field"] == "tractor_number"
    out = line.say("treinta y ocho veintitrés")
    assert out["pending"] == "C3823"


def test_noise_between_pieces_does_not_start_the_plate_over(line: Line) -> None:
    line.answer("Soy Ramón Ibarra", "Ramón Ibarra")
    line.answer("cuarenta", "40")
    line.say("B de Burro, X de Xilófono")
    out = line.say("Y flota bien.")
    assert "Llevo" in out["say"] and "B de" in out["say"]
    out = line.say("trescientos, es todo")
    assert out["pending"] == "BX300"


def test_english_yes_sounds_are_yes_not_letters(english_line: Line) -> None:
    english_line.say("My name is Ann Lee")
    out = english_line.say("mm-hmm")
    assert out["record"]["driver_name"] == "Ann Lee"


def test_a_misheard_yes_made_of_letters_does_not_replace_a_fleet_number(line: Line) -> None:
    line.answer("Soy Ramón Ibarra", "Ramón Ibarra")
    line.say("cuarenta y cinco doce")
    out = line.say("A C F")
    assert out["state"] == "confirming" and out["pending"] == "4512"
