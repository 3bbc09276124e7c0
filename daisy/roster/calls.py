"""The roster on a call: what is known about the number calling (or called), and learning from the
call when the operator allows it (DAISY_ROSTER_LEARN).

Adapters (text chat, the voice worker, the evaluation) look the number up here and give the known
values to the dialogue core as data; the core never reads the database.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from daisy.core.known import ROSTER
from daisy.form import Form
from daisy.roster.values import FORM_KEY, known_for_form
from daisy.telephony.common import TelephonyError, e164

if TYPE_CHECKING:
    from daisy.conversation import CallLog
    from daisy.core import CallState
    from daisy.records.roster import Roster

log = logging.getLogger("daisy.roster")


@dataclass(frozen=True)
class KnownCaller:
    phone: str  # E.164
    values: dict[str, str]  # by roster column
    known: dict[str, str]  # by form key: what the dialogue core is given


def find_caller(roster: Roster, number: str | None, form: Form) -> KnownCaller | None:
    """The roster's driver for a caller ID or a dialled number (any E.164 spelling), or None."""
    try:
        phone = e164(number or "")
    except TelephonyError:
        return None  # a withheld or malformed caller ID matches no one
    driver = roster.get(phone)
    if driver is None:
        return None
    values = driver.values()
    return KnownCaller(phone, values, known_for_form(values, form))


def learned(caller: KnownCaller, state: CallState) -> dict[str, str]:
    """Roster columns whose value the call confirmed anew (said or keyed, not the roster's own).

    Nothing when the call confirmed another name than the roster's: someone else may be on the
    driver's phone, and their values are not the driver's."""
    name, known_name = state.values.get(FORM_KEY["name"]), caller.values.get("name")
    if known_name and name is not None and name.confirmed and name.value != known_name:
        return {}
    out: dict[str, str] = {}
    for column, key in FORM_KEY.items():
        fv = state.values.get(key)
        if fv is None or not fv.confirmed or not fv.value or fv.source == ROSTER:
            continue
        if fv.value != caller.values.get(column):
            out[column] = fv.value
    return out


class LearningCallLog:
    """A call log that, once the call has ended and been written, stores in the roster the values the
    driver gave anew. Learning never fails the call: a database error is logged."""

    def __init__(self, inner: CallLog, roster: Roster, caller: KnownCaller) -> None:
        self.inner = inner
        self.roster = roster
        self.caller = caller

    def call_started(self, *args: Any, **kwargs: Any) -> None:
        self.inner.call_started(*args, **kwargs)

    def turn_added(self, *args: Any, **kwargs: Any) -> None:
        self.inner.turn_added(*args, **kwargs)

    def latency_measured(self, *args: Any, **kwargs: Any) -> None:
        self.inner.latency_measured(*args, **kwargs)

    def field_changed(self, *args: Any, **kwargs: Any) -> None:
        self.inner.field_changed(*args, **kwargs)

    def call_ended(self, call_id: str, state: CallState, at: datetime) -> None:
        self.inner.call_ended(call_id, state, at)
        changes = learned(self.caller, state)
        if not changes:
            return
        try:
            self.roster.learn(self.caller.phone, changes, call_id)
        except Exception as e:  # noqa: BLE001 - the call is stored; the roster can be fixed by import
            log.error("roster not updated from call %s: %s", call_id, e)

    def flush(self, timeout: float = 10.0) -> None:
        """Let the inner log finish its background work (a webhook delivery)."""
        flush = getattr(self.inner, "flush", None)
        if flush is not None:
            flush(timeout)


def with_learning(inner: CallLog, roster: Roster, caller: KnownCaller | None, learn: bool) -> CallLog:
    """`inner`, learning into the roster when the operator set DAISY_ROSTER_LEARN and the caller is known."""
    if not learn or caller is None:
        return inner
    return LearningCallLog(inner, roster, caller)
