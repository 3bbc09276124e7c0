"""The command line given what a careless operator types: one `daisy: error:` line and a non-zero exit,
never a traceback, and never after calls were placed whose results could not be kept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _daisy(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DAISY_", "LIVEKIT_"))}
    return subprocess.run(
        [sys.executable, "-m", "daisy.cli.main", *args],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
        env={**clean, "DAISY_DATA_DIR": str(tmp_path / "data"), **env},
    )


def _one_line_error(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and done.stderr.startswith("daisy: error:"), done.stderr[-800:]
    assert done.stderr.count("\n") == 1 and all(w in done.stderr for w in words), done.stderr


# A LiveKit that nobody answers at: reaching it would be the first thing a dial does.
NOWHERE = {"LIVEKIT_URL": "http://127.0.0.1:9", "LIVEKIT_API_KEY": "key", "LIVEKIT_API_SECRET": "secret"}


@pytest.mark.parametrize(
    ("out", "words"),
    [("missing/dir/results.csv", ("does not exist",)), (".", ("is a folder",))],
)
def test_a_call_list_whose_results_cannot_be_written_is_refused_before_dialling(
    tmp_path: Path, out: str, words: tuple[str, ...]
) -> None:
    (tmp_path / "drivers.csv").write_text("phone\n+525512345678\n", encoding="utf-8")
    done = _daisy(tmp_path, "call", "--csv", "drivers.csv", "--out", out, **NOWHERE)
    _one_line_error(done, *words)
    assert "LiveKit" not in done.stderr  # refused before any dial was tried


def test_a_from_json_document_5000_deep(tmp_path: Path) -> None:
    (tmp_path / "trunk.json").write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    (tmp_path / "rule.json").write_text("{}", encoding="utf-8")
    done = _daisy(tmp_path, "telephony", "setup", "--from-json", "trunk.json", "rule.json", **NOWHERE)
    _one_line_error(done, "trunk.json", "nested too deeply")


@pytest.mark.parametrize("url", ["http://[::1", "http://127.0.0.1:99999", "http://"])
def test_a_broken_livekit_url(tmp_path: Path, url: str) -> None:
    done = _daisy(tmp_path, "call", "+525512345678", **{**NOWHERE, "LIVEKIT_URL": url})
    _one_line_error(done, "LIVEKIT_URL")
