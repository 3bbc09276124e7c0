"""The simulated caller reacts to Daisy's state as specified (fed with made-up outputs, no core)."""

from __future__ import annotations

from typing import Any

from daisy.evaluation.callers import SAYINGS, CallerSpec, SimulatedCaller

VALUES = {
    "driver_name": "Aurelio Campos de la Fuente",
    "tractor_number": "4821",
    "tractor_plates": "KTR591",
    "trailer_number": "77",
    "trailer_plates": "HW2048",
    "eta": "+120",
    "email": "aurelio.campos@gmail.com",
}


def spec(**over: Any) -> CallerSpec:
    raw = {
        "id": "t-1",
        "lang": "es",
        "direction": "inbound",
        "now": "2026-11-23T10:15:00-06:00",
        "values": VALUES,
        "outcome": "completed",
        "seed": 4,
        **over,
    }
    return CallerSpec.from_dict(raw)


def out(state: str, field: str | None = None, pending: str | None = None, say: str = "") -> dict[str, Any]:
    return {
        "say": say,
        "state": state,
        "field": field,
        "pending": pending,
        "ended": False,
        "outcome": None,
        "record": {},
    }


def test_relative_eta_is_resolved_against_now() -> None:
    assert spec().truth("eta") == "12:15"


def test_greeting_and_permission() -> None:
    caller = SimulatedCaller(spec(direction="outbound"))
    assert caller.next(out("greeting"))["say"] in SAYINGS["hello"]["es"]
    assert caller.next(out("permission"))["say"] in SAYINGS["accept"]["es"]


def test_answers_the_asked_field_and_says_yes_to_a_right_readback() -> None:
    caller = SimulatedCaller(spec(style={"numbers": "numeric"}))
    assert caller.next(out("asking", "tractor_number"))["say"].rstrip(".") in ("4821", "El 4821")
    assert "tractor_number" in caller.gave
    yes = caller.next(out("confirming", "tractor_number", "4821"))["say"]
    assert yes in SAYINGS["yes"]["es"]


def test_says_no_or_corrects_a_wrong_readback() -> None:
    seen = set()
    for seed in range(30):
        caller = SimulatedCaller(spec(seed=seed))
        caller.next(out("asking", "tractor_plates"))
        reply = caller.next(out("confirming", "tractor_plates", "KTL591"))["say"]
        assert reply.startswith(("No", "En vez", "Incorrecto", "Antes")), reply
        seen.add(reply.split()[0])
    assert {"En", "No"} <= {w.rstrip(",.") for w in seen}  # both corrections and plain noes happen


def test_swap_names_the_wrong_and_right_letter() -> None:
    replies = set()
    for seed in range(40):
        caller = SimulatedCaller(spec(seed=seed))
        caller.next(out("asking", "tractor_plates"))
        replies.add(caller.next(out("confirming", "tractor_plates", "KTL591"))["say"])
    swaps = [r for r in replies if r.startswith("En vez")]
    assert any(r.startswith("No, la primera") for r in replies) is False  # the first letter was right
    assert swaps and all(" L " in r and r.rstrip(".").endswith("R") for r in swaps)


def test_missing_letter_and_first_letter_fixes() -> None:
    replies = set()
    for seed in range(40):
        caller = SimulatedCaller(spec(seed=seed))
        caller.next(out("asking", "tractor_plates"))
        replies.add(caller.next(out("confirming", "tractor_plates", "KR591"))["say"])
        replies.add(caller.next(out("confirming", "tractor_plates", "XTR591"))["say"])
    assert "Antes de la R va la T." in replies
    assert "No, la primera es K." in replies


def test_pieces_over_several_turns_then_done() -> None:
    caller = SimulatedCaller(spec(style={"pieces": True, "letters": "letra", "numbers": "numeric"}))
    turns = [caller.next(out("asking", "trailer_plates"))["say"]]
    while caller.queue:
        turns.append(caller.next(out("asking", "trailer_plates"))["say"])
    assert len(turns) >= 2 and turns[-1].rstrip(".") == "2048"
    assert caller.next(out("asking", "trailer_plates"))["say"] in SAYINGS["done"]["es"]


def test_unknown_field_and_behaviours() -> None:
    caller = SimulatedCaller(spec(unknown=["email"], does={"eta": ["repeat", "silence"]}))
    assert caller.next(out("asking", "email"))["say"] in SAYINGS["unknown"]["es"]
    assert "email" not in caller.gave
    assert caller.next(out("asking", "eta"))["say"] in SAYINGS["repeat"]["es"]
    assert caller.next(out("asking", "eta")) == {"silence": 5}
    assert "eta" not in caller.gave
    caller.next(out("asking", "eta"))
    assert "eta" in caller.gave


def test_start_intents_and_stops() -> None:
    caller = SimulatedCaller(spec(direction="outbound", start="refuse", outcome="refused"))
    assert caller.next(out("permission"))["say"] in SAYINGS["refuse"]["es"]
    assert caller.next(out("permission"))["say"] in SAYINGS["refuse_again"]["es"]
    human = SimulatedCaller(spec(stop={"at": "eta", "do": "human"}, outcome="transferred"))
    assert human.next(out("asking", "eta"))["say"] in SAYINGS["human"]["es"]
    assert human.spec.expected_record(list(VALUES))["eta"] is None
    assert human.spec.expected_record(list(VALUES))["trailer_plates"] == "HW2048"
    gone = SimulatedCaller(spec(stop={"at": "email", "do": "hangup"}, outcome="abandoned"))
    assert gone.next(out("asking", "email")) == {"hangup": True}


def test_follow_up_email_instead() -> None:
    caller = SimulatedCaller(
        spec(direction="outbound", start="email", outcome="email", style={"email": "written"})
    )
    assert caller.next(out("permission"))["say"] in SAYINGS["email"]["es"]
    assert "aurelio.campos@gmail.com" in caller.next(out("asking"))["say"].lower()
    assert caller.next(out("confirming", None, "aurelio.campos@gmail.com"))["say"] in SAYINGS["yes"]["es"]


def test_same_caller_same_words() -> None:
    def run() -> list[Any]:
        caller = SimulatedCaller(spec(seed=11))
        return [caller.next(out("asking", key)) for key in VALUES]

    assert run() == run()


def test_a_reask_mid_pieces_restarts_the_value() -> None:
    caller = SimulatedCaller(spec(style={"pieces": True, "letters": "letra", "numbers": "numeric"}))
    first = caller.next(out("asking", "trailer_plates"))["say"]
    assert caller.queue  # more pieces to come
    reask = "Perdón, no te entendí. ¿Y las placas de la caja? Letra por letra, por favor."
    again = caller.next(out("asking", "trailer_plates", say=reask))["say"]
    # a fresh answer with the whole plate in one turn, not the next piece
    assert again != first and "2048" in again and again.lower().count("letra") == 2 and not caller.queue
    assert caller.next(out("asking", "trailer_plates", say=reask))["say"] not in SAYINGS["done"]["es"]


def test_the_caller_labels_what_each_line_meant() -> None:
    caller = SimulatedCaller(spec(style={"pieces": True, "letters": "letra"}, does={"eta": ["offtopic"]}))
    caller.next(out("asking", "tractor_plates"))
    assert caller.meant == "answer"
    caller.next(out("asking", "tractor_plates", say="Ka. ¿Qué sigue?"))
    assert caller.meant == "piece"
    caller.next(out("confirming", "tractor_plates", "KTR591"))
    assert caller.meant == "yes"
    caller.next(out("asking", "eta"))
    assert caller.meant == "offtopic"
