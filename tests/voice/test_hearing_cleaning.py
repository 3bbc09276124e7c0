"""Whisper's artifacts never reach the dialogue: doubled answers, inventions on noise, the decoder's
prompt handed back, absurd numbers, punctuation between spelled letters."""

from __future__ import annotations

import numpy as np

from daisy.core.expectation import Expected
from daisy.voice import vocabulary
from daisy.voice.hearing.cleaning import (
    clean,
    drop_echo,
    drop_inventions,
    names_from_the_prompt,
    space_spelled_symbols,
    voiced_seconds,
    without_echoed_last_digit,
)


def test_a_short_answer_written_twice_is_heard_once() -> None:
    assert drop_echo("12 12", voiced=0.5) == "12"  # "twelve"
    assert drop_echo("32 32", voiced=0.8) == "32"  # "treintaidós"
    assert drop_echo("Sí. Sí.", voiced=0.35) == "Sí."
    assert drop_echo("10 10", voiced=0.4) == "10"
    # the token budget cut the third copy short
    assert drop_echo("No, está mal. No, está mal. No, está", voiced=1.0) == "No, está mal."


def test_a_real_repeat_that_takes_its_time_stays() -> None:
    assert drop_echo("dos dos", voiced=0.8) == "dos dos"
    assert drop_echo("cero cero cero", voiced=1.5) == "cero cero cero"
    assert drop_echo("treinta y dos, treinta y dos", voiced=2.0) == "treinta y dos, treinta y dos"
    assert drop_echo("cuatro cinco uno dos", voiced=0.5) == "cuatro cinco uno dos"  # no copies at all


def test_inventions_on_noise_are_dropped_and_the_words_around_them_kept() -> None:
    assert drop_inventions("Subtítulos realizados por la comunidad de Amara.org") == ""
    assert drop_inventions("Sí. ¡Gracias por ver el video!") == "Sí."
    assert drop_inventions("Thanks for watching.") == ""
    assert drop_inventions("Gracias, es todo.") == "Gracias, es todo."  # a caller's thanks is not one


def test_punctuation_between_spelled_symbols_becomes_spaces() -> None:
    assert space_spelled_symbols("L.M.N.4") == "L M N 4"
    assert space_spelled_symbols("placas XM-U-3, gracias") == "placas XM U 3, gracias"
    assert space_spelled_symbols("a las 10.30") == "a las 10.30"  # one separator stays
    assert space_spelled_symbols("MNA-14") == "MNA-14"
    assert space_spelled_symbols("j.p.r@gmail.com") == "j.p.r@gmail.com"


def test_an_english_zero_in_spanish_is_a_cero() -> None:
    assert clean("te ere ese dos zero nueve", voiced=2.0, lang="es") == "te ere ese dos cero nueve"
    assert clean("two zero nine", voiced=2.0, lang="en") == "two zero nine"


def test_an_email_keeps_its_dots() -> None:
    assert clean("j.a.m arroba gmail", voiced=1.0, keep_dots=True) == "j.a.m arroba gmail"
    assert clean("j.a.m arroba gmail", voiced=1.0) == "j a m arroba gmail"


def test_the_prompt_handed_back_is_not_the_caller_speaking() -> None:
    yes_no = vocabulary.prompt(Expected.YES_NO, "es")
    assert clean("Sí. No. Sí, correcto.", voiced=1.0, prompt=yes_no) == ""
    assert clean("No, está mal.", voiced=1.0, prompt=yes_no) == "No, está mal."  # said like the prompt
    # an answer written several times over runs into the prompt's next phrase; one copy of it does not
    english = vocabulary.prompt(Expected.YES_NO, "en")
    assert clean("That's wrong. That's wrong. That's wrong.", voiced=0.8, prompt=english) == "That's wrong."
    digits = vocabulary.prompt(Expected.DIGITS, "es")
    assert clean("uno dos tres cuatro cinco seis siete ocho nueve", voiced=2.0, prompt=digits) == ""
    assert clean("uno dos tres cuatro", voiced=2.0, prompt=digits) == "uno dos tres cuatro"


def test_a_plate_spelled_when_asked_is_heard_with_nato_words_and_their_list_is_no_answer() -> None:
    spelled = vocabulary.prompt(Expected.PLATE, "en", spelled=True)
    assert "Zulu" in spelled and "Zulu" not in vocabulary.prompt(Expected.PLATE, "en")
    assert "Zulu" not in vocabulary.prompt(Expected.PLATE, "es", spelled=True)  # Spanish key words are free
    said = "Zulu, Sierra, Romeo, seven, nine, two"
    assert clean(said, voiced=3.0, prompt=spelled) == said
    assert clean("Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel", voiced=3.0, prompt=spelled) == ""


def test_absurd_numbers_are_dropped() -> None:
    assert clean("100,000,000,000", voiced=1.0) == ""
    assert clean("1,000,000", voiced=1.0) == ""
    assert clean("4512", voiced=1.0) == "4512"
    assert clean("55 1234 5678", voiced=3.0) == "55 1234 5678"  # a phone number


def _tone(seconds: float, rate: int = 8000) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (8000 * np.sin(2 * np.pi * 300 * t)).astype(np.int16)


def test_voiced_time_leaves_out_the_silence_and_the_line_noise_around_the_words() -> None:
    silence = np.zeros(8000, dtype=np.int16)
    words = np.concatenate([silence, _tone(0.6), silence])
    assert abs(voiced_seconds(words, 8000) - 0.6) < 0.05
    noise = np.random.default_rng(1).normal(0, 8000 / np.sqrt(2) / 10, words.size)  # 20 dB below
    noisy = np.clip(words + noise, -32768, 32767).astype(np.int16)
    assert abs(voiced_seconds(noisy, 8000) - 0.6) < 0.1
    assert voiced_seconds(silence, 8000) == 0.0


def test_a_whole_phrase_heard_twice_over_is_heard_once() -> None:
    assert drop_echo("Así es correcto. Así es correcto.", voiced=5.0) == "Así es correcto."
    assert drop_echo("ene me catorce ochenta ene me catorce ochenta", voiced=6.0) == "ene me catorce ochenta"


def test_a_second_copy_cut_short_is_heard_once_when_the_audio_is_too_short_for_it() -> None:
    # "seis nueve nueve" (1.2 s of speech) written as "seis nueve nueve seis nueve"
    assert drop_echo("seis nueve nueve seis nueve", voiced=1.2) == "seis nueve nueve"
    assert drop_echo("seis nueve nueve seis nueve", voiced=2.5) == "seis nueve nueve seis nueve"
    assert drop_echo("dos cuatro dos cuatro", voiced=2.0) == "dos cuatro dos cuatro"  # 2424, said


def test_a_decode_gone_round_a_loop_a_little_off_each_round_is_heard_once() -> None:
    # Kokoro's "Charlie, three, three, two" (about 2 s) written over and over (made-up set 14): read
    # back as a fleet number of 26 symbols, three times, and the field left empty
    looped = ("Charlie three three two Charlie three three two three two Charlie three three two Charlie "
              "three three two Charlie three thr")
    assert drop_echo(looped, voiced=2.0) == "Charlie three three two"
    # "November, November, Tango" heard "no ven ver no ven ver tango": the time to say it twice
    assert drop_echo("no ven ver no ven ver tango", voiced=2.5) == "no ven ver no ven ver tango"
    # ...its first round off from the next ones (a "de" more): the first round, when more follow
    looped = ("cuatro guion be grande de de guion cuarenta y seis cuatro guion be grande de guion cuarenta y "
              "seis cuatro guion be grande de guion cuarenta y seis cua")
    assert drop_echo(looped, voiced=4.0) == "cuatro guion be grande de de guion cuarenta y seis"
    # (one start again is no loop: "ele de luna ele de lupe" spells two L's)
    assert drop_echo("ele de luna ele de lupe uno dos", voiced=1.0) == "ele de luna ele de lupe uno dos"


def test_last_words_written_twice_are_heard_once_when_the_audio_is_too_short_for_them() -> None:
    # "es el tres mil doscientos treinta y dos" (about 2 s of speech) with its end written again
    assert drop_echo("es el tres mil doscientos treinta y dos treinta y dos", voiced=2.2) \
        == "es el tres mil doscientos treinta y dos"
    # a caller who says the end twice takes the time to: 3,232 said "treinta y dos, treinta y dos"
    assert drop_echo("es el tres mil doscientos treinta y dos treinta y dos", voiced=4.5) \
        == "es el tres mil doscientos treinta y dos treinta y dos"
    assert drop_echo("montoya arroba hotmail punto com, arroba hotmail punto com,", voiced=2.5) \
        == "montoya arroba hotmail punto com"


def test_a_digit_said_twice_last_and_written_three_times_is_heard_twice() -> None:
    # Kokoro's "te de Toro, nueve, uno, uno" (T911) heard "de toro nueve uno uno uno"
    assert without_echoed_last_digit("de toro nueve uno uno uno") == "de toro nueve uno uno"
    assert without_echoed_last_digit("Echo four five five five") == "Echo four five five"
    assert without_echoed_last_digit("X-ray 5, 5, 5.") == "X-ray 5, 5"
    # a run that does not end the answer, four running, or no run: as heard
    assert without_echoed_last_digit("number four four four eight") is None
    assert without_echoed_last_digit("uno uno uno uno") is None
    assert without_echoed_last_digit("Tango, Romeo, fifty five") is None


def test_the_name_prompts_list_given_back_is_no_name() -> None:
    # espeak-ng's spelled surnames as Whisper base wrote them with the Spanish name prompt
    for heard in ("Díaz Guadalupe Hernández García Martínez", "López López López González",
                  "Me llamo Alejandro Luis Guadalupe Hernández García Sánchez",
                  "Suyo José Juan Luis Francisco Camero"):
        assert names_from_the_prompt(heard, "es"), heard


def test_a_common_name_made_of_the_prompts_names_is_still_a_name() -> None:
    for heard in ("Me llamo José Luis Hernández García", "María Guadalupe López Pérez", "Juan Carlos Cruz"):
        assert not names_from_the_prompt(heard, "es"), heard
    assert not names_from_the_prompt("Díaz Guadalupe Hernández García Martínez", "en")  # no list in English
