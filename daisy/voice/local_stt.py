"""faster-whisper (Whisper base, offline) as a non-streaming LiveKit STT.

The framework wraps a non-streaming STT with the VAD, so `_recognize_impl` gets one utterance at a
time; it is heard by daisy.voice.hearing, the same path the machine protocol's audio line takes,
with what the dialogue expects now (the agent sets `expecting` every turn).
"""

from __future__ import annotations

import asyncio
import functools
import time
from datetime import datetime
from pathlib import Path

import numpy as np
from livekit import rtc
from livekit.agents import stt, utils
from livekit.agents.types import NOT_GIVEN, APIConnectOptions, NotGivenOr

from daisy.core.expectation import Listening
from daisy.voice.hearing import Heard, hear_for
from daisy.voice.hearing.alignment import max_length, plain_start
from daisy.voice.hearing.cleaning import drop_inventions
from daisy.voice.hearing.decoding import (
    MAX_TOKENS,
    SHORT_WINDOW_MAX,
    WHISPER_RATE,
    encode,
    first_of_repeats,
    token_budget,
    tokenizer,
)
from daisy.voice.hearing.model import load_whisper, whisper_base_dir

__all__ = ["WhisperSTT", "load_whisper", "transcribe", "transcribe_short", "whisper_base_dir"]

_first_of_repeats = first_of_repeats  # the loop guard's old name


def transcribe(model, audio: np.ndarray, language: str) -> str:  # type: ignore[no-untyped-def]
    """float32 16 kHz → text on Whisper's standard 30 s window. Greedy, temperature 0 and no
    fallback: the fallback cost 4–7 s."""
    segments, _info = model.transcribe(
        audio, language=language, beam_size=1, best_of=1, temperature=0.0,
        condition_on_previous_text=False, without_timestamps=True, vad_filter=False,
        # a phone answer is short; a bound stops repetition loops ("E, E, E, …") costing seconds
        max_new_tokens=MAX_TOKENS,
    )
    words = []
    for seg in segments:
        if seg.no_speech_prob > 0.6 and seg.avg_logprob < -1.0:
            continue
        if seg.compression_ratio > 2.4:  # a looping decode, not speech
            continue
        text = drop_inventions(seg.text.strip())
        if text:
            words.append(text)
    return " ".join(words)


def transcribe_short(model, audio: np.ndarray, language: str) -> str:  # type: ignore[no-untyped-def]
    """Greedy Whisper on a window fitted to the utterance (float32 16 kHz → text), without the
    field-aware decoding: what the local pipeline did before it, kept for comparison."""
    seconds = len(audio) / WHISPER_RATE
    if seconds > SHORT_WINDOW_MAX:
        return transcribe(model, audio, language)
    tok = tokenizer(model, language)
    start = plain_start(tok)
    result = model.model.generate(
        encode(model, audio), [start], beam_size=1,
        max_length=max_length(start, token_budget(seconds)), return_no_speech_prob=True, return_scores=True,
        suppress_blank=True, suppress_tokens=[-1],
    )[0]
    if result.no_speech_prob > 0.8 and result.scores and result.scores[0] < -1.0:
        return ""
    tokens = first_of_repeats([t for t in result.sequences_ids[0] if t < tok.eot])
    return drop_inventions(tok.decode(tokens).strip())


def caller_pcm(buffer: utils.AudioBuffer) -> tuple[rtc.AudioFrame, np.ndarray]:
    """The utterance as one frame and its int16 samples (first channel)."""
    frame = rtc.combine_audio_frames(buffer)
    pcm = np.frombuffer(frame.data, dtype=np.int16)
    if frame.num_channels > 1:
        pcm = pcm.reshape(-1, frame.num_channels)[:, 0]
    return frame, pcm


class WhisperSTT(stt.STT):
    def __init__(self, language: str = "es", data_dir: Path | None = None) -> None:
        super().__init__(capabilities=stt.STTCapabilities(streaming=False, interim_results=False))
        self.language = language[:2].lower()
        self.data_dir = data_dir or Path("data")
        # What the dialogue listens for now (daisy.core.expectation.listening); the agent sets it each
        # turn, and the decoder's vocabulary and the rescoring follow it.
        self.listening = Listening()
        self.last_duration: float | None = None  # seconds spent in the last recognition
        self.last_heard: Heard | None = None  # with its hypotheses, for logs and tests

    @property
    def model(self) -> str:
        return "whisper-base"

    @property
    def provider(self) -> str:
        return "faster-whisper"

    def prewarm(self) -> None:
        """Load the model (and the names lexicon its hearing weighs names with) now rather than on
        the caller's first words."""
        from daisy.understanding import name_lexicon

        load_whisper(self.data_dir)
        name_lexicon.warm()

    async def hear_now(self, pcm: np.ndarray, rate: int, lang: str) -> Heard:
        """Caller audio heard for what the dialogue listens for now."""
        heard_as = functools.partial(hear_for, listening=self.listening, lang=lang,
                                     now=datetime.now().astimezone())
        model = await asyncio.to_thread(load_whisper, self.data_dir)
        return await asyncio.to_thread(heard_as, model, pcm, rate)

    async def _recognize_impl(
        self,
        buffer: utils.AudioBuffer,
        *,
        language: NotGivenOr[str] = NOT_GIVEN,
        conn_options: APIConnectOptions,
    ) -> stt.SpeechEvent:
        frame, pcm = caller_pcm(buffer)
        lang = language[:2] if isinstance(language, str) else self.language
        start = time.perf_counter()
        heard = await self.hear_now(pcm, frame.sample_rate, lang)
        self.last_duration = time.perf_counter() - start
        self.last_heard = heard
        return stt.SpeechEvent(
            type=stt.SpeechEventType.FINAL_TRANSCRIPT,
            alternatives=[stt.SpeechData(language=lang, text=heard.text, confidence=heard.confidence)],
        )
