"""A stand-in for Twilio's REST API: a local HTTP server on 127.0.0.1 that the real SDK reaches
through its own transport (requests), only the host swapped (`LocalTwilioHttp`).

It checks the basic-auth credentials (401 otherwise), keeps trunks, origination URLs and numbers in
memory, and answers in the JSON shapes the SDK parses.
"""

from __future__ import annotations

import base64
import itertools
import json
import logging
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from twilio.http import HttpClient
from twilio.http.http_client import TwilioHttpClient
from twilio.http.response import Response

SID = "AC" + "0" * 32
TOKEN = "test-token"


class FakeTwilio(HttpClient):
    def __init__(self, numbers: dict[str, str] | None = None) -> None:
        super().__init__(logging.getLogger("fake-twilio"), is_async=False)
        self.trunks: dict[str, dict[str, Any]] = {}
        self.origination: dict[str, list[dict[str, Any]]] = {}
        self.attached: dict[str, list[dict[str, Any]]] = {}
        self.numbers = numbers if numbers is not None else {"+15551234567": "PN" + "1" * 32}
        self.cred_lists: dict[str, dict[str, Any]] = {}
        self.creds: dict[str, list[dict[str, Any]]] = {}  # credential list sid -> credentials
        self.trunk_cred_lists: dict[str, list[dict[str, Any]]] = {}
        self.calls: list[tuple[str, str, dict[str, Any]]] = []  # (method, path, data)
        self._ids = itertools.count(1)

    def _sid(self, prefix: str) -> str:
        return f"{prefix}{next(self._ids):032d}"

    def request(
        self,
        method: str,
        uri: str,
        params: dict[str, object] | None = None,
        data: dict[str, object] | None = None,
        headers: dict[str, str] | None = None,
        auth: tuple[str, str] | None = None,
        timeout: float | None = None,
        allow_redirects: bool = False,
    ) -> Response:
        path = re.sub(r"^https://[^/]+", "", uri)
        self.calls.append((method, path, dict(data or {})))
        if auth != (SID, TOKEN):
            return self._json(401, {"code": 20003, "message": "Authenticate", "status": 401})
        if m := re.fullmatch(r"/2010-04-01/Accounts/(\w+)/IncomingPhoneNumbers\.json", path):
            wanted = (params or {}).get("PhoneNumber")
            found = [{"sid": s, "phone_number": n} for n, s in self.numbers.items() if n == wanted]
            return self._json(200, {"incoming_phone_numbers": found, "next_page_uri": None, "page": 0})
        if re.fullmatch(r"/2010-04-01/Accounts/\w+/SIP/CredentialLists\.json", path):
            if method == "GET":
                return self._json(
                    200, {"credential_lists": list(self.cred_lists.values()), "next_page_uri": None}
                )
            entry = {"sid": self._sid("CL"), "friendly_name": data["FriendlyName"]}
            self.cred_lists[entry["sid"]], self.creds[entry["sid"]] = entry, []
            return self._json(201, entry)
        if m := re.fullmatch(
            r"/2010-04-01/Accounts/\w+/SIP/CredentialLists/(\w+)/Credentials(?:/(\w+))?\.json", path
        ):
            cl, cred_sid = m.groups()
            if method == "GET":
                public = [{k: v for k, v in c.items() if k != "password"} for c in self.creds[cl]]
                return self._json(200, {"credentials": public, "next_page_uri": None})
            if cred_sid:
                cred = next(c for c in self.creds[cl] if c["sid"] == cred_sid)
                cred["password"] = data["Password"]
                return self._json(200, {"sid": cred_sid, "username": cred["username"]})
            cred = {"sid": self._sid("CR"), "username": data["Username"], "password": data["Password"]}
            self.creds[cl].append(cred)
            return self._json(201, {"sid": cred["sid"], "username": cred["username"]})
        if m := re.fullmatch(r"/v1/Trunks/(\w+)/CredentialLists", path):
            sid = m.group(1)
            attached = self.trunk_cred_lists.setdefault(sid, [])
            if method == "GET":
                return self._page("credential_lists", attached)
            entry = {"sid": data["CredentialListSid"], "trunk_sid": sid}
            attached.append(entry)
            return self._json(201, entry)
        if path == "/v1/Trunks":
            if method == "GET":
                return self._page("trunks", list(self.trunks.values()))
            trunk = {
                "sid": self._sid("TK"),
                "friendly_name": data["FriendlyName"],
                "domain_name": data["DomainName"],
                "transfer_mode": data.get("TransferMode", "disable-all"),
                "transfer_caller_id": data.get("TransferCallerId", "from-transferee"),
            }
            self.trunks[trunk["sid"]] = trunk
            self.origination[trunk["sid"]], self.attached[trunk["sid"]] = [], []
            return self._json(201, trunk)
        if (m := re.fullmatch(r"/v1/Trunks/(\w+)", path)) and method == "POST":
            trunk = self.trunks[m.group(1)]
            trunk["transfer_mode"] = data.get("TransferMode", trunk["transfer_mode"])
            trunk["transfer_caller_id"] = data.get("TransferCallerId", trunk["transfer_caller_id"])
            return self._json(200, trunk)
        if m := re.fullmatch(r"/v1/Trunks/(\w+)/OriginationUrls/(\w+)", path):
            url = next(u for u in self.origination[m.group(1)] if u["sid"] == m.group(2))
            url["sip_url"] = data.get("SipUrl", url["sip_url"])
            return self._json(200, url)
        if m := re.fullmatch(r"/v1/Trunks/(\w+)/(OriginationUrls|PhoneNumbers)", path):
            sid, what = m.groups()
            if sid not in self.trunks:
                return self._json(404, {"code": 20404, "message": "not found", "status": 404})
            if what == "OriginationUrls":
                if method == "GET":
                    return self._page("origination_urls", self.origination[sid])
                url = {"sid": self._sid("OU"), "trunk_sid": sid, "sip_url": data["SipUrl"], "priority": 10}
                self.origination[sid].append(url)
                return self._json(201, url)
            if method == "GET":
                return self._page("phone_numbers", self.attached[sid])
            number = next(n for n, s in self.numbers.items() if s == data["PhoneNumberSid"])
            entry = {"sid": data["PhoneNumberSid"], "trunk_sid": sid, "phone_number": number}
            self.attached[sid].append(entry)
            return self._json(201, entry)
        return self._json(404, {"code": 20404, "message": f"no route {path}", "status": 404})

    def writes(self) -> list[tuple[str, dict[str, Any]]]:
        return [(path, data) for method, path, data in self.calls if method == "POST"]

    @staticmethod
    def _json(status: int, body: dict[str, Any]) -> Response:
        return Response(status, json.dumps(body))

    def _page(self, key: str, items: list[dict[str, Any]]) -> Response:
        return self._json(200, {key: items, "meta": {"key": key, "next_page_url": None, "page": 0}})


class TwilioServer:
    """The fake's routes behind a real HTTP server on 127.0.0.1 (form bodies, basic auth, JSON)."""

    def __init__(self, fake: FakeTwilio) -> None:
        self.fake = fake
        router = fake

        class Handler(BaseHTTPRequestHandler):
            def _serve(self) -> None:
                url = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode() if length else ""
                auth = None
                if (header := self.headers.get("Authorization", "")).startswith("Basic "):
                    user, _, password = base64.b64decode(header[6:]).decode().partition(":")
                    auth = (user, password)
                response = router.request(self.command, url.path, params=dict(parse_qsl(url.query)),
                                          data=dict(parse_qsl(body)), auth=auth)
                payload = response.text.encode()
                self.send_response(response.status_code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_DELETE = _serve  # noqa: N815 (http.server's naming)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def client(self) -> LocalTwilioHttp:
        return LocalTwilioHttp(self.url)

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class LocalTwilioHttp(TwilioHttpClient):
    """The SDK's own HTTP client (requests, its retries and encoding), sent to the local server."""

    def __init__(self, base: str) -> None:
        super().__init__()
        self.base = base

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Response:  # type: ignore[override]
        return super().request(method, re.sub(r"^https://[^/]+", self.base, url), *args, **kwargs)
