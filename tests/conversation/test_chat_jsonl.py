"""`daisy chat --jsonl`, the process that tests and evaluation tools drive; and crash safety."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

DAISY = [sys.executable, "-m", "daisy.cli.main"]


def _run(lines: list[str], *args: str, db: str) -> tuple[list[dict], str, int]:
    proc = subprocess.run(
        [*DAISY, "chat", "--jsonl", "--db", db, "--now", "2026-11-23T14:00:00-06:00", *args],
        input="".join(line + "\n" for line in lines),
        capture_output=True,
        text=True,
        timeout=60,
    )
    return [json.loads(x) for x in proc.stdout.splitlines()], proc.stderr, proc.returncode


def test_one_line_at_start_and_one_per_input_line(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'calls.db'}"
    out, err, code = _run(['{"say": "Soy Ramón Ibarra"}', '{"say": "sí"}', '{"hangup": true}'], db=db)
    assert code == 0 and len(out) == 4
    assert set(out[0]) >= {"say", "state", "field", "pending", "ended", "outcome", "record"}
    assert out[1]["pending"] == "Ramón Ibarra" and out[3]["outcome"] == "abandoned"


def test_a_malformed_line_gets_a_one_line_error_and_the_call_goes_on(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'calls.db'}"
    out, err, code = _run(['{"say": ', '{"shout": "hi"}', '{"say": "Soy Ana Ruiz"}'], db=db)
    assert code == 0
    assert len(err.strip().splitlines()) == 2 and "Traceback" not in err
    assert out[-1]["pending"] == "Ana Ruiz"


def test_bad_options_are_one_line_errors(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'calls.db'}"
    for args in (["--now", "yesterday"], ["--lang", "fr"], ["--form", str(tmp_path / "none.toml")]):
        proc = subprocess.run(
            [*DAISY, "chat", "--jsonl", "--db", db, *args],
            input="",
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode != 0 and len(proc.stderr.strip().splitlines()) == 1, (args, proc.stderr)


def test_the_call_is_in_the_records(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'calls.db'}"
    _run(['{"say": "Soy Ramón Ibarra"}', '{"say": "sí"}', '{"hangup": true}'], db=db)
    shown = subprocess.run(
        [*DAISY, "calls", "list", "--json", "--db", db], capture_output=True, text=True, timeout=60
    )
    assert shown.returncode == 0, shown.stderr
    assert "abandoned" in shown.stdout


def test_a_process_killed_mid_call_keeps_the_confirmed_fields(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'calls.db'}"
    proc = subprocess.Popen(
        [*DAISY, "chat", "--jsonl", "--db", db],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )
    assert proc.stdin and proc.stdout
    proc.stdout.readline()
    for line in ('{"say": "Soy Ramón Ibarra"}', '{"say": "sí"}', '{"say": "cuarenta y cinco"}'):
        proc.stdin.write(line + "\n")
        proc.stdin.flush()
        proc.stdout.readline()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    time.sleep(0.1)
    from daisy.records import open_store

    store = open_store(db)
    (summary,) = store.list_calls()
    detail = store.get_call(summary.id)
    assert detail is not None
    fields = {f.key: f for f in detail.fields}
    assert fields["driver_name"].value == "Ramón Ibarra" and fields["driver_name"].confirmed
    assert not fields["tractor_number"].confirmed


def test_text_chat_starts_without_the_voice_web_or_database_stacks() -> None:
    probe = (
        "import sys, daisy.cli.main, daisy.protocol\n"
        "stacks = ('livekit', 'faster_whisper', 'fastapi', 'sqlalchemy', 'twilio')\n"
        "heavy = [m for m in stacks if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.strip() == "", out.stdout


def test_stdin_closed_mid_call_is_recorded_as_a_hang_up(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'calls.db'}"
    _run(['{"say": "Soy Ramón Ibarra"}'], db=db)
    from daisy.records import open_store

    (summary,) = open_store(db).list_calls()
    assert summary.outcome == "abandoned"
