"""The escalation ladder, written once for every field: ask → ask with an example → spell slowly
(plates, emails, names) or key it (numbers, times) → leave the field empty and move on.

A number or a time is offered the keypad already with the example: keyed digits are exact, and a
driver whose "sesenta y siete" was heard "setenta y siete" once is likely to be misheard again (on
`daisy eval --audio`, most numbers that missed once were keyed on the third rung anyway, two turns later).

A try fails when Daisy did not understand, when the caller said no to a read-back, when a reply to
the read-back stayed unclear after one "¿sí o no?", or when pieces grew longer than the value can
be. No question is asked more than three times in a row, so every field ends.
"""

from __future__ import annotations

from daisy.core.context import TurnContext
from daisy.core.expectation import Offer
from daisy.core.state import Outcome, Phase, Turn
from daisy.core.wording import join
from daisy.form import FieldKind, FormField
from daisy.understanding.intents import clear_yes

MAX_TRIES = 3  # failed tries on one field; the next failure leaves it empty
MAX_READBACKS = 5  # read-backs of one field, corrections included
MAX_TURNS_ON_FIELD = 14  # a backstop whatever the caller says (pieces, off-topic, holds…)
MAX_TURNS_ON_FOLLOW_UP = 6
SURE_YES = 0.5  # a yes heard with less confidence than this gets "¿sí o no?"
# ...unless the value read back was itself heard clearly (or keyed): storing it then takes two
# errors at once, a wrong value heard sure and a "no" heard as yes. On 168 synthesized yes/no
# answers (espeak-ng and Kokoro, half noisy) a yes at 0.3 or more confirms 70 of 84 yeses instead
# of 56, and lets through no "no" that 0.5 stops but one ("Negative." heard "Yes, correct.").
SURE_YES_FOR_A_CLEAR_VALUE = 0.3
CLEAR_VALUE = 0.8  # a value heard with at least this confidence was heard clearly
# A yes to "¿sí o no?", a question that allows nothing else, confirms unless the audio contradicts it
# (the hearing then gives it no confidence: voice.hearing.yes_twin). Over five runs of `daisy eval
# --audio --limit 48`, 0.3 here left 25 right values unconfirmed after "¿sí o no?" (most a "Sí." heard
# "Sí." at 0.02–0.18: Whisper base is unsure of it on some voices); the noes heard as yes there ("No."
# → "Sí") were all contradicted by the audio.
SURE_YES_WHEN_ASKED = 0.01
# A value heard with less confidence than this is not read back at all: asked again, with more help
# (but on the last try it is read back: asked again, it would be left empty; collecting.read_back).
# With the hearing's confidence for values (hearing.decoding.choose), on `daisy eval --audio --limit
# 48` (seed 0): 0.45 → 142/238 right, 0 wrong stored, 7.12 turns a field; 0.3 → 151, 0, 7.07. With
# seed 1, 0.3 then stored two wrong values (a "No, no, no." heard "Sí, sí" with confidence), so it
# was 0.45 until the hearing weighed every yes on the audio (yes_twin.py). Since: 0.45 → 152 (seed 0)
# and 154 (seed 1); 0.3 → 162 and 156, 0 wrong on both. A perfectly heard "de pe te nueve siete seis
# ocho" scores low only because its two decodes disagree on a letter.
DOUBTFUL = 0.3
# ...but a name made only of given names and surnames the lexicon knows is read back down to this
# (on `daisy eval --audio`, right names were heard at 0.35–0.43 and refused).
DOUBTFUL_COMMON_NAME = 0.25
# ...and a fleet number of digits only is read back from this up: below it, the keypad (offered next)
# gets it in as many turns as a right read-back and its "sí", and a wrong read-back costs a "no" more.
# On 394 spoken fleet numbers of the audio evaluation (first and later asks, three voice families),
# heard at 0.3–0.6: espeak-ng 18 right and 60 wrong, Kokoro 25 and 7, Piper 6 and 3; from 0.6 on,
# 44 / 83 / 28 right against 10 / 4 / 3 wrong. (A number with a letter cannot be keyed: DOUBTFUL.)
DOUBTFUL_KEYABLE = 0.6
# ...and a name with a word the lexicon does not know is read back only from this up: below it, the
# surname spelled (the next rungs) gets it more surely than a "no". On 123 spoken names of the audio
# evaluation (first and second asks), such names heard at 0.3–0.6 were right 1 time in 25; names of
# known names 7 in 17 (those keep DOUBTFUL_COMMON_NAME).
DOUBTFUL_UNKNOWN_NAME = 0.6

# The hearing gives no confidence at all to words far too few for the time the caller spoke: its
# decoder stopped early ("ene" for five seconds of "te de Toluca, ele de Luna, seis, …"). On the value
# answers of two `daisy eval --audio` runs, 36 such hearings: 22 gave no value, 14 a wrong one, none
# the right one. They are no value and no piece at any rung, spelled or not.
LOST = 0.0

# A no heard with less confidence than this is contradicted by the audio (the recognizer wrote its
# prompt's "No, está mal." for a yes it lacks: voice.hearing.yes_twin.weigh_no); heard noes are
# otherwise never below 0.13.
SURE_NO = 0.01


def lost(ctx: TurnContext) -> bool:
    """The hearing lost most of what the caller said (typed text never is)."""
    return ctx.confidence is not None and ctx.confidence <= LOST


def no_counts(ctx: TurnContext) -> bool:
    """A no to a read-back refuses the value, unless the audio contradicted it (asked once more)."""
    return ctx.confidence is None or ctx.confidence >= SURE_NO or ctx.state.unclear > 0


def yes_confirms(ctx: TurnContext, text: str, enough: float = SURE_YES) -> bool:
    """A yes that may confirm what was read back: clearly a yes, and heard with enough confidence
    (typed text always is)."""
    sure = ctx.confidence is None or ctx.confidence >= enough
    return sure and clear_yes(text, ctx.lang)


_SPELLED = {FieldKind.PLATE: "spell_plate", FieldKind.EMAIL: "spell_email", FieldKind.NAME: "spell_name"}
_KEYED = {FieldKind.NUMBER: "keypad_number", FieldKind.TIME: "keypad_time"}
_SAID_OR_KEYED = {FieldKind.NUMBER: "say_or_key_number", FieldKind.TIME: "say_or_key_time"}


def second_rung(kind: FieldKind) -> Offer:
    return Offer.KEYPAD if kind in _KEYED else Offer.EXAMPLE


def third_rung(kind: FieldKind) -> Offer:
    if kind in _SPELLED:
        return Offer.SPELL
    if kind in _KEYED:
        return Offer.KEYPAD
    return Offer.EXAMPLE


def request(ctx: TurnContext, f: FormField, rung: Offer, tries: int | None = None) -> str:
    """What Daisy asks on a rung of the ladder (`tries` failed so far: the state's unless given)."""
    tries = ctx.state.tries if tries is None else tries
    if rung is Offer.SPELL:
        return ctx.text(_SPELLED[f.kind])
    if rung is Offer.KEYPAD and tries < 2 and f.kind in _SAID_OR_KEYED:
        return ctx.text(_SAID_OR_KEYED[f.kind], ask=f.ask[ctx.lang], example=ctx.example(f.kind.value))
    if rung is Offer.KEYPAD:
        return ctx.text(_KEYED[f.kind])
    if rung is Offer.EXAMPLE:
        return ctx.text("ask_with_example", ask=f.ask[ctx.lang], example=ctx.example(f.kind.value))
    return f.ask[ctx.lang]


def strike(ctx: TurnContext, f: FormField, lead_key: str, **slots: str) -> Turn:
    """A failed try: climb one rung (say why, then ask again with more help), or leave the field empty."""
    tries = ctx.state.tries + 1
    if tries >= MAX_TRIES:
        return leave_empty(ctx, f)
    rung = second_rung(f.kind) if tries == 1 else third_rung(f.kind)
    lead = ctx.text(lead_key, rotate=tries - 1, **slots)
    return ctx.reply(
        join(lead, request(ctx, f, rung, tries)),
        phase=Phase.ASKING,
        step="field",
        pending=None,
        pieces="",
        failures=0,
        unclear=0,
        tries=tries,
        offer=rung.value,
    )


def leave_empty(ctx: TurnContext, f: FormField) -> Turn:
    """The ladder is spent: the field stays empty, marked not captured, and the call moves on."""
    from daisy.core.collecting import advance  # collecting builds on the ladder

    ctx.set_field(f.key, value=None, confirmed=False, left_empty=True, attempts=ctx.attempts(f.key) + 1)
    if ctx.dialogue.transfer_when_stuck:
        return ctx.end(ctx.text("transfer_stuck"), Outcome.TRANSFERRED)
    return advance(ctx, ctx.text("left_empty"))


def too_long(ctx: TurnContext, f: FormField) -> Turn:
    """Pieces grew past the longest value of the kind: say so and start that value over."""
    return strike(ctx, f, "too_long_lead", label=f.label[ctx.lang])
