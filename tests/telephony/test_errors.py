"""Bad credentials, an unreachable server, bad input: one line on stderr, non-zero exit, no traceback."""

from __future__ import annotations

import json
import socket
import urllib.request

import pytest

from daisy.settings import get_settings

from .fake_livekit import API_KEY, API_SECRET, FakeLiveKit


def _one_line_error(result) -> str:
    assert result.exit_code != 0
    assert isinstance(result.exception, SystemExit), result.exception
    err = result.stderr.strip()
    assert err.startswith("daisy: error: ") and "\n" not in err, err
    assert "Traceback" not in result.output
    return err


def test_bad_credentials_give_401_line(cli, fake: FakeLiveKit, monkeypatch) -> None:
    monkeypatch.setenv("LIVEKIT_URL", fake.url)
    monkeypatch.setenv("LIVEKIT_API_KEY", API_KEY)
    monkeypatch.setenv("LIVEKIT_API_SECRET", "not-the-secret-but-long-enough-for-hs256-x")
    get_settings.cache_clear()
    err = _one_line_error(cli("telephony", "setup", "--number", "+15551234567"))
    assert "401" in err and "LIVEKIT_API_SECRET" in err
    assert fake.inbound == {}


def test_unknown_key_gives_401_line(cli, fake: FakeLiveKit, monkeypatch) -> None:
    monkeypatch.setenv("LIVEKIT_URL", fake.url)
    monkeypatch.setenv("LIVEKIT_API_KEY", "someone-else")
    monkeypatch.setenv("LIVEKIT_API_SECRET", API_SECRET)
    get_settings.cache_clear()
    assert "401" in _one_line_error(cli("telephony", "list"))


def test_unreachable_server(cli, monkeypatch) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("LIVEKIT_URL", f"http://127.0.0.1:{port}")
    monkeypatch.setenv("LIVEKIT_API_KEY", API_KEY)
    monkeypatch.setenv("LIVEKIT_API_SECRET", API_SECRET)
    get_settings.cache_clear()
    err = _one_line_error(cli("telephony", "list"))
    assert f"cannot reach LiveKit at http://127.0.0.1:{port}" in err


def test_missing_env(cli) -> None:
    err = _one_line_error(cli("telephony", "setup", "--number", "+15551234567"))
    assert "LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET not set" in err


@pytest.mark.parametrize("number", ["5551234567", "+0551234567", "+52 55 12", "+52abc1234567", ""])
def test_not_e164(cli, lk_env: FakeLiveKit, number: str) -> None:
    err = _one_line_error(cli("telephony", "setup", "--number", number))
    assert "E.164" in err
    assert lk_env.requests == []


def test_bad_cidr(cli, lk_env: FakeLiveKit) -> None:
    err = _one_line_error(
        cli("telephony", "setup", "--number", "+15551234567", "--allowed-address", "10.0.0/x")
    )
    assert "CIDR" in err


def test_auth_user_without_password(cli, lk_env: FakeLiveKit) -> None:
    assert "go together" in _one_line_error(
        cli("telephony", "setup", "--number", "+15551234567", "--auth-user", "u")
    )


def test_no_number_no_json(cli, lk_env: FakeLiveKit) -> None:
    assert "--number" in _one_line_error(cli("telephony", "setup"))


@pytest.mark.parametrize(
    ("trunk", "rule", "expected"),
    [
        ('{"trunk": {"name": "x", "numbers": ["+1234567890"]', "{}", "not valid JSON"),
        ('["+1234567890"]', "{}", "must be a JSON object"),
        ('{"trunk": {"nombre": "x"}}', "{}", "does not match LiveKit's format"),
        ('{"trunk": {"name": "x"}}', "{}", "no phone numbers"),
        ('{"trunk": {"numbers": ["12345"]}}', "{}", "E.164"),
        ('{"trunk": {"numbers": ["+1234567890"]}}', '{"rule": {}}', "has no rule"),
        (
            '{"trunk": {"numbers": ["+1234567890"]}}',
            '{"rule": {"dispatchRuleIndividual": 3}}',
            "LiveKit's format",
        ),
        ('{"trunk": {"numbers": ["+1234567890"]}}', "{'rule': 1}", "not valid JSON"),
    ],
)
def test_malformed_json_documents(
    cli, lk_env: FakeLiveKit, tmp_path, trunk: str, rule: str, expected: str
) -> None:
    (tmp_path / "t.json").write_text(trunk)
    (tmp_path / "r.json").write_text(rule)
    err = _one_line_error(
        cli("telephony", "setup", "--from-json", str(tmp_path / "t.json"), str(tmp_path / "r.json"))
    )
    assert expected in err
    assert lk_env.requests == []


def test_missing_json_file(cli, lk_env: FakeLiveKit, tmp_path) -> None:
    (tmp_path / "r.json").write_text("{}")
    err = _one_line_error(
        cli("telephony", "setup", "--from-json", str(tmp_path / "nope.json"), str(tmp_path / "r.json"))
    )
    assert "cannot read" in err or "does not exist" in err


def test_fake_server_speaks_json_too(fake: FakeLiveKit) -> None:
    """The server API also takes JSON bodies (as LiveKit's docs show with curl)."""
    from livekit import api

    token = api.AccessToken(API_KEY, API_SECRET).with_sip_grants(api.SIPGrants(admin=True)).to_jwt()
    body = json.dumps({"trunk": {"name": "curl", "numbers": ["+15551234567"]}}).encode()
    req = urllib.request.Request(
        f"{fake.url}/twirp/livekit.SIP/CreateSIPInboundTrunk",
        data=body,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=5) as resp:
        answer = json.loads(resp.read())
    assert answer["numbers"] == ["+15551234567"] and answer["sipTrunkId"].startswith("ST_")
