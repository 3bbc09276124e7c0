"""What a call teaches the roster (only with DAISY_ROSTER_LEARN): the values the driver confirmed
anew, never the roster's own, and nothing when someone else answered the driver's phone; a roster
import is one transaction."""

from __future__ import annotations

from types import MappingProxyType

import pytest

from daisy.core import CallState, Direction, FieldValue, Phase
from daisy.records.roster import open_roster
from daisy.roster.calls import KnownCaller, learned

CALLER = KnownCaller(
    "+525512345678",
    {"name": "Juan Pérez", "tractor_number": "4512", "email": "juan@gmail.com"},
    {"driver_name": "Juan Pérez", "tractor_number": "4512", "email": "juan@gmail.com"},
)


def ended(**values: FieldValue) -> CallState:
    return CallState(Direction.INBOUND, "es-MX", Phase.ENDED, values=MappingProxyType(values))


def test_values_given_anew_are_learned_and_the_rosters_own_are_not() -> None:
    state = ended(
        driver_name=FieldValue("Juan Pérez", confirmed=True, source="roster"),
        tractor_number=FieldValue("4513", confirmed=True, source="keypad"),
        tractor_plates=FieldValue("RT4522", confirmed=True, source="speech"),
        trailer_number=FieldValue("C846", confirmed=False, source="speech"),  # never confirmed
        email=FieldValue("juan@gmail.com", confirmed=True, source="speech"),  # the same as known
    )
    assert learned(CALLER, state) == {"tractor_number": "4513", "tractor_plates": "RT4522"}


def test_nothing_is_learned_from_someone_else_on_the_drivers_phone() -> None:
    state = ended(
        driver_name=FieldValue("Pedro Gómez", confirmed=True, source="speech"),
        tractor_number=FieldValue("9999", confirmed=True, source="speech"),
    )
    assert learned(CALLER, state) == {}
    # the driver's own name, said rather than confirmed (a doubtful "sí" to "¿Hablo con…?"), is the driver
    said = ended(
        driver_name=FieldValue("Juan Pérez", confirmed=True, source="speech"),
        tractor_number=FieldValue("9999", confirmed=True, source="speech"),
    )
    assert learned(CALLER, said) == {"tractor_number": "9999"}


def test_a_failing_import_leaves_the_roster_as_it_was(db_url: str) -> None:
    roster = open_roster(db_url)
    roster.import_rows([{"phone": "+525500000001", "name": "Ana"}], ["name"])
    twice = [{"phone": "+525500000002", "name": "Luis"}, {"phone": "+525500000002", "name": "Luis"}]
    with pytest.raises(Exception):  # noqa: B017 - the database's own error, whichever it is
        roster.import_rows(twice, ["name"])  # the second insert breaks the primary key
    assert [d.phone for d in roster.list()] == ["+525500000001"]


def test_learning_updates_only_a_known_phone(db_url: str) -> None:
    roster = open_roster(db_url)
    roster.import_rows([{"phone": "+525512345678", "tractor_number": "4512"}], ["tractor_number"])
    assert roster.learn("+525512345678", {"tractor_number": "4513"}, "call-1")
    assert not roster.learn("+525599999999", {"tractor_number": "4513"}, "call-2")
    juan = roster.get("+525512345678")
    assert juan is not None and (juan.tractor_number, juan.updated_from) == ("4513", "call-1")
    assert [d.phone for d in roster.list()] == ["+525512345678"]
