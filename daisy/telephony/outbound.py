"""Outbound calls: Daisy dials a driver.

One call = one room: the room is created, Daisy's agent is dispatched into it by name with the call's
metadata (so the worker knows it is an outbound call, to whom, and under which call id to record
it), then the phone is dialled into the same room through the outbound SIP trunk.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from daisy.telephony.common import MANAGED_METADATA, TelephonyError, e164, is_managed

if TYPE_CHECKING:
    from livekit import api
    from livekit.protocol.sip import SIPOutboundTrunkInfo


@dataclass(frozen=True)
class TrunkSpec:
    """What an outbound trunk needs if one must be created (the provider's termination side)."""

    number: str | None = None  # caller id shown to the driver, E.164
    address: str | None = None  # e.g. the Twilio termination domain daisy.pstn.twilio.com
    auth_user: str | None = None
    auth_password: str | None = None
    name: str = "Daisy outbound"


@dataclass
class DialResult:
    phone_number: str
    call_id: str
    room_name: str
    answered: bool
    participant_identity: str = ""
    sip_call_id: str = ""
    dispatch_id: str = ""
    sip_status: str = ""  # e.g. "486 Busy Here" when the call failed
    error: str = ""
    sip_code: int = 0

    @property
    def unanswered_outcome(self) -> str:
        """The call's outcome when nobody talked: `busy`, `no_answer`, or "" (answered, or another
        failure such as a refused trunk, which is no fault of the driver)."""
        if self.answered:
            return ""
        if self.sip_code in BUSY_CODES:
            return "busy"
        if self.sip_code in NO_ANSWER_CODES or "timeout" in self.error.lower():
            return "no_answer"
        return ""


# SIP final responses: the callee was busy or declined / nobody picked up before the timeout.
BUSY_CODES = {486, 600, 603}
NO_ANSWER_CODES = {408, 480, 487}


def call_metadata(phone_number: str, call_id: str) -> str:
    return json.dumps({"direction": "outbound", "phone_number": phone_number, "call_id": call_id})


def participant_identity(phone_number: str) -> str:
    return f"sip_{phone_number.lstrip('+')}"


async def ensure_outbound_trunk(lk: api.LiveKitAPI, spec: TrunkSpec) -> tuple[SIPOutboundTrunkInfo, bool]:
    """Reuse the outbound trunk for the caller id (or the only/ours one), else create it."""
    from livekit.protocol.sip import (
        CreateSIPOutboundTrunkRequest,
        ListSIPOutboundTrunkRequest,
        SIPOutboundTrunkInfo,
    )

    number = e164(spec.number) if spec.number else None
    trunks = list((await lk.sip.list_outbound_trunk(ListSIPOutboundTrunkRequest())).items)
    fits = [
        t
        for t in trunks
        if (number is None or number in t.numbers) and (not spec.address or t.address == spec.address)
    ]
    # With several candidates, prefer the one Daisy made.
    fits.sort(key=lambda t: not is_managed(t.metadata))
    if fits:
        return fits[0], False
    if not number or not spec.address:
        raise TelephonyError(
            "no outbound SIP trunk to dial with: give --from-number and --trunk-address "
            "(the provider's termination domain, e.g. daisy.pstn.twilio.com)"
        )
    if bool(spec.auth_user) != bool(spec.auth_password):
        raise TelephonyError("--trunk-user and --trunk-password go together")
    trunk = SIPOutboundTrunkInfo(
        name=spec.name,
        address=spec.address,
        numbers=[number],
        auth_username=spec.auth_user or "",
        auth_password=spec.auth_password or "",
        metadata=MANAGED_METADATA,
    )
    created = await lk.sip.create_outbound_trunk(CreateSIPOutboundTrunkRequest(trunk=trunk))
    return created, True


async def dial(
    lk: api.LiveKitAPI,
    phone_number: str,
    trunk_id: str,
    agent_name: str,
    *,
    call_id: str | None = None,
    room_prefix: str = "call-",
    ringing_timeout: int = 30,
    max_call_minutes: float = 20.0,
    sip_noise_cancellation: bool = False,
) -> DialResult:
    """Dial one driver. Returns when the driver answered or the call failed (busy, no answer...).

    A refused call is a result, not an exception; credentials or an unreachable server still raise.
    """
    from google.protobuf.duration_pb2 import Duration
    from livekit.api.twirp_client import SipCallError
    from livekit.protocol.agent_dispatch import CreateAgentDispatchRequest
    from livekit.protocol.room import CreateRoomRequest
    from livekit.protocol.sip import CreateSIPParticipantRequest

    from daisy.telephony.transfer import hang_up

    number = e164(phone_number)
    call_id = call_id or uuid.uuid4().hex
    room_name = f"{room_prefix}{call_id}"
    identity = participant_identity(number)
    # The room closes by itself shortly after everyone left, or if the phone never joins.
    await lk.room.create_room(CreateRoomRequest(name=room_name, empty_timeout=120, departure_timeout=20))
    dispatch = await lk.agent_dispatch.create_dispatch(
        CreateAgentDispatchRequest(
            agent_name=agent_name, room=room_name, metadata=call_metadata(number, call_id)
        )
    )
    request = CreateSIPParticipantRequest(
        sip_trunk_id=trunk_id,
        sip_call_to=number,
        room_name=room_name,
        participant_identity=identity,
        participant_name=number,
        participant_metadata=call_metadata(number, call_id),
        # Waiting for the answer turns "busy" and "no answer" into a result we can record and retry.
        wait_until_answered=True,
        ringing_timeout=Duration(seconds=ringing_timeout),
        # an answering machine that never hangs up, or a line left open, does not hold a job forever
        max_call_duration=Duration(seconds=int(max_call_minutes * 60)),
        krisp_enabled=sip_noise_cancellation,  # only when the worker runs no canceller of its own
    )
    result = DialResult(number, call_id, room_name, answered=False, participant_identity=identity)
    result.dispatch_id = dispatch.id
    try:
        info = await lk.sip.create_sip_participant(request)
    except SipCallError as e:
        code, reason = e.sip_status_code, e.sip_status or ""
        result.sip_status = f"{code} {reason}".strip() if code else reason
        result.sip_code = int(code or 0)
        result.error = str(e)
        # Nobody to talk to: free the agent at once instead of waiting for the room to time out.
        try:
            await hang_up(lk, room_name)
        except Exception:  # noqa: BLE001 (the dial already failed; the room also times out by itself)
            pass
        return result
    result.answered = True
    result.sip_call_id = info.sip_call_id
    return result
