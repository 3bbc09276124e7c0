"""Calls written the way a live call writes them (through Store.call_log()), for the web tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from daisy.conversation import CallLog
from daisy.core.state import CallState, Direction, FieldValue, FollowUp, Outcome, Phase
from daisy.form import load_form
from daisy.settings import Settings

TOKEN = "s3cret-admin-token-for-tests"
T0 = datetime(2026, 3, 2, 15, 30, tzinfo=UTC)

RAMON = {
    "driver_name": "Ramón Ibarra",
    "tractor_number": "6120",
    "tractor_plates": "RYJ400",
    "trailer_number": "TR55",
    "trailer_plates": "ABC1234",
    "eta": "17:45",
    "email": "ramon.ibarra@example.com",
}
LUCIA = {
    "driver_name": "Lucía Fernández",
    "tractor_number": "88",
    "tractor_plates": "XZK9081",
    "trailer_number": "C41",
}


def write_call(
    log: CallLog,
    call_id: str,
    values: dict[str, str],
    *,
    start: datetime = T0,
    caller: str | None = "+525512345678",
    direction: Direction = Direction.INBOUND,
    outcome: Outcome | None = Outcome.COMPLETED,
    follow_up: FollowUp | None = None,
    latency: bool = True,
) -> CallState:
    """Each value asked, given and confirmed (with a voice-like latency on Daisy's turns)."""
    form = load_form()
    state = CallState(direction=direction, lang="es-MX", phase=Phase.ASKING, field="driver_name",
                      caller_number=caller)
    now = start
    log.call_started(call_id, state, form, now)
    seq = 1
    greeting = "¡Hola! Soy Daisy, de Fletes del Norte. ¿Me dices tu nombre completo?"
    log.turn_added(call_id, seq, "daisy", greeting, now, state)
    for key, value in values.items():
        now += timedelta(seconds=6)
        seq += 1
        log.turn_added(call_id, seq, "caller", value, now, state)
        fields = dict(state.values)
        fields[key] = FieldValue(value=value, confirmed=True, attempts=1)
        state = replace(state, values=fields, field=key, phase=Phase.CONFIRMING)
        log.field_changed(call_id, key, state, now)
        seq += 1
        log.turn_added(call_id, seq, "daisy", f"{value}, ¿correcto?", now, state)
        if latency:
            log.latency_measured(call_id, seq, {"endpointing": 300.0, "stt": 180.0, "core": 10.0,
                                                "tts": 210.0, "total": 700.0})
    if outcome is not None:
        now += timedelta(seconds=4)
        state = replace(state, phase=Phase.ENDED, outcome=outcome, follow_up=follow_up, field=None)
        log.call_ended(call_id, state, now)
    return state


def seed_standard(log: CallLog) -> None:
    """Five calls over three days, every outcome kind the pages show differently."""
    write_call(log, "call-ramon", RAMON, start=T0)
    write_call(log, "call-lucia", LUCIA, start=T0 + timedelta(days=1), caller="+525598765432",
               outcome=Outcome.INCOMPLETE)
    write_call(log, "call-callback", {}, start=T0 + timedelta(days=1, hours=2), caller="+525511112222",
               outcome=Outcome.CALLBACK,
               follow_up=FollowUp("callback", callback_at=T0 + timedelta(days=1, hours=3)))
    write_call(log, "call-email", {}, start=T0 + timedelta(days=2), caller="+525533334444",
               direction=Direction.OUTBOUND, outcome=Outcome.EMAIL,
               follow_up=FollowUp("email", address="chofer@example.com"))
    write_call(log, "call-running", {"driver_name": "Pedro Páramo"}, start=T0 + timedelta(days=2, hours=1),
               outcome=None)


def settings(**values: object) -> Settings:
    # Neither a developer's .env nor the environment may slip a token or a webhook into the tests.
    given: dict[str, object] = {"daisy_admin_token": None, "daisy_webhook_url": None,
                                "daisy_webhook_secret": None, **values}
    return Settings(_env_file=None, **given)  # type: ignore[call-arg]


def bearer(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


# The dashboard answers only to the names it serves (DNS rebinding): test clients use a loopback one.
LOCAL_URL = "http://localhost"
