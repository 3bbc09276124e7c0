"""The JSON API: `GET /api/calls` (filters, pagination) and `GET /api/calls/{id}`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.security import HTTPBearer
from pydantic import BaseModel

from daisy.records.store import MAX_LIMIT, OUTCOMES, Store
from daisy.records.views import CallDetail, CallSummary
from daisy.web.queries import MAX_SEARCH, parse_filters, plausible_id


class Message(BaseModel):
    detail: str


# The bearer scheme only documents the token in /docs (the app's middleware does the checking).
router = APIRouter(
    prefix="/api",
    tags=["calls"],
    dependencies=[Depends(HTTPBearer(auto_error=False))],
    responses={401: {"model": Message, "description": "Missing or wrong token (DAISY_ADMIN_TOKEN)"}},
)

DATE_HELP = "YYYY-MM-DD or an ISO date-time; without an offset, the server's local time"
# Documented precisely so that clients (and schema-driven testers) know what is accepted.
DATE_SCHEMA = {"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}]}
OUTCOME_PATTERN = "^(" + "|".join(OUTCOMES) + ")?$"
NO_CONTROLS = r"^[^\x00-\x1f\x7f]*$"


class CallPage(BaseModel):
    """One page of calls, newest first."""

    total: int  # calls matching the filters, all pages together
    limit: int
    offset: int
    items: list[CallSummary]


def _store(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


@router.get("/calls", response_model=CallPage, summary="List calls, newest first")
def list_calls(
    request: Request,
    outcome: Annotated[
        str | None, Query(pattern=OUTCOME_PATTERN, description=f"one of: {', '.join(OUTCOMES)}")
    ] = None,
    since: Annotated[
        str | None,
        Query(description=f"calls started at or after; {DATE_HELP}", json_schema_extra=DATE_SCHEMA),
    ] = None,
    until: Annotated[
        str | None,
        Query(description=f"calls started before (a bare date: through that day); {DATE_HELP}",
              json_schema_extra=DATE_SCHEMA),
    ] = None,
    search: Annotated[
        str | None,
        Query(max_length=MAX_SEARCH, pattern=NO_CONTROLS, description="name, plate, number, email or phone"),
    ] = None,
    direction: Annotated[
        str | None, Query(pattern="^(inbound|outbound)?$", description="inbound or outbound")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> CallPage:
    filters = parse_filters(outcome, since, until, search, direction)
    store = _store(request)
    items = store.list_calls(**filters.store_kwargs(), limit=limit, offset=offset)
    total = store.count_calls(**filters.store_kwargs())
    return CallPage(total=total, limit=limit, offset=offset, items=items)


@router.get(
    "/calls/{call_id}",
    response_model=CallDetail,
    summary="One call: every field, the transcript with latency, follow-ups, webhook delivery",
    responses={404: {"model": Message, "description": "No such call"}},
)
def get_call(request: Request, call_id: str) -> CallDetail:
    call = _store(request).get_call(call_id) if plausible_id(call_id) else None
    if call is None:
        raise HTTPException(404, "no such call")
    return call
