"""Reading a roster file: a CSV with a header, `phone` and any of the other columns.

Every row is checked before anything is stored; a file with one bad row imports nothing, and every
bad row is named by its line number, so the operator fixes the file and imports it again.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from daisy.form import Form
from daisy.records.roster import VALUE_COLUMNS
from daisy.roster import messages
from daisy.roster.values import KIND, BadValue, canonical
from daisy.telephony.common import TelephonyError, e164
from daisy.understanding import plausible

COLUMNS = ("phone", *VALUE_COLUMNS)


# A brokerage's spreadsheet writes Mexican numbers the national way: ten digits, no +52.
_NATIONAL_MX = re.compile(r"^\(?\d{2,3}\)?[\s.-]?\d{3,4}[\s.-]?\d{4}$")


def national_to_e164(phone: str) -> str:
    """'55 1234 5678' → '+525512345678'; anything else is left for the E.164 check."""
    digits = re.sub(r"\D", "", phone)
    return f"+52{digits}" if len(digits) == 10 and _NATIONAL_MX.match(phone.strip()) else phone


@dataclass(frozen=True)
class Problem:
    """Something wrong with the file or one row; `say(lang)` is one line for the operator."""

    key: str
    slots: dict[str, Any] = field(default_factory=dict)
    line: int | None = None

    def say(self, lang: str = "es") -> str:
        what = messages.text(lang, self.key, **self.slots)
        return what if self.line is None else messages.text(lang, "line", line=self.line, what=what)


class RosterFileError(ValueError):
    """The file cannot be read as a roster at all."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.say("en"))
        self.problem = problem


@dataclass
class RosterFile:
    columns: list[str]  # the file's columns besides the phone
    rows: list[dict[str, str | None]]  # canonical values by column, "phone" in E.164
    problems: list[Problem]  # one per wrong cell of a bad row (or per bad row)
    bad_rows: int = 0


def read_roster(path: Path, form: Form | None = None) -> RosterFile:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise RosterFileError(Problem("cannot_read", {"path": path, "reason": e.strerror or e})) from None
    except UnicodeDecodeError:
        raise RosterFileError(Problem("not_utf8", {"path": path})) from None
    return parse_roster(text, str(path), form)


def parse_roster(text: str, name: str = "drivers.csv", form: Form | None = None) -> RosterFile:
    reader = csv.reader(io.StringIO(text))
    try:
        lines = [(reader.line_num, cells) for cells in reader if any(c.strip() for c in cells)]
    except csv.Error as e:
        raise RosterFileError(Problem("bad_csv", {"path": name, "reason": e})) from None
    if not lines:
        raise RosterFileError(Problem("empty", {"path": name}))
    header = [c.strip().lower() for c in lines[0][1]]
    _check_header(header, name)
    out = RosterFile([c for c in header if c != "phone"], [], [])
    first_line: dict[str, int] = {}
    for line, cells in lines[1:]:
        row, problems = _row(header, cells, form)
        if not problems and row["phone"] in first_line:
            problems = [
                Problem("repeated_phone", {"value": row["phone"], "first": first_line[str(row["phone"])]})
            ]
        if problems:  # every wrong cell of the row, so one round of fixes is enough
            out.problems += [Problem(problem.key, problem.slots, line) for problem in problems]
            out.bad_rows += 1
            continue
        first_line[str(row["phone"])] = line
        out.rows.append(row)
    return out


def _check_header(header: list[str], name: str) -> None:
    columns = ", ".join(COLUMNS)
    for column in header:
        if column not in COLUMNS:
            raise RosterFileError(
                Problem("unknown_column", {"path": name, "column": column, "columns": columns})
            )
        if header.count(column) > 1:
            raise RosterFileError(Problem("repeated_column", {"path": name, "column": column}))
    if "phone" not in header:
        raise RosterFileError(Problem("no_phone_column", {"path": name, "columns": columns}))


def _row(
    header: list[str], cells: list[str], form: Form | None
) -> tuple[dict[str, str | None], list[Problem]]:
    if len(cells) != len(header):
        return {}, [Problem("cells", {"got": len(cells), "want": len(header)})]
    raw = {column: cell.strip() for column, cell in zip(header, cells, strict=True)}
    problems: list[Problem] = []
    row: dict[str, str | None] = {}
    if not raw["phone"]:
        problems.append(Problem("no_phone"))
    else:
        try:
            row["phone"] = e164(national_to_e164(raw["phone"]))
        except TelephonyError:
            problems.append(Problem("bad_phone", {"value": raw["phone"]}))
    for column in (c for c in header if c != "phone"):
        if not raw[column]:
            row[column] = None  # an empty cell: the roster does not know it
            continue
        try:
            row[column] = canonical(column, raw[column], form)
        except BadValue as e:
            problems.append(Problem(e.reason, _bad_slots(column, raw[column], form)))
    return row, problems


def _bad_slots(column: str, value: str, form: Form | None) -> dict[str, Any]:
    lo, hi = plausible.NUMBER_SYMBOLS
    key = "driver_name" if column == "name" else column
    if KIND[column] == "number" and form is not None and key in form.keys:
        lo, hi = form.field(key).symbols or (lo, hi)
    return {"column": column, "value": value, "lo": lo, "hi": hi}
