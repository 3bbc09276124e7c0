"""The worker's pieces that need no LiveKit server: job metadata, the SIP caller number, end/transfer."""

from __future__ import annotations

import asyncio
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from livekit import api, rtc
from livekit.protocol import models, sip
from livekit.rtc._proto import participant_pb2 as pp

from daisy.settings import get_settings
from daisy.voice import worker
from tests.telephony.fake_livekit import API_KEY, API_SECRET, FakeLiveKit


def test_job_metadata_for_outbound_and_inbound() -> None:
    meta = worker.job_metadata('{"direction": "outbound", "phone_number": "+5215512345678", "call_id": "c1"}')
    assert meta == {"direction": "outbound", "phone_number": "+5215512345678", "call_id": "c1"}
    assert worker.job_metadata("") == {} and worker.job_metadata("not json") == {}
    assert worker.job_metadata("[1, 2]") == {}


def test_caller_number_comes_from_the_sip_attributes() -> None:
    sip = SimpleNamespace(attributes={"sip.phoneNumber": "+5215512345678", "sip.callID": "x"})
    assert worker.caller_number_of(sip) == "+5215512345678"  # type: ignore[arg-type]
    assert worker.caller_number_of(SimpleNamespace(attributes={})) is None  # type: ignore[arg-type]


class _Ctx:
    def __init__(self) -> None:
        self.api = object()
        self.room = SimpleNamespace(name="call-_+5215512345678_abc")
        self.shut: list[str] = []

    def shutdown(self, reason: str = "") -> None:
        self.shut.append(reason)


def _live_ctx(fake: FakeLiveKit) -> Any:
    """A job context whose API client is the real LiveKitAPI, talking to the local Twirp server."""
    ctx = _Ctx()
    ctx.api = api.LiveKitAPI(fake.url, API_KEY, API_SECRET)
    fake.rooms[ctx.room.name] = models.Room(name=ctx.room.name)
    return ctx


def test_end_of_call_deletes_the_room_and_ends_the_job() -> None:
    fake = FakeLiveKit().start()

    async def main() -> _Ctx:
        ctx = _live_ctx(fake)
        await worker.hang_up(ctx, tail=0.05)
        await ctx.api.aclose()
        return ctx

    try:
        ctx = asyncio.run(main())
    finally:
        fake.stop()
    assert fake.rooms == {} and ctx.shut == ["call ended"]
    assert [r.room for r in fake.sent("DeleteRoom")] == [ctx.room.name]


@pytest.mark.parametrize("status", ["ok", "refused"])
def test_transfer_hook_sends_the_refer_and_says_whether_it_worked(
    monkeypatch: pytest.MonkeyPatch, status: str
) -> None:
    monkeypatch.setenv("DAISY_TRANSFER_TO", "+525599990000")
    get_settings.cache_clear()
    fake = FakeLiveKit().start()
    if status == "refused":
        fake.transfer_status = sip.SIPTransferStatus.STS_TRANSFER_FAILED

    async def main() -> bool:
        ctx = _live_ctx(fake)
        try:
            return await worker.transfer(ctx, "sip_+5215512345678")
        finally:
            await ctx.api.aclose()

    try:
        ok = asyncio.run(main())
    finally:
        fake.stop()
        get_settings.cache_clear()
    assert ok is (status == "ok")  # False: the agent tells the caller instead of hanging up on them
    [req] = fake.sent("TransferSIPParticipant")
    assert req.transfer_to == "tel:+525599990000" and req.participant_identity == "sip_+5215512345678"


def _dialled(status: str) -> rtc.RemoteParticipant:
    info = pp.ParticipantInfo(identity="sip_5215512345678", kind=pp.PARTICIPANT_KIND_SIP,
                              attributes={worker.CALL_STATUS: status})
    return rtc.RemoteParticipant(pp.OwnedParticipant(info=info))


@pytest.mark.parametrize(("happens", "expected"), [("answers", "active"), ("rejects", "busy"),
                                                     ("rings out", "no_answer"), ("never", "no_answer")])
def test_outbound_waits_for_the_phone_to_be_answered(happens: str, expected: str) -> None:
    """The dialled participant joins while ringing: nothing starts before sip.callStatus is active."""
    async def main() -> str:
        room, phone = rtc.Room(), _dialled("ringing")
        assert await worker.wait_until_answered(room, _dialled("active")) == "active"
        waiting = asyncio.ensure_future(worker.wait_until_answered(room, phone, timeout=0.5))
        await asyncio.sleep(0.05)
        assert not waiting.done()
        if happens == "answers":
            phone._info.attributes[worker.CALL_STATUS] = "active"
            room.emit("participant_attributes_changed", {worker.CALL_STATUS: "active"}, phone)
        elif happens in ("rejects", "rings out"):
            phone._info.disconnect_reason = (pp.DisconnectReason.USER_REJECTED if happens == "rejects"
                                             else pp.DisconnectReason.USER_UNAVAILABLE)
            room.emit("participant_disconnected", phone)
        return await waiting

    assert asyncio.run(main()) == expected


def test_an_unanswered_dial_is_recorded_with_its_outcome() -> None:
    from daisy.core import Outcome
    from tests.voice.helpers import RecordingLog, conversation

    log = RecordingLog()
    conv = conversation("es", log)
    worker.record_unanswered(conv, "+5215512345678", "busy")
    assert conv.state is not None and conv.state.outcome is Outcome.BUSY and conv.state.ended
    assert log.ended and log.turns == []  # nobody talked


@pytest.mark.parametrize("mode", ["off", "agent", "sip"])
def test_one_noise_canceller_on_the_callers_audio(monkeypatch: pytest.MonkeyPatch, mode: str) -> None:
    """agent: LiveKit Cloud's telephony model on Daisy's input (the trunk then runs none); sip: the
    trunk's Krisp (tests/telephony), nothing in the worker; off: neither."""
    import sys
    import types

    from tests.voice.helpers import settings

    telephony_model = object()
    plugin = types.ModuleType("livekit.plugins.noise_cancellation")
    plugin.BVCTelephony = lambda: telephony_model  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "livekit.plugins.noise_cancellation", plugin)
    options = worker.room_options(settings(Path("."), daisy_noise_cancellation=mode), _dialled("active"))
    assert options.audio_input.noise_cancellation is (telephony_model if mode == "agent" else None)
    assert options.participant_identity == "sip_5215512345678"


def test_models_are_ready_before_any_call(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whisper is assembled once by the main process; each job process loads the VAD in prewarm."""
    from tests.voice.helpers import settings

    worker.prepare_models("local", settings(tmp_path, daisy_data_dir=tmp_path))
    assert (tmp_path / "models" / "whisper-base" / "model.bin").stat().st_size > 100_000_000
    monkeypatch.setenv("DAISY_PIPELINE", "cascade")
    proc = SimpleNamespace(userdata={})
    worker.prewarm(proc)  # type: ignore[arg-type]
    from livekit.plugins import silero

    assert isinstance(proc.userdata["vad"], silero.VAD)


def test_worker_capacity_memory_and_warm_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIVEKIT_URL", "ws://127.0.0.1:1")
    monkeypatch.setenv("LIVEKIT_API_KEY", "k")
    monkeypatch.setenv("LIVEKIT_API_SECRET", "s")
    monkeypatch.setenv("DAISY_PIPELINE", "local")
    get_settings.cache_clear()
    try:
        server = worker.make_server()
    finally:
        get_settings.cache_clear()
    assert server._num_idle_processes == 1 and server._job_memory_limit_mb == 1500
    assert server._initialize_process_timeout == 60.0 and server.load_fnc is worker.call_load
    monkeypatch.setattr(worker.os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    assert worker.call_load(SimpleNamespace(active_jobs=[1])) == 0.5  # type: ignore[arg-type]
    assert worker.call_load(SimpleNamespace(active_jobs=[1, 2, 3])) == 1.0  # type: ignore[arg-type]
    monkeypatch.setenv("DAISY_MAX_CALLS", "4")
    assert worker.call_load(SimpleNamespace(active_jobs=[1])) == 0.25  # type: ignore[arg-type]


def test_webhook_deliveries_are_drained_when_the_job_ends() -> None:
    class SlowLog:
        drained = False

        def flush(self, timeout: float) -> bool:
            import time

            time.sleep(0.05)  # a delivery still going
            self.drained = True
            return True

    call_log = SlowLog()
    asyncio.run(worker.drain_deliveries(call_log))  # type: ignore[arg-type]
    assert call_log.drained
