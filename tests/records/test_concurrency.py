"""Many calls at once (one thread each, as a voice worker runs them): nothing lost, nothing mixed."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

from daisy.records.store import open_store

from .helpers import RAMON, write_call

CALLS = 200


def test_200_calls_written_concurrently_are_all_kept(db_url: str) -> None:
    store = open_store(db_url)
    log = store.call_log()

    def one(i: int) -> None:
        values = {**RAMON, "tractor_number": str(1000 + i), "driver_name": f"Chofer {i}"}
        write_call(log, f"call-{i:03d}", values, caller=f"+52551000{i:04d}")

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=50) as pool:
        list(pool.map(one, range(CALLS)))
    elapsed = time.perf_counter() - started
    print(f"\n{CALLS} concurrent calls on {store.url.get_backend_name()}: {elapsed:.2f} s")

    assert store.count_calls() == CALLS
    assert store.count_calls(outcome="completed") == CALLS
    for call in store.export_calls():
        i = int(call.id.split("-")[1])
        assert call.record()["tractor_number"] == str(1000 + i)
        assert call.record()["driver_name"] == f"Chofer {i}"
        assert call.caller_number == f"+52551000{i:04d}"
        assert len(call.turns) == 15 and [t.seq for t in call.turns] == list(range(1, 16))
