"""Daisy ends the caller's turn when the answer is whole and holds it open while the driver is still
dictating: the turn detector the voice session asks is answered by the dialogue core."""

from __future__ import annotations

import asyncio
from pathlib import Path

from livekit.agents import llm

from daisy.conversation import Conversation
from daisy.core import Utterance
from daisy.voice.agent import DaisyAgent
from daisy.voice.pipelines import bind, build_session
from daisy.voice.turn_taking import UNLIKELY, FieldAwareTurnDetector, no_as_heard
from tests.voice.helpers import conversation, settings


def _asked_for_plates() -> Conversation:
    conv = conversation("es")
    conv.start("inbound")
    for text in ("Soy Ramón Ibarra", "sí", "cuarenta y cinco doce", "sí"):
        conv.hear(Utterance(text))
    return conv


def _ends_turn(conv: Conversation, heard: str) -> bool:
    detector = FieldAwareTurnDetector(DaisyAgent(conv).call_view)
    ctx = llm.ChatContext()
    ctx.add_message(role="assistant", content="¿Cuáles son las placas?")
    ctx.add_message(role="user", content=heard)
    probability = asyncio.run(detector.predict_end_of_turn(ctx))
    threshold = asyncio.run(detector.unlikely_threshold("es"))
    assert threshold == UNLIKELY
    return probability >= threshold


def test_a_plain_yes_to_a_read_back_ends_the_turn_at_once() -> None:
    conv = conversation("es")
    conv.start("inbound")
    conv.hear(Utterance("Soy Ramón Ibarra"))  # Daisy reads the name back
    assert _ends_turn(conv, "sí")
    assert not _ends_turn(conv, "pues")


def test_a_plate_cut_at_a_pause_keeps_the_turn_open() -> None:
    conv = _asked_for_plates()
    assert not _ends_turn(conv, "equis zeta")
    assert not _ends_turn(conv, "equis zeta cuatro cinco guion")
    assert _ends_turn(conv, "equis zeta cuatro cinco uno dos")


def test_before_the_call_starts_any_turn_may_end() -> None:
    detector = FieldAwareTurnDetector()
    ctx = llm.ChatContext()
    ctx.add_message(role="user", content="bueno")
    assert asyncio.run(detector.predict_end_of_turn(ctx)) >= UNLIKELY


def test_the_session_asks_the_agents_call(tmp_path: Path) -> None:
    conv = _asked_for_plates()
    agent = DaisyAgent(conv)

    async def build() -> None:
        session = build_session("cascade", "es", settings(tmp_path, openai_api_key="sk-test-not-used"))
        assert isinstance(session.turn_detection, FieldAwareTurnDetector)
        bind(session, agent)
        assert session.turn_detection.view is not None
        assert session.turn_detection.view()[:2] == (conv.form, conv.state)

    asyncio.run(build())


def test_saying_there_is_no_value_ends_the_turn() -> None:
    conv = _asked_for_plates()
    assert _ends_turn(conv, "no lo sé")
    assert _ends_turn(conv, "es todo")


def test_a_number_or_hour_that_may_go_on_waits_for_the_rest() -> None:
    conv = _asked_for_plates()
    conv.hear(Utterance("ele eme catorce ochenta"))
    conv.hear(Utterance("sí"))  # Daisy asks for the trailer number
    assert not _ends_turn(conv, "cuatro cinco")  # "…uno dos" may follow
    assert _ends_turn(conv, "mil doscientos")


def test_a_no_to_a_plate_with_the_right_one_begun_waits_for_the_rest() -> None:
    conv = _asked_for_plates()
    conv.hear(Utterance("ele eme catorce ochenta"))  # Daisy reads the plate back
    assert _ends_turn(conv, "No, está mal.")
    assert not _ends_turn(conv, "No, está mal, ele")  # "…eme catorce ochenta" follows a pause
    assert not _ends_turn(conv, "No, está mal, ele eme, catorce")
    assert _ends_turn(conv, "No, está mal, ele eme catorce ochenta.")


def test_a_bare_hour_waits_for_the_part_of_the_day() -> None:
    conv = _asked_for_plates()
    for text in ("ele eme catorce ochenta", "sí", "mil doscientos", "sí", "ele eme catorce ochenta", "sí"):
        conv.hear(Utterance(text))
    assert not _ends_turn(conv, "a las cinco")
    assert _ends_turn(conv, "a las cinco de la tarde")
    assert _ends_turn(conv, "a las diecisiete")


def test_the_demo_reports_latency_for_complete_answers_apart_from_dictation() -> None:
    from daisy.voice.demo import DemoResult

    totals = (300.0, 1500.0, 350.0, 1800.0)
    result = DemoResult("c1", "completed", {}, latencies=[{"total": t} for t in totals],
                        verdicts=[True, False, True, True],
                        dictations=[{"latencies": [3]}])  # the last one was said in pieces
    summary = result.summary()
    assert summary["latency_ms"]["turns"] == 4
    assert summary["complete_answers_ms"] == {"p50": 325.0, "p95": 347.5, "turns": 2}


def test_a_no_in_pieces_needs_no_second_hearing_but_a_yes_does() -> None:
    conv = conversation("es")
    conv.start("inbound")
    conv.hear(Utterance("Soy Ramón Ibarra"))  # Daisy reads the name back
    view = DaisyAgent(conv).call_view()
    assert no_as_heard(view, "No. Está mal.")
    # a yes confirms only as heard whole, with the hearing's own confidence
    assert not no_as_heard(view, "Así es. Comícto.")
    assert not no_as_heard(view, "Sí. No.")
    assert not no_as_heard(None, "No.")
