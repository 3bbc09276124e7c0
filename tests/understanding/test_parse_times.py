"""Arrival times: 24-hour pairs, 12-hour with part of the day, quarters, relative times."""

from datetime import datetime

import pytest

from daisy.understanding.times import read_time, say_time

NOW = datetime(2026, 5, 4, 10, 0)

ES = [
    ("dieciséis cuarenta y cinco", "16:45"), ("Diecisiete cuarenta y cinco.", "17:45"),
    ("Veintitrés treinta.", "23:30"), ("cero cero treinta", "00:30"), ("nueve quince", "09:15"),
    ("17:45.", "17:45"), ("No, es a las 23:30", "23:30"), ("a las cuatro de la tarde", "16:00"),
    ("siete y cuarto de la mañana", "07:15"), ("tres menos cuarto de la tarde", "14:45"),
    ("veinte para las ocho de la noche", "19:40"), ("a la una", "13:00"),
    ("a las ocho y media", "20:30"), ("mediodía", "12:00"), ("medianoche", "00:00"),
    ("como a las once de la noche", "23:00"), ("a las doce de la noche", "00:00"),
    ("llego a las 5 pm", "17:00"), ("las diez en punto", "10:00"), ("una de la tarde", "13:00"),
    ("a las seis de la mañana", "06:00"), ("cuarto para las tres de la tarde", "14:45"),
    ("a las dos y diez de la tarde", "14:10"), ("a las 1745", "17:45"),
    ("como a las cinco y media de la tarde", "17:30"), ("veintiuna horas", "21:00"),
]
ES_RELATIVE = [
    ("en unas dos horas", "12:00"), ("en dos horas y media", "12:30"), ("en media hora", "10:30"),
    ("en 45 minutos", "10:45"), ("en una hora", "11:00"), ("dentro de tres horas", "13:00"),
    ("en cuarenta minutos", "10:40"), ("en hora y media", "11:30"),
]
EN = [
    ("six PM", "18:00"), ("around two thirty in the afternoon", "14:30"),
    ("five past eight in the morning", "08:05"), ("quarter to nine in the evening", "20:45"),
    ("noon", "12:00"), ("midnight", "00:00"), ("half past seven pm", "19:30"), ("at 5:30 pm", "17:30"),
    ("ten o'clock at night", "22:00"), ("7 am", "07:00"), ("at 16:45", "16:45"),
    ("in two hours", "12:00"), ("in 45 minutes", "10:45"), ("in an hour and a half", "11:30"),
    ("in half an hour", "10:30"), ("in about three hours", "13:00"),
]


@pytest.mark.parametrize(("said", "hhmm"), ES)
def test_driver_gives_eta_in_spanish(said: str, hhmm: str) -> None:
    assert read_time(said, "es-MX", NOW) == hhmm


@pytest.mark.parametrize(("said", "hhmm"), ES_RELATIVE)
def test_driver_gives_relative_eta_in_spanish(said: str, hhmm: str) -> None:
    assert read_time(said, "es-MX", NOW) == hhmm


@pytest.mark.parametrize(("said", "hhmm"), EN)
def test_driver_gives_eta_in_english(said: str, hhmm: str) -> None:
    assert read_time(said, "en-US", NOW) == hhmm


def test_hour_without_part_of_day_is_the_next_one_after_now() -> None:
    assert read_time("a la una", "es", datetime(2026, 5, 4, 10, 0)) == "13:00"
    assert read_time("a las once", "es", datetime(2026, 5, 4, 9, 0)) == "11:00"
    assert read_time("a las once", "es", datetime(2026, 5, 4, 12, 0)) == "23:00"
    assert read_time("at two thirty", "en", datetime(2026, 5, 4, 9, 0)) == "14:30"


def test_relative_time_crosses_midnight() -> None:
    assert read_time("en tres horas", "es", datetime(2026, 5, 4, 22, 30)) == "01:30"


@pytest.mark.parametrize("said", ["no sé", "sí", "", "Hola", "ya te lo di", "¿Qué?"])
def test_no_time_gives_none(said: str) -> None:
    assert read_time(said, "es", NOW) is None


@pytest.mark.parametrize(("said", "lang"), [("1 75", "es"), ("a las 8 75", "es"), ("two 75", "en"),
                                           ("Call the past four in the afternoon.", "en")])
def test_an_hour_followed_by_minutes_that_cannot_be_is_no_time(said: str, lang: str) -> None:
    # "once veinticinco" heard "1 75", "quarter past four" heard "Call the past four": the minutes
    # were misheard, so the hour alone is not the time
    assert read_time(said, lang, NOW) is None


def test_say_time_naturally() -> None:
    assert say_time("16:45", "es-MX") == "las cuatro cuarenta y cinco de la tarde"
    assert say_time("07:00", "es-MX") == "las siete de la mañana"
    assert say_time("13:05", "es-MX") == "la una y cinco de la tarde"
    assert say_time("12:00", "es-MX") == "las doce del día"
    assert say_time("16:45", "en-US") == "4:45 PM"
    assert say_time("00:00", "en-US") == "midnight"


@pytest.mark.parametrize(
    ("said", "lang", "hhmm"),
    [("a las doce del día", "es", "12:00"), ("en un par de horas", "es", "12:00"),
     ("a las siete con quince de la tarde", "es", "19:15"), ("como en hora y media", "es", "11:30"),
     ("at seventeen hundred", "en", "17:00"), ("in a couple of hours", "en", "12:00"),
     ("an hour and a half from now", "en", "11:30"), ("fourteen thirty", "en", "14:30")],
)
def test_more_ways_to_give_eta(said: str, lang: str, hhmm: str) -> None:
    assert read_time(said, lang, NOW) == hhmm


@pytest.mark.parametrize(
    ("said", "lang", "hhmm"),
    [("veinte cero cinco", "es", "20:05"), ("cero cero cero cinco", "es", "00:05"),
     ("cero siete quince", "es", "07:15"), ("eight oh three PM", "en", "20:03"),
     ("about six oh nine PM", "en", "18:09")],
)
def test_clock_digits_with_a_spoken_zero(said: str, lang: str, hhmm: str) -> None:
    assert read_time(said, lang, NOW) == hhmm


def test_range_takes_its_start() -> None:
    assert read_time("entre cinco y seis de la tarde", "es", NOW) == "17:00"


@pytest.mark.parametrize(
    ("said", "lang", "hhmm"),
    [("mañana a las 7", "es", "07:00"), ("mañana a las 7 de la noche", "es", "19:00"),
     ("tomorrow at 6", "en", "06:00"), ("tomorrow morning at 6", "en", "06:00"),
     ("in a half hour", "en", "10:30"), ("in two and a half hours", "en", "12:30"),
     ("two and a half hours from now", "en", "12:30"), ("nine o'clock tonight", "en", "21:00"),
     ("a las once y quince de la mañana", "es", "11:15"), ("las seis menos diez de la tarde", "es", "17:50")],
)
def test_tomorrow_and_half_hours(said: str, lang: str, hhmm: str) -> None:
    assert read_time(said, lang, NOW) == hhmm


@pytest.mark.parametrize(
    ("said", "lang", "hhmm"),
    [("en una hora quince", "es", "23:00"), ("en dos horas veinte", "es", "00:05"),
     ("en tres cuartos de hora", "es", "22:30"), ("en cuarto de hora", "es", "22:00"),
     ("in a quarter of an hour", "en", "22:00"), ("in three quarters of an hour", "en", "22:30"),
     ("en 2 horas y 15 minutos", "es", "00:00"), ("in 1 hour 30 minutes", "en", "23:15"),
     ("in an hour and fifteen minutes", "en", "23:00"), ("en una hora y cuarto", "es", "23:00")],
)
def test_relative_eta_with_quarters_and_minutes_late_at_night(said: str, lang: str, hhmm: str) -> None:
    assert read_time(said, lang, datetime(2026, 11, 22, 21, 45)) == hhmm


def test_english_ish_times() -> None:
    assert read_time("around 7ish pm", "en", NOW) == "19:00"
    assert read_time("eightish in the evening", "en", NOW) == "20:00"


@pytest.mark.parametrize(
    ("said", "hhmm"),
    [("17 horas con 30", "17:30"), ("diecisiete horas treinta minutos", "17:30"),
     ("a las 17 hrs 30", "17:30"),
     ("las diecinueve horas y quince", "19:15"), ("a las cinco y diez minutos de la tarde", "17:10")],
)
def test_clock_with_the_word_horas(said: str, hhmm: str) -> None:
    assert read_time(said, "es", NOW) == hhmm


@pytest.mark.parametrize(
    ("said", "lang", "hhmm"),
    [("12 midnight", "en", "00:00"), ("12 noon", "en", "12:00"), ("12:30 am", "en", "00:30"),
     ("a las 12:30 de la noche", "es", "00:30")],
)
def test_twelve_oclock_edges(said: str, lang: str, hhmm: str) -> None:
    assert read_time(said, lang, NOW) == hhmm


AFTERNOON = datetime(2026, 11, 23, 14, 0)


@pytest.mark.parametrize(
    ("said", "hhmm"),
    [("08:05", "08:05"), ("06:45", "06:45"), ("10:20", "10:20"), ("12:00", "12:00"), ("ten twenty", "10:20"),
     ("twelve hundred hours", "12:00"), ("oh eight hundred hours", "08:00")],
)
def test_english_bare_clock_is_24_hour_like_spanish_pairs(said: str, hhmm: str) -> None:
    assert read_time(said, "en-US", AFTERNOON) == hhmm


def test_english_clock_after_at_is_its_next_occurrence() -> None:
    assert read_time("at 5:30", "en-US", AFTERNOON) == "17:30"
    assert read_time("at ten twenty", "en-US", AFTERNOON) == "22:20"


@pytest.mark.parametrize(
    ("said", "hhmm"),
    [("doce horas", "12:00"), ("a las doce horas", "12:00"), ("a las ocho horas", "08:00"),
     ("a las 8 horas", "08:00"), ("ocho horas", "08:00"), ("a las diecisiete horas con treinta", "17:30")],
)
def test_n_horas_is_the_formal_24_hour_clock(said: str, hhmm: str) -> None:
    assert read_time(said, "es-MX", AFTERNOON) == hhmm


@pytest.mark.parametrize(
    ("said", "hhmm"),
    [("como dos horas", "16:00"), ("dos horas", "16:00"), ("unas seis horas", "20:00"),
     ("en ocho horas", "22:00"), ("dentro de doce horas", "02:00"), ("me faltan cinco horas", "19:00")],
)
def test_n_horas_with_a_duration_cue_is_relative(said: str, hhmm: str) -> None:
    assert read_time(said, "es-MX", AFTERNOON) == hhmm


@pytest.mark.parametrize(
    ("said", "hhmm"),
    [("ocho horas con quince", "08:15"), ("a las nueve horas y media", "09:30"),
     ("las 8 horas con 5", "08:05")],
)
def test_n_horas_with_minutes_is_the_formal_24_hour_clock(said: str, hhmm: str) -> None:
    assert read_time(said, "es-MX", AFTERNOON) == hhmm


@pytest.mark.parametrize("heard", ["O K S U T", "O K", "oh"])
def test_a_lone_oh_among_letters_is_no_time(heard: str) -> None:
    # "Okay, shoot." heard as letters had booked a call back at midnight
    assert read_time(heard, "en-US", AFTERNOON) is None
    assert read_time("eight oh three", "en-US", AFTERNOON) == "08:03"


@pytest.mark.parametrize(
    ("said", "lang", "hhmm"),
    [("Ninety minutes.", "en", "11:30"), ("about forty five minutes", "en", "10:45"),
     ("noventa minutos", "es", "11:30"), ("unos cuarenta minutos", "es", "10:40"),
     ("faltan veinte minutos", "es", "10:20")],
)
def test_minutes_alone_are_how_long_until_arrival(said: str, lang: str, hhmm: str) -> None:
    assert read_time(said, lang, NOW) == hhmm


@pytest.mark.parametrize(
    ("said", "lang"),
    [("dame diez minutos", "es"), ("give me ten minutes", "en"), ("dos minutos", "es"),
     ("wait five minutes", "en")],
)
def test_minutes_asked_for_are_a_hold_not_an_arrival(said: str, lang: str) -> None:
    assert read_time(said, lang, NOW) is None


@pytest.mark.parametrize(
    ("said", "lang", "hhmm"),
    [("in twenty", "en", "10:20"), ("I'll be there in 20", "en", "10:20"), ("llego en veinte", "es", "10:20"),
     ("In 150 millets.", "en", "12:30"), ("in about thirty", "en", "10:30")],
)
def test_minutes_with_their_unit_unsaid_or_misheard_after_in(said: str, lang: str, hhmm: str) -> None:
    # "in ten" had been read as ten at night, "In 150 millets." as 01:50
    assert read_time(said, lang, NOW) == hhmm


@pytest.mark.parametrize(("said", "lang"), [("in two", "en"), ("in about 2", "en"), ("en cinco", "es")])
def test_a_small_number_after_in_with_no_unit_is_no_time(said: str, lang: str) -> None:
    # hours or minutes? neither a clock: asked again rather than guessed
    assert read_time(said, lang, NOW) is None


def test_a_number_after_in_keeps_its_clock_when_a_clock_word_is_said() -> None:
    assert read_time("in the evening at 7", "en", NOW) == "19:00"
    assert read_time("en la tarde, a las cinco", "es", NOW) == "17:00"
    assert read_time("in 6 pm", "en", NOW) == "18:00"  # "in" for "at"
