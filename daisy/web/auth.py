"""Access with DAISY_ADMIN_TOKEN or a dispatcher's own token (`daisy users add`): a bearer header for
the API, a login form and a session cookie for pages.

The cookie holds a random session id, never the token; sessions live in the server's memory, so
logging out ends a session at once, and a restart (or a changed token) ends them all. A session
names who opened it; a user removed (or given another role) is seen within USERS_TTL seconds.
"""

from __future__ import annotations

import hmac
import logging
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.requests import HTTPConnection

from daisy.records.users import User, hash_token

log = logging.getLogger("daisy.web")

COOKIE = "daisy_session"
SESSION_SECONDS = 12 * 3600  # one working shift
MIN_TOKEN = 16  # shorter tokens are refused: a few thousand guesses an hour must not find one
MAX_SESSIONS = 10_000  # only a right token opens one, so this bound is never reached by an attacker
USERS_TTL = 2.0  # seconds the users table is trusted before it is read again


@dataclass(frozen=True, slots=True)
class Identity:
    """Who a request comes from, as logs and the corrections trail name them (never by token)."""

    name: str
    role: str  # admin | editor | viewer | local (an open dashboard on loopback)

    @property
    def can_correct(self) -> bool:
        return self.role != "viewer"


ADMIN = Identity("admin", "admin")
LOCAL = Identity("local", "local")


class WeakToken(ValueError):
    """DAISY_ADMIN_TOKEN is too short to be safe."""


class Auth:
    """Checks credentials; with no token configured everything is open (loopback only, see the CLI)."""

    def __init__(
        self,
        token: str | None,
        session_seconds: int = SESSION_SECONDS,
        users: Callable[[], Mapping[str, User]] | None = None,
    ) -> None:
        """`users` reads the users keyed by token hash (Store.user_book().by_token_hash)."""
        if token and len(token) < MIN_TOKEN:
            raise WeakToken(
                f"DAISY_ADMIN_TOKEN is shorter than {MIN_TOKEN} characters; make one with "
                "python3 -c 'import secrets; print(secrets.token_urlsafe(32))'"
            )
        self.token = token or None
        self.session_seconds = session_seconds
        self._read_users = users
        self._users: Mapping[str, User] = {}
        self._users_read_at = -USERS_TTL
        # session id → (expiry in epoch seconds, the name of who logged in)
        self._sessions: dict[str, tuple[float, str]] = {}
        self._lock = threading.Lock()

    def users(self) -> Mapping[str, User]:
        """The users by token hash, read again every USERS_TTL seconds (`daisy users` runs elsewhere)."""
        if self._read_users is None:
            return {}
        now = time.monotonic()
        if now - self._users_read_at >= USERS_TTL:
            try:
                self._users = self._read_users()
            except Exception as e:  # noqa: BLE001 - the database is down: the last list stands
                log.warning("users unavailable: %s", type(e).__name__)
            self._users_read_at = now
        return self._users

    @property
    def enabled(self) -> bool:
        """An admin token or any user closes the dashboard to everyone without a token."""
        return self.token is not None or bool(self.users())

    def token_ok(self, given: str | None) -> bool:
        """The admin token (compared in constant time)."""
        if self.token is None:
            return not self.enabled
        if not given:
            return False
        return hmac.compare_digest(given.encode("utf-8", "surrogatepass"), self.token.encode())

    def who(self, given: str | None) -> Identity | None:
        """Whose token this is: the admin's or a user's; None for a wrong one."""
        if not self.enabled:
            return LOCAL
        if not given:
            return None
        if self.token is not None and self.token_ok(given):
            return ADMIN
        # Looked up by hash: the hash of a guess tells nothing about any real token.
        user = self.users().get(hash_token(given))
        return Identity(user.name, user.role) if user is not None else None

    def _named(self, name: str) -> Identity | None:
        """The identity a session names, as it is now (a removed user's sessions stop working)."""
        if name == ADMIN.name:
            return ADMIN if self.token is not None else None
        user = next((u for u in self.users().values() if u.name == name), None)
        return Identity(user.name, user.role) if user is not None else None

    def new_session(self, now: float | None = None, identity: Identity = ADMIN) -> str:
        now = now if now is not None else time.time()
        session = secrets.token_urlsafe(32)
        with self._lock:
            if len(self._sessions) >= MAX_SESSIONS:
                self._sessions = {k: v for k, v in self._sessions.items() if v[0] > now}
                while len(self._sessions) >= MAX_SESSIONS:  # all alive: the oldest goes
                    del self._sessions[next(iter(self._sessions))]
            self._sessions[session] = (now + self.session_seconds, identity.name)
        return session

    def login(self, given: str | None) -> tuple[Identity, str] | None:
        """A session for a right token (admin or user), with who it is; None for a wrong token."""
        identity = self.who(given)
        if identity is None or not self.enabled:
            return None
        return identity, self.new_session(identity=identity)

    def session_identity(self, cookie: str | None, now: float | None = None) -> Identity | None:
        if not self.enabled:
            return LOCAL
        if not cookie or len(cookie) > 100:
            return None
        with self._lock:
            found = self._sessions.get(cookie)
            if found is None:
                return None
            if found[0] < (now if now is not None else time.time()):
                del self._sessions[cookie]
                return None
        return self._named(found[1])

    def session_ok(self, cookie: str | None, now: float | None = None) -> bool:
        return self.session_identity(cookie, now) is not None

    def end_session(self, cookie: str | None) -> None:
        if cookie:
            with self._lock:
                self._sessions.pop(cookie, None)

    def bearer(self, conn: HTTPConnection) -> str | None:
        header = conn.headers.get("authorization", "")
        scheme, _, value = header.partition(" ")
        return value.strip() if scheme.lower() == "bearer" else None

    def identify(self, conn: HTTPConnection) -> Identity | None:
        """Who sent the request (a bearer token, else the session cookie); None: nobody known."""
        if not self.enabled:
            return LOCAL
        given = self.bearer(conn)
        if given is not None:
            return self.who(given)
        return self.session_identity(conn.cookies.get(COOKIE))

    def allowed(self, conn: HTTPConnection) -> bool:
        """A request is let in by a valid bearer token or a valid session cookie."""
        return self.identify(conn) is not None


def identity_of(conn: HTTPConnection) -> Identity:
    """Who the app's access check found for this request (set on request.state)."""
    return getattr(conn.state, "identity", None) or LOCAL


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
