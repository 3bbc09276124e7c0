"""Entry point of the `daisy` console script."""

from __future__ import annotations

import typer

from daisy.cli import calls, chat, drivers, evaluate, telephony, users, voice, web

app = typer.Typer(
    name="daisy",
    help="Daisy, the telephone agent that registers drivers' loads.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (chat, calls, drivers, evaluate, voice, web, users, telephony):
    module.register(app)


def run() -> None:
    app()


if __name__ == "__main__":
    run()
