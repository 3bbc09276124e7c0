"""The same errors in a real process: exactly one line on stderr (no traceback, no asyncio or aiohttp
warnings about unclosed sessions), and a non-zero exit."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from .fake_livekit import API_KEY, API_SECRET, FakeLiveKit

ROOT = Path(__file__).resolve().parents[2]
# Only this module's commands: the test does not depend on the rest of the CLI being importable.
SCRIPT = (
    "import typer; from daisy.cli import telephony; app = typer.Typer(pretty_exceptions_enable=False); "
    "app.callback()(lambda: None); telephony.register(app); app()"
)


def run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith(("LIVEKIT_", "TWILIO_", "DAISY_"))}
    full.update(env, PYTHONPATH=str(ROOT), DAISY_DATABASE_URL=f"sqlite:///{cwd / 'd.db'}")
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, *args], capture_output=True, text=True, env=full, cwd=cwd, timeout=60
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (["telephony", "list"], {"LIVEKIT_URL": "http://127.0.0.1:{port}"}, "cannot reach LiveKit"),
        (["telephony", "setup", "--number", "12345"], {}, "E.164"),
        (["call", "+525512345678"], {"LIVEKIT_URL": "http://127.0.0.1:{port}"}, "cannot reach LiveKit"),
        (["telephony", "setup", "--number", "+15551234567"], {"LIVEKIT_API_SECRET": ""}, "not set"),
    ],
)
def test_one_line_in_a_real_process(
    tmp_path: Path, args: list[str], env: dict[str, str], expected: str
) -> None:
    base = {"LIVEKIT_URL": "http://127.0.0.1:1", "LIVEKIT_API_KEY": API_KEY, "LIVEKIT_API_SECRET": API_SECRET}
    base.update({k: v.format(port=_free_port()) for k, v in env.items()})
    done = run(args, base, tmp_path)
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("daisy: error: ") and expected in lines[0], done.stderr


def test_bad_credentials_in_a_real_process(tmp_path: Path) -> None:
    fake = FakeLiveKit().start()
    try:
        env = {"LIVEKIT_URL": fake.url, "LIVEKIT_API_KEY": API_KEY, "LIVEKIT_API_SECRET": "x" * 40}
        done = run(["telephony", "setup", "--number", "+15551234567"], env, tmp_path)
    finally:
        fake.stop()
    assert done.returncode != 0
    assert done.stderr.count("\n") == 1 and "401" in done.stderr, done.stderr


def test_malformed_json_in_a_real_process(tmp_path: Path) -> None:
    (tmp_path / "t.json").write_text('{"trunk": ')
    (tmp_path / "r.json").write_text("{}")
    done = run(["telephony", "setup", "--from-json", "t.json", "r.json"], {}, tmp_path)
    assert done.returncode != 0
    assert done.stderr.count("\n") == 1 and "not valid JSON" in done.stderr, done.stderr
