"""`daisy drivers import|list|remove`: the roster of known drivers.

When a call comes from (or goes to) a number in the roster, Daisy greets the driver by name and
asks them to confirm what is known instead of asking for it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from daisy.cli.errors import fail, listing_console

if TYPE_CHECKING:
    from daisy.records.roster import Roster

drivers_app = typer.Typer(
    help="Known drivers (the roster): import a CSV, list, remove. With DAISY_ROSTER_LEARN=1 (--learn "
    "note: set it in the environment or .env of the worker and of `daisy chat`), a call that confirms "
    "a new value for a known driver updates the roster; otherwise calls never change it.",
    no_args_is_help=True,
)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="Database URL (default: DAISY_DATABASE_URL, else SQLite under DAISY_DATA_DIR)."
    ),
]
LangOption = Annotated[str, typer.Option("--lang", help="Messages in es (Mexican Spanish) or en.")]


def register(app: typer.Typer) -> None:
    app.add_typer(drivers_app, name="drivers")


def _open(db: str | None) -> Roster:
    from daisy.records.engine import StoreError
    from daisy.records.roster import open_roster

    try:
        return open_roster(db)
    except StoreError as e:
        fail(str(e))


def _say(lang: str, key: str, **slots: object) -> str:
    from daisy.roster import messages

    return messages.text(lang, key, **slots)


@drivers_app.command("import")
def import_drivers(
    path: Annotated[
        Path,
        typer.Argument(
            help="CSV with a header: phone,name,tractor_number,tractor_plates,"
            "trailer_number,trailer_plates,email (phone and any others)."
        ),
    ],
    db: DbOption = None,
    lang: LangOption = "es",
) -> None:
    """Add or update drivers from a CSV. Every row is checked first: one bad row, nothing imported."""
    from daisy.form import FormError, load_form
    from daisy.roster.importing import RosterFileError, read_roster

    try:
        form = load_form()
    except FormError:
        form = None
    try:
        roster_file = read_roster(path, form)
    except RosterFileError as e:
        fail(e.problem.say(lang))
    if roster_file.problems:
        for problem in roster_file.problems:
            print(f"daisy: error: {problem.say(lang)}", file=sys.stderr)
        fail(_say(lang, "nothing_imported", count=roster_file.bad_rows), code=1)
    if not roster_file.rows:
        fail(_say(lang, "no_rows", path=path))
    roster = _open(db)
    try:
        added, updated = roster.import_rows(roster_file.rows, roster_file.columns)
    except Exception as e:  # noqa: BLE001 - a database failure is one line, and the transaction rolled back
        fail(_failure(e))
    print(_say(lang, "imported", total=added + updated, added=added, updated=updated))


@drivers_app.command("list")
def list_drivers(
    as_json: Annotated[bool, typer.Option("--json", help="One JSON array instead of a table.")] = False,
    db: DbOption = None,
    lang: LangOption = "es",
) -> None:
    """List the known drivers, by name."""
    from daisy.settings import get_settings

    try:
        found = _open(db).list()
    except Exception as e:  # noqa: BLE001
        fail(_failure(e))
    if as_json:
        print(json.dumps([d.as_json() for d in found], ensure_ascii=False, indent=2))
        return
    from rich.markup import escape
    from rich.table import Table

    from daisy.records.roster import VALUE_COLUMNS

    console = listing_console()
    if not found:
        console.print(_say(lang, "empty_roster"))
        return
    table = Table(box=None, header_style="bold")
    for column in ("phone", *VALUE_COLUMNS, "updated_from"):
        table.add_column(column)
    for d in found:
        cells = [d.phone, *(getattr(d, c) or "—" for c in VALUE_COLUMNS), d.updated_from]
        table.add_row(*(escape(c) for c in cells))
    console.print(table)
    learn = "learn_on" if get_settings().daisy_roster_learn else "learn_off"
    print(f"{_say(lang, 'count', count=len(found))}. {_say(lang, learn)}", file=sys.stderr)


@drivers_app.command("remove")
def remove_driver(
    phone: Annotated[str, typer.Argument(help="The driver's phone number (E.164, like +525512345678).")],
    db: DbOption = None,
    lang: LangOption = "es",
) -> None:
    """Take a driver out of the roster (their past calls stay)."""
    from daisy.telephony.common import TelephonyError, e164

    try:
        number = e164(phone)
    except TelephonyError:
        fail(_say(lang, "bad_phone", value=phone))
    try:
        removed = _open(db).remove(number)
    except Exception as e:  # noqa: BLE001
        fail(_failure(e))
    if not removed:
        fail(_say(lang, "not_found", phone=number), code=1)
    print(_say(lang, "removed", phone=number))


def _failure(e: Exception) -> str:
    from sqlalchemy.exc import SQLAlchemyError

    from daisy.records.engine import first_line

    if isinstance(e, SQLAlchemyError):
        return first_line(e)
    raise e
