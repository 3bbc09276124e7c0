"""The worker's pieces that need no LiveKit server: job metadata, the SIP caller number, end/transfer."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import pytest

from daisy.voice import worker


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


def test_end_of_call_deletes_the_room_and_ends_the_job(monkeypatch: pytest.MonkeyPatch) -> None:
    from daisy.telephony import transfer as telephony

    deleted: list[str] = []

    async def fake_hang_up(_api: Any, room: str) -> bool:
        deleted.append(room)
        return True

    monkeypatch.setattr(telephony, "hang_up", fake_hang_up)
    ctx = _Ctx()
    asyncio.run(worker.hang_up(ctx))  # type: ignore[arg-type]
    assert deleted == [ctx.room.name] and ctx.shut == ["call ended"]


def test_transfer_hook_calls_telephony_and_survives_a_refusal(monkeypatch: pytest.MonkeyPatch) -> None:
    from daisy.telephony import transfer as telephony

    calls: list[tuple[str, str]] = []

    async def fake_transfer(_api: Any, room: str, identity: str, to: str | None) -> None:
        calls.append((room, identity))
        raise RuntimeError("provider said no")

    monkeypatch.setattr(telephony, "transfer_call", fake_transfer)
    ctx = _Ctx()
    asyncio.run(worker.transfer(ctx, "sip_+5215512345678"))  # type: ignore[arg-type]
    assert calls == [(ctx.room.name, "sip_+5215512345678")]
