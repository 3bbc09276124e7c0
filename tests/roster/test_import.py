"""`daisy drivers import|list|remove`: a roster file is checked whole, bad rows named by line, and
nothing is half-imported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from daisy.cli import drivers
from daisy.records.roster import open_roster

GOOD = """phone,name,tractor_number,tractor_plates,trailer_number,trailer_plates,email
+52 55 1234 5678,juan pérez lópez,4512,rt-45-22,C846,12-AB-3C,Juan.Perez@Gmail.com
+1 (555) 123-4567,Mike Smith,808,7ABC123,,,
"""


@pytest.fixture
def app() -> typer.Typer:
    a = typer.Typer()
    drivers.register(a)

    @a.callback()
    def _root() -> None: ...

    return a


def run(app: typer.Typer, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path: Path, text: str, name: str = "drivers.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_roster_is_imported_canonical_and_listed_as_json(
    app: typer.Typer, db_url: str, tmp_path: Path
) -> None:
    code, out, _ = run(app, "drivers", "import", write(tmp_path, GOOD), "--db", db_url)
    assert code == 0 and "conductores importados: 2 (nuevos: 2, actualizados: 0)" in out
    code, out, _ = run(app, "drivers", "list", "--json", "--db", db_url)
    listed = {d["phone"]: d for d in json.loads(out)}
    juan = listed["+525512345678"]
    assert (juan["name"], juan["tractor_number"], juan["tractor_plates"]) == (
        "Juan Pérez López",
        "4512",
        "RT4522",
    )
    assert (juan["trailer_number"], juan["trailer_plates"], juan["email"]) == (
        "C846",
        "12AB3C",
        "juan.perez@gmail.com",
    )
    assert (
        listed["+15551234567"]["trailer_plates"] is None
        and listed["+15551234567"]["updated_from"] == "import"
    )


def test_the_table_lists_every_driver(app: typer.Typer, sqlite_url: str, tmp_path: Path) -> None:
    run(app, "drivers", "import", write(tmp_path, GOOD), "--db", sqlite_url)
    code, out, err = run(app, "drivers", "list", "--db", sqlite_url)
    assert code == 0 and "Juan Pérez López" in out and "7ABC123" in out
    assert "conductores en el padrón: 2" in err


def test_bad_rows_are_named_by_line_and_nothing_is_imported(
    app: typer.Typer, db_url: str, tmp_path: Path
) -> None:
    bad = write(
        tmp_path,
        "phone,name,tractor_number,tractor_plates,email\n"
        "+525512345678,Juan Pérez,4512,RT4522,juan@gmail.com\n"
        "\n"
        "5512,Ana López,12,AB123,\n"  # line 4: not E.164
        "+525511112222,Ana López,1234567,AB123,\n"  # line 5: a fleet number too long
        "+525533334444,Luis,12,AAAA12,\n"  # line 6: no plate repeats a symbol four times
        "+525544445555,Sí,12,AB123,\n"  # line 7: not a name
        "+525566667777,Pedro,12,AB123,pedro@gmail.co\n"  # line 8: gmail has no .co
        "+52 55 1234 5678,Juan,1,AB123,\n"  # line 9: the same phone as line 2
        "+525588889999,Rosa,12\n",  # line 10: a cell missing
    )
    code, out, err = run(app, "drivers", "import", bad, "--db", db_url)
    assert code == 1
    lines = err.strip().splitlines()
    assert [line.split(":")[2].strip() for line in lines[:-1]] == [
        "línea 4",
        "línea 5",
        "línea 6",
        "línea 7",
        "línea 8",
        "línea 9",
        "línea 10",
    ]
    assert "«5512» no es un número E.164" in lines[0] and "ya está en la línea 2" in lines[5]
    assert lines[-1] == "daisy: error: renglones con errores: 7; no se importó nada"
    assert open_roster(db_url).list() == []  # the good row was not stored either


def test_errors_can_be_read_in_english(app: typer.Typer, sqlite_url: str, tmp_path: Path) -> None:
    bad = write(tmp_path, "phone,email\n+525512345678,not-an-address\n")
    code, _, err = run(app, "drivers", "import", bad, "--lang", "en", "--db", sqlite_url)
    assert code == 1 and "line 2: email 'not-an-address' is not a possible address" in err


def test_a_file_that_is_no_roster_gets_one_line(app: typer.Typer, sqlite_url: str, tmp_path: Path) -> None:
    for text, expected in [
        ("name,tractor_number\nJuan,12\n", "no tiene columna phone"),
        ("phone,truck\n+525512345678,12\n", "columna desconocida «truck»"),
        ("", "está vacío"),
    ]:
        code, _, err = run(app, "drivers", "import", write(tmp_path, text), "--db", sqlite_url)
        assert code == 2 and err.count("\n") == 1 and expected in err
    code, _, err = run(app, "drivers", "import", str(tmp_path / "missing.csv"), "--db", sqlite_url)
    assert code == 2 and "no se puede leer" in err


def test_a_second_import_updates_only_its_columns(app: typer.Typer, db_url: str, tmp_path: Path) -> None:
    run(app, "drivers", "import", write(tmp_path, GOOD), "--db", db_url)
    newer = write(tmp_path, "phone,tractor_number\n+525512345678,4513\n+525599990000,77\n", "newer.csv")
    code, out, _ = run(app, "drivers", "import", newer, "--db", db_url)
    assert code == 0 and "(nuevos: 1, actualizados: 1)" in out
    juan = open_roster(db_url).get("+525512345678")
    assert juan is not None and (juan.tractor_number, juan.tractor_plates) == ("4513", "RT4522")


def test_a_driver_is_removed_by_phone(app: typer.Typer, sqlite_url: str, tmp_path: Path) -> None:
    run(app, "drivers", "import", write(tmp_path, GOOD), "--db", sqlite_url)
    code, out, _ = run(app, "drivers", "remove", "+1 555 123 4567", "--db", sqlite_url)
    assert code == 0 and "+15551234567 quitado del padrón" in out
    assert [d.phone for d in open_roster(sqlite_url).list()] == ["+525512345678"]
    code, _, err = run(app, "drivers", "remove", "+15551234567", "--db", sqlite_url)
    assert code == 1 and "no está en el padrón" in err
    code, _, err = run(app, "drivers", "remove", "garbage", "--db", sqlite_url)
    assert code == 2 and "no es un número E.164" in err


def test_the_help_says_how_calls_learn(app: typer.Typer) -> None:
    code, out, _ = run(app, "drivers", "--help")
    assert code == 0 and "DAISY_ROSTER_LEARN" in out and "--learn" in out


def test_a_mexican_number_written_the_national_way_is_taken_as_plus_52(
    app: typer.Typer, sqlite_url: str, tmp_path: Path
) -> None:
    text = "phone,name\n55 1234 5678,Ana López\n(81) 8765-4321,Beto Ruiz\n"
    code, out, _ = run(app, "drivers", "import", write(tmp_path, text), "--db", sqlite_url)
    assert code == 0 and "conductores importados: 2" in out
    code, out, _ = run(app, "drivers", "list", "--json", "--db", sqlite_url)
    assert {d["phone"] for d in json.loads(out)} == {"+525512345678", "+528187654321"}


def test_every_wrong_cell_of_a_row_is_reported_at_once(
    app: typer.Typer, sqlite_url: str, tmp_path: Path
) -> None:
    text = "phone,name,tractor_number,email\n+525512345678,Ana López,12345678901,ana@gmail.con\n"
    code, _out, err = run(app, "drivers", "import", write(tmp_path, text), "--db", sqlite_url)
    lines = err.strip().splitlines()
    assert code == 1 and len(lines) == 3  # the fleet number, the address, then the summary
    assert "tractor_number" in lines[0] and "ana@gmail.con" in lines[1]
    assert lines[-1] == "daisy: error: renglones con errores: 1; no se importó nada"
