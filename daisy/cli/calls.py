"""`daisy calls list|show|export`: read the call records.

SQLAlchemy and the store are imported inside the commands, so other commands start fast.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from daisy.cli.errors import fail, listing_console

if TYPE_CHECKING:
    from daisy.records.store import Store
    from daisy.records.views import CallDetail, CallSummary

calls_app = typer.Typer(help="Stored calls: list, show, export.", no_args_is_help=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="Database URL (default: DAISY_DATABASE_URL, else SQLite under DAISY_DATA_DIR)."
    ),
]
OutcomeOption = Annotated[
    str | None,
    typer.Option(
        "--outcome",
        help="completed, incomplete, refused, callback, email, whatsapp, transferred, "
        "abandoned, voicemail, no_answer, busy, or unfinished.",
    ),
]
SinceOption = Annotated[
    str | None, typer.Option("--since", help="Calls started at or after this date/time (ISO, local time).")
]
UntilOption = Annotated[
    str | None, typer.Option("--until", help="Calls started before this date/time (ISO, local time).")
]
SearchOption = Annotated[
    str | None, typer.Option("--search", help="Find by name, plate, number, email or caller number.")
]


def register(app: typer.Typer) -> None:
    """Add this module's commands to the `daisy` app."""
    app.add_typer(calls_app, name="calls")


def _open(db: str | None) -> Store:
    from daisy.records.engine import StoreError
    from daisy.records.store import open_store

    try:
        return open_store(db)
    except StoreError as e:
        fail(str(e))


def _guard(what: str) -> None:
    """Turn a database failure in the middle of a command into a one-line error."""
    from sqlalchemy.exc import SQLAlchemyError

    from daisy.records.engine import first_line

    exc = sys.exc_info()[1]
    if isinstance(exc, ValueError):
        fail(str(exc))
    if isinstance(exc, SQLAlchemyError):
        fail(f"cannot {what}: {first_line(exc)}")


def _instant(text: str | None, option: str) -> datetime | None:
    """An ISO date or date-time from the command line; without an offset it is local time."""
    if text is None:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        fail(f"{option}: {text!r} is not an ISO date or date-time (e.g. 2026-03-02 or 2026-03-02T15:30)")
    return value if value.tzinfo else value.astimezone()


def _when(dt: datetime | None) -> str:
    return dt.astimezone().strftime("%Y-%m-%d %H:%M") if dt else "—"


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    minutes, secs = divmod(int(round(seconds)), 60)
    return f"{minutes}:{secs:02d}"


@calls_app.command("list")
def list_calls(
    as_json: Annotated[bool, typer.Option("--json", help="One JSON array instead of a table.")] = False,
    outcome: OutcomeOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    search: SearchOption = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many calls, newest first.")] = 50,
    db: DbOption = None,
) -> None:
    """List stored calls, newest first."""
    store = _open(db)
    try:
        calls = store.list_calls(
            outcome=outcome,
            since=_instant(since, "--since"),
            until=_instant(until, "--until"),
            search=search,
            limit=limit,
        )
    except Exception:
        _guard("list calls")
        raise
    if as_json:
        typer.echo(json.dumps([c.model_dump(mode="json") for c in calls], ensure_ascii=False, indent=2))
        return
    _print_table(calls)
    if len(calls) == limit:
        total = store.count_calls(
            outcome=outcome, since=_instant(since, "--since"), until=_instant(until, "--until"), search=search
        )
        typer.echo(f"{limit} of {total} calls shown (newest first); see more with --limit.", err=True)


def _print_table(calls: list[CallSummary]) -> None:
    from rich.table import Table

    console = listing_console()
    if not calls:
        console.print("No calls stored yet.")
        return
    table = Table(box=None, header_style="bold")
    for col in ("id", "started", "dir", "caller", "driver", "outcome", "fields", "length"):
        # The driver's name may wrap; everything else stays on one line.
        table.add_column(col, no_wrap=col != "driver", min_width=14 if col == "driver" else None)
    for c in calls:
        table.add_row(
            c.id,
            _when(c.started_at),
            c.direction[:3],
            c.caller_number or "—",
            c.driver_name or "—",
            c.outcome or "unfinished",
            f"{c.collected}/{c.total}",
            _duration(c.duration_s),
        )
    console.print(table)


SHORT_ID = 4  # the fewest first characters of an id `calls show` takes


@calls_app.command("show")
def show_call(
    call_id: Annotated[str, typer.Argument(metavar="ID", help="The call's id (see `daisy calls list`).")],
    as_json: Annotated[bool, typer.Option("--json", help="The whole record as JSON.")] = False,
    db: DbOption = None,
) -> None:
    """Show one call: its fields and its transcript."""
    store = _open(db)
    found: list[str] = []
    try:
        call = store.get_call(call_id)
        if call is None and len(call_id) >= SHORT_ID:  # the first characters of an id, as listed
            found = store.call_ids_starting(call_id)
            call = store.get_call(found[0]) if len(found) == 1 else None
    except Exception:
        _guard("read the call")
        raise
    if len(found) > 1:
        fail(f"{call_id!r} begins more than one call's id: give more of it")
    if call is None:
        fail(f"no call with id {call_id!r}")
    if as_json:
        typer.echo(call.model_dump_json(indent=2))
        return
    _print_call(call)


def _print_call(call: CallDetail) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console()
    console.print(
        f"[bold]Call {escape(call.id)}[/bold]  {call.direction}, {call.language}, "
        f"caller {escape(call.caller_number or '—')}, {_when(call.started_at)}, "
        f"{_duration(call.duration_s)}"
    )
    console.print(
        f"Outcome: [bold]{call.outcome or 'unfinished'}[/bold]  fields {call.collected}/{call.total}"
    )
    if call.follow_up_channel:
        extra = _when(call.callback_at) if call.callback_at else (call.follow_up_address or "")
        console.print(f"Follow-up: {call.follow_up_channel} {escape(extra)}")
    if call.recording_path:
        console.print(f"Recording: {escape(call.recording_path)}")

    fields = Table(box=None, header_style="bold", title="Fields", title_justify="left")
    for col in ("field", "value", "confirmed", "source", "attempts"):
        fields.add_column(col)
    for f in call.fields:
        value = "(unknown to the caller)" if f.unknown and not f.value else (f.value or "—")
        fields.add_row(f.key, escape(value), "yes" if f.confirmed else "no", f.source, str(f.attempts))
    console.print(fields)

    console.print("[bold]Transcript[/bold]")
    for t in call.turns:
        who = "[cyan]Daisy[/cyan] " if t.role == "daisy" else "[green]Caller[/green]"
        latency = (
            f" [dim]({t.latency_ms['total']:.0f} ms)[/dim]"
            if t.latency_ms and "total" in t.latency_ms
            else ""
        )
        console.print(f"[dim]{t.at.astimezone():%H:%M:%S}[/dim] {who} {escape(t.text)}{latency}")


@calls_app.command("export")
def export_calls(
    fmt: Annotated[str, typer.Option("--format", help="json or csv.")] = "json",
    shape: Annotated[
        str, typer.Option("--shape", help="full, or seed: the original system's JSON.")
    ] = "full",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    outcome: OutcomeOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    search: SearchOption = None,
    db: DbOption = None,
    lang: Annotated[
        str | None, typer.Option("--lang", help="CSV header for people: es or en (default: the column keys).")
    ] = None,
) -> None:
    """Export stored calls (oldest first): JSON, or CSV with one row per call and one column per field."""
    from daisy.records.export import to_csv, to_json

    if fmt not in ("json", "csv"):
        fail(f"unknown format {fmt!r}; use json or csv")
    if shape not in ("full", "seed"):
        fail(f"unknown shape {shape!r}; use full or seed")
    if shape == "seed" and fmt != "json":
        fail("the seed shape is JSON only; use --format json")
    if lang is not None and (lang not in ("es", "en") or fmt != "csv"):
        fail(f"--lang {lang!r}: use es or en, with --format csv (JSON keys stay English)")
    store = _open(db)
    try:
        calls = store.export_calls(
            outcome=outcome, since=_instant(since, "--since"), until=_instant(until, "--until"), search=search
        )
    except Exception:
        _guard("export calls")
        raise
    text = to_json(calls, shape=shape) if fmt == "json" else to_csv(calls, _column_names(lang))
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as e:
        fail(f"cannot write {output}: {e.strerror or e}")
    typer.echo(f"{len(calls)} call(s) written to {output}", err=True)


def _column_names(lang: str | None) -> dict[str, str] | None:
    if lang is None:
        return None
    from daisy.web.i18n import column_names  # the dashboard's catalog: one set of words for both

    return column_names(lang)
