"""One-line errors for the command line: bad input never gets a traceback."""

from __future__ import annotations

import sys
from typing import NoReturn

import typer


def fail(message: str, code: int = 2) -> NoReturn:
    """Print `daisy: error: <message>` on stderr and exit non-zero."""
    print(f"daisy: error: {message}", file=sys.stderr)
    raise typer.Exit(code)
