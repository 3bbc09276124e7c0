"""One-line errors for the command line: bad input never gets a traceback."""

from __future__ import annotations

import sys
from typing import Any, NoReturn

import typer


def fail(message: str, code: int = 2) -> NoReturn:
    """Print `daisy: error: <message>` on stderr and exit non-zero."""
    print(f"daisy: error: {message}", file=sys.stderr)
    raise typer.Exit(code)


def listing_console() -> Any:
    """A Rich console for a listing: a terminal's own width, but piped or redirected output gets
    whole rows (Rich would cut them to 80 columns: "+155512…", a lost driver column)."""
    from rich.console import Console

    return Console() if sys.stdout.isatty() else Console(width=10_000)
