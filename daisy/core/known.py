"""Values already known for this caller (the operator's roster): offered for a yes instead of asked.

"¿Sigues con el tractor cuatro, cinco, uno, dos?" — a clear yes confirms the value with source
`roster`; a no asks the field as usual; a new value said instead is read back as usual. The values
come in as data (`CallState.known`, given to `Dialogue.start`); the core never looks them up.

A field on offer holds the known value, unconfirmed, with source `roster`, while Daisy waits on the
"confirm" step: every repair written for a read-back (repeat, "¿sí o no?", hold on…) applies as is.
A value is offered once: it leaves `known` when offered.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from types import MappingProxyType

from daisy.core import ladder
from daisy.core.context import TurnContext
from daisy.core.expectation import with_refused
from daisy.core.state import CallState, Phase, Turn
from daisy.core.wording import join
from daisy.form import FieldKind, FormField
from daisy.understanding import plausible, reader
from daisy.understanding.intents import Intent
from daisy.understanding.readback import wording

ROSTER = "roster"  # FieldValue.source of a value the caller confirmed from the roster


def offered(state: CallState) -> bool:
    """Is Daisy waiting for a yes to a known value (rather than to a value she heard)?"""
    fv = state.values.get(state.field) if state.field else None
    return state.step == "confirm" and fv is not None and fv.source == ROSTER and not fv.confirmed


def offer(ctx: TurnContext, f: FormField, prefix: str = "") -> Turn | None:
    """Offer the known value of `f` for a yes; None when there is none to offer (ask as usual)."""
    s = ctx.state
    value = s.known.get(f.key)
    if value is None or f"ahead:{f.key}" in s.scratch:  # a value said ahead for this field wins
        return None
    ctx.state = replace(s, known=_without(s.known, f.key))
    if not plausible.plausible(f.kind.value, value, f.symbols):
        return None  # not a value this form's field can have
    ctx.set_field(f.key, value=value, confirmed=False, source=ROSTER, attempts=ctx.attempts(f.key) + 1)
    return ctx.reply(
        join(prefix, question(ctx, f, value)),
        phase=Phase.CONFIRMING,
        step="confirm",
        field=f.key,
        pending=value,
        pieces="",
        failures=0,
        tries=0,
        unclear=0,
        offer="ask",
    )


def question(ctx: TurnContext, f: FormField, value: str) -> str:
    words = wording(ctx.lang)
    said = ctx.spoken(f.kind.value, value)
    if f.key in words.STILL:
        return str(words.STILL[f.key].format(value=said))
    asked = str(words.STILL_ANY.format(label=f.label[ctx.lang], value=said))
    start = next((i for i, ch in enumerate(asked) if ch.isalnum()), 0)  # "¿el número…" → "¿El número…"
    return asked[:start] + asked[start : start + 1].upper() + asked[start + 1 :]


def hear(ctx: TurnContext, text: str, intents: set[Intent]) -> Turn | None:
    """The answer to an offered value: yes, no, or the value as it is now."""
    from daisy.core import collecting  # collecting asks fields through this module

    f = ctx.current_field
    value = ctx.state.pending
    assert f is not None and value is not None
    corrected = reader.correct(f.kind.value, text, ctx.lang, value, ctx.now)
    if Intent.YES in intents and Intent.NO not in intents and corrected in (None, value):
        if ladder.yes_confirms(ctx, text):
            return _accept(ctx, f, value)
        return collecting.unclear(ctx, f)
    on_offer = ctx.state
    if f.kind is FieldKind.NAME:
        # Someone else on this phone: what the roster knows is another driver's.
        ctx.state = replace(ctx.state, known=MappingProxyType({}))
    # "No, ahora traigo el 4513": the new value is read back like any value heard.
    fresh = collecting.hear_confirmation(ctx, text, intents - {Intent.YES, Intent.NO})
    if fresh is not None:
        return fresh
    if Intent.NO in intents:
        ctx.state = replace(ctx.state, scratch=with_refused(ctx.state, value))
        ctx.set_field(f.key, value=None, source="speech")
        return collecting.ask_field(ctx, f, wording(ctx.lang).CHANGED)
    ctx.state = on_offer  # neither yes nor no: the repairs answer, the value stays on offer
    return None


def _accept(ctx: TurnContext, f: FormField, value: str) -> Turn:
    from daisy.core import collecting

    if f.kind is not FieldKind.NAME:
        return collecting.confirm(ctx, f, value)
    ctx.set_field(f.key, value=value, confirmed=True, unknown=False)
    return collecting.advance(ctx, wording(ctx.lang).GREET_KNOWN.format(first=value.split()[0]))


def _without(known: Mapping[str, str], key: str) -> Mapping[str, str]:
    return MappingProxyType({k: v for k, v in known.items() if k != key})
