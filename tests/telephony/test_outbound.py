from __future__ import annotations

import csv
import json
from datetime import UTC, datetime

import pytest
from livekit.protocol import sip
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from daisy.records.models import CallRow
from daisy.telephony.dials import open_engine

from .fake_livekit import FakeLiveKit

TRUNK = (
    "--from-number",
    "+15551234567",
    "--trunk-address",
    "daisy.pstn.twilio.com",
    "--poll-seconds",
    "0.05",
)


@pytest.fixture(autouse=True)
def worker(lk_env: FakeLiveKit, tmp_path) -> dict[str, str]:
    """Plays the voice worker: an answered call is recorded under the dispatch's call id with an
    outcome (per number; "completed" by default; "" = the call ends without a record)."""
    outcomes: dict[str, str] = {}
    engine = open_engine(f"sqlite:///{tmp_path / 'daisy.db'}")

    def answer(req: sip.CreateSIPParticipantRequest) -> None:
        meta = json.loads(req.participant_metadata)
        outcome = outcomes.get(req.sip_call_to, "completed")
        if not outcome:
            lk_env.rooms.pop(req.room_name, None)
            return
        now = datetime.now(UTC)
        with Session(engine) as s, s.begin():
            s.add(
                CallRow(
                    id=meta["call_id"],
                    direction="outbound",
                    language="es",
                    caller_number=meta["phone_number"],
                    form="carrier_registration",
                    started_at=now,
                    ended_at=now,
                    outcome=outcome,
                )
            )

    lk_env.on_answer = answer
    return outcomes


def _rows(tmp_path, sql: str) -> list[tuple]:
    engine = create_engine(f"sqlite:///{tmp_path / 'daisy.db'}")
    with engine.connect() as conn:
        rows = list(conn.execute(text(sql)))
    engine.dispose()
    return rows


def test_call_creates_trunk_room_dispatch_then_dials(cli, lk_env: FakeLiveKit, tmp_path) -> None:
    r = cli("call", "+52 1 55 1234 5678", *TRUNK, "--trunk-user", "u", "--trunk-password", "p")
    assert r.exit_code == 0, r.output
    [trunk_req] = lk_env.sent("CreateSIPOutboundTrunk")
    assert trunk_req.trunk.address == "daisy.pstn.twilio.com"
    assert list(trunk_req.trunk.numbers) == ["+15551234567"]
    assert (trunk_req.trunk.auth_username, trunk_req.trunk.auth_password) == ("u", "p")
    order = [name for name, _ in lk_env.requests if name.startswith("Create")]
    assert order == ["CreateSIPOutboundTrunk", "CreateRoom", "CreateDispatch", "CreateSIPParticipant"]
    [room_req] = lk_env.sent("CreateRoom")
    [dispatch] = lk_env.sent("CreateDispatch")
    meta = json.loads(dispatch.metadata)
    assert set(meta) == {"direction", "phone_number", "call_id"}
    assert meta["direction"] == "outbound" and meta["phone_number"] == "+5215512345678"
    assert dispatch.agent_name == "daisy" and dispatch.room == room_req.name == f"call-{meta['call_id']}"
    [part] = lk_env.sent("CreateSIPParticipant")
    [trunk_id] = lk_env.outbound
    assert part.sip_trunk_id == trunk_id
    assert part.sip_call_to == "+5215512345678"
    assert part.room_name == room_req.name
    assert part.participant_identity == "sip_5215512345678"
    assert part.wait_until_answered is True
    assert part.ringing_timeout.seconds == 30
    assert part.max_call_duration.seconds == 20 * 60  # a line left open does not hold a job
    assert part.krisp_enabled is False  # one noise canceller only, and none asked for
    assert "answered" in r.output and "completed" in r.output
    assert _rows(tmp_path, "select call_id, phone_number, source, status from outbound_dials") == [
        (meta["call_id"], "+5215512345678", "cli", "answered")
    ]


def test_second_call_reuses_the_outbound_trunk(cli, lk_env: FakeLiveKit) -> None:
    assert cli("call", "+525512345678", *TRUNK).exit_code == 0
    r = cli("call", "+525512345679", "--no-wait")  # no trunk options needed any more
    assert r.exit_code == 0, r.output
    assert len(lk_env.sent("CreateSIPOutboundTrunk")) == 1
    assert len(lk_env.sent("CreateSIPParticipant")) == 2
    assert "reused" in r.output


def test_hand_made_trunk_is_used(cli, lk_env: FakeLiveKit) -> None:
    lk_env.outbound["ST_x"] = sip.SIPOutboundTrunkInfo(
        sip_trunk_id="ST_x", address="a.b", numbers=["+15550001111"]
    )
    assert cli("call", "+525512345678", "--poll-seconds", "0.05").exit_code == 0
    assert lk_env.sent("CreateSIPParticipant")[0].sip_trunk_id == "ST_x"


def test_no_trunk_and_no_address_is_a_one_line_error(cli, lk_env: FakeLiveKit) -> None:
    r = cli("call", "+525512345678")
    assert r.exit_code != 0
    assert r.stderr.count("\n") == 1 and "--trunk-address" in r.stderr
    assert lk_env.sent("CreateRoom") == []


def test_busy_number_fails_and_frees_the_room(cli, lk_env: FakeLiveKit, tmp_path) -> None:
    lk_env.unreachable["+525512345678"] = (486, "Busy Here")
    r = cli("call", "+525512345678", *TRUNK)
    assert r.exit_code == 1
    assert r.stderr.strip() == "daisy: error: +525512345678 did not answer: 486 Busy Here"
    assert lk_env.rooms == {}  # hung up: the agent leaves at once
    assert _rows(tmp_path, "select status, sip_status from outbound_dials") == [("failed", "486 Busy Here")]


def test_call_needs_a_number_or_csv(cli, lk_env: FakeLiveKit, tmp_path) -> None:
    assert cli("call").exit_code != 0
    (tmp_path / "d.csv").write_text("phone\n+525512345678\n")
    assert cli("call", "+525512345678", "--csv", str(tmp_path / "d.csv")).exit_code != 0
    r = cli("call", "55 1234 5678")
    assert r.exit_code != 0 and "E.164" in r.stderr
    assert lk_env.requests == []


def test_csv_dials_everyone_and_records_each_outcome(cli, lk_env: FakeLiveKit, tmp_path, worker) -> None:
    worker["+525544444444"] = "callback"
    worker["+525555555555"] = ""  # the room closes without the worker recording anything
    drivers = tmp_path / "drivers.csv"
    drivers.write_text(
        "nombre,teléfono\n"
        "Ramón Ibarra,+52 55 1111 1111\n"
        "Juan Pérez,+525522222222\n"
        "\n"
        "Sin número,5533\n"
        "Ana,+525544444444\n"
        "Luis,+525555555555\n"
        "Pepe,+525566666666\n"
    )
    lk_env.unreachable["+525522222222"] = (480, "Temporarily Unavailable")
    lk_env.unreachable["+525566666666"] = (486, "Busy Here")
    r = cli("call", "--csv", str(drivers), "--concurrency", "2", *TRUNK)
    assert r.exit_code == 0, r.output
    assert "3 answered, 2 failed, 1 invalid" in r.output
    dialled = sorted(p.sip_call_to for p in lk_env.sent("CreateSIPParticipant"))
    assert dialled == ["+525511111111", "+525522222222", "+525544444444", "+525555555555", "+525566666666"]
    with (tmp_path / "drivers.results.csv").open() as fh:
        results = list(csv.DictReader(fh))
    assert [(x["row"], x["status"], x["outcome"]) for x in results] == [
        ("2", "answered", "completed"),
        ("3", "failed", "no_answer"),  # busy and unanswered dials have outcomes of their own
        ("5", "invalid", ""),
        ("6", "answered", "callback"),
        ("7", "answered", "ended"),
        ("8", "failed", "busy"),
    ]
    assert results[1]["sip_status"] == "480 Temporarily Unavailable"
    statuses = _rows(tmp_path, "select status, count(*) from outbound_dials group by status order by status")
    assert statuses == [("answered", 3), ("failed", 2)]
    rooms = {d.room for d in lk_env.sent("CreateDispatch")}
    assert len(rooms) == 5  # one room per call


def test_csv_without_header_and_without_phone_column(cli, lk_env: FakeLiveKit, tmp_path) -> None:
    plain = tmp_path / "plain.csv"
    plain.write_text("+525511111111\n+525522222222\n")
    r = cli("call", "--csv", str(plain), *TRUNK, "--out", str(tmp_path / "out.csv"))
    assert r.exit_code == 0, r.output
    assert len(lk_env.sent("CreateSIPParticipant")) == 2
    assert (tmp_path / "out.csv").exists()
    bad = tmp_path / "bad.csv"
    bad.write_text("name,city\nRamón,Monterrey\n")
    r = cli("call", "--csv", str(bad), *TRUNK)
    assert r.exit_code != 0 and "no phone column" in r.stderr


def test_bad_credentials_stop_a_csv_run(cli, lk_env: FakeLiveKit, tmp_path) -> None:
    lk_env.api_secret = "another-secret-another-secret-another-secret"
    drivers = tmp_path / "d.csv"
    drivers.write_text("phone\n+525511111111\n+525522222222\n")
    r = cli("call", "--csv", str(drivers), *TRUNK)
    assert r.exit_code != 0
    assert "401" in r.stderr and r.stderr.count("\n") == 1


def test_concurrency_limits_calls_in_progress(cli, lk_env: FakeLiveKit, tmp_path, worker) -> None:
    """With --concurrency 1 the next driver is dialled only after the previous conversation ended."""
    import threading

    in_progress: list[int] = []
    live = {"n": 0}
    lock = threading.Lock()
    record = lk_env.on_answer

    def answer(req: sip.CreateSIPParticipantRequest) -> None:
        with lock:
            live["n"] += 1
            in_progress.append(live["n"])

        def finish() -> None:
            assert record is not None
            record(req)
            with lock:
                live["n"] -= 1

        threading.Timer(0.2, finish).start()

    lk_env.on_answer = answer
    drivers = tmp_path / "d.csv"
    drivers.write_text("phone\n+525511111111\n+525522222222\n+525533333333\n")
    r = cli("call", "--csv", str(drivers), "--concurrency", "1", *TRUNK)
    assert r.exit_code == 0, r.output
    assert in_progress == [1, 1, 1]
    assert "3 answered" in r.output


def test_wait_gives_up_after_max_minutes(fake: FakeLiveKit, tmp_path) -> None:
    import asyncio

    from livekit import api
    from livekit.protocol import models

    from daisy.telephony.dials import wait_for_outcome
    from daisy.telephony.outbound import DialResult

    from .fake_livekit import API_KEY, API_SECRET

    engine = open_engine(f"sqlite:///{tmp_path / 'w.db'}")
    fake.rooms["call-x"] = models.Room(name="call-x")
    result = DialResult("+525511111111", "x", "call-x", answered=True)

    async def main() -> str:
        async with api.LiveKitAPI(fake.url, API_KEY, API_SECRET) as lk:
            return await wait_for_outcome(lk, engine, result, poll_seconds=0.05, timeout=0.2)

    assert asyncio.run(main()) == "unknown"
