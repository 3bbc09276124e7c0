"""What the records read API returns: plain pydantic models, ready for JSON (CLI, web API, exports).

No SQLAlchemy here, so a web app can use these as response models cheaply.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field


class FieldView(BaseModel):
    key: str
    position: int
    value: str | None = None
    confirmed: bool = False
    attempts: int = 0
    source: str = "speech"  # speech | keypad | operator (corrected by a person)
    unknown: bool = False  # the caller said they don't know it
    updated_at: datetime | None = None


class TurnView(BaseModel):
    seq: int
    role: str  # daisy | caller
    text: str
    at: datetime
    phase: str  # the dialogue phase when the line was said (greeting … ended)
    step: str | None = None
    field: str | None = None  # the form key being asked or confirmed then
    latency_ms: dict[str, float] | None = None  # endpointing, stt, core, tts, total (voice only)


class CorrectionView(BaseModel):
    """A field's value changed by a person: what it was, what it became, who and when."""

    key: str
    old_value: str | None = None
    old_source: str | None = None  # speech | keypad | … before the correction
    old_confirmed: bool = False
    new_value: str | None = None  # None: the field was cleared
    corrected_by: str  # a user's name, "admin" (the admin token) or "local"; never a token
    at: datetime


class CallSummary(BaseModel):
    """One call as a list shows it."""

    id: str
    direction: str
    language: str
    caller_number: str | None = None
    form: str
    started_at: datetime
    ended_at: datetime | None = None
    duration_s: float | None = None  # None while running (or if the process died mid-call)
    outcome: str | None = None  # None: not ended (yet)
    callback_at: datetime | None = None
    follow_up_channel: str | None = None  # callback | email | whatsapp
    follow_up_address: str | None = None
    driver_name: str | None = None  # the `driver_name` field, confirmed or not
    collected: int = 0  # fields confirmed with a value
    total: int = 0  # fields in the form
    recording_path: str | None = None
    recording_egress_id: str | None = None  # the LiveKit Egress that records the call (DAISY_RECORD=1)
    webhook_status: str | None = None  # None | pending | delivered | failed
    webhook_attempts: int = 0
    webhook_last_error: str | None = None


class CallDetail(CallSummary):
    """One call with every field (form order) and the whole transcript."""

    fields: list[FieldView] = Field(default_factory=list)
    turns: list[TurnView] = Field(default_factory=list)
    corrections: list[CorrectionView] = Field(default_factory=list)  # oldest first

    def record(self) -> dict[str, str | None]:
        """Every form key with its confirmed value, or None (like CallState.record)."""
        return {f.key: (f.value if f.confirmed else None) for f in self.fields}

    def field(self, key: str) -> FieldView | None:
        return next((f for f in self.fields if f.key == key), None)


def jsonable(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json")
