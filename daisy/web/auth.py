"""Access with DAISY_ADMIN_TOKEN: a bearer header for the API, a login form and a session cookie for pages.

The cookie holds a random session id, never the token; sessions live in the server's memory, so
logging out ends a session at once, and a restart (or a changed token) ends them all.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from urllib.parse import urlsplit

from starlette.requests import HTTPConnection

COOKIE = "daisy_session"
SESSION_SECONDS = 12 * 3600  # one working shift
MIN_TOKEN = 16  # shorter tokens are refused: a few thousand guesses an hour must not find one
MAX_SESSIONS = 10_000  # only a right token opens one, so this bound is never reached by an attacker


class WeakToken(ValueError):
    """DAISY_ADMIN_TOKEN is too short to be safe."""


class Auth:
    """Checks credentials; with no token configured everything is open (loopback only, see the CLI)."""

    def __init__(self, token: str | None, session_seconds: int = SESSION_SECONDS) -> None:
        if token and len(token) < MIN_TOKEN:
            raise WeakToken(
                f"DAISY_ADMIN_TOKEN is shorter than {MIN_TOKEN} characters; make one with "
                "python3 -c 'import secrets; print(secrets.token_urlsafe(32))'"
            )
        self.token = token or None
        self.session_seconds = session_seconds
        self._sessions: dict[str, float] = {}  # session id → expiry (epoch seconds)
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.token is not None

    def token_ok(self, given: str | None) -> bool:
        if self.token is None:
            return True
        if not given:
            return False
        return hmac.compare_digest(given.encode(), self.token.encode())

    def new_session(self, now: float | None = None) -> str:
        now = now if now is not None else time.time()
        session = secrets.token_urlsafe(32)
        with self._lock:
            if len(self._sessions) >= MAX_SESSIONS:
                self._sessions = {k: v for k, v in self._sessions.items() if v > now}
                while len(self._sessions) >= MAX_SESSIONS:  # all alive: the oldest goes
                    del self._sessions[next(iter(self._sessions))]
            self._sessions[session] = now + self.session_seconds
        return session

    def session_ok(self, cookie: str | None, now: float | None = None) -> bool:
        if self.token is None:
            return True
        if not cookie or len(cookie) > 100:
            return False
        with self._lock:
            expires = self._sessions.get(cookie)
            if expires is None:
                return False
            if expires < (now if now is not None else time.time()):
                del self._sessions[cookie]
                return False
        return True

    def end_session(self, cookie: str | None) -> None:
        if cookie:
            with self._lock:
                self._sessions.pop(cookie, None)

    def bearer(self, conn: HTTPConnection) -> str | None:
        header = conn.headers.get("authorization", "")
        scheme, _, value = header.partition(" ")
        return value.strip() if scheme.lower() == "bearer" else None

    def allowed(self, conn: HTTPConnection) -> bool:
        """A request is let in by a valid bearer token or a valid session cookie."""
        if self.token is None:
            return True
        given = self.bearer(conn)
        if given is not None:
            return self.token_ok(given)
        return self.session_ok(conn.cookies.get(COOKIE))


def safe_next(target: str | None) -> str:
    """Where to go after logging in: only a path on this site (no open redirect to another host)."""
    if not target:
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    if "\\" in target or any(ord(c) < 32 for c in target):
        return "/"
    return target
