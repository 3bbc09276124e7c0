"""Recordings on LiveKit (DAISY_RECORD=1): the exact Egress request the worker sends (audio-only room
composite, Ogg file or S3), the egress id and location kept with the call, and the dashboard playing
the file the egress wrote."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from livekit import api
from livekit.protocol import egress as eg
from livekit.protocol import models

from daisy.conversation import Conversation
from daisy.core import Dialogue
from daisy.form import load_form
from daisy.records.store import Store, open_store
from daisy.settings import Settings
from daisy.telephony.recording import record_call

from .fake_livekit import API_KEY, API_SECRET, FakeLiveKit

ROOM = "call-5215512345678_abc"


def config(**values: object) -> Settings:
    return Settings(_env_file=None, daisy_record=True, **values)  # type: ignore[call-arg]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return open_store(f"sqlite:///{tmp_path / 'data' / 'daisy.db'}")


def start_call(store: Store, call_id: str = "abc123") -> None:
    Conversation(Dialogue(load_form(), "es"), log=store.call_log(), call_id=call_id).start("inbound")


def record(fake: FakeLiveKit, settings: Settings, store: Store, call_id: str = "abc123",
           before=None) -> str | None:  # type: ignore[no-untyped-def]
    async def main() -> str | None:
        async with api.LiveKitAPI(fake.url, API_KEY, API_SECRET) as lk:
            work = asyncio.ensure_future(record_call(lk, settings, ROOM, call_id, store, pause_s=0.02))
            if before is not None:
                await before()
            return await work

    return asyncio.run(main())


@pytest.fixture
def room(fake: FakeLiveKit) -> FakeLiveKit:
    fake.rooms[ROOM] = models.Room(sid="RM_call", name=ROOM)
    return fake


def test_the_worker_asks_for_an_audio_only_ogg_file_and_keeps_it_with_the_call(room, store: Store) -> None:
    start_call(store)
    egress_id = record(room, config(), store)
    [sent] = room.sent("StartRoomCompositeEgress")
    assert sent == eg.RoomCompositeEgressRequest(
        room_name=ROOM,
        audio_only=True,
        file_outputs=[
            eg.EncodedFileOutput(file_type=eg.EncodedFileType.OGG, filepath="recordings/abc123.ogg")
        ],
    )
    assert egress_id is not None and egress_id in room.egresses
    call = store.get_call("abc123")
    assert call is not None
    assert call.recording_egress_id == egress_id and call.recording_path == "recordings/abc123.ogg"


def test_s3_output_with_a_public_url(room, store: Store) -> None:
    start_call(store)
    settings = config(daisy_record_path="daisy/{room}/{call_id}.ogg", daisy_record_s3_bucket="fletes-calls",
                      daisy_record_s3_region="us-east-1", daisy_record_s3_access_key="AKIAEXAMPLE",
                      daisy_record_s3_secret="s3-secret", daisy_record_url="https://audio.fletes.example/")
    record(room, settings, store)
    [sent] = room.sent("StartRoomCompositeEgress")
    expected = eg.EncodedFileOutput(
        file_type=eg.EncodedFileType.OGG,
        filepath=f"daisy/{ROOM}/abc123.ogg",
        s3=eg.S3Upload(
            bucket="fletes-calls", region="us-east-1", access_key="AKIAEXAMPLE", secret="s3-secret"
        ),
    )
    assert sent == eg.RoomCompositeEgressRequest(room_name=ROOM, audio_only=True, file_outputs=[expected])
    call = store.get_call("abc123")
    assert call is not None
    assert call.recording_path == f"https://audio.fletes.example/daisy/{ROOM}/abc123.ogg"


def test_s3_compatible_service_by_path(room, store: Store) -> None:
    start_call(store)
    settings = config(daisy_record_s3_bucket="calls", daisy_record_s3_endpoint="https://minio.local:9000",
                      daisy_record_s3_access_key="k", daisy_record_s3_secret="s")
    record(room, settings, store)
    [sent] = room.sent("StartRoomCompositeEgress")
    s3 = sent.file_outputs[0].s3
    assert s3.endpoint == "https://minio.local:9000" and s3.force_path_style and s3.bucket == "calls"
    assert store.get_call("abc123").recording_path == "s3://calls/recordings/abc123.ogg"  # type: ignore[union-attr]


def test_the_call_row_written_after_the_egress_started_still_gets_it(room, store: Store) -> None:
    async def greeting_starts_later() -> None:
        await asyncio.sleep(0.1)
        start_call(store)

    egress_id = record(room, config(), store, before=greeting_starts_later)
    assert store.get_call("abc123").recording_egress_id == egress_id  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("values", "reason"),
    [
        ({"daisy_record_path": "recordings/{caller}.ogg"}, "may use {call_id} and {room}, not {caller}"),
        ({"daisy_record_path": "recordings/{call_id"}, "unmatched brace"),
        ({"daisy_record_path": "../{call_id}.ogg"}, "without '..'"),
        ({"daisy_record_s3_bucket": "calls"}, "DAISY_RECORD_S3_ACCESS_KEY or DAISY_RECORD_S3_SECRET is not"),
    ],
)
def test_bad_settings_record_nothing_and_say_why_in_one_line(
    room, store: Store, caplog: pytest.LogCaptureFixture, values: dict[str, str], reason: str
) -> None:
    start_call(store)
    with caplog.at_level(logging.ERROR, logger="daisy.recording"):
        assert record(room, config(**values), store) is None
    assert room.sent("StartRoomCompositeEgress") == []
    [line] = [r.getMessage() for r in caplog.records]
    assert reason in line and "\n" not in line
    assert store.get_call("abc123").recording_egress_id is None  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("values", "problem"),
    [
        ({"daisy_record_path": "{call}.ogg"}, "DAISY_RECORD_PATH may use {call_id} and {room}, not {call}"),
        ({"daisy_record_s3_bucket": "b", "daisy_record_s3_access_key": "k", "daisy_record_s3_secret": "s",
          "daisy_record_url": "ftp://files"}, "DAISY_RECORD_URL must be an http:// or https:// URL"),
    ],
)
def test_the_worker_will_not_start_with_bad_recording_settings(values: dict[str, str], problem: str) -> None:
    from daisy.voice.config import setting_problems

    assert setting_problems(config(**values)) == [problem]
    assert setting_problems(config()) == []
    off = Settings(_env_file=None, daisy_record=False, daisy_record_path="{call}")  # type: ignore[call-arg]
    assert setting_problems(off) == []


def test_a_refused_egress_leaves_the_call_going_unrecorded(fake: FakeLiveKit, store: Store, caplog) -> None:
    start_call(store)
    with caplog.at_level(logging.ERROR, logger="daisy.recording"):
        assert record(fake, config(), store) is None  # no such room on the server
    assert "not recorded: LiveKit answered 404" in caplog.text
    assert store.get_call("abc123").recording_path is None  # type: ignore[union-attr]


def test_the_dashboard_plays_what_the_egress_wrote(room, store: Store, tmp_path: Path) -> None:
    from daisy.web.app import create_app

    start_call(store)
    record(room, config(), store)
    # The egress service writes into the directory mounted as DAISY_DATA_DIR/recordings.
    (tmp_path / "data" / "recordings").mkdir(parents=True)
    (tmp_path / "data" / "recordings" / "abc123.ogg").write_bytes(b"OggS" + bytes(400))
    app = create_app(store, Settings(_env_file=None, daisy_data_dir=tmp_path / "data",  # type: ignore[call-arg]
                                     daisy_admin_token=None))
    with TestClient(app, base_url="http://localhost") as client:
        page = client.get("/calls/abc123")
        assert 'controls preload="none" src="/calls/abc123/recording"' in page.text
        assert 'class="seek" data-seek="0.0"' in page.text  # Daisy's greeting, at the call's start
        audio = client.get("/calls/abc123/recording")
    assert audio.status_code == 200 and audio.content.startswith(b"OggS")


def test_the_worker_records_beside_the_call_only_when_asked(room, store: Store, monkeypatch) -> None:
    from types import SimpleNamespace

    from daisy.voice import worker

    start_call(store)
    monkeypatch.setenv("DAISY_DATABASE_URL", str(store.url.render_as_string(hide_password=False)))

    async def main() -> None:
        async with api.LiveKitAPI(room.url, API_KEY, API_SECRET) as lk:
            ctx = SimpleNamespace(api=lk, room=SimpleNamespace(name=ROOM))
            worker.record_in_background(ctx, config(), "abc123")  # type: ignore[arg-type]
            await asyncio.gather(*worker._recordings)

    asyncio.run(main())
    [sent] = room.sent("StartRoomCompositeEgress")
    assert sent.room_name == ROOM and sent.audio_only
    assert store.get_call("abc123").recording_egress_id in room.egresses  # type: ignore[union-attr]
