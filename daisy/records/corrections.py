"""Operator corrections: a field's value changed by a person, with the value it replaced, who and when.

The field itself takes the new value as confirmed, with source `operator`; the trail keeps every
earlier value, so nothing Daisy heard is lost by a correction.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    Column,
    Engine,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    insert,
    select,
    update,
)

from daisy.records.log import _refresh_search
from daisy.records.tables import UtcDateTime, call_fields, metadata
from daisy.records.views import CorrectionView

OPERATOR = "operator"  # the source of a value a person set from the dashboard or the API

field_corrections = Table(
    "field_corrections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("call_id", String(64), ForeignKey("calls.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("key", String(64), nullable=False),
    Column("old_value", Text),
    Column("old_source", String(16)),
    Column("old_confirmed", Boolean, nullable=False),
    Column("new_value", Text),
    Column("corrected_by", String(64), nullable=False),  # a user's name, "admin" or "local"; never a token
    Column("at", UtcDateTime, nullable=False),
)


def correct_field(
    engine: Engine, call_id: str, key: str, value: str | None, by: str, at: datetime | None = None
) -> CorrectionView | None:
    """Set one field of a call to `value` (already canonical; None clears it) and keep the trail, in
    one transaction. None when the call or the field does not exist."""
    at = at or datetime.now(UTC)
    where = (call_fields.c.call_id == call_id) & (call_fields.c.key == key)
    with engine.begin() as conn:
        # Locked on PostgreSQL so two editors' corrections each record the value they replaced
        # (SQLite's writer engine already holds the write lock from BEGIN).
        columns = (call_fields.c.value, call_fields.c.source, call_fields.c.confirmed)
        old = conn.execute(select(*columns).where(where).with_for_update()).first()
        if old is None:
            return None
        conn.execute(
            update(call_fields).where(where).values(
                value=value, confirmed=value is not None, source=OPERATOR, unknown=False, updated_at=at
            )
        )
        row = {"call_id": call_id, "key": key, "old_value": old.value, "old_source": old.source,
               "old_confirmed": bool(old.confirmed), "new_value": value, "corrected_by": by, "at": at}
        conn.execute(insert(field_corrections).values(**row))
        _refresh_search(conn, call_id)
    return CorrectionView.model_validate(row)

