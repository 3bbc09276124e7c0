"""The overview page's charts, in the reader's language, from the figures of daisy.web.stats."""

from __future__ import annotations

from datetime import date

from markupsafe import Markup

from daisy.records.store import OUTCOMES
from daisy.web import charts, i18n
from daisy.web.render import label
from daisy.web.stats import CallStats


def period_name(lang: str, start: date, bucket: str) -> str:
    months = i18n.text(lang, "overview.months").split()
    return i18n.text(lang, f"overview.{bucket}", d=start.day, mon=months[start.month - 1], y=start.year)


def overview_charts(stats: CallStats, lang: str) -> dict[str, Markup]:
    """The four charts: calls per period by outcome, fields captured / right first time, caller turns
    per field, latency per stage (p50, p95)."""
    outcomes = [o for o in OUTCOMES if o in stats.outcomes]
    series = [charts.Series(o, i18n.word(lang, "outcome", o), charts.OUTCOME_COLOURS.get(o, charts.MUTED))
              for o in outcomes]
    per_title = i18n.text(lang, f"overview.per_{stats.bucket}")
    periods = [(period_name(lang, b.start, stats.bucket), b.outcomes) for b in stats.per_period]
    fields_title = i18n.text(lang, "overview.fields")
    field_rows = [(label(f.key, lang), f.captured_rate, f.first_right_rate) for f in stats.fields]
    turns_title = i18n.text(lang, "overview.turns")
    turn_rows = [(label(f.key, lang), f.turns_per_call) for f in stats.fields]
    latency_title = i18n.text(lang, "overview.latency")
    latency_rows = [(i18n.text(lang, f"latency.{part}"), p.p50, p.p95)
                    for part, p in stats.latency.parts.items()]
    captured = (i18n.text(lang, "overview.captured"), i18n.text(lang, "overview.first_right"))
    p50_p95 = (i18n.text(lang, "overview.p50"), i18n.text(lang, "overview.p95"))
    return {
        "per_period": charts.stacked_columns(per_title, periods, series),
        "fields": charts.paired_bars(fields_title, field_rows, captured, top=1),
        # These two sit side by side: drawn narrow, so that their text keeps its size.
        "turns": charts.bars(turns_title, turn_rows, width=560),
        "latency": charts.paired_bars(latency_title, latency_rows, p50_p95, unit="ms", width=560),
    }
