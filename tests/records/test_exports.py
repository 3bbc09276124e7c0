"""Exports: full JSON, CSV with one column per field, and the original system's JSON shape."""

from __future__ import annotations

import csv
import io
import json

from daisy.core.state import Outcome
from daisy.records.export import to_csv, to_json
from daisy.records.store import Store

from .helpers import RAMON, form, write_call


def test_export_in_the_seeds_shape(store: Store) -> None:
    write_call(store.call_log(), "seed")
    [item] = json.loads(to_json(store.export_calls(), shape="seed"))
    assert item["driver_details"] == {
        "name": "Ramón Ibarra",
        "email": "ramon.ibarra@example.com",
        "eta": "17:45",
    }
    assert item["tractor_details"] == {"number": "6120", "plates": "RYJ400"}
    assert item["trailer_details"] == {"number": "TR55", "plates": "ABC1234"}
    log = item["conversation_log"]
    assert log[0]["role"] == "assistant" and log[1] == {
        "role": "user",
        "text": "Ramón Ibarra",
        "timestamp": "2026-03-02T15:30:05+00:00",
    }
    assert "other_details" not in item


def test_the_seed_shape_leaves_unconfirmed_fields_null(store: Store) -> None:
    write_call(store.call_log(), "half", {"driver_name": "Ana"}, outcome=Outcome.ABANDONED)
    [item] = json.loads(to_json(store.export_calls(), shape="seed"))
    assert item["driver_details"] == {"name": "Ana", "email": None, "eta": None}
    assert item["outcome"] == "abandoned"


def test_csv_has_one_row_per_call_and_one_column_per_field(store: Store) -> None:
    write_call(store.call_log(), "a")
    write_call(store.call_log(), "b", {"driver_name": "=HYPERLINK(1)"}, outcome=None)
    rows = list(csv.DictReader(io.StringIO(to_csv(store.export_calls()))))
    assert [r["id"] for r in rows] == ["a", "b"]
    assert all(k in rows[0] for k in form().keys)
    assert {k: rows[0][k] for k in form().keys} == RAMON
    assert rows[0]["collected"] == "7" and rows[0]["outcome"] == "completed"
    assert rows[1]["outcome"] == "" and rows[1]["tractor_plates"] == ""
    assert rows[1]["driver_name"] == "'=HYPERLINK(1)"  # never a formula in a spreadsheet


def test_full_json_export_keeps_fields_and_transcript(store: Store) -> None:
    write_call(store.call_log(), "full")
    [item] = json.loads(to_json(store.export_calls()))
    assert [f["key"] for f in item["fields"]] == form().keys
    assert len(item["turns"]) == 15 and item["outcome"] == "completed"
