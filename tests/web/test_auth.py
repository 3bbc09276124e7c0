"""DAISY_ADMIN_TOKEN: bearer for the API, login form + HttpOnly cookie for pages, 401/redirect otherwise."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from daisy.web.auth import COOKIE, Auth, WeakToken, safe_next

from .seed import TOKEN, bearer


@pytest.mark.parametrize("path", ["/api/calls", "/api/calls/call-ramon", "/api/calls/nope", "/openapi.json"])
@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": f"Bearer {TOKEN}x"},
        {"Authorization": f"Bearer {TOKEN[:-1]}"},
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer ñandú".encode("latin-1")},
        {"Cookie": f"{COOKIE}=garbage"},
    ],
)
def test_api_refuses_without_the_token(secured: TestClient, path: str, headers: dict[str, str]) -> None:
    r = secured.get(path, headers=headers)
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"
    assert "Ramón" not in r.text


def test_api_with_bearer(secured: TestClient) -> None:
    assert secured.get("/api/calls", headers=bearer()).json()["total"] == 5
    assert secured.get("/api/calls/call-ramon", headers=bearer()).status_code == 200
    assert secured.get("/api/calls/nope", headers=bearer()).status_code == 404
    assert secured.get("/api/calls?limit=-1", headers=bearer()).status_code == 422


@pytest.mark.parametrize(
    "path", ["/", "/calls/call-ramon", "/export.csv", "/export.json", "/docs", "/?search=RYJ"]
)
def test_pages_redirect_to_login(secured: TestClient, path: str) -> None:
    r = secured.get(path)
    assert r.status_code == 303
    assert r.headers["location"].startswith("/login?next=")
    assert "RYJ" not in r.text and "Ramón" not in r.text


def test_healthz_and_login_page_stay_open(secured: TestClient) -> None:
    assert secured.get("/healthz").status_code == 200
    page = secured.get("/login?next=/calls/call-ramon")
    assert page.status_code == 200 and 'name="token"' in page.text
    assert secured.get("/static/daisy.css").status_code == 200


def test_wrong_token_at_login(secured: TestClient) -> None:
    r = secured.post("/login", data={"token": "guess", "next": "/"})
    assert r.status_code == 401 and "no es correcto" in r.text
    assert COOKIE not in r.cookies
    assert secured.post("/login", data={}).status_code == 401


def test_login_sets_an_httponly_cookie_then_pages_open(secured: TestClient) -> None:
    r = secured.post("/login", data={"token": TOKEN, "next": "/calls/call-ramon"})
    assert r.status_code == 303 and r.headers["location"] == "/calls/call-ramon"
    cookie = r.headers["set-cookie"]
    assert "httponly" in cookie.lower() and "samesite=lax" in cookie.lower()
    assert TOKEN not in cookie  # the cookie is a signed expiry, not the token
    page = secured.get("/calls/call-ramon")
    assert page.status_code == 200 and "Ramón Ibarra" in page.text
    assert secured.get("/export.csv").status_code == 200
    assert secured.get("/docs").status_code == 200
    assert secured.get("/login").status_code == 303  # already in
    out = secured.post("/logout")
    assert out.status_code == 303
    secured.cookies.clear()
    assert secured.get("/").status_code == 303


def test_login_never_redirects_off_site(secured: TestClient) -> None:
    for target in ("https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"):
        r = secured.post("/login", data={"token": TOKEN, "next": target})
        assert r.headers["location"] == "/"


def test_session_cookie_checks() -> None:
    auth = Auth(TOKEN, session_seconds=60)
    session = auth.new_session(now=1000.0)
    assert auth.session_ok(session, now=1030.0)
    assert not auth.session_ok(session, now=1061.0)  # expired
    assert not auth.session_ok(session, now=1030.0)  # and forgotten
    assert TOKEN not in session and len(session) >= 40
    assert not Auth("another-token-of-16+").session_ok(auth.new_session())  # token changed: sessions end
    for junk in ("", ".", "abc", "12.", ".ff", "1e9.00", "9" * 40 + ".00", "-1.00", "x" * 5000):
        assert not auth.session_ok(junk, now=1030.0)


def test_a_cookie_stops_working_at_logout(secured: TestClient) -> None:
    cookie = secured.post("/login", data={"token": TOKEN, "next": "/"}).cookies[COOKIE]
    assert secured.get("/calls/call-ramon").status_code == 200
    assert secured.post("/logout").status_code == 303
    # Someone who copied the cookie before the logout gets nothing with it afterwards.
    secured.cookies.set(COOKIE, cookie)
    r = secured.get("/calls/call-ramon")
    assert r.status_code == 303 and "Ramón" not in r.text


@pytest.mark.parametrize(
    "headers",
    [{"Origin": "https://evil.example"}, {"Sec-Fetch-Site": "cross-site"}, {"Origin": "null"},
     {"Origin": "http://localhost.evil.example"}, {"Origin": "http://[::1"}],
)
def test_logout_and_login_refuse_cross_site_posts(secured: TestClient, headers: dict[str, str]) -> None:
    secured.post("/login", data={"token": TOKEN, "next": "/"})
    assert secured.post("/logout", headers=headers).status_code == 403
    assert secured.get("/calls/call-ramon").status_code == 200  # still logged in
    assert secured.post("/login", data={"token": TOKEN}, headers=headers).status_code == 403
    same = {"Origin": "http://localhost", "Sec-Fetch-Site": "same-origin"}
    assert secured.post("/logout", headers=same).status_code == 303


def test_tokens_shorter_than_16_characters_are_refused() -> None:
    with pytest.raises(WeakToken, match="16"):
        Auth("short-token-15c")
    assert Auth("x" * 16).enabled


def test_no_token_means_open() -> None:
    auth = Auth(None)
    assert not auth.enabled and auth.token_ok(None) and auth.session_ok(None)


def test_safe_next() -> None:
    assert safe_next("/calls/x?y=1") == "/calls/x?y=1"
    assert safe_next(None) == "/"
    assert safe_next("calls") == "/"
    assert safe_next("/\x00") == "/"


def test_oversized_login_form_is_a_clean_400(secured: TestClient) -> None:
    r = secured.post("/login", data={"token": "x" * 5000}, headers={"accept": "text/html"})
    assert r.status_code == 400 and "token" in r.text
