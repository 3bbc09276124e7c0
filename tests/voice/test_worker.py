"""The worker's pieces that need no LiveKit server: job metadata, the SIP caller number, end/transfer."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import pytest
from livekit import api
from livekit.protocol import models, sip

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
