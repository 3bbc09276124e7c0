"""The demo's synthetic caller reacts to the call state, so a misrecognition cannot derail it."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from daisy.core import CallState, Direction, Phase
from daisy.voice.caller import PERSONAS, ScriptedCaller, load_persona

ASKING = CallState(direction=Direction.INBOUND, lang="es-MX", phase=Phase.ASKING, field="tractor_number")


def test_answers_then_keys_in_a_misheard_number() -> None:
    caller = ScriptedCaller(PERSONAS["es"])
    assert caller.react(ASKING).kind == "say"
    second = caller.react(ASKING)
    assert (second.kind, second.text) == ("dtmf", "4512#")


def test_confirms_only_the_right_value() -> None:
    caller = ScriptedCaller(PERSONAS["es"])
    confirming = replace(ASKING, phase=Phase.CONFIRMING, pending="4512")
    assert caller.react(confirming).text == PERSONAS["es"].lines["yes"]
    assert caller.react(replace(confirming, pending="459")).text == PERSONAS["es"].lines["no"]
    name = replace(confirming, field="driver_name", pending="Mario Lopez")  # accents do not matter
    assert caller.react(name).text == PERSONAS["es"].lines["yes"]


def test_gives_up_on_a_value_that_does_not_get_across() -> None:
    caller = ScriptedCaller(PERSONAS["es"])
    email = replace(ASKING, field="email")
    assert caller.react(email).text == PERSONAS["es"].answers["email"].speech
    assert caller.react(email).text == PERSONAS["es"].lines["unknown"]
    pieces = replace(ASKING, field="tractor_plates", pieces="LM")
    assert caller.react(pieces).text == PERSONAS["es"].lines["done"]


def test_says_no_and_the_value_again_when_daisy_took_a_wrong_start() -> None:
    caller = ScriptedCaller(PERSONAS["es"])
    wrong_start = replace(ASKING, field="tractor_plates", pieces="N")
    assert caller.react(wrong_start).text == "No, está mal, ele eme, catorce ochenta."


def test_script_file_overrides_answers(tmp_path: Path) -> None:
    script = tmp_path / "caller.json"
    name = {"speech": "Soy Ana Ruiz.", "value": "Ana Ruiz"}
    script.write_text(json.dumps({"answers": {"driver_name": name}, "lines": {"yes": "Sí."}}))
    persona = load_persona(script, "es")
    caller = ScriptedCaller(persona)
    assert caller.react(replace(ASKING, field="driver_name")).text == "Soy Ana Ruiz."
    assert persona.lines["yes"] == "Sí." and persona.answers["eta"] == PERSONAS["es"].answers["eta"]
