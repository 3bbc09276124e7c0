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


def setting_problems(settings: Settings) -> list[str]:
    """Settings given but unusable, one line each (checked before the worker starts)."""
    import importlib.util

    from daisy.telephony.common import TelephonyError, noise_cancellation_mode

    try:
        mode = noise_cancellation_mode(settings)
    except TelephonyError as e:
        return [str(e)]
    if mode == "agent" and importlib.util.find_spec("livekit.plugins.noise_cancellation") is None:
        return ["DAISY_NOISE_CANCELLATION=agent needs livekit-plugins-noise-cancellation "
                "(pip install 'daisy[cloud]'; it runs on LiveKit Cloud only)"]
    if settings.daisy_max_call_minutes <= 0:
        return ["DAISY_MAX_CALL_MINUTES must be more than 0"]
    if settings.daisy_record:
        from daisy.telephony.recording import recording_problem

        problem = recording_problem(settings)
        return [problem] if problem else []
    return []
