"""A name left empty, offered back once the address is confirmed, when the address is made of it.

Drivers' addresses are mostly their names ("laura.short@…", "toddgreen@…"), and an address is spelled
and confirmed where a name is only said: a name the recognizer bent three times ("Norma Shards") or
that the caller writes otherwise than it sounds ("Michele", not "Michelle") is often in the address
they just confirmed. Before closing, Daisy reads that name back once, as any value heard with doubt:
only a plain yes heard surely confirms it; anything else leaves the name empty, as it was.

Offered when the address gives as many known names as the caller's last answer had words. An initial
and a surname ("cmeza") give the surname, after the given name heard when it is known and starts so.
Fewer names than words heard (a Mexican address is mostly the given name and one surname:
"dolores.zavala" for Dolores Chávez Zavala, "pacheco62" for Juan Pacheco) each take the place of the
heard word they are near, the other words staying as heard: "Flores Chávez Zavala" → "Dolores Chávez
Zavala". A name word near none of them ("maria.corona" after "María Eugenia Osorio Corona" puts
nothing new in) offers nothing.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import combinations

from daisy.core import ladder
from daisy.core.context import TurnContext
from daisy.core.expectation import refused
from daisy.core.state import Phase, Turn
from daisy.core.wording import join
from daisy.form import FieldKind
from daisy.understanding import name_lexicon, plausible
from daisy.understanding.email_from_name import initial_and_surname, name_in_address
from daisy.understanding.normalize import strip_accents

OFFERED = "name_by_address"  # scratch flag: offered once per call
# How near (rapidfuzz ratio, 0–100) a heard word must be to an address's name to be taken for it:
# "Flores"/"dolores" 77, "Armdariz"/"armendariz" 89, "Pasico"/"pacheco" 62; the caller's yes decides.
NEAR_WORD = 60.0


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
    whole = name_in_address(address, ctx.lang)
    words = (whole if len(whole) == len(heard) else []) or _with_the_given_name_heard(
        address, heard, ctx.lang) or _into_the_name_heard(address, heard, ctx.lang)
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


def _into_the_name_heard(address: str, heard: list[str], lang: str) -> list[str]:
    """The name heard with each of the address's fewer names in place of the heard word it is near, in
    order; [] when one is near no word left for it, or when nothing would change."""
    names = name_in_address(address, lang, least=1)
    if not names or len(names) >= len(heard):
        return []
    from rapidfuzz import fuzz

    def near(name: str, word: str) -> float:
        return fuzz.ratio(_plain(name), _plain(word))

    places = max(combinations(range(len(heard)), len(names)),
                 key=lambda at: sum(near(n, heard[i]) for n, i in zip(names, at, strict=True)))
    if any(near(n, heard[i]) < NEAR_WORD for n, i in zip(names, places, strict=True)):
        return []
    words = list(heard)
    for name, i in zip(names, places, strict=True):
        words[i] = name
    return words if [_plain(w) for w in words] != [_plain(w) for w in heard] else []


def _plain(word: str) -> str:
    return strip_accents(word).lower()
