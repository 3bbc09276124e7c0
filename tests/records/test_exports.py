"""Exports: full JSON, CSV with one column per field, and the original system's JSON shape."""

from __future__ import annotations

import csv
import io
import json

from daisy.core.state import FollowUp, Outcome
from daisy.records.export import safe_cell, to_csv, to_json
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


FORMULAS = ["=cmd|' /C calc'!A0", "@SUM(1)", "-1-1", "+1+1", " =1+1", "\t=1", "\n=1", "=+525512345678"]


def test_no_csv_cell_can_run_as_a_spreadsheet_formula(store: Store) -> None:
    # Whatever the caller said or the line carried: the caller number, a follow-up address, a value.
    from daisy.web.exports import calls_csv

    for i, formula in enumerate(FORMULAS):
        write_call(store.call_log(), f"evil-{i}", {"driver_name": formula, "email": formula}, caller=formula,
                   outcome=Outcome.EMAIL, follow_up=FollowUp("email", address=formula))
    for text in (to_csv(store.export_calls()), calls_csv(store.export_calls())):
        rows = {row["id"]: row for row in csv.DictReader(io.StringIO(text))}
        for i, formula in enumerate(FORMULAS):
            for column in ("caller_number", "follow_up_address", "driver_name", "email"):
                assert rows[f"evil-{i}"][column] == "'" + formula, (column, formula)


def test_phone_numbers_and_plain_values_stay_as_they_are() -> None:
    for value in ("+525512345678", "Ramón Ibarra", "RYJ400", "17:45", "a-b", "", "6120"):
        assert safe_cell(value) == value
    assert safe_cell(None) == "" and safe_cell(-3) == "'-3"
