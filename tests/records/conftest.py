"""Storage tests run on SQLite and on PostgreSQL: `db_url` is a fresh, empty database of either kind."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from daisy.records.engine import forget_all_engines
from daisy.records.store import Store, open_store


def _fresh_postgres_db(server_url: str) -> str:
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = make_url(server_url).set(drivername="postgresql")
    with psycopg.connect(admin.render_as_string(hide_password=False), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'data' / 'daisy.db'}"
    return _fresh_postgres_db(request.getfixturevalue("postgres_url"))


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = open_store(db_url)
    yield s
    s.close()


@pytest.fixture(autouse=True)
def _close_connections() -> Iterator[None]:
    # Each test has its own database; idle pooled connections to it must not pile up on the server.
    yield
    forget_all_engines()
