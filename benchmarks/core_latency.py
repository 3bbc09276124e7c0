"""Latency of one turn of understanding + dialogue core, over every simulated caller of `daisy eval`.

Runs the whole callers set in-process (no database, no subprocess) several times and reports, per
caller turn of `ProtocolSession.send`, p50 / p99 / max in milliseconds: wall time (what a caller
waits) and CPU time of the thread (the cost on one core, unaffected by other busy processes on the
machine). Target: p99 < 5 ms.

    .venv/bin/python benchmarks/core_latency.py [--rounds 3] [--callers FILE] [--gc-freeze] [--json]
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time

from daisy.evaluation.callers import load_callers
from daisy.evaluation.runner import run_callers

TARGET_P99_MS = 5.0


def percentile(sorted_ms: list[float], q: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    if not sorted_ms:
        return 0.0
    rank = max(1, round(q / 100 * len(sorted_ms)))
    return sorted_ms[min(rank, len(sorted_ms)) - 1]


def summary(samples: list[float]) -> dict[str, float]:
    samples = sorted(samples)
    return {
        "p50_ms": round(percentile(samples, 50), 3),
        "p99_ms": round(percentile(samples, 99), 3),
        "max_ms": round(samples[-1] if samples else 0.0, 3),
        "mean_ms": round(sum(samples) / len(samples) if samples else 0.0, 3),
    }


def measure(rounds: int, callers: str | None, gc_freeze: bool = False) -> dict[str, object]:
    specs = load_callers(callers)
    run_callers(specs)  # warm-up: imports, compiled patterns, caches
    if gc_freeze:  # what a long-running worker can do after start-up: keep start-up objects out of GC
        gc.collect()
        gc.freeze()
    wall: list[float] = []
    cpu: list[float] = []

    def timer(wall_s: float, cpu_s: float) -> None:
        wall.append(wall_s * 1000.0)
        cpu.append(cpu_s * 1000.0)

    start = time.perf_counter()
    for _ in range(rounds):
        run_callers(specs, timer=timer)
    seconds = time.perf_counter() - start
    w, c = summary(wall), summary(cpu)
    return {
        "calls": len(specs) * rounds,
        "turns": len(wall),
        "seconds": round(seconds, 2),
        "wall": w,
        "cpu": c,
        "gc_freeze": gc_freeze,
        "target_p99_ms": TARGET_P99_MS,
        "ok": w["p99_ms"] < TARGET_P99_MS,
        "ok_cpu": c["p99_ms"] < TARGET_P99_MS,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="times to run the whole callers set")
    parser.add_argument("--callers", default=None, help="callers file (default: the built-in set)")
    parser.add_argument("--gc-freeze", action="store_true", help="gc.freeze() after the warm-up")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    result = measure(max(1, args.rounds), args.callers, args.gc_freeze)
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"{result['turns']} caller turns over {result['calls']} calls in {result['seconds']} s")
    for name in ("wall", "cpu"):
        s = result[name]
        assert isinstance(s, dict)
        print(f"{name:>4} per turn (understanding + core): p50 {s['p50_ms']} ms, p99 {s['p99_ms']} ms, "
              f"max {s['max_ms']} ms, mean {s['mean_ms']} ms")
    verdict = "ok" if result["ok"] else "MISSED"
    if not result["ok"] and result["ok_cpu"]:
        verdict += " on wall time, ok on CPU time (is the machine busy?)"
    print(f"target p99 < {TARGET_P99_MS} ms: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
