"""SqlCallLog: the database CallLog. Every turn and field change is its own committed transaction,
so a process killed mid-call leaves everything said and confirmed up to that moment."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from daisy.records.models import CallRow, FieldRow, TurnRow
from daisy.records.search import search_text

if TYPE_CHECKING:
    from daisy.core.state import CallState, FieldValue
    from daisy.form import Form

log = logging.getLogger(__name__)

# Field rows of keys that are not in the form (should not happen) sort after the form's.
_EXTRA_POSITION = 1000


class SqlCallLog:
    """Implements daisy.conversation.CallLog on a SQLAlchemy engine.

    strict=False (for live phone calls): a database failure is logged and the call goes on rather
    than hanging up on the driver; strict=True (default) raises, which tests and text chat want.
    """

    def __init__(self, engine: Engine, strict: bool = True) -> None:
        self.engine = engine
        self.strict = strict

    def _tx(self, what: str, fn: Callable[[Session], None]) -> None:
        try:
            with Session(self.engine, expire_on_commit=False) as s, s.begin():
                fn(s)
        except Exception as e:
            if self.strict:
                raise
            # No values in the message: names, plates and numbers stay out of the logs.
            log.warning("records: could not store %s: %s", what, type(e).__name__)

    def call_started(self, call_id: str, state: CallState, form: Form, at: datetime) -> None:
        def write(s: Session) -> None:
            s.add(
                CallRow(
                    id=call_id,
                    direction=str(state.direction),
                    language=state.lang,
                    caller_number=state.caller_number,
                    form=form.name,
                    started_at=at,
                    webhook_attempts=0,
                    search_text=search_text([call_id, state.caller_number]),
                )
            )
            s.flush()  # the call row must exist before its fields (foreign key)
            for pos, key in enumerate(form.keys):
                row = FieldRow(
                    call_id=call_id,
                    key=key,
                    position=pos,
                    confirmed=False,
                    attempts=0,
                    source="speech",
                    unknown=False,
                )
                _copy_field(row, state.values.get(key), at)
                s.add(row)
            _refresh_search(s, call_id)

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
        def write(s: Session) -> None:
            s.add(
                TurnRow(
                    call_id=call_id,
                    seq=seq,
                    role=role,
                    text=text,
                    at=at,
                    phase=str(state.phase),
                    step=state.step,
                    field=state.field,
                    latency_ms=dict(latency_ms) if latency_ms else None,
                )
            )

        self._tx("turn", write)

    def latency_measured(self, call_id: str, seq: int, latency_ms: Mapping[str, float]) -> None:
        def write(s: Session) -> None:
            row = s.get(TurnRow, (call_id, seq))
            if row is not None:
                row.latency_ms = {**(row.latency_ms or {}), **latency_ms}

        self._tx("latency", write)

    def field_changed(self, call_id: str, key: str, state: CallState, at: datetime) -> None:
        def write(s: Session) -> None:
            _store_field(s, call_id, key, state.values.get(key), at)
            _refresh_search(s, call_id)

        self._tx("field", write)

    def call_ended(self, call_id: str, state: CallState, at: datetime) -> None:
        def write(s: Session) -> None:
            call = s.get(CallRow, call_id)
            if call is None:
                return
            call.ended_at = at
            call.outcome = str(state.outcome) if state.outcome is not None else None
            if state.follow_up is not None:
                call.follow_up_channel = state.follow_up.channel
                call.callback_at = state.follow_up.callback_at
                call.follow_up_address = state.follow_up.address
            # The final state is the truth: catch up on any field change not reported on its own.
            for key, fv in state.values.items():
                _store_field(s, call_id, key, fv, at)
            _refresh_search(s, call_id)

        self._tx("call end", write)


def _refresh_search(s: Session, call_id: str) -> None:
    s.flush()
    call = s.get(CallRow, call_id)
    if call is None:
        return
    values = s.scalars(select(FieldRow.value).where(FieldRow.call_id == call_id)).all()
    call.search_text = search_text([call.id, call.caller_number, call.follow_up_address, *values])


def _store_field(s: Session, call_id: str, key: str, fv: FieldValue | None, at: datetime) -> None:
    row = s.get(FieldRow, (call_id, key))
    if row is None:
        row = FieldRow(
            call_id=call_id,
            key=key,
            position=_EXTRA_POSITION,
            confirmed=False,
            attempts=0,
            source="speech",
            unknown=False,
        )
        s.add(row)
    _copy_field(row, fv, at)


def _copy_field(row: FieldRow, fv: FieldValue | None, at: datetime) -> None:
    if fv is None:  # the field was cleared (or never given)
        new: tuple[str | None, bool, int, str, bool] = (None, False, 0, "speech", False)
    else:
        new = (fv.value, fv.confirmed, fv.attempts, fv.source, fv.unknown)
    if new == (row.value, row.confirmed, row.attempts, row.source, row.unknown):
        return  # unchanged: keep the time it last changed
    row.value, row.confirmed, row.attempts, row.source, row.unknown = new
    row.updated_at = at
