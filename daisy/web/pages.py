"""The HTML dashboard: list of calls, one call, exports, login."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from daisy.records.store import OUTCOMES, Store
from daisy.web import i18n
from daisy.web.auth import COOKIE, Auth, safe_next
from daisy.web.exports import calls_csv, calls_json
from daisy.web.field_fixes import call_context
from daisy.web.field_fixes import router as field_fixes
from daisy.web.overview import overview_charts
from daisy.web.queries import calls_with_fields, parse_filters, parse_page, plausible_id
from daisy.web.render import templates
from daisy.web.stats import call_stats
from daisy.web.throttle import Throttle

router = APIRouter(include_in_schema=False)
router.include_router(field_fixes)  # an editor's correction posted from the call page

PAGE_SIZE = 50
EXPORT_MAX = 20_000  # more than a brokerage makes in weeks; a bigger export should use the API's pages
FILTER_KEYS = ("outcome", "since", "until", "search", "direction")
AUDIO_SUFFIXES = frozenset({".wav", ".ogg", ".opus", ".mp3", ".m4a", ".flac", ".webm"})


def _store(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


def _filter_args(request: Request) -> dict[str, str]:
    """The filters as given (strings), to refill the form and build links."""
    return {k: request.query_params.get(k, "") for k in FILTER_KEYS}


@router.get("/", response_class=HTMLResponse)
def call_list(request: Request) -> Response:
    given = _filter_args(request)
    filters = parse_filters(**given)
    params = request.query_params
    limit, offset = parse_page(params.get("limit"), params.get("offset"), PAGE_SIZE)
    store = _store(request)
    calls = store.list_calls(**filters.store_kwargs(), limit=limit, offset=offset)
    total = store.count_calls(**filters.store_kwargs())
    kept = {k: v for k, v in given.items() if v}

    def page_link(new_offset: int) -> str:
        return "/?" + urlencode({**kept, "limit": limit, "offset": new_offset})

    return templates.TemplateResponse(
        request,
        "calls.html",
        {
            "calls": calls,
            "total": total,
            "given": given,
            "outcomes": OUTCOMES,
            "offset": offset,
            "limit": limit,
            "prev_link": page_link(max(0, offset - limit)) if offset > 0 else None,
            "next_link": page_link(offset + limit) if offset + limit < total else None,
            "query": urlencode(kept),
        },
    )


@router.get("/overview", response_class=HTMLResponse)
def overview(request: Request) -> Response:
    """How calls go, drawn: per day by outcome, per field, latency; the same figures as /api/stats."""
    given = {k: request.query_params.get(k, "") for k in ("since", "until", "direction")}
    stats = call_stats(_store(request), parse_filters(**given))
    kept = {k: v for k, v in given.items() if v}
    return templates.TemplateResponse(
        request,
        "overview.html",
        {"given": given, "stats": stats, "charts": overview_charts(stats, i18n.lang_of(request)),
         "query": urlencode(kept)},
    )


@router.get("/calls/{call_id}", response_class=HTMLResponse)
def call_page(request: Request, call_id: str) -> Response:
    call = _store(request).get_call(call_id) if plausible_id(call_id) else None
    if call is None:
        raise HTTPException(404, "no such call")
    return templates.TemplateResponse(request, "call.html", call_context(request, call))


@router.get("/calls/{call_id}/recording")
def recording(request: Request, call_id: str) -> Response:
    call = _store(request).get_call(call_id) if plausible_id(call_id) else None
    if call is None or not call.recording_path:
        raise HTTPException(404, "no recording for this call")
    path = recording_file(call.recording_path, request.app.state.data_dir, request.app.state.recordings_dir)
    if path is None:
        raise HTTPException(404, "the recording file is missing")
    return FileResponse(path, filename=path.name)


def recording_file(stored: str, data_dir: Path, recordings_dir: Path) -> Path | None:
    """The audio file a stored recording path names, only if it lies inside the recordings directory
    (a relative path is read from the data directory: "recordings/call-1.wav")."""
    try:
        path = (data_dir / stored).resolve()  # an absolute `stored` stays itself
        inside = path.is_relative_to(recordings_dir.resolve())
    except (OSError, ValueError, RuntimeError):  # a NUL byte, a symlink loop
        return None
    if not inside or path.suffix.lower() not in AUDIO_SUFFIXES or not path.is_file():
        return None
    return path


@router.get("/export.csv")
def export_csv(request: Request) -> Response:
    """The filtered list, newest first, one row per call, one column per field."""
    filters = parse_filters(**_filter_args(request))
    return Response(
        calls_csv(calls_with_fields(_store(request), filters, EXPORT_MAX), i18n.lang_of(request)),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="daisy-calls.csv"'},
    )


@router.get("/export.json")
def export_json(request: Request) -> Response:
    """The filtered list, oldest first, every call complete with its transcript."""
    filters = parse_filters(**_filter_args(request))
    return Response(
        calls_json(_store(request).export_calls(**filters.store_kwargs(), limit=EXPORT_MAX)),
        media_type="application/json",
        headers={"Content-Disposition": 'attachment; filename="daisy-calls.json"'},
    )


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str | None = None) -> Response:
    auth: Auth = request.app.state.auth
    if not auth.enabled or auth.allowed(request):
        return RedirectResponse(safe_next(next), status_code=303)
    return templates.TemplateResponse(request, "login.html", {"next": safe_next(next), "error": None})


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request, token: Annotated[str, Form(max_length=4096)] = "", next: Annotated[str, Form()] = "/"
) -> Response:
    auth: Auth = request.app.state.auth
    throttle: Throttle = request.app.state.throttle
    target = safe_next(next)
    if not auth.enabled:
        return RedirectResponse(target, status_code=303)
    client = request.client.host if request.client else "unknown"
    wait = throttle.take(client)  # a wrong token keeps the try taken
    if wait:  # answered at once: a flood of guesses never holds a worker
        error = i18n.text(i18n.lang_of(request), "login.too_many", wait=wait)
        return templates.TemplateResponse(request, "login.html", {"next": target, "error": error},
                                          status_code=429, headers={"Retry-After": str(wait)})
    opened = auth.login(token)  # the admin token or a user's: the session names who
    if opened is None:
        return templates.TemplateResponse(
            request, "login.html", {"next": target, "error": i18n.text(i18n.lang_of(request), "login.wrong")},
            status_code=401,
        )
    throttle.refund(client)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        COOKIE,
        opened[1],
        max_age=auth.session_seconds,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/",
    )
    return response


@router.post("/logout")
def logout(request: Request) -> Response:
    """Ends the session on the server too: a copied cookie stops working (cross-site posts are refused
    before this runs)."""
    auth: Auth = request.app.state.auth
    auth.end_session(request.cookies.get(COOKIE))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


@router.post("/lang")
def switch_language(
    request: Request, to: Annotated[str, Form(max_length=16)] = "", next: Annotated[str, Form()] = "/"
) -> Response:
    """Remember this browser's language for a year and go back to the page the switch was on (open
    without a token, so the login page switches too)."""
    response = RedirectResponse(safe_next(next), status_code=303)
    response.set_cookie(i18n.COOKIE, i18n.pick(to), max_age=i18n.ONE_YEAR, httponly=True, samesite="lax",
                        secure=request.url.scheme == "https", path="/")
    return response
