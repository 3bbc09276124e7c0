"""Jinja2 templates and the small formatting helpers the pages use."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from fastapi.templating import Jinja2Templates

FIELD_LABELS = {
    "driver_name": "Driver",
    "tractor_number": "Tractor number",
    "tractor_plates": "Tractor plates",
    "trailer_number": "Trailer number",
    "trailer_plates": "Trailer plates",
    "eta": "ETA",
    "email": "Email",
}
LATENCY_PARTS = ("endpointing", "stt", "core", "tts")

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


def when(moment: datetime | None, with_seconds: bool = True) -> str:
    """A stored UTC instant in the server's local time (the dashboard's users share its zone)."""
    if moment is None:
        return "—"
    local = moment.astimezone()
    return local.strftime("%Y-%m-%d %H:%M:%S" if with_seconds else "%Y-%m-%d %H:%M")


def zone() -> str:
    """The name of the zone the pages show times in."""
    return datetime.now().astimezone().tzname() or "local time"


def clock(moment: datetime | None) -> str:
    return "—" if moment is None else moment.astimezone().strftime("%H:%M:%S")


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    whole = max(0, round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def ms(value: float | None) -> str:
    return "" if value is None else f"{value:.0f} ms"


def label(key: str) -> str:
    return FIELD_LABELS.get(key, key.replace("_", " ").capitalize())


templates.env.filters.update(when=when, clock=clock, duration=duration, ms=ms, label=label)
templates.env.globals.update(latency_parts=LATENCY_PARTS, zone=zone)
