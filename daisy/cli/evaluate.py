"""`daisy eval`: run the simulated callers and print the three figures and every miss."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from daisy.cli.errors import fail


def _print_report(report: object, seconds: float, calls: int) -> None:
    from daisy.evaluation.scoring import Report

    assert isinstance(report, Report)
    rows = [*sorted(report.by_lang.items()), ("all", report.overall)]
    print(
        f"{'lang':<5} {'calls':>5} {'fields right':>18} {'invented':>8} {'outcomes right':>16} "
        f"{'turns/field':>11}"
    )
    for lang, fig in rows:
        right = f"{fig.fields_right}/{fig.fields_scored} {fig.fields_right_pct:5.1f}%"
        outcomes = f"{fig.outcomes_right}/{fig.calls} {fig.outcomes_right_pct:5.1f}%"
        turns = f"{fig.turns_per_field:.2f}"
        print(f"{lang:<5} {fig.calls:>5} {right:>18} {fig.invented:>8} {outcomes:>16} {turns:>11}")
    print(f"\n{calls} calls in {seconds:.2f} s")
    if not report.misses:
        print("no misses")
        return
    print(f"\n{len(report.misses)} misses:")
    for m in report.misses:
        print(f"- {m.caller_id} [{m.lang}] {m.field} ({m.kind}): expected {m.expected!r}, got {m.got!r}")
        if m.last_exchange:
            print(f"    {m.last_exchange}")


def evaluate(
    callers: Annotated[Path | None, typer.Option("--callers", help="Callers file (JSON lines).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures and misses as JSON.")] = False,
    lang: Annotated[
        str | None, typer.Option("--lang", help="Only callers of this language: es or en.")
    ] = None,
    seed: Annotated[
        int, typer.Option("--seed", help="Shift every caller's seed: same callers, other phrasings.")
    ] = 0,
    use_subprocess: Annotated[
        bool, typer.Option("--subprocess", help="Drive a real `daisy chat --jsonl` process per caller.")
    ] = False,
) -> None:
    """Run the simulated callers against Daisy and report fields right, outcomes right, turns per field."""
    from daisy.evaluation.callers import load_callers
    from daisy.evaluation.runner import run_callers
    from daisy.evaluation.scoring import score

    if lang is not None and lang not in ("es", "en"):
        fail(f"--lang must be es or en, not {lang!r}")
    if callers is not None and not callers.is_file():
        fail(f"callers file not found: {callers}")
    try:
        specs = load_callers(callers, lang)
    except (ValueError, OSError) as e:
        fail(f"bad callers file: {str(e).splitlines()[0]}")
    if not specs:
        fail("no callers to run")
    if seed:
        specs = [replace(spec, seed=spec.seed + seed) for spec in specs]
    start = time.perf_counter()
    results = run_callers(specs, subprocess_mode=use_subprocess)
    seconds = time.perf_counter() - start
    report = score(results)
    if as_json:
        print(json.dumps({**report.to_dict(), "seconds": round(seconds, 3)}, ensure_ascii=False, indent=2))
    else:
        _print_report(report, seconds, len(results))


def register(app: typer.Typer) -> None:
    """Add `daisy eval` to the app."""
    app.command("eval")(evaluate)
