"""The web app: dashboard pages, JSON API, OpenAPI docs, health check, behind one access check.

    from daisy.records import open_store
    app = create_app(open_store(), get_settings())
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

import fastapi_offline
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from daisy.records.engine import StoreError
from daisy.web import api, pages
from daisy.web.auth import Auth
from daisy.web.queries import BadFilter
from daisy.web.render import templates
from daisy.web.throttle import Throttle

if TYPE_CHECKING:
    from daisy.records.store import Store
    from daisy.settings import Settings

log = logging.getLogger("daisy.web")

HERE = Path(__file__).parent
# Reachable without a token: the login form, its stylesheet, the language switch and the load
# balancer's health check.
OPEN_PATHS = ("/login", "/lang", "/healthz", "/static/")
# The names a browser may use to reach this server; anything else is refused, so that a page on
# another site cannot rebind its own name to 127.0.0.1 and read the calls (DNS rebinding).
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")
# Swagger UI's files, served from the fastapi-offline package (no CDN: /docs works offline).
SWAGGER_ASSETS = Path(fastapi_offline.__file__).parent / "static"
# Pages show names, plates and phone numbers: nothing runs or loads from elsewhere, nothing is cached.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "media-src 'self' https:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
       "base-uri 'none'")
# Swagger UI sets style attributes from its scripts.
DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
MAX_LOGGED_PATH = 200


def loggable(path: str) -> str:
    """A request path fit for one log line: control characters escaped, the length bounded."""
    shown = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in path[: MAX_LOGGED_PATH + 1])
    return shown if len(path) <= MAX_LOGGED_PATH else shown[:MAX_LOGGED_PATH] + "…"


def client_of(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def cross_site(request: Request) -> bool:
    """A form post or script request sent by a page on another site (the browser says so)."""
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return True
    origin = request.headers.get("origin")
    if origin is None:
        return False  # not from a browser page (curl, a script), or a browser too old to say
    try:
        netloc = urlsplit(origin).netloc.lower()
    except ValueError:  # "http://[::1": no origin a browser sends
        return True
    return netloc != request.headers.get("host", "").lower()


def _is_api(path: str) -> bool:
    return path.startswith("/api/") or path == "/openapi.json"


def _wants_json(request: Request) -> bool:
    return _is_api(request.url.path) or "text/html" not in request.headers.get("accept", "")


def allowed_hosts(settings: Settings | None, extra: Sequence[str] = ()) -> list[str]:
    """Loopback names, DAISY_PUBLIC_HOST (comma-separated names) and any `extra` (the bound address)."""
    public = (settings.daisy_public_host or "") if settings is not None else ""
    named = [h.strip().lower() for h in [*public.split(","), *extra] if h.strip()]
    return list(dict.fromkeys([*LOOPBACK_HOSTS, *named]))


def create_app(
    store: Store,
    settings: Settings | None = None,
    *,
    recordings_dir: Path | None = None,
    hosts: Sequence[str] = (),
) -> FastAPI:
    """Build the app on an open records store. `settings` gives DAISY_ADMIN_TOKEN (None: open) and
    DAISY_PUBLIC_HOST; `hosts` adds host names the server answers to (the address it listens on).

    Raises auth.WeakToken for a token shorter than 16 characters."""
    token = settings.daisy_admin_token if settings is not None else None
    app = FastAPI(
        title="Daisy records",
        summary="Calls Daisy made or took: what the driver registered, the transcript, the outcome.",
        version="1",
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.settings = settings
    app.state.auth = Auth(token, users=lambda: store.user_book().by_token_hash())
    app.state.throttle = Throttle()
    data_dir = Path(settings.daisy_data_dir if settings is not None else "data")
    app.state.data_dir = data_dir
    app.state.recordings_dir = Path(recordings_dir or data_dir / "recordings")

    @app.middleware("http")
    async def access(request: Request, call_next):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        path = request.url.path
        auth: Auth = request.app.state.auth
        throttle: Throttle = request.app.state.throttle
        guessing = auth.enabled and auth.bearer(request) is not None
        wait = throttle.take(client_of(request)) if guessing else 0  # a wrong bearer keeps it taken
        if wait:
            response = _too_many(request, wait)
        elif request.method in UNSAFE_METHODS and cross_site(request):
            if guessing:
                throttle.refund(client_of(request))
            response = _error(request, 403, "this form was sent from another site")
        elif auth.enabled and not path.startswith(OPEN_PATHS) and not auth.allowed(request):
            response = _refuse(request)
        else:
            if guessing:
                throttle.refund(client_of(request))
            request.state.identity = auth.identify(request)  # for the trail and the log line
            try:
                response = await call_next(request)
            except SQLAlchemyError as e:
                # Only the class: a database error's text carries the query's parameters (names, plates).
                log.error("%s %s: database error %s", request.method, path, type(e).__name__)
                response = _error(request, 503, "the records database is unavailable")
            except Exception as e:  # noqa: BLE001 - same reason: no exception text in the logs
                log.error("%s %s: unexpected %s", request.method, path, type(e).__name__)
                response = _error(request, 500, "internal error")
        # Pages must not be framed (clickjacking), sniffed as another type, or leak their URL (searches).
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if not path.startswith("/static/"):
            response.headers.setdefault("Content-Security-Policy", DOCS_CSP if path == "/docs" else CSP)
            response.headers.setdefault("Cache-Control", "no-store")
        # Path only, never the query string: searches carry names, plates and phone numbers. Who by
        # name (a user, "admin" or "local"), never by token.
        identity = getattr(request.state, "identity", None)
        log.info("%s %s %d %.1f ms %s", request.method, loggable(path), response.status_code,
                 (time.perf_counter() - started) * 1000, identity.name if identity else "-")
        return response

    @app.exception_handler(BadFilter)
    async def bad_filter(request: Request, exc: BadFilter) -> Response:
        if _is_api(request.url.path):
            return JSONResponse({"detail": exc.detail()}, status_code=422)
        return _error(request, 400, str(exc))

    @app.exception_handler(StoreError)
    async def store_down(request: Request, exc: StoreError) -> Response:
        log.error("records database unavailable: %s", exc)
        return _error(request, 503, "the records database is unavailable")

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):
            # Only where and what, never the offending input (it may be a phone number).
            detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
                      for e in exc.errors()]
            return JSONResponse({"detail": detail}, status_code=422)
        reasons = [f"{(e.get('loc') or ('request',))[-1]}: {e.get('msg', '')}" for e in exc.errors()]
        return _error(request, 400, "; ".join(reasons))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.get("/healthz", tags=["health"], summary="Liveness and database check (no token needed)")
    def healthz() -> JSONResponse:
        try:
            store.count_calls(outcome="unfinished")
        except Exception as e:  # noqa: BLE001 - any database failure means "not healthy"
            log.warning("health check: database error %s", type(e).__name__)
            return JSONResponse({"status": "error", "database": "unavailable"}, status_code=503)
        return JSONResponse({"status": "ok", "database": "ok"})

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(request, "docs.html", {})

    app.mount("/static/swagger", StaticFiles(directory=SWAGGER_ASSETS), name="swagger")
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    # Outermost: a request for another host name is refused before anything else looks at it.
    app.add_middleware(
        TrustedHostMiddleware, allowed_hosts=allowed_hosts(settings, hosts), www_redirect=False
    )
    return app


def _refuse(request: Request) -> Response:
    if _is_api(request.url.path):
        return JSONResponse({"detail": "missing or wrong token"}, status_code=401,
                            headers={"WWW-Authenticate": "Bearer"})
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)


def _too_many(request: Request, wait: int) -> Response:
    return _error(request, 429, f"too many wrong tokens from this address; try again in {wait} s",
                  {"Retry-After": str(wait)})


def _error(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status, headers=headers
    )
