"""An in-process stand-in for LiveKit's server API (Twirp over HTTP, on 127.0.0.1).

It decodes each request body with the livekit-protocol message of the method (protobuf, or JSON when
the client sends JSON), checks the bearer token is signed with the test secret and carries the
grant the method needs, keeps trunks, rules, rooms, dispatches and egresses in memory, and answers with the
real response messages. Tests read `requests` to assert exactly what the client sent.
"""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
from google.protobuf.json_format import MessageToJson, Parse
from google.protobuf.message import DecodeError, Message
from livekit.protocol import agent_dispatch as ad
from livekit.protocol import egress as eg
from livekit.protocol import models, room, sip

API_KEY = "test-key"
API_SECRET = "test-secret-that-is-long-enough-for-hs256"


class TwirpFailure(Exception):
    def __init__(self, status: int, code: str, msg: str, meta: dict[str, str] | None = None) -> None:
        super().__init__(msg)
        self.status, self.code, self.msg, self.meta = status, code, msg, meta or {}


@dataclass
class Method:
    request: type[Message]
    handler: Callable[[Any], Message]
    grant: Callable[[dict[str, Any]], bool]


def _sip_admin(claims: dict[str, Any]) -> bool:
    return bool(claims.get("sip", {}).get("admin"))


def _sip_call(claims: dict[str, Any]) -> bool:
    return bool(claims.get("sip", {}).get("call"))


def _room_create(claims: dict[str, Any]) -> bool:
    return bool(claims.get("video", {}).get("roomCreate"))


def _room_list(claims: dict[str, Any]) -> bool:
    return bool(claims.get("video", {}).get("roomList"))


def _room_admin(claims: dict[str, Any]) -> bool:
    return bool(claims.get("video", {}).get("roomAdmin"))


def _room_record(claims: dict[str, Any]) -> bool:
    return bool(claims.get("video", {}).get("roomRecord"))


class FakeLiveKit:
    def __init__(self, api_key: str = API_KEY, api_secret: str = API_SECRET) -> None:
        self.api_key, self.api_secret = api_key, api_secret
        self.inbound: dict[str, sip.SIPInboundTrunkInfo] = {}
        self.outbound: dict[str, sip.SIPOutboundTrunkInfo] = {}
        self.rules: dict[str, sip.SIPDispatchRuleInfo] = {}
        self.rooms: dict[str, models.Room] = {}
        self.dispatches: list[ad.AgentDispatch] = []
        self.participants: list[sip.CreateSIPParticipantRequest] = []
        self.transfers: list[sip.TransferSIPParticipantRequest] = []
        self.egresses: dict[str, eg.EgressInfo] = {}
        self.requests: list[tuple[str, Message]] = []
        self.content_types: list[str] = []
        # Numbers that fail to answer: number -> (SIP code, reason).
        self.unreachable: dict[str, tuple[int, str]] = {}
        self.transfer_status = sip.SIPTransferStatus.STS_TRANSFER_SUCCESSFUL
        # Called (from the server thread) when a dialled phone answers, as the voice worker would be.
        self.on_answer: Callable[[sip.CreateSIPParticipantRequest], None] | None = None
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self.methods: dict[str, Method] = {
            "livekit.SIP/CreateSIPInboundTrunk": Method(
                sip.CreateSIPInboundTrunkRequest, self._create_inbound, _sip_admin
            ),
            "livekit.SIP/UpdateSIPInboundTrunk": Method(
                sip.UpdateSIPInboundTrunkRequest, self._update_inbound, _sip_admin
            ),
            "livekit.SIP/UpdateSIPDispatchRule": Method(
                sip.UpdateSIPDispatchRuleRequest, self._update_rule, _sip_admin
            ),
            "livekit.SIP/ListSIPInboundTrunk": Method(
                sip.ListSIPInboundTrunkRequest, self._list_inbound, _sip_admin
            ),
            "livekit.SIP/CreateSIPOutboundTrunk": Method(
                sip.CreateSIPOutboundTrunkRequest, self._create_outbound, _sip_admin
            ),
            "livekit.SIP/ListSIPOutboundTrunk": Method(
                sip.ListSIPOutboundTrunkRequest, self._list_outbound, _sip_admin
            ),
            "livekit.SIP/DeleteSIPTrunk": Method(sip.DeleteSIPTrunkRequest, self._delete_trunk, _sip_admin),
            "livekit.SIP/CreateSIPDispatchRule": Method(
                sip.CreateSIPDispatchRuleRequest, self._create_rule, _sip_admin
            ),
            "livekit.SIP/ListSIPDispatchRule": Method(
                sip.ListSIPDispatchRuleRequest, self._list_rules, _sip_admin
            ),
            "livekit.SIP/DeleteSIPDispatchRule": Method(
                sip.DeleteSIPDispatchRuleRequest, self._delete_rule, _sip_admin
            ),
            "livekit.SIP/CreateSIPParticipant": Method(
                sip.CreateSIPParticipantRequest, self._create_participant, _sip_call
            ),
            "livekit.SIP/TransferSIPParticipant": Method(
                sip.TransferSIPParticipantRequest, self._transfer, _sip_call
            ),
            "livekit.RoomService/CreateRoom": Method(room.CreateRoomRequest, self._create_room, _room_create),
            "livekit.RoomService/ListRooms": Method(room.ListRoomsRequest, self._list_rooms, _room_list),
            "livekit.RoomService/DeleteRoom": Method(room.DeleteRoomRequest, self._delete_room, _room_create),
            "livekit.AgentDispatchService/CreateDispatch": Method(
                ad.CreateAgentDispatchRequest, self._create_dispatch, _room_admin
            ),
            "livekit.Egress/StartRoomCompositeEgress": Method(
                eg.RoomCompositeEgressRequest, self._start_room_egress, _room_record
            ),
            "livekit.Egress/ListEgress": Method(eg.ListEgressRequest, self._list_egress, _room_record),
        }
        self._server: ThreadingHTTPServer | None = None

    # --- lifecycle -------------------------------------------------------------------------------

    def start(self) -> FakeLiveKit:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status, ctype, payload = fake.handle(self.path, dict(self.headers), body)
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def sent(self, method: str) -> list[Any]:
        """The decoded requests of one method (e.g. "CreateSIPInboundTrunk"), in order."""
        return [req for name, req in self.requests if name == method]

    # --- transport -------------------------------------------------------------------------------

    def handle(self, path: str, headers: dict[str, str], body: bytes) -> tuple[int, str, bytes]:
        headers = {k.lower(): v for k, v in headers.items()}
        try:
            route = path.removeprefix("/twirp/")
            method = self.methods.get(route)
            if method is None:
                raise TwirpFailure(404, "bad_route", f"no such method {route}")
            claims = self._authenticate(headers.get("authorization", ""))
            if not method.grant(claims):
                raise TwirpFailure(403, "permission_denied", "missing grant")
            ctype = headers.get("content-type", "").split(";")[0].strip()
            self.content_types.append(ctype)
            try:
                if ctype == "application/json":
                    req = Parse(body.decode() or "{}", method.request())
                else:
                    req = method.request.FromString(body)
            except (DecodeError, ValueError) as e:
                raise TwirpFailure(400, "malformed", str(e)) from None
            with self._lock:
                self.requests.append((route.split("/")[1], req))
                resp = method.handler(req)
            if ctype == "application/json":
                return 200, "application/json", MessageToJson(resp).encode()
            return 200, "application/protobuf", resp.SerializeToString()
        except TwirpFailure as f:
            err = {"code": f.code, "msg": f.msg, "meta": f.meta}
            return f.status, "application/json", json.dumps(err).encode()

    def _authenticate(self, header: str) -> dict[str, Any]:
        if not header.startswith("Bearer "):
            raise TwirpFailure(401, "unauthenticated", "no bearer token")
        try:
            claims = jwt.decode(header[7:], self.api_secret, algorithms=["HS256"], leeway=60)
        except jwt.PyJWTError as e:
            raise TwirpFailure(401, "unauthenticated", f"invalid token: {e}") from None
        if claims.get("iss") != self.api_key:
            raise TwirpFailure(401, "unauthenticated", "unknown API key")
        return claims

    def _id(self, prefix: str) -> str:
        return f"{prefix}_{next(self._ids):04d}"

    # --- SIP -------------------------------------------------------------------------------------

    def _create_inbound(self, req: sip.CreateSIPInboundTrunkRequest) -> sip.SIPInboundTrunkInfo:
        for other in self.inbound.values():
            if set(other.numbers) & set(req.trunk.numbers):
                raise TwirpFailure(400, "invalid_argument", "conflicting inbound trunk for the number")
        info = sip.SIPInboundTrunkInfo()
        info.CopyFrom(req.trunk)
        info.sip_trunk_id = self._id("ST")
        self.inbound[info.sip_trunk_id] = info
        return info

    def _update_inbound(self, req: sip.UpdateSIPInboundTrunkRequest) -> sip.SIPInboundTrunkInfo:
        if req.sip_trunk_id not in self.inbound:
            raise TwirpFailure(404, "not_found", "no such trunk")
        if not req.HasField("replace"):
            raise TwirpFailure(501, "unimplemented", "the fake only does replace")
        info = sip.SIPInboundTrunkInfo()
        info.CopyFrom(req.replace)
        info.sip_trunk_id = req.sip_trunk_id
        self.inbound[req.sip_trunk_id] = info
        return info

    def _list_inbound(self, req: sip.ListSIPInboundTrunkRequest) -> sip.ListSIPInboundTrunkResponse:
        items = [
            t
            for t in self.inbound.values()
            if (not req.trunk_ids or t.sip_trunk_id in req.trunk_ids)
            and (not req.numbers or set(t.numbers) & set(req.numbers))
        ]
        return sip.ListSIPInboundTrunkResponse(items=items)

    def _create_outbound(self, req: sip.CreateSIPOutboundTrunkRequest) -> sip.SIPOutboundTrunkInfo:
        info = sip.SIPOutboundTrunkInfo()
        info.CopyFrom(req.trunk)
        info.sip_trunk_id = self._id("ST")
        self.outbound[info.sip_trunk_id] = info
        return info

    def _list_outbound(self, req: sip.ListSIPOutboundTrunkRequest) -> sip.ListSIPOutboundTrunkResponse:
        items = [
            t
            for t in self.outbound.values()
            if (not req.trunk_ids or t.sip_trunk_id in req.trunk_ids)
            and (not req.numbers or set(t.numbers) & set(req.numbers))
        ]
        return sip.ListSIPOutboundTrunkResponse(items=items)

    def _delete_trunk(self, req: sip.DeleteSIPTrunkRequest) -> sip.SIPTrunkInfo:
        if (
            self.inbound.pop(req.sip_trunk_id, None) is None
            and self.outbound.pop(req.sip_trunk_id, None) is None
        ):
            raise TwirpFailure(404, "not_found", "no such trunk")
        return sip.SIPTrunkInfo(sip_trunk_id=req.sip_trunk_id)

    def _create_rule(self, req: sip.CreateSIPDispatchRuleRequest) -> sip.SIPDispatchRuleInfo:
        info = sip.SIPDispatchRuleInfo()
        if req.HasField("dispatch_rule"):
            info.CopyFrom(req.dispatch_rule)
        else:
            info.rule.CopyFrom(req.rule)
            info.trunk_ids.extend(req.trunk_ids)
            info.name, info.metadata = req.name, req.metadata
            info.room_config.CopyFrom(req.room_config)
        for trunk_id in info.trunk_ids:
            if trunk_id not in self.inbound:
                raise TwirpFailure(400, "invalid_argument", f"unknown trunk {trunk_id!r}")
        info.sip_dispatch_rule_id = self._id("SDR")
        self.rules[info.sip_dispatch_rule_id] = info
        return info

    def _update_rule(self, req: sip.UpdateSIPDispatchRuleRequest) -> sip.SIPDispatchRuleInfo:
        if req.sip_dispatch_rule_id not in self.rules:
            raise TwirpFailure(404, "not_found", "no such rule")
        if not req.HasField("replace"):
            raise TwirpFailure(501, "unimplemented", "the fake only does replace")
        info = sip.SIPDispatchRuleInfo()
        info.CopyFrom(req.replace)
        info.sip_dispatch_rule_id = req.sip_dispatch_rule_id
        self.rules[req.sip_dispatch_rule_id] = info
        return info

    def _list_rules(self, req: sip.ListSIPDispatchRuleRequest) -> sip.ListSIPDispatchRuleResponse:
        items = [
            r
            for r in self.rules.values()
            if (not req.dispatch_rule_ids or r.sip_dispatch_rule_id in req.dispatch_rule_ids)
            and (not req.trunk_ids or not r.trunk_ids or set(r.trunk_ids) & set(req.trunk_ids))
        ]
        return sip.ListSIPDispatchRuleResponse(items=items)

    def _delete_rule(self, req: sip.DeleteSIPDispatchRuleRequest) -> sip.SIPDispatchRuleInfo:
        rule = self.rules.pop(req.sip_dispatch_rule_id, None)
        if rule is None:
            raise TwirpFailure(404, "not_found", "no such rule")
        return rule

    def _create_participant(self, req: sip.CreateSIPParticipantRequest) -> sip.SIPParticipantInfo:
        if req.sip_trunk_id not in self.outbound:
            raise TwirpFailure(400, "invalid_argument", "unknown outbound trunk")
        self.participants.append(req)
        if req.sip_call_to in self.unreachable:
            code, reason = self.unreachable[req.sip_call_to]
            meta = {"sip_status_code": str(code), "sip_status": reason}
            raise TwirpFailure(400, "resource_exhausted", "call failed", meta)
        if self.on_answer is not None:
            self.on_answer(req)
        return sip.SIPParticipantInfo(
            participant_id=self._id("PA"),
            participant_identity=req.participant_identity,
            room_name=req.room_name,
            sip_call_id=self._id("SCL"),
        )

    def _transfer(self, req: sip.TransferSIPParticipantRequest) -> sip.TransferSIPParticipantResponse:
        if req.room_name not in self.rooms:
            raise TwirpFailure(404, "not_found", "no such room")
        self.transfers.append(req)
        return sip.TransferSIPParticipantResponse(transfer_id=self._id("TR"), status=self.transfer_status)

    # --- rooms and dispatch ----------------------------------------------------------------------

    def _create_room(self, req: room.CreateRoomRequest) -> models.Room:
        existing = self.rooms.get(req.name)
        if existing is not None:
            return existing
        created = models.Room(
            sid=self._id("RM"), name=req.name, metadata=req.metadata, empty_timeout=req.empty_timeout
        )
        self.rooms[req.name] = created
        return created

    def _list_rooms(self, req: room.ListRoomsRequest) -> room.ListRoomsResponse:
        return room.ListRoomsResponse(
            rooms=[r for r in self.rooms.values() if not req.names or r.name in req.names]
        )

    def _delete_room(self, req: room.DeleteRoomRequest) -> room.DeleteRoomResponse:
        if self.rooms.pop(req.room, None) is None:
            raise TwirpFailure(404, "not_found", "no such room")
        return room.DeleteRoomResponse()

    def _create_dispatch(self, req: ad.CreateAgentDispatchRequest) -> ad.AgentDispatch:
        if req.room not in self.rooms:
            raise TwirpFailure(404, "not_found", "no such room")
        dispatch = ad.AgentDispatch(
            id=self._id("AD"), agent_name=req.agent_name, room=req.room, metadata=req.metadata
        )
        self.dispatches.append(dispatch)
        return dispatch

    # --- egress ----------------------------------------------------------------------------------

    def _start_room_egress(self, req: eg.RoomCompositeEgressRequest) -> eg.EgressInfo:
        if req.room_name not in self.rooms:
            raise TwirpFailure(404, "not_found", "requested room does not exist")
        info = eg.EgressInfo(
            egress_id=self._id("EG"), room_id=self.rooms[req.room_name].sid, room_name=req.room_name,
            status=eg.EgressStatus.EGRESS_STARTING,
        )
        info.room_composite.CopyFrom(req)
        self.egresses[info.egress_id] = info
        return info

    def _list_egress(self, req: eg.ListEgressRequest) -> eg.ListEgressResponse:
        return eg.ListEgressResponse(
            items=[e for e in self.egresses.values() if not req.room_name or e.room_name == req.room_name]
        )
