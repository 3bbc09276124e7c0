"""`GET /api/stats`: the overview's figures as JSON (included in the API's router, under /api)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request

from daisy.web.queries import BadFilter, parse_filters
from daisy.web.stats import CallStats, call_stats

router = APIRouter(tags=["stats"])

DATE_HELP = "YYYY-MM-DD or an ISO date-time; without an offset, the server's local time"


@router.get(
    "/stats",
    response_model=CallStats,
    summary="How calls go: per day by outcome, per field captured and right first time, latency",
    description=(
        "The figures the dashboard's overview draws, for calls started in the range (a bare `until` "
        "date counts through that day). Periods are days, or weeks / months for long ranges, in the "
        "server's local time. `captured_rate` is out of the calls that got to the field; "
        "`first_right_rate` out of the fields read back at least once; latency is nearest-rank p50/p95 "
        "in ms over Daisy's measured turns (voice calls). A bad parameter is a 400 with one line."
    ),
    responses={400: {"description": "A parameter to fix, e.g. `{\"detail\": \"since: not a date …\"}`"}},
)
def stats(
    request: Request,
    since: Annotated[str | None, Query(description=f"calls started at or after; {DATE_HELP}")] = None,
    until: Annotated[str | None, Query(description=f"calls started before; {DATE_HELP}")] = None,
    direction: Annotated[str | None, Query(description="inbound or outbound (default: both)")] = None,
) -> CallStats:
    try:
        filters = parse_filters(since=since, until=until, direction=direction)
    except BadFilter as e:
        raise HTTPException(400, str(e)) from None
    return call_stats(request.app.state.store, filters)
