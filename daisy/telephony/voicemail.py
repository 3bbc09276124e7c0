"""Answering-machine detection for outbound calls, from what the callee says first.

A person answers short ("¿Bueno?", "Sí, diga", "Hello?") and waits; a machine plays a greeting that
names itself ("deja tu mensaje después del tono", "buzón", "leave a message") or talks on without a
pause. The voice worker passes the callee's first transcript (and, if known, how long they spoke
before the first pause) to `classify`; on a machine Daisy leaves a short message or just hangs up,
as DAISY_VOICEMAIL says, and the call's outcome is `voicemail`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from daisy.telephony.common import TelephonyError

if TYPE_CHECKING:
    from livekit import api

ACTIONS = ("message", "hangup")

# Voicemail greetings (recognizer output is folded: lowercase, no accents, no punctuation).
_MAILBOX = (
    "deja tu mensaje",
    "deje su mensaje",
    "deja un mensaje",
    "deje un mensaje",
    "dejar un mensaje",
    "dejar su mensaje",
    "grabe su mensaje",
    "graba tu mensaje",
    "despues del tono",
    "al escuchar el tono",
    "despues de la senal",
    "buzon",
    "correo de voz",
    "mensaje de voz",
    "no esta disponible",
    "no se encuentra disponible",
    "no puede atender",
    "no puedo atender",
    "no puedo contestar",
    "por el momento no",
    "leave a message",
    "leave your message",
    "leave me a message",
    "after the tone",
    "after the beep",
    "at the tone",
    "voicemail",
    "voice mail",
    "mailbox",
    "not available",
    "unavailable",
    "can t come to the phone",
    "cannot take your call",
    "can t take your call",
    "record your message",
)
# Network announcements: there is nobody to leave a message for.
_ANNOUNCEMENT = (
    "el numero que usted marco",
    "el numero que marco",
    "fuera del area de servicio",
    "no existe",
    "esta apagado",
    "the number you have dialed",
    "the number you dialed",
    "is not in service",
    "has been disconnected",
)
# What a person says on picking up; alone, it settles the question at once.
_GREETINGS = {
    "bueno",
    "hola",
    "diga",
    "digame",
    "si",
    "alo",
    "mande",
    "quien habla",
    "hello",
    "hi",
    "yes",
    "yeah",
}

LONG_SPEECH_SECONDS = 5.5  # a person says "¿bueno?" and waits; a greeting keeps going
LONG_GREETING_WORDS = 16


@dataclass(frozen=True)
class Verdict:
    machine: bool
    reason: str
    action: str | None = None  # "message" | "hangup" when machine


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9@]+", " ", plain).split())


def configured_action(value: str | None) -> str:
    action = (value or "message").strip().lower()
    if action not in ACTIONS:
        raise TelephonyError(f"DAISY_VOICEMAIL must be 'message' or 'hangup' (got {value!r})")
    return action


def classify(
    first_transcript: str, speech_seconds: float | None = None, *, action: str = "message"
) -> Verdict:
    """Decide from the callee's first turn whether a machine answered."""
    action = configured_action(action)
    text = fold(first_transcript)
    if not text:
        return Verdict(False, "silence")  # the dialogue's silence handling takes over
    padded = f" {text} "
    for phrase in _ANNOUNCEMENT:
        if f" {phrase} " in padded:
            return Verdict(True, f"announcement: {phrase}", "hangup")
    for phrase in _MAILBOX:
        if f" {phrase} " in padded:
            return Verdict(True, f"voicemail: {phrase}", action)
    if text in _GREETINGS or (len(text.split()) <= 3 and text.split()[0] in _GREETINGS):
        return Verdict(False, "greeting")
    if speech_seconds is not None and speech_seconds >= LONG_SPEECH_SECONDS:
        return Verdict(True, f"spoke {speech_seconds:.1f} s without a pause", action)
    if len(text.split()) >= LONG_GREETING_WORDS:
        return Verdict(True, "long monologue", action)
    return Verdict(False, "person")


def message_text(lang: str = "es", company: str | None = None) -> str:
    """The short message left after the tone."""
    if lang.startswith("en"):
        who = f"Daisy, from {company}" if company else "Daisy"
        return (
            f"Hi, this is {who}. I was calling to register your load details. "
            "I'll call you back later, or you can call us at this number. Thank you!"
        )
    who = f"Daisy, de {company}" if company else "Daisy"
    return (
        f"Hola, soy {who}. Te llamaba para registrar los datos de tu viaje. "
        "Te vuelvo a marcar más tarde, o puedes llamarnos a este número. ¡Gracias!"
    )


async def act(
    lk: api.LiveKitAPI,
    room_name: str,
    verdict: Verdict,
    say: Callable[[str], Awaitable[None]],
    *,
    lang: str = "es",
    company: str | None = None,
) -> str | None:
    """Carry out the verdict: leave the message (through the worker's `say`), then hang up.

    The worker calls this once the greeting has ended, so the message starts after the tone.
    Returns the outcome ("voicemail") or None when a person answered.
    """
    from daisy.telephony.transfer import hang_up

    if not verdict.machine:
        return None
    if verdict.action == "message":
        await say(message_text(lang, company))
    await hang_up(lk, room_name)
    return "voicemail"
