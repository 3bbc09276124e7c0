"""A roster value checked and written the way Daisy writes what she hears: the same parsers and the
same plausibility rules as a value read back on a call, so a roster value is one she could confirm."""

from __future__ import annotations

import re
from datetime import datetime

from daisy.form import Form
from daisy.records.roster import VALUE_COLUMNS
from daisy.understanding import plausible, reader

# Each roster column is a form field (by key) of a kind.
FORM_KEY = {column: column for column in VALUE_COLUMNS} | {"name": "driver_name"}
KIND = {
    "name": "name",
    "tractor_number": "number",
    "tractor_plates": "plate",
    "trailer_number": "number",
    "trailer_plates": "plate",
    "email": "email",
}
_SEPARATORS = re.compile(r"[\s.\-/]")
_CLOCK = datetime(2000, 1, 1, 12, 0)  # the parsers want a clock; no roster value is a time


class BadValue(ValueError):
    """A value no call could confirm; `reason` names why (see daisy.roster.messages)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def canonical(column: str, raw: str, form: Form | None = None) -> str:
    """The canonical form of a roster value ("rt-45-22" → "RT4522"), or BadValue."""
    kind = KIND[column]
    symbols = None
    if form is not None and FORM_KEY[column] in form.keys:
        symbols = form.field(FORM_KEY[column]).symbols
    text = raw.strip()
    value = reader.read_value(kind, text, "es", _CLOCK)
    if kind in ("plate", "number"):
        # Written, not spoken: the value is exactly the symbols written, or it is a typo.
        written = _SEPARATORS.sub("", text).upper()
        if not (written.isascii() and written.isalnum()) or value != written:
            raise BadValue(f"bad_{kind}")
    elif kind == "email" and value != text.lower():
        raise BadValue("bad_email")
    if not value or not plausible.plausible(kind, value, symbols):
        raise BadValue(f"bad_{kind}")
    return value


def known_for_form(values: dict[str, str], form: Form) -> dict[str, str]:
    """Roster values (by column) as the call's known values (by form key), for the fields the form has."""
    return {FORM_KEY[c]: v for c, v in values.items() if c in FORM_KEY and FORM_KEY[c] in form.keys}
