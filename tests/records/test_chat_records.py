"""Through the real `daisy chat --jsonl` process: a call shows in `daisy calls show`, and a chat
process killed mid-call leaves its confirmed fields in the database."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

DAISY = [sys.executable, "-c", "from daisy.cli.main import run; run()"]
START = [
    {"say": "Soy Ramón Ibarra"},
    {"say": "sí"},
    {"say": "sesenta y uno veinte"},
    {"say": "sí"},
]


def _env(tmp_path: Path) -> dict[str, str]:
    # No stray .env or DAISY_DATABASE_URL: every command gets --db explicitly.
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAISY_")}
    return {**env, "DAISY_DATA_DIR": str(tmp_path / "unused")}


def _daisy(tmp_path: Path, *args: str) -> str:
    done = subprocess.run(
        [*DAISY, *args], capture_output=True, text=True, timeout=60, env=_env(tmp_path), cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_chat_call_shows_in_calls_show(tmp_path: Path, db_url: str) -> None:
    script = [*START, {"hangup": True}]
    stdin = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in script)
    done = subprocess.run(
        [*DAISY, "chat", "--jsonl", "--db", db_url],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(tmp_path),
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    last = json.loads(done.stdout.splitlines()[-1])
    assert last["ended"] and last["outcome"] == "abandoned"

    [summary] = json.loads(_daisy(tmp_path, "calls", "list", "--json", "--db", db_url))
    call = json.loads(_daisy(tmp_path, "calls", "show", summary["id"], "--json", "--db", db_url))
    assert call["outcome"] == "abandoned" and call["ended_at"]
    record = {f["key"]: f["value"] for f in call["fields"] if f["confirmed"]}
    assert record == {k: v for k, v in last["record"].items() if v is not None}
    assert record["tractor_number"] == "6120"
    assert [t["text"] for t in call["turns"] if t["role"] == "caller"][:2] == ["Soy Ramón Ibarra", "sí"]


def test_killing_the_chat_process_mid_call_keeps_the_confirmed_fields(tmp_path: Path, db_url: str) -> None:
    child = subprocess.Popen(
        [*DAISY, "chat", "--jsonl", "--db", db_url],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(tmp_path),
        cwd=tmp_path,
    )
    assert child.stdin is not None and child.stdout is not None
    try:
        child.stdout.readline()  # the opening
        for line in START:
            child.stdin.write(json.dumps(line, ensure_ascii=False) + "\n")
            child.stdin.flush()
            last = json.loads(child.stdout.readline())
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert last["record"]["tractor_number"] == "6120"

    [summary] = json.loads(
        _daisy(tmp_path, "calls", "list", "--json", "--outcome", "unfinished", "--db", db_url)
    )
    call = json.loads(_daisy(tmp_path, "calls", "show", summary["id"], "--json", "--db", db_url))
    confirmed = {f["key"]: f["value"] for f in call["fields"] if f["confirmed"]}
    assert confirmed == {"driver_name": "Ramón Ibarra", "tractor_number": "6120"}
