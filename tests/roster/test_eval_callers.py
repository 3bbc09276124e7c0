"""`daisy eval` has callers for the roster: known drivers whose data has not changed, known drivers
with a changed tractor, and unknown numbers; all end exactly right."""

from __future__ import annotations

from daisy.evaluation.runner import run_callers
from daisy.evaluation.scoring import score
from daisy.evaluation.spec import load_callers


def test_the_roster_callers_end_exactly_right_with_few_turns() -> None:
    specs = [s for s in load_callers() if s.number]
    unchanged = [s for s in specs if s.roster and all(s.truth(k) == v for k, v in s.roster.items())]
    changed = [
        s
        for s in specs
        if s.roster and s.roster.get("tractor_number") not in (None, s.truth("tractor_number"))
    ]
    unknown = [s for s in specs if not s.roster]
    assert len(unchanged) >= 3 and len(changed) >= 3 and len(unknown) >= 2
    results = run_callers(specs)
    report = score(results)
    assert report.misses == [] and report.readbacks == []
    for spec, result in zip(specs, results, strict=True):
        meant = [ex.meant for ex in result.exchanges]
        if spec in unchanged and spec.direction == "inbound":
            # a yes for each known value; only the ETA, which no roster holds, is said and confirmed
            assert meant.count("yes") == len(spec.roster) + 1 and meant.count("answer") == 1
            assert len(result.exchanges) == len(spec.roster) + 2
        if spec in changed:
            tractor = [ex for ex in result.exchanges if ex.field == "tractor_number"]
            assert tractor[0].meant == "no" and tractor[0].pending == spec.roster["tractor_number"]
