"""Daisy starts hearing an answer on the caller's first short pause, while the VAD is still waiting to
be sure the caller has stopped; if the caller goes on, that early hearing is dropped and the whole
stretch is heard. Real Silero VAD, real Whisper base, frames paced as a phone line delivers them."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import numpy as np
from livekit import rtc
from livekit.agents import stt

from daisy.core.expectation import Expected, Listening
from daisy.voice.espeak_tts import ESPEAK_RATE, synthesize_pcm, voice_for
from daisy.voice.phone_audio import FRAME_SAMPLES, RATE, resample, telephone_band
from daisy.voice.pipelines import load_vad
from daisy.voice.speculative import SpeculativeWhisperSTT

QUIET = 300


async def _speech(*pieces: str, gap: float = 0.0) -> np.ndarray:
    """The caller's words at 8 kHz over the phone band, `gap` seconds of silence between pieces."""
    out: list[np.ndarray] = []
    for i, text in enumerate(pieces):
        pcm = resample(await synthesize_pcm(text, voice_for("caller", "es")), ESPEAK_RATE)
        loud = np.flatnonzero(np.abs(pcm.astype(np.int32)) > QUIET)
        pcm = pcm[loud[0]:loud[-1] + 1]  # the pause is exactly the gap asked for
        if i:
            out.append(np.zeros(int(gap * RATE), np.int16))
        out.append(pcm)
    return telephone_band(np.concatenate([np.zeros(int(0.3 * RATE), np.int16), *out,
                                          np.zeros(int(0.8 * RATE), np.int16)]))


Events = list[tuple[float, stt.SpeechEvent]]  # (monotonic time received, event)


async def _hear(pcm: np.ndarray, expecting: Expected) -> tuple[SpeculativeWhisperSTT, Events]:
    recognizer = SpeculativeWhisperSTT(language="es", data_dir=Path("data"), vad=load_vad())
    recognizer.prewarm()
    recognizer.listening = Listening(expecting)
    stream = recognizer.stream()
    events: Events = []

    async def collect() -> None:
        async for ev in stream:
            events.append((time.monotonic(), ev))

    collector = asyncio.create_task(collect())
    for i in range(0, pcm.size - FRAME_SAMPLES + 1, FRAME_SAMPLES):  # 20 ms frames in real time
        stream.push_frame(rtc.AudioFrame(pcm[i:i + FRAME_SAMPLES].tobytes(), RATE, 1, FRAME_SAMPLES))
        await asyncio.sleep(0.02)
    stream.end_input()
    await asyncio.wait_for(collector, 30)
    await stream.aclose()
    return recognizer, events


def _finals(events: Events) -> list[str]:
    return [ev.alternatives[0].text for _t, ev in events if ev.type == stt.SpeechEventType.FINAL_TRANSCRIPT]


def test_a_yes_is_heard_before_the_vad_has_confirmed_the_silence() -> None:
    recognizer, events = asyncio.run(_main_yes())
    kinds = [ev.type for _t, ev in events]
    assert kinds == [stt.SpeechEventType.START_OF_SPEECH, stt.SpeechEventType.END_OF_SPEECH,
                     stt.SpeechEventType.FINAL_TRANSCRIPT]
    assert "sí" in _finals(events)[0].lower()
    counts = recognizer.speculation
    # Whisper ran once, begun on the pause, and its words were the stretch's
    assert (counts.started, counts.used, counts.dropped, counts.late) == (1, 1, 0, 0)
    # it heard as much audio as the VAD then handed over (Whisper's words change with a few ms more)
    assert counts.same_length == 1
    assert recognizer.pieces_in_turn() == 1  # kept for the whole-turn re-hearing as before
    assert recognizer.last_heard is not None and recognizer.last_duration is not None
    # (how much sooner the words come is measured by benchmarks/voice_latency.py, not asserted here)


async def _main_yes() -> tuple[SpeculativeWhisperSTT, Events]:
    return await _hear(await _speech("Sí."), Expected.YES_NO)


def test_a_caller_who_goes_on_after_a_short_pause_is_heard_whole() -> None:
    async def main() -> tuple[SpeculativeWhisperSTT, Events]:
        # a pause longer than the early start, shorter than the VAD's silence: one stretch
        return await _hear(await _speech("Así es.", "Correcto.", gap=0.15), Expected.YES_NO)

    recognizer, events = asyncio.run(main())
    finals = _finals(events)
    assert len(finals) == 1 and "correcto" in finals[0].lower()
    counts = recognizer.speculation
    assert counts.dropped >= 1  # the early hearing of "Así es" was not used
    assert counts.used + counts.late == 1


def test_a_plate_dictated_in_two_pieces_is_kept_for_hearing_whole() -> None:
    async def main() -> tuple[SpeculativeWhisperSTT, Events, int, str | None]:
        recognizer, events = await _hear(await _speech("Ele eme.", "Catorce ochenta.", gap=0.8),
                                         Expected.PLATE)
        kept = recognizer.pieces_in_turn()
        whole = await recognizer.rehear_turn()  # what the agent asks once the turn is over
        return recognizer, events, kept, whole.text if whole else None

    recognizer, events, kept, whole = asyncio.run(main())
    assert len(_finals(events)) == 2  # the VAD closed a stretch at the pause: two pieces
    # each piece heard early, in time or late (a loaded 2-core machine finishes one after the VAD)
    counts = recognizer.speculation
    assert counts.used + counts.late == 2
    # both pieces were kept and heard again as one utterance (Whisper's words for it vary with the
    # few milliseconds the VAD's timing moves the cut, so only that it was heard is checked)
    assert kept == 2 and whole is not None and whole.strip()
    assert recognizer.pieces_in_turn() == 0  # the turn is over: the pieces are forgotten
