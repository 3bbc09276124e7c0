"""Recording a call with LiveKit Egress (DAISY_RECORD=1): one audio-only room composite per call,
written as Ogg/Opus to a file on the egress service or to an S3 bucket.

    egress_id, stored = await start_recording(lk, settings, "call-abc", call_id)

`stored` is what the call record keeps and the dashboard plays: `recordings/<file>` (the egress
service writes into the directory mounted as the dashboard's DAISY_DATA_DIR/recordings), the
object's URL under DAISY_RECORD_URL, or `s3://bucket/key` when the bucket has no public URL. The
room composite ends by itself when the room is deleted at the call's end.
"""

from __future__ import annotations

import asyncio
import logging
import string
from pathlib import PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from livekit.protocol import egress as eg

from daisy.telephony.common import TelephonyError, explain

if TYPE_CHECKING:
    from livekit import api

    from daisy.records.store import Store
    from daisy.settings import Settings

log = logging.getLogger("daisy.recording")

PLACES = ("call_id", "room")


def file_path(settings: Settings, call_id: str, room: str) -> str:
    """DAISY_RECORD_PATH filled in; TelephonyError (one line) for a template that cannot be."""
    template = settings.daisy_record_path or ""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError:
        raise TelephonyError("DAISY_RECORD_PATH has an unmatched brace") from None
    unknown = [n for n in names if n not in PLACES]
    if unknown:
        raise TelephonyError(f"DAISY_RECORD_PATH may use {{call_id}} and {{room}}, not {{{unknown[0][:40]}}}")
    path = template.format(call_id=call_id, room=room)
    if not path.strip() or path.endswith("/") or ".." in PurePosixPath(path).parts:
        raise TelephonyError("DAISY_RECORD_PATH must name a file, without '..'")
    return path


def _s3(settings: Settings) -> eg.S3Upload | None:
    if not settings.daisy_record_s3_bucket:
        return None
    if not (settings.daisy_record_s3_access_key and settings.daisy_record_s3_secret):
        raise TelephonyError("DAISY_RECORD_S3_BUCKET is set but DAISY_RECORD_S3_ACCESS_KEY or "
                             "DAISY_RECORD_S3_SECRET is not")
    return eg.S3Upload(
        bucket=settings.daisy_record_s3_bucket,
        region=settings.daisy_record_s3_region or "",
        endpoint=settings.daisy_record_s3_endpoint or "",
        access_key=settings.daisy_record_s3_access_key,
        secret=settings.daisy_record_s3_secret,
        # MinIO and most S3-compatible services address buckets by path, not by host name.
        force_path_style=bool(settings.daisy_record_s3_endpoint),
    )


def egress_request(settings: Settings, room: str, call_id: str) -> eg.RoomCompositeEgressRequest:
    """The request LiveKit gets: the room's mixed audio only (no video is rendered), one Ogg file."""
    filepath = file_path(settings, call_id, room)
    output = eg.EncodedFileOutput(file_type=eg.EncodedFileType.OGG, filepath=filepath)
    s3 = _s3(settings)
    if s3 is not None:
        output.s3.CopyFrom(s3)
    return eg.RoomCompositeEgressRequest(room_name=room, audio_only=True, file_outputs=[output])


def stored_location(settings: Settings, filepath: str) -> str:
    """What the call record keeps for the dashboard to play (see the module's docstring)."""
    if settings.daisy_record_s3_bucket:
        base = (settings.daisy_record_url or "").rstrip("/")
        if base:
            if urlsplit(base).scheme not in ("http", "https"):
                raise TelephonyError("DAISY_RECORD_URL must be an http:// or https:// URL")
            return f"{base}/{quote(filepath.lstrip('/'))}"
        return f"s3://{settings.daisy_record_s3_bucket}/{filepath.lstrip('/')}"
    return f"recordings/{PurePosixPath(filepath).name}"


def recording_problem(settings: Settings) -> str | None:
    """DAISY_RECORD_* settings that no call could be recorded with, in one line (checked when the
    worker starts, so that a typo does not leave every call unrecorded)."""
    try:
        stored_location(settings, egress_request(settings, "call-check", "check").file_outputs[0].filepath)
    except TelephonyError as e:
        return str(e)
    return None


async def start_recording(lk: api.LiveKitAPI, settings: Settings, room: str, call_id: str) -> tuple[str, str]:
    """Start the room's egress; (egress id, stored location). TelephonyError for a bad setting;
    the client's errors (the server refused) pass through for the caller to log."""
    request = egress_request(settings, room, call_id)
    stored = stored_location(settings, request.file_outputs[0].filepath)
    info = await lk.egress.start_room_composite_egress(request)
    return info.egress_id, stored


async def record_call(
    lk: api.LiveKitAPI,
    settings: Settings,
    room: str,
    call_id: str,
    store: Store | None = None,
    *,
    tries: int = 40,
    pause_s: float = 0.25,
) -> str | None:
    """The worker's step once a call is under way: start the egress and keep its id and location
    with the call. Never raises (a call goes on unrecorded rather than not at all); the egress id,
    or None when nothing could be started."""
    try:
        egress_id, stored = await start_recording(lk, settings, room, call_id)
    except TelephonyError as e:
        log.error("recording: %s", e)
        return None
    except Exception as e:  # noqa: BLE001 - LiveKit refused or could not be reached
        reason = explain(e, settings.livekit_url or "LiveKit")
        log.error("recording: call %s not recorded: %s", call_id, reason)
        return None
    try:
        if store is None:
            from daisy.records import open_store

            store = open_store(settings.database_url)
        # The call's row is written when Daisy's greeting starts, which may still be under way.
        for _ in range(tries):
            if await asyncio.to_thread(store.set_recording, call_id, stored, egress_id):
                log.info("recording: call %s egress %s", call_id, egress_id)
                return egress_id
            await asyncio.sleep(pause_s)
        log.error("recording: egress %s started but call %s is not in the records", egress_id, call_id)
    except Exception as e:  # noqa: BLE001 - the database is down: the egress records all the same
        log.error("recording: egress %s for call %s not stored: %s", egress_id, call_id, type(e).__name__)
    return egress_id
