"""`daisy calls list|show|export`: output, and one-line errors instead of tracebacks."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from daisy.cli import calls
from daisy.records.store import open_store

from .helpers import write_call


@pytest.fixture
def app() -> typer.Typer:
    # Only this module's commands: the CLI's other modules are not needed here.
    a = typer.Typer()
    calls.register(a)

    @a.callback()
    def _root() -> None: ...

    return a


@pytest.fixture
def db(db_url: str) -> str:
    store = open_store(db_url)
    write_call(store.call_log(), "abc123")
    write_call(store.call_log(), "cut", {"driver_name": "Luis Pérez"}, outcome=None)
    return db_url


def run(app: typer.Typer, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.stdout, result.stderr


def test_calls_list_shows_a_table_and_json(app: typer.Typer, db: str) -> None:
    code, out, _ = run(app, "calls", "list", "--db", db)
    assert code == 0 and "abc123" in out and "Ramón Ibarra" in out and "7/7" in out
    code, out, _ = run(app, "calls", "list", "--json", "--outcome", "completed", "--db", db)
    assert code == 0 and [c["id"] for c in json.loads(out)] == ["abc123"]


def test_a_limited_list_says_how_many_calls_there_are(app: typer.Typer, db: str) -> None:
    code, out, err = run(app, "calls", "list", "--limit", "1", "--db", db)
    assert code == 0 and ("cut" in out) != ("abc123" in out)  # exactly one of the two
    assert "1 of 2 calls shown" in err


def test_calls_are_listed_between_dates(app: typer.Typer, db: str) -> None:
    code, out, _ = run(app, "calls", "list", "--json", "--since", "2026-03-02T15:00+00:00", "--db", db)
    assert code == 0 and len(json.loads(out)) == 2
    code, out, _ = run(app, "calls", "list", "--json", "--until", "2026-03-01", "--db", db)
    assert code == 0 and json.loads(out) == []


def test_calls_show_prints_fields_and_transcript(app: typer.Typer, db: str) -> None:
    code, out, _ = run(app, "calls", "show", "abc123", "--db", db)
    assert code == 0 and "RYJ400" in out and "¿correcto?" in out and "completed" in out
    code, out, _ = run(app, "calls", "show", "abc123", "--json", "--db", db)
    assert code == 0 and json.loads(out)["fields"][0]["value"] == "Ramón Ibarra"


def test_calls_show_takes_the_first_characters_of_an_id(app: typer.Typer, db: str) -> None:
    code, out, _ = run(app, "calls", "show", "abc1", "--db", db)
    assert code == 0 and "RYJ400" in out


def test_calls_export_writes_json_csv_and_the_seed_shape(app: typer.Typer, db: str, tmp_path: Path) -> None:
    code, out, _ = run(app, "calls", "export", "--format", "csv", "--db", db)
    assert code == 0 and [r["id"] for r in csv.DictReader(io.StringIO(out))] == ["abc123", "cut"]
    target = tmp_path / "seed.json"
    code, _, err = run(
        app, "calls", "export", "--format", "json", "--shape", "seed", "-o", str(target), "--db", db
    )
    assert code == 0 and "2 call(s)" in err
    assert json.loads(target.read_text())[0]["tractor_details"]["plates"] == "RYJ400"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["calls", "show", "nope"], "no call with id 'nope'"),
        (["calls", "list", "--outcome", "won"], "unknown outcome 'won'"),
        (["calls", "export", "--format", "xml"], "unknown format 'xml'"),
        (["calls", "export", "--format", "csv", "--shape", "seed"], "seed shape is JSON only"),
        (["calls", "list", "--since", "yesterday"], "--since: 'yesterday' is not an ISO date"),
        (["calls", "list", "--limit", "0"], "limit must be between"),
    ],
)
def test_bad_input_is_a_one_line_error(app: typer.Typer, db: str, args: list[str], message: str) -> None:
    code, out, err = run(app, *args, "--db", db)
    assert code != 0 and message in err
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize(
    "url",
    [
        "not a url",
        "nosuchdb://x/y",
        "postgresql://nobody:secret@127.0.0.1:1/none",  # nothing listens on port 1
        "sqlite:////proc/no/such/dir/daisy.db",
    ],
)
def test_a_bad_or_unreachable_database_is_a_one_line_error(app: typer.Typer, url: str) -> None:
    code, _, err = run(app, "calls", "list", "--db", url)
    assert code != 0 and err.startswith("daisy: error: ") and err.count("\n") == 1
    assert "secret" not in err  # passwords never printed


def test_the_settings_database_is_used_without_db(app: typer.Typer, tmp_path: Path, monkeypatch) -> None:
    from daisy.settings import get_settings

    monkeypatch.setenv("DAISY_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DAISY_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    try:
        code, out, _ = run(app, "calls", "list")
    finally:
        get_settings.cache_clear()
    assert code == 0 and "No calls" in out
    assert (tmp_path / "data" / "daisy.db").exists()
