"""End to end in headless Chromium (Debian's chromium + chromedriver, driven by selenium): log in, find a
call by its plate, open it, see its transcript; screenshots go to artifacts/web/.

Skips locally when the browser or selenium is missing; under CI (CI=true) that is a failure."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from daisy.core.state import Outcome
from daisy.records.store import open_store

from .seed import LUCIA, RAMON, T0, TOKEN, seed_standard, write_call
from .server import REPO, Served, running_server

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
ARTIFACTS = Path(os.environ.get("DAISY_ARTIFACTS", REPO / "artifacts")) / "web"


def _missing() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    for path in (CHROMIUM, CHROMEDRIVER):
        if not shutil.which(path):
            return f"{path} is missing (apt-get install chromium chromium-driver)"
    return None


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[object]:
    reason = _missing()
    if reason:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"the browser test must run under CI: {reason}", pytrace=False)
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    # No sandbox (root in a container); no background traffic, which this closed network refuses.
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
                 f"--user-data-dir={tmp_path / 'chromium'}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    url = f"sqlite:///{tmp_path / 'browser.db'}"
    store = open_store(url)
    log = store.call_log()
    seed_standard(log)
    for i in range(12):  # a list longer than the one call we look for
        values = {**RAMON, "driver_name": f"Chofer Número {i}", "tractor_plates": f"PLT{i:03d}A"}
        write_call(log, f"call-extra-{i}", values, start=T0 + timedelta(hours=i), latency=False,
                   outcome=Outcome.COMPLETED if i % 3 else Outcome.INCOMPLETE)
    store.close()
    with running_server(url, tmp_path, TOKEN) as server:
        yield server


def test_log_in_find_by_plate_open_transcript(served: Served, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 15)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    browser.get(served.url + "/")
    wait.until(ec.url_contains("/login"))
    browser.find_element(By.NAME, "token").send_keys("not the token")
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait.until(ec.text_to_be_present_in_element((By.CSS_SELECTOR, ".error"), "no es correcto"))

    browser.find_element(By.NAME, "token").send_keys(TOKEN)
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "table.calls")))
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.calls tbody tr")) == 17
    browser.save_screenshot(str(ARTIFACTS / "calls.png"))

    # Search the way a dispatcher types a plate: with a hyphen and in lowercase.
    box = browser.find_element(By.NAME, "search")
    box.send_keys("xzk-9081")
    box.submit()
    wait.until(ec.url_contains("search=xzk-9081"))
    rows = browser.find_elements(By.CSS_SELECTOR, "table.calls tbody tr")
    assert len(rows) == 1 and LUCIA["driver_name"] in rows[0].text
    browser.save_screenshot(str(ARTIFACTS / "search.png"))

    rows[0].find_element(By.LINK_TEXT, LUCIA["driver_name"]).click()
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "ol.transcript")))
    assert browser.current_url.endswith("/calls/call-lucia")
    transcript = browser.find_element(By.CSS_SELECTOR, "ol.transcript").text
    assert "¿Me dices tu nombre completo?" in transcript and "XZK9081, ¿correcto?" in transcript
    assert "700 ms" in transcript  # per-turn latency
    fields = browser.find_element(By.CSS_SELECTOR, "table.fields").text
    assert "XZK9081" in fields and "confirmado" in fields
    browser.save_screenshot(str(ARTIFACTS / "call.png"))
    assert (ARTIFACTS / "call.png").stat().st_size > 10_000

    # The session cookie is HttpOnly: page scripts cannot read it.
    assert "daisy_session" not in browser.execute_script("return document.cookie")


def test_api_docs_render_offline_under_the_pages_policy(served: Served, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 20)
    browser.get(served.url + "/login?next=/docs")
    browser.find_element(By.NAME, "token").send_keys(TOKEN)
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    # Swagger UI from the package's files (this network reaches no CDN), started by /static/docs.js.
    wait.until(ec.text_to_be_present_in_element((By.CSS_SELECTOR, ".swagger-ui .info"), "Daisy records"))
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, ".opblock-summary-path")))
    paths = {e.text for e in browser.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")}
    assert {"/api/calls", "/api/calls/{call_id}"} <= paths
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "docs.png"))
    # Neither the docs nor the dashboard trip their Content-Security-Policy.
    browser.get(served.url + "/calls/call-ramon")
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "ol.transcript")))
    logs = browser.get_log("browser")
    assert not [e for e in logs if "Content Security Policy" in e.get("message", "")], logs
