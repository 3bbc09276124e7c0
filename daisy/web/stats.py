"""How Daisy's calls go, in figures: one function (`call_stats`) for the overview page and /api/stats.

Everything is derived from what the records store already keeps:
- calls per day (or week, or month) by outcome: `calls.started_at` in the server's local days, and
  `calls.outcome` (a call still running, or whose process died, is "unfinished");
- a field was *asked* in a call when Daisy spoke while on it (a turn with that `field`) or it holds
  something (a value, read-backs, "didn't know"); *captured* when confirmed with a value;
- *first read-back right*: `call_fields.attempts` counts Daisy's read-backs of the field, so a
  confirmed field with exactly one attempt was right the first time; the rate is out of the fields
  read back at least once;
- caller turns per field: each caller turn is stored with the field Daisy was on when it was heard;
- latency per turn: `call_turns.latency_ms` of Daisy's turns (voice calls measure endpointing, stt,
  core, tts and total), as nearest-rank p50 and p95.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Select, and_, case, exists, func, or_, select
from sqlalchemy.sql import ColumnElement

from daisy.records.engine import get_engine
from daisy.records.store import OUTCOMES, UNFINISHED, Store
from daisy.records.tables import call_fields, call_turns, calls
from daisy.web.queries import CallFilter

LATENCY_PARTS = ("endpointing", "stt", "core", "tts", "total")
MAX_DAYS = 62  # longer ranges are drawn per week, and beyond MAX_WEEKS per month, to stay readable
MAX_WEEKS = 60
MAX_PERIODS = 240  # twenty years of months: wider ranges are narrowed to their calls


class Bucket(BaseModel):
    start: date  # the first day of the day, week (Monday) or month
    total: int
    outcomes: dict[str, int]  # only the outcomes that occurred


class FieldFigures(BaseModel):
    key: str
    asked: int  # calls that got to this field
    captured: int  # confirmed with a value
    read_back: int  # read back at least once
    first_right: int  # confirmed on the first read-back
    caller_turns: int  # the caller's turns spent on this field, all calls together
    captured_rate: float | None  # captured / asked
    first_right_rate: float | None  # first_right / read_back
    turns_per_call: float | None  # caller_turns / asked


class Percentiles(BaseModel):
    p50: float
    p95: float


class LatencyFigures(BaseModel):
    turns: int  # Daisy's turns with a measured total
    parts: dict[str, Percentiles]  # milliseconds, per stage and "total"


class CallStats(BaseModel):
    """The overview's figures for calls started in [since, until), optionally one direction."""

    since: datetime | None
    until: datetime | None
    direction: str | None
    calls: int
    outcomes: dict[str, int]
    bucket: str  # day | week | month
    per_period: list[Bucket]
    fields: list[FieldFigures]
    latency: LatencyFigures


def call_stats(store: Store, filters: CallFilter) -> CallStats:
    """The figures for the calls `filters` selects (its outcome and search are not used: the figures
    are about all outcomes). Counting is done by the database; only the latency samples and one row
    per call come back, so 10,000 calls stay well under a second."""
    where = _where(filters)
    engine = get_engine(store.url, writer=False)
    with engine.connect() as conn:
        heads = conn.execute(select(calls.c.started_at, calls.c.outcome).where(where)).all()
        field_rows = conn.execute(_field_tally(where)).all()
        caller_turns = {row.field: int(row.n) for row in conn.execute(
            select(call_turns.c.field, func.count().label("n"))
            .join(calls, calls.c.id == call_turns.c.call_id)
            .where(where, call_turns.c.role == "caller", call_turns.c.field.is_not(None))
            .group_by(call_turns.c.field)
        )}
        # Each stage read by the database (json_extract / ->>): no JSON parsed here per turn.
        stages = [call_turns.c.latency_ms[part].as_float().label(part) for part in LATENCY_PARTS]
        latencies = conn.execute(
            select(*stages).join(calls, calls.c.id == call_turns.c.call_id)
            .where(where, call_turns.c.role == "daisy", call_turns.c.latency_ms.is_not(None))
        ).all()
    outcomes = Counter(h.outcome or UNFINISHED for h in heads)
    bucket, periods = _periods(filters, [h.started_at for h in heads])
    per: dict[date, Counter[str]] = {start: Counter() for start in periods}
    for h in heads:
        per.setdefault(_bucket_start(h.started_at.astimezone().date(), bucket), Counter())[
            h.outcome or UNFINISHED] += 1
    return CallStats(
        since=filters.since,
        until=filters.until,
        direction=filters.direction,
        calls=len(heads),
        outcomes={o: outcomes[o] for o in OUTCOMES if outcomes[o]},
        bucket=bucket,
        per_period=[Bucket(start=s, total=sum(c.values()), outcomes={o: c[o] for o in OUTCOMES if c[o]})
                    for s, c in sorted(per.items())],
        fields=[_field_figures(row, caller_turns.get(row.key, 0)) for row in field_rows],
        latency=_latency(latencies),
    )


def _where(filters: CallFilter) -> ColumnElement[bool]:
    conditions: list[ColumnElement[bool]] = [calls.c.id.is_not(None)]
    if filters.since is not None:
        conditions.append(calls.c.started_at >= filters.since)
    if filters.until is not None:
        conditions.append(calls.c.started_at < filters.until)
    if filters.direction is not None:
        conditions.append(calls.c.direction == filters.direction)
    return and_(*conditions)


def _count(condition: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _field_tally(where: ColumnElement[bool]) -> Select[Any]:
    """Per field key, in form order: asked, captured, read back, right at the first read-back."""
    f = call_fields.c
    daisy_spoke_on_it = exists().where(
        call_turns.c.call_id == f.call_id, call_turns.c.field == f.key, call_turns.c.role == "daisy"
    )
    asked = or_(f.value.is_not(None), f.attempts > 0, f.unknown.is_(True), daisy_spoke_on_it)
    captured = and_(f.confirmed.is_(True), f.value.is_not(None))
    return (
        select(
            f.key,
            _count(asked).label("asked"),
            _count(captured).label("captured"),
            _count(f.attempts > 0).label("read_back"),
            _count(and_(captured, f.attempts == 1)).label("first_right"),
        )
        .join(calls, calls.c.id == f.call_id)
        .where(where)
        .group_by(f.key)
        .order_by(func.min(f.position), f.key)
    )


def _field_figures(row: Any, caller_turns: int) -> FieldFigures:
    asked, captured, read_back, first_right = (int(row.asked), int(row.captured), int(row.read_back),
                                               int(row.first_right))
    return FieldFigures(
        key=row.key, asked=asked, captured=captured, read_back=read_back, first_right=first_right,
        caller_turns=caller_turns,
        captured_rate=_ratio(captured, asked),
        first_right_rate=_ratio(first_right, read_back),
        turns_per_call=_ratio(caller_turns, asked, digits=2),
    )


def _latency(rows: Sequence[Any]) -> LatencyFigures:
    """Rows of per-stage milliseconds (None where a stage was not measured) → p50/p95 per stage."""
    columns = list(zip(*rows, strict=True)) or [() for _ in LATENCY_PARTS]
    samples = {part: [float(v) for v in column if v is not None and math.isfinite(v)]
               for part, column in zip(LATENCY_PARTS, columns, strict=True)}
    parts = {p: Percentiles(p50=percentile(samples[p], 50), p95=percentile(samples[p], 95))
             for p in LATENCY_PARTS if samples[p]}
    return LatencyFigures(turns=len(samples["total"]), parts=parts)


def percentile(values: list[float], pct: float) -> float:
    """Nearest rank: a value that was measured, never one interpolated between two turns."""
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return round(ordered[rank - 1], 1)


def _ratio(part: int, whole: int, digits: int = 3) -> float | None:
    return round(part / whole, digits) if whole else None


def _bucket_start(day: date, bucket: str) -> date:
    if bucket == "week":
        return day - timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    return day


def _periods(filters: CallFilter, started: list[datetime]) -> tuple[str, list[date]]:
    """The bucket size and every period from the range's first day to its last, empty ones too (the
    chart's axis is time). An open end is where the calls found end; a range far wider than its
    calls ("since 1990") is narrowed to them."""
    days = [s.astimezone().date() for s in started]
    first = filters.since.astimezone().date() if filters.since else min(days, default=None)
    last = (filters.until - timedelta(microseconds=1)).astimezone().date() if filters.until else None
    last = last if last is not None else max(days, default=None)
    if first is None or last is None or last < first:
        return "day", []
    if (last - first).days > MAX_PERIODS * 28:
        if not days:
            return "day", []
        first, last = max(first, min(days)), min(last, max(days))
    span = (last - first).days + 1
    bucket = "day" if span <= MAX_DAYS else "week" if span <= MAX_WEEKS * 7 else "month"
    periods: list[date] = []
    current = _bucket_start(first, bucket)
    while current <= last and len(periods) < MAX_PERIODS:
        periods.append(current)
        current = _next(current, bucket)
    return bucket, periods


def _next(start: date, bucket: str) -> date:
    if bucket == "day":
        return start + timedelta(days=1)
    if bucket == "week":
        return start + timedelta(days=7)
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
