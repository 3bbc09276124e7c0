"""Whatever Daisy answers, a simulated caller replies with a well-formed protocol object and ends."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from daisy.evaluation.callers import MAX_TURNS, CallerSpec, SimulatedCaller, load_callers
from daisy.protocol import parse_event

SPECS = load_callers()
KEYS = [
    None,
    "driver_name",
    "tractor_number",
    "tractor_plates",
    "trailer_number",
    "trailer_plates",
    "eta",
    "email",
]
STATES = ["greeting", "permission", "asking", "confirming", "closing"]

outputs = st.fixed_dictionaries(
    {
        "say": st.text(max_size=40),
        "state": st.sampled_from(STATES),
        "field": st.sampled_from(KEYS),
        "pending": st.one_of(st.none(), st.text(max_size=12), st.sampled_from(["16:45", "ABC123", "1002"])),
        "ended": st.just(False),
        "outcome": st.none(),
        "record": st.just({}),
    }
)


@settings(max_examples=60, deadline=None)
@given(index=st.integers(0, len(SPECS) - 1), seq=st.lists(outputs, min_size=1, max_size=MAX_TURNS + 5))
def test_any_sequence_of_outputs_gets_valid_inputs(index: int, seq: list[dict[str, Any]]) -> None:
    spec: CallerSpec = SPECS[index]
    caller = SimulatedCaller(spec)
    for n, out in enumerate(seq):
        obj = caller.next(out)
        if obj is None:
            break
        parse_event(obj)  # raises on a malformed protocol object
        if "hangup" in obj:
            break
        assert n < MAX_TURNS + 1
    assert caller.next({**seq[-1], "ended": True}) is None
