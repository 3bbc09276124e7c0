"""The JSON API: `GET /api/calls` (filters, pagination), `GET /api/calls/{id}` and
`PATCH /api/calls/{id}/fields/{key}` (an editor corrects a field)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.security import HTTPBearer
from pydantic import BaseModel, ConfigDict, Field

from daisy.records.store import MAX_LIMIT, OUTCOMES, Store
from daisy.records.views import CallDetail, CallSummary
from daisy.web.auth import identity_of
from daisy.web.corrections import MAX_TYPED, BadValue, CallInProgress, correct
from daisy.web.queries import MAX_SEARCH, parse_filters, plausible_id
from daisy.web.stats_api import router as stats_router


class Message(BaseModel):
    detail: str


# The bearer scheme only documents the token in /docs (the app's middleware does the checking).
router = APIRouter(
    prefix="/api",
    tags=["calls"],
    dependencies=[Depends(HTTPBearer(auto_error=False))],
    responses={401: {"model": Message, "description": "Missing or wrong token (admin or a user's)"}},
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


class FieldCorrection(BaseModel):
    """The value a person gives a field: typed as they like ("abc-123-d", "5:30 pm"), stored in
    Daisy's canonical form; null clears the field."""

    model_config = ConfigDict(extra="forbid")
    value: str | None = Field(max_length=MAX_TYPED * 4)


@router.patch(
    "/calls/{call_id}/fields/{key}",
    response_model=CallDetail,
    summary="Correct one field (editors): validated like Daisy's own, kept in the call's corrections",
    responses={
        403: {"model": Message, "description": "A viewer's token: reading only"},
        404: {"model": Message, "description": "No such call, or no such field in it"},
        409: {"model": Message, "description": "The call is still going on"},
        422: {"model": Message, "description": "Not a value of the field's kind (the reason in one line)"},
    },
)
def correct_field(request: Request, call_id: str, key: str, body: FieldCorrection) -> CallDetail:
    who = identity_of(request)
    if not who.can_correct:
        raise HTTPException(403, f"{who.name} is a viewer: viewers read calls but cannot correct them")
    store = _store(request)
    call = store.get_call(call_id) if plausible_id(call_id) else None
    if call is None:
        raise HTTPException(404, "no such call")
    try:
        done = correct(store, request.app.state.settings, call, key, body.value, who)
    except BadValue as e:
        raise HTTPException(422, f"{key}: {e}") from None
    except CallInProgress as e:
        raise HTTPException(409, str(e)) from None
    if done is None:
        raise HTTPException(404, f"no field {key[:64]!r} in this call")
    updated = store.get_call(call_id)
    assert updated is not None
    return updated


# The overview's figures: GET /api/stats.
router.include_router(stats_router)
