"""Telephony's own tables, next to the call records (same SQLAlchemy Base, same database):

- `outbound_dials`: every number Daisy dialled and how the dial ended (answered, busy, no answer).
  When answered, the conversation itself is recorded by the worker under the same call id in `calls`.
- `callback_dials`: the schedule of callbacks callers asked for ("llámame en veinte minutos"); it
  lives in the database so `daisy scheduler` picks up where it left off after a restart.
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Engine, Integer, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from daisy.records.engine import StoreError, first_line, get_engine, normalize_url
from daisy.records.models import Base, CallRow, UtcDateTime
from daisy.telephony.common import TelephonyError
from daisy.telephony.outbound import DialResult

if TYPE_CHECKING:
    from livekit import api


class OutboundDialRow(Base):
    __tablename__ = "outbound_dials"

    call_id: Mapped[str] = mapped_column(String(64), primary_key=True)  # = calls.id once answered
    phone_number: Mapped[str] = mapped_column(String(64), index=True)
    source: Mapped[str] = mapped_column(String(16))  # cli | csv | callback
    status: Mapped[str] = mapped_column(String(16))  # answered | failed
    sip_status: Mapped[str | None] = mapped_column(String(128))
    error: Mapped[str | None] = mapped_column(Text)
    room_name: Mapped[str] = mapped_column(String(128))
    dialled_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


class CallbackDialRow(Base):
    __tablename__ = "callback_dials"

    call_id: Mapped[str] = mapped_column(String(64), primary_key=True)  # the call that asked for it
    phone_number: Mapped[str] = mapped_column(String(64))
    due_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    # pending | dialling | done | failed (gave up after retries) | missed (too late to call)
    status: Mapped[str] = mapped_column(String(16), index=True, default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    dialled_call_id: Mapped[str | None] = mapped_column(String(64))
    last_error: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


TABLES = [OutboundDialRow.__table__, CallbackDialRow.__table__]


def open_engine(url: str) -> Engine:
    """The records database (its tables created if needed) with the telephony tables added."""
    from daisy.records.store import open_store

    try:
        open_store(url)  # the scheduler reads `calls`: make sure it exists even on a fresh database
        engine = get_engine(normalize_url(url), writer=True)
        Base.metadata.create_all(engine, tables=TABLES)
    except StoreError as e:
        raise TelephonyError(str(e)) from None
    except Exception as e:  # noqa: BLE001 (SQLAlchemy's many driver errors, shown as one line)
        raise TelephonyError(f"cannot open the database: {first_line(e)}") from None
    return engine


def record_dial(engine: Engine, result: DialResult, source: str, at: datetime | None = None) -> None:
    with Session(engine) as s, s.begin():
        s.merge(
            OutboundDialRow(
                call_id=result.call_id,
                phone_number=result.phone_number,
                source=source,
                status="answered" if result.answered else "failed",
                sip_status=result.sip_status or None,
                error=result.error or None,
                room_name=result.room_name,
                dialled_at=at or datetime.now(UTC),
            )
        )


def recorded_outcome(engine: Engine, call_id: str) -> str | None:
    with Session(engine) as s:
        return s.execute(select(CallRow.outcome).where(CallRow.id == call_id)).scalar_one_or_none()


async def wait_for_outcome(
    lk: api.LiveKitAPI,
    engine: Engine,
    result: DialResult,
    *,
    poll_seconds: float = 2.0,
    timeout: float = 900.0,
) -> str:
    """Wait for the conversation of an answered dial to end; its outcome as the worker recorded it.

    The worker records the call under the call id of the dispatch metadata. "ended" means the room
    closed without a recorded outcome (the worker never started, or crashed); "unknown" that the
    call was still going after `timeout` seconds.
    """
    from livekit.protocol.room import ListRoomsRequest

    deadline = time.monotonic() + timeout
    while True:
        outcome = recorded_outcome(engine, result.call_id)
        if outcome:
            return outcome
        rooms = await lk.room.list_rooms(ListRoomsRequest(names=[result.room_name]))
        if not rooms.rooms:
            return recorded_outcome(engine, result.call_id) or "ended"
        if time.monotonic() >= deadline:
            return "unknown"
        await asyncio.sleep(poll_seconds)
