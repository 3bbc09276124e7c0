"""SqlCallLog: the database CallLog. Every turn and field change is its own committed transaction,
so a process killed mid-call leaves everything said and confirmed up to that moment.

Written with SQLAlchemy Core rather than the ORM: these run on every turn of every live call, the
ORM's unit of work cost several times more per write, and importing it slows every call's start.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, insert, select, update

from daisy.records.search import search_text
from daisy.records.tables import call_fields as fields_t
from daisy.records.tables import call_turns as turns_t
from daisy.records.tables import calls as calls_t

if TYPE_CHECKING:
    from daisy.core.state import CallState, FieldValue
    from daisy.form import Form

log = logging.getLogger(__name__)

# Field rows of keys that are not in the form (should not happen) sort after the form's.
_EXTRA_POSITION = 1000
_FIELD_COLUMNS = ("value", "confirmed", "attempts", "source", "unknown")
_EMPTY_FIELD: dict[str, Any] = {
    "value": None,
    "confirmed": False,
    "attempts": 0,
    "source": "speech",
    "unknown": False,
}


class SqlCallLog:
    """Implements daisy.conversation.CallLog on a SQLAlchemy engine.

    strict=False (for live phone calls): a database failure is logged and the call goes on rather
    than hanging up on the driver; strict=True (default) raises, which tests and text chat want.
    """

    def __init__(self, engine: Engine, strict: bool = True) -> None:
        self.engine = engine
        self.strict = strict

    def _tx(self, what: str, fn: Callable[[Connection], None]) -> None:
        try:
            with self.engine.begin() as conn:
                fn(conn)
        except Exception as e:
            if self.strict:
                raise
            # No values in the message: names, plates and numbers stay out of the logs.
            log.warning("records: could not store %s: %s", what, type(e).__name__)

    def call_started(self, call_id: str, state: CallState, form: Form, at: datetime) -> None:
        def write(conn: Connection) -> None:
            conn.execute(
                insert(calls_t).values(
                    id=call_id,
                    direction=str(state.direction),
                    language=state.lang,
                    caller_number=state.caller_number,
                    form=form.name,
                    started_at=at,
                    webhook_attempts=0,
                    search_text="",
                )
            )
            rows = []
            for pos, key in enumerate(form.keys):
                given = state.values.get(key)
                row = {"call_id": call_id, "key": key, "position": pos, **_field_dict(given)}
                row["updated_at"] = at if given is not None else None
                rows.append(row)
            conn.execute(insert(fields_t), rows)
            _refresh_search(conn, call_id)

        self._tx("call start", write)

    def turn_added(
        self,
        call_id: str,
        seq: int,
        role: str,
        text: str,
        at: datetime,
        state: CallState,
        latency_ms: Mapping[str, float] | None = None,
    ) -> None:
        row = {
            "call_id": call_id,
            "seq": seq,
            "role": role,
            "text": text,
            "at": at,
            "phase": str(state.phase),
            "step": state.step,
            "field": state.field,
            "latency_ms": dict(latency_ms) if latency_ms else None,
        }
        self._tx("turn", lambda conn: conn.execute(insert(turns_t).values(**row)))

    def latency_measured(self, call_id: str, seq: int, latency_ms: Mapping[str, float]) -> None:
        def write(conn: Connection) -> None:
            where = (turns_t.c.call_id == call_id) & (turns_t.c.seq == seq)
            old = conn.execute(select(turns_t.c.latency_ms).where(where)).first()
            if old is not None:
                conn.execute(update(turns_t).where(where).values(latency_ms={**(old[0] or {}), **latency_ms}))

        self._tx("latency", write)

    def field_changed(self, call_id: str, key: str, state: CallState, at: datetime) -> None:
        def write(conn: Connection) -> None:
            if _store_field(conn, call_id, key, state.values.get(key), at):
                _refresh_search(conn, call_id)

        self._tx("field", write)

    def call_ended(self, call_id: str, state: CallState, at: datetime) -> None:
        def write(conn: Connection) -> None:
            fu = state.follow_up
            conn.execute(
                update(calls_t)
                .where(calls_t.c.id == call_id)
                .values(
                    ended_at=at,
                    outcome=str(state.outcome) if state.outcome is not None else None,
                    follow_up_channel=fu.channel if fu else None,
                    callback_at=fu.callback_at if fu else None,
                    follow_up_address=fu.address if fu else None,
                )
            )
            # The final state is the truth: catch up on any field change not reported on its own.
            for key, fv in state.values.items():
                _store_field(conn, call_id, key, fv, at)
            _refresh_search(conn, call_id)

        self._tx("call end", write)


def _field_dict(fv: FieldValue | None) -> dict[str, Any]:
    if fv is None:  # the field was cleared (or never given)
        return dict(_EMPTY_FIELD)
    return {
        "value": fv.value,
        "confirmed": fv.confirmed,
        "attempts": fv.attempts,
        "source": fv.source,
        "unknown": fv.unknown,
    }


def _store_field(conn: Connection, call_id: str, key: str, fv: FieldValue | None, at: datetime) -> bool:
    """Write one field if it changed (keeping the time it last changed); True if written."""
    new = _field_dict(fv)
    where = (fields_t.c.call_id == call_id) & (fields_t.c.key == key)
    cols = [fields_t.c[name] for name in _FIELD_COLUMNS]
    old = conn.execute(select(*cols).where(where)).first()
    if old is None:
        conn.execute(
            insert(fields_t).values(call_id=call_id, key=key, position=_EXTRA_POSITION, updated_at=at, **new)
        )
        return True
    if dict(zip(_FIELD_COLUMNS, old, strict=True)) == new:
        return False
    conn.execute(update(fields_t).where(where).values(updated_at=at, **new))
    return True


def _refresh_search(conn: Connection, call_id: str) -> None:
    head = conn.execute(
        select(calls_t.c.caller_number, calls_t.c.follow_up_address).where(calls_t.c.id == call_id)
    ).first()
    if head is None:
        return
    values = conn.scalars(select(fields_t.c.value).where(fields_t.c.call_id == call_id)).all()
    text = search_text([call_id, head[0], head[1], *values])
    conn.execute(update(calls_t).where(calls_t.c.id == call_id).values(search_text=text))
