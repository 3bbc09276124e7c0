"""The dashboard speaks Mexican Spanish unless this browser switched it to English."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import daisy.web
from daisy.web import i18n

HTML = {"accept": "text/html"}
TEMPLATES = Path(daisy.web.__file__).parent / "templates"


def template_keys() -> set[str]:
    """Every literal key the templates pass to t() (not those put together, like 'latency.' ~ part)."""
    found: set[str] = set()
    for page in TEMPLATES.glob("*.html"):
        found |= set(re.findall(r"""\bt\(\s*["']([\w.]+)["']\s*[,)]""", page.read_text()))
    return found


def switch(client: TestClient, to: str, back: str = "/") -> None:
    r = client.post("/lang", data={"to": to, "next": back}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == back


def test_every_message_exists_in_both_languages() -> None:
    assert set(i18n.MESSAGES["es"]) == set(i18n.MESSAGES["en"])
    for key, es in i18n.MESSAGES["es"].items():  # the same {placeholders} on both sides
        assert set(re.findall(r"{(\w+)}", es)) == set(re.findall(r"{(\w+)}", i18n.MESSAGES["en"][key])), key


def test_every_key_a_template_uses_is_in_the_catalog() -> None:
    used = template_keys()
    assert {"calls.title", "call.transcript", "login.title", "overview.fields"} <= used
    assert used <= set(i18n.MESSAGES["es"]), used - set(i18n.MESSAGES["es"])


def test_the_list_is_in_spanish_by_default(client: TestClient) -> None:
    page = client.get("/").text
    assert '<html lang="es-MX">' in page
    for text in ("Llamadas", "Buscar", "Resultado", "Dirección", "Exportar esta lista", "completada",
                 "sin terminar", "entrante", "saliente", "Operador", "Resumen"):
        assert text in page, text
    for english in ("Outcome", "Direction", "Export this list", ">completed<", "Driver"):
        assert english not in page, english


def test_a_call_in_spanish(client: TestClient) -> None:
    page = client.get("/calls/call-ramon").text
    for text in ("Transcripción", "Placas del tractor", "✔ confirmado", "7/7 confirmados", "voz",
                 "Lecturas", "fin de turno 300 ms"):
        assert text in page, text


def test_the_switch_to_english_is_remembered_by_this_browser(client: TestClient) -> None:
    switch(client, "en", "/calls/call-ramon")
    page = client.get("/calls/call-ramon").text
    assert '<html lang="en">' in page and "Transcript" in page and "Tractor plates" in page
    assert "Transcripción" not in page and ">Español<" in page
    assert "Calls" in client.get("/").text
    switch(client, "es")
    assert "Transcripción" in client.get("/calls/call-ramon").text


def test_an_unknown_language_is_spanish(client: TestClient) -> None:
    switch(client, "klingon")
    assert client.cookies.get(i18n.COOKIE) == "es"
    client.cookies.set(i18n.COOKIE, "fr")
    assert '<html lang="es-MX">' in client.get("/").text


def test_the_switch_never_leaves_the_site(client: TestClient) -> None:
    r = client.post("/lang", data={"to": "en", "next": "https://evil.example/"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"


@pytest.mark.parametrize(
    ("query", "spanish", "english"),
    [("since=notadate", "desde: no es una fecha", "since: not a date"),
     ("until=2026-02-31", "hasta: no es una fecha", "until: not a date"),
     ("outcome=won", "resultado: desconocido", "outcome: unknown"),
     ("since=2026-03-05&until=2026-03-01", "hasta: debe ser posterior", "until: must be after since")],
)
def test_error_pages_in_both_languages(client: TestClient, query: str, spanish: str, english: str) -> None:
    r = client.get(f"/?{query}", headers=HTML)
    assert r.status_code == 400 and "Revisa la solicitud" in r.text and spanish in r.text
    switch(client, "en")
    r = client.get(f"/?{query}", headers=HTML)
    assert r.status_code == 400 and "Please check the request" in r.text and english in r.text


def test_not_found_in_spanish(client: TestClient) -> None:
    r = client.get("/calls/nope", headers=HTML)
    assert r.status_code == 404 and "No encontrado" in r.text and "no existe esa llamada" in r.text


def test_the_api_stays_english(client: TestClient) -> None:
    assert client.get("/api/calls/nope").json() == {"detail": "no such call"}
    r = client.get("/api/calls?since=notadate")
    assert r.status_code == 422 and "not a date" in r.text


def test_csv_headers_follow_the_language_and_the_cells_do_not(client: TestClient) -> None:
    rows = list(csv.DictReader(io.StringIO(client.get("/export.csv?outcome=completed").text)))
    assert rows[0]["placas_tractor"] == "RYJ400" and rows[0]["resultado"] == "completed"
    assert rows[0]["telefono"] == "+525512345678" and rows[0]["operador"] == "Ramón Ibarra"
    switch(client, "en")
    rows = list(csv.DictReader(io.StringIO(client.get("/export.csv?outcome=completed").text)))
    assert rows[0]["tractor_plates"] == "RYJ400" and rows[0]["outcome"] == "completed"


def test_json_export_keeps_english_keys(client: TestClient) -> None:
    assert '"tractor_plates": "RYJ400"' in client.get("/export.json?search=ryj400").text


def test_login_page_in_both_languages(secured: TestClient) -> None:
    page = secured.get("/login").text
    assert "Iniciar sesión" in page and "Entrar" in page and "Cerrar sesión" not in page
    r = secured.post("/login", data={"token": "guess"})
    assert r.status_code == 401 and "Ese token no es correcto." in r.text
    switch(secured, "en", "/login")  # open without a token: the login page switches too
    assert "Log in" in secured.get("/login").text
    r = secured.post("/login", data={"token": "guess"})
    assert r.status_code == 401 and "That token is not right." in r.text
