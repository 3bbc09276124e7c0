"""The readable terminal call of `daisy chat`: Daisy's lines, the caller's prompt, state on demand."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.table import Table

HELP = (
    "Type what the driver says. Commands: /state, /silence SECONDS, /keypad 1234#, /hangup, /help. "
    "Ctrl-D hangs up."
)


def run_terminal(session: Any) -> None:
    from daisy.protocol import ProtocolError

    console = Console(highlight=False)
    console.print(f"[dim]{HELP}[/dim]")
    prompt = "tú" if session.conversation.dialogue.lang.startswith("es") else "you"
    out = session.opening()
    session.conversation.log.connect()  # the call's row exists before Daisy's first words are shown
    _show(console, out)
    while not out["ended"]:
        try:
            line = console.input(f"[bold cyan]{prompt}>[/bold cyan] ").strip()
        except (EOFError, KeyboardInterrupt):
            out = session.send({"hangup": True})
            console.print("[dim](hung up)[/dim]")
            break
        if not line:
            continue
        if line.startswith("/"):
            obj = _command(console, line, out)
            if obj is None:
                continue
        else:
            obj = {"say": line}
        try:
            out = session.send(obj)
        except ProtocolError as e:
            console.print(f"[red]{e}[/red]")
            continue
        _show(console, out)
    _record(console, out)
    session.conversation.log.flush()


def _command(console: Console, line: str, out: dict[str, Any]) -> dict[str, Any] | None:
    name, _, arg = line[1:].partition(" ")
    if name in ("state", "estado"):
        console.print_json(json.dumps({k: v for k, v in out.items() if k != "say"}, ensure_ascii=False))
        return None
    if name in ("silence", "silencio"):
        try:
            return {"silence": float(arg or 5)}
        except ValueError:
            console.print("[red]/silence needs a number of seconds[/red]")
            return None
    if name in ("keypad", "teclado"):
        return {"dtmf": arg.strip()}
    if name in ("hangup", "colgar"):
        return {"hangup": True}
    console.print(f"[dim]{HELP}[/dim]")
    return None


def _show(console: Console, out: dict[str, Any]) -> None:
    if out["say"]:
        console.print(f"[bold magenta]Daisy:[/bold magenta] {out['say']}")


def _record(console: Console, out: dict[str, Any]) -> None:
    table = Table(title=f"Outcome: {out['outcome']}", show_header=True)
    table.add_column("field")
    table.add_column("value")
    for key, value in out["record"].items():
        table.add_row(key, value if value is not None else "[dim]—[/dim]")
    console.print(table)
