"""Field-aware hearing against the plain greedy decode, on synthesized phone answers.

Each answer is spoken by espeak-ng (es-419 or en-us, one fresh process per utterance: deterministic),
padded like a VAD segment, sent through the telephone band (8 kHz µ-law), clean or with noise at
20 dB SNR (seeded), then heard two ways:
- greedy: Whisper base as the local pipeline decoded before field-aware hearing (no prompt, beam 1);
- field-aware: daisy.voice.hearing.hear with the kind expected (prompt, N-best, cleaning, rescoring).
A turn counts as exactly right when the expected kind's parser reads the very answer from it.

    .venv/bin/python benchmarks/hearing_accuracy.py [--lang es|en] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import wave
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from daisy.core.expectation import Expected  # noqa: E402
from daisy.understanding.answers import value  # noqa: E402
from daisy.voice.hearing import hear, load_whisper, phone_audio  # noqa: E402
from daisy.voice.hearing.decoding import encode, first_of_repeats, token_budget  # noqa: E402

NOW = datetime(2026, 11, 30, 9, 0)
SNR_DB = 20.0
PAD = 0.3  # seconds of line before and after the words

# (kind, what the driver says, the exact answer)
SET: dict[str, list[tuple[Expected, str, str]]] = {
    "es": [
        (Expected.YES_NO, "Sí.", "yes"),
        (Expected.YES_NO, "Sí, es correcto.", "yes"),
        (Expected.YES_NO, "Correcto.", "yes"),
        (Expected.YES_NO, "No.", "no"),
        (Expected.YES_NO, "No, está mal.", "no"),
        (Expected.YES_NO, "Así es.", "yes"),
        (Expected.DIGITS, "doce", "12"),
        (Expected.DIGITS, "treinta y dos", "32"),
        (Expected.DIGITS, "cuatro cinco uno dos", "4512"),
        (Expected.DIGITS, "ochocientos siete", "807"),
        (Expected.DIGITS, "catorce ochenta", "1480"),
        (Expected.DIGITS, "setenta y tres", "73"),
        (Expected.PLATE, "a, be, ce, uno, dos, tres", "ABC123"),
        (Expected.PLATE, "eme, ene, a, catorce, ochenta", "MNA1480"),
        (Expected.PLATE, "jota, ka, ele, cinco, cinco, siete", "JKL557"),
        (Expected.PLATE, "te, erre, ese, dos, cero, nueve", "TRS209"),
        (Expected.TIME, "a las cuatro de la tarde", "16:00"),
        (Expected.TIME, "a las diez y media", "10:30"),
        (Expected.TIME, "en dos horas", "11:00"),
        (Expected.TIME, "como a las seis de la tarde", "18:00"),
        (Expected.EMAIL, "juan punto perez arroba gmail punto com", "juan.perez@gmail.com"),
        (Expected.EMAIL, "fletes arroba hotmail punto com", "fletes@hotmail.com"),
        (Expected.EMAIL, "arroba yahoo punto com punto mx", "@yahoo.com.mx"),
        (Expected.NAME, "Me llamo Juan Pérez.", "juan perez"),
        (Expected.NAME, "Soy José Hernández.", "jose hernandez"),
        (Expected.NAME, "Ramón López García.", "ramon lopez garcia"),
    ],
    "en": [
        (Expected.YES_NO, "Yes.", "yes"),
        (Expected.YES_NO, "Yes, that's correct.", "yes"),
        (Expected.YES_NO, "Correct.", "yes"),
        (Expected.YES_NO, "No.", "no"),
        (Expected.YES_NO, "No, that's wrong.", "no"),
        (Expected.YES_NO, "That's right.", "yes"),
        (Expected.DIGITS, "twelve", "12"),
        (Expected.DIGITS, "thirty two", "32"),
        (Expected.DIGITS, "four five one two", "4512"),
        (Expected.DIGITS, "eight oh seven", "807"),
        (Expected.DIGITS, "fourteen eighty", "1480"),
        (Expected.DIGITS, "seventy three", "73"),
        (Expected.PLATE, "A, B, C, one, two, three", "ABC123"),
        (Expected.PLATE, "M, N, A, one, four, eight, zero", "MNA1480"),
        (Expected.PLATE, "J, K, L, five, five, seven", "JKL557"),
        (Expected.PLATE, "T, R, S, two, zero, nine", "TRS209"),
        (Expected.TIME, "at four p.m.", "16:00"),
        (Expected.TIME, "at ten thirty", "10:30"),
        (Expected.TIME, "in two hours", "11:00"),
        (Expected.TIME, "around six in the evening", "18:00"),
        (Expected.EMAIL, "john dot smith at gmail dot com", "john.smith@gmail.com"),
        (Expected.EMAIL, "freight at hotmail dot com", "freight@hotmail.com"),
        (Expected.EMAIL, "at yahoo dot com", "@yahoo.com"),
        (Expected.NAME, "My name is John Miller.", "john miller"),
        (Expected.NAME, "This is David Brown.", "david brown"),
        (Expected.NAME, "Robert Johnson.", "robert johnson"),
    ],
}
VOICES = {"es": "es-419", "en": "en-us"}


def speak(text: str, voice: str) -> tuple[np.ndarray, int]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "say.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-w", str(path), text], check=True)
        with wave.open(str(path)) as w:
            rate = w.getframerate()
            pcm = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16)
    pad = np.zeros(int(PAD * rate), dtype=np.int16)
    return np.concatenate([pad, pcm, pad]), rate


def with_noise(pcm: np.ndarray, seed: int) -> np.ndarray:
    """Noise at SNR_DB below the speech's power (a low-passed, seeded hiss: road and engine)."""
    rng = np.random.default_rng(seed)
    x = pcm.astype(np.float64)
    speech = x[np.abs(x) > 0.05 * np.abs(x).max()]
    noise = np.convolve(rng.standard_normal(x.size), np.ones(4) / 4, mode="same")
    noise *= np.sqrt(np.mean(speech**2) / 10 ** (SNR_DB / 10) / np.mean(noise**2))
    return np.clip(x + noise, -32768, 32767).astype(np.int16)


def greedy(model, pcm: np.ndarray, rate: int, lang: str) -> str:  # type: ignore[no-untyped-def]
    """The decode before field-aware hearing (local_stt.transcribe_short), on the same phone audio."""
    from faster_whisper.tokenizer import Tokenizer

    audio = phone_audio(pcm, rate)
    tok = Tokenizer(model.hf_tokenizer, True, task="transcribe", language=lang)
    seconds = len(audio) / 16000
    result = model.model.generate(
        encode(model, audio), [[*tok.sot_sequence, tok.no_timestamps]], beam_size=1,
        max_length=token_budget(seconds), return_scores=True, return_no_speech_prob=True,
    )[0]
    if result.no_speech_prob > 0.8 and result.scores[0] < -1.0:
        return ""
    return tok.decode(first_of_repeats([t for t in result.sequences_ids[0] if t < tok.eot])).strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=["es", "en"], action="append")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="print every turn")
    args = parser.parse_args()
    model = load_whisper(Path("data"))
    rows = []
    for lang in args.lang or ["es", "en"]:
        for i, (kind, said, answer) in enumerate(SET[lang]):
            clean_pcm, rate = speak(said, VOICES[lang])
            for line, pcm in (("clean", clean_pcm), ("noisy", with_noise(clean_pcm, seed=i))):
                t0 = time.perf_counter()
                plain = greedy(model, pcm, rate, lang)
                t1 = time.perf_counter()
                heard = hear(model, pcm, rate, kind, lang, NOW)
                t2 = time.perf_counter()
                row = {
                    "lang": lang, "kind": kind.value, "line": line, "said": said, "answer": answer,
                    "greedy": plain, "greedy_right": value(kind, plain, lang, NOW) == answer,
                    "heard": heard.text, "right": value(kind, heard.text, lang, NOW) == answer,
                    "confidence": heard.confidence, "greedy_ms": (t1 - t0) * 1000, "ms": (t2 - t1) * 1000,
                }
                rows.append(row)
                if args.verbose:
                    mark = "✓" if row["right"] else "✗"
                    alternatives = [h.text for h in heard.hypotheses]
                    print(f"{mark} {lang} {kind.value:6} {line:5} {said!r} greedy={plain!r} "
                          f"heard={heard.text!r} c={heard.confidence:.2f} {alternatives}")
    report(rows, args.json)


def report(rows: list[dict], as_json: bool) -> None:  # type: ignore[type-arg]
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)  # type: ignore[type-arg]
    for r in rows:
        groups[(r["lang"], r["kind"])].append(r)
        groups[(r["lang"], r["line"])].append(r)
        groups[(r["lang"], "all")].append(r)
    summary = {}
    for (lang, what), rs in groups.items():
        summary[f"{lang}/{what}"] = {
            "n": len(rs),
            "greedy_right": sum(r["greedy_right"] for r in rs),
            "field_aware_right": sum(r["right"] for r in rs),
        }
    ms = [r["ms"] for r in rows]
    gms = [r["greedy_ms"] for r in rows]
    right_conf = [r["confidence"] for r in rows if r["right"]]
    wrong_conf = [r["confidence"] for r in rows if not r["right"] and r["heard"]]
    latency = {
        "greedy_ms_p50": statistics.median(gms), "greedy_ms_p95": _p95(gms),
        "field_aware_ms_p50": statistics.median(ms), "field_aware_ms_p95": _p95(ms),
        "confidence_right_median": statistics.median(right_conf) if right_conf else None,
        "confidence_wrong_median": statistics.median(wrong_conf) if wrong_conf else None,
    }
    if as_json:
        print(json.dumps({"summary": summary, "latency": latency, "rows": rows}, ensure_ascii=False))
        return
    print(f"{'set':16} {'n':>3}  {'greedy':>8}  {'field-aware':>11}")
    for key in sorted(summary):
        s = summary[key]
        print(f"{key:16} {s['n']:3}  {s['greedy_right']:8}  {s['field_aware_right']:11}")
    print(json.dumps(latency))


def _p95(xs: list[float]) -> float:
    return sorted(xs)[max(0, int(round(0.95 * len(xs))) - 1)]


if __name__ == "__main__":
    main()
