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
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from typing import Any

from pydantic import BaseModel
from sqlalchemy import and_, select
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
    are about all outcomes)."""
    where = _where(filters)
    engine = get_engine(store.url, writer=False)
    with engine.connect() as conn:
        heads = conn.execute(select(calls.c.id, calls.c.started_at, calls.c.outcome).where(where)).all()
        field_rows = conn.execute(
            select(call_fields.c.call_id, call_fields.c.key, call_fields.c.position, call_fields.c.value,
                   call_fields.c.confirmed, call_fields.c.attempts, call_fields.c.unknown)
            .join(calls, calls.c.id == call_fields.c.call_id).where(where)
        ).all()
        turn_rows = conn.execute(
            select(call_turns.c.call_id, call_turns.c.role, call_turns.c.field, call_turns.c.latency_ms)
            .join(calls, calls.c.id == call_turns.c.call_id).where(where)
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
        fields=_fields(field_rows, turn_rows),
        latency=_latency(turn_rows),
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


def _fields(field_rows: list[Any], turn_rows: list[Any]) -> list[FieldFigures]:
    spoke_on: set[tuple[str, str]] = set()  # (call, field) where Daisy spoke while on the field
    caller_turns: Counter[str] = Counter()
    for t in turn_rows:
        if t.field is None:
            continue
        if t.role == "caller":
            caller_turns[t.field] += 1
        else:
            spoke_on.add((t.call_id, t.field))
    position: dict[str, int] = {}
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    for f in field_rows:
        position[f.key] = min(position.get(f.key, f.position), f.position)
        c = tally[f.key]
        if (f.call_id, f.key) in spoke_on or f.value is not None or f.attempts or f.unknown:
            c["asked"] += 1
        if f.confirmed and f.value is not None:
            c["captured"] += 1
        if f.attempts:
            c["read_back"] += 1
            if f.confirmed and f.attempts == 1:
                c["first_right"] += 1
    out = []
    for key in sorted(tally, key=lambda k: (position[k], k)):
        c = tally[key]
        out.append(FieldFigures(
            key=key, asked=c["asked"], captured=c["captured"], read_back=c["read_back"],
            first_right=c["first_right"], caller_turns=caller_turns[key],
            captured_rate=_ratio(c["captured"], c["asked"]),
            first_right_rate=_ratio(c["first_right"], c["read_back"]),
            turns_per_call=_ratio(caller_turns[key], c["asked"], digits=2),
        ))
    return out


def _latency(turn_rows: list[Any]) -> LatencyFigures:
    samples: dict[str, list[float]] = defaultdict(list)
    measured = 0
    for t in turn_rows:
        if t.role != "daisy" or not isinstance(t.latency_ms, dict):
            continue
        if isinstance(t.latency_ms.get("total"), int | float):
            measured += 1
        for part in LATENCY_PARTS:
            value = t.latency_ms.get(part)
            if isinstance(value, int | float) and math.isfinite(value):
                samples[part].append(float(value))
    parts = {p: Percentiles(p50=percentile(samples[p], 50), p95=percentile(samples[p], 95))
             for p in LATENCY_PARTS if samples[p]}
    return LatencyFigures(turns=measured, parts=parts)


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
