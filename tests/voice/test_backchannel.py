"""A caller who says "ajá" over Daisy is listening, not interrupting; a "sí" over the end of her
read-back is the answer. On the local pipeline (Silero VAD, Whisper, espeak-ng) over the phone line,
with the framework's own pause and resume."""

from __future__ import annotations

import asyncio
import math
from pathlib import Path

import numpy as np
from livekit.agents import stt

from daisy.conversation import Conversation
from daisy.core import Turn
from daisy.core.expectation import Expected
from daisy.voice.agent import CallObserver, DaisyAgent
from daisy.voice.backchannel import (
    LONGEST_BACKCHANNEL,
    TAIL_SECONDS,
    SpeechProgress,
    mid_sentence,
    only_listening,
)
from daisy.voice.espeak_tts import ESPEAK_RATE, synthesize_pcm, voice_for
from daisy.voice.phone_audio import PhoneLine, resample
from daisy.voice.whole_turn import WholeTurnWhisperSTT
from tests.voice.helpers import conversation, local_call, on_the_wall_clock, until


@on_the_wall_clock
def test_ajá_over_the_greeting_lets_daisy_finish_and_sí_over_the_end_of_a_read_back_answers(
        tmp_path: Path) -> None:
    conv = conversation("es")
    heard: list[str] = []
    said: list[Turn] = []

    async def main() -> tuple[PhoneLine, DaisyAgent]:
        agent = DaisyAgent(conv, observer=CallObserver(on_heard=heard.append, on_said=said.append))
        session, line = local_call(tmp_path, agent, record=False)
        voice = voice_for("caller", "es")
        listening = resample(await synthesize_pcm("Sí, sí, sí.", voice), ESPEAK_RATE)
        name = resample(await synthesize_pcm("Soy Mario López.", voice), ESPEAK_RATE)
        yes = resample(await synthesize_pcm("Sí.", voice), ESPEAK_RATE)
        line.start()
        await session.start(agent)
        try:
            out = line.agent_output
            await until(lambda: line.daisy_speaking, 30)
            await asyncio.sleep(1.0)  # well inside the greeting (about 5 s)
            await line.caller_says(listening)
            await until(lambda: out.seconds_to_go == 0 and not line.daisy_speaking, 30)
            # on a slow machine the words come after the greeting's end: they were said over it all the same
            await until(lambda: agent.backchannels or heard or out.interruptions, 20)
            greeting = (out.interruptions, list(agent.backchannels), list(heard))
            await asyncio.sleep(0.3)
            await line.caller_says(name)
            await until(lambda: len(said) >= 2 and line.daisy_speaking, 40)
            await until(lambda: out.seconds_to_go < 0.5, 30)  # the end of "…, ¿correcto?"
            # a loaded machine may close the greeting's last stretch late: count from here
            before_yes = list(agent.backchannels)
            await line.caller_says(yes)
            # what the "sí" answered: the read-back, confirmed (a loaded machine may say something
            # between, e.g. on a stretch of the name closed late; the answer still lands)
            await until(lambda: name_confirmed(conv), 40, lambda: (heard, [t.say for t in said]))
        finally:
            await session.aclose()
            await line.aclose()
        # the greeting played to its end, the "sí, sí, sí" kept from the core
        # (the VAD may close "Sí, sí, sí." in more than one stretch: more than one backchannel)
        assert greeting[0] == 0 and greeting[1] and not greeting[2], greeting
        assert agent.backchannels == before_yes  # the "sí" over the end of the read-back was none
        return line, agent

    line, agent = asyncio.run(main())
    assert line.agent_output.pauses >= 1  # she was paused by the "ajá" and resumed
    assert conv.state is not None
    name = conv.state.values["driver_name"]
    assert name.confirmed and "Mario" in (name.value or ""), (heard, [t.say for t in said])


def name_confirmed(conv: Conversation) -> bool:
    name = conv.state.values.get("driver_name") if conv.state is not None else None
    return bool(name and name.confirmed)


def test_a_backchannel_is_kept_from_the_core_only_while_more_than_the_closing_question_is_to_come() -> None:
    progress = SpeechProgress()
    progress.sentence_started()
    assert progress.remaining(0.0) == math.inf  # still being made: all of it is to come
    progress.audio_made(4.0)
    progress.sentence_made()
    progress.state_changed("listening", "speaking", 10.0)
    assert mid_sentence(progress, True, 11.0)  # 3 s to go
    progress.state_changed("speaking", "listening", 11.0)  # paused by the caller
    assert progress.remaining(20.0) == 3.0  # a pause does not run the sentence on
    progress.state_changed("listening", "speaking", 20.0)
    assert not mid_sentence(progress, True, 22.0 + 1.0 - TAIL_SECONDS)  # over the closing question
    assert not mid_sentence(progress, False, 20.5)  # Daisy is not speaking


def test_what_counts_as_only_listening_in_each_language() -> None:
    # a yes and nothing else, before any question: "Sí, es correcto." shows the caller follows
    for text in ("Ajá.", "Mjm.", "Sí, sí.", "Ajá, sí.", "Ujum.", "Eh...", "Sí, es correcto."):
        assert only_listening(text, "es"), text
    for text in ("Uh-huh.", "Mm-hmm.", "Yeah, yeah.", "Okay.", "Uh.", "Yes."):
        assert only_listening(text, "en"), text
    for text, lang in (("No.", "es"), ("Sí, es XZ 45.", "es"), ("XZ", "es"), ("", "es"),
                       ("No, wait.", "en"), ("Yes, it's Mike.", "en")):
        assert not only_listening(text, lang), text


def test_a_backchannel_forgotten_leaves_the_stretches_said_after_it() -> None:
    # heard while the agent weighed the "sí": the next stretch is the caller's, not the backchannel's
    recognizer = WholeTurnWhisperSTT(language="es")
    said = [stt.SpeechData(language="es", text=t) for t in ("Sí.", "Sí, sí.", "Juan")]
    for k, s in enumerate(said):
        recognizer.keep_piece(np.zeros(800, np.int16), 8000, k, k + 0.1, s)
    recognizer.forget_turn(through=said[0])
    assert recognizer.pieces_in_turn() == 2
    recognizer.forget_turn(through=said[0])  # already forgotten: nothing more goes
    assert recognizer.pieces_in_turn() == 2
    recognizer.forget_turn()
    assert recognizer.pieces_in_turn() == 0


def test_a_stretch_is_heard_again_only_when_spoken_briefly() -> None:
    recognizer = WholeTurnWhisperSTT(language="es")
    brief, long = (stt.SpeechData(language="es", text=t) for t in ("Sí.", "Juan Pérez López"))
    pad = np.zeros(4000, np.int16)  # half a second of the VAD's padding on each side
    voiced = (np.sin(np.arange(8000 * 3) / 3) * 8000).astype(np.int16)
    recognizer.keep_piece(np.concatenate([pad, voiced[:8000], pad]), 8000, 0, 2, brief)
    recognizer.keep_piece(np.concatenate([pad, voiced, pad]), 8000, 3, 7, long)
    assert asyncio.run(recognizer.stretch_heard_as(Expected.YES_NO, LONGEST_BACKCHANNEL, long)) is None
    # a second of speech in two seconds of audio: heard again
    assert asyncio.run(recognizer.stretch_heard_as(Expected.YES_NO, LONGEST_BACKCHANNEL, brief)) is not None
