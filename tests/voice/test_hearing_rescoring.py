"""Of several things Whisper may have heard, the one that is a valid answer to Daisy's question wins;
how sure the recognizer was travels with it."""

from __future__ import annotations

from datetime import datetime

from daisy.core.expectation import Expected
from daisy.understanding.answers import fits, value
from daisy.voice.hearing.decoding import Hypothesis, choose, two_opinions

NOW = datetime(2026, 11, 30, 9, 0)


def _hyp(text: str, score: float, expecting: Expected, lang: str = "es") -> Hypothesis:
    return Hypothesis(text, score, value(expecting, text, lang, NOW))


def test_a_hypothesis_that_fits_beats_a_better_scored_one_that_does_not() -> None:
    hyps = [_hyp("C C", -0.6, Expected.YES_NO), _hyp("Sí.", -0.85, Expected.YES_NO)]
    text, _ = choose(hyps, [3, 3])
    assert text == "Sí."
    hyps = [_hyp("Printable", -0.6, Expected.DIGITS), _hyp("treinta y dos", -0.9, Expected.DIGITS)]
    assert choose(hyps, [3, 5])[0] == "treinta y dos"


def test_the_best_scored_answer_wins_among_those_that_fit() -> None:
    hyps = [_hyp("32", -0.4, Expected.DIGITS), _hyp("3232", -0.5, Expected.DIGITS)]
    assert choose(hyps, [2, 3])[0] == "32"


def test_a_fitting_hypothesis_far_less_likely_than_the_audio_says_does_not_win() -> None:
    hyps = [_hyp("hola buenas tardes", -0.3, Expected.YES_NO), _hyp("Sí.", -1.6, Expected.YES_NO)]
    assert choose(hyps, [5, 3])[0] == "hola buenas tardes"


def test_confidence_is_high_when_the_hypotheses_agree_and_low_when_they_do_not() -> None:
    agree = [_hyp("Sí, correcto.", -0.2, Expected.YES_NO), _hyp("Sí correcto", -0.3, Expected.YES_NO)]
    split = [_hyp("Sí.", -0.2, Expected.YES_NO), _hyp("No.", -0.25, Expected.YES_NO)]
    _, sure = choose(agree, [4, 3])
    _, unsure = choose(split, [2, 2])
    assert 0.0 <= unsure < sure <= 1.0
    assert sure > 0.7 and unsure < 0.5
    rescued = [_hyp("C C", -0.6, Expected.YES_NO), _hyp("Sí.", -0.85, Expected.YES_NO)]
    assert choose(rescued, [3, 3])[1] < 0.5  # an answer the parser rescued is not a sure one


def test_what_fits_each_kind_of_answer() -> None:
    def ok(kind: Expected, text: str, lang: str = "es") -> bool:
        return fits(kind, text, lang, NOW)

    assert ok(Expected.YES_NO, "Sí, es correcto.") and ok(Expected.YES_NO, "No, está mal.")
    assert ok(Expected.YES_NO, "Yes, that's right.", "en")
    assert not ok(Expected.YES_NO, "10 10", "en") and not ok(Expected.YES_NO, "C C")
    assert ok(Expected.PLATE, "equis be ce uno dos tres") and ok(Expected.PLATE, "ABC-123-D")
    assert not ok(Expected.PLATE, "Printable") and not ok(Expected.PLATE, "1234")
    assert ok(Expected.DIGITS, "treinta y dos") and ok(Expected.DIGITS, "4512")
    assert not ok(Expected.DIGITS, "¿Dónde?")
    assert ok(Expected.TIME, "a las cuatro de la tarde") and ok(Expected.TIME, "in two hours", "en")
    assert not ok(Expected.TIME, "a las guas oneda carne")
    assert ok(Expected.EMAIL, "juan punto perez arroba gmail punto com")
    assert ok(Expected.EMAIL, "arroba hotmail punto com")  # a piece of an address
    assert ok(Expected.NAME, "Me llamo Juan Pérez.")
    assert ok(Expected.FREE, "hola")
    # Asking to repeat or for a person is a valid answer to any question.
    assert ok(Expected.PLATE, "no sé") and ok(Expected.DIGITS, "¿me lo repites?")


# --- a spelled value decoded twice: freely, and in spelling words only ------------------------------
def test_the_free_and_the_spelling_decodes_agreeing_make_a_sure_value() -> None:
    free = [_hyp("uniform lima alfa 2842", -0.9, Expected.PLATE, "en")]
    closed = [_hyp("Uniform, Lima, Alfa, two, eight, four, two", -0.5, Expected.PLATE, "en")]
    text, sure = two_opinions(free, [8], closed, [14])
    assert value(Expected.PLATE, text, "en", NOW) == "ULA2842" and sure >= 0.9


def test_only_the_spelling_decode_reading_a_plate_gives_it_with_that_decodes_confidence() -> None:
    free = [_hyp("uniform leave my mouth to eight four two", -0.4, Expected.PLATE, "en")]
    closed = [_hyp("Uniform, Lima, Alfa, two, eight, four, two", -0.5, Expected.PLATE, "en")]
    text, sure = two_opinions(free, [9], closed, [14])
    assert value(Expected.PLATE, text, "en", NOW) == "ULA2842" and sure < 0.9


def test_two_different_plates_are_a_doubt_settled_for_the_spelling_decode() -> None:
    free = [_hyp("Delta Delta Richter 815", -0.3, Expected.PLATE, "en")]
    closed = [_hyp("Delta, Alpha, Victor, 8, 1, 5", -0.3, Expected.PLATE, "en")]
    text, sure = two_opinions(free, [6], closed, [12])
    assert value(Expected.PLATE, text, "en", NOW) == "DAV815" and sure < 0.55


def test_a_whole_address_heard_freely_beats_a_spelling_decode_that_lost_its_provider() -> None:
    # the spelling-words decode has no word for "hotmail" and went round a loop of letters instead
    free = [_hyp("Bravo Romeo Echo November Delta Alpha dot Whiskey Hotel One Two at hotmail dot com.",
                 -0.23, Expected.EMAIL, "en")]
    closed = [_hyp("Bravo, Romeo, Echo, November, Delta, Alpha, Whiskey, Hotel, One, Two, Alpha, Delta, "
                   "Alpha, Whiskey, Hotel,", -0.23, Expected.EMAIL, "en")]
    text, sure = two_opinions(free, [20], closed, [20])
    assert value(Expected.EMAIL, text, "en", NOW) == "brenda.wh12@hotmail.com" and sure < 0.55


def test_that_is_all_said_after_pieces_is_not_overruled_by_spelling_words() -> None:
    free = [_hyp("That's all.", -0.3, Expected.PLATE, "en")]
    closed = [_hyp("Sierra, Hotel, Alpha, one, two, three", -0.9, Expected.PLATE, "en")]
    assert two_opinions(free, [4], closed, [12])[0] == "That's all."


def test_an_echo_of_the_chosen_value_counts_as_agreeing_with_it() -> None:
    hyps = [_hyp("639", -0.2, Expected.DIGITS, "en"), _hyp("639 639", -0.25, Expected.DIGITS, "en")]
    assert choose(hyps, [2, 3])[1] > 0.7


def test_an_address_of_the_surname_alone_heard_again_after_a_no_gets_the_given_names_initial() -> None:
    from daisy.voice.hearing.decoding import AS_THE_NAME, _as_the_name

    refused = frozenset({"hines@gmail.com"})
    text, confidence = _as_the_name("hines@gmail.com", 0.2, "hines@gmail.com", "Eric Hines", "en", refused)
    assert (text, confidence) == ("ehines@gmail.com", AS_THE_NAME)
    # spelled, the letters are the caller's own: as heard
    assert _as_the_name("hines@gmail.com", 0.2, "hines@gmail.com", "Eric Hines", "en", refused,
                        spelled=True) == ("hines@gmail.com", 0.2)
