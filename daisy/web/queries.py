"""Turning query strings into the records store's filters, with a clean error for anything bad.

The dashboard and the API take the same filters; both go through `parse_filters`, so a bad value is
always a 400 with a reason, never an exception deep in the store.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from daisy.records.engine import get_engine
from daisy.records.models import FieldRow
from daisy.records.store import MAX_LIMIT, OUTCOMES
from daisy.records.views import CallDetail, FieldView

if TYPE_CHECKING:
    from daisy.records.store import Store

MAX_SEARCH = 200  # longer than any name, plate or email a person types in a search box
DIRECTIONS = ("inbound", "outbound")


class BadFilter(ValueError):
    """A query parameter the user must fix; the message is "<parameter>: <what is wrong>"."""

    def detail(self) -> list[dict[str, object]]:
        """The error in FastAPI's 422 shape, so the API has one error format (as its OpenAPI says)."""
        param, _, msg = str(self).partition(": ")
        return [{"loc": ["query", param], "msg": msg, "type": "value_error"}]


@dataclass(frozen=True, slots=True)
class CallFilter:
    outcome: str | None = None
    since: datetime | None = None
    until: datetime | None = None  # exclusive
    search: str | None = None
    direction: str | None = None

    def store_kwargs(self) -> dict[str, Any]:
        return asdict(self)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def parse_instant(name: str, raw: str | None, *, end_of_day: bool = False) -> datetime | None:
    """A date (YYYY-MM-DD) or an ISO datetime; naive values are the server's local time.

    A bare date as an upper bound means the whole of that day, hence `end_of_day` (next midnight,
    since the store's upper bound is exclusive)."""
    text = _clean(raw)
    if text is None:
        return None
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            moment = datetime.combine(day + timedelta(days=1) if end_of_day else day, time())
        else:
            moment = datetime.fromisoformat(text.replace(" ", "T", 1) if "T" not in text else text)
    except (ValueError, OverflowError):
        raise BadFilter(f"{name}: not a date (use YYYY-MM-DD or an ISO date and time)") from None
    try:
        # Naive means local time; the UTC conversion is what the store does later, checked here so
        # the year 1 or 9999 near an offset is a 400 rather than an overflow inside a query.
        moment = moment.astimezone() if moment.tzinfo is None else moment
        moment.astimezone(UTC)
    except (ValueError, OverflowError, OSError):
        raise BadFilter(f"{name}: date out of range") from None
    return moment


def parse_filters(
    outcome: str | None = None,
    since: str | None = None,
    until: str | None = None,
    search: str | None = None,
    direction: str | None = None,
) -> CallFilter:
    outcome = _clean(outcome)
    if outcome is not None and outcome not in OUTCOMES:
        raise BadFilter(f"outcome: unknown {outcome!r}; use one of: {', '.join(OUTCOMES)}")
    direction = _clean(direction)
    if direction is not None and direction not in DIRECTIONS:
        raise BadFilter("direction: use inbound or outbound")
    search = _clean(search)
    if search is not None:
        if len(search) > MAX_SEARCH:
            raise BadFilter(f"search: at most {MAX_SEARCH} characters")
        if any(ord(c) < 32 for c in search):  # PostgreSQL refuses NUL in text; no one types controls
            raise BadFilter("search: control characters are not allowed")
    start = parse_instant("since", since)
    end = parse_instant("until", until, end_of_day=True)
    if start is not None and end is not None and end <= start:
        raise BadFilter("until: must be after since")
    return CallFilter(outcome=outcome, since=start, until=end, search=search, direction=direction)


def parse_page(limit: str | int | None, offset: str | int | None, default_limit: int = 50) -> tuple[int, int]:
    """Validated (limit, offset) for list pages; the API's typed parameters check the same bounds."""

    def number(name: str, raw: str | int | None, default: int) -> int:
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return default
        try:
            return int(raw)
        except ValueError:
            raise BadFilter(f"{name}: not a whole number") from None

    lim = number("limit", limit, default_limit)
    off = number("offset", offset, 0)
    if not 1 <= lim <= MAX_LIMIT:
        raise BadFilter(f"limit: between 1 and {MAX_LIMIT}")
    if not 0 <= off <= 10**9:
        raise BadFilter("offset: between 0 and 1000000000")
    return lim, off


def plausible_id(call_id: str) -> bool:
    """Could this be a call id? (Anything else is a 404 without asking the database, which may
    choke on a NUL byte or a megabyte of text.)"""
    return 0 < len(call_id) <= 64 and all(32 < ord(c) < 127 for c in call_id)


def calls_with_fields(store: Store, filters: CallFilter, limit: int) -> list[CallDetail]:
    """The filtered list, newest first, each call with its fields but without its transcript.

    For the CSV export: Store.export_calls loads every transcript line too, which on thousands of
    calls is most of the time spent and none of what a spreadsheet shows."""
    out: list[CallDetail] = []
    while len(out) < limit:
        size = min(MAX_LIMIT, limit - len(out))
        page = store.list_calls(**filters.store_kwargs(), limit=size, offset=len(out))
        if not page:
            break
        fields = _fields_of(store, [c.id for c in page])
        out += [CallDetail(**c.model_dump(), fields=fields.get(c.id, [])) for c in page]
        if len(page) < size:
            break
    return out


def _fields_of(store: Store, call_ids: list[str]) -> dict[str, list[FieldView]]:
    query = select(FieldRow).where(FieldRow.call_id.in_(call_ids))
    query = query.order_by(FieldRow.call_id, FieldRow.position)
    by_call: dict[str, list[FieldView]] = {}
    with Session(get_engine(store.url, writer=False)) as s:
        for f in s.scalars(query):
            by_call.setdefault(f.call_id, []).append(
                FieldView(key=f.key, position=f.position, value=f.value, confirmed=f.confirmed,
                          attempts=f.attempts, source=f.source, unknown=f.unknown, updated_at=f.updated_at)
            )
    return by_call
