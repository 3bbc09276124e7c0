"""The overview page: the picture of how calls go, drawn on the server, in Spanish or English."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from daisy.records.store import open_store
from daisy.web import charts
from daisy.web.app import create_app

from .seed import LOCAL_URL, settings
from .test_stats_api import seed_three

HTML = {"accept": "text/html"}


@pytest.fixture
def three(tmp_path: Path) -> Iterator[TestClient]:
    store = open_store(f"sqlite:///{tmp_path / 'overview.db'}")
    seed_three(store)
    with TestClient(create_app(store, settings(daisy_data_dir=tmp_path)), base_url=LOCAL_URL) as c:
        yield c
    store.close()


def test_the_nav_links_to_the_overview(three: TestClient) -> None:
    assert '<a href="/overview">Resumen</a>' in three.get("/").text


def test_four_charts_in_spanish(three: TestClient) -> None:
    page = three.get("/overview").text
    assert page.count('<svg class="chart"') == 4
    for text in ("Llamadas por día y resultado", "completada", "incompleta", "rechazada", "2 mar", "3 mar",
                 "Placas del tractor", "primera lectura correcta", "Turnos del operador por dato",
                 "Latencia por turno de Daisy", "4 turnos medidos", "fin de turno", "1000 ms", "3 llamadas"):
        assert text in page, text


def test_the_figures_under_the_charts(three: TestClient) -> None:
    page = three.get("/overview").text
    row = re.search(r"Placas del tractor</th>(.*?)</tr>", page, re.S)
    assert row is not None
    cells = [" ".join(re.sub(r"<[^>]+>", " ", c).split())
             for c in re.findall(r"<td[^>]*>(.*?)</td>", row.group(1), re.S)]
    assert cells == ["2", "1 (50 %)", "0/2 (0 %)", "6"]  # asked, captured, right first time, driver turns


def test_in_english_after_the_switch(three: TestClient) -> None:
    three.post("/lang", data={"to": "en", "next": "/overview"})
    page = three.get("/overview").text
    for text in ("Calls per day by outcome", "refused", "Mar 2", "first read-back right", "median (p50)",
                 "Tractor plates", "endpointing"):
        assert text in page, text
    assert "Llamadas por día" not in page


def test_filtered_by_direction_and_dates(three: TestClient) -> None:
    page = three.get("/overview?direction=outbound").text
    assert ">1 llamada<" in page and 'value="outbound" selected' in page and "rechazada" not in page
    assert 'href="/api/stats?direction=outbound"' in page  # the same figures, same filters, as JSON
    page = three.get("/overview?since=2026-03-01&until=2026-03-31").text
    assert "31 mar" in page and "Llamadas iniciadas desde 2026-03-01 hasta 2026-03-31" in page
    assert "Llamadas por día" in three.get("/overview?since=2026-03-01&until=2026-04-30").text
    assert "Llamadas por semana" in three.get("/overview?since=2026-01-01&until=2026-06-30").text


def test_an_empty_period(three: TestClient) -> None:
    page = three.get("/overview?since=2027-01-01").text
    assert "Sin datos en este periodo." in page and "<svg" not in page


def test_bad_dates_are_a_400_page_in_spanish(three: TestClient) -> None:
    r = three.get("/overview?since=ayer", headers=HTML)
    assert r.status_code == 400 and "desde: no es una fecha" in r.text
    r = three.get("/overview?direction=arriba", headers=HTML)
    assert r.status_code == 400 and "dirección:" in r.text


def test_charts_obey_the_pages_policy(three: TestClient) -> None:
    """No inline styles or scripts (the CSP forbids them): colours are SVG attributes."""
    r = three.get("/overview")
    assert "style-src 'self'" in r.headers["content-security-policy"]
    assert "style=" not in r.text and "<script" not in r.text


def test_chart_text_is_escaped() -> None:
    svg = charts.bars("<t>", [("<b>x</b>", 1.0)])
    assert "<b>" not in svg and "&lt;b&gt;x&lt;/b&gt;" in svg and "&lt;t&gt;" in svg
    series = [charts.Series("completed", "<c>", "#000")]
    stacked = charts.stacked_columns("t", [("d&1", {"completed": 2})], series)
    assert "<c>" not in stacked and "&lt;c&gt;" in stacked


def test_a_missing_value_shows_as_a_dash() -> None:
    svg = charts.paired_bars("t", [("Correo", None, 0.5)], ("a", "b"), top=1)
    assert "—" in svg and "50 %" in svg
