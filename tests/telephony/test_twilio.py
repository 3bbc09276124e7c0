from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests

from daisy.settings import get_settings
from daisy.telephony import twilio_trunk

from .fake_twilio import SID, TOKEN, FakeTwilio, TwilioServer

URI = "sip:vjnxecm0tjk.sip.livekit.cloud"
TCP_URI = URI + ";transport=tcp"


@pytest.fixture
def twilio(monkeypatch) -> Iterator[FakeTwilio]:
    """Twilio's REST API on a local HTTP server, reached by the SDK's own requests transport."""
    fake = FakeTwilio()
    server = TwilioServer(fake)
    monkeypatch.setattr(twilio_trunk, "HTTP_CLIENT", server.client)
    monkeypatch.setenv("TWILIO_ACCOUNT_SID", SID)
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
    get_settings.cache_clear()
    yield fake
    server.stop()


def test_twilio_creates_trunk_origination_and_attaches_number(cli, twilio: FakeTwilio) -> None:
    r = cli("telephony", "twilio", "--number", "+1 555 123 4567", "--sip-uri", URI)
    assert r.exit_code == 0, r.output
    [(tpath, tdata), (opath, odata), (npath, ndata)] = twilio.writes()
    assert tpath == "/v1/Trunks"
    # transfers to phone numbers (Daisy's SIP REFER to tel:) are allowed on the trunk she makes
    assert tdata == {"FriendlyName": "Daisy", "DomainName": "daisy-15551234567.pstn.twilio.com",
                     "TransferMode": "enable-all", "TransferCallerId": "from-transferee"}
    [trunk_sid] = twilio.trunks
    assert opath == f"/v1/Trunks/{trunk_sid}/OriginationUrls"
    assert odata["SipUrl"] == TCP_URI and odata["Enabled"] in (True, "true")
    assert npath == f"/v1/Trunks/{trunk_sid}/PhoneNumbers"
    assert ndata == {"PhoneNumberSid": twilio.numbers["+15551234567"]}
    assert "--outbound-user" in r.output


def test_twilio_outbound_credentials(cli, twilio: FakeTwilio) -> None:
    args = ("telephony", "twilio", "--number", "+15551234567", "--sip-uri", URI)
    creds = ("--outbound-user", "daisy", "--outbound-password", "Secret12345678")
    r = cli(*args, *creds)
    assert r.exit_code == 0, r.output
    [cl] = twilio.cred_lists.values()
    assert cl["friendly_name"] == "Daisy outbound"
    assert [(c["username"], c["password"]) for c in twilio.creds[cl["sid"]]] == [("daisy", "Secret12345678")]
    [trunk_sid] = twilio.trunks
    assert [e["sid"] for e in twilio.trunk_cred_lists[trunk_sid]] == [cl["sid"]]
    assert "--trunk-address daisy-15551234567.pstn.twilio.com --trunk-user daisy" in r.output
    # Again with a new password: nothing created, the password set.
    r = cli(*args, "--outbound-user", "daisy", "--outbound-password", "Other12345678X")
    assert r.exit_code == 0, r.output
    assert len(twilio.cred_lists) == 1 and len(twilio.trunk_cred_lists[trunk_sid]) == 1
    assert [c["password"] for c in twilio.creds[cl["sid"]]] == ["Other12345678X"]


@pytest.mark.parametrize("password", ["short1A", "alllowercase123", "ALLUPPERCASE123", "NoDigitsAtAllHere"])
def test_weak_outbound_password_is_refused_before_calling(cli, twilio: FakeTwilio, password: str) -> None:
    r = cli(
        "telephony",
        "twilio",
        "--number",
        "+15551234567",
        "--sip-uri",
        URI,
        "--outbound-user",
        "daisy",
        "--outbound-password",
        password,
    )
    assert r.exit_code != 0 and "12+ characters" in r.stderr
    assert twilio.calls == []


def test_twilio_twice_creates_nothing_new(cli, twilio: FakeTwilio) -> None:
    assert cli("telephony", "twilio", "--number", "+15551234567", "--sip-uri", URI).exit_code == 0
    writes = len(twilio.writes())
    r = cli("telephony", "twilio", "--number", "+15551234567", "--sip-uri", URI)
    assert r.exit_code == 0, r.output
    assert len(twilio.writes()) == writes
    assert "reused" in r.output and "already attached" in r.output


def test_existing_trunk_gets_transfers_and_tcp(cli, twilio: FakeTwilio) -> None:
    """A trunk made before (by hand, or by an older Daisy): transfers off, origination over UDP."""
    sid = "TK" + "9" * 32
    domain = "daisy-15551234567.pstn.twilio.com"
    twilio.trunks[sid] = {"sid": sid, "friendly_name": "Daisy", "domain_name": domain,
                          "transfer_mode": "disable-all", "transfer_caller_id": "from-transferee"}
    twilio.origination[sid] = [{"sid": "OU" + "9" * 32, "trunk_sid": sid, "sip_url": URI, "priority": 10}]
    twilio.attached[sid] = []
    r = cli("telephony", "twilio", "--number", "+15551234567", "--sip-uri", URI)
    assert r.exit_code == 0, r.output
    assert twilio.trunks[sid]["transfer_mode"] == "enable-all"
    assert [u["sip_url"] for u in twilio.origination[sid]] == [TCP_URI]
    assert "transfers now enable-all" in r.output and "updated" in r.output
    writes = len(twilio.writes())
    assert cli("telephony", "twilio", "--number", "+15551234567", "--sip-uri", URI).exit_code == 0
    assert len(twilio.writes()) == writes  # the second run changes nothing


def test_sip_uri_from_env(cli, twilio: FakeTwilio, monkeypatch) -> None:
    monkeypatch.setenv("LIVEKIT_SIP_URI", "abc.sip.livekit.cloud")
    assert cli("telephony", "twilio", "--number", "+15551234567").exit_code == 0
    [urls] = twilio.origination.values()
    assert urls[0]["sip_url"] == "sip:abc.sip.livekit.cloud;transport=tcp"


def test_dry_run_calls_nothing(cli, monkeypatch) -> None:
    fake = FakeTwilio()
    monkeypatch.setattr(twilio_trunk, "HTTP_CLIENT", lambda: fake)  # would record any request
    r = cli("telephony", "twilio", "--number", "+15551234567", "--dry-run")  # no credentials needed
    assert r.exit_code == 0, r.output
    assert fake.calls == []
    assert "1. find or create the Elastic SIP Trunk 'Daisy'" in r.output
    assert "+15551234567" in r.output and "origination URI" in r.output


def test_unknown_number(cli, twilio: FakeTwilio) -> None:
    r = cli("telephony", "twilio", "--number", "+15559999999", "--sip-uri", URI)
    assert r.exit_code != 0
    assert r.stderr.strip() == "daisy: error: +15559999999 is not a phone number of this Twilio account"


def test_bad_twilio_credentials(cli, twilio: FakeTwilio, monkeypatch) -> None:
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", "wrong")
    get_settings.cache_clear()
    r = cli("telephony", "twilio", "--number", "+15551234567", "--sip-uri", URI)
    assert r.exit_code != 0 and "401" in r.stderr and r.stderr.count("\n") == 1
    assert "Traceback" not in r.output


def test_missing_twilio_credentials(cli, monkeypatch) -> None:
    r = cli("telephony", "twilio", "--number", "+15551234567", "--sip-uri", URI)
    assert r.exit_code != 0 and "TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN not set" in r.stderr


def test_twilio_unreachable(cli, twilio: FakeTwilio, monkeypatch) -> None:
    def down(*args, **kwargs):
        raise requests.exceptions.ConnectionError("Failed to resolve 'trunking.twilio.com'")

    monkeypatch.setattr(twilio_trunk, "HTTP_CLIENT", lambda: type("Down", (), {"request": down})())
    r = cli("telephony", "twilio", "--number", "+15551234567", "--sip-uri", URI)
    assert r.exit_code != 0 and "cannot reach Twilio" in r.stderr and r.stderr.count("\n") == 1


def test_no_sip_uri_for_livekit_cloud(cli, twilio: FakeTwilio, monkeypatch) -> None:
    monkeypatch.setenv("LIVEKIT_URL", "wss://myproj-abc.livekit.cloud")
    get_settings.cache_clear()
    r = cli("telephony", "twilio", "--number", "+15551234567")
    assert r.exit_code != 0 and "LIVEKIT_SIP_URI" in r.stderr
    assert twilio.calls == []


def test_bad_domain_and_number(cli, twilio: FakeTwilio) -> None:
    r = cli("telephony", "twilio", "--number", "+15551234567", "--sip-uri", URI, "--domain", "x.example.com")
    assert r.exit_code != 0 and "pstn.twilio.com" in r.stderr
    r = cli("telephony", "twilio", "--number", "555-1234", "--sip-uri", URI)
    assert r.exit_code != 0 and "E.164" in r.stderr
    assert twilio.calls == []
