"""Placeholder: commands registered here are built by their own adapter."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to the `daisy` app."""
