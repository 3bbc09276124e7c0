"""The tables a call is stored in: one row per call, per form field and per transcript turn.

Times are stored as UTC instants (SQLite keeps no offset, PostgreSQL does): `UtcDateTime` turns
them back into aware datetimes on the way out, so both backends behave the same.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """An aware datetime in, an aware UTC datetime out; naive input is taken as local time."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        # SQLite would silently drop the offset, so everything is normalized to UTC first.
        utc = value.astimezone(UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class CallRow(Base):
    __tablename__ = "calls"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    direction: Mapped[str] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(16))
    caller_number: Mapped[str | None] = mapped_column(String(64))
    form: Mapped[str] = mapped_column(String(128))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # None while the call runs (or if the process died before the call ended).
    outcome: Mapped[str | None] = mapped_column(String(32), index=True)
    callback_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    follow_up_channel: Mapped[str | None] = mapped_column(String(16))
    follow_up_address: Mapped[str | None] = mapped_column(String(256))
    recording_path: Mapped[str | None] = mapped_column(Text)
    # Folded field values, caller number and follow-up address (see daisy.records.search).
    search_text: Mapped[str] = mapped_column(Text, default="")
    # Delivery of the ended call to the operator's webhook: None (no webhook) | pending | delivered | failed.
    webhook_status: Mapped[str | None] = mapped_column(String(16), index=True)
    webhook_attempts: Mapped[int] = mapped_column(Integer, default=0)
    webhook_last_error: Mapped[str | None] = mapped_column(Text)

    fields: Mapped[list[FieldRow]] = relationship(
        back_populates="call", order_by="FieldRow.position", cascade="all, delete-orphan"
    )
    turns: Mapped[list[TurnRow]] = relationship(
        back_populates="call", order_by="TurnRow.seq", cascade="all, delete-orphan"
    )


class FieldRow(Base):
    """One form field of a call; all rows are created when the call starts, in form order."""

    __tablename__ = "call_fields"

    call_id: Mapped[str] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    value: Mapped[str | None] = mapped_column(Text)
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    source: Mapped[str] = mapped_column(String(16), default="speech")  # speech | keypad
    unknown: Mapped[bool] = mapped_column(Boolean, default=False)  # the caller didn't know it
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    call: Mapped[CallRow] = relationship(back_populates="fields")


class TurnRow(Base):
    """One line of the transcript; `phase`/`field` are the dialogue state when it was said."""

    __tablename__ = "call_turns"

    call_id: Mapped[str] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    role: Mapped[str] = mapped_column(String(16))  # daisy | caller
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    phase: Mapped[str] = mapped_column(String(16))
    step: Mapped[str | None] = mapped_column(String(32))
    field: Mapped[str | None] = mapped_column(String(64))
    # {"endpointing", "stt", "core", "tts", "total"} in milliseconds, voice calls only.
    latency_ms: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    call: Mapped[CallRow] = relationship(back_populates="turns")
