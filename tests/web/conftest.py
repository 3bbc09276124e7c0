"""Web fixtures: a seeded store (SQLite; PostgreSQL where marked) and TestClients with and without a token."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from daisy.records.store import Store, open_store
from daisy.web.app import create_app

from .seed import LOCAL_URL, TOKEN, seed_standard, settings


def _fresh_postgres_db(server_url: str) -> str:
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"w_{uuid.uuid4().hex[:12]}"
    admin = make_url(server_url).set(drivername="postgresql")
    with psycopg.connect(admin.render_as_string(hide_password=False), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(autouse=True)
def utc_server_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Bare dates in filters mean the server's local days: pin the zone so the tests mean the same
    days on any machine (the served subprocesses inherit it)."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'data' / 'daisy.db'}"


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = open_store(db_url)
    seed_standard(s.call_log())
    yield s
    s.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The same seeded store on SQLite and on PostgreSQL (skips locally when no server starts)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'daisy.db'}"
    else:
        url = _fresh_postgres_db(request.getfixturevalue("postgres_url"))
    s = open_store(url)
    seed_standard(s.call_log())
    yield s
    s.close()


@pytest.fixture
def client(store: Store, tmp_path: Path) -> Iterator[TestClient]:
    """No token: everything open (as `daisy serve` allows on loopback only)."""
    app = create_app(store, settings(daisy_data_dir=tmp_path))
    with TestClient(app, base_url=LOCAL_URL) as c:
        yield c


@pytest.fixture
def secured(store: Store, tmp_path: Path) -> Iterator[TestClient]:
    """DAISY_ADMIN_TOKEN set; the client sends no credentials unless a test adds them."""
    app = create_app(store, settings(daisy_admin_token=TOKEN, daisy_data_dir=tmp_path))
    with TestClient(app, base_url=LOCAL_URL, follow_redirects=False) as c:
        yield c
