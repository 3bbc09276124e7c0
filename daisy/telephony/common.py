"""What every telephony command shares: phone number checks, the LiveKit client, one-line errors."""

from __future__ import annotations

import asyncio
import json
import os
import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlparse

if TYPE_CHECKING:
    from livekit import api

    from daisy.settings import Settings

T = TypeVar("T")

# Marker stored in the metadata of the trunks and rules Daisy creates, so `remove` only deletes ours.
MANAGED_BY = {"managed_by": "daisy"}
MANAGED_METADATA = json.dumps(MANAGED_BY)

_E164 = re.compile(r"^\+[1-9]\d{7,14}$")
_SEPARATORS = re.compile(r"[\s().-]")


class TelephonyError(Exception):
    """A failure the user can act on; its message is one line, shown as is."""


def e164(number: str) -> str:
    """The number in E.164 form (spaces, dots, dashes and parentheses dropped), or TelephonyError."""
    compact = _SEPARATORS.sub("", number or "")
    if not _E164.match(compact):
        raise TelephonyError(f"{number!r} is not an E.164 phone number (like +525512345678)")
    return compact


NOISE_CANCELLATION = ("off", "agent", "sip")


def noise_cancellation_mode(settings: Settings) -> str:
    """Where the caller's audio is cleaned, if anywhere: one canceller only (DAISY_NOISE_CANCELLATION)."""
    mode = (settings.daisy_noise_cancellation or "off").strip().lower()
    if mode in ("", "0", "false", "no", "none"):
        return "off"
    if mode not in NOISE_CANCELLATION:
        raise TelephonyError(f"DAISY_NOISE_CANCELLATION={mode!r}: use one of {', '.join(NOISE_CANCELLATION)}")
    return mode


def is_managed(metadata: str) -> bool:
    try:
        data = json.loads(metadata) if metadata else None
    except ValueError:
        return False
    return isinstance(data, dict) and data.get("managed_by") == MANAGED_BY["managed_by"]


def require_livekit(settings: Settings) -> tuple[str, str, str]:
    missing = [
        name
        for name, value in (
            ("LIVEKIT_URL", settings.livekit_url),
            ("LIVEKIT_API_KEY", settings.livekit_api_key),
            ("LIVEKIT_API_SECRET", settings.livekit_api_secret),
        )
        if not value
    ]
    if missing:
        raise TelephonyError(f"{', '.join(missing)} not set (environment or .env)")
    assert settings.livekit_url and settings.livekit_api_key and settings.livekit_api_secret
    return settings.livekit_url, settings.livekit_api_key, settings.livekit_api_secret


def explain(exc: BaseException, url: str) -> str:
    """One line saying what went wrong talking to LiveKit."""
    import aiohttp
    from livekit.api.twirp_client import ServerError, SipCallError

    if isinstance(exc, SipCallError):
        return f"call failed: {exc}"
    if isinstance(exc, ServerError):
        if exc.status == 401:
            return (
                f"LiveKit at {url} rejected the credentials (401): check LIVEKIT_API_KEY/LIVEKIT_API_SECRET"
            )
        if exc.status == 403:
            return f"LiveKit at {url} refused the request (403): the API key lacks the needed permission"
        return f"LiveKit answered {exc.status} {exc.code}: {exc.message or 'no details'}"
    if isinstance(exc, asyncio.TimeoutError | TimeoutError):
        return f"LiveKit at {url} did not answer in time"
    if isinstance(exc, aiohttp.ClientError | OSError):
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return f"cannot reach LiveKit at {url}: {reason}"
    return f"{type(exc).__name__}: {exc}"


def livekit_errors() -> tuple[type[BaseException], ...]:
    """The exceptions that mean 'LiveKit said no or could not be reached', as opposed to bugs."""
    import aiohttp
    from livekit.api.twirp_client import ServerError

    return (ServerError, aiohttp.ClientError, OSError, asyncio.TimeoutError, TimeoutError)


async def with_livekit(settings: Settings, work: Callable[[api.LiveKitAPI], Awaitable[T]]) -> T:
    """Run `work` with a LiveKit client, turning transport and server errors into TelephonyError."""
    from livekit import api

    url, key, secret = require_livekit(settings)
    try:
        parts = urlparse(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError as e:  # "http://[::1": an unclosed IPv6 address
        raise TelephonyError(f"LIVEKIT_URL {url!r} is not a valid URL ({e})") from None
    if parts.scheme not in ("http", "https", "ws", "wss") or not parts.hostname:
        raise TelephonyError(f"LIVEKIT_URL {url!r} is not an http(s)/ws(s) URL")
    lk = api.LiveKitAPI(url, key, secret)
    try:
        return await work(lk)
    except livekit_errors() as e:
        raise TelephonyError(explain(e, url)) from None
    finally:
        await lk.aclose()


def run_livekit(settings: Settings, work: Callable[[api.LiveKitAPI], Awaitable[T]]) -> T:
    """Synchronous entry for CLI commands."""
    return asyncio.run(with_livekit(settings, work))


def sip_uri(settings: Settings) -> str | None:
    """The SIP URI Twilio must send calls to, when it can be known.

    LiveKit Cloud's SIP host is named after the project id, which the API URL does not carry, so for
    Cloud it comes from LIVEKIT_SIP_URI (shown in the project settings). A self-hosted server is
    assumed to run its SIP service on the same host.
    """
    explicit = os.environ.get("LIVEKIT_SIP_URI")
    if explicit:
        return explicit if explicit.startswith("sip:") else f"sip:{explicit}"
    try:
        host = urlparse(settings.livekit_url or "").hostname
    except ValueError:
        return None  # a broken LIVEKIT_URL is named by the command that uses it
    if not host or host.endswith(".livekit.cloud"):
        return None
    return f"sip:{host}"
