"""A local server on 127.0.0.1 that speaks OpenAI's protocols, for the real plugins to talk to.

- `/v1/realtime` (WebSocket): the Realtime API as livekit-plugins-openai uses it — session.update,
  input_audio_buffer.append/commit/clear, conversation.item.create/delete/truncate,
  response.create/cancel — answered with the server's events (speech_started/stopped, committed,
  conversation.item.added, input audio transcription, response.created … response.output_audio.delta
  … response.done). `?intent=transcription` is the streaming transcription session of the STT plugin.
- `/v1/audio/transcriptions` and `/v1/audio/speech` (HTTP): the STT and TTS endpoints.

Scripted behaviour: the caller's audio is detected by its energy (a server VAD), and each committed
turn is "transcribed" to the next text of `heard`. Like the real model, it answers on its own
wherever the protocol lets it: after a turn when turn detection has `create_response` on, and with
words of its own for a `response.create` that brings no sentence in «…». Every response is recorded
with what was asked and what was said, so a test can check the caller heard only the core.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import re
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from aiohttp import WSMsgType, web

RATE = 24000  # the plugins' PCM16 rate, in and out
IMPROVISED = "Perfecto, ya quedó guardado todo."  # what the model says when nobody told it what to say
_QUOTED = re.compile(r"«([^»]*)»")


@dataclass
class Response:
    instructions: str | None
    said: str
    on_its_own: bool  # created by the server after a turn, not by a response.create
    status: str = "in_progress"


@dataclass
class FakeOpenAI:
    speech_ms_per_char: float = 12.0  # length of the audio "spoken" for a response or a TTS request
    threshold: float = 400.0  # RMS above which the caller's audio is speech
    transcription_delay: float = 0.05  # seconds from commit to transcript
    heard: deque[str] = field(default_factory=deque)  # the caller's next words, one per turn
    responses: list[Response] = field(default_factory=list)
    session_updates: list[dict[str, Any]] = field(default_factory=list)
    client_events: list[str] = field(default_factory=list)  # every client event type, in order
    transcripts: list[str] = field(default_factory=list)  # what was sent as the caller's words
    speech_requests: list[dict[str, Any]] = field(default_factory=list)
    transcription_requests: list[dict[str, str]] = field(default_factory=list)
    speech_first_byte_s: list[float] = field(default_factory=list)
    # (time.perf_counter(), what): "transcript" sent, "response.create" / "speech" asked, "audio" first sent
    marks: list[tuple[float, str]] = field(default_factory=list)
    base_url: str = ""

    def mark(self, what: str) -> None:
        self.marks.append((time.perf_counter(), what))

    def __post_init__(self) -> None:
        self._ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self._sockets: set[web.WebSocketResponse] = set()

    def new_id(self, prefix: str) -> str:
        return f"{prefix}_{next(self._ids):04d}"

    async def start(self) -> str:
        app = web.Application()
        app.router.add_get("/v1/realtime", self._realtime)
        app.router.add_post("/v1/audio/transcriptions", self._transcriptions)
        app.router.add_post("/v1/audio/speech", self._speech)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.base_url = f"http://127.0.0.1:{port}/v1"
        return self.base_url

    async def stop(self) -> None:
        # a client may keep a pooled connection open (the STT does): close it, or cleanup waits for it
        for ws in list(self._sockets):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    def next_heard(self) -> str:
        text = self.heard.popleft() if self.heard else ""
        self.transcripts.append(text)
        return text

    # --- HTTP ------------------------------------------------------------------------------------
    async def _transcriptions(self, request: web.Request) -> web.Response:
        form = await request.post()
        self.transcription_requests.append({k: str(v) for k, v in form.items() if k != "file"})
        return web.json_response({"text": self.next_heard()})

    async def _speech(self, request: web.Request) -> web.StreamResponse:
        self.mark("speech")
        body = await request.json()
        self.speech_requests.append(body)
        started = time.perf_counter()
        pcm = tone(len(body.get("input", "")) * self.speech_ms_per_char / 1000)
        if body.get("stream_format") != "sse":
            fmt = body.get("response_format", "mp3")
            if fmt != "pcm":  # this fake only speaks raw PCM; say so as the real API would fail
                return web.json_response({"error": {"message": f"fake speaks pcm, not {fmt}"}}, status=400)
            return web.Response(body=pcm, content_type="audio/pcm")
        resp = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await resp.prepare(request)
        chunk = RATE // 10 * 2
        for i in range(0, len(pcm), chunk):
            event = {"type": "speech.audio.delta", "delta": base64.b64encode(pcm[i:i + chunk]).decode()}
            await resp.write(f"data: {json.dumps(event)}\n\n".encode())
            if i == 0:
                self.mark("audio")
                self.speech_first_byte_s.append(time.perf_counter() - started)
        done = {"type": "speech.audio.done", "usage": {"input_tokens": 1, "output_tokens": 1}}
        await resp.write(f"data: {json.dumps(done)}\n\n".encode())
        await resp.write_eof()
        return resp

    # --- Realtime WebSocket ----------------------------------------------------------------------
    async def _realtime(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._sockets.add(ws)
        conn = _Connection(self, ws, transcription=request.query.get("intent") == "transcription")
        await conn.send({"type": "session.created", "session": {"id": self.new_id("sess")}})
        try:
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                await conn.handle(json.loads(msg.data))
        finally:
            self._sockets.discard(ws)
            await conn.close()
        return ws


def tone(seconds: float, rate: int = RATE, freq: float = 300.0, amplitude: int = 4000) -> bytes:
    n = max(1, int(seconds * rate))
    t = np.arange(n) / rate
    return (amplitude * np.sin(2 * np.pi * freq * t)).astype(np.int16).tobytes()


class _Connection:
    def __init__(self, server: FakeOpenAI, ws: web.WebSocketResponse, transcription: bool) -> None:
        self.server = server
        self.ws = ws
        self.transcription = transcription
        self.turn_detection: dict[str, Any] | None = {"type": "server_vad", "silence_duration_ms": 500}
        self.buffered_ms = 0.0  # audio in the input buffer since the last commit
        self.audio_ms = 0.0  # all audio received on this connection
        self.speaking_item: str | None = None
        self.quiet_ms = 0.0
        self.last_item: str | None = None
        self.response_task: asyncio.Task[None] | None = None
        self.response_id: str | None = None
        self.tasks: set[asyncio.Task[None]] = set()

    async def send(self, event: dict[str, Any]) -> None:
        event.setdefault("event_id", self.server.new_id("event"))
        if not self.ws.closed:
            await self.ws.send_str(json.dumps(event))

    async def close(self) -> None:
        for task in [*self.tasks, self.response_task]:
            if task is not None:
                task.cancel()

    def spawn(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def handle(self, event: dict[str, Any]) -> None:
        kind = event.get("type", "")
        self.server.client_events.append(kind)
        match kind:
            case "session.update":
                await self._session_update(event)
            case "input_audio_buffer.append":
                await self._append(base64.b64decode(event["audio"]))
            case "input_audio_buffer.commit":
                if self.buffered_ms < 100:
                    await self.error(event, "input_audio_buffer_commit_empty", "buffer too small")
                else:
                    await self._commit(self.speaking_item or self.server.new_id("item"))
            case "input_audio_buffer.clear":
                self.buffered_ms, self.speaking_item = 0.0, None
                await self.send({"type": "input_audio_buffer.cleared"})
            case "conversation.item.create":
                item = dict(event["item"])
                item.setdefault("id", self.server.new_id("item"))
                await self.send({"type": "conversation.item.added", "item": item,
                                 "previous_item_id": event.get("previous_item_id") or self.last_item})
                self.last_item = item["id"]
            case "conversation.item.delete":
                await self.send({"type": "conversation.item.deleted", "item_id": event["item_id"]})
            case "conversation.item.truncate":
                await self.send({"type": "conversation.item.truncated", "item_id": event["item_id"],
                                 "content_index": 0, "audio_end_ms": event.get("audio_end_ms", 0)})
            case "response.create":
                self.server.mark("response.create")
                await self._start_response(event.get("response") or {}, on_its_own=False)
            case "response.cancel":
                await self._cancel(event.get("response_id"))

    async def error(self, event: dict[str, Any], code: str, message: str) -> None:
        await self.send({"type": "error", "error": {"type": "invalid_request_error", "code": code,
                                                    "message": message, "event_id": event.get("event_id")}})

    async def _session_update(self, event: dict[str, Any]) -> None:
        session = event.get("session") or {}
        self.server.session_updates.append(session)
        audio_in = (session.get("audio") or {}).get("input") or {}
        if "turn_detection" in audio_in:
            self.turn_detection = audio_in["turn_detection"]
        await self.send({"type": "session.updated", "session": session})

    # --- the caller's audio: an energy VAD, as the server's own ---------------------------------
    async def _append(self, pcm: bytes) -> None:
        samples = np.frombuffer(pcm, dtype=np.int16).astype(np.float64)
        ms = len(samples) * 1000 / RATE
        self.buffered_ms += ms
        self.audio_ms += ms
        if self.turn_detection is None:
            return
        loud = samples.size > 0 and float(np.sqrt(np.mean(samples**2))) > self.server.threshold
        if loud:
            self.quiet_ms = 0.0
            if self.speaking_item is None:
                self.speaking_item = self.server.new_id("item")
                if self.response_task is not None and self.turn_detection.get("interrupt_response", True):
                    await self._cancel(None)
                await self.send({"type": "input_audio_buffer.speech_started", "item_id": self.speaking_item,
                                 "audio_start_ms": int(self.audio_ms)})
        elif self.speaking_item is not None:
            self.quiet_ms += ms
            if self.quiet_ms >= float(self.turn_detection.get("silence_duration_ms") or 500):
                item = self.speaking_item
                await self.send({"type": "input_audio_buffer.speech_stopped", "item_id": item,
                                 "audio_end_ms": int(self.audio_ms)})
                await self._commit(item)
                if not self.transcription and self.turn_detection.get("create_response", True):
                    await self._start_response({}, on_its_own=True)  # the model answers by itself

    async def _commit(self, item_id: str) -> None:
        self.buffered_ms, self.speaking_item, self.quiet_ms = 0.0, None, 0.0
        previous, self.last_item = self.last_item, item_id
        await self.send({"type": "input_audio_buffer.committed", "item_id": item_id,
                         "previous_item_id": previous})
        if not self.transcription:
            await self.send({"type": "conversation.item.added", "previous_item_id": previous, "item": {
                "id": item_id, "object": "realtime.item", "type": "message", "role": "user",
                "status": "completed", "content": [{"type": "input_audio", "transcript": None}]}})
        self.spawn(self._transcribe(item_id))

    async def _transcribe(self, item_id: str) -> None:
        await asyncio.sleep(self.server.transcription_delay)
        text = self.server.next_heard()
        if text:
            await self.send({"type": "conversation.item.input_audio_transcription.delta", "item_id": item_id,
                             "content_index": 0, "delta": text})
        self.server.mark("transcript")
        await self.send({"type": "conversation.item.input_audio_transcription.completed", "item_id": item_id,
                         "content_index": 0, "transcript": text,
                         "usage": {"type": "duration", "seconds": 1.0}})

    # --- responses -------------------------------------------------------------------------------
    async def _start_response(self, params: dict[str, Any], on_its_own: bool) -> None:
        if self.response_task is not None:
            await self.error({}, "conversation_already_has_active_response", "a response is in progress")
            return
        instructions = params.get("instructions")
        quoted = _QUOTED.findall(instructions or "")
        said = quoted[-1] if quoted else IMPROVISED
        response = Response(instructions, said, on_its_own)
        self.server.responses.append(response)
        self.response_id = self.server.new_id("resp")
        await self.send({"type": "response.created", "response": {
            "id": self.response_id, "object": "realtime.response", "status": "in_progress",
            "metadata": params.get("metadata"), "output": []}})
        self.response_task = asyncio.ensure_future(self._speak(self.response_id, response))

    async def _speak(self, response_id: str, response: Response) -> None:
        item_id = self.server.new_id("item")
        item = {"id": item_id, "object": "realtime.item", "type": "message", "role": "assistant",
                "status": "in_progress", "content": []}
        await self.send({"type": "response.output_item.added", "response_id": response_id,
                         "output_index": 0, "item": item})
        await self.send({"type": "conversation.item.added", "previous_item_id": self.last_item, "item": item})
        self.last_item = item_id
        await self.send({"type": "response.content_part.added", "response_id": response_id,
                         "item_id": item_id, "output_index": 0, "content_index": 0,
                         "part": {"type": "audio", "transcript": ""}})
        await self.send({"type": "response.output_audio_transcript.delta", "response_id": response_id,
                         "item_id": item_id, "output_index": 0, "content_index": 0, "delta": response.said})
        pcm = tone(len(response.said) * self.server.speech_ms_per_char / 1000)
        chunk = RATE // 10 * 2
        for i in range(0, len(pcm), chunk):
            if i == 0:
                self.server.mark("audio")
            await self.send({"type": "response.output_audio.delta", "response_id": response_id,
                             "item_id": item_id, "output_index": 0, "content_index": 0,
                             "delta": base64.b64encode(pcm[i:i + chunk]).decode()})
            await asyncio.sleep(0.01)  # the real API streams faster than real time
        for kind in ("response.output_audio.done", "response.output_audio_transcript.done"):
            await self.send({"type": kind, "response_id": response_id, "item_id": item_id, "output_index": 0,
                             "content_index": 0, "transcript": response.said})
        done_item = {**item, "status": "completed",
                     "content": [{"type": "output_audio", "transcript": response.said}]}
        await self.send({"type": "response.output_item.done", "response_id": response_id, "output_index": 0,
                         "item": done_item})
        await self._done(response, "completed", [done_item])

    async def _done(self, response: Response, status: str, output: list[dict[str, Any]]) -> None:
        response.status = status
        rid, self.response_id, self.response_task = self.response_id, None, None
        await self.send({"type": "response.done", "response": {
            "id": rid, "object": "realtime.response", "status": status, "output": output,
            "usage": {"total_tokens": 2, "input_tokens": 1, "output_tokens": 1}}})

    async def _cancel(self, response_id: str | None) -> None:
        task = self.response_task
        if task is None or (response_id and response_id != self.response_id):
            return
        task.cancel()
        await self._done(self.server.responses[-1], "cancelled", [])
