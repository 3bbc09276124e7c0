"""Plates and emails dictated in pieces: acknowledge each piece, read back once complete."""

from __future__ import annotations

import pytest

from daisy.core import Dialogue, Direction, Utterance
from daisy.core.state import Turn
from daisy.form import load_form
from tests.conversation.conftest import _USUAL_ANSWERS, NOW, Line

FORM = load_form()


def test_plate_letters_then_digits_over_several_turns(line: Line) -> None:
    line.reach("tractor_plates")
    out = line.say("Letra W")
    assert out["state"] == "asking" and out["pending"] is None and "sigue" in out["say"].lower()
    out = line.say("letra Y, letra Z.")
    assert out["state"] == "asking"
    out = line.say("Ciento veintiocho")
    assert out["state"] == "confirming" and out["pending"] == "WYZ128"


def test_the_rest_of_a_plate_after_its_first_pieces_still_joins_them(line: Line) -> None:
    line.reach("tractor_plates")
    line.say("siete")
    out = line.say("A B C uno dos")  # "ABC12" is no whole plate: it goes on from the "7"
    assert out["state"] == "confirming" and out["pending"] == "7ABC12"


def test_a_pause_after_pieces_reads_back_what_was_given(line: Line) -> None:
    line.reach("tractor_plates")
    line.say("Letra M, letra N, letra A, uno, dos")
    out = line.silence(4)
    assert out["state"] == "confirming" and out["pending"] == "MNA12"


def test_a_pause_after_a_few_letters_asks_for_the_rest(line: Line) -> None:
    line.reach("tractor_plates")
    line.say("Letra M, letra N")
    out = line.silence(4)
    assert out["state"] == "asking" and out["pending"] is None and "sigue" in out["say"].lower()


def test_es_todo_closes_a_short_plate(line: Line) -> None:
    line.reach("tractor_plates")
    line.say("Letra M, letra N, letra A")
    out = line.say("catorce, es todo")
    assert out["pending"] == "MNA14"


def test_read_back_spells_the_plate_with_key_words(line: Line) -> None:
    line.reach("tractor_plates")
    out = line.say("T de Tigre, Z de Zapato, cuatro cinco seis siete")
    assert out["pending"] == "TZ4567" or out["state"] == "asking"
    if out["state"] == "asking":
        out = line.silence(3)
    assert " de " in out["say"]


def test_email_dictated_in_pieces(line: Line) -> None:
    line.reach("email")
    out = line.say("ramon punto ibarra")
    assert out["state"] == "asking" and out["field"] == "email"
    out = line.say("arroba gmail punto com")
    assert out["state"] == "confirming" and out["pending"] == "ramon.ibarra@gmail.com"


def test_an_email_stopped_at_a_known_provider_is_offered_whole(line: Line) -> None:
    line.reach("email")
    line.say("ramon punto ibarra arroba gmail")
    out = line.say("Nada más, es todo.")
    assert out["pending"] == "ramon.ibarra@gmail.com"


def test_the_plates_state_named_first_is_no_repeat_request(line: Line) -> None:
    line.answer("Soy Ramón Ibarra", "Ramón Ibarra")
    line.answer("cuarenta y cinco", "45")
    out = line.say("Las placas son del estado de Nuevo León, ABC 1234")
    assert out["pending"] == "ABC1234"


def test_a_whole_address_said_again_after_pieces_replaces_them(line: Line) -> None:
    line.reach("email")
    line.say("punto ibarra arroba gmail punto com")  # the start lost on the line: a piece
    out = line.say("ramon punto ibarra arroba gmail punto com")
    assert out["state"] == "confirming" and out["pending"] == "ramon.ibarra@gmail.com"


def test_a_whole_address_said_again_from_its_first_piece_replaces_the_pieces(line: Line) -> None:
    line.reach("email")
    line.say("ramon guion bajo")  # the first piece; the next was lost, so the driver says it all
    out = line.say("ramon guion bajo ibarra arroba gmail punto com")
    assert out["state"] == "confirming" and out["pending"] == "ramon_ibarra@gmail.com"


def test_a_whole_address_said_again_from_a_first_piece_heard_a_letter_off_replaces_it(line: Line) -> None:
    line.reach("email")
    line.say("ramonn guion bajo")  # the first piece heard with a letter more
    out = line.say("ramon guion bajo ibarra arroba gmail punto com")
    assert out["state"] == "confirming" and out["pending"] == "ramon_ibarra@gmail.com"


def test_a_whole_address_said_again_from_pieces_heard_two_letters_off_replaces_them(line: Line) -> None:
    line.reach("email")
    line.say("selisha guion bajo")  # Kokoro's "felicia underscore", then "burke sixty two" heard "book 62"
    line.say("book sesenta y dos")
    out = line.say("felicia guion bajo book sesenta y dos arroba aol punto com")
    assert out["state"] == "confirming" and out["pending"] == "felicia_book62@aol.com"


def test_a_whole_address_named_before_it_is_said_again_replaces_the_pieces(line: Line) -> None:
    line.reach("email")
    line.say("ramon")  # the first piece, then one misheard: the driver starts over, naming it
    out = line.say("mi correo es rosa punto ibarra arroba gmail punto com")
    assert out["state"] == "confirming" and out["pending"] == "rosa.ibarra@gmail.com"


def test_an_english_address_named_again_after_pieces_replaces_them(english_line: Line) -> None:
    for said, value in [("Dillon Delacruz", "Dillon Delacruz"), ("71", "71"), ("ABC123", "ABC123"),
                        ("40", "40"), ("XYZ987", "XYZ987"), ("at 5 pm", "17:00")]:
        english_line.answer(said, value)
    english_line.say("dylan underscore")
    out = english_line.say("My email is dillon underscore delacruz 23 at iCloud dot com.")
    assert out["state"] == "confirming" and out["pending"] == "dillon_delacruz23@icloud.com"


def test_a_piece_with_its_provider_after_pieces_is_still_more_of_the_address(line: Line) -> None:
    line.reach("email")
    line.say("ramon punto")
    out = line.say("ibarra arroba gmail punto com")
    assert out["state"] == "confirming" and out["pending"] == "ramon.ibarra@gmail.com"


@pytest.mark.parametrize(("pieces", "whole", "plate"), [
    (("Letra M, letra N, letra A, uno",), "eme ene a uno cuatro ocho cero", "MNA1480"),
    # ...or pieces it does not go on from: misheard ("dos" heard "o de Oso"), the whole plate replaces them
    (("o de Oso", "equis"), "dos guion equis de equis guion cero cuatro", "2XDX04"),
])
def test_a_whole_plate_said_again_after_pieces_replaces_them(
        line: Line, pieces: tuple[str, ...], whole: str, plate: str) -> None:
    line.reach("tractor_plates")
    for piece in pieces:
        line.say(piece)
    out = line.say(whole)
    assert out["state"] == "confirming" and out["pending"] == plate


def test_an_address_ending_in_a_domain_that_is_none_is_asked_again_and_the_next_one_read(line: Line) -> None:
    line.reach("email")
    out = line.say("punto ibarra punto com")  # the start lost on the line, and no "@" heard
    assert out["state"] == "asking" and out["offer"] == "example" and "sigue" not in out["say"].lower()
    out = line.say("ramon punto ibarra arroba gmail punto com")
    assert out["state"] == "confirming" and out["pending"] == "ramon.ibarra@gmail.com"


def test_that_is_all_to_pieces_that_make_no_plate_asks_again_with_more_help(line: Line) -> None:
    line.reach("tractor_plates")
    line.say("ene de Nopal")  # a whole plate said, one letter of it heard
    out = line.say("Es todo.")
    assert out["state"] == "asking" and out["pending"] is None and out["offer"] == "example"
    out = line.say("ele eme, catorce ochenta")
    assert out["pending"] == "LM1480"  # the lone letter is not kept in front


def test_a_no_before_the_value_after_a_wrong_piece_starts_it_over(line: Line) -> None:
    line.reach("tractor_plates")
    line.say("ene")  # "ele eme, catorce ochenta" cut to its first letter, and misheard
    out = line.say("No, está mal, ele eme, catorce ochenta.")
    assert out["pending"] == "LM1480"


# --- a whole value said at once and misheard: no "¿qué sigue?" -------------------------------------
def _heard_up_to(field: str, lang: str = "es") -> tuple[Dialogue, Turn]:
    dialogue = Dialogue(FORM, lang)
    turn = dialogue.start(Direction.INBOUND, NOW)
    for key, said, _ in _USUAL_ANSWERS:
        if key == field:
            return dialogue, turn
        for text in (said, "sí"):
            turn = dialogue.handle(turn.state, Utterance(text, 0.9), NOW)
    raise ValueError(field)


def test_a_whole_plate_heard_short_is_said_back_then_asked_again_not_continued() -> None:
    # "e de Ensenada, be de barco, ocho uno nueve seis" heard without its first letter
    dialogue, turn = _heard_up_to("tractor_plates")
    heard = "las placas sonere ensenada be de barco ocho uno nueve seis"
    turn = dialogue.handle(turn.state, Utterance(heard, 0.7), NOW)
    assert "sigue" not in turn.say.lower() and not turn.state.pieces
    assert turn.say.startswith("Solo alcancé a oír") and turn.state.pending == "B8196"
    turn = dialogue.handle(turn.state, Utterance("No.", 0.9), NOW)
    assert turn.state.offer == "example" and turn.state.pending is None


def test_letters_heard_alone_still_wait_for_the_rest_of_the_plate() -> None:
    dialogue, turn = _heard_up_to("tractor_plates")
    turn = dialogue.handle(turn.state, Utterance("letra se, letra ka, letra ele", 0.9), NOW)
    assert "sigue" in turn.say.lower() and turn.state.pieces == "CKL"
    turn = dialogue.handle(turn.state, Utterance("doscientos cuarenta y cuatro", 0.9), NOW)
    assert turn.state.pending == "CKL244"


def test_a_typed_plate_of_letters_then_digits_may_still_come_in_pieces(line: Line) -> None:
    line.reach("tractor_plates")
    out = line.say("Letra M, letra N, letra A, uno, dos")
    assert out["state"] == "asking" and "sigue" in out["say"].lower()


def test_an_address_heard_whole_but_wrong_is_said_back_then_asked_again_not_continued() -> None:
    # "ange punto brooks arroba gmail punto com" heard without its first word: it ends as an address
    # ends, so nothing the caller adds can make it right
    dialogue, turn = _heard_up_to("email")
    turn = dialogue.handle(turn.state, Utterance("y punto brooks arroba gmail punto com", 0.8), NOW)
    assert "sigue" not in turn.say.lower() and not turn.state.pieces and turn.state.step == "confirm"
    turn = dialogue.handle(turn.state, Utterance("No, está mal.", 0.9), NOW)
    assert turn.state.offer == "example" and turn.state.pending is None


def test_a_whole_plate_said_again_that_holds_the_pieces_replaces_them(english_line: Line) -> None:
    # "letter N, letter L" heard "L", then "letter M": the caller gives it all again
    line = english_line
    for said in ("My name is Ray Ibarra", "yes", "forty five", "yes"):
        line.say(said)
    line.say("letter L")
    line.say("letter M")
    out = line.say("letter N letter L letter M 572")
    assert out["state"] == "confirming" and out["pending"] == "NLM572"


def test_a_whole_address_said_again_with_the_same_first_sounds_replaces_a_misheard_piece(line: Line) -> None:
    line.reach("email")
    line.say("cha gum")  # "chacon" misheard as the first piece
    out = line.say("chacon ochenta y cinco arroba live punto com punto mx")
    assert out["state"] == "confirming" and out["pending"] == "chacon85@live.com.mx"
