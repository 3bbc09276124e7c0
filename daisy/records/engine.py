"""Database engines: one per URL per process, SQLite tuned for several writers, PostgreSQL via psycopg 3."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.engine import URL, make_url


class StoreError(RuntimeError):
    """The records database cannot be used; the message is one line, without any password."""


def normalize_url(url: str) -> URL:
    """Parse a database URL; plain `postgresql://` (and `postgres://`) go through psycopg 3."""
    try:
        parsed = make_url(url)
    except exc.ArgumentError:
        raise StoreError(f"not a database URL: {url!r}") from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def safe_url(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def _sqlite_engine(url: URL, immediate: bool) -> Engine:
    if url.database and url.database != ":memory:":
        Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide where transactions begin (see _on_begin).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")  # readers never block the writer, nor it them
        cur.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable when the process dies
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A deferred transaction that reads then writes fails at once with SQLITE_BUSY when another
        # writer got in between (the busy timeout cannot help); taking the write lock up front waits.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


_engines: dict[tuple[str, bool], Engine] = {}
_lock = threading.Lock()


def get_engine(url: URL, *, writer: bool) -> Engine:
    """The shared engine for `url`. SQLite gets a separate writer engine that locks up front."""
    immediate = writer and url.get_backend_name() == "sqlite"
    key = (url.render_as_string(hide_password=False), immediate)
    with _lock:
        engine = _engines.get(key)
        if engine is None:
            try:
                if url.get_backend_name() == "sqlite":
                    engine = _sqlite_engine(url, immediate)
                else:
                    # A database that does not answer must fail the command, not hang it.
                    args = {"connect_timeout": 10} if url.get_backend_name() == "postgresql" else {}
                    engine = create_engine(
                        url, pool_pre_ping=True, pool_size=10, max_overflow=30, connect_args=args
                    )
            except (exc.NoSuchModuleError, exc.ArgumentError, ImportError) as e:
                raise StoreError(f"unsupported database URL {safe_url(url)}: {first_line(e)}") from None
            except OSError as e:  # the SQLite file's directory cannot be created
                raise StoreError(f"cannot open database {safe_url(url)}: {e.strerror or e}") from None
            _engines[key] = engine
        return engine


def forget_engines(url: URL) -> None:
    """Dispose of the engines of `url` (tests, and a web app shutting down)."""
    text = url.render_as_string(hide_password=False)
    with _lock:
        for key in [k for k in _engines if k[0] == text]:
            _engines.pop(key).dispose()


def forget_all_engines() -> None:
    """Dispose of every engine of this process (between tests; after a fork)."""
    with _lock:
        while _engines:
            _engines.popitem()[1].dispose()


def first_line(e: BaseException) -> str:
    text = str(getattr(e, "orig", None) or e).strip()
    return text.splitlines()[0] if text else type(e).__name__
