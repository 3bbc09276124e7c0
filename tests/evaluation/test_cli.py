"""`daisy eval` runs over a small callers file and prints the three figures."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from daisy.cli.main import app
from daisy.evaluation.callers import default_callers_path, load_callers


def test_eval_smoke(tmp_path: Path) -> None:
    lines = [
        ln for ln in default_callers_path().read_text(encoding="utf-8").splitlines() if ln.startswith("{")
    ]
    picked = [lines[0], lines[1], next(ln for ln in lines if json.loads(ln)["lang"] == "en")]
    path = tmp_path / "three.jsonl"
    path.write_text("\n".join(picked) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--callers", str(path)])
    assert result.exit_code == 0, result.output
    assert "fields right" in result.output and "turns/field" in result.output
    assert "3 calls" in result.output
    as_json = CliRunner().invoke(app, ["eval", "--callers", str(path), "--json", "--lang", "en"])
    assert as_json.exit_code == 0
    assert json.loads(as_json.output)["overall"]["calls"] == 1


def test_callers_file_covers_the_spec() -> None:
    specs = load_callers()
    assert sum(s.lang == "es" for s in specs) >= 40 and sum(s.lang == "en" for s in specs) >= 10
    outcomes = {s.outcome for s in specs}
    assert {
        "completed",
        "incomplete",
        "refused",
        "callback",
        "email",
        "whatsapp",
        "transferred",
        "abandoned",
    } <= outcomes
    assert {s.direction for s in specs} == {"inbound", "outbound"}


def test_bad_callers_file_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x"}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--callers", str(path)])
    assert result.exit_code == 2


def test_unknown_espeak_variants_are_a_one_line_error() -> None:
    result = CliRunner().invoke(app, ["eval", "--audio", "--limit", "1", "--espeak-variants", "m2,m9"])
    assert result.exit_code == 2 and "--espeak-variants" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_eval_rounds_run_other_phrasings(tmp_path: Path) -> None:
    line = next(
        ln for ln in default_callers_path().read_text(encoding="utf-8").splitlines() if ln.startswith("{")
    )
    path = tmp_path / "one.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--callers", str(path), "--rounds", "3", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["overall"]["calls"] == 3
