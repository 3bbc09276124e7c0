"""Shared fixtures. `postgres_url`: a throwaway PostgreSQL server for the whole test session.

Set DAISY_TEST_POSTGRES_URL to use an existing server instead. Otherwise the server is started from
the Debian packages (initdb + pg_ctl in a temporary directory, as the `postgres` user when running as
root, since PostgreSQL refuses to run as root). Under CI (CI=true) failing to start is an error;
locally the PostgreSQL tests skip.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _pg_bin() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return os.path.dirname(found[-1])
    initdb = shutil.which("initdb")
    return os.path.dirname(initdb) if initdb else None


def _as_user() -> list[str]:
    """Prefix to run PostgreSQL's tools as a non-root user when we are root."""
    if os.geteuid() != 0:
        return []
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return ["runuser", "-u", name, "--"]
    raise RuntimeError("running as root and no postgres/nobody user to run PostgreSQL as")


def _start_postgres() -> tuple[str, str, list[str], str]:
    bindir = _pg_bin()
    if bindir is None:
        raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
    prefix = _as_user()
    # The server's user must reach its directory: as root, TMPDIR may sit under a private home.
    tmp = tempfile.mkdtemp(prefix="daisy-pg-", dir="/tmp" if prefix and os.path.isdir("/tmp") else None)
    if prefix:
        shutil.chown(tmp, prefix[2], prefix[2])
    data, log = os.path.join(tmp, "data"), os.path.join(tmp, "log")
    port = _free_port()

    def run(*args: str) -> None:
        done = subprocess.run([*prefix, *args], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{os.path.basename(args[0])} failed: {(done.stderr or done.stdout).strip()}")

    run(f"{bindir}/initdb", "-D", data, "-U", "daisy", "-A", "trust", "-E", "UTF8", "--no-sync")
    # Throwaway server: no fsync, socket in the temp dir (the system's may not be writable).
    opts = f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
    run(f"{bindir}/pg_ctl", "-D", data, "-l", log, "-o", opts, "-w", "-t", "60", "start")
    return f"postgresql+psycopg://daisy@127.0.0.1:{port}/postgres", data, prefix, tmp


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """URL of a PostgreSQL database for this session (the `postgres` database of a fresh server)."""
    given = os.environ.get("DAISY_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    try:
        url, data, prefix, tmp = _start_postgres()
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as e:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"PostgreSQL must run under CI but could not start: {e}", pytrace=False)
        pytest.skip(f"no PostgreSQL server could be started: {e}")
    try:
        yield url
    finally:
        bindir = _pg_bin()
        subprocess.run(
            [*prefix, f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "stop"],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(tmp, ignore_errors=True)


_EXIT = pytest.StashKey[int]()  # the session's exit status, kept for pytest_unconfigure


# livekit's FFI runtime (Rust, tokio) sometimes aborts the interpreter's own teardown after every
# result is in: "panic in a function that cannot unwind", exit code 134 (1 run of tests/voice in 5
# here, with "91 passed" already printed). The session's exit status is kept and the process ends
# without that teardown, so a finished run is judged by its tests alone.
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    session.config.stash[_EXIT] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    import sys

    if "livekit.rtc" in sys.modules and _EXIT in config.stash:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(config.stash[_EXIT])
