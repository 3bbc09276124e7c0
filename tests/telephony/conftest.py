from __future__ import annotations

from collections.abc import Iterator

import pytest
import typer
from typer.testing import CliRunner

from daisy.cli import telephony
from daisy.settings import get_settings

from .fake_livekit import API_KEY, API_SECRET, FakeLiveKit


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path) -> Iterator[None]:
    # No .env from the working tree and no real credentials leak into a test.
    monkeypatch.chdir(tmp_path)
    for name in (
        "LIVEKIT_URL",
        "LIVEKIT_API_KEY",
        "LIVEKIT_API_SECRET",
        "LIVEKIT_SIP_URI",
        "TWILIO_ACCOUNT_SID",
        "TWILIO_AUTH_TOKEN",
        "DAISY_TRANSFER_TO",
        "DAISY_VOICEMAIL",
        "DAISY_AGENT_NAME",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DAISY_DATABASE_URL", f"sqlite:///{tmp_path / 'daisy.db'}")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def fake() -> Iterator[FakeLiveKit]:
    server = FakeLiveKit().start()
    yield server
    server.stop()


@pytest.fixture
def lk_env(fake: FakeLiveKit, monkeypatch: pytest.MonkeyPatch) -> FakeLiveKit:
    monkeypatch.setenv("LIVEKIT_URL", fake.url)
    monkeypatch.setenv("LIVEKIT_API_KEY", API_KEY)
    monkeypatch.setenv("LIVEKIT_API_SECRET", API_SECRET)
    get_settings.cache_clear()
    return fake


@pytest.fixture
def app() -> typer.Typer:
    root = typer.Typer(pretty_exceptions_enable=False)

    @root.callback()
    def _root() -> None:
        """Daisy (test root)."""

    telephony.register(root)
    return root


@pytest.fixture
def cli(app: typer.Typer):
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, list(args))

    return invoke
