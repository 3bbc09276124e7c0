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


def _command_line_errors() -> tuple[type[BaseException], ...]:
    """The exceptions a mistyped command line raises: typer's own click (recent typer) or click's."""
    found: list[type[BaseException]] = []
    if hasattr(typer, "TyperException"):
        found.append(typer.TyperException)
    try:
        import click

        found.append(click.ClickException)
    except ImportError:  # recent typer carries its own click
        pass
    return tuple(found)


def run() -> None:
    """Run a command; a mistyped command line is one `daisy: error:` line (exit 2), as every other
    bad input is, instead of click's usage box."""
    import sys

    command = typer.main.get_command(app)
    try:
        code = command.main(prog_name="daisy", standalone_mode=False)
    except _command_line_errors() as e:
        ctx = getattr(e, "ctx", None)
        if type(e).__name__ == "NoArgsIsHelpError" and ctx is not None:  # a bare `daisy calls`: its help
            print(ctx.get_help(), file=sys.stderr)
        else:
            where = f" (see `{ctx.command_path} --help`)" if ctx is not None else ""
            print(f"daisy: error: {e.format_message()}{where}", file=sys.stderr)  # type: ignore[attr-defined]
        code = getattr(e, "exit_code", 2)
    except typer.Abort:
        print("daisy: aborted", file=sys.stderr)
        code = 130
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    run()
