"""Collecting the form's fields: ask, gather pieces, read back, confirm or correct, move on, close."""

from __future__ import annotations

import re
from dataclasses import replace

from daisy.core import known, ladder, name_by_address
from daisy.core.context import TurnContext
from daisy.core.events import Keypad
from daisy.core.expectation import (
    Offer,
    caller_name,
    name_of_the_caller,
    offer,
    refused,
    said_no_to,
    with_refused,
)
from daisy.core.state import Outcome, Phase, Turn
from daisy.core.wording import join, spoken_list
from daisy.form import FieldKind, FormField
from daisy.understanding import email_from_name, names, plausible, reader
from daisy.understanding.intents import Intent, only_joining, sounds_done

PIECED = (FieldKind.PLATE, FieldKind.EMAIL)
KEYPAD_KINDS = (FieldKind.NUMBER, FieldKind.TIME)


def ask_field(ctx: TurnContext, f: FormField, prefix: str = "") -> Turn:
    if f.key in ctx.state.known and (turn := known.offer(ctx, f, prefix)):
        return turn  # the roster has it: offered for a yes instead
    return ctx.reply(
        join(prefix, f.ask[ctx.lang]),
        phase=Phase.ASKING,
        step="field",
        field=f.key,
        pending=None,
        pieces="",
        failures=0,
        tries=0,
        unclear=0,
        offer="ask",
    )


def question(ctx: TurnContext) -> str:
    """What Daisy is waiting for in a field step, to say again after a repair."""
    f = ctx.current_field
    assert f is not None
    if known.offered(ctx.state) and ctx.state.pending is not None:
        return known.question(ctx, f, ctx.state.pending)
    if ctx.state.step == "confirm" and ctx.state.pending is not None:
        if echoed(f, ctx.state.pending):
            return ctx.text("echo_readback", value=ctx.spoken(f.kind.value, ctx.state.pending))
        return ctx.readback(f, ctx.state.pending)
    if ctx.state.pieces:
        return ctx.text("next_piece", piece=ctx.spoken(f.kind.value, ctx.state.pieces))
    return ladder.request(ctx, f, offer(ctx.state))


def read_back(
    ctx: TurnContext,
    f: FormField,
    value: str,
    source: str = "speech",
    prefix: str = "",
    gathered: bool = False,
) -> Turn:
    """Read a value back for the caller to confirm, once it is checked to be possible at all.
    `gathered`: the value was put together over earlier turns, not only heard now."""
    once = reader.ending_echoed(value) if ctx.confidence is not None and f.kind in ECHOED else None
    if once and once not in refused(ctx.state) and plausible.plausible(f.kind.value, once, f.symbols):
        value = once  # an ending heard twice is Whisper's echo (reader.ECHOED_ENDING)
    heard = ctx.confidence is not None and f.kind in ECHOED
    if heard and not plausible.plausible(f.kind.value, value, f.symbols):
        # ...and a value too long as heard is one with Whisper's echo in it ("Tango, Romeo, one, six,
        # one" heard "… one six one six one" three tries running, espeak-ng, made-up set 53)
        value = _without_the_echo(ctx, f, value) or value
    if heard and f.kind is FieldKind.PLATE and len(value) > plausible.MEXICAN_PLATE_LONGEST:
        # ...and one longer than any Mexican plate with Whisper's echo in it is read back without it
        # first ("Foxtrot, X-ray, Juliett, zero, eight, zero" heard "FXJ08080"; "LLT60459", "SN377785"):
        # of 70 read-backs of plates of 8 symbols or more on made-up sets 80-83, none was the plate as
        # heard, 7 were once the echo was taken out
        value = _without_the_echo(ctx, f, value, plausible.MEXICAN_PLATE_LONGEST) or value
    if not plausible.plausible(f.kind.value, value, f.symbols):
        return echo(ctx, f, value) or not_understood(ctx)
    if source == "speech" and value in refused(ctx.state):
        # Whisper repeats a repeated symbol once too often ("seven five five" heard "seven five five
        # five") or writes the last words twice ("seven eight" heard "seven eight seven eight"): a
        # value the caller said no to, heard the same again so, is offered without the echo
        value = _without_the_echo(ctx, f, value) or value
        # Heard as before, it is read back again: the caller's second "no" is what makes many drivers
        # spell (spelled, the same value is a second opinion anyway).
    # A value heard with doubt is read back all the same (ladder.DOUBTFUL says why), and only a yes
    # heard surely confirms it (ladder.SURE_YES_FOR_A_DOUBTFUL_VALUE).
    spelled = offer(ctx.state) is Offer.SPELL
    last_try = ctx.state.tries >= ladder.MAX_TRIES - 1
    doubtful = ctx.confidence is not None and ctx.confidence < _doubt_gate(f, value)
    doubtful = doubtful and source == "speech" and not gathered and not spelled and not last_try
    if doubtful and f.kind is FieldKind.NUMBER and value.isdigit():
        # ...but a fleet number of digits goes to the keypad, offered next: heard so it is mostly wrong,
        # and a "Negative." heard "Yes, correct." had stored one (ladder.DOUBTFUL_KEYABLE)
        return not_understood(ctx)
    if ctx.attempts(f.key) >= ladder.MAX_READBACKS:
        return ladder.leave_empty(ctx, f)
    ctx.set_field(f.key, attempts=ctx.attempts(f.key) + 1, source=source, value=value, confirmed=False)
    heard_clearly = ctx.confidence is None or (ctx.confidence >= ladder.CLEAR_VALUE and not gathered)
    clear = source != "speech" or heard_clearly
    heard_as = "doubt" if doubtful else "1" if clear else ""
    ctx.state = replace(ctx.state, scratch={**ctx.state.scratch, "clear_value": heard_as})
    return _to_confirm(ctx, join(prefix, ctx.readback(f, value)), value)


def _to_confirm(ctx: TurnContext, say: str, value: str) -> Turn:
    """Daisy says `value` back and waits for a yes, a no or a correction."""
    return ctx.reply(
        say, phase=Phase.CONFIRMING, step="confirm", pending=value, pieces="", failures=0, unclear=0
    )


def _doubt_gate(f: FormField, value: str) -> float:
    """The confidence below which a value is heard with doubt (its yes must be heard surely)."""
    if f.kind is FieldKind.NAME:
        # Whisper base is unsure of names it gets right ("Héctor Manuel Garza" at 0.43): a name of
        # known names is less in doubt than one with a word the lexicon lacks ("Betilla Amunior Ángel")
        return ladder.DOUBTFUL_COMMON_NAME if reader.common_name(value) else ladder.DOUBTFUL_UNKNOWN_NAME
    if f.kind is FieldKind.NUMBER and value.isdigit():
        return ladder.DOUBTFUL_KEYABLE
    return ladder.DOUBTFUL


def hear_value(ctx: TurnContext, text: str, intents: set[Intent]) -> Turn | None:
    """The caller answered the field's question: read it back, or acknowledge a piece."""
    f = ctx.current_field
    assert f is not None
    if ladder.lost(ctx):
        return None  # a few words left of a long answer are not what was said, nor a piece of it
    kind = f.kind.value
    if f.kind in PIECED:
        piece = reader.read_piece(kind, text, ctx.lang)
        gathered = ctx.state.pieces + piece
        if piece and ctx.state.pieces and Intent.NO in intents and reader.starts_with_no(text, ctx.lang):
            gathered = piece  # "No, ele eme, …" to "N de Nopal, ¿qué sigue?": what was taken is wrong
        doubtful = ctx.confidence is not None and ctx.confidence < ladder.DOUBTFUL
        # "es todo", or a bare "sí" to "¿qué sigue?": what was gathered is the whole value. A doubtful
        # "piece" that sounds like a closing is the closing ("Es todo." heard "el tomo": ele, T).
        closing = Intent.DONE in intents or sounds_done(text, ctx.lang)
        # (a whole value heard with doubt is no stray syllable: it is read back, as any value is)
        stray = doubtful and offer(ctx.state) is not Offer.SPELL and not reader.looks_complete(kind, piece)
        done = closing if piece else closing or Intent.YES in intents
        # a closing bent out of shape whose only "piece" is a word that joins others ("y a son tomas",
        # "y a la más el tolo" for "Ya, son todas." / "Nada más, es todo.": Y, A) is the closing
        joined_by = closing and Intent.DONE not in intents and only_joining(piece, ctx.lang)
        if ctx.state.pieces and done and (not piece or stray or joined_by):
            guess = reader.best_guess(kind, ctx.state.pieces)
            if not plausible.plausible(kind, guess, f.symbols):
                # the caller is done and the pieces make no value (a whole plate heard as "N"):
                # asking what follows again leads nowhere; ask for it again, with more help
                return echo(ctx, f, guess) or ladder.strike(ctx, f, "not_understood_lead")
            # the closing's own confidence says nothing of the pieces heard before it
            return read_back(ctx, f, _toward_the_callers_name(ctx, f, guess), gathered=True)
        if not piece:
            return None
        if stray:
            return None  # a stray syllable heard in noise is no piece of the value
        longest = plausible.longest(kind)
        overflows = gathered.count("@") > 1 or (longest is not None and len(gathered) > longest)
        # ...or it holds what was gathered ("carl_", then "carl_jennings38@icloud.com"; "LM", its first
        # letter lost, then "NLM572")
        held = ctx.state.pieces
        again = bool(held) and (piece.startswith(held) or (len(held) >= 2 and held in piece)
                                or _starts_near(piece, held))
        # ...or the caller names it first ("my email is …" after "dylan underscore")
        named = bool(held) and reader.names_the_whole(kind, text, ctx.lang)
        restated = overflows or again or named  # (pieces never end like a whole value: asked again below)
        # ...or it is a whole plate by itself that what was held makes none: the caller said all of it,
        # the pieces held were misheard ("O", "X", then "dos guion equis de equis guion cero cuatro" had
        # read OX2XDX04 on made-up set 42)
        whole_alone = reader.looks_complete(kind, piece) and not reader.looks_complete(kind, gathered)
        restated = restated or (f.kind is FieldKind.PLATE and bool(held) and whole_alone)
        if restated and reader.looks_complete(kind, piece):
            gathered = piece  # the whole value said again, from the start: it replaces the pieces
        elif len(piece) >= SAID_AGAIN and ctx.state.pieces.startswith(piece):
            # the caller starts again with what was gathered first, no more: it is not what they said,
            # and what came after it was no piece of theirs (an address heard "erek.lwger" fourteen
            # turns running, each "What's next?" answered with the whole address again, and "That's
            # it." between them heard "message." and taken as more): one more try, and the ladder
            # ends it
            ctx.state = replace(ctx.state, pieces=piece)
            return not_understood(ctx)
        elif len(piece) >= SAID_AGAIN and piece in ctx.state.pieces:
            # ...or a piece taken before, heard again as it was: the caller is saying it again, it
            # adds nothing (an address on the last rung heard as "N-o", "M.E.M.A.L.E.L.E", "Lima
            # King", then those again, had taken eleven turns)
            return not_understood(ctx)
        if gathered.count("@") > 1:
            return None  # a second "@" is no piece of one address: not understood
        if longest is not None and len(gathered) > longest:
            if ctx.confidence is not None and not ctx.state.pieces:
                # heard whole in one turn, too long with Whisper's echo in it: read back without it
                shorter = _without_the_echo(ctx, f, gathered, longest)
                if shorter:
                    return read_back(ctx, f, shorter)
            return echo(ctx, f, gathered) or ladder.too_long(ctx, f)
        if plausible.dead_end(kind, gathered):
            # no plate goes on from here: "¿Qué sigue?" would only add an "es todo" and a strike
            return echo(ctx, f, gathered) or ladder.strike(ctx, f, "not_understood_lead")
        complete = (longest is not None and len(gathered) == longest and f.kind is FieldKind.PLATE) or (
            reader.looks_complete(kind, gathered) and not reader.trails_off(text, ctx.lang)
        )
        if complete or Intent.DONE in intents:
            whole = gathered if complete else reader.best_guess(kind, gathered)
            if not ctx.state.pieces:
                return read_back(ctx, f, whole)
            # the last piece heard clearly says nothing of those heard before it
            return read_back(ctx, f, _toward_the_callers_name(ctx, f, whole), gathered=True)
        if reader.ends_like_a_whole(kind, gathered) or _plate_said_whole(ctx, f, piece, text):
            # What was heard ends the way the whole value ends (an address's domain ending; a plate's
            # letters then its digits, said in one breath) and is no value: the caller said all of it
            # and it was misheard. "¿Qué sigue?" would only add an "es todo" (on the audio evaluation,
            # seed 0: 13 such answers, 7 plates and 6 addresses, none completed right after it).
            return echo(ctx, f, gathered) or ladder.strike(ctx, f, "not_understood_lead")
        if _spelled_whole(ctx, f, piece, text):
            # Asked to spell the plate slowly, the caller said all of it: what was heard is all there
            # is. "¿Qué sigue?" only added an "es todo" and a "no" (on the audio evaluation, 51 plates
            # heard so in part, none of them completed right afterwards).
            if plausible.plausible(kind, gathered, f.symbols):
                return read_back(ctx, f, gathered)
            return not_understood(ctx)
        return ctx.reply(ctx.text("next_piece", piece=ctx.spoken(kind, piece)), pieces=gathered, failures=0)
    if f.kind is FieldKind.NAME and offer(ctx.state) is Offer.SPELL:
        spelled = _spelled_name(ctx, text)
        if spelled:
            ctx.state = replace(ctx.state, scratch={**ctx.state.scratch, "surname_spelled": spelled})
            return read_back(ctx, f, spelled)
    value = reader.read_value(kind, text, ctx.lang, ctx.now)
    if value:
        if f.kind is FieldKind.NAME:
            if ctx.confidence is not None:  # heard, not typed: mend near-miss names from the lexicon
                value = _not_said_no_to(ctx, value, reader.mend_name(value, ctx.lang))
            # a given name the lexicon knows outlives a later try's unknown one ("Lonnie Plut", then
            # "Rani Putt": the surname spelled next goes after Lonnie)
            given = reader.known_given_name(value) or ctx.state.scratch.get("given_known", "")
            scratch = {**ctx.state.scratch, "name_heard": value, "given_known": given}
            ctx.state = replace(ctx.state, scratch=scratch)
        return read_back(ctx, f, ctx.state.pieces + value if f.kind is FieldKind.NUMBER else value)
    if f.kind is FieldKind.NUMBER and not ctx.state.pieces:
        # A fleet number's letter said on its own ("Letra ce.") comes before the digits; heard, only
        # one said clearly: "once" heard "on se", "diez" heard "yé" had become C, Y, and the caller was
        # asked "¿qué sigue?" until the field was given up, never offered the keypad.
        letters = reader.read_letters(text, ctx.lang, clear=ctx.confidence is not None)
        if letters:
            return ctx.reply(ctx.text("next_piece", piece=ctx.spoken("plate", letters)), pieces=letters)
    return None


def _toward_the_callers_name(ctx: TurnContext, f: FormField, address: str) -> str:
    """An address heard in pieces, set to the caller's name it sounds like ("brandon", "withfield",
    "at gmail dot com" for Brandon Whitfield; the name as expectation.caller_name gives it: confirmed,
    or the known names heard). Each piece was heard alone, so the hearing could not weigh the whole
    address against the name; the caller's yes still confirms it."""
    name = caller_name(ctx.dialogue.form, ctx.state)
    if f.kind is not FieldKind.EMAIL or ctx.confidence is None or not name:
        return address  # typed text is what the caller means
    spelled = offer(ctx.state) is Offer.SPELL
    mended = email_from_name.toward_name(address, name, ctx.lang, spelled)
    return mended if mended and mended not in refused(ctx.state) else address


# A piece that starts the way what was gathered does, but for a symbol or so, from this many symbols
# on, starts it again: "marting_" (martin guion bajo, a g added), then the whole address "martin_quesada70@…"
# had read "marting_martin_quesada70@…" back.
RESTART_FROM = 4
# rapidfuzz ratio of what was gathered and the piece's start as long: Kokoro's "felicia underscore burke
# sixty two at aol dot com" heard whole after the pieces "selisha_", "book62" comes to 79
RESTART_ALIKE = 75.0


# ...or, said whole, from the same first symbols: the pieces went wrong after them ("cha gum" for
# "chacon", then "chacon 85 arroba live punto com punto mx" had read "chagumchacon85@…" back; Kokoro,
# made-up set 54). A piece that goes on from what was held does not start over with its first sounds.
RESTART_SAME_START = 3


def _starts_near(piece: str, held: str) -> bool:
    from rapidfuzz.fuzz import ratio

    long_enough = len(held) >= RESTART_FROM and len(piece) > len(held)
    same_start = piece[:RESTART_SAME_START] == held[:RESTART_SAME_START]
    return long_enough and (same_start or ratio(held, piece[: len(held)]) >= RESTART_ALIKE)


# The start of what was gathered, said again as it is, from this many symbols on, is no new piece
# ("juan", "juan" might be "juanjuan"; a plate said again whole is longer than a plate can be anyway).
SAID_AGAIN = 5

# A plate spelled at the last rung in this many symbols or more was said whole, not in pieces: a caller
# spelling one symbol a turn says one or two.
WHOLE_SPELLED_PLATE = 3


def _spelled_whole(ctx: TurnContext, f: FormField, piece: str, text: str) -> bool:
    """The caller, asked to spell the plate slowly, spelled all of it in this turn."""
    return (f.kind is FieldKind.PLATE and offer(ctx.state) is Offer.SPELL and not ctx.state.pieces
            and len(piece) >= WHOLE_SPELLED_PLATE and not reader.trails_off(text, ctx.lang))


# A plate's letters and then its digits said in one breath, in this many symbols or more, is the whole
# plate: callers who give it in pieces say the letters and the digits apart.
WHOLE_SAID_PLATE = 4


def _plate_said_whole(ctx: TurnContext, f: FormField, piece: str, text: str) -> bool:
    """The first thing heard for a plate is letters followed by two digits or more, not trailing off
    (typed text is never misheard: what was typed is what the caller means to give)."""
    heard = ctx.confidence is not None
    if not heard or f.kind is not FieldKind.PLATE or ctx.state.pieces or len(piece) < WHOLE_SAID_PLATE:
        return False
    if offer(ctx.state) is Offer.SPELL:
        return False  # spelled slowly, it is read back when it can be a plate at all (_spelled_whole)
    return bool(re.fullmatch(r"[A-Z]+[0-9]{2,}", piece)) and not reader.trails_off(text, ctx.lang)


def _given_name_written_otherwise(ctx: TurnContext, f: FormField, pending: str) -> tuple[str, bool] | None:
    """A heard name with its surname spelled, said no to on the last try: the given name (or a first
    surname) written another way it sounds (Dylan, Dillon), read back once before the field is left empty,
    and whether the word written otherwise is a given name. The
    caller spelled the surname but said the given name, which the recognizer wrote the usual way
    and the caller, hearing it read back, could not tell from theirs."""
    last_try = ctx.state.tries + 1 >= ladder.MAX_TRIES
    spelled = ctx.state.scratch.get("surname_spelled") == pending  # not a name said whole again
    if f.kind is not FieldKind.NAME or not spelled or not last_try or ctx.confidence is None \
            or ctx.state.scratch.get("given_alike_offered"):
        return None
    # (or a first surname said, not spelled, written another way it sounds: "Gaitán" for Gaytán)
    spelled_word = pending.split()[-1:]
    said_alike = [v for v in reader.sound_alike_names(pending, ctx.lang) if v.split()[-1:] == spelled_word]
    given = reader.given_name_alikes(pending, ctx.lang)
    # ...or a given name heard before with the surname spelled now, which the line bent this time
    # ("Perry Ward" after "Terry Ward" twice, for Terri Ward: Kokoro, made-up set 67)
    before = [v for v in sorted(refused(ctx.state)) if v != pending and v.split()[-1:] == spelled_word]
    given += [v for name in before for v in reader.given_name_alikes(name, ctx.lang)]
    alike = next((v for v in given + said_alike if v not in refused(ctx.state)), None)
    if alike is None:
        return None
    ctx.state = replace(ctx.state, scratch={**ctx.state.scratch, "given_alike_offered": "1"})
    # (the word written otherwise says which: a sound-alike of the whole name may differ in its first word,
    # "Rebecca Rico" → Rebeca Rico had been offered as "tu apellido")
    return alike, alike.split()[:1] != pending.split()[:1]


def _address_of_the_name_mended(ctx: TurnContext, f: FormField, pending: str) -> tuple[str, str] | None:
    """A heard address made of the caller's name, said no to, with the one piece a phone line loses
    most put back: the dot between two of the name's words run together ("kylelane" → kyle.lane), or
    the initial before a surname alone ("turner" → sturner: Whisper drops a lone letter said first).
    Read back once before the ladder goes on (email_from_name.dot_lost, with_initial), with the
    wording that says what was put back. Typed text is what the caller means."""
    offered = f"mended_offered:{f.key}"
    if f.kind is not FieldKind.EMAIL or ctx.confidence is None or ctx.state.scratch.get(offered):
        return None
    name, said_no_to = name_of_the_caller(ctx.dialogue.form, ctx.state), refused(ctx.state)
    if dotted := email_from_name.dot_lost(pending, name):
        mended, wording = dotted, "address_dot_lost"
    elif not any(c.isdigit() for c in pending.partition("@")[0]) \
            and (initial := email_from_name.with_initial(pending, name, said_no_to)):
        # (not before digits: "pollard4" said no to is more likely the surname and digits misheard than
        # an initial lost; made-up set 60, twice, no gain)
        mended, wording = initial, "address_initial_lost"
    else:
        return None
    if mended in said_no_to:
        return None
    ctx.state = replace(ctx.state, scratch={**ctx.state.scratch, offered: "1"})
    return mended, wording


def _not_said_no_to(ctx: TurnContext, heard: str, mended: str) -> str:
    """The name to read back: the lexicon's mending of the words heard, unless the caller said no to it
    (as it sounds: accents and word breaks are not heard), then the words as heard (their name may be
    one the lexicon lacks), then a name that sounds the same written another way (Carbajal, Carvajal;
    Pérez, Peres; Villarreal, Villareal): neither the recognizer nor the caller hearing it read back
    tells them apart. Else the mended one again."""
    for ways in ([mended, heard], reader.sound_alike_names(mended, ctx.lang),
                 reader.sound_alike_names(heard, ctx.lang)):
        if (fresh := next((v for v in ways if not said_no_to(ctx.state, v)), None)) is not None:
            return fresh
    return mended


def _spelled_name(ctx: TurnContext, text: str) -> str | None:
    """Asked to spell the surname: the letters said, after the given name heard before (or now)."""
    letters = reader.surname_letters(text, ctx.lang, longest=20)
    if len(letters) < 2:
        return None
    heard = ctx.state.scratch.get("name_heard", "").split()
    said_now = reader.given_name_said(text, ctx.lang)
    known_before = ctx.state.scratch.get("given_known", "")
    # the words said now, unless the lexicon lacks one of them and knew those heard before ("El
    # viaperalta, bedevota…" after "Elvia Peralta")
    # (a one-word name heard before and said no to is no given name to keep: "Keri" for Katie, when
    # the words before the spelling now are "Katy")
    said_now = reader.with_given_name(said_now, known_before)
    given = (
        (said_now if said_now and (reader.common_name(said_now) or not known_before) else known_before)
        or (reader.words_before_spelling(text) if heard and " ".join(heard) in refused(ctx.state)
            and len(heard) == 1 else "")
        or " ".join(heard[:-1] if len(heard) > 1 else heard)
    )
    surname = reader.name_from_letters(letters, ctx.lang, heard=True)
    if ctx.confidence is not None:
        given = _with_names_heard_before(ctx, given, " ".join(heard))
    given = names.without_particles_spelled_into(given, surname)
    if given.split()[-1:] == [surname]:
        # the surname heard before and spelled now is said once (a one-word name heard before was
        # the surname: "Walker", then "Whiskey, Alfa, …" is Walker, not "Walker Walker")
        given = given.rsplit(" ", 1)[0] if len(given.split()) > 1 else ""
    if f"{given} {surname}" in refused(ctx.state):
        # the given name known before was said no to with this very surname: it is written another
        # way (Helena, Elena), or the one said now, even one the lexicon lacks, is right
        alikes = reader.given_name_alikes(f"{given} {surname}", ctx.lang)
        alike = [v for v in alikes if v not in refused(ctx.state)]
        if alike and ctx.confidence is not None:  # (typed, it is as meant; once: no other is offered)
            ctx.state = replace(ctx.state, scratch={**ctx.state.scratch, "given_alike_offered": "1"})
            return alike[0]
        given = said_now or reader.words_before_spelling(text) or given
    spelled = f"{given} {reader.name_from_letters(letters, ctx.lang)}".strip()
    if ctx.confidence is None:
        return spelled  # typed letters are what the caller means
    mended = f"{given} {surname}".strip()
    return spelled if mended in refused(ctx.state) else mended  # ...so is a surname they said no to


def _with_names_heard_before(ctx: TurnContext, given: str, last: str) -> str:
    """The names said before a spelled surname as heard on the last try, or else on an earlier one
    the caller said no to: the last may have run two names into one ("Guillermina Nietosquivel" after
    "Guillermina Nieto Esquivel", Kokoro, made-up set 56)."""
    earlier = sorted(refused(ctx.state) - {last}, key=lambda v: (-len(v.split()), v))
    for before in (last, *earlier):
        more = reader.with_names_heard_before(given, before, ctx.lang)
        if more != given:
            return more
    return given


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
    return note_keyed(ctx, f, value)


def note_keyed(ctx: TurnContext, f: FormField, value: str) -> Turn:
    """Digits the caller keyed are exact: said back in passing and stored, and on to the next
    question, instead of a read-back that costs the caller one more "sí" (38 keypad entries on one
    run of `daisy eval --audio`, each confirmed by a yes). A "no" as the first answer to the next
    question takes them back (`take_back_keyed`)."""
    if not plausible.plausible(f.kind.value, value, f.symbols):
        return not_understood(ctx)
    ctx.set_field(f.key, attempts=ctx.attempts(f.key) + 1, source="keypad", value=value, confirmed=True,
                  unknown=False)
    turn = advance(ctx, ctx.text("keyed_noted", value=ctx.spoken(f.kind.value, value)))
    scratch = {**turn.state.scratch, "keyed": f"{f.key}>{turn.state.field}"}
    return replace(turn, state=replace(turn.state, scratch=scratch))


# "No, está mal." / "No, that's wrong." / "No, ese no es."
BARE_NO_WORDS = 4


def take_back_keyed(ctx: TurnContext, text: str, intents: set[Intent]) -> Turn | None:
    """A bare "no" as the first answer to the question after a keyed value ("Anoté 4 5 1 2. ¿Y las
    placas?" — "No, está mal."): the digits were wrong; key them again."""
    keyed, _, asked = ctx.state.scratch.get("keyed", "").partition(">")
    now_asked = ctx.current_field
    if not keyed or now_asked is None or asked != now_asked.key or ctx.state.turns_here:
        return None
    # a no of a few words and nothing for the question asked ("No, es juan arroba gmail punto com"
    # answers it; "No tengo correo" is heard as a no email before this)
    bare = Intent.NO in intents and len(text.split()) <= BARE_NO_WORDS
    if not bare or _answers(ctx, now_asked, text):
        return None
    f = ctx.dialogue.form.field(keyed)
    ctx.set_field(keyed, value=None, confirmed=False)
    scratch = {k: v for k, v in ctx.state.scratch.items() if k != "keyed"}
    ask = ladder.request(ctx, f, Offer.KEYPAD, tries=ladder.MAX_TRIES - 1)
    return ctx.reply(
        ctx.text("keyed_again", ask=ask),
        phase=Phase.ASKING,
        step="field",
        field=keyed,
        pending=None,
        pieces="",
        failures=0,
        unclear=0,
        tries=ladder.MAX_TRIES - 1,
        offer=Offer.KEYPAD.value,
        scratch=scratch,
    )


def _answers(ctx: TurnContext, f: FormField, text: str) -> bool:
    """The words give something for field `f`: a value, or a piece of a plate or an address ("No, ele
    eme…" starts the plates). Any words read as a name, so for a name they never count."""
    return f.kind is not FieldKind.NAME and bool(_value_in(ctx, f, text))


def _value_in(ctx: TurnContext, f: FormField, text: str) -> str | None:
    """What the words give for field `f`: a piece of a plate or an address, or a whole value."""
    kind = f.kind.value
    return reader.read_piece(kind, text, ctx.lang) if f.kind in PIECED else reader.read_value(
        kind, text, ctx.lang, ctx.now)


def not_understood(ctx: TurnContext) -> Turn:
    f = ctx.current_field
    assert f is not None
    if ctx.state.step == "confirm" and ctx.state.pending is not None:
        return unclear(ctx, f)
    pieces = ctx.state.pieces
    if pieces and f.kind is FieldKind.NUMBER and not any(c.isdigit() for c in pieces):
        # a fleet number's letter heard alone, then nothing: maybe no letter was said ("sería el siete"
        # heard "sería un seta", Z, then "siete" heard "cietro" three times, made-up set 37): the field's
        # own ladder, which offers the keypad, rather than "¿qué sigue?" until it is left empty
        ctx.state = replace(ctx.state, pieces="")
        return ladder.strike(ctx, f, "not_understood_lead")
    if pieces:  # asking the whole question again would make the caller start over
        tries = ctx.state.tries + 1
        if tries >= ladder.MAX_TRIES:
            guess = reader.best_guess(f.kind.value, pieces)
            if plausible.plausible(f.kind.value, guess, f.symbols):
                return read_back(ctx, f, guess, gathered=True)  # read back what was gathered, not lose it
            return ladder.leave_empty(ctx, f)
        say = ctx.text("piece_not_understood", piece=ctx.spoken(f.kind.value, pieces))
        return ctx.reply(say, tries=tries, failures=ctx.state.failures + 1)
    return ladder.strike(ctx, f, "not_understood_lead")


def unclear(ctx: TurnContext, f: FormField) -> Turn:
    """A reply to a read-back that is neither clearly yes nor clearly no: one "¿sí o no?", then a no."""
    if ctx.state.unclear == 0:
        return ctx.reply(ctx.text("ask_yes_no", readback=question(ctx)), unclear=1)
    return ladder.strike(ctx, f, "retry_lead")


def hear_confirmation(ctx: TurnContext, text: str, intents: set[Intent]) -> Turn | None:
    """Yes, no, or a correction to the value being read back. Only a clear yes confirms; a reply
    that is neither never becomes the value nor adds to it."""
    f = ctx.current_field
    pending = ctx.state.pending
    assert f is not None and pending is not None
    kind = f.kind.value
    corrected = reader.correct(kind, text, ctx.lang, pending, ctx.now)
    if echoed(f, pending):
        return hear_echo_answer(ctx, f, text, intents, corrected)
    # How sure a yes must be heard (a keyed value is never read back: note_keyed). A yes to "¿sí o
    # no?" answers a question that allows nothing else, and the hearing has already weighed it
    # against the no-words (a "No." heard as "Sí" has no confidence left).
    if ctx.state.unclear > 0:
        enough = ladder.SURE_YES_WHEN_ASKED
    elif ctx.state.scratch.get("clear_value") == "doubt":
        enough = ladder.SURE_YES_FOR_A_DOUBTFUL_VALUE
    elif ctx.state.scratch.get("clear_value"):
        enough = ladder.SURE_YES_FOR_A_CLEAR_VALUE
    else:
        enough = ladder.SURE_YES
    said_yes = Intent.YES in intents and Intent.NO not in intents
    if said_yes and corrected in (None, pending):
        if ladder.yes_confirms(ctx, text, enough):
            return confirm(ctx, f, pending)
        return unclear(ctx, f)
    refusing = replace(ctx.state, scratch=with_refused(ctx.state, pending))
    if corrected and corrected != pending and plausible.plausible(kind, corrected, f.symbols):
        ctx.state = refusing
        return read_back(ctx, f, corrected)
    if Intent.NO in intents:
        if not ladder.no_counts(ctx):
            return unclear(ctx, f)  # a no the audio contradicts: "¿sí o no?" once
        ctx.state = refusing
        offered = _given_name_written_otherwise(ctx, f, pending)
        if offered:
            # said aloud, both ways sound alike: the caller hears the letters
            alike, given = offered
            other = next(w for w, was in zip(alike.split(), pending.split(), strict=True) if w != was)
            letters = ", ".join(other.upper())
            said = "given_name_written" if given else "surname_written"
            return read_back(ctx, f, alike, prefix=ctx.text(said, letters=letters))
        if mended := _address_of_the_name_mended(ctx, f, pending):
            return read_back(ctx, f, mended[0], prefix=ctx.text(mended[1]))
        return ladder.strike(ctx, f, "retry_lead")
    # A whole new value said instead of yes or no ("no" lost by the recognizer): read it back.
    fresh = _value_in(ctx, f, text)
    if f.kind is FieldKind.NUMBER and fresh and not any(c.isdigit() for c in fresh):
        fresh = None  # "A C F" for a misheard "sí" is no fleet number
    if fresh and fresh != pending and plausible.plausible(kind, fresh, f.symbols):
        a_name = reader.named(text, ctx.lang) and not _part_of_a_name(fresh, pending)
        if f.kind is not FieldKind.NAME or a_name:
            ctx.state = refusing
            return read_back(ctx, f, fresh)
    return None  # the dialogue's repairs answer an aside; anything else gets one "¿sí o no?"


def _part_of_a_name(fresh: str, pending: str) -> bool:
    """One word said back to a full name read back is no full name of its own: espeak-ng's
    "Negative." heard "Oscar." had been read back as the driver's whole name."""
    return len(fresh.split()) < 2 <= len(pending.split())


# --- echoes: what was heard, when it can be no value ----------------------------------------------
ECHOED = (FieldKind.PLATE, FieldKind.EMAIL, FieldKind.NUMBER)


def _without_the_echo(ctx: TurnContext, f: FormField, value: str, longest: int | None = None) -> str | None:
    """The likeliest reading of `value` less Whisper's echo (reader.without_echo) that is a possible
    value, not said no to, and no longer than `longest`; None when there is none."""
    return next((v for v in reader.without_echo(value) if (longest is None or len(v) <= longest)
                 and v not in refused(ctx.state) and plausible.plausible(f.kind.value, v, f.symbols)), None)
ECHO_SYMBOLS = 2  # fewer symbols than this heard are too little to say back


def echo(ctx: TurnContext, f: FormField, heard: str) -> Turn | None:
    """Say back what was heard when it can be no value (a plate of letters only, an address with no
    provider): "Solo alcancé a oír: A, B, F, K. ¿Es correcto?". The caller hears what went wrong
    instead of a bare "no te entendí", and their "no" is what makes many drivers spell (the issue's
    held-out drivers spell only after a second "no"; on made-up set 1, 59 of 97 fields lost on the
    phone line had fewer than two noes: most were heard as no value at all, never read back). An echo
    is never stored: any answer but a new value climbs the ladder (`hear_echo_answer`). Not on the
    last rung (its "no" would lead nowhere) and not for typed text (what was typed was meant)."""
    symbols = re.sub(r"[^0-9A-Za-z]", "", heard)
    if ctx.confidence is None or f.kind not in ECHOED or len(symbols) < ECHO_SYMBOLS:
        return None
    if ctx.state.tries >= ladder.MAX_TRIES - 1 or ctx.attempts(f.key) >= ladder.MAX_READBACKS:
        return None
    ctx.set_field(f.key, attempts=ctx.attempts(f.key) + 1)
    return _to_confirm(ctx, ctx.text("echo_readback", value=ctx.spoken(f.kind.value, heard)), heard)


def echoed(f: FormField, pending: str) -> bool:
    """What is being read back is an echo: read_back says back possible values only, so one that
    cannot be a value of the field was echoed."""
    return f.kind in ECHOED and not plausible.plausible(f.kind.value, pending, f.symbols)


def hear_echo_answer(ctx: TurnContext, f: FormField, text: str, intents: set[Intent],
                     corrected: str | None) -> Turn:
    """The answer to an echo: a new value is read back; a yes, a no or anything else is one failed
    try (what was echoed can be no value, whatever the caller says of it)."""
    kind = f.kind.value
    ctx.state = replace(ctx.state, scratch=with_refused(ctx.state, ctx.state.pending or ""))
    fresh = corrected if corrected and corrected != ctx.state.pending else None
    if fresh is None and Intent.NO in intents:
        fresh = _value_in(ctx, f, text)
    if fresh and fresh != ctx.state.pending and plausible.plausible(kind, fresh, f.symbols):
        return read_back(ctx, f, fresh)
    if Intent.YES in intents and Intent.NO not in intents:
        return ladder.strike(ctx, f, "echo_not_a_value_lead", label=f.label[ctx.lang])
    return ladder.strike(ctx, f, "retry_lead" if Intent.NO in intents else "not_understood_lead")


def confirm(ctx: TurnContext, f: FormField, value: str) -> Turn:
    ctx.set_field(f.key, value=value, confirmed=True, unknown=False, left_empty=False)
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
        if fv is None or not (fv.confirmed or fv.unknown or fv.left_empty):
            return ask_field(ctx, f, prefix)
    return close(ctx)


def close(ctx: TurnContext) -> Turn:
    if turn := name_by_address.offer(ctx):
        return turn
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
