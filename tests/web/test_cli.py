"""`daisy serve`: loopback only without a token; a real server process answering the API."""

from __future__ import annotations

import subprocess
from pathlib import Path

import httpx
import pytest

from daisy.cli.web import is_loopback
from daisy.records.store import open_store

from .seed import TOKEN, bearer, seed_standard
from .server import env, running_server, serve_command


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"])
def test_loopback_hosts(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "example.com", ""])
def test_other_hosts(host: str) -> None:
    assert not is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "10.0.0.5", "::"])
def test_serve_refuses_other_hosts_without_a_token(tmp_path: Path, host: str) -> None:
    done = subprocess.run(serve_command("--host", host, "--port", "9"), cwd=tmp_path, env=env(None, tmp_path),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "refusing to serve" in done.stderr and "DAISY_ADMIN_TOKEN" in done.stderr
    assert "Traceback" not in done.stderr


def test_serve_with_a_bad_database_url(tmp_path: Path) -> None:
    done = subprocess.run(serve_command("--db", "nosuchdb://x"), cwd=tmp_path, env=env(None, tmp_path),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "daisy: error:" in done.stderr and "Traceback" not in done.stderr


def test_served_api_and_logs(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'served.db'}"
    store = open_store(url)
    seed_standard(store.call_log())
    store.close()
    with running_server(url, tmp_path, TOKEN) as served:
        assert httpx.get(served.url + "/api/calls").status_code == 401
        r = httpx.get(served.url + "/api/calls?search=RYJ400", headers=bearer())
        assert r.status_code == 200 and r.json()["items"][0]["driver_name"] == "Ramón Ibarra"
        by_phone = httpx.get(served.url + "/api/calls?search=%2B525598765432", headers=bearer())
        assert by_phone.json()["total"] == 1
        assert httpx.get(served.url + "/api/calls?since=notadate", headers=bearer()).status_code == 422
        assert httpx.get(served.url + "/?search=Ibarra", cookies={"daisy_session": "x"}).status_code == 303
    output = served.output()
    assert "GET /api/calls 200" in output  # our access log, at INFO
    for secret in ("RYJ400", "525598765432", "Ibarra", "Ramón", TOKEN):
        assert secret not in output


def test_served_on_postgresql(postgres_url: str, tmp_path: Path) -> None:
    from .conftest import _fresh_postgres_db

    url = _fresh_postgres_db(postgres_url)
    store = open_store(url)
    seed_standard(store.call_log())
    store.close()
    with running_server(url, tmp_path, TOKEN) as served:
        r = httpx.get(served.url + "/api/calls?search=ryj-400", headers=bearer())
        assert [c["id"] for c in r.json()["items"]] == ["call-ramon"]
        call = httpx.get(served.url + "/api/calls/call-lucia", headers=bearer()).json()
        assert call["driver_name"] == "Lucía Fernández" and len(call["turns"]) == 9
        assert httpx.get(served.url + "/api/calls?until=2026-02-30", headers=bearer()).status_code == 422
    assert "serving Store(postgresql" in served.output()


def test_serve_refuses_a_short_token(tmp_path: Path) -> None:
    done = subprocess.run(serve_command("--port", "9"), cwd=tmp_path, env=env("only-15-chars!!", tmp_path),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "shorter than 16 characters" in done.stderr
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1


def test_served_names_its_hosts_and_refuses_others(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'served.db'}"
    open_store(url).close()
    with running_server(url, tmp_path, TOKEN) as served:
        rebound = httpx.get(served.url + "/api/calls", headers={**bearer(), "Host": "rebind.evil.example"})
        assert rebound.status_code == 400
    assert "answering to host names localhost, 127.0.0.1, [::1]" in served.output()
