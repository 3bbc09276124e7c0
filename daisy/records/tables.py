"""The tables a call is stored in, as SQLAlchemy Core tables: one row per call, per form field and per
transcript turn.

Core only, so the live write path (SqlCallLog) and the read API never load the ORM; the ORM classes
of daisy.records.models map onto these same tables for code that prefers them.

Times are stored as UTC instants (SQLite keeps no offset, PostgreSQL does): `UtcDateTime` turns them
back into aware datetimes on the way out, so both backends behave the same.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import JSON, Boolean, Column, DateTime, ForeignKey, Integer, MetaData, String, Table, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

metadata = MetaData()


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


calls = Table(
    "calls",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("direction", String(16), nullable=False),
    Column("language", String(16), nullable=False),
    Column("caller_number", String(64)),
    Column("form", String(128), nullable=False),
    Column("started_at", UtcDateTime, nullable=False, index=True),
    Column("ended_at", UtcDateTime),
    # None while the call runs (or if the process died before the call ended).
    Column("outcome", String(32), index=True),
    Column("callback_at", UtcDateTime),
    Column("follow_up_channel", String(16)),  # callback | email | whatsapp
    Column("follow_up_address", String(256)),  # email address or WhatsApp number
    Column("recording_path", Text),
    Column("recording_egress_id", String(64)),  # the LiveKit Egress recording the call, if any
    # Folded field values, caller number and follow-up address (see daisy.records.search).
    Column("search_text", Text, nullable=False, default=""),
    # Delivery of the ended call to the operator's webhook: None (no webhook) | pending | delivered | failed.
    Column("webhook_status", String(16), index=True),
    Column("webhook_attempts", Integer, nullable=False, default=0),
    Column("webhook_last_error", Text),
    # When the delivery state last changed: a `pending` left long ago belongs to a process that stopped.
    Column("webhook_updated_at", UtcDateTime),
)

# One form field of a call; all rows are created when the call starts, `position` in form order.
call_fields = Table(
    "call_fields",
    metadata,
    Column("call_id", String(64), ForeignKey("calls.id", ondelete="CASCADE"), primary_key=True),
    Column("key", String(64), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("value", Text),
    Column("confirmed", Boolean, nullable=False, default=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("source", String(16), nullable=False, default="speech"),  # speech | keypad
    Column("unknown", Boolean, nullable=False, default=False),  # the caller didn't know it
    Column("updated_at", UtcDateTime),
)

# One line of the transcript; `phase`/`step`/`field` are the dialogue state when it was said.
call_turns = Table(
    "call_turns",
    metadata,
    Column("call_id", String(64), ForeignKey("calls.id", ondelete="CASCADE"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("role", String(16), nullable=False),  # daisy | caller
    Column("text", Text, nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Column("phase", String(16), nullable=False),
    Column("step", String(32)),
    Column("field", String(64)),
    # {"endpointing", "stt", "core", "tts", "total"} in milliseconds, voice calls only.
    Column("latency_ms", JSON),
)
