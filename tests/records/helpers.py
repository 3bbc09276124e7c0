"""Build call states and write whole calls through SqlCallLog, the way Conversation does."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from daisy.conversation import CallLog
from daisy.core.state import CallState, Direction, FieldValue, FollowUp, Outcome, Phase
from daisy.form import Form, load_form

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


def form() -> Form:
    return load_form()


def start_state(caller: str | None = "+525512345678", lang: str = "es-MX") -> CallState:
    return CallState(
        direction=Direction.INBOUND, lang=lang, phase=Phase.ASKING, field="driver_name", caller_number=caller
    )


def with_field(
    state: CallState,
    key: str,
    value: str | None,
    confirmed: bool = True,
    attempts: int = 1,
    source: str = "speech",
    unknown: bool = False,
) -> CallState:
    values = dict(state.values)
    values[key] = FieldValue(
        value=value, confirmed=confirmed, attempts=attempts, source=source, unknown=unknown
    )
    return replace(state, values=values, field=key, phase=Phase.CONFIRMING)


def write_call(
    log: CallLog,
    call_id: str,
    values: dict[str, str] | None = None,
    *,
    start: datetime = T0,
    caller: str | None = "+525512345678",
    outcome: Outcome | None = Outcome.COMPLETED,
    follow_up: FollowUp | None = None,
) -> CallState:
    """A call in which each value is asked, given and confirmed; ended with `outcome` unless None."""
    values = RAMON if values is None else values
    f = form()
    state = start_state(caller)
    now = start
    log.call_started(call_id, state, f, now)
    seq = 1
    log.turn_added(call_id, seq, "daisy", "¡Hola! Soy Daisy. ¿Me dices tu nombre completo?", now, state)
    for key, value in values.items():
        now += timedelta(seconds=5)
        seq += 1
        log.turn_added(call_id, seq, "caller", value, now, state)
        state = with_field(state, key, value)
        log.field_changed(call_id, key, state, now)
        seq += 1
        log.turn_added(call_id, seq, "daisy", f"{value}, ¿correcto?", now, state)
    if outcome is not None:
        now += timedelta(seconds=5)
        state = replace(state, phase=Phase.ENDED, outcome=outcome, follow_up=follow_up, field=None)
        log.call_ended(call_id, state, now)
    return state
