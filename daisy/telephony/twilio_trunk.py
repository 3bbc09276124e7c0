"""Twilio side of inbound (and outbound) calls: an Elastic SIP Trunk whose origination URI is
LiveKit's SIP URI, with Daisy's number attached. Create-or-reuse, like the LiveKit side.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from daisy.telephony.common import TelephonyError, e164

if TYPE_CHECKING:
    from twilio.http import HttpClient
    from twilio.rest import Client

# Tests swap in a transport that never leaves the process; None means the SDK's own (requests).
HTTP_CLIENT: Callable[[], HttpClient] | None = None
# Daisy hands a caller to a person with a SIP REFER to a phone number (tel:): Twilio refuses it
# unless the trunk allows transfers to the phone network ("enable-all"; "sip-only" is not enough).
TRANSFER_MODE = "enable-all"
# The transferred caller sees the driver's own number, as a direct call from them would show.
TRANSFER_CALLER_ID = "from-transferee"


@dataclass(frozen=True)
class TwilioPlan:
    number: str
    sip_uri: str
    trunk_name: str
    domain: str  # <something>.pstn.twilio.com: also the termination address for outbound calls
    outbound_user: str | None = None  # LiveKit authenticates with these when it dials out
    outbound_password: str | None = None

    def steps(self) -> list[str]:
        steps = [
            f"find or create the Elastic SIP Trunk {self.trunk_name!r} (domain {self.domain}) with call "
            f"transfer to phone numbers enabled ({TRANSFER_MODE})",
            f"find or add its origination URI {self.sip_uri} (calls from the phone network go to LiveKit)",
            f"find {self.number} among the account's numbers and attach it to the trunk",
        ]
        if self.outbound_user:
            steps.append(
                f"find or create the credential list {self.credential_list_name!r} with user "
                f"{self.outbound_user!r} and attach it to the trunk (LiveKit dials out through {self.domain})"
            )
        return steps

    @property
    def credential_list_name(self) -> str:
        return f"{self.trunk_name} outbound"


def _check_password(password: str) -> None:
    # Twilio's rule for SIP credentials, checked here to fail before any request is made.
    if (
        len(password) < 12
        or not re.search(r"\d", password)
        or password.lower() == password
        or password.upper() == password
    ):
        raise TelephonyError(
            "--outbound-password needs 12+ characters with a digit and mixed case (Twilio's rule)"
        )


def plan(
    number: str,
    sip_uri: str,
    trunk_name: str = "Daisy",
    domain: str | None = None,
    outbound_user: str | None = None,
    outbound_password: str | None = None,
) -> TwilioPlan:
    number = e164(number)
    if not sip_uri.startswith("sip:"):
        sip_uri = f"sip:{sip_uri}"
    if ";transport=" not in sip_uri:
        # LiveKit's SIP service takes TCP; over UDP a large INVITE (many codecs, headers) fragments
        # and calls fail at random.
        sip_uri = f"{sip_uri};transport=tcp"
    if domain is None:
        slug = re.sub(r"[^a-z0-9]+", "-", trunk_name.lower()).strip("-") or "daisy"
        domain = f"{slug}-{number.lstrip('+')}.pstn.twilio.com"
    if not domain.endswith(".pstn.twilio.com"):
        raise TelephonyError(f"the trunk domain must end in .pstn.twilio.com (got {domain!r})")
    if bool(outbound_user) != bool(outbound_password):
        raise TelephonyError("--outbound-user and --outbound-password go together")
    if outbound_password:
        _check_password(outbound_password)
    return TwilioPlan(number, sip_uri, trunk_name, domain, outbound_user, outbound_password)


def connect(account_sid: str | None, auth_token: str | None) -> Client:
    from twilio.rest import Client

    missing = [
        n for n, v in (("TWILIO_ACCOUNT_SID", account_sid), ("TWILIO_AUTH_TOKEN", auth_token)) if not v
    ]
    if missing:
        raise TelephonyError(f"{', '.join(missing)} not set (environment or .env)")
    http = HTTP_CLIENT() if HTTP_CLIENT is not None else None
    return Client(account_sid, auth_token, http_client=http)


def apply(client: Client, p: TwilioPlan) -> list[str]:
    """Carry out the plan; one line per step saying what was created or reused."""
    try:
        return _apply(client, p)
    except TelephonyError:
        raise
    except Exception as e:  # noqa: BLE001 (converted below; anything else is re-raised)
        raise TelephonyError(_explain(e)) from e


def _apply(client: Client, p: TwilioPlan) -> list[str]:
    done: list[str] = []
    trunks = client.trunking.v1.trunks
    trunk = next((t for t in trunks.list() if t.domain_name == p.domain), None)
    if trunk is None:
        trunk = trunks.create(friendly_name=p.trunk_name, domain_name=p.domain, transfer_mode=TRANSFER_MODE,
                              transfer_caller_id=TRANSFER_CALLER_ID)
        done.append(f"trunk {trunk.sid} ({p.domain}): created, transfers {TRANSFER_MODE}")
    elif trunk.transfer_mode != TRANSFER_MODE:
        trunks(trunk.sid).update(transfer_mode=TRANSFER_MODE, transfer_caller_id=TRANSFER_CALLER_ID)
        done.append(f"trunk {trunk.sid} ({p.domain}): reused, transfers now {TRANSFER_MODE}")
    else:
        done.append(f"trunk {trunk.sid} ({p.domain}): reused")
    this = trunks(trunk.sid)

    urls = this.origination_urls.list()
    same_host = [u for u in urls if _without_params(u.sip_url) == _without_params(p.sip_uri)]
    if any(u.sip_url == p.sip_uri for u in urls):
        done.append(f"origination URI {p.sip_uri}: reused")
    elif same_host:
        this.origination_urls(same_host[0].sid).update(sip_url=p.sip_uri)
        done.append(f"origination URI {same_host[0].sip_url} → {p.sip_uri}: updated")
    else:
        this.origination_urls.create(
            weight=10, priority=10, enabled=True, friendly_name="LiveKit", sip_url=p.sip_uri
        )
        done.append(f"origination URI {p.sip_uri}: created")

    owned = client.incoming_phone_numbers.list(phone_number=p.number, limit=1)
    if not owned:
        raise TelephonyError(f"{p.number} is not a phone number of this Twilio account")
    attached = this.phone_numbers.list()
    if any(n.sid == owned[0].sid or n.phone_number == p.number for n in attached):
        done.append(f"number {p.number}: already attached")
    else:
        this.phone_numbers.create(phone_number_sid=owned[0].sid)
        done.append(f"number {p.number}: attached")
    if p.outbound_user and p.outbound_password:
        done.extend(_termination(client, this, p))
    return done


def _without_params(uri: str) -> str:
    return uri.split(";", 1)[0]


def _termination(client: Client, trunk: Any, p: TwilioPlan) -> list[str]:
    """The credentials LiveKit's outbound trunk presents when it dials through this trunk."""
    assert p.outbound_user and p.outbound_password
    done: list[str] = []
    lists = client.sip.credential_lists
    cred_list = next((c for c in lists.list() if c.friendly_name == p.credential_list_name), None)
    if cred_list is None:
        cred_list = lists.create(friendly_name=p.credential_list_name)
        done.append(f"credential list {cred_list.sid} ({p.credential_list_name}): created")
    else:
        done.append(f"credential list {cred_list.sid} ({p.credential_list_name}): reused")
    creds = lists(cred_list.sid).credentials
    cred = next((c for c in creds.list() if c.username == p.outbound_user), None)
    if cred is None:
        creds.create(username=p.outbound_user, password=p.outbound_password)
        done.append(f"credential {p.outbound_user}: created")
    else:
        # Twilio never shows a password back: set it, so the one given here is the one in force.
        creds(cred.sid).update(password=p.outbound_password)
        done.append(f"credential {p.outbound_user}: password set")
    if any(c.sid == cred_list.sid for c in trunk.credentials_lists.list()):
        done.append("credential list on the trunk: already attached")
    else:
        trunk.credentials_lists.create(credential_list_sid=cred_list.sid)
        done.append("credential list on the trunk: attached")
    return done


def _explain(e: Exception) -> str:
    from twilio.base.exceptions import TwilioException, TwilioRestException

    if isinstance(e, TwilioRestException):
        if e.status == 401:
            return "Twilio rejected the credentials (401): check TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN"
        msg = str(e.msg).splitlines()[0] if e.msg else "no details"
        return f"Twilio answered {e.status}: {msg}"
    if isinstance(e, TwilioException):
        return f"Twilio: {str(e).splitlines()[0]}"
    if _is_transport_error(e):
        return f"cannot reach Twilio: {str(e).splitlines()[0] if str(e) else type(e).__name__}"
    raise e


def _is_transport_error(e: Any) -> bool:
    import requests

    return isinstance(e, requests.exceptions.RequestException | OSError)
