"""The three ways Daisy's voice is built: realtime, cascade, local.

Cloud plugin objects are only constructed for the pipeline chosen: they raise without OPENAI_API_KEY,
and the offline default must never touch them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from livekit.agents import AgentSession

from daisy.core.expectation import Listening
from daisy.settings import Settings
from daisy.voice.agent import DaisyAgent
from daisy.voice.config import PIPELINES
from daisy.voice.policy_llm import PolicyLLM
from daisy.voice.turn_taking import FieldAwareTurnDetector

# Telephone timing (issue 12). Whisper runs on each stretch of speech the VAD closes, so the VAD
# silence is a floor under every answer: a short one lets a "sí" be heard fast; a driver who pauses
# inside a plate is then heard in pieces, which the framework joins into one turn as long as the turn
# detector (daisy.voice.turn_taking, asking the core whether the answer is whole) holds it open.
# Complete answer → the turn ends min_delay after the end of speech (already past once Whisper is
# done); unfinished → up to max_delay of quiet, then the core takes the piece and asks what follows.
# Before: a fixed 0.5 s silence plus the end-of-turn model, whatever was said (p50 0.88 s).
VAD_MIN_SILENCE = 0.25
ENDPOINTING = {"min_delay": 0.2, "max_delay": 1.5}
USER_AWAY_TIMEOUT = 12.0
# The caller speaking over Daisy pauses her; with no words from the recognizer this long after they
# stop (a cough, or a backchannel the agent keeps from the core) she resumes where she paused.
# The framework's 2 s would leave a read-back hanging after every "ajá".
FALSE_INTERRUPTION_TIMEOUT = 0.8
# The cascade's streaming recognizer is committed at each VAD silence: it keeps the longer one (not
# measured with the short one), and so does the realtime server's VAD, which has no detector to ask.
CASCADE_VAD_SILENCE = 0.5
SERVER_VAD_SILENCE = 0.5


def turn_handling(turn_detection: Any, interruption_mode: str | None = "vad") -> dict[str, Any]:
    interruption: dict[str, Any] = {"enabled": True, "min_duration": 0.4, "resume_false_interruption": True,
                                    "false_interruption_timeout": FALSE_INTERRUPTION_TIMEOUT}
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
        parts = _cascade_parts(lang, settings, vad or load_vad(CASCADE_VAD_SILENCE))
    elif pipeline == "realtime":
        parts = _realtime_parts(lang, settings)
    else:
        raise ValueError(f"unknown pipeline {pipeline!r}; use one of: {', '.join(PIPELINES)}")
    # No acoustic-echo warm-up: on a phone call the network cancels echo, and the default warm-up
    # would ignore a caller who talks over the first 3 s of the greeting (no barge-in).
    options = {"user_away_timeout": USER_AWAY_TIMEOUT, "aec_warmup_duration": None, **parts, **overrides}
    return AgentSession(**options)


def bind(session: AgentSession, agent: DaisyAgent) -> None:
    """Let the session's policy 'LLM' speak the agent's core sentences, and its turn detector judge
    the caller's words against the agent's call."""
    if isinstance(session.llm, PolicyLLM):
        session.llm.reply = agent.reply_for
    if isinstance(session.turn_detection, FieldAwareTurnDetector):
        session.turn_detection.view = agent.call_view


def load_vad(min_silence: float | None = None) -> Any:
    from livekit.plugins import silero

    return silero.VAD.load(min_silence_duration=min_silence or VAD_MIN_SILENCE, sample_rate=16000)


def _local_parts(lang: str, data_dir: Path, vad: Any) -> dict[str, Any]:
    from daisy.voice.espeak_tts import EspeakTTS, voice_for
    from daisy.voice.speculative import SpeculativeWhisperSTT

    # Whisper starts on a short pause while the VAD confirms the silence (daisy.voice.speculative)
    stt = SpeculativeWhisperSTT(language=lang, data_dir=data_dir, vad=vad)
    stt.prewarm()
    return {
        "stt": stt,
        "vad": vad,
        "tts": EspeakTTS(voice=voice_for("daisy", lang)),
        "llm": PolicyLLM(),
        "turn_handling": turn_handling(FieldAwareTurnDetector()),
    }


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


def tune_hearing(session: AgentSession, lang: str, listening: Listening) -> None:
    """Before the caller answers, tell the recognizer what Daisy listens for (the kind of answer,
    whether she asked to spell it, the values said no to, …): WhisperSTT takes all of it;
    OpenAI's recognizers (cascade STT, realtime input transcription) take the kind's prompt."""
    stt = session.stt
    kind = listening.expecting
    if stt is not None and hasattr(stt, "listening"):
        stt.listening = listening
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
    from livekit.plugins import openai

    env = os.environ.get
    endpoint = _openai_endpoint(settings)
    if hasattr(vad, "update_options"):  # the worker's prewarmed VAD serves one pipeline per process
        vad.update_options(min_silence_duration=CASCADE_VAD_SILENCE)
    return {
        "stt": openai.STT(language=lang[:2], model=env("DAISY_CASCADE_STT_MODEL", "gpt-4o-mini-transcribe"),
                          use_realtime=True, prompt=hearing_prompt(lang), **endpoint),
        "vad": vad,
        "tts": openai.TTS(model=env("DAISY_CASCADE_TTS_MODEL", "gpt-4o-mini-tts"),
                          voice=env("DAISY_CASCADE_TTS_VOICE", "coral"), response_format="pcm",
                          instructions=VOICE_INSTRUCTION.get(lang[:2], VOICE_INSTRUCTION["en"]), **endpoint),
        "llm": PolicyLLM(),
        "turn_handling": turn_handling(FieldAwareTurnDetector()),
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
                                 silence_duration_ms=int(SERVER_VAD_SILENCE * 1000)),
        **_openai_endpoint(settings),
    )
    return {"llm": model, "vad": None, "turn_handling": turn_handling("manual", interruption_mode=None)}
