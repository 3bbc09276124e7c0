"""The agent on a real AgentSession, text in, no audio: the core decides every reply, verbatim."""

from __future__ import annotations

import asyncio

from livekit.agents import AgentSession

from daisy.voice.agent import CallObserver, DaisyAgent
from daisy.voice.pipelines import bind
from daisy.voice.policy_llm import PolicyLLM
from tests.voice.helpers import RecordingLog, conversation


def _session_and_agent(said: list[str]) -> tuple[AgentSession, DaisyAgent, RecordingLog]:
    log = RecordingLog()
    agent = DaisyAgent(conversation("es", log), observer=CallObserver(on_said=lambda t: said.append(t.say)))
    session = AgentSession(llm=PolicyLLM())
    bind(session, agent)
    return session, agent, log


def test_replies_are_the_core_sentences() -> None:
    async def main() -> None:
        said: list[str] = []
        session, agent, log = _session_and_agent(said)
        await session.start(agent)
        result = await session.run(user_input="Soy Mario López")
        result.expect.next_event().is_message(role="assistant")
        assert agent.call_state().field == "driver_name"
        assert agent.call_state().pending == "Mario López"
        replies = [i.text_content for i in session.history.items if getattr(i, "role", "") == "assistant"]
        assert replies[-1] == said[-1] == "Tu nombre es Mario López, ¿correcto?"
        result = await session.run(user_input="sí")
        assert agent.conversation.record()["driver_name"] == "Mario López"
        await session.aclose()
        assert [role for _, role, _ in log.turns][:3] == ["daisy", "caller", "daisy"]

    asyncio.run(main())


def test_keypad_digits_until_hash_reach_the_core_as_one_entry() -> None:
    async def main() -> None:
        said: list[str] = []
        session, agent, _log = _session_and_agent(said)
        await session.start(agent)
        await session.run(user_input="Soy Mario López")
        await session.run(user_input="sí")
        assert agent.call_state().field == "tractor_number"
        for key in "9*4512":  # "*" starts the entry over
            agent.keypad(key)
        assert agent.call_state().pending is None  # nothing before "#"
        agent.keypad("#")
        keyed = agent.call_state().values["tractor_number"]
        assert (keyed.value, keyed.source) == ("4512", "keypad")
        await asyncio.sleep(0.2)
        assert "cuatro, cinco, uno, dos" in said[-1]
        await session.aclose()

    asyncio.run(main())


def test_caller_hanging_up_ends_the_call_as_abandoned() -> None:
    async def main() -> None:
        ended: list[str] = []
        agent = DaisyAgent(conversation("es"), observer=CallObserver(
            on_ended=lambda s: ended.append(s.outcome.value if s.outcome else "")))
        session = AgentSession(llm=PolicyLLM())
        bind(session, agent)
        await session.start(agent)
        agent.caller_left()
        await asyncio.sleep(0.05)
        assert ended == ["abandoned"]
        await session.aclose()

    asyncio.run(main())
