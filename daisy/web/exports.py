"""CSV and JSON exports of a filtered list of calls, and the JSON document a webhook sends."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from daisy.records.export import safe_cell
from daisy.records.views import CallDetail
from daisy.web import i18n

SUMMARY_COLUMNS = (
    "id", "started_at", "ended_at", "duration_s", "direction", "language", "caller_number", "outcome",
    "collected", "total", "callback_at", "follow_up_channel", "follow_up_address",
)


def calls_csv(calls: Iterable[CallDetail], lang: str = "en") -> str:
    """One row per call: the summary columns, then each form field's confirmed value. The header row
    is in `lang` (a field an operator added keeps its key); the cells are the stored values."""
    rows = list(calls)
    keys: list[str] = []
    for call in rows:
        for f in call.fields:
            if f.key not in keys:
                keys.append(f.key)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    names = i18n.column_names(lang)
    writer.writerow([names.get(c, c) for c in (*SUMMARY_COLUMNS, *keys)])
    for call in rows:
        record = call.record()
        data = call.model_dump()
        cells = [data[c] for c in SUMMARY_COLUMNS] + [record.get(k) for k in keys]
        writer.writerow([safe_cell(v) for v in cells])
    return out.getvalue()


def call_document(call: CallDetail) -> dict[str, Any]:
    """A call as exported and as POSTed to the webhook: everything, plus `record` (confirmed values)."""
    doc = call.model_dump(mode="json")
    doc["record"] = call.record()
    return doc


def calls_json(calls: Iterable[CallDetail]) -> str:
    return json.dumps([call_document(c) for c in calls], ensure_ascii=False, indent=1)
