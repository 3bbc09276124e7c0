"""A process killed in the middle of a call (SIGKILL: no clean-up at all) keeps what it stored."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from daisy.records.store import open_store

# The child writes half a call the way Conversation does, says so, then waits to be killed.
CHILD = """
import sys, time
from tests_records_helpers import start_state, with_field, form, T0
from daisy.records.store import open_store
log = open_store(sys.argv[1]).call_log()
state = start_state()
log.call_started("killed", state, form(), T0)
log.turn_added("killed", 1, "daisy", "¿Me dices tu nombre completo?", T0, state)
log.turn_added("killed", 2, "caller", "Ramón Ibarra", T0, state)
state = with_field(state, "driver_name", "Ramón Ibarra")
log.field_changed("killed", "driver_name", state, T0)
log.turn_added("killed", 3, "daisy", "Ramón Ibarra, ¿correcto?", T0, state)
state = with_field(state, "tractor_number", "6120")
log.field_changed("killed", "tractor_number", state, T0)
state = with_field(state, "tractor_plates", "RYJ", confirmed=False)
log.field_changed("killed", "tractor_plates", state, T0)
print("ready", flush=True)
time.sleep(60)
"""


def test_a_call_killed_mid_way_keeps_its_confirmed_fields(db_url: str, tmp_path: Path) -> None:
    # The helpers module is copied under a plain name so the child needs no test package on its path.
    (tmp_path / "tests_records_helpers.py").write_text((Path(__file__).parent / "helpers.py").read_text())
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), *sys.path])}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, db_url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        line = child.stdout.readline() if child.stdout else ""
        assert line.strip() == "ready", child.stderr.read() if child.stderr else ""
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL

    store = open_store(db_url)
    call = store.get_call("killed")
    assert call is not None
    assert call.outcome is None and call.ended_at is None  # it never ended
    assert call.record()["driver_name"] == "Ramón Ibarra"
    assert call.record()["tractor_number"] == "6120"
    assert call.record()["tractor_plates"] is None  # heard, not confirmed
    assert call.field("tractor_plates").value == "RYJ"  # type: ignore[union-attr]
    assert [t.text for t in call.turns][-1] == "Ramón Ibarra, ¿correcto?"
    assert [c.id for c in store.list_calls(outcome="unfinished")] == ["killed"]


def test_a_chat_killed_right_after_the_greeting_leaves_its_call(db_url: str, tmp_path: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "daisy.cli.main", "chat", "--jsonl", "--db", db_url],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path,
    )
    try:
        first = child.stdout.readline() if child.stdout else b""
        child.send_signal(signal.SIGKILL)  # the moment Daisy's first words are out
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    greeting = json.loads(first)["say"]
    store = open_store(db_url)
    [call] = store.list_calls(outcome="unfinished")
    detail = store.get_call(call.id)
    assert detail is not None and [t.text for t in detail.turns] == [greeting]
