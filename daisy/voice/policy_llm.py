"""The "LLM" of the cascade and local pipelines: it says what the dialogue core decided, verbatim.

AgentSession needs an llm.LLM to produce a reply at all (overriding Agent.llm_node is not enough), so
this tiny model stands in for one. It never invents a word: the reply function is the core's sentence.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from livekit.agents import llm
from livekit.agents.types import DEFAULT_API_CONNECT_OPTIONS, APIConnectOptions

ReplyFn = Callable[[llm.ChatContext], str]


class PolicyLLM(llm.LLM):
    def __init__(self, reply: ReplyFn | None = None) -> None:
        super().__init__()
        self.reply: ReplyFn = reply or (lambda _ctx: "")

    @property
    def model(self) -> str:
        return "daisy-core"

    @property
    def provider(self) -> str:
        return "daisy"

    def chat(
        self,
        *,
        chat_ctx: llm.ChatContext,
        tools: list[llm.Tool] | None = None,
        conn_options: APIConnectOptions = DEFAULT_API_CONNECT_OPTIONS,
        **_kwargs: Any,
    ) -> llm.LLMStream:
        return _PolicyStream(self, chat_ctx=chat_ctx, tools=tools or [], conn_options=conn_options)


class _PolicyStream(llm.LLMStream):
    async def _run(self) -> None:
        policy: PolicyLLM = self._llm  # type: ignore[assignment]
        text = policy.reply(self._chat_ctx)
        if text:
            self._event_ch.send_nowait(
                llm.ChatChunk(id=uuid.uuid4().hex[:12],
                              delta=llm.ChoiceDelta(role="assistant", content=text))
            )
