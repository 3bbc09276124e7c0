"""A person corrects a field: the typed value is read like Daisy reads one (its canonical form, the
same plausibility checks), stored with the value it replaces, and announced as `call.updated`.

    correct(store, settings, call, "tractor_plates", "abc-123-d", identity)  # → CorrectionView
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from daisy.form import Form, FormError, load_form
from daisy.records.search import fold
from daisy.understanding.plausible import NUMBER_SYMBOLS, PLATE_SYMBOLS, plausible
from daisy.understanding.values import read_value
from daisy.web.webhook import announce_update

if TYPE_CHECKING:
    from daisy.records.store import Store
    from daisy.records.views import CallDetail, CorrectionView
    from daisy.settings import Settings
    from daisy.web.auth import Identity

log = logging.getLogger("daisy.web")

MAX_TYPED = 200  # longer than any value of the form
_SEPARATORS = re.compile(r"[\s.\-/]+")
_CLOCK = re.compile(r"^(\d{1,2})\s*[:.h]\s*(\d{2})$")
_PARTICLES = frozenset({"de", "del", "la", "las", "los", "y", "e", "van", "von", "da", "di"})
# Each reason has a key for the dashboard's catalog (i18n) and English for the API.
REASONS = {
    "empty": "a value is needed (send null to clear the field)",
    "long": f"the value is longer than {MAX_TYPED} characters",
    "controls": "the value holds control characters or broken text",
    "plate": f"not a plate: {PLATE_SYMBOLS[0]} to {PLATE_SYMBOLS[1]} letters and digits, with both "
             "(e.g. ABC123D)",
    "number": "not a fleet number: {lo} to {hi} letters and digits, with at least one digit",
    "time": "not a time: hours and minutes on the 24-hour clock (e.g. 17:45)",
    "email": "not an email address Daisy would accept (e.g. nombre@gmail.com)",
    "name": "not a name: one to six words, without digits",
    "text": "a value is needed",
}


class BadValue(ValueError):
    """A typed value that is not a value of the field's kind; `code` keys the reason (REASONS)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class CallInProgress(RuntimeError):
    """The call is still going on: its end would write its own values over the correction."""


@lru_cache(maxsize=1)
def _form() -> Form | None:
    try:
        return load_form()
    except FormError as e:  # without the form every field is read as text, never refused wrongly
        log.error("corrections read every field as text: %s", e)
        return None


def field_kind(key: str) -> tuple[str, tuple[int, int] | None]:
    """The kind of a form field (and a number's plausible length); "text" for a key not in the form."""
    form = _form()
    if form is not None and key in form.keys:
        field = form.field(key)
        return str(field.kind), field.symbols
    return "text", None


def canonical(kind: str, typed: str, lang: str, now: datetime, symbols: tuple[int, int] | None = None) -> str:
    """The value `typed` stands for, in Daisy's canonical form ("abc-123-d" → "ABC123D", "5:30 pm" →
    "17:30"), or BadValue with a one-line reason."""
    if any(ord(c) < 32 and c not in "\t\n\r" or "\ud800" <= c <= "\udfff" for c in typed):
        raise BadValue("controls", REASONS["controls"])  # a lone surrogate cannot be stored as text
    text = " ".join(typed.split())
    if not text:
        raise BadValue("empty", REASONS["empty"])
    if len(text) > MAX_TYPED:
        raise BadValue("long", REASONS["long"])
    # What a person types first (a plate with hyphens, a clock time), then what Daisy would hear in it
    # ("A de árbol…", "cinco y media de la tarde", "juan punto pérez arroba gmail punto com").
    for value in (_typed(kind, text), read_value(kind, text, lang, now)):
        if value and plausible(kind, value, symbols):
            return value
    code = kind if kind in REASONS else "text"
    lo, hi = symbols or NUMBER_SYMBOLS
    raise BadValue(code, REASONS[code].format(lo=lo, hi=hi))


def _typed(kind: str, text: str) -> str | None:
    if kind in ("plate", "number"):
        compact = _SEPARATORS.sub("", text).upper()
        return compact if compact.isascii() and compact.isalnum() else None
    if kind == "time":
        clock = _CLOCK.match(text)
        return f"{int(clock[1]):02d}:{clock[2]}" if clock else None
    if kind == "email":
        return text.lower() if " " not in text else None
    if kind == "name":
        return _name(text)
    return text


def _name(text: str) -> str:
    """Names as typed, capitalized the way Daisy writes them ("juan de la garza" → "Juan de la Garza")."""
    read = read_value("name", text, "es-MX", datetime.now(UTC))
    if read and fold(read) == fold(text):
        return read
    words = text.split()
    return " ".join(
        w if (w.lower() in _PARTICLES and i) else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


def in_progress(call: CallDetail, settings: Settings | None, now: datetime | None = None) -> bool:
    """A call not ended yet and young enough to be live (a process that died leaves calls unended)."""
    if call.outcome is not None:
        return False
    minutes = settings.daisy_max_call_minutes if settings is not None else 20.0
    return (now or datetime.now(UTC)) - call.started_at < timedelta(minutes=minutes + 2)


def correct(
    store: Store,
    settings: Settings | None,
    call: CallDetail,
    key: str,
    typed: str | None,
    who: Identity,
) -> CorrectionView | None:
    """Check, store and announce one correction; None if the field is not one of the call's.
    BadValue for a value not of the field's kind, CallInProgress for a live call."""
    if call.field(key) is None:
        return None
    if in_progress(call, settings):
        raise CallInProgress("the call is still going on; correct it once it has ended")
    kind, symbols = field_kind(key)
    # Relative times ("en dos horas") count from the call's start, on the server's clock.
    now = call.started_at.astimezone()
    value = None if typed is None else canonical(kind, typed, call.language, now, symbols)
    done = store.correct_field(call.id, key, value, who.name)
    if done is None:
        return None
    # The field's name and who, never the values: they are names, plates and addresses.
    log.info("correction: call %s field %s by %s", call.id, key, who.name)
    try:
        announce_update(store, settings, call.id)
    except Exception as e:  # noqa: BLE001 - the correction is stored; `daisy webhooks retry` re-sends
        log.warning("webhook: call %s: %s", call.id, type(e).__name__)
    return done
