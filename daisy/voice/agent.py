"""The LiveKit Agent that puts the dialogue core on the line.

The core decides every step. What the caller said (final transcript, keypad digits, a long silence,
hanging up) goes to `Conversation.hear`; the core's sentence is what Daisy says:
- cascade/local: PolicyLLM hands the sentence to the framework, which voices it with the TTS;
- realtime: the speech model gets the exact sentence as its instruction for the next response.
Per-turn latency (endpointing, stt, core, tts, total) is measured here and stored on Daisy's turn.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from livekit.agents import Agent, llm
from livekit.agents.metrics import EOUMetrics, STTMetrics

from daisy.conversation import Conversation
from daisy.core import CallerEvent, CallState, Hangup, Keypad, Outcome, Phase, Silence, Turn, Utterance

log = logging.getLogger("daisy.voice")


@dataclass
class CallObserver:
    """What an adapter (worker, demo, tests) wants to know as the call goes."""

    on_heard: Callable[[str], None] | None = None  # the caller's words as the core got them
    on_said: Callable[[Turn], None] | None = None  # Daisy's sentence, when decided
    on_latency: Callable[[dict[str, float]], None] | None = None
    on_ended: Callable[[CallState], Awaitable[None] | None] | None = None  # after the last word played
    on_transfer: Callable[[CallState], Awaitable[None] | None] | None = None


def exact_instruction(say: str, lang: str) -> str:
    language = "Mexican Spanish" if lang.startswith("es") else "American English"
    return (f"Say exactly the following sentence in {language}, word for word, adding and changing "
            f"nothing, then stop: «{say}»")


def realtime_instructions(lang: str) -> str:
    return ("You are the voice of Daisy, a telephone assistant. You never decide what to say: every "
            "response, you are told the exact sentence; say it word for word in a warm, natural tone "
            "and nothing else. Never store or confirm data on your own. " + exact_instruction("…", lang))


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
        tools = field_tools(self) if realtime else []
        super().__init__(instructions=realtime_instructions(lang) if realtime else "Daisy", tools=tools)
        self._next_say: str | None = None
        self._heard_ids: set[str] = set()
        self._dtmf = ""
        self._closing = False
        self._done = False
        self._pending: dict[str, float] | None = None  # latency parts of the turn being answered
        self._last_stt: float | None = None
        self.latencies: list[dict[str, float]] = []
        self.stt_seconds: list[float] = []

    # --- lifecycle ------------------------------------------------------------------------------
    async def on_enter(self) -> None:
        session = self.session
        session.on("metrics_collected", self._on_metrics)
        session.on("agent_state_changed", self._on_agent_state)
        session.on("user_state_changed", self._on_user_state)
        session.on("speech_created", self._on_speech_created)
        if self.realtime:
            session.on("user_input_transcribed", self._on_realtime_transcript)
        turn = self.conversation.start(self.direction, caller_number=self.caller_number)
        self._deliver(turn, in_turn=False)

    def call_state(self) -> CallState:  # a method: the framework inspects every attribute at init
        assert self.conversation.state is not None
        return self.conversation.state

    # --- what the caller does -------------------------------------------------------------------
    async def on_user_turn_completed(self, turn_ctx: llm.ChatContext, new_message: llm.ChatMessage) -> None:
        # The audio path (cascade/local): the framework decided the caller's turn is over.
        started = time.time()
        self._pending = {"decided": started}
        self._hear_text(new_message.id, new_message.text_content or "", in_turn=True)
        if self._pending is not None:
            self._pending["core"] = (time.time() - started) * 1000

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
        self._deliver(self.conversation.hear(Utterance(text)), in_turn=in_turn)

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

    def offer_value(self, key: str, value: str) -> str:
        """A realtime field tool's call: the core hears the value as if spoken, the model gets
        the sentence to say."""
        state = self.call_state()
        if state.ended:
            return "The call is over; say nothing."
        if state.field != key or state.phase is not Phase.ASKING:
            again = exact_instruction(state.last_say, state.lang)
            return f"Not stored: the form is not asking for {key} now. {again}"
        turn = self.conversation.hear(Utterance(value))
        if self.observer.on_said and turn.say:
            self.observer.on_said(turn)
        if turn.state.ended:
            self._closing = True
        return exact_instruction(turn.say, turn.state.lang)

    # --- what Daisy says ------------------------------------------------------------------------
    def _deliver(self, turn: Turn, in_turn: bool) -> None:
        if turn.state.ended:
            self._closing = True
        if self.observer.on_said and turn.say:
            self.observer.on_said(turn)
        if not turn.say:
            if turn.state.ended:
                self._finish()
            return
        if self.realtime:
            self.session.generate_reply(instructions=exact_instruction(turn.say, turn.state.lang))
            return
        self._next_say = turn.say
        if not in_turn:  # in a turn the framework asks PolicyLLM for the reply by itself
            self.session.generate_reply()

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
            await _maybe_await(self.observer.on_transfer(state))
        if self.observer.on_ended:
            await _maybe_await(self.observer.on_ended(state))

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
        if ev.new_state != "speaking" or self._pending is None or "eou" not in self._pending:
            return
        p, self._pending = self._pending, None
        eos = p["decided"] - p["eou"]
        stt = p["transcription"]
        if self._last_stt is not None and self._last_stt <= p["eou"]:
            stt = self._last_stt  # the recognizer's own time, when it ran inside this turn
        self._last_stt = None
        total = (ev.created_at - eos) * 1000
        parts = {"endpointing": max(0.0, p["eou"] - stt) * 1000, "stt": stt * 1000,
                 "core": p.get("core", 0.0)}
        parts["tts"] = max(0.0, total - sum(parts.values()))
        parts["total"] = total
        latency = {k: round(v, 1) for k, v in parts.items()}
        self.latencies.append(latency)
        self.conversation.note_latency(latency)
        if self.observer.on_latency:
            self.observer.on_latency(latency)

    def _on_user_state(self, ev: Any) -> None:
        # The framework marks the caller "away" after user_away_timeout of silence on both sides.
        if ev.new_state == "away":  # _out_of_band ignores it once the call has ended
            timeout = getattr(self.session.options, "user_away_timeout", None) or 0.0
            self._out_of_band(Silence(float(timeout)))

    def _on_realtime_transcript(self, ev: Any) -> None:
        if ev.is_final:
            self._hear_text(ev.item_id or f"rt-{time.monotonic()}", ev.transcript, in_turn=False)


def field_tools(agent: DaisyAgent) -> list[llm.FunctionTool]:
    """The original system's one-tool-per-field, kept for the realtime model, but every value goes
    through the core: a value the core does not accept is never stored."""
    tools = []
    for f in agent.conversation.form.fields:
        async def save(value: str, _key: str = f.key) -> str:
            return agent.offer_value(_key, value)

        tools.append(llm.function_tool(save, name=f"save_{f.key}",
                                       description=f"Give the caller's {f.label['en-US']} to the form."))
    return tools


async def _maybe_await(value: Awaitable[None] | None) -> None:
    if value is not None and hasattr(value, "__await__"):
        await value
