"""Calls with a known shape for the overview's figures: how many read-backs and caller turns each
field took, whether it ended confirmed, what latency each of Daisy's turns measured. Written through
the records store's CallLog, the way a live call writes them."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from daisy.conversation import CallLog
from daisy.core.state import CallState, Direction, FieldValue, Outcome, Phase
from daisy.form import load_form

from .seed import RAMON


@dataclass(frozen=True)
class FieldScript:
    value: str
    read_backs: int = 1  # Daisy read it back this many times (the last one confirmed, if confirmed)
    caller_turns: int = 1  # the driver's turns on this field
    confirmed: bool = True


def write_scripted_call(
    log: CallLog,
    call_id: str,
    start: datetime,
    fields: dict[str, FieldScript],
    *,
    direction: Direction = Direction.INBOUND,
    outcome: Outcome | None = Outcome.COMPLETED,
    latency: list[dict[str, float]] | None = None,
) -> None:
    """Daisy asks each field in turn; the driver's turns and Daisy's read-backs alternate; each of
    Daisy's turns after the greeting takes the next entry of `latency` (if any)."""
    form = load_form()
    state = CallState(direction=direction, lang="es-MX", phase=Phase.ASKING, field=form.keys[0],
                      caller_number="+525500000000")
    now, seq = start, 1
    log.call_started(call_id, state, form, now)
    log.turn_added(call_id, seq, "daisy", "¡Hola! Soy Daisy.", now, state)
    measured = iter(latency or [])

    def daisy(text: str) -> None:
        nonlocal seq
        seq += 1
        log.turn_added(call_id, seq, "daisy", text, now, state)
        sample = next(measured, None)
        if sample:
            log.latency_measured(call_id, seq, sample)

    for key, script in fields.items():
        state = replace(state, field=key, phase=Phase.ASKING, step="field")
        if key != form.keys[0]:
            daisy(f"¿Y {key}?")
        for turn in range(max(script.caller_turns, script.read_backs)):
            now += timedelta(seconds=5)
            if turn < script.caller_turns:
                seq += 1
                log.turn_added(call_id, seq, "caller", script.value, now, state)
            if turn < script.read_backs:
                last = turn == script.read_backs - 1
                values = dict(state.values)
                confirmed = script.confirmed and last
                values[key] = FieldValue(value=script.value, confirmed=confirmed, attempts=turn + 1)
                state = replace(state, values=values, phase=Phase.CONFIRMING, step="confirm")
                log.field_changed(call_id, key, state, now)
                daisy(f"{script.value}, ¿correcto?")
    if outcome is not None:
        now += timedelta(seconds=3)
        state = replace(state, phase=Phase.ENDED, outcome=outcome, field=None)
        log.call_ended(call_id, state, now)


def busy_fortnight(log: CallLog, start: datetime, days: int = 14, seed: int = 7) -> int:
    """A fortnight of a brokerage's calls (a few a day, every kind of outcome, some fields read back
    twice or three times, voice latency): what the overview's screenshot shows. Returns how many."""
    rng = random.Random(seed)
    outcomes = [Outcome.COMPLETED] * 12 + [Outcome.INCOMPLETE] * 3 + [
        Outcome.CALLBACK, Outcome.EMAIL, Outcome.REFUSED, Outcome.VOICEMAIL, Outcome.NO_ANSWER,
        Outcome.TRANSFERRED, Outcome.ABANDONED]
    pieced = {"tractor_plates", "trailer_plates", "email"}
    made = 0
    for day in range(days):
        for n in range(rng.randint(2, 7)):
            outcome = rng.choice(outcomes)
            asked = len(RAMON) if outcome is Outcome.COMPLETED else (
                rng.randint(1, 5) if outcome in (Outcome.INCOMPLETE, Outcome.ABANDONED) else 0)
            fields = {}
            for key, value in list(RAMON.items())[:asked]:
                read_backs = rng.choices([1, 2, 3], weights=[8, 2, 1] if key in pieced else [18, 2, 1])[0]
                turns = read_backs + (rng.randint(0, 2) if key in pieced else 0)
                fields[key] = FieldScript(value, read_backs, turns)
            latency = []
            for _ in range(sum(f.read_backs + 1 for f in fields.values())):
                parts = {"endpointing": rng.gauss(420, 120), "stt": rng.gauss(210, 60),
                         "core": rng.uniform(4, 25), "tts": rng.gauss(260, 70)}
                parts = {k: round(max(20.0, v), 1) for k, v in parts.items()}
                latency.append({**parts, "total": round(sum(parts.values()), 1)})
            direction = Direction.OUTBOUND if rng.random() < 0.35 else Direction.INBOUND
            when = start + timedelta(days=day, hours=8 + n * 1.5, minutes=rng.randint(0, 50))
            write_scripted_call(log, f"call-{day:02d}-{n}", when, fields, direction=direction,
                                outcome=outcome, latency=latency)
            made += 1
    return made
