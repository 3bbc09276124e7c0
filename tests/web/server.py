"""Run the real `daisy serve` command in a subprocess on a free loopback port, for end-to-end tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[2]
# The `serve` command as the `daisy` script registers it, without loading every other CLI module.
LAUNCH = "import typer; from daisy.cli import web; app = typer.Typer(); web.register(app); app()"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Served:
    url: str
    process: subprocess.Popen[str]
    log_path: Path

    def output(self) -> str:
        return self.log_path.read_text()


def serve_command(*args: str) -> list[str]:
    return [sys.executable, "-u", "-c", LAUNCH, "serve", *args]


def env(token: str | None, tmp: Path) -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if not k.startswith("DAISY_")}
    out["PYTHONPATH"] = str(REPO)
    out["DAISY_DATA_DIR"] = str(tmp / "data")
    if token:
        out["DAISY_ADMIN_TOKEN"] = token
    return out


@contextmanager
def running_server(db_url: str, tmp: Path, token: str | None) -> Iterator[Served]:
    port = free_port()
    log_path = tmp / "serve.log"
    with log_path.open("w") as log:
        # cwd=tmp: no developer .env is read.
        process = subprocess.Popen(
            serve_command("--port", str(port), "--db", db_url),
            cwd=tmp, env=env(token, tmp), stdout=log, stderr=subprocess.STDOUT, text=True,
        )
    served = Served(f"http://127.0.0.1:{port}", process, log_path)
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"daisy serve exited: {served.output()}")
            try:
                if httpx.get(served.url + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"daisy serve did not come up: {served.output()}")
            time.sleep(0.1)
        yield served
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
