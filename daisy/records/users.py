"""Dispatchers' accounts: a name, a role (viewer or editor) and the SHA-256 of a personal token.

Only the hash is stored: a copied database opens no dashboard. Tokens are 43 random URL-safe
characters (256 bits), so a plain hash is enough (a slow KDF protects guessable passwords, which
these are not) and a login looks its hash up directly.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Column, Engine, String, Table, delete, insert, select
from sqlalchemy import exc as sa_exc

from daisy.records.tables import UtcDateTime, metadata

ROLES = ("viewer", "editor")
# Names the trail already uses for the admin token and for an open (loopback, no token) dashboard.
RESERVED = frozenset({"admin", "local"})
_NAME = re.compile(r"^[\w][\w.@-]{0,39}$")

users = Table(
    "users",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("role", String(16), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", UtcDateTime, nullable=False),
)


class UserError(ValueError):
    """A user that cannot be added or removed as asked; the message is one line."""


@dataclass(frozen=True, slots=True)
class User:
    name: str
    role: str  # viewer | editor
    created_at: datetime | None = None

    @property
    def can_correct(self) -> bool:
        return self.role == "editor"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def check_name(name: str) -> str:
    name = name.strip()
    if not _NAME.match(name):
        raise UserError(f"{name[:60]!r} is not a user name: up to 40 letters, digits, '.', '@', '-' or '_'")
    if name.lower() in RESERVED:
        raise UserError(f"{name!r} is reserved (the trail uses it for the admin token); pick another name")
    return name


def check_role(role: str) -> str:
    if role not in ROLES:
        raise UserError(f"unknown role {role!r}; use one of: {', '.join(ROLES)}")
    return role


class UserBook:
    """The users table of one records database."""

    def __init__(self, writer: Engine, reader: Engine) -> None:
        self._writer = writer
        self._reader = reader

    def add(self, name: str, role: str, now: datetime | None = None) -> tuple[User, str]:
        """A new user and their token (shown once: only its hash is kept)."""
        user = User(check_name(name), check_role(role), now or datetime.now(UTC))
        token = secrets.token_urlsafe(32)
        try:
            with self._writer.begin() as conn:
                taken = conn.scalar(select(users.c.name).where(users.c.name == user.name))
                if taken is not None:
                    raise UserError(f"there is already a user named {user.name!r}")
                conn.execute(insert(users).values(name=user.name, role=user.role,
                                                  token_hash=hash_token(token), created_at=user.created_at))
        except sa_exc.IntegrityError:  # added by another process at the same moment
            raise UserError(f"there is already a user named {user.name!r}") from None
        return user, token

    def remove(self, name: str) -> bool:
        with self._writer.begin() as conn:
            return bool(conn.execute(delete(users).where(users.c.name == name.strip())).rowcount)

    def list(self) -> list[User]:
        with self._reader.connect() as conn:
            rows = conn.execute(select(users.c.name, users.c.role, users.c.created_at).order_by(users.c.name))
            return [User(r.name, r.role, r.created_at) for r in rows]

    def by_token_hash(self) -> dict[str, User]:
        """Every user keyed by their token's hash (the dashboard caches this for a moment)."""
        with self._reader.connect() as conn:
            rows = conn.execute(select(users.c.name, users.c.role, users.c.token_hash))
            return {r.token_hash: User(r.name, r.role) for r in rows}
