"""The start of an outbound call and what a caller may ask for instead of registering now:
a call back later, the form by email, by WhatsApp. Each ends the call with its outcome."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from types import MappingProxyType

from daisy.core import ladder
from daisy.core.collecting import ask_field
from daisy.core.context import TurnContext
from daisy.core.expectation import refused, with_refused
from daisy.core.state import FollowUp, Outcome, Phase, Turn
from daisy.understanding import reader
from daisy.understanding.intents import Intent, can_talk_now

FOLLOW_UP_QUESTIONS = {
    "permission": "ask_permission",
    "offer_callback": "offer_callback",
    "callback_time": "ask_callback_time",
    "email_address": "ask_email_address",
    "whatsapp_number": "ask_whatsapp_number",
}


def intro(ctx: TurnContext) -> Turn:
    form = ctx.dialogue.form
    reason = (form.reason or form.purpose)[ctx.lang]
    return ctx.reply(ctx.text("intro_outbound", reason=reason), phase=Phase.PERMISSION, step="permission")


def question(ctx: TurnContext) -> str:
    s = ctx.state
    if s.step in ("callback_confirm", "email_confirm", "whatsapp_confirm", "whatsapp_own"):
        return _confirm_text(ctx, s.step, s.pending or "")
    if s.step == "email_address" and s.pieces:
        return ctx.text("next_piece", piece=ctx.spoken("email", s.pieces))
    return ctx.text(FOLLOW_UP_QUESTIONS.get(s.step, "ask_permission"))


def start_collecting(ctx: TurnContext) -> Turn:
    first = ctx.dialogue.form.fields[0]
    return ask_field(ctx, first, ctx.text("ack", rotate=0))


def hear_permission(ctx: TurnContext, text: str, intents: set[Intent]) -> Turn | None:
    """The answer to "¿tienes un par de minutos?" (and to "¿te llamo más tarde?")."""
    if turn := follow_up_request(ctx, text, intents):
        return turn
    offered_callback = ctx.state.step == "offer_callback"
    if Intent.NO in intents and not ladder.no_counts(ctx) and not intents & {Intent.REFUSE, Intent.BUSY}:
        # a no the audio contradicts (Kokoro's "Sure thing, go ahead." heard as the prompt's "No,
        # that's wrong.") asks again, as at a read-back: it had turned an accepted call into a call back
        return None
    if Intent.YES in intents and Intent.NO in intents and not intents & {Intent.REFUSE, Intent.BUSY}:
        # a yes with a no after it ("Sure thing, no head." for "Sure thing, go ahead."; "Sure, no
        # problem."): asked again, never taken as a no that turns an accepted call into a call back
        return None
    if Intent.REFUSE in intents or (offered_callback and Intent.NO in intents):
        return ctx.end(ctx.text("refused"), Outcome.REFUSED)
    if offered_callback and Intent.YES in intents and can_talk_now(text, ctx.lang):
        # "Yes, I can talk.": the driver answers the first question again (its yes had been heard as a
        # no), not the offer to call back
        return start_collecting(ctx)
    if offered_callback and Intent.YES in intents:
        return ask_callback_time(ctx)
    if Intent.BUSY in intents or Intent.NO in intents:
        return ctx.reply(ctx.text("offer_callback"), phase=Phase.PERMISSION, step="offer_callback")
    if Intent.YES in intents or Intent.GREETING in intents:
        return start_collecting(ctx)
    return None


def follow_up_request(ctx: TurnContext, text: str, intents: set[Intent]) -> Turn | None:
    """A request to be called back, or to get the form by email or WhatsApp, at any point."""
    # "Al rato" only asks for a call back when Daisy asked whether they can talk; inside a field
    # ("al rato, como a las seis") it is part of the answer.
    asked_permission = ctx.state.step in ("permission", "offer_callback")
    if Intent.CALLBACK in intents or (asked_permission and Intent.LATER in intents):
        when = _callback_time(ctx, text)
        return confirm_callback(ctx, when) if when else ask_callback_time(ctx)
    if Intent.WHATSAPP in intents:
        number = _phone_number(text, ctx.lang)
        if number:
            return _confirm(ctx, "whatsapp_confirm", number)
        if ctx.state.caller_number:
            return _confirm(ctx, "whatsapp_own", ctx.state.caller_number)
        return _ask(ctx, "whatsapp_number")
    if Intent.EMAIL in intents and not (ctx.current_field and ctx.current_field.kind.value == "email"):
        address = reader.read_email(text, ctx.lang)
        if reader.is_complete_email(address):
            return _confirm(ctx, "email_confirm", address)
        return _ask(ctx, "email_address")
    return None


def _ask(ctx: TurnContext, step: str, **changes: object) -> Turn:
    """Ask for a follow-up detail (the address, the number, the time)."""
    return ctx.reply(
        ctx.text(FOLLOW_UP_QUESTIONS[step]),
        phase=Phase.ASKING,
        step=step,
        field=None,
        pending=None,
        pieces="",
        **changes,
    )


def ask_callback_time(ctx: TurnContext) -> Turn:
    resume = {"resume_field": ctx.state.field} if ctx.state.field else {}
    if ctx.state.scratch.get("asked_again"):
        resume["asked_again"] = "1"  # (whether it can be now is asked once a call)
    return _ask(ctx, "callback_time", scratch=MappingProxyType(resume))


def confirm_callback(ctx: TurnContext, when: datetime) -> Turn:
    say = ctx.text("confirm_callback", when=_when(ctx, when))
    return ctx.reply(
        say,
        phase=Phase.CONFIRMING,
        step="callback_confirm",
        pending=when.strftime("%H:%M"),
        field=None,
        pieces="",
        failures=0,
        scratch=MappingProxyType({**ctx.state.scratch, "callback_at": when.isoformat()}),
    )


def hear_follow_up(ctx: TurnContext, text: str, intents: set[Intent]) -> Turn | None:
    """Steps inside a follow-up: the callback time, the email address, the WhatsApp number."""
    s = ctx.state
    if s.step == "callback_time":
        when = _callback_time(ctx, text)
        if when:
            return confirm_callback(ctx, when)
        resume = s.scratch.get("resume_field")
        if Intent.NO in intents and resume:  # it was no request for a call back: back to the form
            return ask_field(ctx, ctx.dialogue.form.field(resume), ctx.text("ack", rotate=1))
        if can_talk_now(text, ctx.lang) and not intents & {Intent.LATER, Intent.BUSY, Intent.NO}:
            # "Yes, I can talk.": a call back was never wanted (a yes to "¿tienes un par de minutos?"
            # heard as a no had led here, and the driver was asked for a time until one was booked)
            if resume:
                return ask_field(ctx, ctx.dialogue.form.field(resume), ctx.text("ack", rotate=1))
            return start_collecting(ctx)
        if not resume and Intent.YES in intents and not intents & {Intent.LATER, Intent.BUSY, Intent.NO} \
                and not s.scratch.get("asked_again"):
            # "Sure." and no time, to "What time should I call you?": the call back may never have been
            # wanted (a yes to "¿tienes un par de minutos?" heard as a no led here); asked once whether
            # it can be now
            return ctx.reply(ctx.text("ask_permission"), phase=Phase.PERMISSION, step="permission",
                             scratch=MappingProxyType({**s.scratch, "asked_again": "1"}))
        return None
    if s.step == "email_address":
        gathered = s.pieces + reader.read_email(text, ctx.lang)
        if reader.is_complete_email(gathered):
            # an address the caller already said no to is not read back again: not understood
            return None if gathered in refused(s) else _confirm(ctx, "email_confirm", gathered)
        if gathered != s.pieces:
            return ctx.reply(
                ctx.text("next_piece", piece=ctx.spoken("email", gathered[len(s.pieces) :])), pieces=gathered
            )
        return None
    if s.step == "whatsapp_number":
        number = _phone_number(text, ctx.lang)
        if number is None and Intent.SAME_NUMBER in intents and s.caller_number:
            number = s.caller_number
        return _confirm(ctx, "whatsapp_confirm", number) if number else None
    # A read-back of a follow-up detail: a clear yes ends the call, a new value is read back again;
    # a yes heard unsure confirms nothing (asked again, within the follow-up's bounded turns).
    if Intent.YES in intents and Intent.NO not in intents:
        return _finish(ctx) if ladder.yes_confirms(ctx, text) else None
    if s.step == "callback_confirm":
        when = _callback_time(ctx, text)
        if when:
            return confirm_callback(ctx, when)
        return ask_callback_time(ctx) if Intent.NO in intents else None
    if s.step == "email_confirm":
        address = reader.read_email(text, ctx.lang)
        if reader.is_complete_email(address):
            return _confirm(ctx, "email_confirm", address)
        if Intent.NO in intents:
            if s.pending:
                ctx.state = replace(s, scratch=MappingProxyType(with_refused(s, s.pending)))
            return _ask(ctx, "email_address")
        return None
    number = _phone_number(text, ctx.lang)
    if number:
        return _confirm(ctx, "whatsapp_confirm", number)
    if Intent.NO in intents:
        if s.step == "whatsapp_confirm" and s.pending:
            ctx.state = replace(s, scratch=MappingProxyType(with_refused(s, s.pending)))
        return _ask(ctx, "whatsapp_number")
    return None


def _finish(ctx: TurnContext) -> Turn:
    s = ctx.state
    pending = s.pending or ""
    if s.step == "callback_confirm":
        at = datetime.fromisoformat(s.scratch["callback_at"])
        return ctx.end(
            ctx.text("callback_goodbye", when=_when(ctx, at)),
            Outcome.CALLBACK,
            follow_up=FollowUp("callback", callback_at=at),
        )
    if s.step == "email_confirm":
        # the confirmed address is also the form's email, when it has one still open
        for f in ctx.dialogue.form.fields:
            fv = ctx.state.values.get(f.key)
            if f.kind.value == "email" and not (fv and fv.confirmed):
                ctx.set_field(f.key, value=pending, confirmed=True, unknown=False)
                break
        return ctx.end(ctx.text("email_goodbye"), Outcome.EMAIL, follow_up=FollowUp("email", address=pending))
    return ctx.end(
        ctx.text("whatsapp_goodbye"), Outcome.WHATSAPP, follow_up=FollowUp("whatsapp", address=pending)
    )


def _confirm(ctx: TurnContext, step: str, value: str) -> Turn:
    return ctx.reply(
        _confirm_text(ctx, step, value),
        phase=Phase.CONFIRMING,
        step=step,
        pending=value,
        field=None,
        pieces="",
        failures=0,
    )


def _confirm_text(ctx: TurnContext, step: str, value: str) -> str:
    if step == "callback_confirm":
        at = (
            datetime.fromisoformat(ctx.state.scratch["callback_at"])
            if "callback_at" in ctx.state.scratch
            else None
        )
        when = _when(ctx, at) if at and at.strftime("%H:%M") == value else ctx.spoken("time", value)
        return ctx.text("confirm_callback", when=when)
    if step == "email_confirm":
        return ctx.text("confirm_email_address", value=ctx.spoken("email", value))
    if step == "whatsapp_own":
        return ctx.text("confirm_whatsapp_own", last4=ctx.spoken("number", value[-4:]))
    return ctx.text("confirm_whatsapp_number", value=ctx.spoken("number", value))


def _when(ctx: TurnContext, at: datetime) -> str:
    minutes = round((at - ctx.now).total_seconds() / 60)
    if 0 < minutes <= 90:
        return ctx.text("callback_when_relative", minutes=minutes)
    return ctx.text("callback_when_at", time=ctx.spoken("time", at.strftime("%H:%M")))


def _callback_time(ctx: TurnContext, text: str) -> datetime | None:
    hhmm = reader.read_time(text, ctx.lang, ctx.now)
    if not hhmm:
        return None
    hh, mm = (int(x) for x in hhmm.split(":"))
    at = ctx.now.replace(hour=hh, minute=mm, second=0, microsecond=0)
    if at <= ctx.now:
        at += timedelta(days=1)
    return at


def _phone_number(text: str, lang: str) -> str | None:
    digits = reader.read_digits(text, lang) or ""
    return digits if 10 <= len(digits) <= 13 else None


def give_up(ctx: TurnContext) -> Turn:
    """A follow-up that could not be settled in a few turns: a sensible default, or a polite end.

    WhatsApp goes to the number calling when it is known; a call back without a time, or the form by
    email without an address, is left to the operations team.
    """
    s = ctx.state
    say = ctx.text("follow_up_give_up")
    if s.step.startswith("whatsapp") and s.caller_number:
        own = FollowUp("whatsapp", address=s.caller_number)
        return ctx.end(ctx.text("whatsapp_goodbye"), Outcome.WHATSAPP, follow_up=own)
    if s.step.startswith("callback"):
        return ctx.end(say, Outcome.CALLBACK, follow_up=FollowUp("callback"))
    if s.step.startswith("email"):
        return ctx.end(say, Outcome.EMAIL, follow_up=FollowUp("email"))
    if s.step.startswith("whatsapp"):
        return ctx.end(say, Outcome.WHATSAPP, follow_up=FollowUp("whatsapp"))
    return ctx.end(say, Outcome.INCOMPLETE)
