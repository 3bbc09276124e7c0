"""What a hostile web page or a token guesser gets: refused hosts, 429s that cost nothing, no cache."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from daisy.records.store import Store
from daisy.web.app import allowed_hosts, create_app
from daisy.web.throttle import BURST, Throttle

from .seed import LOCAL_URL, TOKEN, bearer, settings


@pytest.mark.parametrize("host", ["evil.example", "attacker.example:8080", "127.0.0.1.nip.io", "0.0.0.0",
                                  "localhost.evil.example"])
def test_a_page_rebinding_its_name_to_loopback_reads_nothing(client: TestClient, host: str) -> None:
    # No token (loopback only): before, any Host header was served every call.
    for path in ("/", "/api/calls", "/calls/call-ramon", "/export.csv"):
        r = client.get(path, headers={"Host": host})
        assert r.status_code == 400 and "Ramón" not in r.text and "RYJ400" not in r.text


@pytest.mark.parametrize("host", ["localhost", "localhost:8080", "127.0.0.1:8080", "[::1]:8080"])
def test_loopback_names_are_served(client: TestClient, host: str) -> None:
    assert client.get("/api/calls", headers={"Host": host}).json()["total"] == 5


def test_the_configured_public_host_is_served(store: Store, tmp_path: Path) -> None:
    app = create_app(store, settings(daisy_public_host="daisy.fletes.example, 10.0.0.7"), hosts=["[fd00::5]"])
    with TestClient(app, base_url="https://daisy.fletes.example") as c:
        assert c.get("/api/calls").status_code == 200
        assert c.get("/api/calls", headers={"Host": "10.0.0.7:8080"}).status_code == 200
        assert c.get("/api/calls", headers={"Host": "[fd00::5]"}).status_code == 200
        assert c.get("/api/calls", headers={"Host": "other.example"}).status_code == 400
    assert allowed_hosts(None) == ["localhost", "127.0.0.1", "[::1]"]


def test_wrong_logins_get_429_once_the_budget_is_spent(secured: TestClient) -> None:
    for _ in range(BURST):
        assert secured.post("/login", data={"token": "guess-guess-guess"}).status_code == 401
    r = secured.post("/login", data={"token": "guess-guess-guess"})
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0 and "Vuelve a intentar" in r.text
    # Even the right token waits: otherwise the throttle would only say which guesses were wrong.
    assert secured.post("/login", data={"token": TOKEN}).status_code == 429
    # Operators at other addresses are not slowed down.
    with TestClient(secured.app, base_url=LOCAL_URL, client=("10.0.0.9", 50000),
                    follow_redirects=False) as operator:
        assert operator.get("/api/calls", headers=bearer()).status_code == 200
        assert operator.post("/login", data={"token": TOKEN}).status_code == 303


def test_wrong_bearer_tokens_are_throttled_too(secured: TestClient) -> None:
    for i in range(BURST):
        assert secured.get("/api/calls", headers=bearer(f"guess-{i:012d}")).status_code == 401
    r = secured.get("/api/calls", headers=bearer("guess-again-000000"))
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0
    assert secured.get("/api/calls", headers=bearer()).status_code == 429  # this address: wait
    assert secured.get("/healthz").status_code == 200


def test_a_flood_of_parallel_wrong_logins_is_answered_not_slept_on(
    secured: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    slept: list[float] = []
    monkeypatch.setattr("time.sleep", lambda s: slept.append(s))  # a worker thread must never sleep
    # time stands still: on a loaded machine the flood may last long enough for the budget to refill
    monkeypatch.setattr(secured.app.state.throttle, "clock", lambda: 1000.0)
    with ThreadPoolExecutor(16) as pool:
        codes = list(pool.map(lambda _: secured.post("/login", data={"token": "x" * 20}).status_code,
                              range(80)))
    assert codes.count(401) == BURST and codes.count(429) == 80 - BURST
    assert slept == []


def test_the_guess_budget_refills_and_forgets_old_clients() -> None:
    now = [0.0]
    throttle = Throttle(burst=3, refill_per_s=0.5, max_clients=2, clock=lambda: now[0])
    for _ in range(3):
        assert throttle.take("a") == 0  # a wrong try taken from the budget
    assert throttle.take("a") == 2  # spent: wait 2 s (and nothing taken)
    now[0] = 2.0
    assert throttle.take("a") == 0
    throttle.take("b")
    throttle.take("c")  # "a" is forgotten: memory stays bounded whatever the number of addresses
    assert len(throttle._left) == 2 and "a" not in throttle._left


@pytest.mark.parametrize("path", ["/", "/calls/call-ramon", "/api/calls", "/api/calls/call-ramon",
                                  "/export.csv", "/export.json", "/docs", "/login"])
def test_pages_with_personal_data_are_never_cached_and_run_only_our_code(
    client: TestClient, path: str
) -> None:
    r = client.get(path)
    assert r.headers["cache-control"] == "no-store"
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_api_docs_load_nothing_from_a_cdn(client: TestClient) -> None:
    page = client.get("/docs").text
    assert "cdn" not in page.lower() and "http" not in page.replace('http-equiv', '')
    assert "<script>" not in page  # no inline script: the CSP forbids it
    assets = ("/static/swagger/swagger-ui-bundle.js", "/static/swagger/swagger-ui.css",
              "/static/docs.js")
    for asset in assets:
        assert asset in page
        r = client.get(asset)
        assert r.status_code == 200 and len(r.content) > 200
    assert "SwaggerUIBundle" in client.get("/static/docs.js").text


def test_recordings_are_served_only_from_the_recordings_directory(store: Store, tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "recordings").mkdir(parents=True)
    (data / "recordings" / "call-ramon.wav").write_bytes(b"RIFF fake audio")
    secret = tmp_path / "secret.wav"
    secret.write_bytes(b"RIFF not yours")
    (data / "recordings" / "notes.txt").write_text("not audio")
    (data / "recordings" / "link.wav").symlink_to(secret)
    stored = {
        "call-ramon": "recordings/call-ramon.wav",
        "call-lucia": str(secret),  # an absolute path anywhere on the disk
        "call-email": "recordings/../../secret.wav",
        "call-callback": str(data / "daisy.db"),  # the database itself
        "call-running": "recordings/notes.txt",
    }
    for call_id, path in stored.items():
        store.set_recording(call_id, path)
    with TestClient(create_app(store, settings(daisy_data_dir=data)), base_url=LOCAL_URL) as c:
        assert c.get("/calls/call-ramon/recording").content == b"RIFF fake audio"
        for call_id in ("call-lucia", "call-email", "call-callback", "call-running"):
            r = c.get(f"/calls/{call_id}/recording")
            assert r.status_code == 404 and b"not yours" not in r.content, call_id
        store.set_recording("call-lucia", "recordings/link.wav")  # a link pointing out of it
        assert c.get("/calls/call-lucia/recording").status_code == 404
        store.set_recording("call-lucia", "recordings/\x00.wav")
        assert c.get("/calls/call-lucia/recording").status_code == 404


def test_request_paths_are_logged_escaped_and_bounded(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="daisy"):
        client.get("/calls/%1b[31mred%1b[0m%08%08FAKE 200")
        client.get("/" + "a" * 60_000)
    lines = [r.getMessage() for r in caplog.records if r.name == "daisy.web"]
    assert len(lines) == 2
    assert "\\x1b[31mred" in lines[0] and "\\x08\\x08FAKE" in lines[0]  # shown, never obeyed by a terminal
    assert all(ord(c) >= 32 for line in lines for c in line)
    assert len(lines[1]) < 300
