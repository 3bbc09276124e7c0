"""What Daisy expects to hear next: the kind of answer the current step wants, and which help she
has offered. The voice layer uses it to hear better (a decoder vocabulary and a parser to rescore
hypotheses per kind); the evaluation's simulated drivers use `offer` to key digits or spell."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from daisy.core.state import CallState
from daisy.form import FieldKind, Form
from daisy.understanding import name_lexicon
from daisy.understanding.normalize import strip_accents


class Expected(StrEnum):
    YES_NO = "yes_no"  # a read-back or a yes/no question
    DIGITS = "digits"  # a fleet number (digits, maybe a letter or two)
    PLATE = "plate"  # letters and digits, spelled
    TIME = "time"
    EMAIL = "email"
    NAME = "name"
    FREE = "free"  # anything else: the start of a call, a free-text field


class Offer(StrEnum):
    """The rung of the escalation ladder Daisy is on for the current question."""

    ASK = "ask"
    EXAMPLE = "example"  # asked again with an example
    SPELL = "spell"  # asked to spell slowly, letter by letter with key words
    KEYPAD = "keypad"  # asked to key the digits


_BY_KIND = {
    FieldKind.NAME: Expected.NAME,
    FieldKind.NUMBER: Expected.DIGITS,
    FieldKind.PLATE: Expected.PLATE,
    FieldKind.TIME: Expected.TIME,
    FieldKind.EMAIL: Expected.EMAIL,
    FieldKind.TEXT: Expected.FREE,
}
_FOLLOW_UP_STEPS = {
    "callback_time": Expected.TIME,
    "email_address": Expected.EMAIL,
    "whatsapp_number": Expected.DIGITS,
}
_YES_NO_STEPS = (
    "confirm",
    "callback_confirm",
    "email_confirm",
    "whatsapp_confirm",
    "whatsapp_own",
    "offer_callback",
    "permission",
)


def expected(form: Form, state: CallState) -> Expected:
    """The kind of answer the step in `state` is waiting for."""
    if state.ended or state.step == "greeting":
        return Expected.FREE
    if state.step in _YES_NO_STEPS:
        return Expected.YES_NO
    if state.step in _FOLLOW_UP_STEPS:
        return _FOLLOW_UP_STEPS[state.step]
    if state.field is None:
        return Expected.FREE
    return _BY_KIND[form.field(state.field).kind]


_REFUSED = "refused:"  # scratch key prefix, per form key: the values said no to, one per line
_COUNT = "count:"  # before a refused values' key: how many read-backs were said no to


# A follow-up's read-back step → the step that asks for its value (they share the refused values)
_ASKED_BY = {"email_confirm": "email_address", "whatsapp_confirm": "whatsapp_number"}


def _refused_key(state: CallState) -> str | None:
    if state.field is not None:
        return _REFUSED + state.field
    step = _ASKED_BY.get(state.step, state.step)
    return _REFUSED + step if step in _ASKED_BY.values() else None


def refused(state: CallState) -> frozenset[str]:
    """The values the caller said no to for the field (or follow-up detail) being asked. The hearing
    passes over them to its next-best reading, and the core never reads one back again (the same
    misreading twice costs the driver two "no"s and teaches nothing)."""
    key = _refused_key(state)
    return frozenset(state.scratch.get(key, "").split("\n")) - {""} if key else frozenset()


def said_no_to(state: CallState, value: str) -> bool:
    """Whether the caller said no to `value` as it sounds read back: accents, capitals and word breaks
    are not heard ("Angela Villareal" after "Ángela Villareal", "Celiatoro" after "Celia Toro")."""
    heard = as_read_back(value)
    return any(as_read_back(v) == heard for v in refused(state))


def as_read_back(value: str) -> str:
    """A value as the caller hears it read back: no accents, capitals nor spaces (an address's "@", dots,
    dashes and underscores are said)."""
    # (strip_accents keeps ñ: Peña is not Pena to the ear)
    return "".join(c for c in strip_accents(value.lower()) if c.isalnum() or c in "@._-")


def refusals(state: CallState) -> int:
    """How many read-backs of the field (or follow-up detail) being asked the caller said no to; the
    same value may be among them twice (heard the same again, it is read back once more)."""
    key = _refused_key(state)
    return int(state.scratch.get(_COUNT + key, "0")) if key else 0


def with_refused(state: CallState, value: str) -> dict[str, str]:
    """The state's scratch with `value` added to the current field's refused values, and one more
    refusal counted."""
    key = _refused_key(state)
    assert key is not None
    return {**state.scratch, key: "\n".join(sorted(refused(state) | {value})),
            _COUNT + key: str(refusals(state) + 1)}


def offer(state: CallState) -> Offer:
    """Which help Daisy's last question offered (kept in the state by the escalation ladder)."""
    try:
        return Offer(state.offer)
    except ValueError:
        return Offer.ASK


def caller_name(form: Form, state: CallState) -> str:
    """The caller's name while an address is asked for: as confirmed in this call, or, when the name
    was not confirmed, the words of the name last heard that the lexicon knows ('' when none).
    Drivers' addresses are mostly made of their names, and the hearing and the core use it to set a
    bent address right (daisy.understanding.email_from_name); the caller's yes still decides."""
    if expected(form, state) is not Expected.EMAIL:
        return ""
    return name_of_the_caller(form, state)


def name_of_the_caller(form: Form, state: CallState) -> str:
    """The name as confirmed in this call, else the known words of the name last heard (caller_name)."""
    for field in form.fields:
        got = state.values.get(field.key)
        if field.kind is FieldKind.NAME and got is not None and got.confirmed and got.value:
            return got.value
    # Not confirmed: the words of the name last heard that the lexicon knows ("Tania Ariaga Beltran"
    # → Tania Beltran) are most likely the caller's own; the address is read back all the same.
    heard = state.scratch.get("name_heard", "").split()
    return " ".join(w for w in heard if name_lexicon.known(w))


def gathering(state: CallState) -> bool:
    """Pieces of the value are held: the next answer may close it ("es todo") as well as add to it."""
    return bool(state.pieces) and not state.ended and state.step not in _YES_NO_STEPS


@dataclass(frozen=True, slots=True)
class Listening:
    """All the voice layer needs to hear the next answer well (daisy.voice.hearing.hear)."""

    expecting: Expected = Expected.FREE
    spelled: bool = False  # Daisy asked for the value symbol by symbol
    refused: frozenset[str] = frozenset()  # values the caller said no to for this field
    caller_name: str = ""  # while an address is asked for (see caller_name)
    gathering: bool = False  # pieces held: a closing is as likely as a piece


def listening(form: Form, state: CallState) -> Listening:
    """What Daisy listens for now."""
    return Listening(expected(form, state), offer(state) is Offer.SPELL, refused(state),
                     caller_name(form, state), gathering(state))
