from __future__ import annotations

import asyncio

import pytest
from livekit import api
from livekit.protocol import models

from daisy.telephony.common import TelephonyError
from daisy.telephony.voicemail import Verdict, act, classify, configured_action, message_text

from .fake_livekit import API_KEY, API_SECRET, FakeLiveKit


@pytest.mark.parametrize(
    "said",
    [
        "Hola, no puedo contestar, deja tu mensaje después del tono.",
        "Bienvenido al buzón de voz de Telcel.",
        "El usuario no se encuentra disponible, por favor deje su mensaje.",
        "Hi, you've reached Mike. Leave a message after the beep.",
        "The person you are calling is not available.",
        "Has sido transferido al correo de voz.",
        "Buzon",  # as the recognizer writes it, without the accent
    ],
)
def test_voicemail_greetings_are_machines(said: str) -> None:
    verdict = classify(said)
    assert verdict.machine and verdict.action == "message", verdict


@pytest.mark.parametrize(
    "said",
    ["El número que usted marcó no existe.", "The number you have dialed is not in service."],
)
def test_network_announcements_hang_up(said: str) -> None:
    assert classify(said) == Verdict(True, classify(said).reason, "hangup")


@pytest.mark.parametrize(
    "said",
    ["¿Bueno?", "Bueno.", "Sí, diga.", "¿Hola?", "Mande.", "Hello?", "Yeah, who's this?", "¿Quién habla?"],
)
def test_people_answering(said: str) -> None:
    verdict = classify(said, speech_seconds=1.2)
    assert not verdict.machine, verdict


def test_long_speech_without_a_pause_is_a_machine() -> None:
    said = "Gracias por llamar a Transportes Ibarra, nuestro horario es de lunes a viernes"
    assert not classify(said, speech_seconds=3.0).machine
    assert classify(said, speech_seconds=7.5).machine
    words = "gracias por comunicarte con transportes ibarra, nuestro horario de atención es"
    words += " de lunes a viernes de nueve"
    assert classify(words).reason == "long monologue"


def test_person_talking_normally_is_not_a_machine() -> None:
    assert not classify("Sí, soy yo, ¿quién habla?", speech_seconds=2.0).machine
    assert classify("").reason == "silence"


def test_action_is_configurable() -> None:
    assert classify("deja tu mensaje", action="hangup").action == "hangup"
    assert configured_action(None) == "message"
    assert configured_action(" HangUp ") == "hangup"
    with pytest.raises(TelephonyError, match="DAISY_VOICEMAIL"):
        classify("deja tu mensaje", action="sing")


def test_message_text() -> None:
    assert message_text("es", "Fletes del Norte").startswith("Hola, soy Daisy, de Fletes del Norte.")
    assert "Daisy" in message_text("en")


@pytest.mark.parametrize(("action", "spoken"), [("message", 1), ("hangup", 0)])
def test_act_leaves_message_then_hangs_up(fake: FakeLiveKit, action: str, spoken: int) -> None:
    fake.rooms["call-x"] = models.Room(name="call-x")
    said: list[str] = []

    async def say(text: str) -> None:
        said.append(text)

    async def main() -> str | None:
        async with api.LiveKitAPI(fake.url, API_KEY, API_SECRET) as lk:
            verdict = classify("deja tu mensaje después del tono", action=action)
            return await act(lk, "call-x", verdict, say)

    assert asyncio.run(main()) == "voicemail"
    assert len(said) == spoken and fake.rooms == {}


def test_act_does_nothing_for_a_person(fake: FakeLiveKit) -> None:
    async def main() -> str | None:
        async with api.LiveKitAPI(fake.url, API_KEY, API_SECRET) as lk:
            return await act(lk, "call-x", classify("¿Bueno?"), lambda text: asyncio.sleep(0))

    assert asyncio.run(main()) is None
    assert fake.requests == []
