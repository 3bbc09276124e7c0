"""The single entry point the dialogue core calls."""

from datetime import datetime

import pytest

from daisy.understanding.values import read_value

NOW = datetime(2026, 5, 4, 10, 0)


@pytest.mark.parametrize(
    ("kind", "said", "lang", "value"),
    [
        ("name", "Sí, soy Ramón Ibarra.", "es", "Ramón Ibarra"),
        ("number", "Sesenta y uno, veinte.", "es", "6120"),
        ("plate", "Erre de Ramón, i griega, jota, cuatro cero cero", "es", "RYJ400"),
        ("time", "Dieciséis cuarenta y cinco.", "es", "16:45"),
        ("email", "Juan punto Pérez arroba Gmail punto com", "es", "juan.perez@gmail.com"),
        ("text", "  sin  comentarios ", "es", "sin comentarios"),
        ("number", "thirty nine eighty seven", "en", "3987"),
        ("plate", "alpha bravo charlie one two three", "en-US", "ABC123"),
        ("time", "six PM", "en", "18:00"),
    ],
)
def test_read_value_dispatches_by_kind(kind: str, said: str, lang: str, value: str) -> None:
    assert read_value(kind, said, lang, NOW) == value


@pytest.mark.parametrize("kind", ["name", "number", "plate", "time", "email", "text", "bogus"])
def test_nothing_said_gives_none(kind: str) -> None:
    assert read_value(kind, "", "es", NOW) is None


NOISE_ES = ["Espérame dos minutos", "Dame chance, 5 minutos", "¿Sigues ahí?", "Hola, ¿bueno?",
            "¿Eres un robot?",
            "¿Quién habla?", "Ya te lo dije", "Mande", "¿Cómo?", "¿Me repites?", "Pásame con una persona",
            "No me acuerdo", "No sé", "Ahorita no lo tengo a la mano", "Estoy manejando", "Llámame más tarde",
            "Mejor por WhatsApp", "Mándamelo por correo", "Eh", "Mmm", "Sí", "No", "Ajá",
            "Te lo paso en un segundo", "Un momento por favor", "Gracias", "¿Por qué te tardas tanto?"]
NOISE_EN = ["Hold on a second", "Give me two minutes", "Who is this?", "Can you repeat that?", "I don't know",
            "I'm driving right now", "Is this a robot?", "What company?", "Yes", "No", "Uh huh", "Sorry?",
            "Wait", "Let me check"]


@pytest.mark.parametrize("kind", ["name", "number", "plate", "time", "email"])
def test_chatter_never_becomes_a_value(kind: str) -> None:
    for said in NOISE_ES:
        assert read_value(kind, said, "es", NOW) is None, said
    for said in NOISE_EN:
        assert read_value(kind, said, "en", NOW) is None, said


@pytest.mark.parametrize(
    ("said", "lang", "hhmm"),
    [("como dos horas", "es", "12:00"), ("unas tres horas", "es", "13:00"), ("a las 19 horas", "es", "19:00"),
     ("about two hours", "en", "12:00"), ("una y media", "es", "13:30")],
)
def test_hours_without_en_are_a_duration_unless_a_clock_hour(said: str, lang: str, hhmm: str) -> None:
    assert read_value("time", said, lang, NOW) == hhmm


@pytest.mark.parametrize(
    ("kind", "said", "lang", "value"),
    [("number", "cuarenta y tres, perdón, cuarenta y cuatro", "es", "44"),
     ("plate", "A B C, o sea, A B D uno dos", "es", "ABD12"),
     ("time", "a las cinco, digo, a las seis de la tarde", "es", "18:00"),
     ("name", "Juan, perdón, Julio Pérez", "es", "Julio Pérez"),
     ("number", "Perdón, es el 45", "es", "45"),
     ("email", "juan arroba gmail punto com, perdón, juan arroba hotmail punto com", "es",
      "juan@hotmail.com"),
     ("number", "forty three, sorry, forty four", "en", "44")],
)
def test_caller_fixes_themselves_mid_answer(kind: str, said: str, lang: str, value: str) -> None:
    assert read_value(kind, said, lang, NOW) == value


TALK = ["ahí te va: ", "apúntale: ", "fíjate que es ", "a ver, ", "déjame ver... ", "este... ", "pues mira, ",
        "ándale, ", "órale pues, ", "ok, son ", "claro que sí, ", "deja lo busco... ya, ", "ya lo tengo: ",
        "ahí le va ", "la verdad es ", "mira, es el "]
SAID = [("number", "cuarenta y cinco doce", "4512"), ("plate", "A B C uno dos tres", "ABC123"),
        ("plate", "a be ce uno dos tres", "ABC123"), ("time", "a las cinco de la tarde", "17:00"),
        ("email", "juan arroba gmail punto com", "juan@gmail.com"),
        ("email", "a ene a arroba gmail punto com", "ana@gmail.com"), ("name", "Juan Pérez", "Juan Pérez")]


@pytest.mark.parametrize("talk", TALK)
def test_mexican_talk_before_the_value_is_ignored(talk: str) -> None:
    for kind, said, value in SAID:
        assert read_value(kind, talk + said, "es", NOW) == value, talk + said


TALK_EN = ["let me see... ", "here you go: ", "okay so ", "um, ", "alright, ", "sure thing, ", "yeah it's ",
           "got it, it's ", "so basically ", "hmm, let me check, it's ", "you ready? ", "write this down: "]
SAID_EN = [("number", "forty five twelve", "4512"), ("plate", "A B C one two three", "ABC123"),
           ("time", "five pm", "17:00"), ("email", "john at gmail dot com", "john@gmail.com"),
           ("name", "John Smith", "John Smith"), ("email", "a n a at gmail dot com", "ana@gmail.com"),
           ("email", "you are eye at gmail dot com", "uri@gmail.com")]


@pytest.mark.parametrize("talk", TALK_EN)
def test_english_talk_before_the_value_is_ignored(talk: str) -> None:
    for kind, said, value in SAID_EN:
        assert read_value(kind, talk + said, "en", NOW) == value, talk + said
