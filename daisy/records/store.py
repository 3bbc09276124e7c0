"""The records store: open a database, get a CallLog for live calls, and read calls back.

The read API (list_calls, count_calls, get_call, export_calls) is what the CLI and the web
dashboard use; it returns the pydantic models of daisy.records.views.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, Row, Select, func, inspect, or_, select, update
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL

from daisy.records.corrections import correct_field, field_corrections
from daisy.records.engine import StoreError, first_line, forget_engines, get_engine, normalize_url, safe_url
from daisy.records.log import SqlCallLog
from daisy.records.search import like_patterns
from daisy.records.tables import call_fields, call_turns, calls, metadata
from daisy.records.users import UserBook
from daisy.records.views import CallDetail, CallSummary, CorrectionView, FieldView, TurnView

UNFINISHED = "unfinished"  # outcome filter: calls that never ended (running, or the process died)
# The values of daisy.core.state.Outcome (kept here so reading records never loads the dialogue core;
# a test checks they agree).
OUTCOMES = (
    "completed",
    "incomplete",
    "refused",
    "callback",
    "email",
    "whatsapp",
    "transferred",
    "abandoned",
    "voicemail",
    "no_answer",
    "busy",
    UNFINISHED,
)
WEBHOOK_STATES = ("pending", "delivered", "failed")
MAX_LIMIT = 1000

_ready: set[str] = set()  # URLs whose tables exist (create_all once per process)
_ready_lock = threading.Lock()


def open_store(url: str | None = None) -> Store:
    """Open (and create if needed) the records database: `url`, else the settings' database_url.

    Raises StoreError with a one-line reason for a bad URL or an unreachable database.
    """
    if url is None:
        from daisy.settings import get_settings

        url = get_settings().database_url
    store = Store(normalize_url(url))
    store.ensure_schema()
    return store


class Store:
    def __init__(self, url: URL) -> None:
        self.url = url
        self._writer = get_engine(url, writer=True)
        self._reader = get_engine(url, writer=False)

    def __repr__(self) -> str:
        return f"Store({safe_url(self.url)})"

    # -- set-up --------------------------------------------------------------------------------

    def ensure_schema(self) -> None:
        key = self.url.render_as_string(hide_password=False)
        with _ready_lock:
            if key in _ready:
                return
            for attempt in range(3):
                try:
                    metadata.create_all(self._writer)
                    _add_missing_columns(self._writer)
                    break
                except (sa_exc.IntegrityError, sa_exc.ProgrammingError):
                    # Two processes creating the tables at once on PostgreSQL: the loser retries.
                    if attempt == 2:
                        raise
                except (sa_exc.OperationalError, sa_exc.InterfaceError, sa_exc.DatabaseError, OSError) as e:
                    raise StoreError(f"cannot open database {safe_url(self.url)}: {first_line(e)}") from None
            _ready.add(key)

    def close(self) -> None:
        """Dispose of this URL's connections (engines are shared per URL within a process)."""
        forget_engines(self.url)
        with _ready_lock:
            _ready.discard(self.url.render_as_string(hide_password=False))

    # -- writing -------------------------------------------------------------------------------

    def call_log(self, strict: bool = True) -> SqlCallLog:
        """A CallLog for daisy.conversation.Conversation (strict=False: never fail the call)."""
        return SqlCallLog(self._writer, strict=strict)

    def set_recording(self, call_id: str, path: str | None, egress_id: str | None = None) -> bool:
        """Attach a recording (a file, a URL, or where a LiveKit Egress writes it) to a call; False if
        no such call."""
        values: dict[str, Any] = {"recording_path": path}
        if egress_id is not None:
            values["recording_egress_id"] = egress_id
        return self._update(call_id, **values)

    def correct_field(
        self, call_id: str, key: str, value: str | None, by: str, at: datetime | None = None
    ) -> CorrectionView | None:
        """A person sets a field (see daisy.records.corrections); None if no such call or field."""
        return correct_field(self._writer, call_id, key, value, by, at)

    def user_book(self) -> UserBook:
        """The dispatchers' accounts (daisy.records.users)."""
        return UserBook(self._writer, self._reader)

    def set_webhook_state(
        self,
        call_id: str,
        status: str | None,
        error: str | None = None,
        attempted: bool = False,
        at: datetime | None = None,
    ) -> bool:
        """Record webhook delivery: status None|pending|delivered|failed; `attempted` counts one try."""
        if status is not None and status not in WEBHOOK_STATES:
            raise ValueError(f"unknown webhook status {status!r}; use one of: {', '.join(WEBHOOK_STATES)}")
        values: dict[str, Any] = {
            "webhook_status": status,
            "webhook_last_error": error,
            "webhook_updated_at": at or datetime.now(UTC),
        }
        if attempted:
            values["webhook_attempts"] = calls.c.webhook_attempts + 1
        return self._update(call_id, **values)

    def calls_with_webhook_state(
        self, status: str, limit: int = MAX_LIMIT, *, unchanged_since: datetime | None = None
    ) -> list[str]:
        """Ids of calls whose webhook delivery is in `status`, oldest first; with `unchanged_since`,
        only those whose state has not changed after that instant (or never recorded when)."""
        q = select(calls.c.id).where(calls.c.webhook_status == status)
        if unchanged_since is not None:
            q = q.where(
                or_(calls.c.webhook_updated_at.is_(None), calls.c.webhook_updated_at < unchanged_since)
            )
        with self._reader.connect() as conn:
            return list(conn.scalars(q.order_by(calls.c.started_at).limit(limit)))

    def _update(self, call_id: str, **values: Any) -> bool:
        with self._writer.begin() as conn:
            return bool(conn.execute(update(calls).where(calls.c.id == call_id).values(**values)).rowcount)

    # -- reading -------------------------------------------------------------------------------

    def list_calls(
        self,
        outcome: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        search: str | None = None,
        direction: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[CallSummary]:
        """Calls newest first. `outcome` is an Outcome value or "unfinished"; `since`/`until` bound
        the start time (until exclusive); `search` matches, case-insensitively, any field value
        (name, plates, numbers, email…), the caller number or the call id. Bad filters: ValueError."""
        _check_page(limit, offset)
        q = _filtered(select(calls), outcome, since, until, search, direction)
        q = q.order_by(calls.c.started_at.desc(), calls.c.id).limit(limit).offset(offset)
        with self._reader.connect() as conn:
            rows = conn.execute(q).all()
            fields = _fields_of(conn, [r.id for r in rows])
        return [CallSummary(**_summary_values(r, fields.get(r.id, []))) for r in rows]

    def count_calls(
        self,
        outcome: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        search: str | None = None,
        direction: str | None = None,
    ) -> int:
        """How many calls list_calls would give without a limit."""
        q = _filtered(select(func.count()).select_from(calls), outcome, since, until, search, direction)
        with self._reader.connect() as conn:
            return int(conn.scalar(q) or 0)

    def get_call(self, call_id: str) -> CallDetail | None:
        """One call with its fields in form order and its transcript; None if unknown."""
        with self._reader.connect() as conn:
            details = _details(conn, conn.execute(select(calls).where(calls.c.id == call_id)).all())
        return details[0] if details else None

    def call_ids_starting(self, prefix: str, limit: int = 2) -> list[str]:
        """The ids that begin with `prefix` (an operator types the first characters of one)."""
        q = select(calls.c.id).where(calls.c.id.startswith(prefix, autoescape=True)).limit(limit)
        with self._reader.connect() as conn:
            return [row[0] for row in conn.execute(q)]

    def export_calls(
        self,
        outcome: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        search: str | None = None,
        direction: str | None = None,
        limit: int | None = None,
    ) -> list[CallDetail]:
        """Full calls matching the filters, oldest first (for exports and the webhook)."""
        q = _filtered(select(calls), outcome, since, until, search, direction)
        q = q.order_by(calls.c.started_at, calls.c.id)
        if limit is not None:
            q = q.limit(limit)
        with self._reader.connect() as conn:
            return _details(conn, conn.execute(q).all())


def _add_missing_columns(engine: Engine) -> None:
    """Bring a database made by an older Daisy up to date by adding new nullable columns.

    No migration tool yet: tables are created whole, and later versions may only add nullable
    columns; anything else is refused with a clear message rather than failing at the first write.
    """
    prep = engine.dialect.identifier_preparer
    with engine.begin() as conn:
        inspector = inspect(conn)  # on this connection: a second one would wait for its lock (SQLite)
        for table in metadata.sorted_tables:
            if not inspector.has_table(table.name):
                continue
            present = {c["name"] for c in inspector.get_columns(table.name)}
            for col in table.columns:
                if col.name in present:
                    continue
                if not col.nullable:
                    raise StoreError(
                        f"database {safe_url(engine.url)} is from an older Daisy: table {table.name} lacks "
                        f"column {col.name}; export its calls and start a new database"
                    )
                kind = col.type.compile(dialect=engine.dialect)
                conn.exec_driver_sql(
                    f"ALTER TABLE {prep.quote(table.name)} ADD COLUMN {prep.quote(col.name)} {kind}"
                )


def _check_page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"limit must be between 1 and {MAX_LIMIT}")
    if offset < 0:
        raise ValueError("offset must not be negative")


def _filtered(
    q: Select[Any],
    outcome: str | None,
    since: datetime | None,
    until: datetime | None,
    search: str | None,
    direction: str | None,
) -> Select[Any]:
    if outcome:
        if outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {outcome!r}; use one of: {', '.join(OUTCOMES)}")
        q = q.where(calls.c.outcome.is_(None) if outcome == UNFINISHED else calls.c.outcome == outcome)
    if direction:
        if direction not in ("inbound", "outbound"):
            raise ValueError(f"unknown direction {direction!r}; use inbound or outbound")
        q = q.where(calls.c.direction == direction)
    if since is not None:
        q = q.where(calls.c.started_at >= since)
    if until is not None:
        q = q.where(calls.c.started_at < until)
    if search and search.strip():
        q = q.where(_matches(search.strip()))
    return q


def _matches(term: str) -> Any:
    return or_(*(calls.c.search_text.like(p, escape="\\") for p in like_patterns(term)))


# Fetched per page of calls in one query each (ids IN …), never one query per call.
_ID_BATCH = 500


def _children(conn: Connection, table: Any, order: Any, ids: list[str]) -> dict[str, list[Row[Any]]]:
    out: dict[str, list[Row[Any]]] = {i: [] for i in ids}
    for start in range(0, len(ids), _ID_BATCH):
        chunk = ids[start : start + _ID_BATCH]
        for row in conn.execute(
            select(table).where(table.c.call_id.in_(chunk)).order_by(table.c.call_id, order)
        ):
            out[row.call_id].append(row)
    return out


def _fields_of(conn: Connection, ids: list[str]) -> dict[str, list[Row[Any]]]:
    return _children(conn, call_fields, call_fields.c.position, ids)


def _details(conn: Connection, rows: Sequence[Row[Any]]) -> list[CallDetail]:
    ids = [r.id for r in rows]
    fields = _fields_of(conn, ids)
    turns = _children(conn, call_turns, call_turns.c.seq, ids)
    fixes = _children(conn, field_corrections, field_corrections.c.id, ids)
    return [_detail(r, fields[r.id], turns[r.id], fixes[r.id]) for r in rows]


def _summary_values(call: Row[Any], fields: Sequence[Row[Any]]) -> dict[str, Any]:
    name = next((f.value for f in fields if f.key == "driver_name"), None)
    duration = (call.ended_at - call.started_at).total_seconds() if call.ended_at else None
    return {
        "id": call.id,
        "direction": call.direction,
        "language": call.language,
        "caller_number": call.caller_number,
        "form": call.form,
        "started_at": call.started_at,
        "ended_at": call.ended_at,
        "duration_s": duration,
        "outcome": call.outcome,
        "callback_at": call.callback_at,
        "follow_up_channel": call.follow_up_channel,
        "follow_up_address": call.follow_up_address,
        "driver_name": name,
        "collected": sum(1 for f in fields if f.confirmed and f.value is not None),
        "total": len(fields),
        "recording_path": call.recording_path,
        "recording_egress_id": call.recording_egress_id,
        "webhook_status": call.webhook_status,
        "webhook_attempts": call.webhook_attempts or 0,
        "webhook_last_error": call.webhook_last_error,
    }


def _detail(
    call: Row[Any], fields: Sequence[Row[Any]], turns: Sequence[Row[Any]], fixes: Sequence[Row[Any]] = ()
) -> CallDetail:
    # The views name their attributes after the columns, so each row maps straight onto its view.
    return CallDetail(
        **_summary_values(call, fields),
        fields=[FieldView.model_validate(dict(f._mapping)) for f in fields],
        turns=[TurnView.model_validate(dict(t._mapping)) for t in turns],
        corrections=[CorrectionView.model_validate(dict(c._mapping)) for c in fixes],
    )
