"""The dialogue core's entry point: start a call, then one caller event at a time.

Repair patterns (hang-up, silence, a human, hold on, repeat, off-topic, insults, don't know) are
written once here for every step; the steps themselves live in `collecting` (form fields) and
`follow_ups` (permission, callback, email, WhatsApp).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from types import MappingProxyType

from daisy.core import collecting, follow_ups, known, ladder
from daisy.core.context import TurnContext
from daisy.core.events import CallerEvent, Hangup, Keypad, Silence, Utterance
from daisy.core.state import CallState, Direction, Outcome, Phase, Turn
from daisy.core.wording import join
from daisy.form import Form, canonical_lang
from daisy.phrases import Phrases, load_phrases
from daisy.understanding import reader
from daisy.understanding.field_cues import FieldInfo
from daisy.understanding.intents import Intent, classify, only_filler
from daisy.understanding.plausible import plausible

FIELD_STEPS = ("field", "confirm")
PERMISSION_STEPS = ("permission", "offer_callback")
LONG_GREETING_WORDS = 16  # a first utterance this long on an outbound call is a recorded greeting
FOLLOW_UP_TRIES = 3  # a follow-up question (when to call back, which address) not understood
ASIDES_PER_QUESTION = 2  # off-topic answers, insults, greetings answered before they count as not understood
HOLD_LIMIT_S = 180.0  # how long Daisy waits on the line after "espérame tantito"
OFF_TOPIC = {  # one-sentence answers, then back to the question
    Intent.WHO: "who",
    Intent.WHY: "why",
    Intent.ROBOT: "robot",
    Intent.NUMBER_SOURCE: "number_source",
    Intent.TOPIC: "topic",
    Intent.INSULT: "insult",
    Intent.IMPATIENT: "impatient",
    Intent.ALREADY_GAVE: "already_gave",
}


def _question_of(state: CallState) -> str:
    """Which question a state is on: the field (asking and confirming alike) or the follow-up."""
    if state.step in FIELD_STEPS:
        return f"field:{state.field}"
    return state.step.split("_")[0]  # callback_time / callback_confirm → "callback"


def _asides_on(state: CallState) -> int:
    """The asides (and holds) already answered on the question the state is on."""
    before, _, count = state.scratch.get("asides", "").rpartition("|")
    return int(count) if before == _question_of(state) and count.isdigit() else 0


class Dialogue:
    """Pure and deterministic: the same form, language, events and clock give the same call."""

    def __init__(
        self,
        form: Form,
        lang: str = "es",
        phrases: Phrases | None = None,
        voicemail: str = "message",
        transfer_when_stuck: bool = False,
    ) -> None:
        self.form = form
        self.lang = canonical_lang(lang)
        self.phrases = phrases or load_phrases(self.lang)
        self.voicemail = voicemail  # on an answering machine: "message" (leave one) or "hangup"
        self.transfer_when_stuck = transfer_when_stuck  # a person takes over instead of skipping a field

    def start(
        self,
        direction: Direction,
        now: datetime,
        caller_number: str | None = None,
        known: Mapping[str, str] | None = None,
    ) -> Turn:
        """`known`: values the operator's roster has for this caller, by form key (daisy.core.known)."""
        state = CallState(
            direction=Direction(direction),
            lang=self.lang,
            phase=Phase.GREETING,
            caller_number=caller_number,
            step="greeting",
            known=MappingProxyType(dict(known or {})),
        )
        ctx = TurnContext(self, state, now)
        if state.direction is Direction.OUTBOUND:
            return ctx.reply("")  # wait for the callee's "¿Bueno?"
        first = self.form.fields[0]
        hello = ctx.text("hello", company=self.form.company)
        return collecting.ask_field(ctx, first, join(hello, self.form.purpose[self.lang]))

    def handle(self, state: CallState, event: CallerEvent, now: datetime) -> Turn:
        if state.ended:
            return Turn(say="", state=state)
        ctx = TurnContext(self, state, now)
        match event:
            case Hangup():
                return ctx.end("", state.outcome or Outcome.ABANDONED)
            case Silence(seconds):
                return self._silence(ctx, seconds)
            case Keypad():
                return self._bounded(state, self._keypad(ctx, event), now)
            case Utterance(text, confidence):
                ctx.confidence = confidence
                if confidence is not None and not text.strip() and not state.waiting:
                    # Speech was heard but no words came of it: not understood, one more rung of help.
                    return self._bounded(state, self._not_understood(ctx), now)
                turn = self._bounded(state, self._utterance(ctx, text), now)
                return self._read_back_ahead(state, turn, now)
        return ctx.reply(state.last_say)

    def _bounded(self, before: CallState, turn: Turn, now: datetime) -> Turn:
        """Every question ends whatever the caller says: count the turns spent on it, and past a
        bound leave the field empty (or end a follow-up politely)."""
        after = turn.state
        if after.ended or _question_of(after) != _question_of(before):
            return replace(turn, state=replace(after, turns_here=0))  # a new question starts its count
        here = before.turns_here + 1
        ctx = TurnContext(self, replace(after, turns_here=here), now, changed=list(turn.changed_fields))
        f = ctx.current_field
        if after.step in FIELD_STEPS and f is not None:
            if here < ladder.MAX_TURNS_ON_FIELD:
                return replace(turn, state=ctx.state)
            moved_on = ladder.leave_empty(ctx, f)
        elif here < ladder.MAX_TURNS_ON_FOLLOW_UP:
            return replace(turn, state=ctx.state)
        elif after.step in PERMISSION_STEPS:
            moved_on = follow_ups.start_collecting(ctx)  # when in doubt, get on with the call
        else:
            moved_on = follow_ups.give_up(ctx)
        # the next question starts its own count (it had inherited this one's, and each of its
        # answers then left it empty at once)
        return replace(moved_on, state=replace(moved_on.state, turns_here=0))

    # --- events --------------------------------------------------------------------------------
    def _silence(self, ctx: TurnContext, seconds: float) -> Turn:
        s = ctx.state
        if s.waiting:
            waited = float(s.scratch.get("waited", "0")) + seconds
            if waited < HOLD_LIMIT_S:
                return ctx.reply("", scratch={**s.scratch, "waited": str(waited)}, silences=0)
            ctx.state = replace(s, waiting=False)
        f = ctx.current_field
        if s.step == "field" and s.pieces and f and plausible(f.kind.value, s.pieces, f.symbols):
            return collecting.read_back(ctx, f, s.pieces)  # a pause after pieces: the value is complete
        if s.silences >= 1:
            return ctx.end(ctx.text("silence_goodbye"), Outcome.ABANDONED)
        if s.step == "greeting":
            turn = follow_ups.intro(ctx)
            return replace(turn, state=replace(turn.state, silences=1))
        return ctx.reply(ctx.text("still_there", ask=self._question(ctx)), silences=s.silences + 1)

    def _keypad(self, ctx: TurnContext, event: Keypad) -> Turn:
        s = ctx.state
        ctx.state = replace(s, waiting=False)
        if s.step == "field" or (s.step == "confirm" and any(c.isdigit() for c in event.digits)):
            return collecting.hear_keypad(ctx, event)
        if s.step == "whatsapp_number":
            return follow_ups.hear_follow_up(ctx, event.digits, set()) or self._not_understood(ctx)
        return ctx.reply(self._question(ctx))

    def _utterance(self, ctx: TurnContext, text: str) -> Turn:
        s = ctx.state
        intents = classify(text, self.lang)
        if s.step == "greeting":
            # An answering machine names itself, or talks on where a person says "¿Bueno?" and waits.
            if Intent.VOICEMAIL in intents or len(text.split()) >= LONG_GREETING_WORDS:
                say = ctx.text("voicemail_message") if self.voicemail == "message" else ""
                return ctx.end(say, Outcome.VOICEMAIL)
            return follow_ups.intro(ctx)
        if Intent.HUMAN in intents:
            return ctx.end(ctx.text("transfer"), Outcome.TRANSFERRED)
        if s.waiting:
            scratch = {k: v for k, v in s.scratch.items() if k != "waited"}
            ctx.state = s = replace(s, waiting=False, scratch=scratch)
            # (a value is no "I'm back": "eight" heard "wait", then "number eight" was taken for one,
            # and the fleet number asked for again fourteen times on made-up set 18)
            back_only = intents <= {Intent.YES, Intent.GREETING, Intent.DONE} and len(text.split()) <= 4 \
                and not self._carries_value(ctx, text)
            if s.step in PERMISSION_STEPS and (back_only or Intent.YES in intents):
                return follow_ups.start_collecting(ctx)  # "ya, aquí estoy, dime": on with the call
            if only_filler(text, self.lang) or back_only:
                return ctx.reply(ctx.text("resume", ask=self._question(ctx)))
        # "no, espera, es arroba yahoo": a wait word inside a correction is no request to hold.
        holding = Intent.WAIT in intents and Intent.NO not in intents
        if holding and not self._carries_value(ctx, text):
            # held for twice per question, as asides are; then the ladder climbs (a line that hears
            # every "eight" as "wait" must not hold the question for ever)
            held = _asides_on(s)
            if held >= ASIDES_PER_QUESTION and s.step in FIELD_STEPS:
                return self._not_understood(ctx)
            return ctx.reply(ctx.text("hold"), waiting=True,
                             scratch={**s.scratch, "waited": "0", "asides": f"{_question_of(s)}|{held + 1}"})
        if (
            Intent.REPEAT in intents
            and not (intents & {Intent.YES, Intent.NO})
            and not self._carries_value(ctx, text)
        ):
            # (counted as an aside: a line can bend every answer into "What did you say?", made-up
            # set 17 asked for a name fourteen times)
            return self._aside(ctx, "")
        if s.step == "field":
            text = self._keep_values_ahead(ctx, text)
        turn = self._step(ctx, text, intents)
        if turn is not None:
            return turn
        return self._repair(ctx, text, intents)

    # --- steps ---------------------------------------------------------------------------------
    def _step(self, ctx: TurnContext, text: str, intents: set[Intent]) -> Turn | None:
        s = ctx.state
        if s.step in PERMISSION_STEPS:
            return follow_ups.hear_permission(ctx, text, intents)
        if s.step not in FIELD_STEPS:
            return follow_ups.hear_follow_up(ctx, text, intents)
        if turn := follow_ups.follow_up_request(ctx, text, intents):
            return turn
        if Intent.REFUSE in intents:
            return ctx.end(ctx.text("refused"), Outcome.REFUSED)
        if s.step == "confirm":
            if Intent.DONT_KNOW in intents and not (intents & {Intent.YES}):
                if ctx.confidence is not None and s.unclear == 0 and ctx.current_field is not None:
                    # heard, not typed: a "don't know" to "is it 745?" is neither yes nor no, and
                    # may be a yes misheard ("Ajá." heard "No sé." had dropped a right number)
                    return collecting.unclear(ctx, ctx.current_field)
                return collecting.skip_unknown(ctx)
            hear = known.hear if known.offered(s) else collecting.hear_confirmation
            return hear(ctx, text, intents)
        if Intent.DONT_KNOW in intents and not self._carries_value(ctx, text):
            return collecting.skip_unknown(ctx)  # "no sé, como a las cinco" gives the value all the same
        if intents & set(OFF_TOPIC) and not self._carries_value(ctx, text):
            return None  # answered by the repair below, then back to the field
        if turn := collecting.take_back_keyed(ctx, text, intents):
            return turn
        return collecting.hear_value(ctx, text, intents)

    def _repair(self, ctx: TurnContext, text: str, intents: set[Intent]) -> Turn:
        if ctx.state.step == "field" and ladder.lost(ctx):
            # a decode that stopped early is no aside ("godoy ochenta y uno arroba gmail punto com"
            # heard "No, no" five times running: twice the question again for free, then the ladder)
            return self._not_understood(ctx)
        aside = next((key for intent, key in OFF_TOPIC.items() if intent in intents), None)
        if aside is None and (Intent.GREETING in intents or only_filler(text, self.lang)):
            aside = "greeting_mid_call"
        if aside is None and ctx.state.step == "field" and intents & {Intent.YES, Intent.NO}:
            # a bare "sí" / "está mal" when a value was asked: an acknowledgement, or the end of the
            # answer to the read-back before (heard apart on a phone line): the question again
            aside = ""
        if aside is None:
            return self._not_understood(ctx)
        return self._aside(ctx, aside)

    def _aside(self, ctx: TurnContext, aside: str) -> Turn:
        """An aside answered ('' : none to answer, a request to hear the question again) and the
        question asked again, twice per question; after that it counts as not understood, so the
        ladder climbs: on a phone line the recognizer can hear the same insult in every answer
        ("idiot" for "India"), and the question must still end."""
        answered = _asides_on(ctx.state)
        if answered >= ASIDES_PER_QUESTION:
            return self._not_understood(ctx)
        scratch = {**ctx.state.scratch, "asides": f"{_question_of(ctx.state)}|{answered + 1}"}
        say = ctx.text(aside, ask=self._question(ctx)) if aside else self._question(ctx)
        return ctx.reply(say, failures=ctx.state.failures, scratch=scratch)

    def _not_understood(self, ctx: TurnContext) -> Turn:
        s = ctx.state
        if s.step in FIELD_STEPS:
            return collecting.not_understood(ctx)
        failures = s.failures + 1
        if s.step in PERMISSION_STEPS and failures >= 2:
            return follow_ups.start_collecting(ctx)  # when in doubt, get on with the call
        if failures >= FOLLOW_UP_TRIES:
            return follow_ups.give_up(ctx)  # no question is asked more than three times running
        return ctx.reply(self._question(ctx), failures=failures)

    def _question(self, ctx: TurnContext) -> str:
        if ctx.state.step in FIELD_STEPS:
            return collecting.question(ctx)
        return follow_ups.question(ctx)

    # --- values for later fields said in the same breath ("el 3120 con placas RT-45-22") ----------
    def _keep_values_ahead(self, ctx: TurnContext, text: str) -> str:
        """Keep the values said for other open fields for their turn; the current field hears the rest."""
        f = ctx.current_field
        if f is None:
            return text
        fields = [FieldInfo(g.key, g.kind.value, g.label[self.lang]) for g in self.form.fields]
        own, ahead = reader.values_ahead(text, self.lang, ctx.now, fields, f.key)
        done = {k for k, v in ctx.state.values.items() if v.confirmed or v.unknown}
        kept = {f"ahead:{k}": v for k, v in ahead.items() if k not in done}
        if not kept:
            return text
        ctx.state = replace(ctx.state, scratch={**ctx.state.scratch, **kept})
        return own

    def _read_back_ahead(self, before: CallState, turn: Turn, now: datetime) -> Turn:
        """A new field whose value was said earlier is read back at once instead of asked."""
        s = turn.state
        value = s.scratch.get(f"ahead:{s.field}")
        if value is None or s.ended or s.step != "field" or s.pieces or s.field == before.field:
            return turn
        scratch = {k: v for k, v in s.scratch.items() if k != f"ahead:{s.field}"}
        ctx = TurnContext(self, replace(s, scratch=scratch), now, changed=list(turn.changed_fields))
        f = ctx.current_field
        assert f is not None
        if not plausible(f.kind.value, value, f.symbols):
            return replace(turn, state=ctx.state)  # not a value this field can have: ask as usual
        ask = f.ask[self.lang]
        prefix = turn.say[: -len(ask)].strip() if turn.say.endswith(ask) else ""
        return collecting.read_back(ctx, f, value, prefix=prefix)

    def _carries_value(self, ctx: TurnContext, text: str) -> bool:
        f = ctx.current_field
        # Any words can look like a name or a piece of an email ("ya te lo di" → "yatelodi"), so for
        # those an intent always wins over a value.
        if f is None or ctx.state.step not in FIELD_STEPS or f.kind.value in ("name", "text", "email"):
            return False
        probe = TurnContext(self, ctx.state, ctx.now)
        return collecting.hear_value(probe, text, set()) is not None
