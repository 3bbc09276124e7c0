"""The four figures of the evaluation, and every miss.

- fields exactly right: over every field a caller knows (its true value must be recorded exactly) or
  said it doesn't know (it must end null); a value recorded for a field the caller never gave is an
  *invented* value, counted as a miss and also reported on its own;
- outcomes right: calls whose final outcome is the expected one;
- caller turns per collected field: caller turns spent on fields (Daisy asking for or reading back a
  field) divided by the fields recorded;
- first read-backs right: of the fields a caller knows, how often the first value Daisy read back
  was already the true one (each wrong one costs the driver a "no" and a repeat).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass
class Exchange:
    """One caller input and Daisy's answer, with the field Daisy was on when the caller spoke."""

    caller: dict[str, Any]
    daisy: dict[str, Any]
    state: str | None  # Daisy's state when the caller spoke
    field: str | None  # Daisy's field when the caller spoke
    pending: str | None = None  # the value Daisy was reading back when the caller spoke
    meant: str = ""  # "yes" or "no" when the caller answered a read-back


@dataclass
class CallResult:
    """A finished simulated call: what was expected and what happened."""

    caller_id: str
    lang: str
    expected: dict[str, str | None]  # form key -> canonical value that must end recorded (or None)
    unknown: tuple[str, ...]  # fields the caller said it doesn't know
    gave: set[str]  # fields the caller said (part of) a value for
    expected_outcome: str
    opening: dict[str, Any]
    exchanges: list[Exchange] = field(default_factory=list)
    error: str | None = None  # the call could not run (e.g. the process died)
    roster: dict[str, str] = field(default_factory=dict)  # what Daisy was told the caller's values were

    def heard(self, ex: Exchange) -> bool:
        """Is Daisy's answer in `ex` a read-back of a value she heard, rather than the roster's value
        offered for a yes? (a stale roster value is no mishearing)"""
        key, pending = ex.daisy.get("field"), ex.daisy.get("pending")
        offered = key in self.roster and self.roster[key] == pending
        return ex.daisy.get("state") == "confirming" and not offered

    @property
    def final(self) -> dict[str, Any]:
        return self.exchanges[-1].daisy if self.exchanges else self.opening

    @property
    def record(self) -> dict[str, Any]:
        return dict(self.final.get("record") or {})

    @property
    def outcome(self) -> str | None:
        return self.final.get("outcome")


@dataclass
class Miss:
    caller_id: str
    lang: str
    field: str  # a form key, or "outcome"
    kind: str  # "wrong" | "missing" | "invented" | "outcome"
    expected: str | None
    got: str | None
    last_exchange: str  # the last caller line on that field and Daisy's answer

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Figures:
    calls: int = 0
    fields_scored: int = 0
    fields_right: int = 0
    invented: int = 0
    outcomes_right: int = 0
    field_turns: int = 0  # caller turns spent on fields
    call_turns: int = 0  # every caller turn of the call (greeting, follow-ups, waits too)
    fields_collected: int = 0
    wrong_readbacks: int = 0  # values read back wrong (the caller had to say no), even if fixed later
    first_readbacks: int = 0  # fields the caller knows that Daisy read back at least once
    first_readbacks_right: int = 0  # ... whose first read-back was the true value

    @property
    def fields_right_pct(self) -> float:
        return 100.0 * self.fields_right / self.fields_scored if self.fields_scored else 100.0

    @property
    def outcomes_right_pct(self) -> float:
        return 100.0 * self.outcomes_right / self.calls if self.calls else 100.0

    @property
    def first_readbacks_right_pct(self) -> float:
        return 100.0 * self.first_readbacks_right / self.first_readbacks if self.first_readbacks else 100.0

    @property
    def turns_per_field(self) -> float:
        return self.field_turns / self.fields_collected if self.fields_collected else 0.0

    @property
    def turns_per_field_asked(self) -> float:
        # the lenient reading: every caller turn over the fields the caller was asked for, whatever
        # became of them (a field left empty lowers it, where it raises turns_per_field)
        return self.call_turns / self.fields_scored if self.fields_scored else 0.0

    def add(self, other: Figures) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def to_dict(self) -> dict[str, Any]:
        return {
            "calls": self.calls,
            "fields_scored": self.fields_scored,
            "fields_right": self.fields_right,
            "fields_right_pct": round(self.fields_right_pct, 2),
            "invented_values": self.invented,
            "outcomes_right": self.outcomes_right,
            "outcomes_right_pct": round(self.outcomes_right_pct, 2),
            "caller_turns": self.field_turns,
            "fields_collected": self.fields_collected,
            "turns_per_field": round(self.turns_per_field, 2),
            "call_turns": self.call_turns,
            "turns_per_field_asked": round(self.turns_per_field_asked, 2),
            "wrong_readbacks": self.wrong_readbacks,
            "first_readbacks": self.first_readbacks,
            "first_readbacks_right": self.first_readbacks_right,
            "first_readbacks_right_pct": round(self.first_readbacks_right_pct, 2),
        }


def _describe(obj: dict[str, Any]) -> str:
    if "say" in obj:
        return repr(obj["say"])
    if "dtmf" in obj:
        return f"[keypad {obj['dtmf']}]"
    if "silence" in obj:
        return f"[silence {obj['silence']} s]"
    return "[hang-up]"


def last_exchange(result: CallResult, key: str | None) -> str:
    """The caller's last line on `key` (or of the call) and Daisy's answer, for a miss report."""
    chosen = None
    for ex in result.exchanges:
        if key is None or ex.field == key:
            chosen = ex
    if chosen is None:
        if not result.exchanges:
            return f"daisy: {result.opening.get('say', '')!r}"
        chosen = result.exchanges[-1]
    return f"caller: {_describe(chosen.caller)} -> daisy: {chosen.daisy.get('say', '')!r}"


def score_call(result: CallResult) -> tuple[Figures, list[Miss]]:
    fig = Figures(calls=1)
    misses: list[Miss] = []
    record = result.record
    if result.error:
        misses.append(Miss(result.caller_id, result.lang, "call", "error", None, result.error, ""))
    for key, expected in result.expected.items():
        got = record.get(key)
        if got is not None:
            fig.fields_collected += 1
        if got is not None and key not in result.gave:
            kind = "invented"
            fig.invented += 1
        elif expected is None:
            # a field the call never reached, or one the caller doesn't know: it must end null
            kind = "" if got is None else "unexpected"
            if got is None and key not in result.unknown:
                continue  # never asked: not scored
        elif got == expected:
            kind = ""
        else:
            kind = "missing" if got is None else "wrong"
        fig.fields_scored += 1
        if kind:
            misses.append(
                Miss(result.caller_id, result.lang, key, kind, expected, got, last_exchange(result, key))
            )
        else:
            fig.fields_right += 1
    if result.outcome == result.expected_outcome:
        fig.outcomes_right += 1
    else:
        misses.append(
            Miss(
                result.caller_id,
                result.lang,
                "outcome",
                "outcome",
                result.expected_outcome,
                result.outcome,
                last_exchange(result, None),
            )
        )
    fig.field_turns = sum(
        1 for ex in result.exchanges if ex.field is not None and ex.state in ("asking", "confirming")
    )
    fig.call_turns = len(result.exchanges)
    firsts = first_readbacks(result)
    fig.first_readbacks = len(firsts)
    fig.first_readbacks_right = sum(1 for key, value in firsts.items() if value == result.expected[key])
    return fig, misses


def first_readbacks(result: CallResult) -> dict[str, str]:
    """The first value Daisy read back for each field whose true value the caller knows."""
    firsts: dict[str, str] = {}
    for ex in result.exchanges:
        key, pending = ex.daisy.get("field"), ex.daisy.get("pending")
        if not result.heard(ex) or key is None or pending is None or key in firsts:
            continue
        if result.expected.get(key) is not None:
            firsts[key] = str(pending)
    return firsts


def wrong_readbacks(result: CallResult) -> list[Miss]:
    """Read-backs of a value other than the caller's, with the caller line that led to each.

    They cost turns even when the caller fixes them, and show what the understanding misheard."""
    found: list[Miss] = []
    for ex in result.exchanges:
        key, pending = ex.daisy.get("field"), ex.daisy.get("pending")
        if not result.heard(ex) or key is None or pending is None:
            continue
        expected = result.expected.get(key)
        if expected is not None and pending != expected:
            line = f"caller: {_describe(ex.caller)} -> daisy: {ex.daisy.get('say', '')!r}"
            found.append(Miss(result.caller_id, result.lang, key, "readback", expected, pending, line))
    return found


def unclear_answers(result: CallResult) -> list[Miss]:
    """A yes or no to a read-back after which Daisy reads back the very same value again."""
    found: list[Miss] = []
    for ex in result.exchanges:
        d = ex.daisy
        if (
            ex.meant
            and ex.state == "confirming"
            and d.get("state") == "confirming"
            and d.get("field") == ex.field
            and d.get("pending") == ex.pending
        ):
            line = f"caller: {_describe(ex.caller)} -> daisy: {d.get('say', '')!r}"
            found.append(Miss(result.caller_id, result.lang, ex.field or "", "unclear", ex.meant, None, line))
    return found


def repeated_lines(result: CallResult) -> list[Miss]:
    """Daisy saying the very same sentence twice in a row (she should vary her wording)."""
    found: list[Miss] = []
    previous = str(result.opening.get("say") or "")
    for ex in result.exchanges:
        said = str(ex.daisy.get("say") or "")
        if said and said == previous:
            line = f"caller: {_describe(ex.caller)} -> daisy: {said!r}"
            found.append(Miss(result.caller_id, result.lang, ex.field or "", "repeated", None, said, line))
        previous = said
    return found


@dataclass
class Report:
    by_lang: dict[str, Figures]
    overall: Figures
    misses: list[Miss]
    readbacks: list[Miss] = field(default_factory=list)
    unclear: list[Miss] = field(default_factory=list)  # yes/no answers Daisy did not take
    repeated: list[Miss] = field(default_factory=list)  # Daisy's sentences said twice in a row
    by_field: dict[str, list[int]] = field(default_factory=dict)  # form key -> [right, scored]
    turns_by_meaning: dict[str, dict[str, int]] = field(default_factory=dict)  # lang -> what -> turns

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall.to_dict(),
            "by_lang": {lang: fig.to_dict() for lang, fig in sorted(self.by_lang.items())},
            "by_field": {key: {"right": r, "scored": n} for key, (r, n) in self.by_field.items()},
            "turns_by_meaning": self.turns_by_meaning,
            "misses": [m.to_dict() for m in self.misses],
            "wrong_readbacks": [m.to_dict() for m in self.readbacks],
            "unclear_answers": [m.to_dict() for m in self.unclear],
            "repeated_lines": [m.to_dict() for m in self.repeated],
        }


def score(results: list[CallResult]) -> Report:
    by_lang: dict[str, Figures] = {}
    overall = Figures()
    report = Report(by_lang, overall, [])
    for result in results:
        fig, call_misses = score_call(result)
        missed = {m.field for m in call_misses}
        meanings = report.turns_by_meaning.setdefault(result.lang, {})
        for ex in result.exchanges:
            if ex.field is not None and ex.state in ("asking", "confirming"):
                meanings[ex.meant or "other"] = meanings.get(ex.meant or "other", 0) + 1
        for key, expected in result.expected.items():
            if expected is not None or key in result.unknown or result.record.get(key) is not None:
                tally = report.by_field.setdefault(key, [0, 0])
                tally[0] += key not in missed
                tally[1] += 1
        readbacks = wrong_readbacks(result)
        fig.wrong_readbacks = len(readbacks)
        by_lang.setdefault(result.lang, Figures()).add(fig)
        overall.add(fig)
        report.misses += call_misses
        report.readbacks += readbacks
        report.unclear += unclear_answers(result)
        report.repeated += repeated_lines(result)
    return report
