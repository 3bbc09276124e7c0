"""Run simulated callers against Daisy: in-process (fast) or through `daisy chat --jsonl` (fidelity)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol

from daisy.evaluation.callers import CallerSpec, SimulatedCaller
from daisy.evaluation.scoring import CallResult, Exchange
from daisy.form import Form, load_form

Timer = Callable[[float, float], None]  # receives (wall seconds, CPU seconds) of one turn


class Line(Protocol):
    """One call on the protocol: the opening output, then one output per input object."""

    def opening(self) -> dict[str, Any]: ...
    def send(self, obj: dict[str, Any]) -> dict[str, Any]: ...
    def close(self) -> None: ...


class InProcessLine:
    def __init__(self, spec: CallerSpec, form: Form, timer: Timer | None = None) -> None:
        self.session = protocol_session(spec, form)
        self.timer = timer

    def opening(self) -> dict[str, Any]:
        return self.session.opening()

    def send(self, obj: dict[str, Any]) -> dict[str, Any]:
        if self.timer is None:
            return self.session.send(obj)
        # wall time is what the caller waits; CPU time is what the turn costs on one core, unaffected
        # by other processes competing for the machine
        wall, cpu = time.perf_counter(), time.thread_time()
        out = self.session.send(obj)
        self.timer(time.perf_counter() - wall, time.thread_time() - cpu)
        return out

    def close(self) -> None:
        pass


def protocol_session(spec: CallerSpec, form: Form):  # type: ignore[no-untyped-def]
    """The machine protocol's session for this caller, as `daisy chat --jsonl` would open it."""
    from daisy.protocol import ProtocolSession  # imported late: the core may be swapped in tests

    return ProtocolSession(
        lang=spec.lang,
        direction=spec.direction,
        now=spec.now,
        form=form,
        caller_number=spec.number or None,
        known=known_values(spec, form),
    )


def known_values(spec: CallerSpec, form: Form) -> dict[str, str]:
    """What the roster tells Daisy about this caller, by form key (as `daisy chat --caller-number`
    finds it in the database)."""
    return {key: value for key, value in spec.roster.items() if key in form.keys}


def import_roster(spec: CallerSpec, db_url: str) -> None:
    """The caller's roster entry, in the throwaway database its `daisy chat` process opens."""
    from daisy.records.roster import open_roster
    from daisy.roster.values import FORM_KEY

    column = {key: c for c, key in FORM_KEY.items()}
    row = {"phone": spec.number, **{column[k]: v for k, v in spec.roster.items() if k in column}}
    open_roster(db_url).import_rows([row], [c for c in row if c != "phone"])


def daisy_command() -> list[str]:
    """The `daisy` console script next to this interpreter, else `python -m daisy.cli.main`."""
    script = Path(sys.executable).with_name("daisy")
    if script.exists():
        return [str(script)]
    found = shutil.which("daisy")
    return [found] if found else [sys.executable, "-m", "daisy.cli.main"]


class SubprocessLine:
    """One `daisy chat --jsonl` process for one call, with its own throwaway database."""

    def __init__(
        self, spec: CallerSpec, db_dir: str, form_path: str | None = None, timeout: float = 20
    ) -> None:
        db_url = f"sqlite:///{db_dir}/eval-{re.sub(r'[^A-Za-z0-9_-]', '_', spec.id)}.db"
        cmd = [
            *daisy_command(),
            "chat",
            "--jsonl",
            "--lang",
            spec.lang,
            "--direction",
            spec.direction,
            "--now",
            spec.now.isoformat(),
            "--db",
            db_url,
        ]
        if spec.number:
            cmd += ["--caller-number", spec.number]
        if spec.roster:
            import_roster(spec, db_url)
        if form_path:
            cmd += ["--form", form_path]
        self.timeout = timeout
        self.proc = subprocess.Popen(
            cmd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )

    def _read(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            err = self.proc.stderr.read() if self.proc.stderr else ""
            raise RuntimeError(f"daisy chat gave no output line: {err.strip()[-300:]}")
        return json.loads(line)

    def opening(self) -> dict[str, Any]:
        return self._read()

    def send(self, obj: dict[str, Any]) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(obj, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()
        return self._read()

    def close(self) -> None:
        if self.proc.stdin and not self.proc.stdin.closed:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def run_call(spec: CallerSpec, line: Line, form: Form) -> CallResult:
    """Drive one call to its end with the caller's policy."""
    caller = SimulatedCaller(spec, form)
    result = CallResult(
        caller_id=spec.id,
        lang=spec.lang,
        expected=spec.expected_record(form.keys),
        unknown=spec.unknown,
        gave=caller.gave,
        expected_outcome=spec.outcome,
        opening={},
        roster=dict(spec.roster),
    )
    try:
        out = result.opening = line.opening()
        while (obj := caller.next(out)) is not None:
            before = out
            out = line.send(obj)
            result.exchanges.append(
                Exchange(
                    obj, out, before.get("state"), before.get("field"), before.get("pending"), caller.meant
                )
            )
            if "hangup" in obj and not out.get("ended"):
                break  # the caller left; nothing more can happen on this line
    except Exception as e:  # noqa: BLE001 - a crash of Daisy is a result to report, not to raise
        result.error = f"{type(e).__name__}: {e}"
    finally:
        line.close()
    return result


def run_callers(
    specs: Iterable[CallerSpec],
    subprocess_mode: bool = False,
    form: Form | None = None,
    form_path: str | None = None,
    timer: Timer | None = None,
    jobs: int = 1,
) -> list[CallResult]:
    """Run every caller; in subprocess mode `jobs` processes may run at once (results keep the order)."""
    form = form or load_form(form_path)
    specs = list(specs)
    with tempfile.TemporaryDirectory(prefix="daisy-eval-") as db_dir:

        def one(spec: CallerSpec) -> CallResult:
            line: Line
            if subprocess_mode:
                line = SubprocessLine(spec, db_dir, form_path)
            else:
                line = InProcessLine(spec, form, timer)
            return run_call(spec, line, form)

        if subprocess_mode and jobs > 1:
            # the calls wait on their processes, so threads are enough to overlap them
            with ThreadPoolExecutor(max_workers=jobs) as pool:
                return list(pool.map(one, specs))
        return [one(spec) for spec in specs]
