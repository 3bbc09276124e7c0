"""`daisy users add|list|remove`: the dispatchers who log in to the dashboard, each with a token.

The token is printed once, when the user is added; only its SHA-256 is stored. A lost token is
replaced by removing the user and adding them again.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer

from daisy.cli.errors import fail, listing_console

if TYPE_CHECKING:
    from daisy.records.store import Store

users_app = typer.Typer(help="Dashboard users: viewers read calls, editors also correct them.",
                        no_args_is_help=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (default: DAISY_DATABASE_URL, else SQLite in DAISY_DATA_DIR)."),
]

RoleOption = Annotated[
    str, typer.Option("--role", help="viewer (reads; the default) or editor (also corrects).")
]


def register(app: typer.Typer) -> None:
    """Add this module's commands to the `daisy` app."""
    app.add_typer(users_app, name="users")


def _open(db: str | None) -> Store:
    from daisy.records.engine import StoreError
    from daisy.records.store import open_store

    try:
        return open_store(db)
    except StoreError as e:
        fail(str(e))


@users_app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="The user's name, as logs and the corrections trail show it.")],
    role: RoleOption = "viewer",
    db: DbOption = None,
) -> None:
    """Add a user and print their token (once: keep it, only its hash is stored)."""
    from daisy.records.users import UserError

    try:
        user, token = _open(db).user_book().add(name, role)
    except UserError as e:
        fail(str(e))
    typer.echo(f"Added {user.name} ({user.role}). Their token, shown only now:", err=True)
    typer.echo(token)


@users_app.command("list")
def list_users(
    as_json: Annotated[bool, typer.Option("--json", help="One JSON array instead of a table.")] = False,
    db: DbOption = None,
) -> None:
    """The users, by name, with their role (never a token)."""
    users = _open(db).user_book().list()
    if as_json:
        typer.echo(json.dumps([{"name": u.name, "role": u.role,
                                "created_at": u.created_at.isoformat() if u.created_at else None}
                               for u in users], ensure_ascii=False))
        return
    if not users:
        typer.echo("No users yet: `daisy users add NAME --role viewer|editor`.")
        return
    from rich.markup import escape
    from rich.table import Table

    table = Table("name", "role", "added")
    for u in users:
        added = u.created_at.astimezone().strftime("%Y-%m-%d %H:%M") if u.created_at else "—"
        table.add_row(escape(u.name), u.role, added)
    listing_console().print(table)


@users_app.command("remove")
def remove(
    name: Annotated[str, typer.Argument(help="The user to remove; their token stops working at once.")],
    db: DbOption = None,
) -> None:
    """Remove a user: their token and sessions stop working within seconds."""
    if not _open(db).user_book().remove(name):
        fail(f"no user named {name.strip()[:60]!r} (see `daisy users list`)")
    typer.echo(f"Removed {name.strip()}.")
