"""The dashboard pages, exports and recordings, rendered from a seeded store."""

from __future__ import annotations

import csv
import io
import json
import logging
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from daisy.records.store import Store
from daisy.web.app import create_app
from daisy.web.exports import calls_csv

from .seed import LOCAL_URL, RAMON, settings, write_call


def test_list_shows_every_call(client: TestClient) -> None:
    page = client.get("/").text
    for text in ("Ramón Ibarra", "Lucía Fernández", "+525511112222", "7/7", "4/7", "completed", "unfinished"):
        assert text in page
    assert page.count('href="/calls/call-') >= 5


def test_search_by_plate_and_filters(client: TestClient) -> None:
    page = client.get("/?search=xzk-9081").text
    assert "Lucía Fernández" in page and "Ramón Ibarra" not in page
    page = client.get("/?outcome=completed&since=2026-03-01&until=2026-03-02").text
    assert "Ramón Ibarra" in page and "Lucía" not in page
    assert 'value="completed" selected' in page
    assert "/export.csv?outcome=completed" in page  # exports keep the filters


def test_pagination_links(client: TestClient) -> None:
    page = client.get("/?limit=2").text
    assert "Anteriores" in page and "Más recientes" not in page
    page = client.get("/?limit=2&offset=4").text
    assert "Más recientes" in page and "Anteriores" not in page


@pytest.mark.parametrize(
    "query", ["since=notadate", "limit=-1", "limit=x", "outcome=won", "until=2026-02-31", "offset=-1",
              "search=%00"],
)
def test_bad_filters_give_a_400_page(client: TestClient, query: str) -> None:
    r = client.get(f"/?{query}", headers={"accept": "text/html"})
    assert r.status_code == 400 and "Volver a las llamadas" in r.text


def test_call_page(client: TestClient) -> None:
    page = client.get("/calls/call-ramon").text
    for text in ("Ramón Ibarra", "RYJ400", "ABC1234", "17:45", "ramon.ibarra@example.com", "confirmado",
                 "Placas del tractor", "¿Me dices tu nombre completo?", "700 ms", "fin de turno 300 ms"):
        assert text in page, text


def test_call_page_follow_ups(client: TestClient) -> None:
    assert "Volver a llamar el" in client.get("/calls/call-callback").text
    page = client.get("/calls/call-email").text
    assert "por correo a" in page and "chofer@example.com" in page
    assert "Grabación" not in page


def test_unknown_call_page(client: TestClient) -> None:
    r = client.get("/calls/nope", headers={"accept": "text/html"})
    assert r.status_code == 404 and "No encontrado" in r.text
    assert client.get("/calls/nope/recording").status_code == 404


def test_recording(store: Store, tmp_path: Path) -> None:
    audio = tmp_path / "recordings" / "call-ramon.ogg"
    audio.parent.mkdir()
    audio.write_bytes(b"OggS fake audio")
    store.set_recording("call-ramon", "recordings/call-ramon.ogg")  # relative to the data dir
    store.set_recording("call-lucia", "https://recordings.example/lucia.ogg")
    store.set_recording("call-email", str(tmp_path / "missing.ogg"))
    with TestClient(create_app(store, settings(daisy_data_dir=tmp_path)), base_url=LOCAL_URL) as c:
        page = c.get("/calls/call-ramon").text
        assert 'src="/calls/call-ramon/recording"' in page
        assert c.get("/calls/call-ramon/recording").content == b"OggS fake audio"
        assert 'href="https://recordings.example/lucia.ogg"' in c.get("/calls/call-lucia").text
        assert c.get("/calls/call-email/recording").status_code == 404


def test_csv_export_of_the_filtered_list(client: TestClient) -> None:
    client.cookies.set("daisy_lang", "en")  # the column names as the API names them
    r = client.get("/export.csv?outcome=completed")
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 1
    assert rows[0]["tractor_plates"] == "RYJ400" and rows[0]["driver_name"] == "Ramón Ibarra"
    assert rows[0]["caller_number"] == "+525512345678"  # phone numbers are not mangled
    everything = list(csv.DictReader(io.StringIO(client.get("/export.csv").text)))
    assert [row["id"] for row in everything] == [
        "call-running", "call-email", "call-callback", "call-lucia", "call-ramon"  # as the list shows them
    ]
    assert everything[-1]["email"] == "ramon.ibarra@example.com" and everything[0]["email"] == ""


def test_json_export_of_the_filtered_list(client: TestClient) -> None:
    calls = json.loads(client.get("/export.json?search=ryj400").text)
    assert [c["id"] for c in calls] == ["call-ramon"]
    assert calls[0]["record"]["tractor_plates"] == "RYJ400" and len(calls[0]["turns"]) > 10
    assert client.get("/export.json?since=nope").status_code == 400


def test_csv_cells_cannot_run_formulas(store: Store) -> None:
    evil = {**RAMON, "driver_name": '=HYPERLINK("x")', "email": "@SUM(1)"}
    write_call(store.call_log(), "call-evil", evil)
    text = calls_csv([c for c in store.export_calls() if c.id == "call-evil"])
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["driver_name"].startswith("'=") and row["email"].startswith("'@")


def test_pages_escape_what_callers_said(store: Store) -> None:
    write_call(store.call_log(), "call-xss", {"driver_name": "<script>alert(1)</script>"})
    with TestClient(create_app(store, settings()), base_url=LOCAL_URL) as c:
        assert "<script>alert(1)" not in c.get("/calls/call-xss").text
        assert "<script>alert(1)" not in c.get("/").text


def test_nothing_personal_in_info_logs(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="daisy"):
        client.get("/?search=Ramón Ibarra")
        client.get("/api/calls?search=RYJ400")
        client.get("/api/calls?search=%2B525512345678")
        client.get("/export.csv?search=chofer@example.com")
        client.get("/calls/call-ramon")
        client.post("/login", data={"token": "whatever"})
    logged = "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.INFO)
    assert "GET /api/calls 200" in logged  # the access log is there…
    for secret in ("Ramón", "Ramon", "RYJ400", "525512345678", "chofer", "whatever"):  # …without the data
        assert secret not in logged


def test_security_headers(client: TestClient) -> None:
    r = client.get("/")
    assert r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "same-origin"


def test_whatsapp_follow_up_defaults_to_the_calling_number(store: Store) -> None:
    from daisy.core.state import FollowUp, Outcome

    write_call(store.call_log(), "call-wa", {}, caller="+525577778888", outcome=Outcome.WHATSAPP,
               follow_up=FollowUp("whatsapp"))
    with TestClient(create_app(store, settings()), base_url=LOCAL_URL) as c:
        page = c.get("/calls/call-wa").text
    assert "por WhatsApp a" in page and "+525577778888" in page
