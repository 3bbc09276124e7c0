"""`daisy serve` (dashboard + API) and `daisy webhooks retry`.

FastAPI and uvicorn are imported inside the commands, so `daisy --help` and the other commands
start without them.
"""

from __future__ import annotations

import ipaddress
import logging
from typing import Annotated

import typer

from daisy.cli.errors import fail

webhooks = typer.Typer(help="The signed webhook that receives every ended call.", no_args_is_help=True)

DbOption = Annotated[
    str | None, typer.Option("--db", help="Database URL (default: DAISY_DATABASE_URL or data/daisy.db)")
]


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _open(db: str | None):  # type: ignore[no-untyped-def]
    from daisy.records.engine import StoreError
    from daisy.records.store import open_store

    try:
        return open_store(db)
    except StoreError as e:
        fail(str(e))


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on")] = 8080,
    db: DbOption = None,
) -> None:
    """Serve the dashboard, the JSON API (/api/calls, docs at /docs) and /healthz."""
    from daisy.settings import get_settings

    settings = get_settings()
    if not settings.daisy_admin_token and not is_loopback(host):
        fail(f"refusing to serve on {host} without DAISY_ADMIN_TOKEN (set it, or use --host 127.0.0.1)")
    try:
        import uvicorn

        from daisy.web.app import allowed_hosts, create_app
        from daisy.web.auth import WeakToken
    except ImportError as e:
        fail(f"the web dependencies are missing ({e.name}); install daisy-voice with its dependencies")
    shown = f"[{host}]" if ":" in host else host
    # A specific address is also a name browsers use; 0.0.0.0 / :: never are.
    bound = [] if host in ("0.0.0.0", "::", "") else [shown]
    store = _open(db)
    try:
        app = create_app(store, settings, hosts=bound)
    except WeakToken as e:
        store.close()
        fail(str(e))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if settings.daisy_admin_token:
        access = ""
    elif app.state.auth.enabled:
        access = " (sign in with a user's token: see daisy users list; loopback only)"
    else:
        access = " (no token: open to anyone on this machine, loopback only)"
    print(f"daisy: serving {store!r} on http://{shown}:{port}/{access}")
    hint = not settings.daisy_public_host and not is_loopback(host)
    print(f"daisy: answering to host names {', '.join(allowed_hosts(settings, bound))}"
          + (" (set DAISY_PUBLIC_HOST to the name browsers use for this server)" if hint else ""))
    try:
        # uvicorn's own access log prints query strings (searches carry names and plates): ours doesn't.
        uvicorn.run(app, host=host, port=port, access_log=False, log_level="info")
    except OSError as e:
        fail(f"cannot listen on {host}:{port}: {e.strerror or e}")
    finally:
        store.close()


@webhooks.command("retry")
def retry(
    db: DbOption = None,
    pending: Annotated[
        bool,
        typer.Option("--pending", help="Also re-send calls pending right now (may be in flight elsewhere)"),
    ] = False,
    concurrency: Annotated[int, typer.Option(min=1, max=64, help="Deliveries at once")] = 8,
) -> None:
    """Re-send the calls whose webhook delivery failed, or was left pending over 10 minutes ago."""
    from daisy.settings import get_settings
    from daisy.web.webhook import WebhookConfigError, check_config, retry_deliveries

    settings = get_settings()
    url, secret = settings.daisy_webhook_url, settings.daisy_webhook_secret
    if not url:
        fail("DAISY_WEBHOOK_URL is not set")
    try:
        check_config(url, secret)
    except WebhookConfigError as e:
        fail(str(e))
    assert secret is not None
    store = _open(db)
    try:
        delivered, failed = retry_deliveries(
            store, url, secret, include_pending=pending, concurrency=concurrency
        )
    finally:
        store.close()
    print(f"daisy: webhook: {delivered} delivered, {failed} still failing")
    if failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the `daisy` app."""
    app.command("serve")(serve)
    app.add_typer(webhooks, name="webhooks")
