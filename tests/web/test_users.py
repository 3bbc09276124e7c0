"""Dispatchers with names: `daisy users add|list|remove`, their own tokens (stored hashed) for the API
and the login form, the admin token still working, and logs that name people, never tokens."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from daisy.cli import users as users_cli
from daisy.records.store import Store
from daisy.web import auth as auth_module
from daisy.web.app import create_app
from daisy.web.auth import COOKIE

from .seed import LOCAL_URL, TOKEN, bearer, settings


@pytest.fixture
def cli() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """Daisy (test root)."""

    users_cli.register(app)
    return app


def run(cli: typer.Typer, db_url: str, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["users", *args, "--db", db_url])


@pytest.fixture(autouse=True)
def users_read_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # The dashboard re-reads the users every USERS_TTL seconds; the tests want every change at once.
    monkeypatch.setattr(auth_module, "USERS_TTL", 0.0)


def add_user(store: Store, name: str, role: str) -> str:
    return store.user_book().add(name, role)[1]


@pytest.fixture
def with_users(store: Store, tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str]]]:
    tokens = {"lucia": add_user(store, "lucia", "editor"), "pepe": add_user(store, "pepe", "viewer")}
    app = create_app(store, settings(daisy_admin_token=TOKEN, daisy_data_dir=tmp_path))
    with TestClient(app, base_url=LOCAL_URL, follow_redirects=False) as c:
        yield c, tokens


def test_add_prints_the_token_once_and_stores_only_its_hash(cli, store: Store, db_url: str) -> None:
    added = run(cli, db_url, "add", "lucia", "--role", "editor")
    assert added.exit_code == 0, added.output
    token = added.stdout.strip().splitlines()[-1]
    assert len(token) >= 40
    listed = run(cli, db_url, "list", "--json")
    assert [(u["name"], u["role"]) for u in json.loads(listed.stdout)] == [("lucia", "editor")]
    assert token not in listed.stdout and token not in run(cli, db_url, "list").stdout
    with create_engine(db_url).connect() as conn:
        stored = conn.execute(text("SELECT token_hash FROM users")).scalar_one()
    assert stored == hashlib.sha256(token.encode()).hexdigest()
    dump = Path(db_url.removeprefix("sqlite:///")).read_bytes()
    assert token.encode() not in dump


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("add", "lucia", "--role", "boss"), "unknown role 'boss'; use one of: viewer, editor"),
        (("add", "admin", "--role", "editor"), "'admin' is reserved"),
        (("add", "two words", "--role", "viewer"), "is not a user name"),
        (("add", "", "--role", "viewer"), "is not a user name"),
        (("remove", "nobody"), "no user named 'nobody'"),
    ],
)
def test_bad_user_commands_end_in_one_line(cli, store: Store, db_url: str, args, message: str) -> None:
    r = run(cli, db_url, *args)
    assert r.exit_code == 2
    assert r.stderr.startswith("daisy: error: ") and message in r.stderr and r.stderr.count("\n") == 1


def test_a_user_is_a_viewer_unless_made_an_editor(cli, store: Store, db_url: str) -> None:
    assert run(cli, db_url, "add", "pepe").exit_code == 0
    assert json.loads(run(cli, db_url, "list", "--json").stdout)[0]["role"] == "viewer"


def test_a_name_is_taken_once(cli, store: Store, db_url: str) -> None:
    assert run(cli, db_url, "add", "lucia", "--role", "viewer").exit_code == 0
    again = run(cli, db_url, "add", "lucia", "--role", "editor")
    assert again.exit_code == 2 and "already a user named 'lucia'" in again.stderr


def test_each_user_reads_with_their_own_token_and_the_admin_token_still_works(with_users) -> None:
    client, tokens = with_users
    for token in (*tokens.values(), TOKEN):
        assert client.get("/api/calls", headers=bearer(token)).json()["total"] == 5
    assert client.get("/api/calls", headers=bearer(tokens["lucia"] + "x")).status_code == 401
    assert client.get("/api/calls").status_code == 401


def test_a_removed_user_is_locked_out_at_once(with_users, store: Store) -> None:
    client, tokens = with_users
    login = client.post("/login", data={"token": tokens["pepe"], "next": "/"})
    assert login.status_code == 303
    assert client.get("/", cookies={COOKIE: login.cookies[COOKIE]}).status_code == 200
    assert store.user_book().remove("pepe")
    assert client.get("/api/calls", headers=bearer(tokens["pepe"])).status_code == 401
    assert client.get("/", cookies={COOKIE: login.cookies[COOKIE]}).status_code == 303  # the session too


def test_users_log_in_with_their_token_and_are_named(with_users) -> None:
    client, tokens = with_users
    wrong = client.post("/login", data={"token": "not-a-token-at-all", "next": "/"})
    assert wrong.status_code == 401
    login = client.post("/login", data={"token": tokens["lucia"], "next": "/calls/call-ramon"})
    assert login.status_code == 303 and login.headers["location"] == "/calls/call-ramon"
    session = login.cookies[COOKIE]
    assert tokens["lucia"] not in session
    assert client.get("/calls/call-ramon", cookies={COOKIE: session}).status_code == 200


def test_users_without_an_admin_token_close_the_dashboard(store: Store, tmp_path: Path) -> None:
    token = add_user(store, "lucia", "viewer")
    with TestClient(create_app(store, settings(daisy_data_dir=tmp_path)), base_url=LOCAL_URL,
                    follow_redirects=False) as client:
        assert client.get("/api/calls").status_code == 401
        assert client.get("/api/calls", headers=bearer(TOKEN)).status_code == 401
        assert client.get("/api/calls", headers=bearer(token)).status_code == 200


def test_the_access_log_names_the_user_never_the_token(with_users, caplog: pytest.LogCaptureFixture) -> None:
    client, tokens = with_users
    with caplog.at_level(logging.INFO, logger="daisy.web"):
        client.get("/api/calls/call-ramon", headers=bearer(tokens["lucia"]))
        client.get("/api/calls", headers=bearer(TOKEN))
    lines = [r.getMessage() for r in caplog.records]
    assert any(line.startswith("GET /api/calls/call-ramon 200") and line.endswith(" lucia") for line in lines)
    assert any(line.startswith("GET /api/calls 200") and line.endswith(" admin") for line in lines)
    assert not any(tokens["lucia"] in line or TOKEN in line for line in lines)
