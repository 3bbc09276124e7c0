"""`daisy eval --audio`: simulated drivers speak through a phone line into Daisy's own hearing.

The quick tests check the parts a reader would recognize (what a driver says aloud, how they react to
being misheard, the line, the cache); one end-to-end run speaks three short calls (both voice
families, one noisy line) and checks the report and that every call ended.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import numpy as np
from typer.testing import CliRunner

from daisy.cli.main import app
from daisy.evaluation.audio import wording
from daisy.evaluation.audio.cache import AudioCache
from daisy.evaluation.audio.driver import Driver
from daisy.evaluation.audio.line import RATE, speech_rms, through_line
from daisy.evaluation.audio.runner import assign
from daisy.evaluation.audio.voices import Voice
from daisy.evaluation.spec import CallerSpec, load_callers

VALUES = {
    "driver_name": "Ramón Ibarra",
    "tractor_number": "4512",
    "tractor_plates": "XYZ45",
    "trailer_number": "300",
    "trailer_plates": "BK5717",
    "eta": "17:45",
    "email": "ramon.ibarra@gmail.com",
}


def _spec(lang: str = "es", **extra: object) -> CallerSpec:
    raw = {"id": f"t-{lang}", "lang": lang, "now": "2026-11-20T12:00:00-06:00", "values": VALUES}
    return CallerSpec.from_dict({**raw, "outcome": "completed", **extra})


def _out(state: str, key: str | None, say: str = "", pending: str | None = None, offer: str = "ask") -> dict:
    return {"say": say, "state": state, "field": key, "pending": pending, "ended": False, "offer": offer}


# --- what a driver says aloud -----------------------------------------------------------------------


def test_drivers_say_words_not_digits_or_written_addresses() -> None:
    rng = random.Random(1)
    said = wording.speakable("a las 16:45, placas 4512, juan.rosa@hotmail.com", "es", rng)
    assert not re.search(r"\d|@", said)
    assert "dieciséis cuarenta y cinco" in said and "arroba hotmail punto com" in said
    assert not re.search(r"\d|@", wording.speakable("at 9:05 PM, it's 606, ed@icloud.com", "en", rng))


def test_spelling_uses_key_words_in_spanish_and_nato_in_english() -> None:
    rng = random.Random(2)
    es = wording.spelled("XB4", "es", rng)
    assert re.fullmatch(r"(equis|ekis) de \w+, (be|be grande) de \w+, cuatro", es), es
    assert wording.spelled("XB4", "en", rng) == "X-ray, Bravo, four"
    email = wording.spelled_email("ed@gmail.com", "en", rng)
    assert email == "Echo, Delta, at gmail dot com"


def test_plates_are_never_said_with_recognizer_damage() -> None:
    spec = _spec("es", style={"letters": "damaged", "numbers": "glue", "email": "written"})
    driver = Driver(spec)
    for _ in range(20):
        said = driver.next(_out("asking", "tractor_plates", "¿Las placas?"))
        assert said is not None
        text = said["say"]
        assert not re.search(r"litra|letrae|lectra|le tra|\d", text, re.I), text
        driver = Driver(spec)  # a fresh call: the first answer again, other random choices
        driver.rng.seed(len(text))


# --- how a driver reacts to being misheard ---------------------------------------------------------


def test_a_wrong_read_back_gets_a_no_and_only_the_truth_gets_a_yes() -> None:
    driver = Driver(_spec("es"))
    driver.next(_out("asking", "tractor_number", "¿Número económico?"))
    no = driver.next(_out("confirming", "tractor_number", "¿4513?", pending="4513"))
    assert no is not None and no["say"].lower().startswith(("no", "incorrecto", "nop"))
    yes = driver.next(_out("confirming", "tractor_number", "¿4512?", pending="4512"))
    assert yes is not None and not yes["say"].lower().startswith("no")


def test_after_a_second_no_the_driver_spells_the_plates() -> None:
    driver = Driver(_spec("en"))
    for wrong in ("XYZ44", "XYZ46"):
        driver.next(_out("asking", "tractor_plates", "The tractor plates?"))
        driver.next(_out("confirming", "tractor_plates", "Right?", pending=wrong))
    spelled = driver.next(_out("asking", "tractor_plates", "Let's try again."))
    assert spelled == {"say": "X-ray, Yankee, Zulu, four, five"}
    assert driver.meant == "spelled"


def test_when_daisy_starts_plates_over_letter_by_letter_the_driver_spells_them() -> None:
    driver = Driver(_spec("en", style={"pieces": False}))
    driver.next(_out("asking", "tractor_plates", "The tractor plates?"))
    driver.next(_out("asking", "tractor_plates", "What's next?"))  # all said: "that's all"
    again = driver.next(_out("asking", "tractor_plates", "Let's start over, slowly.", offer="spell"))
    assert again == {"say": "X-ray, Yankee, Zulu, four, five"}

def test_a_driver_who_spells_only_after_a_second_no_says_the_plates_again_when_asked_to_spell() -> None:
    driver = Driver(_spec("en", style={"pieces": False}), spells_when_asked=False)
    driver.next(_out("asking", "tractor_plates", "The tractor plates?"))
    driver.next(_out("asking", "tractor_plates", "What's next?"))
    again = driver.next(_out("asking", "tractor_plates", "Let's start over, slowly.", offer="spell"))
    assert again is not None and driver.meant != "spelled"
    for wrong in ("XYZ44", "XYZ46"):
        driver.next(_out("confirming", "tractor_plates", "Right?", pending=wrong))
        driver.next(_out("asking", "tractor_plates", "Once more, slowly.", offer="spell"))
    assert driver.meant == "spelled"



def test_a_driver_keys_the_digits_when_the_keypad_is_offered() -> None:
    driver = Driver(_spec("es"))
    keyed = driver.next(_out("asking", "tractor_number", "Márcalo con el teclado.", offer="keypad"))
    assert keyed == {"dtmf": "4512#"}
    eta = driver.next(_out("asking", "eta", "¿A qué hora llegas?", offer="keypad"))
    assert eta == {"dtmf": "1745#"}


def test_a_driver_does_not_hang_up_on_a_slow_line() -> None:
    driver = Driver(_spec("es"))
    for _ in range(12):
        said = driver.next(_out("asking", "driver_name", "¿Tu nombre?"))
        assert said is not None and "hangup" not in said


# --- the line and the cache ------------------------------------------------------------------------


def test_the_line_is_8khz_deterministic_and_noisy_at_about_20_db() -> None:
    rate = 16000
    t = np.arange(rate) / rate
    tone = 0.3 * np.sin(2 * np.pi * 440 * t) * (np.sin(2 * np.pi * 3 * t) > 0)
    clean = through_line(tone, rate, noisy=False, seed=1)
    noisy = through_line(tone, rate, noisy=True, seed=1)
    assert clean.dtype == np.int16 and abs(clean.size - int(1.5 * RATE)) < 80
    assert np.array_equal(noisy, through_line(tone, rate, noisy=True, seed=1))
    assert not np.array_equal(noisy, through_line(tone, rate, noisy=True, seed=2))
    noise = noisy.astype(float) - clean.astype(float)
    snr = 20 * np.log10(speech_rms(clean.astype(float)) / np.sqrt(np.mean(noise**2)))
    assert 17 < snr < 23


def test_spoken_sentences_are_cached_on_disk(tmp_path: Path) -> None:
    cache = AudioCache(tmp_path)
    voice = Voice("espeak", "es", "m3")
    first = cache.line_wav(voice, "cuatro cinco uno dos", noisy=True, seed=3)
    again = AudioCache(tmp_path).line_wav(voice, "cuatro cinco uno dos", noisy=True, seed=3)
    assert first == again and first.read_bytes() == again.read_bytes()
    assert cache.synthesized == 1


def test_every_voice_family_and_line_is_used_and_languages_are_balanced() -> None:
    setups = assign(load_callers()[:8])
    assert {(s.family, s.noisy) for _, s in setups} == {
        ("espeak", False),
        ("espeak", True),
        ("kokoro", False),
        ("kokoro", True),
    }
    assert all(s.voice is not None and s.voice.lang == spec.lang for spec, s in setups)


def test_the_english_callers_can_speak_with_a_neural_voice_never_tuned_on() -> None:
    callers = load_callers()
    setups = assign([c for c in callers if c.lang == "es"][:4] + [c for c in callers if c.lang == "en"][:4],
                    english_neural="piper")
    neural = {(spec.lang, s.family) for spec, s in setups if s.family != "espeak"}
    assert neural == {("en", "piper"), ("es", "kokoro")}
    piper = [s.voice.id for _, s in setups if s.family == "piper" and s.voice is not None]
    assert piper and set(piper) == {"piper:en-us:joe"}


def test_the_callers_can_speak_with_espeak_variants_never_tuned_on() -> None:
    others = ("m2", "m4", "f3")
    setups = assign(load_callers()[:16], espeak_variants=others)
    picked = {s.voice.variant for _, s in setups if s.family == "espeak" and s.voice is not None}
    assert picked and picked <= set(others)


def test_drivers_can_be_set_to_spell_only_after_a_second_no() -> None:
    setups = assign(load_callers()[:4], spells_when_asked=False)
    assert not any(s.spells_when_asked for _, s in setups)
    assert all(s.spells_when_asked for _, s in assign(load_callers()[:4]))


# --- end to end ------------------------------------------------------------------------------------

SHORT_CALLS = [
    # a driver who gives the name, then asks for a person (espeak-ng, clean line)
    {"id": "a-es-1", "lang": "es", "direction": "inbound", "now": "2026-11-20T12:00:00-06:00",
     "values": VALUES, "stop": {"at": "tractor_number", "do": "human"}, "outcome": "transferred"},
    # an English driver who is not interested (espeak-ng, clean line)
    {"id": "a-en-1", "lang": "en", "direction": "outbound", "now": "2026-11-20T12:00:00-05:00",
     "values": VALUES, "start": "refuse", "outcome": "refused"},
    # a Spanish driver who is not interested (Kokoro, truck cab)
    {"id": "a-es-2", "lang": "es", "direction": "outbound", "now": "2026-11-20T12:00:00-06:00",
     "values": VALUES, "start": "refuse", "outcome": "refused"},
]  # fmt: skip


def test_audio_eval_reports_per_voice_family_and_line_and_every_call_ends(tmp_path: Path) -> None:
    path = tmp_path / "short.jsonl"
    path.write_text("\n".join(json.dumps(c, ensure_ascii=False) for c in SHORT_CALLS) + "\n")
    result = CliRunner().invoke(app, ["eval", "--audio", "--callers", str(path), "--json", "-j", "1"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output.strip().splitlines()[-1])
    rows = report["rows"]
    assert {"text", "espeak clean", "kokoro noisy", "audio"} <= set(rows)
    assert rows["text"]["calls"] == 3 and rows["audio"]["calls"] == 3
    for row in rows.values():
        assert {
            "fields_right",
            "wrong_values",
            "never_ended",
            "outcomes",
            "turns_per_field",
            "keypad_uses",
        } <= set(row)
    assert rows["audio"]["utterances"] > 0
    assert report["errors"] == []
    assert rows["audio"]["never_ended"] == 0 and rows["text"]["never_ended"] == 0
    assert set(report["by_lang"]) == {"es", "en"}
