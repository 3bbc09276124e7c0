"""The three ways Daisy's voice is built: realtime, cascade, local.

Cloud plugin objects are only constructed for the pipeline chosen: they raise without OPENAI_API_KEY,
and the offline default must never touch them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from livekit.agents import AgentSession

from daisy.settings import Settings
from daisy.voice.agent import DaisyAgent
from daisy.voice.config import PIPELINES
from daisy.voice.policy_llm import PolicyLLM

# Telephone timing. Whisper runs on a whole utterance, so every 100 ms of VAD silence before it
# starts is 100 ms the caller waits; the end-of-turn model then decides quickly after the transcript.
# Measured (benchmarks/voice_latency.py): with max_delay 1.5 s the caller waited 1.6 s (p50), mostly
# the end-of-turn model holding short Spanish answers to max_delay; 1.0 s cuts it to ~1.05 s. A VAD
# silence of 0.35 s was as fast but split "Sí, es correcto" at the comma into pieces Whisper misreads.
VAD_MIN_SILENCE = 0.5
ENDPOINTING = {"min_delay": 0.2, "max_delay": 1.0}
USER_AWAY_TIMEOUT = 12.0
# The end-of-turn model scored most short Spanish phone answers ("Así es, correcto.", "el 45-12")
# below its Spanish default (0.35), so every turn waited max_delay. At 0.1 the turn ends right after
# the transcript (p50 1.03 s → 0.88 s); a plate cut at a pause is fine, the core takes it in pieces.
EOT_THRESHOLD: float | None = 0.1


def turn_handling(turn_detection: Any, interruption_mode: str | None = "vad") -> dict[str, Any]:
    interruption: dict[str, Any] = {"enabled": True, "min_duration": 0.4}
    if interruption_mode:
        interruption["mode"] = interruption_mode
    return {
        "turn_detection": turn_detection,
        "endpointing": dict(ENDPOINTING),
        "interruption": interruption,
        # The core must hear each caller turn exactly once, when it is final: no speculative replies.
        "preemptive_generation": {"enabled": False},
    }


def build_session(pipeline: str, lang: str, settings: Settings, *, vad: Any = None,
                  **overrides: Any) -> AgentSession:
    """A ready AgentSession (not started) for the pipeline. `vad`: a Silero VAD loaded beforehand (the
    worker's prewarm), else one is loaded here; `overrides` replace built parts (tests)."""
    if pipeline == "local":
        parts = _local_parts(lang, settings.daisy_data_dir, vad or load_vad())
    elif pipeline == "cascade":
        parts = _cascade_parts(lang, settings, vad or load_vad())
    elif pipeline == "realtime":
        parts = _realtime_parts(lang, settings)
    else:
        raise ValueError(f"unknown pipeline {pipeline!r}; use one of: {', '.join(PIPELINES)}")
    # No acoustic-echo warm-up: on a phone call the network cancels echo, and the default warm-up
    # would ignore a caller who talks over the first 3 s of the greeting (no barge-in).
    options = {"user_away_timeout": USER_AWAY_TIMEOUT, "aec_warmup_duration": None, **parts, **overrides}
    return AgentSession(**options)


def bind(session: AgentSession, agent: DaisyAgent) -> None:
    """Let the session's policy 'LLM' speak the agent's core sentences."""
    if isinstance(session.llm, PolicyLLM):
        session.llm.reply = agent.reply_for


def load_vad() -> Any:
    from livekit.plugins import silero

    return silero.VAD.load(min_silence_duration=VAD_MIN_SILENCE, sample_rate=16000)


def _local_parts(lang: str, data_dir: Path, vad: Any) -> dict[str, Any]:
    from daisy.voice.espeak_tts import EspeakTTS, voice_for
    from daisy.voice.local_stt import WhisperSTT

    stt = WhisperSTT(language=lang, data_dir=data_dir)
    stt.prewarm()
    return {
        "stt": stt,
        "vad": vad,
        "tts": EspeakTTS(voice=voice_for("daisy", lang)),
        "llm": PolicyLLM(),
        "turn_handling": turn_handling(_local_turn_detector()),
    }


def _local_turn_detector() -> Any:
    from livekit.agents.inference import TurnDetector

    # version pinned: with LiveKit credentials around, the default would pick the cloud model
    if EOT_THRESHOLD is None:
        return TurnDetector(version="v1-mini")
    return TurnDetector(version="v1-mini", unlikely_threshold=EOT_THRESHOLD)


# What the cloud models are told about the call, so they hear and speak it as the domain needs.
VOICE_INSTRUCTION = {
    "es": "Habla en español de México, con acento mexicano natural, cálido y claro, a ritmo de llamada "
          "telefónica. Lee los números, letras y correos despacio y con claridad.",
    "en": "Speak American English, warm and clear, at a phone-call pace. Read numbers, letters and "
          "email addresses slowly and clearly.",
}
HEARING_PROMPT = {
    "es": "Llamada telefónica con un operador de tractocamión en México: nombre, número económico del "
          "tractor y de la caja, placas (letras y números, 'B de burro'), hora de llegada y correo "
          "(arroba, punto com, gmail, hotmail, outlook).",
    "en": "Phone call with a truck driver: name, tractor and trailer numbers, license plates (letters "
          "and digits, 'B as in Bravo'), arrival time and email (at, dot com, gmail, outlook).",
}


def hearing_prompt(lang: str, kind: Any = None) -> str:
    """A cloud recognizer's prompt: the vocabulary of the kind of answer Daisy expects next
    (daisy.voice.vocabulary), else the call's general vocabulary."""
    if kind is not None:
        try:
            from daisy.voice.vocabulary import prompt

            if text := prompt(kind, lang):
                return text
        except Exception:  # noqa: BLE001 (a changed vocabulary module must not stop a call)
            pass
    return HEARING_PROMPT.get(lang[:2], HEARING_PROMPT["en"])


def tune_hearing(session: AgentSession, lang: str, kind: Any) -> None:
    """Before the caller answers, tell the recognizer what kind of answer comes: WhisperSTT takes the
    kind itself; OpenAI's recognizers (cascade STT, realtime input transcription) take its prompt."""
    stt = session.stt
    if stt is not None and hasattr(stt, "expecting"):
        stt.expecting = kind
        return
    prompt = hearing_prompt(lang, kind)
    if stt is not None and type(stt).__module__.startswith("livekit.plugins.openai"):
        if stt._opts.prompt != prompt:  # type: ignore[attr-defined]
            stt.update_options(prompt=prompt)  # type: ignore[attr-defined]
        return
    model = session.llm
    opts = getattr(getattr(model, "_opts", None), "input_audio_transcription", None)
    if opts is not None and getattr(opts, "prompt", None) != prompt and hasattr(model, "update_options"):
        model.update_options(input_audio_transcription=opts.model_copy(update={"prompt": prompt}))


def _openai_endpoint(settings: Settings) -> dict[str, Any]:
    base = settings.openai_base_url or os.environ.get("OPENAI_BASE_URL")
    return {"api_key": settings.openai_api_key, **({"base_url": base} if base else {})}


def _cascade_parts(lang: str, settings: Settings, vad: Any) -> dict[str, Any]:
    """OpenAI STT and TTS by default; the models and voice come from the environment, and any part
    can be replaced through build_session's overrides (e.g. another LiveKit plugin).

    Streaming both ways: the recognizer is the realtime transcription session (its transcript is
    final as soon as the caller stops, instead of a whole-utterance upload after the VAD), and the
    voice comes back as raw PCM over server-sent events (no mp3 to wait for and decode)."""
    from livekit.agents.inference import TurnDetector
    from livekit.plugins import openai

    env = os.environ.get
    endpoint = _openai_endpoint(settings)
    return {
        "stt": openai.STT(language=lang[:2], model=env("DAISY_CASCADE_STT_MODEL", "gpt-4o-mini-transcribe"),
                          use_realtime=True, prompt=hearing_prompt(lang), **endpoint),
        "vad": vad,
        "tts": openai.TTS(model=env("DAISY_CASCADE_TTS_MODEL", "gpt-4o-mini-tts"),
                          voice=env("DAISY_CASCADE_TTS_VOICE", "coral"), response_format="pcm",
                          instructions=VOICE_INSTRUCTION.get(lang[:2], VOICE_INSTRUCTION["en"]), **endpoint),
        "llm": PolicyLLM(),
        "turn_handling": turn_handling(TurnDetector()),
    }


def _realtime_parts(lang: str, settings: Settings) -> dict[str, Any]:
    """The model hears and speaks; the core decides. The server detects turns and transcribes them,
    but never answers on its own (create_response off) nor cancels on its own (interrupt_response
    off: the framework interrupts on the server's speech_started). No client VAD and manual turn
    taking: the framework never commits a turn or asks the model for a reply by itself."""
    from livekit.plugins import openai
    from openai.types.realtime import AudioTranscription
    from openai.types.realtime.realtime_audio_input_turn_detection import ServerVad

    model = openai.realtime.RealtimeModel(
        voice=os.environ.get("DAISY_REALTIME_VOICE", "coral"),
        modalities=["audio"],
        input_audio_transcription=AudioTranscription(model="gpt-4o-transcribe", language=lang[:2],
                                                     prompt=hearing_prompt(lang)),
        turn_detection=ServerVad(type="server_vad", create_response=False, interrupt_response=False,
                                 silence_duration_ms=int(VAD_MIN_SILENCE * 1000)),
        **_openai_endpoint(settings),
    )
    return {"llm": model, "vad": None, "turn_handling": turn_handling("manual", interruption_mode=None)}
