"""Export headers for people: the dashboard's CSV follows its language; `daisy calls export --lang`
asks for it on the command line, and without it the CLI writes the column keys as it always did."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import typer
from typer.testing import CliRunner

from daisy.cli import calls
from daisy.records.store import open_store
from daisy.web.i18n import column_names

from .seed import RAMON, write_call


def export(db: str, *args: str) -> tuple[int, str, str]:
    app = typer.Typer()
    calls.register(app)

    @app.callback()
    def _root() -> None: ...

    result = CliRunner().invoke(app, ["calls", "export", "--db", db, *args])
    return result.exit_code, result.stdout, result.stderr


def seeded(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    write_call(open_store(url).call_log(), "call-ramon", RAMON)
    return url


def test_the_cli_keeps_the_column_keys_by_default(tmp_path: Path) -> None:
    code, out, _ = export(seeded(tmp_path), "--format", "csv")
    row = next(csv.DictReader(io.StringIO(out)))
    assert code == 0 and row["tractor_plates"] == "RYJ400" and row["outcome"] == "completed"


def test_the_cli_writes_spanish_or_english_headers_on_request(tmp_path: Path) -> None:
    db = seeded(tmp_path)
    code, out, _ = export(db, "--format", "csv", "--lang", "es")
    row = next(csv.DictReader(io.StringIO(out)))
    assert code == 0 and row["placas_tractor"] == "RYJ400" and row["operador"] == "Ramón Ibarra"
    assert row["resultado"] == "completed"  # the cells stay as stored
    code, out, _ = export(db, "--format", "csv", "--lang", "en")
    assert code == 0 and "tractor_plates" in out.splitlines()[0]


def test_the_cli_refuses_a_language_it_cannot_write(tmp_path: Path) -> None:
    db = seeded(tmp_path)
    code, _, err = export(db, "--format", "csv", "--lang", "fr")
    assert code != 0 and "use es or en" in err and "Traceback" not in err
    code, _, err = export(db, "--format", "json", "--lang", "es")
    assert code != 0 and "JSON keys stay English" in err


def test_every_export_column_has_a_name_in_both_languages() -> None:
    from daisy.records.export import CSV_CALL_COLUMNS
    from daisy.web.exports import SUMMARY_COLUMNS

    for lang in ("es", "en"):
        names = column_names(lang)
        assert {*CSV_CALL_COLUMNS, *SUMMARY_COLUMNS, *RAMON} <= set(names)
    assert column_names("en")["tractor_plates"] == "tractor_plates"
    assert len(set(column_names("es").values())) == len(column_names("es"))  # no two columns alike
