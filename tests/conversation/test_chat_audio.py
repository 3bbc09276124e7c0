"""A driver's spoken answers on the machine protocol: `{"audio": "turn.wav"}` is heard as a phone call
hears it, for what Daisy expects at that point, and the call moves on."""

from __future__ import annotations

import json
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

from daisy.protocol import ProtocolError, ProtocolSession
from tests.conversation.conftest import NOW


def _speak(text: str, voice: str, path: Path) -> str:
    """espeak-ng in a subprocess (GPL stays out of the process), padded as the VAD leaves a turn."""
    raw = path.with_suffix(".raw.wav")
    subprocess.run(["espeak-ng", "-v", voice, "-w", str(raw), text], check=True)
    with wave.open(str(raw)) as w:
        rate = w.getframerate()
        pcm = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16)
    pad = np.zeros(rate * 3 // 10, dtype=np.int16)
    _write(path, np.concatenate([pad, pcm, pad]), rate)
    return str(path)


def _write(path: Path, pcm: np.ndarray, rate: int, channels: int = 1) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.astype(np.int16).tobytes())


def test_spoken_answers_fill_a_name_a_number_and_a_spelled_plate(tmp_path: Path) -> None:
    call = ProtocolSession(lang="en", now=NOW)
    call.opening()
    out = call.send({"audio": _speak("My name is John Miller.", "en-us", tmp_path / "name.wav")})
    assert out["heard"] and out["pending"] == "John Miller" and out["expects"] == "yes_no"
    out = call.send({"audio": _speak("Yes, that's correct.", "en-us", tmp_path / "yes.wav")})
    assert out["record"]["driver_name"] == "John Miller" and out["field"] == "tractor_number"
    out = call.send({"audio": _speak("thirty two", "en-us", tmp_path / "number.wav")})
    assert out["pending"] == "32"  # heard once, not "32 32"
    call.send({"audio": str(tmp_path / "yes.wav")})
    out = call.send({"audio": _speak("A, B, C, one, two, three", "en-us", tmp_path / "plate.wav")})
    assert out["field"] == "tractor_plates" and out["pending"] == "ABC123"


def test_a_spanish_read_back_is_confirmed_by_voice(tmp_path: Path) -> None:
    call = ProtocolSession(lang="es", now=NOW)
    call.opening()
    out = call.send({"audio": _speak("Me llamo Luis Martínez.", "es-419", tmp_path / "nombre.wav")})
    assert out["pending"] == "Luis Martínez"
    out = call.send({"audio": _speak("Sí, es correcto.", "es-419", tmp_path / "si.wav")})
    assert out["record"]["driver_name"] == "Luis Martínez" and out["field"] == "tractor_number"


@pytest.mark.parametrize("bad", ["missing", "not_wav", "stereo", "empty", 42, ""])
def test_an_unusable_audio_line_is_refused_in_one_line(tmp_path: Path, bad: object) -> None:
    if bad == "not_wav":
        (tmp_path / "x.wav").write_text("hola")
    elif bad == "stereo":
        _write(tmp_path / "x.wav", np.zeros(1600, np.int16), 8000, channels=2)
    elif bad == "empty":
        _write(tmp_path / "x.wav", np.zeros(0, np.int16), 8000)
    path = str(tmp_path / "x.wav") if isinstance(bad, str) and bad else bad
    call = ProtocolSession(lang="es", now=NOW)
    call.opening()
    with pytest.raises(ProtocolError) as err:
        call.send({"audio": path})
    assert "\n" not in str(err.value)


def test_daisy_chat_hears_audio_lines_and_goes_on_after_a_bad_one(tmp_path: Path) -> None:
    name = _speak("Me llamo Luis Martínez.", "es-419", tmp_path / "nombre.wav")
    lines = [{"audio": str(tmp_path / "nope.wav")}, {"audio": name}, {"say": "sí"}]
    proc = subprocess.run(
        [sys.executable, "-m", "daisy.cli.main", "chat", "--jsonl", "--db", f"sqlite:///{tmp_path / 'c.db'}"],
        input="".join(json.dumps(x) + "\n" for x in lines), capture_output=True, text=True, timeout=120,
    )
    out = [json.loads(x) for x in proc.stdout.splitlines()]
    assert proc.returncode == 0 and len(out) == 4
    assert "error" in out[1] and "heard" not in out[1] and len(proc.stderr.strip().splitlines()) == 1
    assert out[2]["heard"] and out[2]["pending"] == "Luis Martínez"
    assert out[3]["record"]["driver_name"] == "Luis Martínez"


def test_an_address_said_after_a_confirmed_name_is_heard_knowing_the_name(tmp_path: Path) -> None:
    call = ProtocolSession(lang="en", now=NOW)
    call.opening()
    for said in ["Travis Holloway", "yes", "155", "yes", "ABC123", "yes", "204", "yes", "XYZ789", "yes",
                 "at five pm", "yes"]:
        out = call.send({"say": said})
    assert out["expects"] == "email" and out["record"]["driver_name"] == "Travis Holloway"
    said = _speak("travis dot holloway at icloud dot com", "en-us", tmp_path / "email.wav")
    out = call.send({"audio": said})
    assert out["pending"].startswith("travis.holloway@")
