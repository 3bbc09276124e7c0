"""Under load: 200 calls through the voice agent's text path while 50 people use the dashboard, all on
one PostgreSQL database. Bounded in time, nothing lost, every request answered; p95 per request kind is
printed (`-s` shows it), never asserted: latency is measured, not a pass mark."""

from __future__ import annotations

import asyncio
import statistics
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx

from daisy.conversation import Conversation
from daisy.core import Dialogue, Silence
from daisy.evaluation.callers import SimulatedCaller
from daisy.evaluation.spec import CallerSpec, load_callers
from daisy.form import Form, load_form
from daisy.protocol import turn_to_json
from daisy.records.store import Store, open_store

from .conftest import _fresh_postgres_db
from .seed import TOKEN, bearer
from .server import running_server

CALLS = 200
CALLS_AT_ONCE = 20
USERS = 50
ROUNDS = 3  # each user's rounds of list, search, API list, API search, one call page
BOUND_S = 240  # the whole run; a hang fails here instead of stalling the suite


class AgentLine:
    """One call on a real AgentSession with the voice agent, text in (PolicyLLM: the core's words out)."""

    def __init__(self, spec: CallerSpec, form: Form, store: Store) -> None:
        from livekit.agents import AgentSession

        from daisy.voice.agent import CallObserver, DaisyAgent
        from daisy.voice.pipelines import bind
        from daisy.voice.policy_llm import PolicyLLM

        self.form = form
        self.said: list[Any] = []
        self.conversation = Conversation(Dialogue(form, spec.lang), log=store.call_log())
        self.agent = DaisyAgent(self.conversation, observer=CallObserver(on_said=self.said.append))
        self.session = AgentSession(llm=PolicyLLM())
        bind(self.session, self.agent)

    def _out(self, before: int) -> dict[str, Any]:
        say = self.said[-1].say if len(self.said) > before else ""
        return turn_to_json(SimpleNamespace(say=say, state=self.conversation.state), self.form)  # type: ignore[arg-type]

    async def opening(self) -> dict[str, Any]:
        await self.session.start(self.agent)
        return self._out(0)

    async def send(self, obj: dict[str, Any]) -> dict[str, Any]:
        before = len(self.said)
        if "say" in obj:
            await self.session.run(user_input=obj["say"])
        elif "dtmf" in obj:
            self.agent.keypad(obj["dtmf"])
        elif "silence" in obj:
            self.agent._out_of_band(Silence(float(obj["silence"])))
        else:
            self.agent.caller_left()
        await asyncio.sleep(0)
        return self._out(before)

    async def close(self) -> None:
        await self.session.aclose()


async def _one_call(spec: CallerSpec, form: Form, store: Store) -> tuple[str, dict[str, Any]]:
    line = AgentLine(spec, form, store)
    caller = SimulatedCaller(spec, form)
    out = await line.opening()
    while (obj := caller.next(out)) is not None:
        out = await line.send(obj)
        if "hangup" in obj:
            break
    await line.close()
    state = line.conversation.state
    assert state is not None
    return line.conversation.call_id, {"outcome": state.outcome.value if state.outcome else None,
                                       "record": line.conversation.record()}


async def _all_calls(specs: list[CallerSpec], form: Form, store: Store) -> dict[str, dict[str, Any]]:
    gate = asyncio.Semaphore(CALLS_AT_ONCE)

    async def one(spec: CallerSpec) -> tuple[str, dict[str, Any]]:
        async with gate:
            return await _one_call(spec, form, store)

    return dict(await asyncio.gather(*(one(s) for s in specs)))


@dataclass
class Timings:
    by_kind: dict[str, list[float]]
    errors: list[str]


def _dashboard_user(base: str, timings: Timings, lock: threading.Lock) -> None:
    """An operator: logs in, then lists, searches and opens calls while the calls come in."""
    with httpx.Client(base_url=base, timeout=60, follow_redirects=False) as web:
        login = web.post("/login", data={"token": TOKEN, "next": "/"})
        if login.status_code != 303:
            with lock:
                timings.errors.append(f"login {login.status_code}")
            return
        requests = [
            ("list page", lambda: web.get("/")),
            ("search page", lambda: web.get("/?search=ramon")),
            ("API list", lambda: web.get("/api/calls?limit=50", headers=bearer())),
            ("API search", lambda: web.get("/api/calls?search=ABC&outcome=completed", headers=bearer())),
        ]
        for _ in range(ROUNDS):
            for kind, request in requests:
                started = time.perf_counter()
                r = request()
                took = (time.perf_counter() - started) * 1000
                with lock:
                    timings.by_kind[kind].append(took)
                    if r.status_code != 200:
                        timings.errors.append(f"{kind} {r.status_code}")
                if kind == "API list" and r.status_code == 200 and r.json()["items"]:
                    call_id = r.json()["items"][0]["id"]
                    started = time.perf_counter()
                    one = web.get(f"/calls/{call_id}")
                    with lock:
                        timings.by_kind["call page"].append((time.perf_counter() - started) * 1000)
                        if one.status_code != 200:
                            timings.errors.append(f"call page {one.status_code}")


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


def test_200_agent_calls_and_50_dashboard_users_on_postgresql(postgres_url: str, tmp_path: Path) -> None:
    url = _fresh_postgres_db(postgres_url)
    store = open_store(url)
    form = load_form()
    pool = load_callers()
    specs = [pool[i % len(pool)] for i in range(CALLS)]
    timings = Timings(defaultdict(list), [])
    lock = threading.Lock()
    started = time.monotonic()
    with running_server(url, tmp_path, TOKEN) as served:
        users = [threading.Thread(target=_dashboard_user, args=(served.url, timings, lock), daemon=True)
                 for _ in range(USERS)]
        for u in users:
            u.start()
        try:
            ended = asyncio.run(asyncio.wait_for(_all_calls(specs, form, store), BOUND_S))
        finally:
            for u in users:
                u.join(BOUND_S)
    took = time.monotonic() - started
    assert not any(u.is_alive() for u in users), "a dashboard user never got an answer"
    assert timings.errors == []
    # Nothing lost: every call is stored, ended, with the outcome and the values the agent ended with.
    assert len(ended) == CALLS
    stored = {c.id: c for c in store.export_calls(limit=CALLS + 1)}
    assert set(stored) == set(ended)
    for call_id, want in ended.items():
        got = stored[call_id]
        assert got.outcome == want["outcome"] and got.record() == want["record"], call_id
        assert got.ended_at is not None and len(got.turns) >= 2
    report = ", ".join(f"{kind} {_p95(ms):.0f} ms" for kind, ms in sorted(timings.by_kind.items()))
    print(f"\n{CALLS} agent calls ({CALLS_AT_ONCE} at once), {USERS} dashboard users: {took:.1f} s;"
          f" p95 {report}")
    assert all(len(timings.by_kind[kind]) == USERS * ROUNDS
               for kind in ("list page", "search page", "API list", "API search"))
    store.close()
