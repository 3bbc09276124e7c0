"""Hand a live call to a person (SIP REFER) and end calls.

The voice worker calls `transfer_call` when the dialogue's outcome is `transferred` (the caller asked
for a person, or Daisy failed too often), with DAISY_TRANSFER_TO as the destination.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from daisy.telephony.common import TelephonyError, e164

if TYPE_CHECKING:
    from livekit import api
    from livekit.protocol.sip import TransferSIPParticipantResponse


def transfer_target(transfer_to: str | None) -> str:
    """`tel:+E164` for a phone number; a `sip:`/`tel:` URI is kept as given."""
    if not transfer_to or not transfer_to.strip():
        raise TelephonyError("DAISY_TRANSFER_TO is not set: nowhere to transfer the call")
    target = transfer_to.strip()
    if target.startswith(("sip:", "sips:", "tel:")):
        return target
    return f"tel:{e164(target)}"


async def transfer_call(
    api: api.LiveKitAPI,
    room_name: str,
    participant_identity: str,
    transfer_to: str | None,
    *,
    ringing_timeout: int = 30,
) -> TransferSIPParticipantResponse:
    """Transfer the caller (the SIP participant `participant_identity` in `room_name`).

    The provider carries out the REFER, so Daisy's leg ends when it succeeds. A transfer the
    provider refuses raises TelephonyError, so the worker can tell the caller and keep the call.
    """
    from google.protobuf.duration_pb2 import Duration
    from livekit.api.twirp_client import ServerError
    from livekit.protocol.sip import SIPTransferStatus, TransferSIPParticipantRequest

    request = TransferSIPParticipantRequest(
        room_name=room_name,
        participant_identity=participant_identity,
        transfer_to=transfer_target(transfer_to),
        # The caller hears a ring while the operator's phone rings, not silence.
        play_dialtone=True,
        ringing_timeout=Duration(seconds=ringing_timeout),
    )
    try:
        response = await api.sip.transfer_sip_participant(request)
    except ServerError as e:
        raise TelephonyError(f"transfer to {request.transfer_to} failed: {e}") from None
    if response.status == SIPTransferStatus.STS_TRANSFER_FAILED:
        raise TelephonyError(f"transfer to {request.transfer_to} failed ({response.transfer_id})")
    return response


async def hang_up(api: api.LiveKitAPI, room_name: str) -> bool:
    """End the call by deleting its room (every participant, the phone leg included, is dropped).
    False if the room was already gone."""
    from livekit.api.twirp_client import ServerError
    from livekit.protocol.room import DeleteRoomRequest

    try:
        await api.room.delete_room(DeleteRoomRequest(room=room_name))
    except ServerError as e:
        if e.status == 404:
            return False
        raise
    return True
