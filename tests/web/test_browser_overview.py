"""In headless Chromium: a dispatcher logs in on a Spanish dashboard, opens the overview of a busy
fortnight, filters it, switches to English; screenshots go to artifacts/web/ (overview.png is the one
README shows, copied to docs/screenshots/)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from daisy.records.store import open_store

from .scripted_calls import busy_fortnight
from .seed import TOKEN
from .server import Served, running_server
from .test_browser import ARTIFACTS, browser  # noqa: F401 - the Chromium fixture

START = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)


@pytest.fixture
def fortnight(tmp_path: Path) -> Iterator[Served]:
    url = f"sqlite:///{tmp_path / 'fortnight.db'}"
    store = open_store(url)
    assert busy_fortnight(store.call_log(), START) == 72
    store.close()
    with running_server(url, tmp_path, TOKEN) as server:
        yield server


def test_spanish_dashboard_and_the_overview_charts(fortnight: Served, browser) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import Select, WebDriverWait

    wait = WebDriverWait(browser, 20)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    browser.get(fortnight.url + "/overview")
    wait.until(ec.url_contains("/login"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Iniciar sesión"  # Spanish before anything
    browser.find_element(By.NAME, "token").send_keys(TOKEN)
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "svg.chart")))
    assert browser.current_url.endswith("/overview")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "es-MX"
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.chart")) == 4
    headings = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "main h2")]
    assert headings[:2] == ["Llamadas por día y resultado", "Datos: capturados y leídos bien a la primera"]
    per_day = browser.find_element(By.CSS_SELECTOR, "#per-period svg")
    assert per_day.size["width"] > 900 and per_day.size["height"] > 250  # drawn, at a readable size
    assert len(per_day.find_elements(By.CSS_SELECTOR, "rect")) > 40  # the stacked columns
    assert "completada" in per_day.text and "2 mar" in per_day.text
    assert "72 llamadas" in browser.find_element(By.TAG_NAME, "h1").text
    browser.set_window_size(1280, 2000)  # the whole page in one picture
    browser.save_screenshot(str(ARTIFACTS / "overview.png"))
    assert (ARTIFACTS / "overview.png").stat().st_size > 50_000

    # The list and a call in Spanish too.
    browser.find_element(By.LINK_TEXT, "Llamadas").click()
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "table.calls")))
    assert "Exportar esta lista" in browser.find_element(By.CSS_SELECTOR, ".exports").text
    browser.find_element(By.CSS_SELECTOR, "table.calls tbody tr a").click()
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "ol.transcript")))
    assert "Transcripción" in browser.find_element(By.TAG_NAME, "main").text
    browser.save_screenshot(str(ARTIFACTS / "call-es.png"))

    # Filter the overview: outbound calls in the first week.
    browser.get(fortnight.url + "/overview")
    Select(browser.find_element(By.NAME, "direction")).select_by_value("outbound")
    browser.execute_script(
        "document.querySelector('[name=since]').value = '2026-03-02';"
        "document.querySelector('[name=until]').value = '2026-03-08';"
    )
    browser.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
    wait.until(ec.url_contains("direction=outbound"))
    assert "since=2026-03-02" in browser.current_url
    filtered = browser.find_element(By.TAG_NAME, "h1").text
    assert "llamadas" in filtered and filtered != "Resumen 72 llamadas"

    # The switch: English from now on in this browser, on every page.
    browser.find_element(By.CSS_SELECTOR, "form.lang button").click()
    wait.until(ec.text_to_be_present_in_element((By.CSS_SELECTOR, "main h2"), "Calls per day by outcome"))
    assert "direction=outbound" in browser.current_url  # back on the same filtered page
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    browser.save_screenshot(str(ARTIFACTS / "overview-en.png"))
    browser.get(fortnight.url + "/")
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "table.calls")))
    assert "Export this list" in browser.find_element(By.CSS_SELECTOR, ".exports").text

    # Nothing on these pages trips their Content-Security-Policy (the charts are plain SVG).
    logs = browser.get_log("browser")
    assert not [e for e in logs if "Content Security Policy" in e.get("message", "")], logs
