"""No parser crashes, whatever the recognizer sends, and outputs keep their canonical shape."""

import re
from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from daisy.understanding.corrections import apply_correction
from daisy.understanding.emails import is_complete_email, read_email, say_email
from daisy.understanding.names import read_name
from daisy.understanding.normalize import normalize
from daisy.understanding.numbers import say_digits, spoken_code, spoken_digits
from daisy.understanding.spelling import looks_complete_plate, say_symbols, spell
from daisy.understanding.times import read_time, say_time
from daisy.understanding.values import read_value

VOCAB = (
    "letra de la el y es no sí eme ene equis zeta jota be ve te ese doble u i griega a e o arroba punto "
    "guion bajo cero uno dos tres cuatro cinco diez once quince veinte treinta cuarenta ciento mil "
    "doscientos las a de tarde mañana noche menos cuarto media para en horas minutos minúscula "
    "antes va en vez primera última luego oh at dot eight thirty hundred pm am quarter past to "
    "alpha bravo as in instead of not it's burro águila gmail com 12 4 : @ . - , ¿ ? mx"
).split()
LANGS = st.sampled_from(["es-MX", "en-US", "es", "en", "fr", ""])
TEXT = st.one_of(
    st.text(max_size=80),
    st.lists(st.sampled_from(VOCAB), max_size=14).map(" ".join),
)
NOW = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31))
SYMBOLS = re.compile(r"^[A-Z0-9]*$")


@settings(max_examples=300, deadline=None)
@given(TEXT, LANGS)
def test_number_and_plate_parsers_never_crash_and_stay_canonical(text: str, lang: str) -> None:
    assert isinstance(normalize(text), str)
    digits = spoken_digits(text, lang)
    assert digits is None or digits.isdigit()
    code = spoken_code(text, lang)
    assert code is None or SYMBOLS.match(code)
    plate = spell(text, lang)
    assert SYMBOLS.match(plate)
    looks_complete_plate(plate)
    say_symbols(plate, lang)
    say_digits(plate, lang)


@settings(max_examples=300, deadline=None)
@given(TEXT, LANGS, NOW)
def test_time_parser_never_crashes_and_gives_hh_mm(text: str, lang: str, now: datetime) -> None:
    got = read_time(text, lang, now)
    assert got is None or re.match(r"^([01]\d|2[0-3]):[0-5]\d$", got)
    if got:
        assert isinstance(say_time(got, lang), str)


@settings(max_examples=300, deadline=None)
@given(TEXT, LANGS)
def test_email_and_name_parsers_never_crash(text: str, lang: str) -> None:
    email = read_email(text, lang)
    assert email == email.lower() and " " not in email
    is_complete_email(email)
    say_email(email, lang)
    name = read_name(text, lang)
    assert name is None or (name.strip() == name and name)


@settings(max_examples=300, deadline=None)
@given(TEXT, LANGS, st.sampled_from(["name", "number", "plate", "time", "email", "text", "x"]),
       st.text(max_size=12), NOW)
def test_corrections_and_dispatch_never_crash(text: str, lang: str, kind: str, current: str,
                                              now: datetime) -> None:
    apply_correction(text, lang, kind, current, now)
    read_value(kind, text, lang, now)


@given(st.text(max_size=10))
def test_read_backs_accept_any_value(value: str) -> None:
    say_time(value, "es")
    say_symbols(value, "en")
    say_email(value, "es")
    say_digits(value, "es")


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_normalize_is_idempotent_and_plain(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert once == once.strip() and "  " not in once
    assert all(ch.isascii() and (ch.isalnum() or ch == " ") or ch == "ñ" for ch in once)
