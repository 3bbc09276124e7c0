"""The voice commands: fast CLI (no livekit import), one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "daisy.cli.main", *args], capture_output=True, text=True,
                          env=full_env, timeout=60, cwd="/")


def test_text_cli_does_not_import_livekit() -> None:
    code = "import sys, daisy.cli.main; print('livekit.agents' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "False", out.stderr


def test_worker_names_missing_settings_in_one_line() -> None:
    env = {"LIVEKIT_URL": "", "LIVEKIT_API_KEY": "", "LIVEKIT_API_SECRET": "", "OPENAI_API_KEY": ""}
    out = _run("worker", "start", env=env)
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        "daisy: error: missing settings for the local worker: LIVEKIT_URL, LIVEKIT_API_KEY, "
        "LIVEKIT_API_SECRET (environment or .env)"]
    env.update(LIVEKIT_URL="ws://x", LIVEKIT_API_KEY="k", LIVEKIT_API_SECRET="s")
    out = _run("worker", "dev", "--pipeline", "realtime", env=env)
    assert out.stderr.strip().endswith("OPENAI_API_KEY (environment or .env)")
    assert len(out.stderr.strip().splitlines()) == 1


def test_worker_and_demo_reject_bad_arguments() -> None:
    assert _run("worker", "sideways").stderr.startswith("daisy: error: unknown worker mode")
    out = _run("demo", "--lang", "fr")
    assert out.returncode == 2 and out.stderr.startswith("daisy: error: unknown language")


def test_worker_refuses_a_noise_canceller_it_cannot_load() -> None:
    env = {"LIVEKIT_URL": "ws://x", "LIVEKIT_API_KEY": "k", "LIVEKIT_API_SECRET": "s",
           "DAISY_NOISE_CANCELLATION": "both"}
    out = _run("worker", "start", env=env)
    assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 1
    assert "DAISY_NOISE_CANCELLATION='both'" in out.stderr
    out = _run("worker", "start", env={**env, "DAISY_NOISE_CANCELLATION": "agent"})
    import importlib.util

    if importlib.util.find_spec("livekit.plugins.noise_cancellation") is None:  # the default install
        assert out.returncode == 2 and "livekit-plugins-noise-cancellation" in out.stderr
