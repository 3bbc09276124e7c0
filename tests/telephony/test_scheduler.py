from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta

import pytest
from livekit import api
from sqlalchemy import select
from sqlalchemy.orm import Session

from daisy.records.models import CallRow
from daisy.telephony import scheduler
from daisy.telephony.dials import CallbackDialRow, OutboundDialRow, open_engine

from .fake_livekit import API_KEY, API_SECRET, FakeLiveKit

TRUNK = ("--from-number", "+15551234567", "--trunk-address", "daisy.pstn.twilio.com")


@pytest.fixture
def engine(tmp_path):
    return open_engine(f"sqlite:///{tmp_path / 'daisy.db'}")


def add_call(
    engine, call_id: str, outcome: str, callback_at: datetime | None, number: str = "+525511111111"
) -> None:
    with Session(engine) as s, s.begin():
        s.add(
            CallRow(
                id=call_id,
                direction="inbound",
                language="es",
                caller_number=number,
                form="carrier_registration",
                started_at=datetime.now(UTC) - timedelta(hours=6),
                ended_at=datetime.now(UTC) - timedelta(hours=6),
                outcome=outcome,
                callback_at=callback_at,
                follow_up_channel="callback" if outcome == "callback" else None,
            )
        )


def schedule(engine) -> dict[str, CallbackDialRow]:
    with Session(engine) as s:
        return {r.call_id: r for r in s.scalars(select(CallbackDialRow))}


def test_scheduler_dials_due_callbacks_once_and_survives_restart(cli, lk_env: FakeLiveKit, engine) -> None:
    now = datetime.now(UTC)
    add_call(engine, "due", "callback", now - timedelta(minutes=1), "+525511111111")
    add_call(engine, "later", "callback", now + timedelta(hours=1), "+525522222222")
    add_call(engine, "stale", "callback", now - timedelta(hours=5), "+525533333333")
    add_call(engine, "done", "completed", None)
    r = cli("scheduler", "--once", *TRUNK)
    assert r.exit_code == 0, r.output
    [part] = lk_env.sent("CreateSIPParticipant")
    assert part.sip_call_to == "+525511111111"
    [dispatch] = lk_env.sent("CreateDispatch")
    meta = json.loads(dispatch.metadata)
    assert meta["direction"] == "outbound" and meta["phone_number"] == "+525511111111"
    rows = schedule(engine)
    assert set(rows) == {"due", "later", "stale"}
    assert (rows["due"].status, rows["due"].attempts, rows["due"].dialled_call_id) == (
        "done",
        1,
        meta["call_id"],
    )
    assert rows["later"].status == "pending" and rows["stale"].status == "missed"
    with Session(engine) as s:
        [dialled] = s.scalars(select(OutboundDialRow)).all()
    assert (dialled.call_id, dialled.source, dialled.status) == (meta["call_id"], "callback", "answered")
    # A new process: nothing dialled twice.
    again = cli("scheduler", "--once")
    assert again.exit_code == 0, again.output
    assert len(lk_env.sent("CreateSIPParticipant")) == 1


def _tick(fake: FakeLiveKit, engine, trunk_id: str, policy: scheduler.Policy, at: datetime) -> list[str]:
    lines: list[str] = []

    async def main() -> None:
        async with api.LiveKitAPI(fake.url, API_KEY, API_SECRET) as lk:
            await scheduler.tick(lk, engine, trunk_id, "daisy", policy, clock=lambda: at, out=lines.append)

    asyncio.run(main())
    return lines


def test_busy_line_is_retried_then_given_up(fake: FakeLiveKit, engine) -> None:
    from livekit.protocol import sip

    fake.outbound["ST_out"] = sip.SIPOutboundTrunkInfo(sip_trunk_id="ST_out", numbers=["+15551234567"])
    fake.unreachable["+525511111111"] = (486, "Busy Here")
    t0 = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
    add_call(engine, "c1", "callback", t0)
    policy = scheduler.Policy(max_attempts=2, retry_after=timedelta(minutes=10))
    _tick(fake, engine, "ST_out", policy, t0)
    row = schedule(engine)["c1"]
    assert (row.status, row.attempts, row.last_error) == ("pending", 1, "486 Busy Here")
    assert row.due_at == t0 + timedelta(minutes=10)
    _tick(fake, engine, "ST_out", policy, t0 + timedelta(minutes=5))  # not due yet
    assert len(fake.participants) == 1
    _tick(fake, engine, "ST_out", policy, t0 + timedelta(minutes=10))
    row = schedule(engine)["c1"]
    assert (row.status, row.attempts) == ("failed", 2)
    assert len(fake.participants) == 2
    assert fake.rooms == {}  # each failed dial freed its room


def test_interrupted_dial_goes_back_to_pending(engine) -> None:
    t0 = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
    add_call(engine, "c1", "callback", t0)
    scheduler.sync_schedule(engine, t0)
    assert scheduler.take_due(engine, t0, scheduler.Policy()) == [("c1", "+525511111111")]
    assert schedule(engine)["c1"].status == "dialling"
    # A second scheduler (or the same after a crash) cannot claim it again...
    assert scheduler.take_due(engine, t0, scheduler.Policy()) == []
    # ...until the restart puts it back.
    assert scheduler.recover(engine, t0) == 1
    assert scheduler.take_due(engine, t0, scheduler.Policy()) == [("c1", "+525511111111")]


def test_callback_without_a_valid_number_is_not_dialled(engine) -> None:
    t0 = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
    add_call(engine, "anon", "callback", t0, number="anonymous")
    assert scheduler.sync_schedule(engine, t0) == 1
    row = schedule(engine)["anon"]
    assert row.status == "failed" and "E.164" in (row.last_error or "")
    assert scheduler.take_due(engine, t0, scheduler.Policy()) == []


def test_scheduler_errors_are_one_line(cli, fake: FakeLiveKit, monkeypatch) -> None:
    r = cli("scheduler", "--once")
    assert r.exit_code != 0 and "LIVEKIT_URL" in r.stderr and r.stderr.count("\n") == 1
    monkeypatch.setenv("DAISY_DATABASE_URL", "nosuchdb://x")
    from daisy.settings import get_settings

    get_settings.cache_clear()
    r = cli("scheduler", "--once")
    assert r.exit_code != 0 and r.stderr.count("\n") == 1 and "Traceback" not in r.output


def test_database_trouble_does_not_end_the_loop(lk_env: FakeLiveKit, engine, monkeypatch) -> None:
    from sqlalchemy.exc import OperationalError

    from daisy.settings import get_settings
    from daisy.telephony.outbound import TrunkSpec

    calls = {"n": 0}

    def flaky(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise OperationalError("select", {}, Exception("database is locked"))
        raise KeyboardInterrupt  # second pass reached: stop the loop

    monkeypatch.setattr(scheduler, "sync_schedule", flaky)
    lines: list[str] = []
    spec = TrunkSpec("+15551234567", "x.pstn.twilio.com")
    with pytest.raises(KeyboardInterrupt):
        asyncio.run(scheduler.run(get_settings(), spec, poll_seconds=0.01, out=lines.append))
    assert any("database error, retrying next pass" in line and "locked" in line for line in lines)
