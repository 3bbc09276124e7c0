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
    max_call_minutes: Annotated[
        float | None,
        typer.Option(help="The trunk ends longer calls (default DAISY_MAX_CALL_MINUTES, 20)."),
    ] = None,
) -> None:
    """Create (or reuse) the inbound SIP trunk and the dispatch rule that sends each call to Daisy."""
    from daisy.telephony import sip_setup
    from daisy.telephony.common import TelephonyError, noise_cancellation_mode, run_livekit, sip_uri

    settings = _settings()
    minutes = settings.daisy_max_call_minutes if max_call_minutes is None else max_call_minutes
    try:
        sip_nc = noise_cancellation_mode(settings) == "sip"
        if from_json is not None:
            trunk_req, rule_req = sip_setup.requests_from_json(*from_json)
            if number is not None:
                del trunk_req.trunk.numbers[:]
                trunk_req.trunk.numbers.append(sip_setup.e164(number))
            if max_call_minutes is not None:
                sip_setup.set_call_limits(trunk_req.trunk, minutes)
        elif number is None:
            fail("give --number +E164 (or --from-json TRUNK.json RULE.json)")
        else:
            trunk_req = sip_setup.trunk_request(number, name, allowed_address, auth_user, auth_password,
                                                max_call_minutes=minutes, sip_noise_cancellation=sip_nc)
            rule_req = sip_setup.rule_request(name, room_prefix)
        result = run_livekit(
            settings, lambda lk: sip_setup.setup(lk, trunk_req, rule_req, settings.daisy_agent_name)
        )
    except TelephonyError as e:
        fail(str(e))
    print(f"inbound trunk {sip_setup.describe_trunk(result.trunk)} — {result.trunk_change}")
    print(f"dispatch rule {sip_setup.describe_rule(result.rule)} — {result.rule_change}")
    for warning in result.warnings:
        typer.echo(warning, err=True)
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
        found = run_livekit(_settings(), sip_setup.listing)
    except TelephonyError as e:
        fail(str(e))

    def mark(metadata: str) -> str:
        return " [daisy]" if is_managed(metadata) else ""

    print(f"inbound trunks ({len(found.inbound)}):")
    for trunk in found.inbound:
        print(f"  {sip_setup.describe_trunk(trunk)}{mark(trunk.metadata)}")
    print(f"dispatch rules ({len(found.rules)}):")
    for rule in found.rules:
        print(f"  {sip_setup.describe_rule(rule)}{mark(rule.metadata)}")
    print(f"outbound trunks ({len(found.outbound)}):")
    for out in found.outbound:
        print(f"  {sip_setup.describe_outbound(out)}{mark(out.metadata)}")


@telephony_app.command("remove")
def remove_command(
    number: Annotated[
        str | None,
        typer.Option("--number", help="Remove only the trunk carrying this number (and its rules)."),
    ] = None,
) -> None:
    """Delete the SIP trunks (in and out) and dispatch rules Daisy created, or those of one number."""
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
        print(f"removed trunk {trunk_id}")


@telephony_app.command("twilio")
def twilio_command(
    number: Annotated[str, typer.Option("--number", help="The Twilio number callers dial, E.164.")],
    sip_uri: Annotated[
        str | None,
        typer.Option("--sip-uri", help="LiveKit SIP URI (default LIVEKIT_SIP_URI or the LiveKit host)."),
    ] = None,
    name: Annotated[str, typer.Option(help="Friendly name of the Twilio trunk.")] = "Daisy",
    domain: Annotated[str | None, typer.Option(help="Trunk domain, must end in .pstn.twilio.com.")] = None,
    outbound_user: Annotated[
        str | None, typer.Option(help="Also allow outbound calls: SIP user LiveKit dials out with.")
    ] = None,
    outbound_password: Annotated[
        str | None, typer.Option(help="Its password (12+ characters, a digit, mixed case).")
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the steps without calling Twilio.")
    ] = False,
) -> None:
    """Create (or reuse) a Twilio Elastic SIP Trunk that sends the number's calls to LiveKit."""
    from daisy.telephony import twilio_trunk
    from daisy.telephony.common import TelephonyError
    from daisy.telephony.common import sip_uri as default_sip_uri

    settings = _settings()
    try:
        uri = sip_uri or default_sip_uri(settings)
        if uri is None and not dry_run:
            raise TelephonyError(
                "no LiveKit SIP URI: give --sip-uri sip:<project-id>.sip.livekit.cloud or set LIVEKIT_SIP_URI"
            )
        p = twilio_trunk.plan(
            number, uri or "sip:<your LiveKit SIP URI>", name, domain, outbound_user, outbound_password
        )
        if dry_run:
            print("dry run, nothing sent to Twilio; the steps would be:")
            for i, step in enumerate(p.steps(), 1):
                print(f"  {i}. {step}")
            return
        client = twilio_trunk.connect(settings.twilio_account_sid, settings.twilio_auth_token)
        for line in twilio_trunk.apply(client, p):
            print(line)
    except TelephonyError as e:
        fail(str(e))
    if p.outbound_user:
        flags = f"--trunk-address {p.domain} --trunk-user {p.outbound_user} --trunk-password ..."
        print(f"outbound calls: daisy call ... {flags}")
    else:
        print("for outbound calls, rerun with --outbound-user/--outbound-password")


@telephony_app.command("transfer")
def transfer_command(
    room: Annotated[str, typer.Argument(help="The call's room (e.g. call-...).")],
    identity: Annotated[str, typer.Argument(help="The caller's participant identity in the room.")],
    to: Annotated[
        str | None, typer.Option("--to", help="Number or sip: URI (default DAISY_TRANSFER_TO).")
    ] = None,
) -> None:
    """Transfer a live call to a person (SIP REFER), as Daisy does when a caller asks for one."""
    from daisy.telephony.common import TelephonyError, run_livekit
    from daisy.telephony.transfer import transfer_call, transfer_target

    settings = _settings()
    try:
        target = transfer_target(to or settings.daisy_transfer_to)
        response = run_livekit(settings, lambda lk: transfer_call(lk, room, identity, target))
    except TelephonyError as e:
        fail(str(e))
    print(f"transferred {identity} in {room} to {target} ({response.transfer_id})")


@telephony_app.command("hangup")
def hangup_command(room: Annotated[str, typer.Argument(help="The call's room.")]) -> None:
    """End a call by closing its room."""
    from daisy.telephony.common import TelephonyError, run_livekit
    from daisy.telephony.transfer import hang_up

    try:
        closed = run_livekit(_settings(), lambda lk: hang_up(lk, room))
    except TelephonyError as e:
        fail(str(e))
    print(f"closed {room}" if closed else f"{room} was already closed")


# The outbound trunk options, shared by `daisy call` and `daisy scheduler` (only needed the first time:
# the trunk is reused afterwards).
FromNumber = Annotated[
    str | None,
    typer.Option(
        "--from-number", envvar="DAISY_OUTBOUND_NUMBER", help="Caller id for outbound calls, E.164."
    ),
]
TrunkAddress = Annotated[
    str | None,
    typer.Option(
        "--trunk-address",
        envvar="DAISY_OUTBOUND_ADDRESS",
        help="Provider's SIP termination host for a new outbound trunk (e.g. daisy.pstn.twilio.com).",
    ),
]
TrunkUser = Annotated[
    str | None,
    typer.Option("--trunk-user", envvar="DAISY_OUTBOUND_USER", help="SIP auth user for the outbound trunk."),
]
TrunkPassword = Annotated[
    str | None,
    typer.Option(
        "--trunk-password", envvar="DAISY_OUTBOUND_PASSWORD", help="SIP auth password for the outbound trunk."
    ),
]


def _check_writable(target: Path) -> None:
    """One-line error unless the results file can be written (its folder exists and is writable)."""
    import os

    if target.is_dir():
        fail(f"--out {target} is a folder; give a file name")
    if target.exists() and not os.access(target, os.W_OK):
        fail(f"cannot write {target}: permission denied")
    folder = target.parent
    if not folder.is_dir():
        fail(f"cannot write {target}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        fail(f"cannot write {target}: folder {folder} is not writable")


def call_command(
    number: Annotated[str | None, typer.Argument(help="The driver's number, E.164 (+52...).")] = None,
    csv_file: Annotated[
        Path | None,
        typer.Option("--csv", help="Dial every number of this CSV (column phone/number/teléfono)."),
    ] = None,
    concurrency: Annotated[int, typer.Option(min=1, max=50, help="Calls in progress at the same time.")] = 2,
    wait: Annotated[
        bool, typer.Option(help="Wait for each conversation's outcome (--no-wait: only for the answer).")
    ] = True,
    max_minutes: Annotated[float, typer.Option(min=0.1, help="Longest wait for one conversation.")] = 15.0,
    poll_seconds: Annotated[float, typer.Option(min=0.01, hidden=True)] = 2.0,
    out: Annotated[
        Path | None, typer.Option(help="Where to write the CSV's results (default NAME.results.csv).")
    ] = None,
    room_prefix: Annotated[str, typer.Option(help="Prefix of the call rooms.")] = "call-",
    from_number: FromNumber = None,
    trunk_address: TrunkAddress = None,
    trunk_user: TrunkUser = None,
    trunk_password: TrunkPassword = None,
) -> None:
    """Call a driver (or a CSV list of drivers): Daisy joins the call in outbound mode."""
    import csv
    import sys

    from daisy.records.export import safe_cell
    from daisy.telephony import batch, dials
    from daisy.telephony.common import TelephonyError, e164, noise_cancellation_mode, run_livekit
    from daisy.telephony.outbound import DialResult, TrunkSpec, ensure_outbound_trunk

    if (number is None) == (csv_file is None):
        fail("give a phone number or --csv FILE (one of the two)")
    target = out or (csv_file.with_name(f"{csv_file.stem}.results.csv") if csv_file is not None else None)
    if target is not None:
        _check_writable(target)  # before dialling: results of calls already made must not be lost
    settings = _settings()
    spec = TrunkSpec(from_number, trunk_address, trunk_user, trunk_password)
    results: list[dict[str, str]] = []
    try:
        if csv_file is not None:
            rows = batch.read_numbers(csv_file)
        else:
            rows = [batch.Row(0, number or "", e164(number or ""))]
        engine = dials.open_engine(settings.database_url)
        source = "csv" if csv_file is not None else "cli"
        sip_nc = noise_cancellation_mode(settings) == "sip"

        async def work(lk) -> None:  # noqa: ANN001
            async def on_result(row: batch.Row, result: DialResult | None) -> None:
                outcome = ""
                if result is not None:
                    dials.record_dial(engine, result, source)
                    if result.answered and wait:
                        print(f"{result.phone_number}: answered {result.call_id}, talking to Daisy...")
                        outcome = await dials.wait_for_outcome(
                            lk, engine, result, poll_seconds=poll_seconds, timeout=max_minutes * 60
                        )
                line = batch.result_line(row, result, outcome)
                results.append(line)
                detail = line.get("outcome") or line.get("sip_status") or line.get("error") or ""
                print(f"{line['phone_number']}: {line['status']} {line.get('call_id', '')} {detail}".rstrip())

            trunk, created = await ensure_outbound_trunk(lk, spec)
            print(
                f"outbound trunk {trunk.sip_trunk_id} ({', '.join(trunk.numbers)} via {trunk.address})"
                f" — {'created' if created else 'reused'}"
            )
            await batch.dial_all(
                lk, rows, trunk.sip_trunk_id, settings.daisy_agent_name, concurrency, on_result, room_prefix,
                max_call_minutes=settings.daisy_max_call_minutes, sip_noise_cancellation=sip_nc,
            )

        run_livekit(settings, work)
    except TelephonyError as e:
        fail(str(e))
    if csv_file is None:
        first = results[0]
        if first["status"] != "answered":
            fail(f"{first['phone_number']} did not answer: {first.get('sip_status') or first['error']}", 1)
        return
    assert target is not None
    rows_out = [{k: safe_cell(v) for k, v in r.items()} for r in sorted(results, key=lambda r: int(r["row"]))]
    try:
        with target.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=batch.RESULT_COLUMNS)
            writer.writeheader()
            writer.writerows(rows_out)
    except OSError as e:  # the disk filled up or the folder went away while calling: print them instead
        writer = csv.DictWriter(sys.stdout, fieldnames=batch.RESULT_COLUMNS)
        writer.writeheader()
        writer.writerows(rows_out)
        fail(f"cannot write {target}: {e.strerror or e}; the results are printed above")
    counts = {
        status: sum(r["status"] == status for r in results) for status in ("answered", "failed", "invalid")
    }
    summary = ", ".join(f"{n} {status}" for status, n in counts.items())
    print(f"{summary}; results in {target}")


def scheduler_command(
    poll: Annotated[float, typer.Option(min=1, help="Seconds between checks of the schedule.")] = 30.0,
    once: Annotated[bool, typer.Option("--once", help="One pass, then exit (for cron or a test).")] = False,
    max_attempts: Annotated[int, typer.Option(min=1, help="Dials per callback before giving up.")] = 3,
    retry_after: Annotated[
        int, typer.Option(min=1, help="Minutes before retrying a busy/unanswered dial.")
    ] = 10,
    max_late: Annotated[
        int, typer.Option(min=1, help="Minutes late after which a callback is not made.")
    ] = 120,
    concurrency: Annotated[int, typer.Option(min=1, max=50, help="Callbacks ringing at the same time.")] = 2,
    from_number: FromNumber = None,
    trunk_address: TrunkAddress = None,
    trunk_user: TrunkUser = None,
    trunk_password: TrunkPassword = None,
) -> None:
    """Dial back, at the agreed time, the drivers who asked for a callback (runs until stopped)."""
    import asyncio
    from datetime import timedelta

    from daisy.telephony import scheduler
    from daisy.telephony.common import TelephonyError
    from daisy.telephony.outbound import TrunkSpec

    policy = scheduler.Policy(
        max_attempts=max_attempts,
        retry_after=timedelta(minutes=retry_after),
        max_late=timedelta(minutes=max_late),
        concurrency=concurrency,
    )
    spec = TrunkSpec(from_number, trunk_address, trunk_user, trunk_password)
    try:
        asyncio.run(scheduler.run(_settings(), spec, poll_seconds=poll, once=once, policy=policy))
    except TelephonyError as e:
        fail(str(e))
    except KeyboardInterrupt:
        pass
    if not once:
        print("scheduler stopped")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the `daisy` app."""
    app.add_typer(telephony_app)
    app.command("call")(call_command)
    app.command("scheduler")(scheduler_command)
