"""`daisy eval --generate N`: callers made up from Faker's names and random values, a set Daisy was
never tuned on."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from daisy.cli.main import app
from daisy.evaluation.generated import generate, made_up
from daisy.understanding import plausible


def test_the_same_set_is_made_up_for_the_same_seed_and_another_for_another() -> None:
    assert generate(6, seed=3) == generate(6, seed=3)
    assert [c.values for c in generate(6, seed=3)] != [c.values for c in generate(6, seed=4)]


def test_made_up_values_are_possible_values_of_their_kind() -> None:
    for caller in generate(40, seed=5):
        for key in ("tractor_plates", "trailer_plates"):
            assert plausible.plausible("plate", caller.values[key]), caller.values[key]
        assert plausible.plausible("email", caller.values["email"]), caller.values["email"]
        number = caller.values["tractor_number"]
        assert number.isdigit() or (number.isalnum() and number.isupper())


def test_a_made_up_name_has_one_space_between_its_words() -> None:
    # Faker's es_MX list has "Alta  Gracia": no caller says the second space (made-up set 27)
    names = [c.values["driver_name"] for c in made_up(48, 27)]
    assert "Alta Gracia Hernádez Nieves" in names
    assert all(name == " ".join(name.split()) for name in names)


def test_a_language_picks_its_own_callers_only() -> None:
    callers = made_up(5, seed=2, lang="en")
    assert len(callers) == 5 and {c.lang for c in callers} == {"en"}


def test_made_up_callers_run_in_text_and_are_understood() -> None:
    result = CliRunner().invoke(app, ["eval", "--generate", "12", "--generated-set", "9", "--json"])
    assert result.exit_code == 0, result.output
    overall = json.loads(result.output)["overall"]
    assert overall["calls"] == 12
    assert overall["fields_right"] >= 0.95 * overall["fields_scored"]


def test_made_up_callers_and_a_callers_file_together_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "--generate", "4", "--callers", str(tmp_path / "x.jsonl")])
    assert result.exit_code != 0 and "choose one" in result.output
