"""GET /api/stats: the overview's figures as JSON, computed from calls whose shape is known."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from daisy.core.state import Direction, Outcome
from daisy.records.store import Store, open_store
from daisy.web.app import create_app
from daisy.web.stats import percentile

from .scripted_calls import FieldScript, write_scripted_call
from .seed import LOCAL_URL, TOKEN, bearer, settings

DAY1 = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
DAY2 = datetime(2026, 3, 3, 16, 0, tzinfo=UTC)


def part(total: float) -> dict[str, float]:
    return {"endpointing": total / 2, "stt": total / 4, "core": 5.0, "tts": total / 4 - 5, "total": total}


def seed_three(store: Store) -> None:
    """A: completed, the plate right only at the second read-back (3 driver turns), latency measured;
    B (outbound): its plate read back three times and never confirmed; C: refused at once."""
    log = store.call_log()
    write_scripted_call(
        log, "call-a", DAY1,
        {"driver_name": FieldScript("Ramón Ibarra"), "tractor_plates": FieldScript("RYJ400", 2, 3)},
        latency=[part(100), part(200), part(300), part(1000)],
    )
    write_scripted_call(
        log, "call-b", DAY2,
        {"driver_name": FieldScript("Lucía Fernández"),
         "tractor_plates": FieldScript("XZK9081", 3, 3, confirmed=False)},
        direction=Direction.OUTBOUND, outcome=Outcome.INCOMPLETE,
    )
    write_scripted_call(log, "call-c", DAY2.replace(hour=18), {}, outcome=Outcome.REFUSED)


@pytest.fixture
def three(tmp_path: Path) -> Iterator[TestClient]:
    store = open_store(f"sqlite:///{tmp_path / 'stats.db'}")
    seed_three(store)
    with TestClient(create_app(store, settings(daisy_data_dir=tmp_path)), base_url=LOCAL_URL) as c:
        yield c
    store.close()


def by_key(figures: dict[str, object]) -> dict[str, dict[str, object]]:
    return {f["key"]: f for f in figures["fields"]}  # type: ignore[index, attr-defined]


def test_calls_per_day_by_outcome(three: TestClient) -> None:
    stats = three.get("/api/stats").json()
    assert stats["calls"] == 3 and stats["bucket"] == "day"
    assert stats["outcomes"] == {"completed": 1, "incomplete": 1, "refused": 1}
    assert stats["per_period"] == [
        {"start": "2026-03-02", "total": 1, "outcomes": {"completed": 1}},
        {"start": "2026-03-03", "total": 2, "outcomes": {"incomplete": 1, "refused": 1}},
    ]


def test_each_field_captured_and_right_at_the_first_read_back(three: TestClient) -> None:
    fields = by_key(three.get("/api/stats").json())
    assert list(fields)[:3] == ["driver_name", "tractor_number", "tractor_plates"]  # form order
    # The name: asked in all three calls (Daisy's greeting asks it), captured in two, both right first.
    assert fields["driver_name"] | {} == {
        "key": "driver_name", "asked": 3, "captured": 2, "read_back": 2, "first_right": 2, "caller_turns": 2,
        "captured_rate": 0.667, "first_right_rate": 1.0, "turns_per_call": 0.67,
    }
    # The plate: asked in A and B, captured in A only (at its second read-back), 3 + 3 driver turns.
    plate = fields["tractor_plates"]
    assert (plate["asked"], plate["captured"], plate["read_back"], plate["first_right"]) == (2, 1, 2, 0)
    assert plate["captured_rate"] == 0.5 and plate["first_right_rate"] == 0.0
    assert plate["caller_turns"] == 6 and plate["turns_per_call"] == 3.0
    # Never asked: no rate rather than a misleading 0 %.
    assert fields["tractor_number"]["asked"] == 0 and fields["tractor_number"]["captured_rate"] is None


def test_latency_per_turn_p50_and_p95(three: TestClient) -> None:
    latency = three.get("/api/stats").json()["latency"]
    assert latency["turns"] == 4  # only call A was a measured voice call
    assert latency["parts"]["total"] == {"p50": 200.0, "p95": 1000.0}
    assert latency["parts"]["endpointing"] == {"p50": 100.0, "p95": 500.0}
    assert set(latency["parts"]) == {"endpointing", "stt", "core", "tts", "total"}


def test_filters_by_date_range_and_direction(three: TestClient) -> None:
    assert three.get("/api/stats?direction=outbound").json()["outcomes"] == {"incomplete": 1}
    assert three.get("/api/stats?direction=inbound").json()["calls"] == 2
    assert three.get("/api/stats?since=2026-03-03").json()["outcomes"] == {"incomplete": 1, "refused": 1}
    only_first = three.get("/api/stats?until=2026-03-02").json()  # a bare date: through that day
    assert only_first["calls"] == 1 and only_first["latency"]["turns"] == 4
    week = three.get("/api/stats?since=2026-03-01&until=2026-03-07").json()
    assert [p["start"] for p in week["per_period"]][::6] == ["2026-03-01", "2026-03-07"]  # empty days too
    assert len(week["per_period"]) == 7 and week["per_period"][0]["total"] == 0


def test_nothing_in_range_is_zero_not_an_error(three: TestClient) -> None:
    stats = three.get("/api/stats?since=2027-01-01").json()
    assert stats["calls"] == 0 and stats["per_period"] == [] and stats["latency"] == {"turns": 0, "parts": {}}


def test_long_ranges_are_drawn_per_week_then_per_month(three: TestClient) -> None:
    assert three.get("/api/stats?since=2026-01-01&until=2026-06-30").json()["bucket"] == "week"
    yearly = three.get("/api/stats?since=2020-01-01&until=2026-12-31").json()
    assert yearly["bucket"] == "month" and yearly["per_period"][-1]["start"] == "2026-12-01"
    # "since 1900": narrowed to the calls found rather than thousands of empty months.
    r = three.get("/api/stats?since=1900-01-01")
    assert len(r.json()["per_period"]) == 2, r.text


@pytest.mark.parametrize(
    ("query", "reason"),
    [("since=notadate", "since: not a date (use YYYY-MM-DD or an ISO date and time)"),
     ("until=2026-02-31", "until: not a date (use YYYY-MM-DD or an ISO date and time)"),
     ("since=2026-03-05&until=2026-03-01", "until: must be after since"),
     ("direction=sideways", "direction: use inbound or outbound"),
     ("since=9999-12-31T23:59:59-12:00", "since: date out of range")],
)
def test_bad_parameters_are_a_one_line_400(three: TestClient, query: str, reason: str) -> None:
    r = three.get(f"/api/stats?{query}")
    assert r.status_code == 400 and r.json() == {"detail": reason}


def test_needs_the_token_like_the_rest_of_the_api(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'stats.db'}")
    seed_three(store)
    with TestClient(create_app(store, settings(daisy_admin_token=TOKEN)), base_url=LOCAL_URL) as c:
        assert c.get("/api/stats").status_code == 401
        assert c.get("/api/stats", headers=bearer()).json()["calls"] == 3


def test_documented_in_openapi(three: TestClient) -> None:
    op = three.get("/openapi.json").json()["paths"]["/api/stats"]["get"]
    assert {p["name"] for p in op["parameters"]} == {"since", "until", "direction"}
    assert "400" in op["responses"] and "first_right_rate" in op["description"]


def test_the_same_figures_on_postgresql(any_store: Store) -> None:
    """The standard seed on both backends: the JSON column and the date arithmetic agree."""
    with TestClient(create_app(any_store, settings()), base_url=LOCAL_URL) as c:
        stats = c.get("/api/stats").json()
    assert stats["calls"] == 5 and stats["outcomes"]["unfinished"] == 1
    assert stats["latency"]["parts"]["total"] == {"p50": 700.0, "p95": 700.0}
    assert by_key(stats)["email"]["captured"] == 1


def test_percentile_is_a_measured_value() -> None:
    assert percentile([5.0], 95) == 5.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.0
    assert percentile([float(v) for v in range(1, 101)], 95) == 95.0
