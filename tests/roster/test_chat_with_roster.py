"""`daisy chat --caller-number`: a number in the roster makes a call of confirmations, stored with
source `roster`; the roster learns a changed value only when the operator set DAISY_ROSTER_LEARN."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from daisy.records.roster import open_roster
from daisy.records.store import open_store

DAISY = [sys.executable, "-m", "daisy.cli.main"]
ROSTER = "phone,name,tractor_number,tractor_plates\n+525512345678,Juan Pérez,4512,RT-45-22\n"


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'daisy.db'}"
    (tmp_path / "roster.csv").write_text(ROSTER, encoding="utf-8")
    done = subprocess.run(
        [*DAISY, "drivers", "import", str(tmp_path / "roster.csv"), "--db", url], timeout=60
    )
    assert done.returncode == 0
    return url


def chat(db: str, says: list[str], number: str, learn: bool) -> list[dict]:
    env = {**os.environ, "DAISY_ROSTER_LEARN": "1" if learn else "0"}
    proc = subprocess.run(
        [
            *DAISY,
            "chat",
            "--jsonl",
            "--db",
            db,
            "--now",
            "2026-11-30T10:00:00-06:00",
            "--caller-number",
            number,
        ],
        input="".join(json.dumps({"say": s}) + "\n" for s in says),
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


def test_a_known_number_confirms_and_is_stored_with_source_roster(db: str) -> None:
    out = chat(db, ["Sí", "Sí", "Sí"], "+52 (55) 1234-5678", learn=False)
    assert out[0]["say"].endswith("¿Hablo con Juan Pérez?") and out[0]["pending"] == "Juan Pérez"
    assert out[1]["say"] == "¡Qué gusto, Juan! ¿Sigues con el tractor cuatro, cinco, uno, dos?"
    assert out[3]["field"] == "trailer_number" and out[3]["state"] == "asking"
    call = open_store(db).list_calls()[0]
    fields = {f.key: f for f in open_store(db).get_call(call.id).fields}  # type: ignore[union-attr]
    assert (fields["tractor_plates"].value, fields["tractor_plates"].source) == ("RT4522", "roster")


def test_an_unknown_number_is_asked_everything(db: str) -> None:
    out = chat(db, [], "+525500000000", learn=True)
    assert out[0]["say"].endswith("¿Me dices tu nombre completo?")


@pytest.mark.parametrize("learn", [True, False])
def test_the_roster_learns_a_changed_tractor_only_when_allowed(db: str, learn: bool) -> None:
    out = chat(db, ["Sí", "No", "El 4513", "Sí"], "+525512345678", learn=learn)
    assert out[-1]["record"]["tractor_number"] == "4513"
    juan = open_roster(db).get("+525512345678")
    assert juan is not None and juan.tractor_number == ("4513" if learn else "4512")
    assert juan.tractor_plates == "RT4522"  # confirmed from the roster: nothing to learn
    assert (juan.updated_from != "import") is learn


def test_a_known_number_written_the_national_way_is_still_known(db: str) -> None:
    out = chat(db, [], "55 1234 5678", learn=False)
    assert out[0]["say"].endswith("¿Hablo con Juan Pérez?")


def test_a_caller_number_that_is_no_phone_number_is_one_error_line(db: str) -> None:
    proc = subprocess.run([*DAISY, "chat", "--jsonl", "--db", db, "--caller-number", "abc"],
                          input="", capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0 and proc.stderr.strip().count("\n") == 0
    assert proc.stderr.startswith("daisy: error: --caller-number")
