"""The many ways drivers say yes, no and the start-of-call intents, in Spanish and English."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from daisy.understanding.intents import Intent, classify

YES_ES = [
    "Sí.",
    "Que sí.",
    "Sí, sí, sé.",
    "Ajá",
    "Así es",
    "Eso",
    "Exacto.",
    "De acuerdo.",
    "Sí, sería esa hora.",
    "Si son correctos.",
    "Correcto",
    "Órale, sí",
    "Simón",
    "Está bien",
    "Claro que sí",
]
NO_ES = ["No.", "No está mal.", "No, no, no", "No está bien", "Incorrecto", "Está mal", "Nel", "Tampoco"]
YES_EN = ["yes", "yep", "that's right", "correct", "uh huh", "yeah that's it", "sure"]
NO_EN = ["no", "nope", "that's wrong", "incorrect", "no that's not right", "nah"]


@pytest.mark.parametrize("text", YES_ES)
def test_spanish_yes(text: str) -> None:
    found = classify(text, "es-MX")
    assert Intent.YES in found and Intent.NO not in found


@pytest.mark.parametrize("text", NO_ES)
def test_spanish_no(text: str) -> None:
    found = classify(text, "es-MX")
    assert Intent.NO in found and Intent.YES not in found


@pytest.mark.parametrize("text", YES_EN)
def test_english_yes(text: str) -> None:
    found = classify(text, "en-US")
    assert Intent.YES in found and Intent.NO not in found


@pytest.mark.parametrize("text", NO_EN)
def test_english_no(text: str) -> None:
    found = classify(text, "en-US")
    assert Intent.NO in found and Intent.YES not in found


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("pásame con una persona", Intent.HUMAN),
        ("quiero hablar con alguien de verdad", Intent.HUMAN),
        ("llámame en veinte minutos", Intent.CALLBACK),
        ("háblame a las cinco", Intent.CALLBACK),
        ("mejor mándamelo por correo", Intent.EMAIL),
        ("por WhatsApp mejor", Intent.WHATSAPP),
        ("espérame tantito", Intent.WAIT),
        ("dame un segundo", Intent.WAIT),
        ("no me interesa", Intent.REFUSE),
        ("ahorita no puedo", Intent.BUSY),
        ("no me acuerdo", Intent.DONT_KNOW),
        ("¿Mande?", Intent.REPEAT),
        ("¿Quién habla?", Intent.WHO),
        ("¿Por qué me llamas?", Intent.WHY),
        ("¿Eres un robot?", Intent.ROBOT),
        ("¿Por qué te tardas tanto?", Intent.IMPATIENT),
        ("ya te lo di", Intent.ALREADY_GAVE),
    ],
)
def test_spanish_intents(text: str, intent: Intent) -> None:
    assert intent in classify(text, "es-MX")


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("can I talk to a real person", Intent.HUMAN),
        ("call me back in an hour", Intent.CALLBACK),
        ("just send me an email", Intent.EMAIL),
        ("hold on a second", Intent.WAIT),
        ("I'm not interested", Intent.REFUSE),
        ("I'm driving right now", Intent.BUSY),
        ("I don't remember", Intent.DONT_KNOW),
        ("can you repeat that", Intent.REPEAT),
        ("who is this", Intent.WHO),
        ("are you a robot", Intent.ROBOT),
    ],
)
def test_english_intents(text: str, intent: Intent) -> None:
    assert intent in classify(text, "en-US")


def test_why_do_you_call_is_not_a_callback_request() -> None:
    assert Intent.CALLBACK not in classify("¿Para qué me llamas?", "es-MX")


@given(st.text(max_size=80), st.sampled_from(["es-MX", "en-US"]))
def test_any_text_is_classified_without_crashing(text: str, lang: str) -> None:
    assert isinstance(classify(text, lang), set)


def test_a_reply_that_starts_with_one_answer_and_ends_with_the_other_is_neither() -> None:
    from daisy.understanding.intents import Intent, classify

    # "Uh huh, yes." heard "No. Yes." had a right plate refused (made-up set 18)
    assert not classify("No. Yes.", "en") & {Intent.YES, Intent.NO}
    assert not classify("No, sí.", "es") & {Intent.YES, Intent.NO}
    assert not classify("Okay, no.", "en") & {Intent.YES, Intent.NO}
    assert classify("Sure, no problem.", "en") & {Intent.YES, Intent.NO} == {Intent.YES}
    assert classify("No, no, no.", "es") & {Intent.YES, Intent.NO} == {Intent.NO}
