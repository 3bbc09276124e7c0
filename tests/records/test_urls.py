"""Database URLs: plain PostgreSQL URLs go through psycopg 3; bad ones are one-line StoreErrors."""

from __future__ import annotations

import pytest

from daisy.records.engine import StoreError, normalize_url
from daisy.records.store import open_store


@pytest.mark.parametrize(
    ("given", "driver"),
    [
        ("postgresql://u:p@db:5432/daisy", "postgresql+psycopg"),
        ("postgres://u@db/daisy", "postgresql+psycopg"),
        ("postgresql+psycopg://u@db/daisy", "postgresql+psycopg"),
        ("sqlite:///data/daisy.db", "sqlite"),
    ],
)
def test_plain_postgresql_urls_use_psycopg_3(given: str, driver: str) -> None:
    assert normalize_url(given).drivername == driver


def test_a_plain_postgresql_url_opens_the_store(postgres_url: str) -> None:
    plain = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    store = open_store(plain)
    assert store.url.drivername == "postgresql+psycopg"
    assert store.count_calls() >= 0
    store.close()


def test_a_password_never_shows_in_the_error() -> None:
    with pytest.raises(StoreError) as err:
        open_store("postgresql://daisy:hunter2@127.0.0.1:1/nothing")
    assert "hunter2" not in str(err.value) and "\n" not in str(err.value)
