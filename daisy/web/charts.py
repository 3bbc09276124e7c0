"""Charts drawn on the server as inline SVG: nothing to load from anywhere, the same in a screenshot,
a printout or a browser without scripts. Colours are presentation attributes (the pages' policy
forbids inline styles); sizes and fonts come from daisy.css (`svg.chart`)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

# One colour per outcome, close to the badges of the list, distinct enough side by side.
OUTCOME_COLOURS = {
    "completed": "#16a34a",
    "incomplete": "#f59e0b",
    "refused": "#dc2626",
    "callback": "#0ea5e9",
    "email": "#8b5cf6",
    "whatsapp": "#10b981",
    "transferred": "#4f46e5",
    "abandoned": "#9f1239",
    "voicemail": "#a16207",
    "no_answer": "#9ca3af",
    "busy": "#6b7280",
    "unfinished": "#d1d5db",
}
INK, MUTED, GRID, TRACK = "#1f2430", "#6b7280", "#e5e7eb", "#f3f4f6"
FIRST, SECOND = "#1d4ed8", "#f59e0b"  # a pair of bars: the first measure and the second


@dataclass(frozen=True, slots=True)
class Series:
    key: str
    name: str
    colour: str


def _fmt(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _text(x: float, y: float, text: str, *, anchor: str = "start", cls: str = "", fill: str = INK) -> str:
    css = f' class="{cls}"' if cls else ""
    return (f'<text x="{_fmt(x)}" y="{_fmt(y)}" text-anchor="{anchor}" fill="{fill}"{css}>'
            f"{escape(text)}</text>")


def _rect(x: float, y: float, w: float, h: float, fill: str, tip: str | None = None) -> str:
    """A rectangle; `tip` shows when the pointer rests on it."""
    head = f'<rect x="{_fmt(x)}" y="{_fmt(y)}" width="{_fmt(w)}" height="{_fmt(h)}" fill="{fill}"'
    return f"{head}><title>{escape(tip)}</title></rect>" if tip else f"{head}/>"


def _hline(x1: float, x2: float, y: float, colour: str) -> str:
    return f'<line x1="{_fmt(x1)}" x2="{_fmt(x2)}" y1="{_fmt(y)}" y2="{_fmt(y)}" stroke="{colour}"/>'


def _svg(title: str, width: int, height: float) -> list[str]:
    return [f'<svg class="chart" role="img" viewBox="0 0 {width} {_fmt(height)}" '
            f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']


def _margins(width: int) -> tuple[int, int]:
    """Room for the row names on the left and the values on the right, in a wide or narrow chart."""
    return (190, 80) if width >= 800 else (150, 70)


def _nice_top(value: float) -> float:
    """A round top for an axis (1, 2, 5 × 10ⁿ) at or above `value`."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= value)


def _legend(series: Sequence[Series], x: float, y: float, width: float) -> tuple[list[str], float]:
    """Swatches and names, wrapped to `width`; returns the markup and the height used."""
    out: list[str] = []
    cx, cy = x, y
    for s in series:
        item = 18 + 7.5 * len(s.name) + 16
        if cx + item > x + width and cx > x:
            cx, cy = x, cy + 20
        out.append(_rect(cx, cy - 10, 12, 12, s.colour))
        out.append(_text(cx + 17, cy, s.name, cls="legend"))
        cx += item
    return out, cy - y + 20


def stacked_columns(
    title: str, periods: Sequence[tuple[str, dict[str, int]]], series: Sequence[Series], width: int = 1000
) -> Markup:
    """Columns per period, stacked by series (calls per day by outcome); each column's total on top."""
    legend, legend_h = _legend(series, 50, 16, width - 60)
    top_pad, left, right, bottom = 20 + legend_h, 50, 12, 46
    plot_h = 220
    height = top_pad + plot_h + bottom
    n = max(1, len(periods))
    step = (width - left - right) / n
    bar = min(46.0, step * 0.72)
    peak = max((sum(c.values()) for _, c in periods), default=0)
    top = _nice_top(peak)
    y0 = top_pad + plot_h
    parts = [*_svg(title, width, height), *legend]
    for i in range(5):  # grid lines and the count axis
        value = top * i / 4
        y = y0 - plot_h * i / 4
        parts.append(_hline(left, width - right, y, GRID))
        if value == int(value):
            parts.append(_text(left - 8, y + 4, str(int(value)), anchor="end", cls="axis", fill=MUTED))
    label_every = max(1, math.ceil(n / (width / 70)))  # no two labels overlap
    for i, (name, counts) in enumerate(periods):
        x = left + step * i + (step - bar) / 2
        y = y0
        for s in series:
            count = counts.get(s.key, 0)
            if not count:
                continue
            h = plot_h * count / top
            y -= h
            parts.append(_rect(x, y, bar, h, s.colour, f"{name} · {s.name}: {count}"))
        total = sum(counts.values())
        if total:
            parts.append(_text(x + bar / 2, y - 5, str(total), anchor="middle", cls="value"))
        if i % label_every == 0:
            parts.append(_text(x + bar / 2, y0 + 18, name, anchor="middle", cls="axis", fill=MUTED))
    parts.append(_hline(left, width - right, y0, MUTED))
    parts.append("</svg>")
    return Markup("".join(parts))


def paired_bars(
    title: str,
    rows: Sequence[tuple[str, float | None, float | None]],
    names: tuple[str, str],
    *,
    unit: str = "%",
    top: float | None = None,
    width: int = 1000,
) -> Markup:
    """Two horizontal bars per row (captured and right first time, or p50 and p95), each labelled
    with its value; a missing value shows as "—". `unit` "%" reads values as fractions of 1."""
    label_w, right = _margins(width)
    pair = [Series("a", names[0], FIRST), Series("b", names[1], SECOND)]
    legend, legend_h = _legend(pair, label_w, 16, width - label_w - 10)
    row_h, bar_h = 40, 14
    top_pad = 16 + legend_h
    height = top_pad + row_h * max(1, len(rows)) + 8
    values = [v for _, a, b in rows for v in (a, b) if v is not None]
    scale_top = top if top is not None else _nice_top(max(values, default=0))
    plot_w = width - label_w - right
    parts = [*_svg(title, width, height), *legend]
    for i, (name, a, b) in enumerate(rows):
        y = top_pad + row_h * i
        parts.append(_text(label_w - 10, y + bar_h + 4, name, anchor="end", cls="label"))
        for j, (value, colour) in enumerate(((a, FIRST), (b, SECOND))):
            by = y + j * (bar_h + 2)
            w = 0.0 if value is None else plot_w * min(value, scale_top) / scale_top
            parts.append(_rect(label_w, by, plot_w, bar_h, TRACK))
            if w:
                parts.append(_rect(label_w, by, w, bar_h, colour))
            if value is None:
                shown = "—"
            else:
                shown = f"{value * 100:.0f} %" if unit == "%" else f"{value:.0f} {unit}"
            parts.append(_text(label_w + plot_w + 8, by + bar_h - 2, shown, cls="value"))
    parts.append("</svg>")
    return Markup("".join(parts))


def bars(title: str, rows: Sequence[tuple[str, float | None]], *, width: int = 1000) -> Markup:
    """One horizontal bar per row, labelled with its value (caller turns per field)."""
    (label_w, right), row_h, bar_h = _margins(width), 28, 16
    height = 8 + row_h * max(1, len(rows))
    top = _nice_top(max((v for _, v in rows if v is not None), default=0))
    plot_w = width - label_w - right
    parts = _svg(title, width, height)
    for i, (name, value) in enumerate(rows):
        y = 6 + row_h * i
        parts.append(_text(label_w - 10, y + bar_h - 3, name, anchor="end", cls="label"))
        parts.append(_rect(label_w, y, plot_w, bar_h, TRACK))
        if value:
            parts.append(_rect(label_w, y, plot_w * value / top, bar_h, FIRST))
        shown = "—" if value is None else f"{value:.1f}"
        parts.append(_text(label_w + plot_w + 8, y + bar_h - 3, shown, cls="value"))
    parts.append("</svg>")
    return Markup("".join(parts))
