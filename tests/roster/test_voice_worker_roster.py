"""The voice worker looks the SIP caller's number (or the dialled one) up in the roster, and a
roster it cannot open never stops the call."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from daisy.form import load_form
from daisy.records.roster import open_roster
from daisy.settings import get_settings
from daisy.voice import worker


@pytest.fixture
def settings_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'daisy.db'}"
    monkeypatch.setenv("DAISY_DATABASE_URL", url)
    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()


def test_the_sip_callers_number_finds_the_driver(settings_db: str) -> None:
    open_roster(settings_db).import_rows([{"phone": "+525512345678", "name": "Juan Pérez"}], ["name"])
    sip = SimpleNamespace(attributes={"sip.phoneNumber": "+525512345678"})
    _, caller = worker.known_caller(worker.caller_number_of(sip), load_form())  # type: ignore[arg-type]
    assert caller is not None and caller.known == {"driver_name": "Juan Pérez"}
    assert worker.known_caller("+525500000000", load_form())[1] is None
    assert worker.known_caller(None, load_form()) == (None, None)


def test_a_roster_that_cannot_open_leaves_the_call_asking_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DAISY_DATABASE_URL", "nosuchdb://x")
    get_settings.cache_clear()
    try:
        assert worker.known_caller("+525512345678", load_form()) == (None, None)
    finally:
        get_settings.cache_clear()
