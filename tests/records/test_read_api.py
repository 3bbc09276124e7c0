"""The read API the CLI and the dashboard use: filters, search, paging, clean errors."""

from __future__ import annotations

from datetime import timedelta

import pytest

from daisy.core.state import Outcome
from daisy.records.store import Store

from .helpers import RAMON, T0, write_call

ANA = {**RAMON, "driver_name": "Ana Sofía Núñez", "tractor_plates": "XYZ9876", "email": "ana@fletes.mx"}


@pytest.fixture
def three_calls(store: Store) -> Store:
    log = store.call_log()
    write_call(log, "ramon", start=T0)
    write_call(log, "ana", ANA, start=T0 + timedelta(hours=1), caller="+525599990000")
    write_call(log, "cut", {"driver_name": "Luis Pérez"}, start=T0 + timedelta(hours=2), outcome=None)
    return store


def test_calls_are_listed_newest_first_with_their_summary(three_calls: Store) -> None:
    calls = three_calls.list_calls()
    assert [c.id for c in calls] == ["cut", "ana", "ramon"]
    assert [(c.collected, c.total) for c in calls] == [(1, 7), (7, 7), (7, 7)]
    assert calls[0].outcome is None and calls[0].duration_s is None
    assert calls[1].driver_name == "Ana Sofía Núñez"


def test_calls_are_filtered_by_outcome_including_unfinished_ones(three_calls: Store) -> None:
    assert [c.id for c in three_calls.list_calls(outcome="completed")] == ["ana", "ramon"]
    assert [c.id for c in three_calls.list_calls(outcome="unfinished")] == ["cut"]
    assert three_calls.list_calls(outcome="refused") == []
    assert three_calls.count_calls(outcome="completed") == 2


def test_calls_are_filtered_by_start_time(three_calls: Store) -> None:
    got = three_calls.list_calls(since=T0 + timedelta(minutes=30), until=T0 + timedelta(hours=2))
    assert [c.id for c in got] == ["ana"]


@pytest.mark.parametrize(
    ("term", "found"),
    [
        ("ramon", ["ramon"]),  # no accent typed
        ("NUÑEZ", ["ana"]),
        ("xyz-98 76", ["ana"]),  # a plate typed with separators
        ("ryj400", ["ramon"]),
        ("6120", ["ana", "ramon"]),  # tractor number
        ("9999", ["ana"]),  # part of the caller's number
        ("@fletes.mx", ["ana"]),
        ("luis", ["cut"]),
        ("100%", []),  # LIKE wildcards are taken literally
        ("nadie", []),
    ],
)
def test_search_finds_a_call_by_name_plate_number_email_or_caller(
    three_calls: Store, term: str, found: list[str]
) -> None:
    assert [c.id for c in three_calls.list_calls(search=term)] == found
    assert three_calls.count_calls(search=term) == len(found)


def test_calls_are_paged(three_calls: Store) -> None:
    assert [c.id for c in three_calls.list_calls(limit=2)] == ["cut", "ana"]
    assert [c.id for c in three_calls.list_calls(limit=2, offset=2)] == ["ramon"]
    assert three_calls.count_calls() == 3


@pytest.mark.parametrize(
    "kwargs",
    [{"outcome": "won"}, {"direction": "sideways"}, {"limit": 0}, {"limit": 5000}, {"offset": -1}],
)
def test_bad_filters_raise_a_value_error_not_a_database_error(three_calls: Store, kwargs: dict) -> None:
    with pytest.raises(ValueError):
        three_calls.list_calls(**kwargs)


def test_an_unknown_call_is_none(store: Store) -> None:
    assert store.get_call("nope") is None


def test_summaries_serialize_to_json(three_calls: Store) -> None:
    data = three_calls.list_calls()[1].model_dump(mode="json")
    assert data["started_at"] == "2026-03-02T16:30:00Z"
    assert data["outcome"] == "completed" and data["collected"] == 7


def test_webhook_delivery_state_and_recording_are_kept_per_call(three_calls: Store) -> None:
    assert three_calls.set_webhook_state("ana", "pending")
    assert three_calls.set_webhook_state("ana", "failed", error="HTTP 502", attempted=True)
    assert three_calls.set_webhook_state("ana", "failed", error="timeout", attempted=True)
    assert three_calls.calls_with_webhook_state("failed") == ["ana"]
    assert three_calls.set_recording("ana", "/data/recordings/ana.ogg")
    call = three_calls.get_call("ana")
    assert call is not None
    assert (call.webhook_status, call.webhook_attempts, call.webhook_last_error) == ("failed", 2, "timeout")
    assert call.recording_path == "/data/recordings/ana.ogg"
    assert not three_calls.set_recording("nope", "x")
    with pytest.raises(ValueError):
        three_calls.set_webhook_state("ana", "lost")


def test_an_outcome_value_from_the_core_is_accepted_as_a_filter(three_calls: Store) -> None:
    assert three_calls.count_calls(outcome=Outcome.COMPLETED) == 2


def test_a_database_from_an_older_version_gets_its_new_nullable_columns(db_url: str) -> None:
    from sqlalchemy import create_engine, text

    from daisy.records.engine import forget_all_engines, normalize_url
    from daisy.records.store import open_store

    open_store(db_url).close()
    forget_all_engines()
    engine = create_engine(normalize_url(db_url))
    with engine.begin() as conn:  # as if recording_path did not exist yet
        conn.execute(text("ALTER TABLE calls DROP COLUMN recording_path"))
    engine.dispose()
    store = open_store(db_url)
    write_call(store.call_log(), "old")
    assert store.set_recording("old", "/rec/old.ogg")
    assert store.get_call("old").recording_path == "/rec/old.ogg"  # type: ignore[union-attr]
