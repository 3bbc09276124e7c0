"""CSV and JSON exports of a filtered list of calls, and the JSON document a webhook sends."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from typing import Any

from daisy.records.views import CallDetail

SUMMARY_COLUMNS = (
    "id", "started_at", "ended_at", "duration_s", "direction", "language", "caller_number", "outcome",
    "collected", "total", "callback_at", "follow_up_channel", "follow_up_address",
)
_PHONE_LIKE = re.compile(r"[+\-]?[\d\s()\-]+")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    # A spreadsheet runs a cell starting with = + - @ as a formula; phone numbers ("+52…") are let through.
    if text[:1] in ("=", "@", "\t", "\r") or (text[:1] in ("+", "-") and not _PHONE_LIKE.fullmatch(text)):
        return "'" + text
    return text


def calls_csv(calls: Iterable[CallDetail]) -> str:
    """One row per call: the summary columns, then each form field's confirmed value."""
    rows = list(calls)
    keys: list[str] = []
    for call in rows:
        for f in call.fields:
            if f.key not in keys:
                keys.append(f.key)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*SUMMARY_COLUMNS, *keys])
    for call in rows:
        record = call.record()
        data = call.model_dump()
        writer.writerow([_cell(data[c]) for c in SUMMARY_COLUMNS] + [_cell(record.get(k)) for k in keys])
    return out.getvalue()


def call_document(call: CallDetail) -> dict[str, Any]:
    """A call as exported and as POSTed to the webhook: everything, plus `record` (confirmed values)."""
    doc = call.model_dump(mode="json")
    doc["record"] = call.record()
    return doc


def calls_json(calls: Iterable[CallDetail]) -> str:
    return json.dumps([call_document(c) for c in calls], ensure_ascii=False, indent=1)
