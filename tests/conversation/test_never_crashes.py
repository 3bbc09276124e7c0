"""Whatever a caller does, in any order, Daisy answers, keeps her invariants, and never crashes."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from daisy.core import Dialogue, Direction, Hangup, Keypad, Silence, Utterance
from daisy.core.state import Phase
from daisy.form import load_form

FORM = load_form()
NOW = datetime.fromisoformat("2026-11-23T22:50:00-06:00")
PHRASES = [
    "sí",
    "no",
    "Soy Ramón Ibarra",
    "cuarenta y cinco",
    "letra M",
    "B de Burro",
    "catorce ochenta",
    "no me acuerdo",
    "espérame tantito",
    "¿quién eres?",
    "llámame en una hora",
    "por whatsapp",
    "por correo",
    "juan arroba gmail punto com",
    "a las cuatro de la tarde",
    "en vez de la M es N",
    "¿mande?",
    "es todo",
    "ahorita no puedo",
    "pinche robot",
    "yes",
    "six PM",
    "call me back later",
    "hello",
    "",
    "¿Bueno?",
]
events = st.one_of(
    st.sampled_from(PHRASES).map(Utterance),
    st.text(max_size=40).map(Utterance),
    st.text(alphabet="0123456789*#", min_size=1, max_size=8).map(Keypad),
    st.floats(min_value=0, max_value=300).map(Silence),
    st.just(Hangup()),
)


@settings(max_examples=300, deadline=None)
@given(
    lang=st.sampled_from(["es", "en"]),
    direction=st.sampled_from(list(Direction)),
    script=st.lists(events, max_size=25),
)
def test_any_sequence_of_caller_events_is_handled(lang: str, direction: Direction, script: list) -> None:
    dialogue = Dialogue(FORM, lang)
    turn = dialogue.start(direction, NOW, caller_number="+525511112222")
    previous = turn.say
    for event in script:
        turn = dialogue.handle(turn.state, event, NOW)
        state = turn.state
        assert isinstance(turn.say, str)
        if turn.say:
            assert turn.say != previous, "Daisy repeated the very same sentence"
            previous = turn.say
        assert state.ended == (state.phase is Phase.ENDED)
        assert state.ended == (state.outcome is not None)
        if state.phase is Phase.CONFIRMING:
            assert state.pending is not None
        for key, value in state.record(FORM.keys).items():
            assert value is None or value.strip(), key
        if state.ended:
            break
