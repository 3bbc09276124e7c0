"""`daisy telephony ...` (SIP trunk, dispatch rule, Twilio), `daisy call` and `daisy scheduler`.

Everything heavy (livekit-api, twilio, SQLAlchemy models) is imported inside the commands, so
`daisy --help` stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from daisy.cli.errors import fail

telephony_app = typer.Typer(
    name="telephony",
    help="Connect Daisy to the phone network: LiveKit SIP trunk and dispatch rule, Twilio trunk.",
    no_args_is_help=True,
)


def _settings():  # noqa: ANN202 (import kept lazy)
    from daisy.settings import get_settings

    return get_settings()


@telephony_app.command("setup")
def setup_command(
    number: Annotated[
        str | None, typer.Option("--number", help="Daisy's phone number, E.164 (+15551234567).")
    ] = None,
    name: Annotated[str, typer.Option(help="Name of the trunk and of the dispatch rule.")] = "Daisy",
    room_prefix: Annotated[
        str, typer.Option(help="Each call gets its own room named with this prefix.")
    ] = "call-",
    allowed_address: Annotated[
        list[str] | None,
        typer.Option("--allowed-address", help="Accept calls only from this IP/CIDR (repeatable)."),
    ] = None,
    auth_user: Annotated[
        str | None, typer.Option(help="SIP digest auth user the provider must send.")
    ] = None,
    auth_password: Annotated[str | None, typer.Option(help="SIP digest auth password.")] = None,
    from_json: Annotated[
        tuple[Path, Path] | None,
        typer.Option("--from-json", help="TRUNK.json RULE.json: LiveKit's JSON documents, used as they are."),
    ] = None,
) -> None:
    """Create (or reuse) the inbound SIP trunk and the dispatch rule that sends each call to Daisy."""
    from daisy.telephony import sip_setup
    from daisy.telephony.common import TelephonyError, run_livekit, sip_uri

    settings = _settings()
    try:
        if from_json is not None:
            trunk_req, rule_req = sip_setup.requests_from_json(*from_json)
            if number is not None:
                del trunk_req.trunk.numbers[:]
                trunk_req.trunk.numbers.append(sip_setup.e164(number))
        elif number is None:
            fail("give --number +E164 (or --from-json TRUNK.json RULE.json)")
        else:
            trunk_req = sip_setup.trunk_request(number, name, allowed_address, auth_user, auth_password)
            rule_req = sip_setup.rule_request(name, room_prefix)
        result = run_livekit(
            settings, lambda lk: sip_setup.setup(lk, trunk_req, rule_req, settings.daisy_agent_name)
        )
    except TelephonyError as e:
        fail(str(e))
    said = {True: "created", False: "reused (already there)"}
    print(f"inbound trunk {sip_setup.describe_trunk(result.trunk)} — {said[result.trunk_created]}")
    print(f"dispatch rule {sip_setup.describe_rule(result.rule)} — {said[result.rule_created]}")
    uri = sip_uri(settings)
    if uri:
        print(f"point the provider's origination URI at: {uri}")
    else:
        print(
            "point the provider's origination URI at your LiveKit SIP URI "
            "(sip:<project-id>.sip.livekit.cloud, in the project settings; "
            "set LIVEKIT_SIP_URI to have it here)"
        )


@telephony_app.command("list")
def list_command() -> None:
    """Show the inbound SIP trunks and dispatch rules on the LiveKit server."""
    from daisy.telephony import sip_setup
    from daisy.telephony.common import TelephonyError, is_managed, run_livekit

    try:
        trunks, rules = run_livekit(_settings(), sip_setup.listing)
    except TelephonyError as e:
        fail(str(e))
    print(f"inbound trunks ({len(trunks)}):")
    for trunk in trunks:
        mark = " [daisy]" if is_managed(trunk.metadata) else ""
        print(f"  {sip_setup.describe_trunk(trunk)}{mark}")
    print(f"dispatch rules ({len(rules)}):")
    for rule in rules:
        mark = " [daisy]" if is_managed(rule.metadata) else ""
        print(f"  {sip_setup.describe_rule(rule)}{mark}")


@telephony_app.command("remove")
def remove_command(
    number: Annotated[
        str | None,
        typer.Option("--number", help="Remove only the trunk carrying this number (and its rules)."),
    ] = None,
) -> None:
    """Delete the trunks and dispatch rules Daisy created (or those of one number)."""
    from daisy.telephony import sip_setup
    from daisy.telephony.common import TelephonyError, e164, run_livekit

    try:
        if number is not None:
            number = e164(number)
        removed = run_livekit(_settings(), lambda lk: sip_setup.remove(lk, number))
    except TelephonyError as e:
        fail(str(e))
    if not removed.trunks and not removed.rules:
        print("nothing to remove")
        return
    for rule_id in removed.rules:
        print(f"removed dispatch rule {rule_id}")
    for trunk_id in removed.trunks:
        print(f"removed inbound trunk {trunk_id}")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the `daisy` app."""
    app.add_typer(telephony_app)
