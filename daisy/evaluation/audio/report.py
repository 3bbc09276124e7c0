"""The figures of the audio evaluation, per voice family and line condition, next to text.

- fields exactly right: over the fields the caller knows (and those it says it doesn't, which must
  end empty), as in the text evaluation;
- wrong values stored: a value in the record that differs from the truth (an empty field is not wrong);
- never ended: calls still open after the caller-turn cap;
- outcomes: how the calls ended, and how many ended as the caller meant;
- caller turns per field: caller turns on fields (asking or reading back) over fields recorded;
  and, leniently, every caller turn of the calls over the fields asked for ("turns/asked");
- keypad uses and spelled answers: how often drivers fell back on them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from daisy.evaluation.audio.runner import TEXT, AudioCallResult
from daisy.evaluation.scoring import Figures, last_exchange, score_call

_WRONG = ("wrong", "invented", "unexpected")


@dataclass
class Row:
    figures: Figures = field(default_factory=Figures)
    wrong_values: int = 0
    never_ended: int = 0
    errors: int = 0
    keypad_uses: int = 0
    spelled: int = 0
    utterances: int = 0
    seconds: float = 0.0
    outcomes: Counter[str] = field(default_factory=Counter)
    field_right: Counter[str] = field(default_factory=Counter)
    field_scored: Counter[str] = field(default_factory=Counter)

    def add(self, call: AudioCallResult) -> list[dict[str, Any]]:
        fig, misses = score_call(call.result)
        self.figures.add(fig)
        wrong = [m for m in misses if m.kind in _WRONG]
        self.wrong_values += len(wrong)
        self.never_ended += not call.ended and not call.result.error
        self.errors += bool(call.result.error)
        self.keypad_uses += call.keypad_uses
        self.spelled += call.spelled
        self.utterances += call.utterances
        self.seconds += call.seconds
        ended = str(call.result.outcome) if call.ended else "never ended"
        self.outcomes["failed" if call.result.error else ended] += 1
        missed = {m.field for m in misses}
        result = call.result
        for key, expected in result.expected.items():
            if expected is not None or key in result.unknown or result.record.get(key) is not None:
                self.field_scored[key] += 1
                self.field_right[key] += key not in missed
        return [m.to_dict() for m in wrong]

    def to_dict(self) -> dict[str, Any]:
        f = self.figures
        return {
            "calls": f.calls,
            "fields_scored": f.fields_scored,
            "fields_right": f.fields_right,
            "fields_right_pct": round(f.fields_right_pct, 1),
            "wrong_values": self.wrong_values,
            "never_ended": self.never_ended,
            "errors": self.errors,
            "outcomes_right": f.outcomes_right,
            "outcomes": dict(sorted(self.outcomes.items())),
            "caller_turns": f.field_turns,
            "fields_collected": f.fields_collected,
            "turns_per_field": round(f.turns_per_field, 2),
            "call_turns": f.call_turns,
            "turns_per_field_asked": round(f.turns_per_field_asked, 2),
            "keypad_uses": self.keypad_uses,
            "spelled_answers": self.spelled,
            "utterances": self.utterances,
            "seconds": round(self.seconds, 1),
            "by_field": {
                k: {"right": self.field_right[k], "scored": n} for k, n in self.field_scored.items()
            },
        }


def group_of(call: AudioCallResult) -> str:
    return TEXT if call.setup.family == TEXT else f"{call.setup.family} {call.setup.line}"


@dataclass
class AudioReport:
    rows: dict[str, Row]  # "text", "espeak clean", "kokoro noisy", ..., "audio" (every audio call)
    by_lang: dict[str, dict[str, Row]]  # lang -> "text" | "audio" -> row
    wrong_values: list[dict[str, Any]]  # each wrong value stored, with the call's setup
    never_ended: list[dict[str, Any]]  # each call that never ended, with where it was stuck
    errors: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "rows": {name: row.to_dict() for name, row in self.rows.items()},
            "by_lang": {
                lang: {name: row.to_dict() for name, row in rows.items()}
                for lang, rows in sorted(self.by_lang.items())
            },
            "wrong_values": self.wrong_values,
            "never_ended": self.never_ended,
            "errors": self.errors,
        }


def _where(call: AudioCallResult) -> dict[str, Any]:
    final = call.result.final
    field_key = final.get("field")
    return {
        "caller_id": call.result.caller_id,
        "setup": group_of(call),
        "voice": call.setup.voice.id if call.setup.voice else None,
        "state": final.get("state"),
        "field": field_key,
        "last": last_exchange(call.result, None),
        "last_heard": next((h for h in reversed(call.heard) if h is not None), None),
    }


def build(calls: list[AudioCallResult]) -> AudioReport:
    rows: dict[str, Row] = {}
    by_lang: dict[str, dict[str, Row]] = {}
    report = AudioReport(rows, by_lang, [], [], [])
    families = ("espeak", "kokoro", "piper")
    order = [TEXT, *(f"{family} {line}" for family in families for line in ("clean", "noisy"))]
    for name in order:
        if any(group_of(c) == name for c in calls):
            rows[name] = Row()
    for call in calls:
        name = group_of(call)
        kind = TEXT if name == TEXT else "audio"
        wrong = rows.setdefault(name, Row()).add(call)
        if kind == "audio":
            rows.setdefault("audio", Row()).add(call)
        by_lang.setdefault(call.result.lang, {}).setdefault(kind, Row()).add(call)
        setup = {"setup": name, "voice": call.setup.voice.id if call.setup.voice else None}
        report.wrong_values += [{**w, **setup} for w in wrong]
        if call.result.error:
            report.errors.append({**_where(call), "error": call.result.error})
        elif not call.ended:
            report.never_ended.append(_where(call))
    if "audio" in rows:  # last, after the per-setup rows
        rows["audio"] = rows.pop("audio")
    return report


def table(report: AudioReport) -> str:
    """The figures as a fixed-width table, one row per voice family and line condition."""
    head = (
        f"{'':<14} {'calls':>5} {'fields right':>17} {'wrong stored':>12} {'never ended':>11} "
        f"{'failed':>6} {'outcomes right':>14} {'turns/field':>11} {'turns/asked':>11} {'keypad':>6} "
        f"{'spelled':>7}"
    )
    lines = [head]

    def row_line(name: str, row: Row) -> str:
        f = row.figures
        right = f"{f.fields_right}/{f.fields_scored} {f.fields_right_pct:5.1f}%"
        return (
            f"{name:<14} {f.calls:>5} {right:>17} {row.wrong_values:>12} {row.never_ended:>11} "
            f"{row.errors:>6} {f.outcomes_right:>8}/{f.calls:<5} {f.turns_per_field:>11.2f} "
            f"{f.turns_per_field_asked:>11.2f} {row.keypad_uses:>6} {row.spelled:>7}"
        )

    for name, row in report.rows.items():
        lines.append(row_line(name, row))
    for lang, rows in sorted(report.by_lang.items()):
        for kind, row in rows.items():
            lines.append(row_line(f"{lang} {kind}", row))
    lines.append("")
    for name, row in report.rows.items():
        outcomes = ", ".join(f"{k} {v}" for k, v in sorted(row.outcomes.items()))
        lines.append(f"outcomes {name}: {outcomes}")
    for name in ("text", "audio"):
        if name in report.rows:
            row = report.rows[name]
            per_field = ", ".join(f"{k} {row.field_right[k]}/{n}" for k, n in row.field_scored.items())
            lines.append(f"fields right by field, {name}: {per_field}")
    if report.wrong_values:
        lines.append(f"\n{len(report.wrong_values)} wrong values stored:")
        for w in report.wrong_values:
            lines.append(
                f"- {w['caller_id']} [{w['setup']}] {w['field']}: true {w['expected']!r}, stored {w['got']!r}"
            )
    if report.never_ended:
        lines.append(f"\n{len(report.never_ended)} calls never ended:")
        for n in report.never_ended:
            lines.append(
                f"- {n['caller_id']} [{n['setup']}] stuck at {n['field'] or n['state']}: {n['last']}"
                f" (heard {n['last_heard']!r})"
            )
    if report.errors:
        lines.append(f"\n{len(report.errors)} calls failed (Daisy raised an error):")
    for e in report.errors:
        lines.append(f"- {e['caller_id']} [{e['setup']}] the call failed: {e['error']}")
    return "\n".join(lines)
