"""The JSON API on a seeded store: lists, filters, pagination, one call, docs, health."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from daisy.records.store import Store
from daisy.web.app import create_app

from .seed import LOCAL_URL, settings


def ids(response) -> list[str]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.text
    return [c["id"] for c in response.json()["items"]]


def test_list_is_newest_first_with_total(client: TestClient) -> None:
    r = client.get("/api/calls")
    body = r.json()
    assert body["total"] == 5 and body["limit"] == 50 and body["offset"] == 0
    assert ids(r) == ["call-running", "call-email", "call-callback", "call-lucia", "call-ramon"]
    ramon = body["items"][-1]
    assert ramon["driver_name"] == "Ramón Ibarra" and ramon["collected"] == 7 and ramon["total"] == 7
    assert ramon["outcome"] == "completed" and ramon["duration_s"] > 0


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("outcome=completed", ["call-ramon"]),
        ("outcome=unfinished", ["call-running"]),
        ("direction=outbound", ["call-email"]),
        ("search=RYJ400", ["call-ramon"]),
        ("search=ryj-400", ["call-ramon"]),  # plates found however they are typed
        ("search=ramon", ["call-ramon"]),  # accents folded
        ("search=xzk", ["call-lucia"]),
        ("search=5598765432", ["call-lucia"]),  # the caller's number
        ("search=chofer@example", ["call-email"]),  # the follow-up address
        ("since=2026-03-04", ["call-running", "call-email"]),
        ("until=2026-03-02", ["call-ramon"]),  # a bare date is the whole day
        ("since=2026-03-03&until=2026-03-03", ["call-callback", "call-lucia"]),
        ("since=2026-03-03T00:00:00Z&until=2026-03-03T16:00:00Z", ["call-lucia"]),
        ("search=nobody-has-this", []),
        ("outcome=&search=", ["call-running", "call-email", "call-callback", "call-lucia", "call-ramon"]),
    ],
)
def test_filters(client: TestClient, query: str, expected: list[str]) -> None:
    r = client.get(f"/api/calls?{query}")
    assert ids(r) == expected
    assert r.json()["total"] == len(expected)


def test_pagination(client: TestClient) -> None:
    first = client.get("/api/calls?limit=2").json()
    second = client.get("/api/calls?limit=2&offset=2").json()
    last = client.get("/api/calls?limit=2&offset=4").json()
    assert first["total"] == second["total"] == last["total"] == 5
    pages = [c["id"] for p in (first, second, last) for c in p["items"]]
    assert len(pages) == len(set(pages)) == 5
    assert client.get("/api/calls?offset=99").json()["items"] == []


def test_one_call_has_fields_transcript_latency(client: TestClient) -> None:
    call = client.get("/api/calls/call-ramon").json()
    assert [f["key"] for f in call["fields"]] == [
        "driver_name", "tractor_number", "tractor_plates", "trailer_number", "trailer_plates", "eta", "email",
    ]
    plates = next(f for f in call["fields"] if f["key"] == "tractor_plates")
    assert plates["value"] == "RYJ400" and plates["confirmed"] and plates["source"] == "speech"
    assert plates["attempts"] == 1
    assert call["turns"][0]["role"] == "daisy"
    assert any(t["latency_ms"] and t["latency_ms"]["total"] == 700.0 for t in call["turns"])
    assert [t["seq"] for t in call["turns"]] == sorted(t["seq"] for t in call["turns"])


def test_follow_ups_in_api(client: TestClient) -> None:
    callback = client.get("/api/calls/call-callback").json()
    assert callback["follow_up_channel"] == "callback"
    assert callback["callback_at"].startswith("2026-03-03T18:30")
    email = client.get("/api/calls/call-email").json()
    assert email["follow_up_channel"] == "email" and email["follow_up_address"] == "chofer@example.com"


@pytest.mark.parametrize("call_id", ["nope", "call-ramon2", "x" * 65, "%00", "a%20b", "é", "..%2F..%2Fetc"])
def test_unknown_call_is_404(client: TestClient, call_id: str) -> None:
    r = client.get(f"/api/calls/{call_id}")
    assert r.status_code == 404
    assert "detail" in r.json()


@pytest.mark.parametrize(
    "query",
    [
        "since=notadate", "until=2026-13-01", "since=2026-02-30", "since=0000-01-01",
        "since=9999-12-31T23:59-12:00",
        "until=9999-12-31", "since=2026-03-05&until=2026-03-01", "limit=-1", "limit=0", "limit=1001",
        "limit=abc", "offset=-5", "offset=1.5", "outcome=won", "outcome=COMPLETED", "direction=sideways",
        "search=" + "a" * 201, "search=%00", "search=a%0Ab", "limit=99999999999999999999999",
    ],
)
def test_bad_filters_are_422(client: TestClient, query: str) -> None:
    r = client.get(f"/api/calls?{query}")
    assert r.status_code == 422, (query, r.status_code, r.text)
    assert "detail" in r.json()


def test_validation_errors_do_not_echo_input(client: TestClient) -> None:
    r = client.get("/api/calls?limit=+525512345678x")
    assert r.status_code == 422 and "525512345678" not in r.text


def test_unknown_route_and_method(client: TestClient) -> None:
    assert client.get("/api/nothing").status_code == 404
    assert client.post("/api/calls").status_code == 405
    assert client.delete("/api/calls/call-ramon").status_code == 405


def test_openapi_and_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/calls", "/api/calls/{call_id}", "/healthz"} <= set(spec["paths"])
    assert "/" not in spec["paths"]  # the HTML pages are not part of the API
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()


def test_healthz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok"}


def test_healthz_reports_a_dead_database(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    class Broken:
        def count_calls(self, **_: object) -> int:
            raise RuntimeError("gone")

    with TestClient(create_app(Broken(), settings()), base_url=LOCAL_URL) as c:  # type: ignore[arg-type]
        r = c.get("/healthz")
    assert r.status_code == 503 and r.json()["status"] == "error"


def test_same_answers_on_sqlite_and_postgresql(any_store: Store) -> None:
    with TestClient(create_app(any_store, settings()), base_url=LOCAL_URL) as c:
        assert ids(c.get("/api/calls?search=ryj 400")) == ["call-ramon"]
        assert ids(c.get("/api/calls?since=2026-03-03&until=2026-03-03")) == ["call-callback", "call-lucia"]
        assert c.get("/api/calls/call-lucia").json()["driver_name"] == "Lucía Fernández"
        assert c.get("/api/calls?since=notadate").status_code == 422
        assert c.get("/api/calls/%00").status_code == 404
        assert c.get("/api/calls?search=%00").status_code == 422


def test_a_failing_database_is_a_503_without_details_in_logs(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    from sqlalchemy.exc import OperationalError

    class Failing:
        def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
            def fail(*args: object, **kwargs: object) -> None:
                raise OperationalError("SELECT … LIKE ?", ("%ryj400%",), Exception("locked"))

            return fail

    app = create_app(Failing(), settings())  # type: ignore[arg-type]
    with TestClient(app, base_url=LOCAL_URL, raise_server_exceptions=False) as c:
        with caplog.at_level("INFO", logger="daisy"):
            assert c.get("/api/calls?search=RYJ400").status_code == 503
            assert c.get("/api/calls/call-ramon").status_code == 503
            assert c.get("/calls/call-ramon", headers={"accept": "text/html"}).status_code == 503
    assert "OperationalError" in caplog.text and "ryj400" not in caplog.text.lower()


def test_openapi_documents_the_bearer_token(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"


@pytest.mark.parametrize(
    "query", ["since=notadate", "limit=-1", "outcome=won", "search=a%01b", "until=2026-02-30"]
)
def test_every_422_has_the_documented_shape(client: TestClient, query: str) -> None:
    detail = client.get(f"/api/calls?{query}").json()["detail"]
    assert isinstance(detail, list) and detail
    assert {"loc", "msg", "type"} <= set(detail[0]) and detail[0]["loc"][0] == "query"
    assert detail[0]["loc"][1] == query.split("=")[0]
