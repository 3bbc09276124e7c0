"""The telephone band: G.711 µ-law, 20 ms frames at 8 kHz, real-time pacing, playout reporting."""

from __future__ import annotations

import asyncio
import shutil
import time

import numpy as np
import pytest

from daisy.voice.phone_audio import FRAME_SAMPLES, PhoneLine, telephone_band, ulaw_decode, ulaw_encode


def test_ulaw_reference_points() -> None:
    # G.711: silence is 0xFF, full scale is 0x80 / 0x00, and decoding is exact on the code table
    assert ulaw_encode(np.array([0], np.int16))[0] == 0xFF
    assert ulaw_encode(np.array([32767], np.int16))[0] == 0x80
    assert ulaw_encode(np.array([-32768], np.int16))[0] == 0x00
    assert ulaw_decode(np.array([0xFF, 0x80, 0x00], np.uint8)).tolist() == [0, 32124, -32124]
    codes = np.arange(256, dtype=np.uint8)
    assert (ulaw_encode(ulaw_decode(codes)) == codes)[codes != 0x7F].all()  # 0x7F and 0xFF both mean 0


def test_round_trip_error_is_logarithmic() -> None:
    x = np.linspace(-30000, 30000, 5001).astype(np.int16)
    err = np.abs(telephone_band(x).astype(np.int32) - x)
    assert (err <= np.abs(x.astype(np.int32)) * 0.07 + 8).all()


def test_line_paces_frames_in_real_time_and_reports_playout() -> None:
    async def main() -> None:
        line = PhoneLine(record=True)
        finished: list[bool] = []
        line.agent_output.on("playback_finished", lambda ev: finished.append(ev.interrupted))
        line.start()
        from livekit import rtc

        tone = (np.sin(np.arange(1600) / 5) * 8000).astype(np.int16)  # 200 ms
        await line.agent_output.capture_frame(rtc.AudioFrame(tone.tobytes(), 8000, 1, tone.size))
        line.agent_output.flush()
        t0 = time.monotonic()
        await line.caller_says(np.full(FRAME_SAMPLES * 10, 1000, np.int16))  # 200 ms
        elapsed = time.monotonic() - t0
        await asyncio.sleep(0.1)
        frames = [await line.agent_input.__anext__() for _ in range(10)]
        await line.aclose()
        assert 0.15 < elapsed < 0.6
        assert all(f.sample_rate == 8000 and f.samples_per_channel == FRAME_SAMPLES for f in frames)
        assert finished == [False]

    asyncio.run(main())


def test_clear_buffer_is_an_interruption() -> None:
    async def main() -> None:
        line = PhoneLine(record=False)
        events: list[tuple[bool, float]] = []
        line.agent_output.on("playback_finished",
                             lambda ev: events.append((ev.interrupted, ev.playback_position)))
        line.start()
        from livekit import rtc

        tone = np.full(8000, 3000, np.int16)  # 1 s
        await line.agent_output.capture_frame(rtc.AudioFrame(tone.tobytes(), 8000, 1, tone.size))
        await asyncio.sleep(0.3)
        line.agent_output.clear_buffer()
        await line.aclose()
        assert line.agent_output.interruptions == 1
        assert events and events[0][0] is True and 0.1 < events[0][1] < 0.8

    asyncio.run(main())


def test_espeak_falls_back_to_the_bundled_library_in_a_child_process(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("espeakng_loader")
    from daisy.voice import espeak_tts

    monkeypatch.setattr(shutil, "which", lambda _name: None)
    assert espeak_tts.espeak_command()[1:] == ["-m", "daisy.voice._espeak_child"]
    pcm = asyncio.run(espeak_tts.synthesize_pcm("Hola.", "es-419+m3"))
    assert pcm.size > espeak_tts.ESPEAK_RATE // 4 and np.abs(pcm).max() > 1000


def test_espeak_missing_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    from daisy.voice import espeak_tts

    real_import = builtins.__import__

    def no_loader(name: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name == "espeakng_loader":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(shutil, "which", lambda _name: None)
    monkeypatch.setattr(builtins, "__import__", no_loader)
    with pytest.raises(espeak_tts.EspeakMissing, match="apt-get install espeak-ng"):
        espeak_tts.espeak_command()
