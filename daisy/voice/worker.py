"""`daisy worker dev|start`: the LiveKit Agents worker that answers calls (the original main.py).

The SIP dispatch rule puts each call in its own `call-…` room and dispatches this agent (by name).
Outbound calls arrive the same way, with job metadata {"direction": "outbound", "phone_number",
"call_id"} set by daisy.telephony. Job processes inherit the pipeline and language via environment.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
from dataclasses import replace
from typing import Any

from livekit import rtc
from livekit.agents import AgentServer, JobContext, JobProcess
from livekit.agents.cli import run_app
from livekit.agents.voice import room_io

from daisy.conversation import CallLog, Conversation, NullCallLog
from daisy.core import CallState, Dialogue, Outcome, Phase
from daisy.form import Form, load_form
from daisy.settings import Settings, get_settings
from daisy.voice.agent import CallObserver, DaisyAgent
from daisy.voice.pipelines import bind, build_session

log = logging.getLogger("daisy.worker")
SIP_KIND = rtc.ParticipantKind.PARTICIPANT_KIND_SIP


def job_metadata(raw: str | None) -> dict[str, Any]:
    """The dispatch's metadata; an inbound call has none (or anything not ours)."""
    try:
        data = json.loads(raw or "{}")
    except json.JSONDecodeError:
        return {}
    return data if isinstance(data, dict) else {}


CALL_STATUS = "sip.callStatus"  # dialing | ringing | active | hangup (LiveKit's SIP attributes)
RING_WAIT_S = 60.0  # the dial's ringing timeout is 30 s; beyond that nobody is coming


async def wait_until_answered(room: rtc.Room, participant: rtc.RemoteParticipant,
                              timeout: float = RING_WAIT_S) -> str:
    """"active" once the dialled phone is picked up. A dialled SIP participant joins the room while
    it still rings, so the call (and its record) must not start at the join. Otherwise the outcome:
    "busy" (rejected), "no_answer" (left unanswered, or the wait ran out)."""
    if participant.attributes.get(CALL_STATUS, "active") == "active":
        return "active"
    loop = asyncio.get_running_loop()
    answer: asyncio.Future[str] = loop.create_future()

    def changed(_changed: dict[str, str], p: rtc.Participant) -> None:
        if p.identity == participant.identity and p.attributes.get(CALL_STATUS) == "active":
            if not answer.done():
                answer.set_result("active")

    def left(p: rtc.RemoteParticipant) -> None:
        if p.identity == participant.identity and not answer.done():
            rejected = p.disconnect_reason == rtc.DisconnectReason.USER_REJECTED
            answer.set_result("busy" if rejected else "no_answer")

    room.on("participant_attributes_changed", changed)
    room.on("participant_disconnected", left)
    try:
        return await asyncio.wait_for(answer, timeout)
    except TimeoutError:
        return "no_answer"
    finally:
        room.off("participant_attributes_changed", changed)
        room.off("participant_disconnected", left)


def record_unanswered(conversation: Conversation, phone_number: str | None, outcome: str) -> None:
    """An outbound call nobody talked on: its record says so (no_answer, busy), nothing else."""
    conversation.start("outbound", caller_number=phone_number)  # outbound: Daisy waits, says nothing
    assert conversation.state is not None
    ended = replace(conversation.state, phase=Phase.ENDED, outcome=Outcome(outcome))
    conversation.state = ended
    conversation.log.call_ended(conversation.call_id, ended, conversation.clock())


def caller_number_of(participant: rtc.RemoteParticipant) -> str | None:
    attrs = participant.attributes or {}
    return attrs.get("sip.phoneNumber") or None


def _call_log() -> CallLog:
    try:
        from daisy.records import open_store
        from daisy.web.webhook import live_call_log

        # The store's log plus the signed webhook when DAISY_WEBHOOK_URL is set.
        return live_call_log(open_store(get_settings().database_url))
    except Exception as e:  # the call goes on even if the database does not
        log.error("records unavailable, this call is not stored: %s", e)
        return NullCallLog()


def known_caller(number: str | None, form: Form) -> tuple[Any, Any]:
    """The roster and the driver on the line when the number is in it; (None, None) otherwise, and
    when the database is unavailable (the call goes on, asking everything)."""
    if not number:
        return None, None
    try:
        from daisy.records.roster import open_roster
        from daisy.roster.calls import find_caller

        roster = open_roster(get_settings().database_url)
        return roster, find_caller(roster, number, form)
    except Exception as e:  # the call goes on without the roster
        log.error("roster unavailable, the caller is asked everything: %s", e)
        return None, None


# "Played" means handed to the room's audio track; the far end still has its jitter buffer and the
# phone network's delay to go. Deleting the room at once cut the goodbye's last syllable.
HANGUP_TAIL_S = 0.8


async def hang_up(ctx: JobContext, tail: float = HANGUP_TAIL_S) -> None:
    from daisy.telephony.transfer import hang_up as telephony_hang_up

    try:
        await asyncio.sleep(tail)
        await telephony_hang_up(ctx.api, ctx.room.name)
    finally:
        ctx.shutdown("call ended")


async def transfer(ctx: JobContext, identity: str) -> bool:
    """Hook for outcome `transferred`: SIP REFER through daisy.telephony. False if it failed: the
    agent then tells the caller and records it instead of hanging up on them."""
    from daisy.telephony.transfer import transfer_call

    try:
        await transfer_call(ctx.api, ctx.room.name, identity, get_settings().daisy_transfer_to)
    except Exception as e:  # a refused transfer must not crash the job
        log.error("transfer failed: %s", e)
        return False
    return True


async def drain_deliveries(call_log: CallLog, timeout: float = 8.0) -> None:
    """At the job's end: the webhook's deliveries run on daemon threads, which die with the job
    process. Wait for them (off the event loop); what is left is marked for `daisy webhooks retry`."""
    flush = getattr(call_log, "flush", None)
    if flush is not None:
        await asyncio.to_thread(flush, timeout)


def end_after(ctx: JobContext, agent: DaisyAgent, minutes: float) -> asyncio.TimerHandle:
    """The worker's own cap on a call, a minute past the trunk's: the call is recorded as the caller
    leaving, and the room closed, should the SIP side not end it."""
    def cap() -> None:
        log.warning("call in %s reached %.0f minutes: ending it", ctx.room.name, minutes)
        agent.caller_left()
        asyncio.ensure_future(hang_up(ctx, tail=0))

    return asyncio.get_running_loop().call_later(minutes * 60 + 60, cap)


async def entrypoint(ctx: JobContext) -> None:
    settings = get_settings()
    pipeline = os.environ.get("DAISY_PIPELINE", settings.daisy_pipeline)
    lang = os.environ.get("DAISY_LANG", "es")
    meta = job_metadata(ctx.job.metadata)
    direction = "outbound" if meta.get("direction") == "outbound" else "inbound"
    await ctx.connect()
    participant = await ctx.wait_for_participant(kind=SIP_KIND)
    caller_number = meta.get("phone_number") if direction == "outbound" else caller_number_of(participant)
    # With somewhere to transfer to, a person takes over when Daisy cannot understand a field.
    dialogue = Dialogue(load_form(), lang, voicemail=settings.daisy_voicemail,
                        transfer_when_stuck=bool(settings.daisy_transfer_to))
    roster, caller = known_caller(caller_number, dialogue.form)  # a driver in the roster confirms instead
    call_log = _call_log()
    if roster is not None:
        from daisy.roster.calls import with_learning

        call_log = with_learning(call_log, roster, caller, settings.daisy_roster_learn)
    conversation = Conversation(dialogue, log=call_log, call_id=meta.get("call_id") or None,
                                known=caller.known if caller else None)
    ctx.add_shutdown_callback(lambda: drain_deliveries(call_log))
    if direction == "outbound":
        answer = await wait_until_answered(ctx.room, participant)
        if answer != "active":
            record_unanswered(conversation, caller_number, answer)
            await hang_up(ctx, tail=0)
            return

    async def ended(_state: CallState) -> None:
        await hang_up(ctx)

    async def transferred(_state: CallState) -> bool:
        return await transfer(ctx, participant.identity)

    agent = DaisyAgent(conversation, direction=direction, caller_number=caller_number,
                       realtime=pipeline == "realtime",
                       observer=CallObserver(on_ended=ended, on_transfer=transferred))
    session = build_session(pipeline, lang, settings, vad=ctx.proc.userdata.get("vad"))
    bind(session, agent)

    def on_dtmf(ev: rtc.SipDTMF) -> None:
        agent.keypad(ev.digit)

    def on_left(p: rtc.RemoteParticipant) -> None:
        if p.identity == participant.identity:
            agent.caller_left()

    ctx.room.on("sip_dtmf_received", on_dtmf)
    ctx.room.on("participant_disconnected", on_left)
    await session.start(agent=agent, room=ctx.room, room_options=room_options(settings, participant))
    end_after(ctx, agent, settings.daisy_max_call_minutes)
    if settings.daisy_record:
        record_in_background(ctx, settings, conversation.call_id)


_recordings: set[asyncio.Task[str | None]] = set()  # held until done (the loop keeps weak references)


def record_in_background(ctx: JobContext, settings: Settings, call_id: str) -> None:
    """DAISY_RECORD=1: the room's audio-only egress, started beside the call (never delaying it)."""
    from daisy.telephony.recording import record_call

    task = asyncio.ensure_future(record_call(ctx.api, settings, ctx.room.name, call_id))
    _recordings.add(task)
    task.add_done_callback(_recordings.discard)


def room_options(settings: Settings, participant: rtc.RemoteParticipant) -> room_io.RoomOptions:
    """Daisy listens to the phone only; with DAISY_NOISE_CANCELLATION=agent its audio goes through
    LiveKit Cloud's telephony canceller first (then the trunk runs none: one canceller only)."""
    from daisy.telephony.common import noise_cancellation_mode

    canceller = None
    if noise_cancellation_mode(settings) == "agent":
        from livekit.plugins import noise_cancellation  # checked at `daisy worker` start

        canceller = noise_cancellation.BVCTelephony()
    return room_io.RoomOptions(
        audio_input=room_io.AudioInputOptions(noise_cancellation=canceller),
        participant_identity=participant.identity,
        participant_kinds=[SIP_KIND],
    )


def prewarm(proc: JobProcess) -> None:
    """Load the models once per process, before any call is waiting on them: the names lexicon, the
    VAD for the cascade and local pipelines, Whisper for the local one (assembled already by the main
    process)."""
    from daisy.understanding import name_lexicon

    name_lexicon.warm()  # every pipeline's dialogue reads names with it
    pipeline = os.environ.get("DAISY_PIPELINE", "local")
    if pipeline in ("local", "cascade"):
        from daisy.voice.pipelines import load_vad

        proc.userdata["vad"] = load_vad()
    if pipeline == "local":
        from daisy.voice.local_stt import load_whisper

        load_whisper(get_settings().daisy_data_dir)


def prepare_models(pipeline: str, settings: Settings) -> None:
    """Once, in the main process, before any job process starts: Whisper base is assembled from its
    packages here. Job processes that each found it missing built it at the same time (145 MB each)
    and ran past their start-up timeout."""
    if pipeline == "local":
        from daisy.voice.hearing.model import whisper_base_dir

        whisper_base_dir(settings.daisy_data_dir)


# How many calls one worker takes at once. The local pipeline runs Whisper on the worker's own CPU
# (≈0.3-1.5 s of both cores a turn); the cloud pipelines only carry audio. DAISY_MAX_CALLS overrides.
CALLS_PER_WORKER = {"local": 2, "cascade": 12, "realtime": 12}
# Per job process: the local pipeline holds Whisper (~150 MB), Silero and the end-of-turn model;
# a call measured ~435 MB at peak. Beyond the limit the job is killed rather than the machine.
JOB_MEMORY_LIMIT_MB = {"local": 1500, "cascade": 800, "realtime": 800}
IDLE_PROCESSES = {"local": 1, "cascade": 2, "realtime": 2}  # warm processes waiting for a call
START_TIMEOUT_S = {"local": 60.0, "cascade": 30.0, "realtime": 30.0}  # loading models on 2 busy cores


def capacity(pipeline: str) -> int:
    raw = os.environ.get("DAISY_MAX_CALLS", "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else CALLS_PER_WORKER.get(pipeline, 2)


def call_load(server: AgentServer) -> float:
    """The worker's load (0 to 1) as LiveKit uses it to route new calls: the busier of the CPU
    (1-minute load average per core) and the calls in progress against the worker's capacity."""
    pipeline = os.environ.get("DAISY_PIPELINE", "local")
    calls = len(server.active_jobs) / capacity(pipeline)
    try:
        cpu = os.getloadavg()[0] / (os.cpu_count() or 1)
    except OSError:  # no load average on this platform
        cpu = 0.0
    return min(1.0, max(calls, cpu))


def make_server() -> AgentServer:
    settings = get_settings()
    pipeline = os.environ.get("DAISY_PIPELINE", settings.daisy_pipeline)
    server = AgentServer(
        ws_url=settings.livekit_url, api_key=settings.livekit_api_key,
        api_secret=settings.livekit_api_secret, setup_fnc=prewarm, load_fnc=call_load,
        num_idle_processes=IDLE_PROCESSES.get(pipeline, 1),
        job_memory_warn_mb=JOB_MEMORY_LIMIT_MB.get(pipeline, 1000) * 0.7,
        job_memory_limit_mb=JOB_MEMORY_LIMIT_MB.get(pipeline, 1000),
        initialize_process_timeout=START_TIMEOUT_S.get(pipeline, 30.0),
    )
    server.rtc_session(entrypoint, agent_name=settings.daisy_agent_name)
    return server


def run_worker(mode: str, pipeline: str, lang: str, extra: list[str] | None = None) -> None:
    os.environ["DAISY_PIPELINE"] = pipeline
    os.environ["DAISY_LANG"] = lang
    prepare_models(pipeline, get_settings())
    sys.argv = ["daisy worker", mode, *(extra or [])]
    run_app(make_server())
