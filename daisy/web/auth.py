"""Access with DAISY_ADMIN_TOKEN: a bearer header for the API, a login form and a cookie for pages.

The cookie never holds the token itself: it holds an expiry and an HMAC of it keyed by the token,
so a leaked cookie stops working when it expires or when the token is changed, and the token is
never written into a browser's cookie store.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from urllib.parse import urlsplit

from starlette.requests import HTTPConnection

COOKIE = "daisy_session"
SESSION_SECONDS = 12 * 3600  # one working shift


class Auth:
    """Checks credentials; with no token configured everything is open (loopback only, see the CLI)."""

    def __init__(self, token: str | None, session_seconds: int = SESSION_SECONDS) -> None:
        self.token = token or None
        self.session_seconds = session_seconds

    @property
    def enabled(self) -> bool:
        return self.token is not None

    def token_ok(self, given: str | None) -> bool:
        if self.token is None:
            return True
        if not given:
            return False
        return hmac.compare_digest(given.encode(), self.token.encode())

    def _sign(self, expires: int) -> str:
        assert self.token is not None
        msg = f"daisy-session:{expires}".encode()
        return hmac.new(self.token.encode(), msg, hashlib.sha256).hexdigest()

    def new_session(self, now: float | None = None) -> str:
        expires = int((now if now is not None else time.time()) + self.session_seconds)
        return f"{expires}.{self._sign(expires)}"

    def session_ok(self, cookie: str | None, now: float | None = None) -> bool:
        if self.token is None:
            return True
        if not cookie or "." not in cookie:
            return False
        head, _, sig = cookie.partition(".")
        if not head.isdigit() or len(head) > 12:
            return False
        expires = int(head)
        if expires < (now if now is not None else time.time()):
            return False
        return hmac.compare_digest(sig.encode(), self._sign(expires).encode())

    def bearer(self, conn: HTTPConnection) -> str | None:
        header = conn.headers.get("authorization", "")
        scheme, _, value = header.partition(" ")
        return value.strip() if scheme.lower() == "bearer" else None

    def allowed(self, conn: HTTPConnection) -> bool:
        """A request is let in by a valid bearer token or a valid session cookie."""
        if self.token is None:
            return True
        if self.bearer(conn) is not None:
            return self.token_ok(self.bearer(conn))
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
