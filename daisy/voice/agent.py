"""The LiveKit Agent that puts the dialogue core on the line.

The core decides every step. What the caller said (final transcript, keypad digits, a long silence,
hanging up) goes to `Conversation.hear`; the core's sentence is what Daisy says:
- cascade/local: PolicyLLM hands the sentence to the framework, which voices it with the TTS;
- realtime: the model hears (its input transcription is what the core gets) and speaks the core's
  exact sentence, given as the instruction of the one response Daisy asks for. It has no tools and the
  framework's own reply to a caller turn is stopped, so it is never asked to answer by itself.
Per-turn latency (endpointing, stt, core, tts, total) is measured here and stored on Daisy's turn.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import AsyncIterable, Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from livekit import rtc
from livekit.agents import Agent, ModelSettings, StopResponse, llm, stt
from livekit.agents.metrics import EOUMetrics, STTMetrics

from daisy.conversation import Conversation
from daisy.core import CallerEvent, CallState, Hangup, Keypad, Outcome, Silence, Turn, Utterance
from daisy.core.expectation import Expected
from daisy.form import Form
from daisy.voice.backchannel import (
    LONGEST_BACKCHANNEL,
    SpeechProgress,
    listening_when_heard_again,
    mid_sentence,
    only_listening,
)
from daisy.voice.turn_taking import no_as_heard

log = logging.getLogger("daisy.voice")


@dataclass
class CallObserver:
    """What an adapter (worker, demo, tests) wants to know as the call goes."""

    on_heard: Callable[[str], None] | None = None  # the caller's words as the core got them
    on_said: Callable[[Turn], None] | None = None  # Daisy's sentence, when decided
    on_latency: Callable[[dict[str, float]], None] | None = None
    on_ended: Callable[[CallState], Awaitable[None] | None] | None = None  # after the last word played
    # hands the caller to a person; False when the provider refused (Daisy then says TRANSFER_FAILED)
    on_transfer: Callable[[CallState], Awaitable[bool | None] | bool | None] | None = None


# Said when the provider refuses the transfer, so the caller is not hung up on after "te comunico".
TRANSFER_FAILED = {
    "es": "Lo siento, no logré comunicarte con una persona en este momento. Alguien de operaciones te "
          "llamará a este número. Gracias, hasta luego.",
    "en": "Sorry, I couldn't reach a person right now. Someone from operations will call you back at "
          "this number. Thank you, goodbye.",
}


def exact_instruction(say: str, lang: str) -> str:
    language = "Mexican Spanish" if lang.startswith("es") else "American English"
    return (f"Say exactly the following sentence in {language}, word for word, adding and changing "
            f"nothing, then stop: «{say}»")


def realtime_instructions(lang: str) -> str:
    accent = "a natural Mexican Spanish accent" if lang.startswith("es") else "a natural American accent"
    return ("You are the voice of Daisy, a telephone assistant. You never decide what to say: every "
            "response, you are told the exact sentence; say it word for word, warmly, with "
            f"{accent}, and nothing else. Never answer, store or confirm anything on your own.")


def off_script(said: str, meant: str) -> bool:
    """Whether the model's spoken transcript strays from the core's sentence (words, not punctuation)."""
    def words(text: str) -> list[str]:
        return re.findall(r"\w+", text.lower())

    return words(said) != words(meant)


class DaisyAgent(Agent):
    def __init__(
        self,
        conversation: Conversation,
        *,
        direction: str = "inbound",
        caller_number: str | None = None,
        realtime: bool = False,
        observer: CallObserver | None = None,
    ) -> None:
        self.conversation = conversation
        self.direction = direction
        self.caller_number = caller_number
        self.realtime = realtime
        self.observer = observer or CallObserver()
        lang = conversation.dialogue.lang
        # No tools for the realtime model: a tool call is the model acting on its own, and it would
        # feed the caller's turn to the core a second time (the transcript already goes there).
        super().__init__(instructions=realtime_instructions(lang) if realtime else "Daisy")
        self._next_say: str | None = None
        self._heard_ids: set[str] = set()
        self._dtmf = ""
        self._closing = False
        self._done = False
        self._pending: dict[str, float] | None = None  # latency parts of the turn being answered
        self._last_stt: float | None = None
        self.latencies: list[dict[str, float]] = []
        # what Daisy was waiting for (daisy.core.expectation.Expected) in each measured turn
        self.latency_kinds: list[str] = []
        self._pending_kind = ""
        self.stt_seconds: list[float] = []
        self._meant: list[str] = []  # realtime: the sentences asked for, in order, not yet spoken
        self.off_script: list[tuple[str, str]] = []  # realtime: (meant, said) when the model strayed
        self._progress = SpeechProgress()  # where Daisy is in her sentence, for backchannels
        self.backchannels: list[str] = []  # said over her sentence and kept from the core
        self._began_mid_sentence = False  # the caller's newest stretch began over her sentence

    # --- lifecycle ------------------------------------------------------------------------------
    async def on_enter(self) -> None:
        session = self.session
        session.on("metrics_collected", self._on_metrics)
        session.on("agent_state_changed", self._on_agent_state)
        session.on("user_state_changed", self._on_user_state)
        session.on("speech_created", self._on_speech_created)
        if self.realtime:
            session.on("user_input_transcribed", self._on_realtime_transcript)
            session.on("conversation_item_added", self._on_realtime_item)
        turn = self.conversation.start(self.direction, caller_number=self.caller_number)
        self._deliver(turn, in_turn=False)

    def call_state(self) -> CallState:  # a method: the framework inspects every attribute at init
        assert self.conversation.state is not None
        return self.conversation.state

    def call_view(self) -> tuple[Form, CallState, datetime] | None:
        """The form, the state and the call's clock, for the turn detector to judge the caller's words
        (None before the call starts)."""
        conv = self.conversation
        return None if conv.state is None else (conv.form, conv.state, conv.clock())

    # --- what the caller does -------------------------------------------------------------------
    async def on_user_turn_completed(self, turn_ctx: llm.ChatContext, new_message: llm.ChatMessage) -> None:
        if self.realtime:
            # The framework would now ask the model for a reply with no instructions: the model would
            # answer by itself. The caller's words reach the core through the model's transcript.
            raise StopResponse()
        # The audio path (cascade/local): the framework decided the caller's turn is over.
        started = time.time()
        self._pending = pending = {"decided": started}
        self._pending_kind = self.expected_now()
        text = await self._whole_turn(new_message.text_content or "", pending)
        if text != new_message.text_content:
            new_message.content = [text]
        self._hear_text(new_message.id, text, in_turn=True)
        if self._pending is not None:
            self._pending["core"] = (time.time() - started) * 1000 - pending.get("rehear", 0.0)

    async def _whole_turn(self, text: str, pending: dict[str, float]) -> str:
        """A turn heard in pieces (the caller paused), heard again as a whole (daisy.voice.whole_turn)."""
        stt = self.session.stt
        if stt is None or not hasattr(stt, "rehear_turn"):
            return text
        if no_as_heard(self.call_view(), text):  # "No. Está mal.": no second run needed
            stt.forget_turn()
            return text
        heard = await stt.rehear_turn()
        if heard is None or not heard.text.strip():
            return text
        pending["rehear"] = (stt.rehear_seconds or 0.0) * 1000
        return heard.text

    async def stt_node(self, audio: AsyncIterable[rtc.AudioFrame],
                       model_settings: ModelSettings) -> AsyncIterable[stt.SpeechEvent]:
        """The framework's recognition, less the backchannels said over Daisy's sentence: with no
        final transcript the framework resumes her paused audio instead of interrupting it."""
        async for ev in Agent.default.stt_node(self, audio, model_settings):
            if (ev.type == stt.SpeechEventType.FINAL_TRANSCRIPT and ev.alternatives
                    and await self._only_listening(ev.alternatives[0])):
                continue
            yield ev

    async def tts_node(self, text: AsyncIterable[str],
                       model_settings: ModelSettings) -> AsyncIterable[rtc.AudioFrame]:
        self._progress.sentence_started()
        async for frame in Agent.default.tts_node(self, text, model_settings):
            self._progress.audio_made(frame.duration)
            yield frame
        self._progress.sentence_made()

    async def _only_listening(self, said: stt.SpeechData) -> bool:
        """A backchannel over Daisy's sentence (daisy.voice.backchannel), kept from the core."""
        text = said.text
        # the transcript of a stretch comes a second or more after it was said, by then maybe over
        # the closing question: where Daisy was when the caller began decides
        began_mid_sentence = self._began_mid_sentence
        if self.conversation.state is None or not (
                began_mid_sentence or mid_sentence(self._progress, self._daisy_speaking(), time.time())):
            return False
        lang = self.call_state().lang
        if not only_listening(text, lang):
            again = getattr(self.session.stt, "stretch_heard_as", None)
            try:
                heard = await again(Expected.YES_NO, LONGEST_BACKCHANNEL, said) if again else None
            except Exception as e:  # noqa: BLE001 (an interruption taken as one loses nothing)
                log.warning("could not hear the stretch again: %s", e)
                return False
            if not heard or not listening_when_heard_again(heard, lang):
                return False
        self.backchannels.append(text)
        log.info("backchannel over Daisy's sentence, not an interruption: %r", text)
        forget = getattr(self.session.stt, "forget_turn", None)
        if forget is not None:  # not a piece of the caller's next answer either
            forget(said)
        return True

    def reply_for(self, chat_ctx: llm.ChatContext) -> str:
        """PolicyLLM's reply: the core's sentence. Also serves `session.run(user_input=...)`, which
        skips on_user_turn_completed, by hearing the newest user message here."""
        for item in reversed(chat_ctx.items):
            if isinstance(item, llm.ChatMessage) and item.role == "user":
                if item.id not in self._heard_ids:
                    self._hear_text(item.id, item.text_content or "", in_turn=True)
                break
        say, self._next_say = self._next_say, None
        return say or ""

    def keypad(self, digits: str) -> None:
        """SIP DTMF, one or more keys; `#` ends an entry, `*` starts it over."""
        for key in digits:
            if key == "*":
                self._dtmf = ""
            elif key == "#":
                entry, self._dtmf = self._dtmf + "#", ""
                self._out_of_band(Keypad(entry))
            elif key.isdigit():
                self._dtmf += key

    def caller_left(self) -> None:
        if self.conversation.state is not None and not self.call_state().ended:
            self._out_of_band(Hangup())

    def _hear_text(self, msg_id: str, text: str, in_turn: bool) -> None:
        self._heard_ids.add(msg_id)
        text = text.strip()
        if not text or self.conversation.state is None or self.call_state().ended:
            return
        if self.observer.on_heard:
            self.observer.on_heard(text)
        self._deliver(self.conversation.hear(Utterance(text, self._confidence(text))), in_turn=in_turn)

    def _confidence(self, text: str) -> float | None:
        """How sure the local recognizer was of these words (the cloud ones don't say): the core reads
        back or asks again according to it."""
        heard = getattr(self.session.stt, "last_heard", None) if not self.realtime else None
        if heard is None or " ".join(heard.text.split()) != " ".join(text.split()):
            return None
        return heard.confidence

    def _out_of_band(self, event: CallerEvent) -> None:
        """An event outside a spoken turn (keypad, silence, hangup): Daisy stops and answers it."""
        if self.conversation.state is None or self.call_state().ended:
            return
        if not isinstance(event, Hangup) and self.session.current_speech is not None:
            self.session.interrupt()
        self._pending = None
        if self.observer.on_heard and not isinstance(event, Hangup):
            self.observer.on_heard(f"[{type(event).__name__.lower()}] {getattr(event, 'digits', '')}".strip())
        self._deliver(self.conversation.hear(event), in_turn=False)

    # --- what Daisy says ------------------------------------------------------------------------
    def _deliver(self, turn: Turn, in_turn: bool) -> None:
        if not turn.state.ended:
            self._tune_hearing(turn.state)
        if turn.state.ended:
            self._closing = True
        if self.observer.on_said and turn.say:
            self.observer.on_said(turn)
        if not turn.say:
            if turn.state.ended:
                self._finish()
            return
        if self.realtime:
            self._meant.append(turn.say)
            self.session.generate_reply(instructions=exact_instruction(turn.say, turn.state.lang))
            return
        self._next_say = turn.say
        if not in_turn:  # in a turn the framework asks PolicyLLM for the reply by itself
            self.session.generate_reply()

    def _tune_hearing(self, state: CallState) -> None:
        """The recognizer hears the next answer knowing what kind of answer it is (each turn)."""
        try:
            from daisy.core.expectation import listening
            from daisy.voice.pipelines import tune_hearing

            tune_hearing(self.session, state.lang, listening(self.conversation.form, state))
        except Exception as e:  # noqa: BLE001 (hearing without the hint beats a dropped turn)
            log.warning("could not tune the recognizer: %s", e)

    def _on_speech_created(self, ev: Any) -> None:
        if self._closing and not self._done:
            ev.speech_handle.add_done_callback(lambda _h: self._finish())

    def _finish(self) -> None:
        if self._done:
            return
        self._done = True
        state = self.call_state()
        asyncio.get_running_loop().create_task(self._after_end(state))

    async def _after_end(self, state: CallState) -> None:
        if state.outcome is Outcome.TRANSFERRED and self.observer.on_transfer:
            transferred = await _maybe_await(self.observer.on_transfer(state))
            if transferred is False:
                state = await self._transfer_failed(state)
        if self.observer.on_ended:
            await _maybe_await(self.observer.on_ended(state))

    async def _transfer_failed(self, state: CallState) -> CallState:
        """Tell the caller, and record it: Daisy's sentence in the transcript, outcome incomplete (the
        call was not handed over). The core has ended the call, so this is written to the log here."""
        say = TRANSFER_FAILED["es" if state.lang.startswith("es") else "en"]
        conv = self.conversation
        state = replace(state, outcome=Outcome.INCOMPLETE)
        now = conv.clock()
        conv.seq += 1
        conv.last_daisy_seq = conv.seq
        conv.log.turn_added(conv.call_id, conv.seq, "daisy", say, now, state)
        conv.state = state
        conv.log.call_ended(conv.call_id, state, now)
        if self.observer.on_said:
            self.observer.on_said(Turn(say=say, state=state))
        try:
            if self.realtime:
                self._meant.append(say)
                handle = self.session.generate_reply(instructions=exact_instruction(say, state.lang))
            else:
                self._next_say = say
                handle = self.session.generate_reply()
            await handle
        except Exception as e:  # noqa: BLE001 (the line may already be gone; the record is written)
            log.warning("could not say the transfer fallback: %s", e)
        return state

    # --- timing ---------------------------------------------------------------------------------
    def _on_metrics(self, ev: Any) -> None:
        m = ev.metrics
        if isinstance(m, STTMetrics) and not m.streamed:
            self._last_stt = m.duration
            self.stt_seconds.append(m.duration)
        elif isinstance(m, EOUMetrics) and self._pending is not None:
            self._pending["eou"] = m.end_of_utterance_delay
            self._pending["transcription"] = m.transcription_delay

    def _on_agent_state(self, ev: Any) -> None:
        self._progress.state_changed(ev.old_state, ev.new_state, ev.created_at)
        if ev.new_state != "speaking" or self._pending is None or "eou" not in self._pending:
            return
        p, self._pending = self._pending, None
        eos = p["decided"] - p["eou"]
        stt = p["transcription"]
        if self._last_stt is not None and self._last_stt <= p["eou"]:
            stt = self._last_stt  # the recognizer's own time, when it ran inside this turn
        self._last_stt = None
        total = (ev.created_at - eos) * 1000
        # a turn heard again as a whole counts that second run as recognition, not core
        parts = {"endpointing": max(0.0, p["eou"] - stt) * 1000, "stt": stt * 1000 + p.get("rehear", 0.0),
                 "core": max(0.0, p.get("core", 0.0))}
        parts["tts"] = max(0.0, total - sum(parts.values()))
        parts["total"] = total
        latency = {k: round(v, 1) for k, v in parts.items()}
        self.latencies.append(latency)
        self.latency_kinds.append(self._pending_kind)
        self.conversation.note_latency(latency)
        if self.observer.on_latency:
            self.observer.on_latency(latency)

    def expected_now(self) -> str:
        """What Daisy waits for now (daisy.core.expectation.Expected's value; "" before the call)."""
        if self.conversation.state is None:
            return ""
        from daisy.core.expectation import expected

        return expected(self.conversation.form, self.conversation.state).value

    def _daisy_speaking(self) -> bool:
        """Daisy's sentence is playing or paused by the caller (not done, not interrupted)."""
        speech = self.session.current_speech
        return speech is not None and not speech.done() and not speech.interrupted

    def _on_user_state(self, ev: Any) -> None:
        if ev.new_state == "speaking":
            self._began_mid_sentence = mid_sentence(self._progress, self._daisy_speaking(), ev.created_at)
        # The framework marks the caller "away" after user_away_timeout of silence on both sides.
        if ev.new_state == "away":  # _out_of_band ignores it once the call has ended
            timeout = getattr(self.session.options, "user_away_timeout", None) or 0.0
            # The framework re-arms its timer only for a caller who is "listening": bring the caller
            # back, or a second silence would never be noticed and the core's goodbye never said.
            self.session.reset_away_timer()
            self._out_of_band(Silence(float(timeout)))

    def _on_realtime_transcript(self, ev: Any) -> None:
        if ev.is_final:
            item = ev.item_id or f"rt-{time.monotonic()}"
            if item not in self._heard_ids:  # each caller turn reaches the core once
                # The server did the endpointing and the transcription before this event: the turn's
                # latency counts from here (core, then the model's time to its first audio as "tts").
                started = time.time()
                self._pending = {"decided": started, "eou": 0.0, "transcription": 0.0}
                self._hear_text(item, ev.transcript, in_turn=False)
                if self._pending is not None:
                    self._pending["core"] = (time.time() - started) * 1000

    def _on_realtime_item(self, ev: Any) -> None:
        """The model's spoken transcript of a response, checked against the sentence asked for."""
        item = ev.item
        if getattr(item, "role", None) != "assistant" or not self._meant:
            return
        said = item.text_content or ""
        # a sentence cut short by barge-in may never have been spoken at all: match what was said
        match = next((i for i, meant in enumerate(self._meant) if not off_script(said, meant)), None)
        if match is not None:
            del self._meant[:match + 1]
            return
        meant = self._meant.pop(0)
        if not getattr(item, "interrupted", False):
            self.off_script.append((meant, said))
            log.warning("the realtime model strayed from the sentence (%d so far)", len(self.off_script))


async def _maybe_await(value: Any) -> Any:
    if value is not None and hasattr(value, "__await__"):
        return await value
    return value
