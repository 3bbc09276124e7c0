"""A mistyped command line is one `daisy: error:` line and exit 2, like every other bad input."""

from __future__ import annotations

import subprocess
import sys

DAISY = [sys.executable, "-m", "daisy.cli.main"]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*DAISY, *args], capture_output=True, text=True, timeout=60)


def test_an_unknown_option_is_one_error_line_naming_the_help_to_read() -> None:
    done = _run("calls", "list", "--bogus")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip() == "daisy: error: No such option: --bogus (see `daisy calls list --help`)"


def test_a_value_of_the_wrong_type_is_one_error_line() -> None:
    done = _run("eval", "-j", "abc")
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2 and len(lines) == 1 and lines[0].startswith("daisy: error: Invalid value")


def test_a_command_group_without_its_command_shows_its_help() -> None:
    done = _run("calls")
    assert done.returncode == 2 and "Usage: daisy calls" in done.stderr + done.stdout
