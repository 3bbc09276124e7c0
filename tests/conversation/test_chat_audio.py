"""A driver's spoken answers on the machine protocol: `{"audio": "turn.wav"}` is heard as a phone call
hears it, for what Daisy expects at that point, and the call moves on."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

from daisy.protocol import ProtocolError, ProtocolSession
from daisy.voice.phone_band import resample_exact, ulaw_encode
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
    assert 0 < out["confidence"] <= 1
    out = call.send({"audio": _speak("Yes, that's correct.", "en-us", tmp_path / "yes.wav")})
    assert out["record"]["driver_name"] == "John Miller" and out["field"] == "tractor_number"
    out = call.send({"audio": _speak("thirty two", "en-us", tmp_path / "number.wav")})
    assert out["pending"] == "32"  # heard once, not "32 32"
    call.send({"audio": str(tmp_path / "yes.wav")})
    out = call.send({"audio": _speak("A, B, C, one, two, three", "en-us", tmp_path / "plate.wav")})
    assert out["field"] == "tractor_plates" and out["pending"] == "ABC123"


def _rewrite_encoded(src: Path, dst: Path, encoding: str) -> str:
    """The same speech in a WAV encoding the standard library cannot read: IEEE float (what scipy or a
    neural voice writes) or G.711 µ-law (a phone recording), with a plain RIFF header."""
    with wave.open(str(src)) as w:
        rate, pcm = w.getframerate(), np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16)
    if encoding == "float":
        tag, width, data = 3, 4, (pcm / 32768.0).astype("<f4").tobytes()
    else:
        pcm = resample_exact(pcm, rate, 8000)
        tag, width, rate, data = 7, 1, 8000, ulaw_encode(pcm).tobytes()
    fmt = struct.pack("<HHIIHH", tag, 1, rate, rate * width, width, width * 8)
    body = b"WAVEfmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", len(data)) + data
    dst.write_bytes(b"RIFF" + struct.pack("<I", len(body)) + body)
    return str(dst)


@pytest.mark.parametrize("encoding", ["float", "mulaw"])
def test_a_float_or_mulaw_wav_is_heard_like_pcm(tmp_path: Path, encoding: str) -> None:
    pcm_wav = Path(_speak("thirty two", "en-us", tmp_path / "number.wav"))
    call = ProtocolSession(lang="en", now=NOW)
    call.opening()
    for said in ["John Miller", "yes"]:
        call.send({"say": said})
    out = call.send({"audio": _rewrite_encoded(pcm_wav, tmp_path / f"{encoding}.wav", encoding)})
    assert out["field"] == "tractor_number" and out["pending"] == "32"


def test_a_spanish_read_back_is_confirmed_by_voice(tmp_path: Path) -> None:
    call = ProtocolSession(lang="es", now=NOW)
    call.opening()
    out = call.send({"audio": _speak("Me llamo Luis Martínez.", "es-419", tmp_path / "nombre.wav")})
    assert out["pending"] == "Luis Martínez"
    out = call.send({"audio": _speak("Sí, es correcto.", "es-419", tmp_path / "si.wav")})
    assert out["record"]["driver_name"] == "Luis Martínez" and out["field"] == "tractor_number"


@pytest.mark.parametrize("bad", ["missing", "not_wav", "cut_float", "stereo", "empty", 42, ""])
def test_an_unusable_audio_line_is_refused_in_one_line(tmp_path: Path, bad: object) -> None:
    if bad == "not_wav":
        (tmp_path / "x.wav").write_text("hola")
    elif bad == "cut_float":  # a float WAV cut inside its header
        _write(tmp_path / "pcm.wav", np.zeros(1600, np.int16), 8000)
        whole = Path(_rewrite_encoded(tmp_path / "pcm.wav", tmp_path / "f.wav", "float")).read_bytes()
        (tmp_path / "x.wav").write_bytes(whole[:30])
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
    assert "error" in out[1] and "heard" not in out[1] and "confidence" not in out[1]
    assert len(proc.stderr.strip().splitlines()) == 1
    assert out[2]["heard"] and out[2]["pending"] == "Luis Martínez"
    assert out[3]["record"]["driver_name"] == "Luis Martínez"


def test_an_address_said_after_a_confirmed_name_is_heard_knowing_the_name(tmp_path: Path) -> None:
    call = ProtocolSession(lang="en", now=NOW)
    call.opening()
    for said in ["Travis Holloway", "yes", "155", "yes", "ABC123", "yes", "204", "yes", "XYZ789", "yes",
                 "at five pm", "yes"]:
        out = call.send({"say": said})
    assert out["expects"] == "email" and out["record"]["driver_name"] == "Travis Holloway"
    said = _speak("travis dot holloway at icloud dot com", "en-us+m1", tmp_path / "email.wav")
    out = call.send({"audio": said})
    assert out["pending"].startswith("travis.holloway@")
