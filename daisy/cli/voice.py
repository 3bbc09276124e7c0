"""`daisy worker` (LiveKit Agents worker) and `daisy demo` (a whole phone call offline, with audio).

livekit.agents costs ~3 s to import: it is imported inside the commands only, never at module top,
so text chat and `--help` stay fast.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

from daisy.cli.errors import fail


def register(app: typer.Typer) -> None:
    app.command("demo", help="A whole phone call offline: synthetic caller ↔ Daisy, with real audio.")(demo)
    app.command(
        "worker",
        help="Run the LiveKit Agents worker that answers (and places) calls. MODE: dev | start.",
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
    )(worker)


def demo(
    lang: str = typer.Option("es", "--lang", help="Language of the call: es or en."),
    save_audio: Path | None = typer.Option(None, "--save-audio", help="Write both sides as WAV here."),
    as_json: bool = typer.Option(False, "--json", help="End with one JSON line: outcome, record, latency."),
    script: Path | None = typer.Option(None, "--script", help="Caller script (JSON answers per field)."),
) -> None:
    import asyncio

    from daisy.form import FormError, canonical_lang

    try:
        lang = canonical_lang(lang)[:2]
    except FormError as e:
        fail(str(e))
    from daisy.voice.espeak_tts import EspeakMissing, espeak_command

    try:
        espeak_command()
    except EspeakMissing as e:
        fail(str(e))
    persona = None
    if script is not None:
        from daisy.voice.caller import load_persona

        try:
            persona = load_persona(script, lang)
        except (OSError, ValueError, KeyError, TypeError) as e:
            fail(f"caller script {script}: {e}")
    asyncio.run(_demo(lang, save_audio, as_json, persona))


async def _demo(lang: str, save_audio: Path | None, as_json: bool, persona: object) -> None:
    from daisy.settings import get_settings

    settings = get_settings()
    store = None
    try:
        from daisy.records import open_store

        store = open_store(settings.database_url)
        log = store.call_log(strict=False)
    except Exception as e:  # a broken database must not stop the demo call
        from daisy.conversation import NullCallLog

        print(f"(records unavailable: {e}; the call is not stored)")
        log = NullCallLog()
    print("Loading the offline voice (Whisper base, Silero VAD, end-of-turn model, espeak-ng)…", flush=True)
    from daisy.voice.demo import run_call

    result = await run_call(settings, lang, persona=persona, log=log, save_audio=save_audio)  # type: ignore[arg-type]
    print()
    print(f"Call {result.call_id} — outcome: {result.outcome}")
    record = result.record
    if store is not None:
        detail = store.get_call(result.call_id)
        if detail is not None:
            record = detail.record()
            print(f"Stored in {settings.database_url} (see: daisy calls show {result.call_id})")
        if result.audio_files:
            store.set_recording(result.call_id, str(result.audio_files[-1]))
    for key, value in record.items():
        print(f"  {key:<16} {value if value is not None else '—'}")
    s = result.summary()
    whole = s["complete_answers_ms"]
    print(f"Latency end of speech → first Daisy audio: p50 {s['latency_ms']['p50']} ms, "
          f"p95 {s['latency_ms']['p95']} ms over {s['latency_ms']['turns']} turns "
          f"(complete answers: p50 {whole['p50']} ms, p95 {whole['p95']} ms over {whole['turns']}); "
          f"STT p50 {s['stt_ms']['p50']} ms")
    for path in result.audio_files:
        print(f"  audio: {path}")
    if as_json:
        print(json.dumps(s, ensure_ascii=False))


def worker(
    ctx: typer.Context,
    mode: str = typer.Argument("start", help="dev (reload, verbose) or start (production)."),
    pipeline: str | None = typer.Option(None, "--pipeline", help="realtime | cascade | local"),
    lang: str = typer.Option("es", "--lang", help="Language of the calls: es or en."),
) -> None:
    if mode not in ("dev", "start"):
        fail(f"unknown worker mode {mode!r}; use: daisy worker dev | daisy worker start")
    from daisy.settings import get_settings
    from daisy.voice.config import missing_settings, setting_problems

    settings = get_settings()
    chosen = pipeline or settings.daisy_pipeline
    try:
        missing = missing_settings(chosen, settings, worker=True)
    except ValueError as e:
        fail(str(e))
    if missing:
        fail(f"missing settings for the {chosen} worker: {', '.join(missing)} (environment or .env)")
    for problem in setting_problems(settings):
        fail(problem)
    from daisy.voice.worker import run_worker

    run_worker(mode, chosen, lang, extra=list(ctx.args))
