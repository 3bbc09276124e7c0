"""The web app: dashboard pages, JSON API, OpenAPI docs, health check, behind one access check.

    from daisy.records import open_store
    app = create_app(open_store(), get_settings())
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from daisy.records.engine import StoreError
from daisy.web import api, pages
from daisy.web.auth import Auth
from daisy.web.queries import BadFilter
from daisy.web.render import templates

if TYPE_CHECKING:
    from daisy.records.store import Store
    from daisy.settings import Settings

log = logging.getLogger("daisy.web")

HERE = Path(__file__).parent
# Reachable without a token: the login form, its stylesheet and the load balancer's health check.
OPEN_PATHS = ("/login", "/healthz", "/static/")


def _is_api(path: str) -> bool:
    return path.startswith("/api/") or path == "/openapi.json"


def _wants_json(request: Request) -> bool:
    return _is_api(request.url.path) or "text/html" not in request.headers.get("accept", "")


def create_app(
    store: Store, settings: Settings | None = None, *, recordings_dir: Path | None = None
) -> FastAPI:
    """Build the app on an open records store. `settings` gives DAISY_ADMIN_TOKEN (None: open)."""
    token = settings.daisy_admin_token if settings is not None else None
    app = FastAPI(
        title="Daisy records",
        summary="Calls Daisy made or took: what the driver registered, the transcript, the outcome.",
        version="1",
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.store = store
    app.state.auth = Auth(token)
    base = recordings_dir or (settings.daisy_data_dir if settings is not None else Path("data"))
    app.state.recordings_dir = Path(base)

    @app.middleware("http")
    async def access(request: Request, call_next):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        path = request.url.path
        auth: Auth = request.app.state.auth
        if auth.enabled and not path.startswith(OPEN_PATHS) and not auth.allowed(request):
            response = _refuse(request)
        else:
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
        # Path only, never the query string: searches carry names, plates and phone numbers.
        log.info("%s %s %d %.1f ms", request.method, path, response.status_code,
                 (time.perf_counter() - started) * 1000)
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

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app


def _refuse(request: Request) -> Response:
    if _is_api(request.url.path):
        return JSONResponse({"detail": "missing or wrong token"}, status_code=401,
                            headers={"WWW-Authenticate": "Bearer"})
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)


def _error(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status, headers=headers
    )
