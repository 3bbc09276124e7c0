"""The scorer on made-up transcripts: right fields, misses, invented values, outcomes, turns."""

from __future__ import annotations

from typing import Any

from daisy.evaluation.scoring import CallResult, Exchange, score, score_call

KEYS = ["driver_name", "tractor_number", "eta"]


def daisy(
    state: str, field: str | None, record: dict[str, Any], outcome: str | None = None
) -> dict[str, Any]:
    return {
        "say": "...",
        "state": state,
        "field": field,
        "pending": None,
        "ended": outcome is not None,
        "outcome": outcome,
        "record": record,
    }


def call(
    record: dict[str, Any],
    outcome: str = "completed",
    expected: dict[str, Any] | None = None,
    gave: set[str] | None = None,
    unknown: tuple[str, ...] = (),
    turns_on: list[str | None] | None = None,
    expected_outcome: str = "completed",
) -> CallResult:
    expected = expected or {"driver_name": "Ana Ruiz", "tractor_number": "512", "eta": "16:45"}
    result = CallResult(
        "c1",
        "es",
        expected,
        unknown,
        set(expected) if gave is None else gave,
        expected_outcome,
        daisy("asking", "driver_name", {}),
    )
    for key in turns_on or list(expected):
        result.exchanges.append(Exchange({"say": "x"}, daisy("asking", key, {}), "asking", key))
    result.exchanges.append(
        Exchange({"say": "sí"}, daisy("ended", None, record, outcome), "confirming", KEYS[-1])
    )
    return result


def test_all_right() -> None:
    fig, misses = score_call(call({"driver_name": "Ana Ruiz", "tractor_number": "512", "eta": "16:45"}))
    assert misses == []
    assert (fig.fields_scored, fig.fields_right, fig.invented, fig.outcomes_right) == (3, 3, 0, 1)
    assert fig.fields_collected == 3 and fig.field_turns == 4


def test_wrong_and_missing_values_are_misses() -> None:
    fig, misses = score_call(
        call({"driver_name": "Ana Ruiz", "tractor_number": "5012", "eta": None}, outcome="incomplete")
    )
    kinds = {(m.field, m.kind) for m in misses}
    assert kinds == {("tractor_number", "wrong"), ("eta", "missing"), ("outcome", "outcome")}
    assert fig.fields_right == 1 and fig.fields_scored == 3 and fig.outcomes_right == 0
    wrong = next(m for m in misses if m.field == "tractor_number")
    assert wrong.expected == "512" and wrong.got == "5012" and "caller:" in wrong.last_exchange


def test_unknown_field_must_end_null_and_a_value_there_is_invented() -> None:
    expected = {"driver_name": "Ana Ruiz", "tractor_number": None, "eta": "16:45"}
    ok, misses = score_call(
        call(
            {"driver_name": "Ana Ruiz", "tractor_number": None, "eta": "16:45"},
            outcome="incomplete",
            expected=expected,
            gave={"driver_name", "eta"},
            unknown=("tractor_number",),
            expected_outcome="incomplete",
        )
    )
    assert misses == [] and ok.fields_scored == 3 and ok.fields_right == 3
    bad, misses = score_call(
        call(
            {"driver_name": "Ana Ruiz", "tractor_number": "1", "eta": "16:45"},
            outcome="incomplete",
            expected=expected,
            gave={"driver_name", "eta"},
            unknown=("tractor_number",),
            expected_outcome="incomplete",
        )
    )
    assert bad.invented == 1 and bad.fields_right == 2
    assert [(m.field, m.kind) for m in misses] == [("tractor_number", "invented")]


def test_value_for_a_field_never_reached_is_invented_and_scored() -> None:
    expected = {"driver_name": "Ana Ruiz", "tractor_number": None, "eta": None}  # caller left early
    fig, misses = score_call(
        call(
            {"driver_name": "Ana Ruiz", "tractor_number": None, "eta": "10:00"},
            outcome="abandoned",
            expected=expected,
            gave={"driver_name"},
            expected_outcome="abandoned",
        )
    )
    assert fig.invented == 1 and fig.fields_scored == 2 and fig.fields_right == 1
    assert [(m.field, m.kind) for m in misses] == [("eta", "invented")]


def test_turns_count_only_field_turns_and_totals_add_up() -> None:
    result = call(
        {"driver_name": "Ana Ruiz", "tractor_number": "512", "eta": "16:45"},
        turns_on=[None, "driver_name", "driver_name", "tractor_number", "eta"],
    )
    other = call({"driver_name": "Ana Ruiz", "tractor_number": "512", "eta": "16:45"})
    other.lang = "en"
    report = score([result, other])
    assert report.by_lang["es"].field_turns == 5  # 4 on fields + the last "sí"; the greeting turn is not
    assert report.overall.calls == 2 and report.overall.fields_right_pct == 100.0
    assert round(report.overall.turns_per_field, 2) == round(9 / 6, 2)
    assert report.to_dict()["overall"]["outcomes_right_pct"] == 100.0


def test_turns_per_field_asked_counts_every_turn_and_every_field_asked_even_left_empty() -> None:
    # greeting + two turns on the name + three on a number left empty + the eta + its "sí" = 8 turns
    result = call(
        {"driver_name": "Ana Ruiz", "tractor_number": None, "eta": "16:45"},
        turns_on=[None, "driver_name", "driver_name", *["tractor_number"] * 3, "eta"],
    )
    fig, _ = score_call(result)
    assert fig.call_turns == 8 and fig.fields_scored == 3 and fig.fields_collected == 2
    assert round(fig.turns_per_field_asked, 2) == round(8 / 3, 2)
    assert round(fig.turns_per_field, 2) == round(7 / 2, 2)  # the strict reading: field turns / recorded


def test_wrong_readbacks_are_listed_even_when_fixed() -> None:
    result = call({"driver_name": "Ana Ruiz", "tractor_number": "512", "eta": "16:45"})
    bad = {
        "say": "...",
        "state": "confirming",
        "field": "tractor_number",
        "pending": "5012",
        "ended": False,
        "outcome": None,
        "record": {},
    }
    result.exchanges.insert(0, Exchange({"say": "cinco doce"}, bad, "asking", "tractor_number"))
    report = score([result])
    assert report.misses == []
    assert report.overall.wrong_readbacks == 1
    (rb,) = report.readbacks
    assert (rb.field, rb.expected, rb.got) == ("tractor_number", "512", "5012")
    assert "cinco doce" in rb.last_exchange


def test_a_yes_daisy_did_not_take_is_listed() -> None:
    result = call({"driver_name": "Ana Ruiz", "tractor_number": "512", "eta": "16:45"})
    again = {
        "say": "¿Sí o no?",
        "state": "confirming",
        "field": "eta",
        "pending": "16:45",
        "ended": False,
        "outcome": None,
        "record": {},
    }
    result.exchanges.insert(0, Exchange({"say": "simón"}, again, "confirming", "eta", "16:45", "yes"))
    report = score([result])
    (unclear,) = report.unclear
    assert (unclear.field, unclear.expected) == ("eta", "yes") and "simón" in unclear.last_exchange


def test_fields_right_by_field() -> None:
    result = call({"driver_name": "Ana Ruiz", "tractor_number": "5012", "eta": "16:45"})
    assert score([result]).by_field == {"driver_name": [1, 1], "tractor_number": [0, 1], "eta": [1, 1]}


def test_a_sentence_said_twice_in_a_row_is_listed() -> None:
    result = call({"driver_name": "Ana Ruiz", "tractor_number": "512", "eta": "16:45"})
    result.exchanges[1].daisy = dict(result.exchanges[0].daisy, say="¿Sigues ahí?")
    result.exchanges[0].daisy = dict(result.exchanges[0].daisy, say="¿Sigues ahí?")
    result.opening = dict(result.opening, say="Hola")
    for n, ex in enumerate(result.exchanges[2:]):
        ex.daisy = dict(ex.daisy, say=f"line {n}")
    (rep,) = score([result]).repeated
    assert rep.got == "¿Sigues ahí?"


def readback(field: str, pending: str) -> dict[str, Any]:
    return {**daisy("confirming", field, {}), "pending": pending}


def test_first_readbacks_right_counts_the_first_value_read_back_per_field() -> None:
    result = call({"driver_name": "Ana Ruiz", "tractor_number": "512", "eta": "16:45"})
    result.exchanges[:0] = [
        Exchange({"say": "Ana Ruiz"}, readback("driver_name", "Ana Ruiz"), "asking", "driver_name"),
        Exchange({"say": "cinco doce"}, readback("tractor_number", "5012"), "asking", "tractor_number"),
        Exchange({"say": "no, 512"}, readback("tractor_number", "512"), "confirming", "tractor_number"),
    ]
    fig, _ = score_call(result)
    assert (fig.first_readbacks, fig.first_readbacks_right) == (2, 1)  # eta was never read back
    assert fig.first_readbacks_right_pct == 50.0
    assert score([result]).to_dict()["by_lang"]["es"]["first_readbacks_right_pct"] == 50.0
