"""Collecting the form's fields: ask, gather pieces, read back, confirm or correct, move on, close."""

from __future__ import annotations

from daisy.core.context import TurnContext
from daisy.core.events import Keypad
from daisy.core.state import Outcome, Phase, Turn
from daisy.core.wording import join, spoken_list
from daisy.form import FieldKind, FormField
from daisy.understanding import reader
from daisy.understanding.intents import Intent

PIECED = (FieldKind.PLATE, FieldKind.EMAIL)
KEYPAD_KINDS = (FieldKind.NUMBER, FieldKind.TIME)
MAX_PLATE_SYMBOLS = 10  # longer than any plate
MAX_FAILURES = 3  # not understood this many times in a row: offer the keypad, then move on


def ask_field(ctx: TurnContext, f: FormField, prefix: str = "") -> Turn:
    return ctx.reply(
        join(prefix, f.ask[ctx.lang]),
        phase=Phase.ASKING,
        step="field",
        field=f.key,
        pending=None,
        pieces="",
        failures=0,
    )


def question(ctx: TurnContext) -> str:
    """What Daisy is waiting for in a field step, to say again after a repair."""
    f = ctx.current_field
    assert f is not None
    if ctx.state.step == "confirm" and ctx.state.pending is not None:
        return ctx.readback(f, ctx.state.pending)
    if ctx.state.pieces:
        return ctx.text("next_piece", piece=ctx.spoken(f.kind.value, ctx.state.pieces))
    return f.ask[ctx.lang]


def read_back(ctx: TurnContext, f: FormField, value: str, source: str = "speech", prefix: str = "") -> Turn:
    ctx.set_field(f.key, attempts=ctx.attempts(f.key) + 1, source=source, value=value, confirmed=False)
    return ctx.reply(
        join(prefix, ctx.readback(f, value)),
        phase=Phase.CONFIRMING,
        step="confirm",
        pending=value,
        pieces="",
        failures=0,
    )


def hear_value(ctx: TurnContext, text: str, intents: set[Intent]) -> Turn | None:
    """The caller answered the field's question: read it back, or acknowledge a piece."""
    f = ctx.current_field
    assert f is not None
    kind = f.kind.value
    if f.kind in PIECED:
        piece = reader.read_piece(kind, text, ctx.lang)
        gathered = ctx.state.pieces + piece
        if not piece:
            # "es todo", or a bare "sí" to "¿qué sigue?": what was gathered is the whole value.
            if gathered and intents & {Intent.DONE, Intent.YES}:
                return read_back(ctx, f, reader.best_guess(kind, gathered))
            return None
        # A plate never runs past MAX_PLATE_SYMBOLS symbols: read back rather than gather forever.
        too_long = f.kind is FieldKind.PLATE and len(gathered) >= MAX_PLATE_SYMBOLS
        complete = too_long or (
            reader.looks_complete(kind, gathered) and not reader.trails_off(text, ctx.lang)
        )
        if complete or Intent.DONE in intents:
            return read_back(ctx, f, gathered if complete else reader.best_guess(kind, gathered))
        return ctx.reply(ctx.text("next_piece", piece=ctx.spoken(kind, piece)), pieces=gathered, failures=0)
    value = reader.read_value(kind, text, ctx.lang, ctx.now)
    if value:
        return read_back(ctx, f, ctx.state.pieces + value if f.kind is FieldKind.NUMBER else value)
    if f.kind is FieldKind.NUMBER and not ctx.state.pieces:
        # A fleet number's letter said on its own ("Letra ce.") comes before the digits.
        letters = reader.read_letters(text, ctx.lang)
        if letters:
            return ctx.reply(ctx.text("next_piece", piece=ctx.spoken("plate", letters)), pieces=letters)
    return None


def hear_keypad(ctx: TurnContext, event: Keypad) -> Turn:
    f = ctx.current_field
    assert f is not None
    digits = "".join(c for c in event.digits if c.isdigit())
    value: str | None = None
    if f.kind is FieldKind.NUMBER and digits:
        value = digits
    elif f.kind is FieldKind.TIME and len(digits) in (3, 4):
        hh, mm = int(digits[:-2]), int(digits[-2:])
        value = f"{hh:02d}:{mm:02d}" if hh < 24 and mm < 60 else None
    if value is None:
        if f.kind in KEYPAD_KINDS:
            return not_understood(ctx)
        return ctx.reply(ctx.text("keypad_wrong_field", ask=f.ask[ctx.lang]))
    return read_back(ctx, f, value, source="keypad")


def not_understood(ctx: TurnContext) -> Turn:
    f = ctx.current_field
    assert f is not None
    failures = ctx.state.failures + 1
    pieces = ctx.state.pieces if ctx.state.step == "field" else ""
    if pieces and failures >= MAX_FAILURES:
        return read_back(ctx, f, pieces)  # read back what was gathered rather than lose it
    if failures >= MAX_FAILURES:
        ctx.set_field(f.key, attempts=ctx.attempts(f.key) + 1)
        if ctx.dialogue.transfer_when_stuck:
            return ctx.end(ctx.text("transfer_stuck"), Outcome.TRANSFERRED)
        return advance(ctx, ctx.text("skip_field"))
    if ctx.state.step == "confirm" and ctx.state.pending is not None:
        return ctx.reply(ctx.text("ask_yes_no", readback=question(ctx)), failures=failures)
    if pieces:  # asking the whole question again would make the caller start over
        return ctx.reply(
            ctx.text("piece_not_understood", piece=ctx.spoken(f.kind.value, pieces)), failures=failures
        )
    say = ctx.text(
        "not_understood", rotate=failures - 1, ask=f.ask[ctx.lang], example=ctx.example(f.kind.value)
    )
    if failures >= MAX_FAILURES - 1 and f.kind in KEYPAD_KINDS:
        say = join(say, ctx.text("offer_keypad"))
    return ctx.reply(say, failures=failures)


def hear_confirmation(ctx: TurnContext, text: str, intents: set[Intent]) -> Turn | None:
    """Yes, no, or a correction to the value being read back."""
    f = ctx.current_field
    pending = ctx.state.pending
    assert f is not None and pending is not None
    kind = f.kind.value
    corrected = reader.correct(kind, text, ctx.lang, pending, ctx.now)
    if Intent.YES in intents and Intent.NO not in intents and corrected in (None, pending):
        return confirm(ctx, f, pending)
    if corrected and corrected != pending:
        return read_back(ctx, f, corrected)
    if Intent.NO in intents:
        again = (
            ctx.text("retry_plate")
            if f.kind is FieldKind.PLATE
            else ctx.text("retry_field", ask=f.ask[ctx.lang])
        )
        return ctx.reply(again, phase=Phase.ASKING, step="field", pending=None, pieces="", failures=0)
    if f.kind in PIECED:
        piece = reader.read_piece(kind, text, ctx.lang)
        if piece:
            # A short piece adds to what was read back; a whole value replaces it.
            value = piece if reader.looks_complete(kind, piece) or len(piece) >= 5 else pending + piece
            return read_back(ctx, f, value)
        return None
    fresh = reader.read_value(kind, text, ctx.lang, ctx.now)
    if f.kind is FieldKind.NUMBER and fresh and not any(c.isdigit() for c in fresh):
        fresh = None  # "A C F" for a misheard "sí" is no fleet number
    if fresh and fresh != pending:
        return read_back(ctx, f, fresh)
    return None


def confirm(ctx: TurnContext, f: FormField, value: str) -> Turn:
    ctx.set_field(f.key, value=value, confirmed=True, unknown=False)
    count = sum(1 for v in ctx.state.values.values() if v.confirmed)
    return advance(ctx, ctx.text("ack", rotate=count))


def skip_unknown(ctx: TurnContext) -> Turn:
    f = ctx.current_field
    assert f is not None
    ctx.set_field(f.key, value=None, confirmed=False, unknown=True)
    return advance(ctx, ctx.text("dont_know"))


def advance(ctx: TurnContext, prefix: str) -> Turn:
    """Ask the next field that is still open, or close the call."""
    form = ctx.dialogue.form
    keys = form.keys
    start = keys.index(ctx.state.field) + 1 if ctx.state.field in keys else 0
    for f in form.fields[start:]:
        fv = ctx.state.values.get(f.key)
        if fv is None or not (fv.confirmed or fv.unknown):
            return ask_field(ctx, f, prefix)
    return close(ctx)


def close(ctx: TurnContext) -> Turn:
    form = ctx.dialogue.form
    values = ctx.state.values
    confirmed = [f for f in form.fields if (v := values.get(f.key)) is not None and v.confirmed]
    missing = [f for f in form.fields if f.required and f not in confirmed]
    if not missing:
        name = values.get("driver_name")
        first = name.value.split()[0] if name and name.value else ""
        say = ctx.text("summary_complete", rotate=0 if first else 1, count=len(confirmed), name=first)
        return ctx.end(say, Outcome.COMPLETED, field=None)
    labels = spoken_list([f.label[ctx.lang] for f in missing], ctx.dialogue.phrases.get("and")[0])
    say = ctx.text("summary_incomplete", count=len(confirmed), total=len(form.fields), missing=labels)
    return ctx.end(say, Outcome.INCOMPLETE, field=None)
