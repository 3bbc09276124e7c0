"""`daisy call --csv drivers.csv`: dial a list of drivers, a few at a time, recording each dial."""

from __future__ import annotations

import asyncio
import csv
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from daisy.telephony.common import TelephonyError, e164
from daisy.telephony.outbound import DialResult, dial

if TYPE_CHECKING:
    from livekit import api

PHONE_COLUMNS = ("phone_number", "phone", "number", "telefono", "teléfono", "celular", "numero", "número")
RESULT_COLUMNS = ["row", "phone_number", "status", "outcome", "call_id", "room_name", "sip_status", "error"]


@dataclass
class Row:
    line: int  # line in the CSV file, for messages
    raw: str
    number: str | None  # None: not a valid E.164 number
    problem: str = ""


def read_numbers(path: Path) -> list[Row]:
    """Phone numbers from a CSV: the column named phone/phone_number/number/teléfono..., or the first
    column when the file has no header."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise TelephonyError(f"cannot read {path}: {e.strerror or e}") from None
    except UnicodeDecodeError:
        raise TelephonyError(f"{path} is not UTF-8 text") from None
    lines = list(csv.reader(text.splitlines()))
    lines = [(i + 1, cells) for i, cells in enumerate(lines) if any(c.strip() for c in cells)]
    if not lines:
        raise TelephonyError(f"{path} has no rows")
    header = [c.strip().lower() for c in lines[0][1]]
    column = next((header.index(name) for name in PHONE_COLUMNS if name in header), None)
    if column is None:
        if not header[0].lstrip().startswith(("+", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9")):
            raise TelephonyError(f"{path} has no phone column (one of: {', '.join(PHONE_COLUMNS[:4])})")
        column, body = 0, lines
    else:
        body = lines[1:]
    rows = []
    for line, cells in body:
        raw = cells[column].strip() if column < len(cells) else ""
        try:
            rows.append(Row(line, raw, e164(raw)))
        except TelephonyError as e:
            rows.append(Row(line, raw, None, str(e)))
    return rows


async def dial_all(
    lk: api.LiveKitAPI,
    rows: list[Row],
    trunk_id: str,
    agent_name: str,
    concurrency: int,
    on_result: Callable[[Row, DialResult | None], Awaitable[None]],
    room_prefix: str = "call-",
    **dial_options: Any,
) -> None:
    """Dial every valid row, at most `concurrency` calls at once; `on_result` sees each dial's end.

    `on_result` runs inside the concurrency slot, so when it waits for the conversation to end the
    limit is on calls in progress, not only on phones ringing (the worker's capacity is the limit).
    """
    gate = asyncio.Semaphore(max(1, concurrency))

    async def one(row: Row) -> None:
        if row.number is None:
            await on_result(row, None)
            return
        async with gate:
            result = await dial(lk, row.number, trunk_id, agent_name, room_prefix=room_prefix, **dial_options)
            await on_result(row, result)

    try:
        # A task group stops the other dials as soon as one hits a hard error (bad credentials...).
        async with asyncio.TaskGroup() as group:
            for row in rows:
                group.create_task(one(row))
    except* Exception as failures:
        raise failures.exceptions[0] from None


def result_line(row: Row, result: DialResult | None, outcome: str = "") -> dict[str, str]:
    if result is None:
        return {"row": str(row.line), "phone_number": row.raw, "status": "invalid", "error": row.problem}
    return {
        "row": str(row.line),
        "phone_number": result.phone_number,
        "status": "answered" if result.answered else "failed",
        "outcome": outcome or result.unanswered_outcome,
        "call_id": result.call_id,
        "room_name": result.room_name,
        "sip_status": result.sip_status,
        "error": result.error,
    }
