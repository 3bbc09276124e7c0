"""A name left empty, offered back once the address is confirmed, when the address is made of it.

Drivers' addresses are mostly their names ("laura.short@…", "toddgreen@…"), and an address is spelled
and confirmed where a name is only said: a name the recognizer bent three times ("Norma Shards") or
that the caller writes otherwise than it sounds ("Michele", not "Michelle") is often in the address
they just confirmed. Before closing, Daisy reads that name back once, as any value heard with doubt:
only a plain yes heard surely confirms it; anything else leaves the name empty, as it was.

Offered only when the address gives as many known names as the caller's last answer had words: a
Mexican "maria.corona" for "María Eugenia Osorio Corona" is not the whole name. An initial and a
surname ("cmeza") give the surname, after the given name heard when it is known and starts so.
"""

from __future__ import annotations

from dataclasses import replace

from daisy.core import ladder
from daisy.core.context import TurnContext
from daisy.core.expectation import refused
from daisy.core.state import Phase, Turn
from daisy.core.wording import join
from daisy.form import FieldKind
from daisy.understanding import name_lexicon, plausible
from daisy.understanding.email_from_name import initial_and_surname, name_in_address

OFFERED = "name_by_address"  # scratch flag: offered once per call


def offer(ctx: TurnContext) -> Turn | None:
    """The read-back of the name the confirmed address is made of; None when there is none to offer."""
    s = ctx.state
    form = ctx.dialogue.form
    name_field = next((f for f in form.fields if f.kind is FieldKind.NAME), None)
    address = next((v.value for f in form.fields if f.kind is FieldKind.EMAIL
                    and (v := s.values.get(f.key)) is not None and v.confirmed and v.value), None)
    if name_field is None or address is None or OFFERED in s.scratch:
        return None
    fv = s.values.get(name_field.key)
    if fv is None or not fv.left_empty:
        return None
    heard = s.scratch.get("name_heard", "").split()
    words = name_in_address(address, ctx.lang) or _with_the_given_name_heard(address, heard, ctx.lang)
    if not words or len(words) != len(heard):
        return None
    name = " ".join(words)
    said_no_to = refused(replace(s, field=name_field.key))
    if name in said_no_to or not plausible.plausible("name", name, name_field.symbols):
        return None
    # the last try: a no, or an answer still unclear after "¿sí o no?", leaves it empty again
    ctx.state = replace(s, field=name_field.key, scratch={**s.scratch, OFFERED: "1", "clear_value": "doubt"})
    ctx.set_field(name_field.key, value=name, confirmed=False, attempts=ctx.attempts(name_field.key) + 1)
    return ctx.reply(
        join(ctx.text("name_by_address"), ctx.readback(name_field, name)),
        phase=Phase.CONFIRMING,
        step="confirm",
        pending=name,
        pieces="",
        failures=0,
        tries=ladder.MAX_TRIES - 1,
        unclear=0,
        offer="ask",
    )


def _with_the_given_name_heard(address: str, heard: list[str], lang: str) -> list[str]:
    """ "cmeza@…" after "Courtney Mea": the given name heard, when it is a known name with the address's
    initial, and the address's surname."""
    found = initial_and_surname(address, lang)
    if found is None or not heard or not name_lexicon.known(heard[0]):
        return []
    initial, surname = found
    return [heard[0], surname] if heard[0][:1].lower() == initial else []
