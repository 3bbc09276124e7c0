"""An operator's request while a client floods the login form and the API with wrong tokens.

Starts the real `daisy serve` (SQLite, a token) on a free loopback port, measures an authenticated
`GET /api/calls` alone, then again while `--guessers` threads post wrong tokens to /login and send
wrong bearer tokens as fast as they can. Reports the operator's median and p95, and what the
guessers got (401 until their budget is spent, then 429 at once).

    .venv/bin/python benchmarks/login_flood.py [--guessers 80] [--requests 40]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
LAUNCH = "import typer; from daisy.cli import web; app = typer.Typer(); web.register(app); app()"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def timed_gets(url: str, token: str, n: int) -> list[float]:
    out = []
    # From another loopback address than the guessers: the throttle is per client address.
    with httpx.Client(timeout=30, transport=httpx.HTTPTransport(local_address="127.0.0.2")) as client:
        for _ in range(n):
            started = time.perf_counter()
            client.get(url + "/api/calls", headers={"Authorization": f"Bearer {token}"}).raise_for_status()
            out.append((time.perf_counter() - started) * 1000)
    return out


REPORT_AFTER_S = 2.0


def guessing(url: str, n: int, report: multiprocessing.Queue[dict[int, int]]) -> None:
    """`n` threads posting wrong tokens (login form and bearer, alternately) until terminated."""
    answers: Counter[int] = Counter()
    lock = threading.Lock()

    def guess(i: int) -> None:
        with httpx.Client(base_url=url, timeout=30) as client:
            while True:
                try:
                    if i % 2:
                        r = client.post("/login", data={"token": secrets.token_urlsafe(20)})
                    else:
                        r = client.get("/api/calls", headers={"Authorization": "Bearer wrong-guess-0123456"})
                    status = r.status_code
                except httpx.HTTPError:
                    status = 0  # refused or reset: the server's backlog was full
                with lock:
                    answers[status] += 1

    for i in range(n):
        threading.Thread(target=guess, args=(i,), daemon=True).start()
    time.sleep(REPORT_AFTER_S)
    with lock:
        report.put(dict(answers))
    time.sleep(3600)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--guessers", type=int, default=80)
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()
    token = secrets.token_urlsafe(32)
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        env = {**{k: v for k, v in os.environ.items() if not k.startswith("DAISY_")},
               "DAISY_ADMIN_TOKEN": token, "DAISY_DATA_DIR": tmp, "PYTHONPATH": str(REPO)}
        server = subprocess.Popen([sys.executable, "-c", LAUNCH, "serve", "--port", str(port)], cwd=tmp,
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
            alone = timed_gets(url, token, args.requests)
            # The guessers run in their own process, so they do not slow the operator's client here.
            answers: multiprocessing.Queue[dict[int, int]] = multiprocessing.Queue()
            flood = multiprocessing.Process(target=guessing, args=(url, args.guessers, answers), daemon=True)
            flood.start()
            time.sleep(1.5)
            flooded = timed_gets(url, token, args.requests)
            flood.terminate()
            got = answers.get(timeout=10) if not answers.empty() else {}
        finally:
            server.kill()
            server.wait(10)

    def line(ms: list[float]) -> str:
        return f"median {statistics.median(ms):.0f} ms, p95 {statistics.quantiles(ms, n=20)[-1]:.0f} ms"

    print(f"operator alone:           {line(alone)}")
    print(f"with {args.guessers} guessers flooding: {line(flooded)}")
    print(f"guessers got (first {REPORT_AFTER_S:.0f} s): {dict(sorted(got.items()))}")


if __name__ == "__main__":
    main()
