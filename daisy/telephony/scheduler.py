"""`daisy scheduler`: dial back the drivers who asked for it ("llámame en veinte minutos").

The schedule is the `callback_dials` table: each call recorded with outcome `callback` and a
`callback_at` gets one row, which moves pending -> dialling -> done (or failed after a few busy/no-
answer attempts, or missed when the scheduler was down for too long to still call). Because every
step is committed before and after dialling, a restarted scheduler continues where it stopped.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import Engine, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from daisy.records.engine import first_line
from daisy.records.models import CallRow
from daisy.telephony.common import TelephonyError, e164, explain, livekit_errors, with_livekit
from daisy.telephony.dials import CallbackDialRow, open_engine, record_dial
from daisy.telephony.outbound import TrunkSpec, dial, ensure_outbound_trunk

if TYPE_CHECKING:
    from livekit import api

    from daisy.settings import Settings


@dataclass(frozen=True)
class Policy:
    max_attempts: int = 3
    retry_after: timedelta = timedelta(minutes=10)
    # A callback promised for 17:00 is not made at 23:00 because the scheduler was down: past this
    # lateness the row is marked missed for a person to follow up.
    max_late: timedelta = timedelta(hours=2)
    concurrency: int = 2


def now_utc() -> datetime:
    return datetime.now(UTC)


def sync_schedule(engine: Engine, now: datetime) -> int:
    """Add a pending dial for every callback call not scheduled yet; returns how many were added."""
    scheduled = select(CallbackDialRow.call_id)
    query = select(CallRow.id, CallRow.caller_number, CallRow.callback_at).where(
        CallRow.outcome == "callback", CallRow.callback_at.is_not(None), CallRow.id.not_in(scheduled)
    )
    with Session(engine) as s, s.begin():
        found = s.execute(query).all()
        for call_id, number, due_at in found:
            row = CallbackDialRow(
                call_id=call_id, due_at=due_at, status="pending", attempts=0, updated_at=now
            )
            try:
                row.phone_number = e164(number or "")
            except TelephonyError as e:
                row.phone_number, row.status, row.last_error = number or "", "failed", str(e)
            s.add(row)
    return len(found)


def recover(engine: Engine, now: datetime) -> int:
    """Rows left `dialling` by a scheduler that died mid-dial go back to pending."""
    with Session(engine) as s, s.begin():
        done = s.execute(
            update(CallbackDialRow)
            .where(CallbackDialRow.status == "dialling")
            .values(status="pending", updated_at=now)
        )
    return done.rowcount or 0


def take_due(engine: Engine, now: datetime, policy: Policy) -> list[tuple[str, str]]:
    """Claim the rows due now: (origin call id, number). Too-late rows are marked missed instead."""
    claimed: list[tuple[str, str]] = []
    with Session(engine) as s, s.begin():
        due = s.execute(
            select(CallbackDialRow.call_id, CallbackDialRow.phone_number, CallbackDialRow.due_at)
            .where(CallbackDialRow.status == "pending", CallbackDialRow.due_at <= now)
            .order_by(CallbackDialRow.due_at)
        ).all()
        for call_id, number, due_at in due:
            late = now - due_at > policy.max_late
            # Claiming with a conditional update keeps two schedulers on one database from both dialling.
            done = s.execute(
                update(CallbackDialRow)
                .where(CallbackDialRow.call_id == call_id, CallbackDialRow.status == "pending")
                .values(
                    status="missed" if late else "dialling",
                    attempts=CallbackDialRow.attempts + (0 if late else 1),
                    updated_at=now,
                )
            )
            if done.rowcount == 1 and not late:
                claimed.append((call_id, number))
    return claimed


def finish(
    engine: Engine, call_id: str, now: datetime, policy: Policy, *, dialled: str | None, error: str | None
) -> str:
    """Record the end of one attempt; returns the row's new status."""
    with Session(engine) as s, s.begin():
        row = s.get(CallbackDialRow, call_id)
        assert row is not None
        if error is None:
            row.status, row.dialled_call_id, row.last_error = "done", dialled, None
        elif row.attempts >= policy.max_attempts:
            row.status, row.last_error = "failed", error
        else:
            row.status, row.last_error = "pending", error
            row.due_at = now + policy.retry_after
        row.updated_at = now
        if dialled is not None:
            row.dialled_call_id = dialled
        return row.status


async def tick(
    lk: api.LiveKitAPI,
    engine: Engine,
    trunk_id: str,
    agent_name: str,
    policy: Policy,
    clock: Callable[[], datetime] = now_utc,
    out: Callable[[str], None] = print,
) -> int:
    """One pass: schedule new callbacks, dial the due ones. Returns how many were dialled."""
    added = sync_schedule(engine, clock())
    if added:
        out(f"scheduled {added} new callback(s)")
    claimed = take_due(engine, clock(), policy)
    gate = asyncio.Semaphore(max(1, policy.concurrency))

    async def one(call_id: str, number: str) -> None:
        async with gate:
            try:
                result = await dial(lk, number, trunk_id, agent_name)
            except livekit_errors() as e:
                # LiveKit hiccup: counts as an attempt, retried later like a busy line.
                status = finish(engine, call_id, clock(), policy, dialled=None, error=explain(e, "LiveKit"))
                out(f"callback for {call_id} to {number}: error, now {status}")
                return
        record_dial(engine, result, "callback", clock())
        error = None if result.answered else (result.sip_status or result.error or "not answered")
        status = finish(engine, call_id, clock(), policy, dialled=result.call_id, error=error)
        out(f"callback for {call_id} to {number}: {'answered' if result.answered else error}, now {status}")

    async with asyncio.TaskGroup() as group:
        for call_id, number in claimed:
            group.create_task(one(call_id, number))
    return len(claimed)


async def run(
    settings: Settings,
    spec: TrunkSpec,
    *,
    poll_seconds: float = 30.0,
    once: bool = False,
    policy: Policy | None = None,
    out: Callable[[str], None] = print,
) -> None:
    policy = policy or Policy()
    engine = open_engine(settings.database_url)
    recovered = recover(engine, now_utc())
    if recovered:
        out(f"{recovered} interrupted dial(s) back to pending")
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # not the main thread (tests) or no signals on this platform

    async def work(lk: api.LiveKitAPI) -> None:
        trunk, _ = await ensure_outbound_trunk(lk, spec)
        if not once:
            out(f"scheduler running: trunk {trunk.sip_trunk_id}, checking every {poll_seconds:g} s")
        while not stop.is_set():
            try:
                await tick(lk, engine, trunk.sip_trunk_id, settings.daisy_agent_name, policy, out=out)
            except SQLAlchemyError as e:
                # A locked or briefly unreachable database must not end a long-running scheduler;
                # rows stay as they were committed and the next pass picks them up.
                if once:
                    raise TelephonyError(f"database error: {first_line(e)}") from None
                out(f"database error, retrying next pass: {first_line(e)}")
            if once:
                return
            try:
                await asyncio.wait_for(stop.wait(), timeout=poll_seconds)
            except TimeoutError:
                pass

    await with_livekit(settings, work)
