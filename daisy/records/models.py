"""ORM classes over the records tables (daisy.records.tables), for code that prefers the ORM.

The records package itself writes and reads with Core; these map the very same tables, and other
packages may declare their own tables on `Base` (they land in the same metadata and database).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import DeclarativeBase, Mapped, relationship

from daisy.records import tables
from daisy.records.tables import UtcDateTime

__all__ = ["Base", "CallRow", "FieldRow", "TurnRow", "UtcDateTime"]


class Base(DeclarativeBase):
    metadata = tables.metadata


class CallRow(Base):
    __table__ = tables.calls

    id: Mapped[str]
    direction: Mapped[str]
    language: Mapped[str]
    caller_number: Mapped[str | None]
    form: Mapped[str]
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    outcome: Mapped[str | None]
    callback_at: Mapped[datetime | None]
    follow_up_channel: Mapped[str | None]
    follow_up_address: Mapped[str | None]
    recording_path: Mapped[str | None]
    search_text: Mapped[str]
    webhook_status: Mapped[str | None]
    webhook_attempts: Mapped[int]
    webhook_last_error: Mapped[str | None]
    webhook_updated_at: Mapped[datetime | None]

    fields: Mapped[list[FieldRow]] = relationship(
        back_populates="call", order_by=tables.call_fields.c.position, cascade="all, delete-orphan"
    )
    turns: Mapped[list[TurnRow]] = relationship(
        back_populates="call", order_by=tables.call_turns.c.seq, cascade="all, delete-orphan"
    )


class FieldRow(Base):
    __table__ = tables.call_fields

    call_id: Mapped[str]
    key: Mapped[str]
    position: Mapped[int]
    value: Mapped[str | None]
    confirmed: Mapped[bool]
    attempts: Mapped[int]
    source: Mapped[str]
    unknown: Mapped[bool]
    updated_at: Mapped[datetime | None]

    call: Mapped[CallRow] = relationship(back_populates="fields")


class TurnRow(Base):
    __table__ = tables.call_turns

    call_id: Mapped[str]
    seq: Mapped[int]
    role: Mapped[str]
    text: Mapped[str]
    at: Mapped[datetime]
    phase: Mapped[str]
    step: Mapped[str | None]
    field: Mapped[str | None]
    latency_ms: Mapped[dict[str, Any] | None]

    call: Mapped[CallRow] = relationship(back_populates="turns")
