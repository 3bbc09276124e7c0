"""Of several things Whisper may have heard, the one that is a valid answer to Daisy's question wins;
how sure the recognizer was travels with it."""

from __future__ import annotations

from datetime import datetime

from daisy.core.expectation import Expected
from daisy.understanding.answers import fits, value
from daisy.voice.hearing.decoding import Hypothesis, choose

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
