"""Voice settings checks that must stay cheap: no livekit import here (it costs ~3 s)."""

from __future__ import annotations

from daisy.settings import Settings

PIPELINES = ("realtime", "cascade", "local")


def missing_settings(pipeline: str, settings: Settings, worker: bool) -> list[str]:
    """Names of the settings this pipeline (and the worker, if asked) cannot run without."""
    if pipeline not in PIPELINES:
        raise ValueError(f"unknown pipeline {pipeline!r}; use one of: {', '.join(PIPELINES)}")
    missing = []
    if worker:
        missing += [name.upper() for name in ("livekit_url", "livekit_api_key", "livekit_api_secret")
                    if not getattr(settings, name)]
    if pipeline in ("realtime", "cascade") and not settings.openai_api_key:
        missing.append("OPENAI_API_KEY")
    return missing
