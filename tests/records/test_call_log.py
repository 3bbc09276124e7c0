"""What SqlCallLog stores while a call runs, and what it keeps after it ends."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from daisy.conversation import Conversation
from daisy.core import Dialogue, Hangup, Utterance
from daisy.core.state import FollowUp, Outcome, Phase
from daisy.records.store import OUTCOMES, UNFINISHED, Store, open_store

from .helpers import RAMON, T0, form, start_state, with_field, write_call


def test_a_completed_call_is_stored_with_fields_in_form_order_and_its_transcript(store: Store) -> None:
    write_call(store.call_log(), "c1")
    call = store.get_call("c1")
    assert call is not None
    assert [f.key for f in call.fields] == form().keys
    assert call.record() == RAMON
    assert (call.outcome, call.collected, call.total) == ("completed", 7, 7)
    assert call.direction == "inbound" and call.language == "es-MX"
    assert call.caller_number == "+525512345678" and call.form == form().name
    assert call.driver_name == "Ramón Ibarra"
    assert call.duration_s == 40.0
    assert [t.seq for t in call.turns] == list(range(1, 16))
    assert call.turns[0].role == "daisy" and call.turns[1].role == "caller"
    assert call.turns[1].text == "Ramón Ibarra" and call.turns[1].phase == "asking"


def test_times_come_back_as_the_same_instants_in_utc(store: Store) -> None:
    mexico = datetime(2026, 3, 2, 9, 30, tzinfo=UTC).astimezone(
        __import__("zoneinfo").ZoneInfo("America/Mexico_City")
    )
    write_call(store.call_log(), "tz", start=mexico)
    call = store.get_call("tz")
    assert call is not None
    assert call.started_at == mexico and call.started_at.tzinfo is not None
    assert call.started_at.utcoffset() == timedelta(0)


def test_each_field_is_readable_as_soon_as_it_changes(store: Store, db_url: str) -> None:
    log = store.call_log()
    state = start_state()
    log.call_started("live", state, form(), T0)
    state = with_field(state, "driver_name", "Ana López", confirmed=False)
    log.field_changed("live", "driver_name", state, T0)
    # A second, independent store (as the web dashboard would be) sees it mid-call.
    other = open_store(db_url)
    call = other.get_call("live")
    assert call is not None and call.outcome is None and call.ended_at is None
    assert call.field("driver_name") is not None
    assert call.field("driver_name").value == "Ana López"  # type: ignore[union-attr]
    assert call.record()["driver_name"] is None  # said, not yet confirmed
    state = with_field(state, "driver_name", "Ana López", attempts=1)
    log.field_changed("live", "driver_name", state, T0 + timedelta(seconds=3))
    assert other.get_call("live").record()["driver_name"] == "Ana López"  # type: ignore[union-attr]


def test_a_corrected_value_replaces_the_old_one_and_keeps_its_attempts_and_source(store: Store) -> None:
    log = store.call_log()
    state = start_state()
    log.call_started("fix", state, form(), T0)
    state = with_field(state, "tractor_number", "42", confirmed=False, attempts=1)
    log.field_changed("fix", "tractor_number", state, T0)
    state = with_field(state, "tractor_number", "43", confirmed=True, attempts=2, source="keypad")
    log.field_changed("fix", "tractor_number", state, T0 + timedelta(seconds=9))
    f = store.get_call("fix").field("tractor_number")  # type: ignore[union-attr]
    assert f is not None
    assert (f.value, f.confirmed, f.attempts, f.source) == ("43", True, 2, "keypad")
    assert f.updated_at == T0 + timedelta(seconds=9)


def test_a_field_the_driver_does_not_know_is_kept_as_unknown(store: Store) -> None:
    log = store.call_log()
    state = with_field(start_state(), "trailer_plates", None, confirmed=False, attempts=2, unknown=True)
    log.call_started("idk", start_state(), form(), T0)
    log.field_changed("idk", "trailer_plates", state, T0)
    log.call_ended("idk", replace(state, phase=Phase.ENDED, outcome=Outcome.INCOMPLETE), T0)
    call = store.get_call("idk")
    assert call is not None and call.outcome == "incomplete"
    f = call.field("trailer_plates")
    assert f is not None and f.unknown and f.value is None and f.attempts == 2


@pytest.mark.parametrize(
    ("follow_up", "channel", "address"),
    [
        (FollowUp("callback", callback_at=T0 + timedelta(hours=2)), "callback", None),
        (FollowUp("email", address="chofer@example.com"), "email", "chofer@example.com"),
        (FollowUp("whatsapp", address="+525512345678"), "whatsapp", "+525512345678"),
    ],
)
def test_a_follow_up_request_is_stored_with_its_time_or_address(
    store: Store, follow_up: FollowUp, channel: str, address: str | None
) -> None:
    write_call(store.call_log(), "fu", values={}, outcome=Outcome(channel), follow_up=follow_up)
    call = store.get_call("fu")
    assert call is not None
    assert (call.outcome, call.follow_up_channel, call.follow_up_address) == (channel, channel, address)
    assert call.callback_at == follow_up.callback_at
    assert call.collected == 0


def test_latency_is_attached_to_daisys_turn(store: Store) -> None:
    log = store.call_log()
    state = start_state()
    log.call_started("lat", state, form(), T0)
    log.turn_added("lat", 1, "daisy", "Hola", T0, state, latency_ms={"core": 2.0})
    log.latency_measured("lat", 1, {"endpointing": 300, "stt": 120, "tts": 90, "total": 512.5})
    turn = store.get_call("lat").turns[0]  # type: ignore[union-attr]
    assert turn.latency_ms == {"core": 2.0, "endpointing": 300, "stt": 120, "tts": 90, "total": 512.5}


def test_the_final_state_catches_up_on_fields_not_reported_one_by_one(store: Store) -> None:
    log = store.call_log()
    log.call_started("late", start_state(), form(), T0)
    state = with_field(start_state(), "eta", "23:30")
    log.call_ended("late", replace(state, phase=Phase.ENDED, outcome=Outcome.ABANDONED), T0)
    assert store.get_call("late").record()["eta"] == "23:30"  # type: ignore[union-attr]


def test_a_conversation_records_every_turn_through_the_store(store: Store) -> None:
    clock = iter(T0 + timedelta(seconds=i) for i in range(100))
    conv = Conversation(
        Dialogue(form(), "es"), log=store.call_log(), clock=lambda: next(clock), call_id="conv"
    )
    conv.start("inbound", caller_number="+525500000000")
    conv.hear(Utterance("Sí, soy Ramón Ibarra"))
    conv.hear(Hangup())
    call = store.get_call("conv")
    assert call is not None and call.ended_at is not None
    assert call.outcome == conv.state.outcome  # type: ignore[union-attr]
    roles = [t.role for t in call.turns]
    assert roles[0] == "daisy" and "caller" in roles
    assert call.turns[-1].text in ("[hung up]",) or call.turns[-1].role == "daisy"


def test_a_live_call_log_that_cannot_write_does_not_break_the_call(store: Store) -> None:
    # No call row: the foreign key refuses the turn. strict=False logs and carries on.
    store.call_log(strict=False).turn_added("ghost", 1, "daisy", "Hola", T0, start_state())
    with pytest.raises(Exception):  # noqa: B017 - the backend decides the exact error class
        store.call_log().turn_added("ghost", 1, "daisy", "Hola", T0, start_state())


def test_outcome_filters_follow_the_cores_outcomes() -> None:
    assert set(OUTCOMES) == {o.value for o in Outcome} | {UNFINISHED}
