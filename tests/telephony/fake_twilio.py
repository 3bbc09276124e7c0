"""A stand-in for Twilio's REST API at the SDK's HTTP-client level: no request leaves the process.

It checks the basic-auth credentials (401 otherwise), keeps trunks, origination URLs and numbers in
memory, and answers in the JSON shapes the SDK parses.
"""

from __future__ import annotations

import itertools
import json
import logging
import re
from typing import Any

from twilio.http import HttpClient
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
            }
            self.trunks[trunk["sid"]] = trunk
            self.origination[trunk["sid"]], self.attached[trunk["sid"]] = [], []
            return self._json(201, trunk)
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
