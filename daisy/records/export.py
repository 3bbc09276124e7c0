"""Exports of stored calls: JSON (full records, or the original system's shape) and CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
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


def to_csv(calls: Sequence[CallDetail]) -> str:
    """One row per call, one column per field (its confirmed value, empty otherwise)."""
    keys = field_keys(calls)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_CALL_COLUMNS + keys)
    for call in calls:
        data = jsonable(call)
        record = call.record()
        row = ["" if data[c] is None else data[c] for c in CSV_CALL_COLUMNS]
        writer.writerow(row + [_cell(record.get(k)) for k in keys])
    return buf.getvalue()


def _cell(value: str | None) -> str:
    # What a caller said must never run as a spreadsheet formula when ops open the file.
    if value and value[0] in "=+-@\t\r":
        return "'" + value
    return value or ""
