"""`daisy eval`: run the simulated callers and print the four figures and every miss."""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from daisy.cli.errors import fail

if TYPE_CHECKING:
    from daisy.evaluation.spec import CallerSpec


def _print_report(report: object, seconds: float, calls: int, verbose: bool) -> None:
    from daisy.evaluation.scoring import Report

    assert isinstance(report, Report)
    rows = [*sorted(report.by_lang.items()), ("all", report.overall)]
    print(
        f"{'lang':<5} {'calls':>5} {'fields right':>18} {'invented':>8} {'outcomes right':>16} "
        f"{'turns/field':>11} {'bad read-backs':>14} {'first read-backs right':>22}"
    )
    for lang, fig in rows:
        right = f"{fig.fields_right}/{fig.fields_scored} {fig.fields_right_pct:5.1f}%"
        outcomes = f"{fig.outcomes_right}/{fig.calls} {fig.outcomes_right_pct:5.1f}%"
        turns = f"{fig.turns_per_field:.2f}"
        first = f"{fig.first_readbacks_right}/{fig.first_readbacks} {fig.first_readbacks_right_pct:5.1f}%"
        print(
            f"{lang:<5} {fig.calls:>5} {right:>18} {fig.invented:>8} {outcomes:>16} {turns:>11} "
            f"{fig.wrong_readbacks:>14} {first:>22}"
        )
    per_field = ", ".join(f"{key} {r}/{n}" for key, (r, n) in report.by_field.items())
    if per_field:
        print(f"\nfields right by field: {per_field}")
    print(f"{calls} calls in {seconds:.2f} s")
    print(f"\n{len(report.misses)} misses:" if report.misses else "\nno misses")
    crashed = {m.caller_id for m in report.misses if m.kind == "error"}
    for m in report.misses:
        if m.kind == "error":
            lost = sum(1 for x in report.misses if x.caller_id == m.caller_id and x.field != "call")
            print(f"- {m.caller_id} [{m.lang}] the call failed ({lost} misses follow from it): {m.got}")
            continue
        if m.caller_id in crashed:
            continue
        print(f"- {m.caller_id} [{m.lang}] {m.field} ({m.kind}): expected {m.expected!r}, got {m.got!r}")
        if m.last_exchange:
            print(f"    {m.last_exchange}")
    if verbose and report.readbacks:
        print(f"\n{len(report.readbacks)} wrong read-backs (the caller had to say no):")
        for m in report.readbacks:
            print(f"- {m.caller_id} [{m.lang}] {m.field}: true {m.expected!r}, read back {m.got!r}")
            print(f"    {m.last_exchange}")
    if verbose:
        for lang, meanings in sorted(report.turns_by_meaning.items()):
            collected = report.by_lang[lang].fields_collected or 1
            parts = ", ".join(
                f"{what} {n / collected:.2f}" for what, n in sorted(meanings.items(), key=lambda x: -x[1])
            )
            print(f"\n[{lang}] caller turns per collected field, by what the caller did: {parts}")
    if verbose and report.unclear:
        print(
            f"\n{len(report.unclear)} yes/no answers Daisy did not take (she read the same value back again):"
        )
        for m in report.unclear:
            print(f"- {m.caller_id} [{m.lang}] {m.field} (meant {m.expected}): {m.last_exchange}")
    if verbose and report.repeated:
        print(f"\n{len(report.repeated)} times Daisy said the very same sentence twice in a row:")
        for m in report.repeated:
            print(f"- {m.caller_id} [{m.lang}] {m.last_exchange}")
    if not verbose and (report.readbacks or report.unclear or report.repeated):
        print(
            f"\n{len(report.readbacks)} wrong read-backs fixed by the callers, {len(report.unclear)} yes/no "
            f"answers not taken, {len(report.repeated)} lines said twice in a row (--verbose lists them)"
        )


def _print_transcript(result: object) -> None:
    from daisy.evaluation.scoring import CallResult

    assert isinstance(result, CallResult)
    print(f"== {result.caller_id} [{result.lang}] expected {result.expected_outcome}, got {result.outcome}")
    print(f"daisy:  {result.opening.get('say', '')}")
    for ex in result.exchanges:
        print(f"caller: {ex.caller}")
        d = ex.daisy
        print(f"daisy:  {d.get('say', '')}  [{d.get('state')} {d.get('field')} pending={d.get('pending')!r}]")
    if result.error:
        print(f"error: {result.error}")
    print(f"record: {result.record}\n")


def evaluate(
    callers: Annotated[Path | None, typer.Option("--callers", help="Callers file (JSON lines).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures and misses as JSON.")] = False,
    lang: Annotated[
        str | None, typer.Option("--lang", help="Only callers of this language: es or en.")
    ] = None,
    seed: Annotated[
        int, typer.Option("--seed", help="Shift every caller's seed: same callers, other phrasings.")
    ] = 0,
    rounds: Annotated[
        int,
        typer.Option("--rounds", help="Run every caller this many times, each with other phrasings (seeds)."),
    ] = 1,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also list wrong read-backs the callers fixed.")
    ] = False,
    show: Annotated[
        list[str] | None, typer.Option("--show", help="Print the transcript of this caller id (repeatable).")
    ] = None,
    use_subprocess: Annotated[
        bool, typer.Option("--subprocess", help="Drive a real `daisy chat --jsonl` process per caller.")
    ] = False,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="With --subprocess or --audio: processes at once.")
    ] = 4,
    audio: Annotated[
        bool,
        typer.Option(
            "--audio",
            help="The callers speak (espeak-ng and Kokoro voices, phone line, half with cab noise) "
            "into Daisy's own hearing; reported next to the same callers in text.",
        ),
    ] = False,
    limit: Annotated[
        int | None,
        typer.Option("--limit", help="With --audio: only this many callers (languages taken in turn)."),
    ] = None,
    english_neural: Annotated[
        str,
        typer.Option(
            "--english-neural",
            help="With --audio: the neural voice of the English callers, kokoro or piper (a voice the "
            "understanding was never tuned on).",
        ),
    ] = "kokoro",
    spell_after_no: Annotated[
        bool,
        typer.Option(
            "--spell-after-no",
            help="With --audio: drivers spell only after a second \"no\" to a read-back, never because "
            "Daisy asked them to.",
        ),
    ] = False,
    espeak_variants: Annotated[
        str | None,
        typer.Option(
            "--espeak-variants",
            help="With --audio: the espeak-ng variants the callers speak with, comma-separated (m1–m8, "
            "f1–f5; default m1,m3,m7,f2,f4), e.g. others than the understanding was tuned on.",
        ),
    ] = None,
    generate: Annotated[
        int | None,
        typer.Option(
            "--generate",
            help="Instead of the callers file: this many callers made up from Faker's names and random "
            "values (other drivers than the file's; --generated-set picks another set).",
        ),
    ] = None,
    generated_set: Annotated[
        int, typer.Option("--generated-set", help="With --generate: which made-up set (its random seed).")
    ] = 1,
) -> None:
    """Run the simulated callers against Daisy and report fields right, outcomes right, turns per field."""
    from daisy.evaluation.callers import load_callers
    from daisy.evaluation.generated import made_up
    from daisy.evaluation.runner import run_callers
    from daisy.evaluation.scoring import score

    if lang is not None and lang not in ("es", "en"):
        fail(f"--lang must be es or en, not {lang!r}")
    if callers is not None and generate is not None:
        fail("--callers and --generate: choose one")
    if callers is not None and not callers.is_file():
        fail(f"callers file not found: {callers}")
    if generate is not None and generate < 1:
        fail("--generate must be at least 1")
    try:
        specs = load_callers(callers, lang) if generate is None else made_up(generate, generated_set, lang)
    except (ValueError, OSError) as e:
        fail(f"bad callers file: {str(e).splitlines()[0]}")
    if not specs:
        fail("no callers to run")
    if rounds < 1:
        fail("--rounds must be at least 1")
    if english_neural not in ("kokoro", "piper"):
        fail(f"--english-neural must be kokoro or piper, not {english_neural!r}")
    # round k runs the same callers with seeds shifted by k: other phrasings, same true values
    specs = [
        replace(spec, seed=spec.seed + seed + k, id=spec.id if k == 0 else f"{spec.id}#{k}")
        for k in range(rounds)
        for spec in specs
    ]
    if audio:
        variants = _espeak_variants(espeak_variants)
        _evaluate_audio(specs, seed, limit, show, as_json, jobs, english_neural, not spell_after_no, variants)
        return
    if show:  # ids as listed among the misses: "es-04", or "es-04#3" for its fourth round
        specs = [spec for spec in specs if spec.id in show]
        if not specs:
            fail(f"no caller with id {', '.join(show)} (with --rounds as in the run that listed it)")
    start = time.perf_counter()
    results = run_callers(specs, subprocess_mode=use_subprocess, jobs=max(1, jobs))
    seconds = time.perf_counter() - start
    if show:
        for result in results:
            _print_transcript(result)
    report = score(results)
    if as_json:
        print(json.dumps({**report.to_dict(), "seconds": round(seconds, 3)}, ensure_ascii=False, indent=2))
    else:
        _print_report(report, seconds, len(results), verbose)


def _espeak_variants(given: str | None) -> tuple[str, ...]:
    """The espeak-ng variants named (comma-separated), checked; the usual ones when none is."""
    from daisy.evaluation.audio.voices import ESPEAK_ALL_VARIANTS, ESPEAK_VARIANTS

    if given is None:
        return ESPEAK_VARIANTS
    named = tuple(dict.fromkeys(v.strip().lower() for v in given.split(",") if v.strip()))
    unknown = [v for v in named if v not in ESPEAK_ALL_VARIANTS]
    if not named or unknown:
        fail(f"--espeak-variants takes {', '.join(ESPEAK_ALL_VARIANTS)}, not {given!r}")
    return named


def _pick(specs: list[CallerSpec], limit: int | None) -> list[CallerSpec]:
    """The first `limit` callers, taking the languages in turn so a small subset has both."""
    if limit is None:
        return specs
    by_lang: dict[str, list[CallerSpec]] = {}
    for spec in specs:
        by_lang.setdefault(spec.lang, []).append(spec)
    picked: list[CallerSpec] = []
    queues = list(by_lang.values())
    while len(picked) < limit and any(queues):
        for queue in queues:
            if queue and len(picked) < limit:
                picked.append(queue.pop(0))
    return picked


def _evaluate_audio(
    specs: list[CallerSpec],
    seed: int,
    limit: int | None,
    show: list[str] | None,
    as_json: bool,
    jobs: int,
    english_neural: str = "kokoro",
    spells_when_asked: bool = True,
    espeak_variants: tuple[str, ...] | None = None,
) -> None:
    import os

    from daisy.evaluation.audio.report import build, table
    from daisy.evaluation.audio.runner import TEXT, AudioCallResult, Setup, assign, run_calls
    from daisy.evaluation.audio.voices import ESPEAK_VARIANTS
    from daisy.settings import get_settings

    if limit is not None and limit < 1:
        fail("--limit must be at least 1")
    if shutil.which("espeak-ng") is None:
        fail("daisy eval --audio needs espeak-ng (apt-get install espeak-ng)")
    specs = _pick(specs, limit)
    variants = espeak_variants or ESPEAK_VARIANTS
    # before --show narrows them: a shown caller keeps its voice and line
    audio_jobs = assign(specs, seed, english_neural, spells_when_asked, variants)
    if show:
        specs = [spec for spec in specs if spec.id in show]
        audio_jobs = [job for job in audio_jobs if job[0].id in show]
        if not specs:
            fail(f"no caller with id {', '.join(show)}")
    text_jobs = [(spec, Setup(TEXT)) for spec in specs]
    workers = max(1, min(jobs, os.cpu_count() or 1))
    start = time.perf_counter()

    def progress(done: int, total: int, call: AudioCallResult) -> None:
        how = call.result.outcome if call.ended else ("failed" if call.result.error else "never ended")
        setup = f"{call.setup.family} {call.setup.line}"
        typer.echo(
            f"[{done}/{total}] {call.result.caller_id} ({setup}): {how}, {call.seconds:.0f} s", err=True
        )

    calls = run_calls(
        [*text_jobs, *audio_jobs], get_settings().daisy_data_dir, workers=workers, progress=progress
    )
    seconds = time.perf_counter() - start
    if show:
        for call in calls:
            _print_audio_transcript(call)
    report = build(calls)
    if as_json:
        print(
            json.dumps(
                {
                    **report.to_dict(),
                    "seed": seed,
                    "spells_when_asked": spells_when_asked,
                    "espeak_variants": list(variants),
                    "seconds": round(seconds, 1),
                },
                ensure_ascii=False,
            )
        )
    else:
        print(table(report))
        drivers = "" if spells_when_asked else ", drivers spell only after a second no"
        if variants != ESPEAK_VARIANTS:
            drivers += f", espeak-ng variants {','.join(variants)}"
        print(f"\n{len(calls)} calls ({len(audio_jobs)} spoken) in {seconds:.0f} s, seed {seed}{drivers}")


def _print_audio_transcript(call: object) -> None:
    from daisy.evaluation.audio.runner import AudioCallResult

    assert isinstance(call, AudioCallResult)
    result, setup = call.result, call.setup
    voice = f" {setup.voice.id}" if setup.voice else ""
    print(f"== {result.caller_id} [{setup.family} {setup.line}{voice}] expected {result.expected_outcome}")
    print(f"daisy:  {result.opening.get('say', '')}")
    for ex, heard in zip(result.exchanges, call.heard, strict=True):
        print(f"caller: {ex.caller}" + (f"  (heard {heard!r})" if heard is not None else ""))
        d = ex.daisy
        print(f"daisy:  {d.get('say', '')}  [{d.get('state')} {d.get('field')} pending={d.get('pending')!r}]")
    if result.error:
        print(f"error: {result.error}")
    print(f"ended: {call.ended}, outcome {result.outcome}, record: {result.record}\n")


def register(app: typer.Typer) -> None:
    """Add `daisy eval` to the app."""
    app.command("eval")(evaluate)
