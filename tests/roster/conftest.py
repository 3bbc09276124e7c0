"""The roster is stored like the calls: every storage test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from daisy.records.engine import forget_all_engines


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'data' / 'daisy.db'}"
    import psycopg
    from sqlalchemy.engine import make_url

    server = request.getfixturevalue("postgres_url")
    name = f"r_{uuid.uuid4().hex[:12]}"
    admin = make_url(server).set(drivername="postgresql")
    with psycopg.connect(admin.render_as_string(hide_password=False), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return make_url(server).set(database=name).render_as_string(hide_password=False)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'data' / 'daisy.db'}"


@pytest.fixture(autouse=True)
def _close_connections() -> Iterator[None]:
    yield
    forget_all_engines()
