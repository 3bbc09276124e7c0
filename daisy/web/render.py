"""Jinja2 templates and the small formatting helpers the pages use."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from jinja2.runtime import Context

from daisy.web import i18n

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


def label(key: str, lang: str = i18n.DEFAULT) -> str:
    """A form field's name for people (a field an operator added shows its key, made readable)."""
    named = f"field.{key}"
    if any(named in m for m in i18n.MESSAGES.values()):
        return i18n.text(lang, named)
    return key.replace("_", " ").capitalize()


# The reader's language comes from the request every page is rendered with (its cookie).
def _lang_of(context: Context) -> str:
    request = context.get("request")
    return i18n.lang_of(request) if request is not None else i18n.DEFAULT


@pass_context
def _lang(context: Context) -> str:
    return _lang_of(context)


@pass_context
def _t(context: Context, key: str, **values: object) -> str:
    return i18n.text(_lang_of(context), key, **values)


@pass_context
def _word(context: Context, value: str | None, group: str) -> str:
    return i18n.word(_lang_of(context), group, value)


@pass_context
def _label(context: Context, key: str) -> str:
    return label(key, _lang_of(context))


@pass_context
def _message(context: Context, english: str) -> str:
    return i18n.message(_lang_of(context), english)


@pass_context
def _html_lang(context: Context) -> str:
    return i18n.HTML_LANG[_lang_of(context)]


templates.env.filters.update(when=when, clock=clock, duration=duration, ms=ms, label=_label, word=_word,
                             message=_message)
templates.env.globals.update(latency_parts=LATENCY_PARTS, zone=zone, t=_t, lang=_lang, html_lang=_html_lang)
