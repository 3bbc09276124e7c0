"""`daisy chat`: a text call with Daisy, readable in a terminal or driven as JSON lines."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, BinaryIO

import typer

from daisy.cli.errors import fail


def register(app: typer.Typer) -> None:
    app.command("chat")(chat)


def chat(
    jsonl: bool = typer.Option(
        False, "--jsonl", help="Machine protocol: JSON objects in, one JSON line out."
    ),
    lang: str = typer.Option("es", "--lang", help="es (Mexican Spanish) or en (US English)."),
    direction: str = typer.Option("inbound", "--direction", help="inbound (driver calls) or outbound."),
    now: str | None = typer.Option(None, "--now", help="ISO-8601 clock for relative times."),
    db: str | None = typer.Option(
        None, "--db", help="SQLAlchemy URL (default: DAISY_DATABASE_URL or SQLite)."
    ),
    form: Path | None = typer.Option(None, "--form", help="Form file (TOML)."),
    caller_number: str | None = typer.Option(
        None,
        "--caller-number",
        help="The caller's phone number; a driver in the roster (daisy drivers) is greeted by name and "
        "confirms what is known (with DAISY_ROSTER_LEARN=1, new values update the roster).",
    ),
) -> None:
    """Talk to Daisy in text: a whole registration call, recorded like a phone call."""
    session = _open_session(lang, direction, now, db, form, caller_number)
    if jsonl:
        _run_jsonl(session)
    else:
        from daisy.cli.chat_terminal import run_terminal

        run_terminal(session)


def _clock(now: str | None) -> Callable[[], datetime]:
    if now is None:
        return lambda: datetime.now().astimezone()
    try:
        start = datetime.fromisoformat(now)
    except ValueError:
        fail(f"--now {now!r} is not an ISO-8601 date and time (e.g. 2026-11-23T14:30:00-06:00)")
    t0 = time.monotonic()
    # The given clock moves on with real time, so transcript turns keep their order and spacing.
    return lambda: start + timedelta(seconds=time.monotonic() - t0)


def _open_session(
    lang: str,
    direction: str,
    now: str | None,
    db: str | None,
    form_path: Path | None,
    caller_number: str | None,
) -> Any:
    from daisy.form import FormError, canonical_lang, load_form
    from daisy.protocol import ProtocolSession

    if direction not in ("inbound", "outbound"):
        fail(f"--direction {direction!r}: use inbound or outbound")
    try:
        canonical_lang(lang)
        form = load_form(form_path)
    except FormError as e:
        fail(str(e))
    clock = _clock(now)
    from daisy.conversation import DeferredCallLog

    if caller_number:  # written as the roster writes it: "55 1234 5678" is +525512345678
        from daisy.roster.importing import national_to_e164
        from daisy.telephony.common import TelephonyError, e164

        try:
            caller_number = e164(national_to_e164(caller_number))
        except TelephonyError as e:
            fail(f"--caller-number: {e}")

    roster, caller = _known_caller(caller_number, db, form)

    def open_log() -> Any:
        from daisy.records import StoreError, open_store
        from daisy.roster.calls import with_learning
        from daisy.settings import get_settings
        from daisy.web.webhook import live_call_log

        try:
            log = live_call_log(open_store(db), strict=True)  # posts the ended call when configured
        except StoreError as e:
            fail(str(e))
        return with_learning(log, roster, caller, get_settings().daisy_roster_learn)

    # Opened once Daisy's opening is decided, and written before it goes out (a process killed right
    # after the greeting still leaves its call); through session.conversation.log.connect().
    return ProtocolSession(
        lang=lang,
        direction=direction,
        form=form,
        log=DeferredCallLog(open_log),
        caller_number=caller_number,
        clock=clock,
        known=caller.known if caller else None,
    )


def _known_caller(caller_number: str | None, db: str | None, form: Any) -> tuple[Any, Any]:
    """The roster and the driver calling, when the number is in it (the database opens only then)."""
    if not caller_number:
        return None, None
    from daisy.records import StoreError
    from daisy.records.roster import open_roster
    from daisy.roster.calls import find_caller

    try:
        roster = open_roster(db)
        return roster, find_caller(roster, caller_number, form)
    except StoreError as e:
        fail(str(e))


def _emit(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


# The longest input line read whole; a longer one is skipped to its end and answered with an error,
# so memory stays bounded whatever is piped in (a "say" is capped far lower, see daisy.protocol).
MAX_LINE_BYTES = 64 * 1024


def _lines(stream: BinaryIO) -> Iterator[bytes | None]:
    """Each input line as bytes; None for a line longer than MAX_LINE_BYTES (read past, never kept)."""
    while chunk := stream.readline(MAX_LINE_BYTES + 1):
        if len(chunk) <= MAX_LINE_BYTES or chunk.endswith(b"\n"):
            yield chunk
            continue
        while chunk and not chunk.endswith(b"\n"):
            chunk = stream.readline(MAX_LINE_BYTES)
        yield None


def _read_line(raw: bytes | None) -> object:
    """One input line as a JSON value; ValueError with a one-line reason (never the line itself)."""
    if raw is None:
        raise ValueError(f"line longer than {MAX_LINE_BYTES // 1024} KB")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ValueError(f"not UTF-8 (byte {e.start + 1})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:  # the parser's own words ("Expecting value") say little
        raise ValueError(f"not a JSON object: {e.msg.lower()} at column {e.colno}") from None
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    except ValueError:  # an integer of thousands of digits
        raise ValueError("a number too long") from None


def _run_jsonl(session: Any) -> None:
    from daisy.protocol import ProtocolError

    last = session.opening()
    session.conversation.log.connect()  # the call's row is written before Daisy's first words go out
    _emit(last)
    for raw in _lines(sys.stdin.buffer):
        if raw is not None and not raw.strip():
            continue
        try:
            last = session.send(_read_line(raw))
        except (ValueError, ProtocolError) as e:  # ProtocolError is a ValueError: named for the reader
            reason = str(e)
            print(f"daisy: error: bad input line ({reason}); the call goes on", file=sys.stderr)
            # One output line per input line, always: repeat the state, saying nothing new (and
            # hearing nothing: a bad audio line was not heard).
            last = {**{k: v for k, v in last.items() if k not in ("heard", "confidence")}, "say": "",
                    "error": reason}
        _emit(last)
    if not last.get("ended"):
        session.send({"hangup": True})  # stdin closed mid-call: the caller is gone (no output line)
    session.conversation.log.flush()
