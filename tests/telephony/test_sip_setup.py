from __future__ import annotations

import json

from livekit.protocol import sip

from .fake_livekit import FakeLiveKit

SEED_RULE = {
    "name": "Daisy Demo",
    "trunk_ids": [""],
    "rule": {"dispatchRuleIndividual": {"roomPrefix": "call-"}},
}
SEED_TRUNK = {"trunk": {"name": "My inbound trunk", "numbers": ["+1234567890"]}}


def test_setup_creates_trunk_and_individual_rule(cli, lk_env: FakeLiveKit) -> None:
    r = cli("telephony", "setup", "--number", "+1 555 123 4567", "--allowed-address", "54.172.60.0/30")
    assert r.exit_code == 0, r.output
    [trunk_req] = lk_env.sent("CreateSIPInboundTrunk")
    assert list(trunk_req.trunk.numbers) == ["+15551234567"]
    assert trunk_req.trunk.name == "Daisy"
    assert list(trunk_req.trunk.allowed_addresses) == ["54.172.60.0/30"]
    assert json.loads(trunk_req.trunk.metadata) == {"managed_by": "daisy"}
    [rule_req] = lk_env.sent("CreateSIPDispatchRule")
    rule = rule_req.dispatch_rule
    [trunk_id] = lk_env.inbound
    assert list(rule.trunk_ids) == [trunk_id]
    assert rule.rule.WhichOneof("rule") == "dispatch_rule_individual"
    assert rule.rule.dispatch_rule_individual.room_prefix == "call-"
    [agent] = rule.room_config.agents
    assert agent.agent_name == "daisy"
    assert json.loads(agent.metadata) == {"direction": "inbound"}
    assert "created" in r.output and trunk_id in r.output
    # Every request went as protobuf, with a token signed by the test secret.
    assert set(lk_env.content_types) == {"application/protobuf"}


def test_setup_twice_creates_nothing_new(cli, lk_env: FakeLiveKit) -> None:
    args = ("telephony", "setup", "--number", "+15551234567", "--room-prefix", "daisy-")
    assert cli(*args).exit_code == 0
    second = cli(*args)
    assert second.exit_code == 0, second.output
    assert len(lk_env.sent("CreateSIPInboundTrunk")) == 1
    assert len(lk_env.sent("CreateSIPDispatchRule")) == 1
    assert len(lk_env.inbound) == 1 and len(lk_env.rules) == 1
    assert second.output.count("reused") == 2


def test_setup_other_prefix_updates_the_rule_and_reuses_trunk(cli, lk_env: FakeLiveKit) -> None:
    assert cli("telephony", "setup", "--number", "+15551234567").exit_code == 0
    r = cli("telephony", "setup", "--number", "+15551234567", "--room-prefix", "other-")
    assert r.exit_code == 0, r.output
    assert len(lk_env.inbound) == 1 and len(lk_env.rules) == 1
    [rule] = lk_env.rules.values()
    assert rule.rule.dispatch_rule_individual.room_prefix == "other-"
    [update] = lk_env.sent("UpdateSIPDispatchRule")
    assert update.replace.room_config.agents[0].agent_name == "daisy"
    assert "updated" in r.output


def test_hand_made_seed_rule_gets_the_agent(cli, lk_env: FakeLiveKit) -> None:
    """The original system's rule (prefix call-, no agent named) is upgraded in place, not duplicated."""
    lk_env.inbound["ST_hand"] = sip.SIPInboundTrunkInfo(sip_trunk_id="ST_hand", numbers=["+15551234567"])
    lk_env.rules["SDR_hand"] = sip.SIPDispatchRuleInfo(
        sip_dispatch_rule_id="SDR_hand",
        name="Daisy Demo",
        trunk_ids=["ST_hand"],
        rule=sip.SIPDispatchRule(dispatch_rule_individual=sip.SIPDispatchRuleIndividual(room_prefix="call-")),
    )
    assert cli("telephony", "setup", "--number", "+15551234567").exit_code == 0
    assert list(lk_env.rules) == ["SDR_hand"]
    assert lk_env.rules["SDR_hand"].room_config.agents[0].agent_name == "daisy"
    assert lk_env.sent("CreateSIPDispatchRule") == []


def test_changed_access_rules_update_the_trunk(cli, lk_env: FakeLiveKit) -> None:
    lk_env.inbound["ST_hand"] = sip.SIPInboundTrunkInfo(
        sip_trunk_id="ST_hand", name="shared", numbers=["+15551234567", "+15550000000"]
    )
    args = ("telephony", "setup", "--number", "+15551234567", "--allowed-address", "54.172.60.0/30")
    r = cli(*args)
    assert r.exit_code == 0, r.output
    trunk = lk_env.inbound["ST_hand"]
    assert list(trunk.allowed_addresses) == ["54.172.60.0/30"]
    assert trunk.name == "shared" and list(trunk.numbers) == ["+15551234567", "+15550000000"]  # kept
    assert len(lk_env.sent("UpdateSIPInboundTrunk")) == 1
    assert cli(*args).exit_code == 0
    assert len(lk_env.sent("UpdateSIPInboundTrunk")) == 1  # nothing changes the second time


def test_setup_agent_name_from_settings(cli, lk_env: FakeLiveKit, monkeypatch) -> None:
    from daisy.settings import get_settings

    monkeypatch.setenv("DAISY_AGENT_NAME", "daisy-prod")
    get_settings.cache_clear()
    assert cli("telephony", "setup", "--number", "+15551234567").exit_code == 0
    [rule] = lk_env.rules.values()
    assert rule.room_config.agents[0].agent_name == "daisy-prod"


def test_setup_with_auth(cli, lk_env: FakeLiveKit) -> None:
    r = cli("telephony", "setup", "--number", "+15551234567", "--auth-user", "u", "--auth-password", "p")
    assert r.exit_code == 0
    [req] = lk_env.sent("CreateSIPInboundTrunk")
    assert (req.trunk.auth_username, req.trunk.auth_password) == ("u", "p")


def test_from_json_takes_the_seed_documents(cli, lk_env: FakeLiveKit, tmp_path) -> None:
    trunk_file, rule_file = tmp_path / "trunk.json", tmp_path / "rule.json"
    trunk_file.write_text(json.dumps(SEED_TRUNK, indent=2))
    rule_file.write_text(json.dumps(SEED_RULE, indent=4) + "   \n")
    r = cli("telephony", "setup", "--from-json", str(trunk_file), str(rule_file))
    assert r.exit_code == 0, r.output
    [trunk_req] = lk_env.sent("CreateSIPInboundTrunk")
    assert trunk_req.trunk.name == "My inbound trunk"
    assert list(trunk_req.trunk.numbers) == ["+1234567890"]
    [rule_req] = lk_env.sent("CreateSIPDispatchRule")
    [trunk_id] = lk_env.inbound
    assert rule_req.dispatch_rule.name == "Daisy Demo"
    assert list(rule_req.dispatch_rule.trunk_ids) == [trunk_id]  # "" stood for the new trunk
    assert rule_req.dispatch_rule.rule.dispatch_rule_individual.room_prefix == "call-"
    assert rule_req.dispatch_rule.room_config.agents[0].agent_name == "daisy"
    again = cli("telephony", "setup", "--from-json", str(trunk_file), str(rule_file))
    assert again.exit_code == 0
    assert len(lk_env.inbound) == 1 and len(lk_env.rules) == 1


def test_existing_hand_made_trunk_is_reused(cli, lk_env: FakeLiveKit) -> None:
    lk_env.inbound["ST_hand"] = sip.SIPInboundTrunkInfo(
        sip_trunk_id="ST_hand", name="manual", numbers=["+15551234567"]
    )
    assert cli("telephony", "setup", "--number", "+15551234567").exit_code == 0
    assert lk_env.sent("CreateSIPInboundTrunk") == []
    [rule] = lk_env.rules.values()
    assert list(rule.trunk_ids) == ["ST_hand"]


def test_list_and_remove(cli, lk_env: FakeLiveKit) -> None:
    lk_env.inbound["ST_hand"] = sip.SIPInboundTrunkInfo(
        sip_trunk_id="ST_hand", name="manual", numbers=["+15550000000"]
    )
    lk_env.outbound["ST_out"] = sip.SIPOutboundTrunkInfo(
        sip_trunk_id="ST_out",
        numbers=["+15551234567"],
        address="d.pstn.twilio.com",
        metadata='{"managed_by": "daisy"}',
    )
    lk_env.outbound["ST_out_hand"] = sip.SIPOutboundTrunkInfo(
        sip_trunk_id="ST_out_hand", numbers=["+15550000000"]
    )
    assert cli("telephony", "setup", "--number", "+15551234567").exit_code == 0
    listed = cli("telephony", "list")
    assert listed.exit_code == 0
    assert "outbound trunks (2):" in listed.output and "via d.pstn.twilio.com" in listed.output
    assert "+15551234567" in listed.output and "+15550000000" in listed.output
    assert "room prefix 'call-'" in listed.output and "[daisy]" in listed.output
    removed = cli("telephony", "remove")
    assert removed.exit_code == 0, removed.output
    assert list(lk_env.inbound) == ["ST_hand"]  # the hand-made trunk stays
    assert lk_env.rules == {} and list(lk_env.outbound) == ["ST_out_hand"]
    assert cli("telephony", "remove").output.strip() == "nothing to remove"


def test_remove_by_number(cli, lk_env: FakeLiveKit) -> None:
    assert cli("telephony", "setup", "--number", "+15551234567").exit_code == 0
    assert cli("telephony", "setup", "--number", "+15557654321").exit_code == 0
    assert cli("telephony", "remove", "--number", "+15557654321").exit_code == 0
    assert [list(t.numbers) for t in lk_env.inbound.values()] == [["+15551234567"]]
    assert len(lk_env.rules) == 1


def test_from_json_bare_trunk_and_number_override(cli, lk_env: FakeLiveKit, tmp_path) -> None:
    (tmp_path / "t.json").write_text(
        json.dumps({"name": "bare", "numbers": ["+1234567890"], "krispEnabled": True})
    )
    rule = {"dispatchRule": {"name": "new style", "rule": {"dispatchRuleIndividual": {"roomPrefix": "drv-"}}}}
    (tmp_path / "r.json").write_text(json.dumps(rule))
    r = cli(
        "telephony",
        "setup",
        "--from-json",
        str(tmp_path / "t.json"),
        str(tmp_path / "r.json"),
        "--number",
        "+15551234567",
    )
    assert r.exit_code == 0, r.output
    [trunk] = lk_env.inbound.values()
    assert trunk.name == "bare" and list(trunk.numbers) == ["+15551234567"] and trunk.krisp_enabled
    [created] = lk_env.rules.values()
    assert created.name == "new style" and created.rule.dispatch_rule_individual.room_prefix == "drv-"
    assert list(created.trunk_ids) == [trunk.sip_trunk_id]


def test_trunk_ends_calls_after_the_maximum_duration(cli, lk_env: FakeLiveKit, monkeypatch) -> None:
    from daisy.settings import get_settings

    r = cli("telephony", "setup", "--number", "+15551234567", "--allowed-address", "54.172.60.0/30")
    assert r.exit_code == 0, r.output
    [req] = lk_env.sent("CreateSIPInboundTrunk")
    assert req.trunk.max_call_duration.seconds == 20 * 60  # an abandoned line does not hold a job
    assert req.trunk.krisp_enabled is False  # no second canceller unless asked for
    # an existing trunk without the limit (or another one) is updated, its numbers kept
    monkeypatch.setenv("DAISY_MAX_CALL_MINUTES", "45")
    monkeypatch.setenv("DAISY_NOISE_CANCELLATION", "sip")
    get_settings.cache_clear()
    r = cli("telephony", "setup", "--number", "+15551234567", "--allowed-address", "54.172.60.0/30")
    assert r.exit_code == 0, r.output
    [(trunk_id, trunk)] = lk_env.inbound.items()
    assert trunk.max_call_duration.seconds == 45 * 60 and trunk.krisp_enabled is True
    assert "updated" in r.output
    r = cli("telephony", "setup", "--number", "+15551234567", "--max-call-minutes", "0")
    assert r.exit_code != 0 and "more than 0 minutes" in r.stderr


def test_an_open_trunk_is_warned_about(cli, lk_env: FakeLiveKit) -> None:
    r = cli("telephony", "setup", "--number", "+15551234567")
    assert r.exit_code == 0, r.output
    assert "accepts calls from any address without authentication" in r.stderr
    r = cli("telephony", "setup", "--number", "+15551234567", "--auth-user", "twilio",
            "--auth-password", "pw")
    assert r.exit_code == 0 and "any address" not in r.stderr


def test_unknown_noise_cancellation_setting_is_one_line(cli, lk_env: FakeLiveKit, monkeypatch) -> None:
    from daisy.settings import get_settings

    monkeypatch.setenv("DAISY_NOISE_CANCELLATION", "both")
    get_settings.cache_clear()
    r = cli("telephony", "setup", "--number", "+15551234567")
    assert r.exit_code != 0 and "DAISY_NOISE_CANCELLATION" in r.stderr and r.stderr.count("\n") == 1
