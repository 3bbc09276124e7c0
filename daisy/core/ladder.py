"""The escalation ladder, written once for every field: ask → ask with an example → spell slowly
(plates, emails, names) or key it (numbers, times) → leave the field empty and move on.

A number or a time is offered the keypad already with the example: keyed digits are exact, and a
driver whose "sesenta y siete" was heard "setenta y siete" once is likely to be misheard again (on
`daisy eval --audio`, most numbers that missed once were keyed on the third rung anyway, two turns later).

A try fails when Daisy did not understand, when the caller said no to a read-back, when a reply to
the read-back stayed unclear after one "¿sí o no?", or when pieces grew longer than the value can
be. No question is asked more than three times in a row, so every field ends.

A field that can be spelled is left empty only once the caller has had a spelled try after their
second "no": a driver spells when a second read-back is wrong, and when that second "no" falls on
the last try, one spelled try more is owed (`spell_owed`).
"""

from __future__ import annotations

from daisy.core.context import TurnContext
from daisy.core.expectation import Offer, refusals, refused
from daisy.core.state import Outcome, Phase, Turn
from daisy.core.wording import join
from daisy.form import FieldKind, FormField
from daisy.understanding.intents import clear_yes, plain_yes

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
# A value heard with doubt is still read back, on every try: the caller's "no" is what tells both
# of them it was misheard, and a driver who spells only after a second "no" (the held-out
# drivers, `daisy eval --audio --spell-after-no`) never gets there when doubtful values are asked
# again instead. Measured on made-up set 1 (seed 0): such drivers 215 → 237/336 fields, drivers who
# also spell when asked 242 → 249/336, 3.50 → 3.75 turns per field asked. Below DOUBTFUL a piece of
# a plate or an address that is no whole value is a stray syllable heard in noise, not a piece.
DOUBTFUL = 0.3
# Heard with doubt (below DOUBTFUL, or these), a value is right less often than not, so its yes must
# be heard surely (SURE_YES_FOR_A_DOUBTFUL_VALUE): names of known given names and surnames, whose
# right ones Whisper base hears at 0.35–0.43...
DOUBTFUL_COMMON_NAME = 0.25
# ...names with a word the lexicon lacks (heard at 0.3–0.6 they were right 1 time in 25, on 123 spoken
# names of the audio evaluation)...
DOUBTFUL_UNKNOWN_NAME = 0.6
# ...and fleet numbers of digits only (at 0.3–0.6 on 394 spoken ones: espeak-ng 18 right, 60 wrong):
# those are not read back at all but keyed, the keypad being offered next (a read-back of "25" for
# "seventy seven" had its "Negative." heard "Yes, correct." on made-up set 5).
DOUBTFUL_KEYABLE = 0.6
# A read-back of a value heard with doubt has two chances to go wrong in a row: a "no" heard as a yes
# there stored "Casárez Elena" (espeak-ng's "Incorrecto." heard "Sí, no me he hecho." at 0.5). Below
# this the yes gets "¿sí o no?", where the audio of the answer is weighed against the no-words.
SURE_YES_FOR_A_DOUBTFUL_VALUE = 0.8
# A yes heard must be a plain yes: no other words beside it (intents.plain_yes). espeak-ng en-us's
# "Negative." comes out "Yeah, got him." and "Yeah, good team." at 0.9, which stored an address
# gathered in pieces and, on made-up set 63, plates heard clearly (0.86). On the read-back answers of
# nine runs: of 250 noes heard as a clear yes, 162 are no plain yes; of 2,961 yeses heard as one, 35
# ("Yes. Do the white.", "That's why I can."), who get "¿sí o no?" instead (sets 62-63: 10 of 432).

# The hearing gives no confidence at all to words far too few for the time the caller spoke: its
# decoder stopped early ("ene" for five seconds of "te de Toluca, ele de Luna, seis, …"). On the value
# answers of two `daisy eval --audio` runs, 36 such hearings: 22 gave no value, 14 a wrong one, none
# the right one. They are no value and no piece at any rung, spelled or not.
LOST = 0.0

# A no heard with less confidence than this is asked once more: the audio contradicted it (0: the
# recognizer wrote its prompt's "No, está mal." for a yes it lacks, voice.hearing.yes_twin.weigh_no),
# or the decoder was unsure of it. Re-heard, the read-back answers of five runs with drivers who spell
# only after a second no (made-up sets 1, 3, 4, 5; espeak-ng and Kokoro, half noisy) that came out as
# a no: of 27 yeses, 11 at 0 and 11 more at 0.02–0.16 ("Sí." heard "No." at 0.16, "Eso." heard "No.
# No." at 0.15); of 160 noes, 2 at 0 and none other below 0.26.
SURE_NO = 0.2


def lost(ctx: TurnContext) -> bool:
    """The hearing lost most of what the caller said (typed text never is)."""
    return ctx.confidence is not None and ctx.confidence <= LOST


# ...and a value heard clearly (CLEAR_VALUE) is refused only by a no heard surer than this: the same two
# errors at once the other way round (a right value refused is a field lost). On the read-back answers of
# made-up sets 80-82, such noes under 0.35 were 3 yeses (Kokoro's "Ajá." heard "No." at 0.29, twice;
# "Eso." at 0.35), no no; the first no above was at 0.38 ("Nope." heard "No, that's wrong.").
SURE_NO_TO_A_CLEAR_VALUE = 0.35


def no_counts(ctx: TurnContext) -> bool:
    """A no to a read-back refuses the value, unless the audio contradicted it (asked once more)."""
    if ctx.confidence is None or ctx.state.unclear > 0:
        return True
    clear = ctx.state.step == "confirm" and ctx.state.scratch.get("clear_value") == "1"  # (a read-back's)
    return ctx.confidence >= (SURE_NO_TO_A_CLEAR_VALUE if clear else SURE_NO)


def yes_confirms(ctx: TurnContext, text: str, enough: float = SURE_YES) -> bool:
    """A yes that may confirm what was read back: clearly a yes, and heard with enough confidence
    (typed text always is); heard, it must also have no other words beside it (a plain yes)."""
    if ctx.confidence is None:
        return clear_yes(text, ctx.lang)
    return ctx.confidence >= enough and plain_yes(text, ctx.lang)


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


def spell_owed(ctx: TurnContext, f: FormField, tries: int) -> bool:
    """The last try failed on the caller's second "no" to a read-back of the field: the spelled try
    that second "no" calls for is still owed. On made-up sets 53-56 (drivers who spell after a
    second "no"), 64 names, plates and addresses were left empty right after that second "no" on
    the third try, never spelled; spelled, such values were right 2 times in 3 (espeak-ng English),
    6 in 7 (Kokoro English), 1 in 2 (Kokoro Spanish), almost never (espeak-ng Spanish)."""
    return (
        f.kind in _SPELLED
        and tries == MAX_TRIES
        and ctx.state.offer == Offer.SPELL.value
        and ctx.state.pending in refused(ctx.state)  # this failure is a "no"
        and refusals(ctx.state) == 2
    )


def strike(ctx: TurnContext, f: FormField, lead_key: str, **slots: str) -> Turn:
    """A failed try: climb one rung (say why, then ask again with more help), or leave the field empty."""
    tries = ctx.state.tries + 1
    if spell_owed(ctx, f, tries):
        lead_key, slots = "spell_owed_lead", {}
    elif tries >= MAX_TRIES:
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
