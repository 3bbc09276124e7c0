from __future__ import annotations

import asyncio

import pytest
from livekit import api
from livekit.protocol import models, sip

from daisy.telephony.common import TelephonyError
from daisy.telephony.transfer import hang_up, transfer_call, transfer_target

from .fake_livekit import API_KEY, API_SECRET, FakeLiveKit


def _run(fake: FakeLiveKit, work):
    async def main():
        async with api.LiveKitAPI(fake.url, API_KEY, API_SECRET) as lk:
            return await work(lk)

    return asyncio.run(main())


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("+52 55 1234 5678", "tel:+525512345678"),
        ("tel:+525512345678", "tel:+525512345678"),
        ("sip:ops@pbx.example.com", "sip:ops@pbx.example.com"),
    ],
)
def test_transfer_target(given: str, expected: str) -> None:
    assert transfer_target(given) == expected


@pytest.mark.parametrize("bad", [None, "", "  ", "5512345678"])
def test_transfer_target_rejects(bad) -> None:
    with pytest.raises(TelephonyError):
        transfer_target(bad)


def test_transfer_sends_sip_refer(fake: FakeLiveKit) -> None:
    fake.rooms["call-abc"] = models.Room(name="call-abc")
    response = _run(fake, lambda lk: transfer_call(lk, "call-abc", "sip_5215512345678", "+525599990000"))
    assert response.status == sip.SIPTransferStatus.STS_TRANSFER_SUCCESSFUL
    [req] = fake.sent("TransferSIPParticipant")
    assert req.room_name == "call-abc"
    assert req.participant_identity == "sip_5215512345678"
    assert req.transfer_to == "tel:+525599990000"
    assert req.play_dialtone is True
    assert req.ringing_timeout.seconds == 30


def test_failed_transfer_raises(fake: FakeLiveKit) -> None:
    fake.rooms["call-abc"] = models.Room(name="call-abc")
    fake.transfer_status = sip.SIPTransferStatus.STS_TRANSFER_FAILED
    with pytest.raises(TelephonyError, match="failed"):
        _run(fake, lambda lk: transfer_call(lk, "call-abc", "p", "+525599990000"))
    with pytest.raises(TelephonyError, match="failed"):
        _run(fake, lambda lk: transfer_call(lk, "no-such-room", "p", "+525599990000"))


def test_transfer_without_destination_sends_nothing(fake: FakeLiveKit) -> None:
    with pytest.raises(TelephonyError, match="DAISY_TRANSFER_TO"):
        _run(fake, lambda lk: transfer_call(lk, "call-abc", "p", None))
    assert fake.requests == []


def test_hang_up_deletes_the_room(fake: FakeLiveKit) -> None:
    fake.rooms["call-abc"] = models.Room(name="call-abc")
    assert _run(fake, lambda lk: hang_up(lk, "call-abc")) is True
    assert fake.rooms == {}
    assert _run(fake, lambda lk: hang_up(lk, "call-abc")) is False


def test_transfer_command(cli, lk_env: FakeLiveKit, monkeypatch) -> None:
    from daisy.settings import get_settings

    lk_env.rooms["call-abc"] = models.Room(name="call-abc")
    monkeypatch.setenv("DAISY_TRANSFER_TO", "+525599990000")
    get_settings.cache_clear()
    r = cli("telephony", "transfer", "call-abc", "sip_5215512345678")
    assert r.exit_code == 0, r.output
    assert lk_env.sent("TransferSIPParticipant")[0].transfer_to == "tel:+525599990000"
    r = cli("telephony", "hangup", "call-abc")
    assert r.exit_code == 0 and lk_env.rooms == {}


def test_transfer_command_without_destination(cli, lk_env: FakeLiveKit) -> None:
    r = cli("telephony", "transfer", "call-abc", "sip_1")
    assert r.exit_code != 0 and "DAISY_TRANSFER_TO" in r.stderr
