"""Inbound calls: the LiveKit SIP inbound trunk for Daisy's number and the dispatch rule that gives
each call its own room (prefix `call-`) with Daisy's agent dispatched by name.

Setup is create-or-reuse: an existing trunk that already carries the number and an existing rule
that already routes that trunk the same way are kept, so running it twice creates nothing new.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from daisy.telephony.common import MANAGED_METADATA, TelephonyError, e164, is_managed

if TYPE_CHECKING:
    from livekit import api
    from livekit.protocol.sip import (
        CreateSIPDispatchRuleRequest,
        CreateSIPInboundTrunkRequest,
        SIPDispatchRuleInfo,
        SIPInboundTrunkInfo,
        SIPOutboundTrunkInfo,
    )

INBOUND_METADATA = json.dumps({"direction": "inbound"})
# An abandoned line (a pocket dial, a caller who put the phone down) would hold a worker job forever.
DEFAULT_MAX_CALL_MINUTES = 20.0
OPEN_TRUNK_WARNING = (
    "warning: this trunk accepts calls from any address without authentication; anyone who finds "
    "the SIP URI can call Daisy (give --allowed-address with your provider's ranges, or --auth-user)"
)


@dataclass
class SetupResult:
    trunk: SIPInboundTrunkInfo
    trunk_change: str  # created | updated | reused
    rule: SIPDispatchRuleInfo
    rule_change: str

    @property
    def warnings(self) -> list[str]:
        return [OPEN_TRUNK_WARNING] if is_open(self.trunk) else []


def is_open(trunk: SIPInboundTrunkInfo) -> bool:
    """No allowed addresses and no digest auth: any host on the internet may call in."""
    return not trunk.allowed_addresses and not trunk.auth_username


@dataclass
class Removed:
    trunks: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)


def trunk_request(
    number: str,
    name: str = "Daisy",
    allowed_addresses: list[str] | None = None,
    auth_user: str | None = None,
    auth_password: str | None = None,
    max_call_minutes: float = DEFAULT_MAX_CALL_MINUTES,
    sip_noise_cancellation: bool = False,
) -> CreateSIPInboundTrunkRequest:
    """`sip_noise_cancellation`: LiveKit's SIP service cleans the caller's audio (Krisp). Off when the
    worker runs its own canceller: one canceller only, two in a row damage speech."""
    from livekit.protocol.sip import CreateSIPInboundTrunkRequest, SIPInboundTrunkInfo

    if bool(auth_user) != bool(auth_password):
        raise TelephonyError("--auth-user and --auth-password go together")
    trunk = SIPInboundTrunkInfo(
        name=name,
        numbers=[e164(number)],
        allowed_addresses=_check_cidrs(allowed_addresses or []),
        auth_username=auth_user or "",
        auth_password=auth_password or "",
        metadata=MANAGED_METADATA,
        krisp_enabled=sip_noise_cancellation,
    )
    set_call_limits(trunk, max_call_minutes)
    return CreateSIPInboundTrunkRequest(trunk=trunk)


def set_call_limits(trunk: SIPInboundTrunkInfo, max_call_minutes: float) -> None:
    if max_call_minutes <= 0:
        raise TelephonyError("the maximum call duration must be more than 0 minutes")
    trunk.max_call_duration.FromSeconds(int(max_call_minutes * 60))


def rule_request(name: str = "Daisy", room_prefix: str = "call-") -> CreateSIPDispatchRuleRequest:
    """An individual rule (one room per call); the trunk and the agent are filled in by `setup`."""
    from livekit.protocol.sip import (
        CreateSIPDispatchRuleRequest,
        SIPDispatchRule,
        SIPDispatchRuleIndividual,
        SIPDispatchRuleInfo,
    )

    if not room_prefix:
        raise TelephonyError("the room prefix must not be empty")
    rule = SIPDispatchRule(dispatch_rule_individual=SIPDispatchRuleIndividual(room_prefix=room_prefix))
    info = SIPDispatchRuleInfo(rule=rule, name=name, metadata=MANAGED_METADATA)
    return CreateSIPDispatchRuleRequest(dispatch_rule=info)


def _check_cidrs(cidrs: list[str]) -> list[str]:
    import ipaddress

    for cidr in cidrs:
        try:
            ipaddress.ip_network(cidr, strict=False)
        except ValueError:
            raise TelephonyError(f"{cidr!r} is not an IP address or CIDR range") from None
    return cidrs


def _load_json(path: Path, what: str) -> dict[str, Any]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise TelephonyError(f"cannot read {what} {path}: {e.strerror or e}") from None
    except ValueError as e:
        raise TelephonyError(f"{what} {path} is not valid JSON: {e}") from None
    except RecursionError:
        raise TelephonyError(f"{what} {path} is nested too deeply to be LiveKit's JSON") from None
    if not isinstance(doc, dict):
        raise TelephonyError(f"{what} {path} must be a JSON object")
    return doc


def _parse(doc: dict[str, Any], message: Any, what: str, path: Path) -> Any:
    from google.protobuf.json_format import ParseDict, ParseError

    try:
        return ParseDict(doc, message)
    except ParseError as e:
        reason = str(e).splitlines()[0]
        raise TelephonyError(f"{what} {path} does not match LiveKit's format: {reason}") from None
    except RecursionError:
        raise TelephonyError(f"{what} {path} is nested too deeply to be LiveKit's JSON") from None


def requests_from_json(
    trunk_path: Path, rule_path: Path
) -> tuple[CreateSIPInboundTrunkRequest, CreateSIPDispatchRuleRequest]:
    """The two documents the original operators pasted into LiveKit, as they are.

    The trunk document is `{"trunk": {...}}` (a bare trunk object is accepted too); the rule document
    is a CreateSIPDispatchRuleRequest in LiveKit's JSON (camelCase or snake_case keys). Empty trunk
    ids in the rule (`"trunk_ids": [""]`) stand for "the trunk created here".
    """
    from livekit.protocol.sip import CreateSIPDispatchRuleRequest, CreateSIPInboundTrunkRequest

    trunk_doc = _load_json(trunk_path, "trunk document")
    if "trunk" not in trunk_doc:
        trunk_doc = {"trunk": trunk_doc}
    trunk_req = _parse(trunk_doc, CreateSIPInboundTrunkRequest(), "trunk document", trunk_path)
    if not trunk_req.trunk.numbers:
        raise TelephonyError(f"trunk document {trunk_path} has no phone numbers")
    normalized = [e164(n) for n in trunk_req.trunk.numbers]
    del trunk_req.trunk.numbers[:]
    trunk_req.trunk.numbers.extend(normalized)
    if not trunk_req.trunk.metadata:
        trunk_req.trunk.metadata = MANAGED_METADATA
    if not trunk_req.trunk.HasField("max_call_duration"):
        set_call_limits(trunk_req.trunk, DEFAULT_MAX_CALL_MINUTES)

    rule_doc = _load_json(rule_path, "rule document")
    rule_req = _parse(rule_doc, CreateSIPDispatchRuleRequest(), "rule document", rule_path)
    info = rule_info(rule_req)
    if info.rule.WhichOneof("rule") is None:
        raise TelephonyError(f"rule document {rule_path} has no rule (e.g. dispatchRuleIndividual)")
    return trunk_req, rule_req


def rule_info(req: CreateSIPDispatchRuleRequest) -> SIPDispatchRuleInfo:
    """The rule as one SIPDispatchRuleInfo, whether the request used `dispatch_rule` or the older
    top-level fields (the seed's document does)."""
    from livekit.protocol.sip import SIPDispatchRuleInfo

    if req.HasField("dispatch_rule"):
        info = SIPDispatchRuleInfo()
        info.CopyFrom(req.dispatch_rule)
        return info
    info = SIPDispatchRuleInfo(
        rule=req.rule,
        trunk_ids=req.trunk_ids,
        hide_phone_number=req.hide_phone_number,
        inbound_numbers=req.inbound_numbers,
        name=req.name,
        metadata=req.metadata,
        attributes=req.attributes,
        room_preset=req.room_preset,
    )
    if req.HasField("room_config"):
        info.room_config.CopyFrom(req.room_config)
    return info


def _complete_rule(info: SIPDispatchRuleInfo, trunk_id: str, agent_name: str) -> SIPDispatchRuleInfo:
    from livekit.protocol.agent_dispatch import RoomAgentDispatch

    ids = [t for t in info.trunk_ids if t] or [trunk_id]
    del info.trunk_ids[:]
    info.trunk_ids.extend(ids)
    if not info.metadata:
        info.metadata = MANAGED_METADATA
    # Daisy's worker registers with an agent name, which turns off automatic dispatch: the rule must
    # name the agent or calls would ring in an empty room.
    if not info.room_config.agents:
        info.room_config.agents.append(RoomAgentDispatch(agent_name=agent_name, metadata=INBOUND_METADATA))
    return info


def _same_routing(existing: SIPDispatchRuleInfo, wanted: SIPDispatchRuleInfo) -> bool:
    return (
        set(wanted.trunk_ids) <= set(existing.trunk_ids)
        and existing.rule == wanted.rule
        and [a.agent_name for a in existing.room_config.agents]
        == [a.agent_name for a in wanted.room_config.agents]
    )


async def setup(
    lk: api.LiveKitAPI,
    trunk_req: CreateSIPInboundTrunkRequest,
    rule_req: CreateSIPDispatchRuleRequest,
    agent_name: str,
) -> SetupResult:
    """Make the server route the number to Daisy, touching only what differs from the request."""
    from livekit.protocol.sip import (
        CreateSIPDispatchRuleRequest,
        ListSIPDispatchRuleRequest,
        ListSIPInboundTrunkRequest,
    )

    numbers = set(trunk_req.trunk.numbers)
    # Listing everything and filtering here works the same on every server version's filters.
    trunks = (await lk.sip.list_inbound_trunk(ListSIPInboundTrunkRequest())).items
    trunk = next((t for t in trunks if numbers & set(t.numbers)), None)
    trunk_change = "created"
    if trunk is None:
        trunk = await lk.sip.create_inbound_trunk(trunk_req)
    elif _access_differs(trunk, trunk_req.trunk):
        trunk = await lk.sip.update_inbound_trunk(trunk.sip_trunk_id, _with_access(trunk, trunk_req.trunk))
        trunk_change = "updated"
    else:
        trunk_change = "reused"

    wanted = _complete_rule(rule_info(rule_req), trunk.sip_trunk_id, agent_name)
    rules = (await lk.sip.list_dispatch_rule(ListSIPDispatchRuleRequest())).items
    rule = next((r for r in rules if _same_routing(r, wanted)), None)
    # A rule for this trunk alone that routes differently (an older setup, or the hand-made rule
    # of the original system without the agent) is replaced: LiveKit refuses two rules that
    # would both take the same calls.
    stale = next((r for r in rules if set(r.trunk_ids) == set(wanted.trunk_ids)), None)
    rule_change = "reused"
    if rule is None and stale is not None:
        rule = await lk.sip.update_dispatch_rule(stale.sip_dispatch_rule_id, wanted)
        rule_change = "updated"
    elif rule is None:
        rule = await lk.sip.create_dispatch_rule(CreateSIPDispatchRuleRequest(dispatch_rule=wanted))
        rule_change = "created"
    return SetupResult(trunk, trunk_change, rule, rule_change)


def _access_differs(existing: SIPInboundTrunkInfo, wanted: SIPInboundTrunkInfo) -> bool:
    return (
        set(existing.allowed_addresses) != set(wanted.allowed_addresses)
        or existing.auth_username != wanted.auth_username
        or existing.auth_password != wanted.auth_password
        or existing.max_call_duration != wanted.max_call_duration
        or existing.krisp_enabled != wanted.krisp_enabled
    )


def _with_access(existing: SIPInboundTrunkInfo, wanted: SIPInboundTrunkInfo) -> SIPInboundTrunkInfo:
    """The existing trunk (its name and all its numbers kept) with the requested access rules."""
    from livekit.protocol.sip import SIPInboundTrunkInfo

    merged = SIPInboundTrunkInfo()
    merged.CopyFrom(existing)
    merged.ClearField("allowed_addresses")
    merged.allowed_addresses.extend(wanted.allowed_addresses)
    merged.auth_username, merged.auth_password = wanted.auth_username, wanted.auth_password
    merged.max_call_duration.CopyFrom(wanted.max_call_duration)
    merged.krisp_enabled = wanted.krisp_enabled
    return merged


@dataclass
class Listing:
    inbound: list[SIPInboundTrunkInfo]
    outbound: list[SIPOutboundTrunkInfo]
    rules: list[SIPDispatchRuleInfo]


async def listing(lk: api.LiveKitAPI) -> Listing:
    from livekit.protocol.sip import (
        ListSIPDispatchRuleRequest,
        ListSIPInboundTrunkRequest,
        ListSIPOutboundTrunkRequest,
    )

    inbound = (await lk.sip.list_inbound_trunk(ListSIPInboundTrunkRequest())).items
    outbound = (await lk.sip.list_outbound_trunk(ListSIPOutboundTrunkRequest())).items
    rules = (await lk.sip.list_dispatch_rule(ListSIPDispatchRuleRequest())).items
    return Listing(list(inbound), list(outbound), list(rules))


async def remove(lk: api.LiveKitAPI, number: str | None = None) -> Removed:
    """Delete Daisy's trunks (inbound and outbound; only those carrying `number` if given) and the
    dispatch rules that route only those trunks. Trunks and rules created by hand are left alone
    unless named by number."""
    from livekit.protocol.sip import DeleteSIPDispatchRuleRequest, DeleteSIPTrunkRequest

    found = await listing(lk)
    trunks = [*found.inbound, *found.outbound]
    if number is not None:
        wanted = e164(number)
        doomed = [t for t in trunks if wanted in t.numbers]
    else:
        doomed = [t for t in trunks if is_managed(t.metadata)]
    ids = {t.sip_trunk_id for t in doomed}
    removed = Removed()
    for rule in found.rules:
        targets = set(rule.trunk_ids)
        if targets and targets <= ids or (number is None and not targets and is_managed(rule.metadata)):
            await lk.sip.delete_dispatch_rule(
                DeleteSIPDispatchRuleRequest(sip_dispatch_rule_id=rule.sip_dispatch_rule_id)
            )
            removed.rules.append(rule.sip_dispatch_rule_id)
    for trunk in doomed:
        await lk.sip.delete_trunk(DeleteSIPTrunkRequest(sip_trunk_id=trunk.sip_trunk_id))
        removed.trunks.append(trunk.sip_trunk_id)
    return removed


def describe_rule(rule: SIPDispatchRuleInfo) -> str:
    kind = rule.rule.WhichOneof("rule") or "none"
    detail = ""
    if kind == "dispatch_rule_individual":
        detail = f"individual, room prefix {rule.rule.dispatch_rule_individual.room_prefix!r}"
    elif kind == "dispatch_rule_direct":
        detail = f"direct, room {rule.rule.dispatch_rule_direct.room_name!r}"
    else:
        detail = kind.removeprefix("dispatch_rule_")
    agents = ", ".join(a.agent_name for a in rule.room_config.agents) or "none (automatic dispatch)"
    trunks = ", ".join(rule.trunk_ids) or "any trunk"
    return f"{rule.sip_dispatch_rule_id} {rule.name!r}: {detail}; agent {agents}; trunks {trunks}"


def describe_trunk(trunk: SIPInboundTrunkInfo) -> str:
    extras = []
    if trunk.allowed_addresses:
        extras.append(f"allowed {', '.join(trunk.allowed_addresses)}")
    if trunk.auth_username:
        extras.append(f"auth user {trunk.auth_username}")
    tail = f" ({'; '.join(extras)})" if extras else ""
    return f"{trunk.sip_trunk_id} {trunk.name!r}: {', '.join(trunk.numbers)}{tail}"


def describe_outbound(trunk: SIPOutboundTrunkInfo) -> str:
    auth = f", auth user {trunk.auth_username}" if trunk.auth_username else ""
    return f"{trunk.sip_trunk_id} {trunk.name!r}: {', '.join(trunk.numbers)} via {trunk.address}{auth}"
