"""Exports of stored calls: JSON (full records, or the original system's shape) and CSV."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from daisy.records.views import CallDetail, jsonable

# The original system wrote one JSON file per call grouped by subject; our form keys map onto it.
SEED_GROUPS: dict[str, dict[str, str]] = {
    "driver_details": {"name": "driver_name", "email": "email", "eta": "eta"},
    "tractor_details": {"number": "tractor_number", "plates": "tractor_plates"},
    "trailer_details": {"number": "trailer_number", "plates": "trailer_plates"},
}
# Its conversation log used the chat-model roles.
SEED_ROLES = {"daisy": "assistant", "caller": "user"}

CSV_CALL_COLUMNS = [
    "id",
    "direction",
    "language",
    "caller_number",
    "form",
    "started_at",
    "ended_at",
    "duration_s",
    "outcome",
    "callback_at",
    "follow_up_channel",
    "follow_up_address",
    "collected",
    "total",
]


def seed_record(call: CallDetail) -> dict[str, Any]:
    """One call in the original system's shape; values are the confirmed ones (else null)."""
    record = call.record()
    out: dict[str, Any] = {"call_id": call.id, "outcome": call.outcome}
    for group, keys in SEED_GROUPS.items():
        out[group] = {name: record.get(key) for name, key in keys.items()}
    mapped = {key for keys in SEED_GROUPS.values() for key in keys.values()}
    other = {k: v for k, v in record.items() if k not in mapped}
    if other:  # fields an operator added to the form
        out["other_details"] = other
    out["conversation_log"] = [
        {"role": SEED_ROLES.get(t.role, t.role), "text": t.text, "timestamp": t.at.isoformat()}
        for t in call.turns
    ]
    return out


def to_json(calls: Sequence[CallDetail], shape: str = "full") -> str:
    """A JSON array of calls: shape "full" (every stored detail) or "seed"."""
    if shape == "seed":
        items = [seed_record(c) for c in calls]
    elif shape == "full":
        items = [jsonable(c) for c in calls]
    else:
        raise ValueError(f"unknown shape {shape!r}; use full or seed")
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def field_keys(calls: Sequence[CallDetail]) -> list[str]:
    """Every field key, in form order (calls made with another form add theirs after)."""
    keys: list[str] = []
    for call in calls:
        for f in call.fields:
            if f.key not in keys:
                keys.append(f.key)
    return keys


def to_csv(calls: Sequence[CallDetail], headers: Mapping[str, str] | None = None) -> str:
    """One row per call, one column per field (its confirmed value, empty otherwise). `headers`
    renames columns in the header row (a person's language); by default the header is the keys."""
    keys = field_keys(calls)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([(headers or {}).get(c, c) for c in CSV_CALL_COLUMNS + keys])
    for call in calls:
        data = jsonable(call)
        record = call.record()
        cells = [data[c] for c in CSV_CALL_COLUMNS] + [record.get(k) for k in keys]
        writer.writerow([safe_cell(v) for v in cells])
    return buf.getvalue()


# A spreadsheet runs a cell as a formula when it starts with one of these, leading blanks ignored.
_FORMULA_START = frozenset("=+-@\t\r\n")
# A phone number in E.164 is a plain number to a spreadsheet: it may keep its "+".
_E164 = re.compile(r"\+[1-9][0-9]{6,14}")


def safe_cell(value: object) -> str:
    """One CSV cell that never runs as a spreadsheet formula: what a caller said, a caller number or
    an address may start with = + - @ (even after spaces); such a cell gets a leading apostrophe.
    Every CSV Daisy writes goes through this."""
    if value is None:
        return ""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    first = text.lstrip()[:1]  # " =1+1" runs too
    if (first in _FORMULA_START or text[:1] in _FORMULA_START) and not _E164.fullmatch(text):
        return "'" + text
    return text
