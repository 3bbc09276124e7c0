"""In headless Chromium: an editor logs in with her own token, corrects a plate on the call page (a
wrong one first: the reason in Spanish), sees the trail, plays the recording from a turn's moment; a
viewer sees no form and a correction forced from his page is refused. Screenshot: correction.png."""

from __future__ import annotations

import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

from daisy.records.store import open_store

from .seed import TOKEN, seed_standard
from .server import Served, running_server
from .test_browser import ARTIFACTS, browser  # noqa: F401 - the Chromium fixture


def silent_wav(path: Path, seconds: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(bytes(2 * 8000 * seconds))


@pytest.fixture
def team(tmp_path: Path) -> Iterator[tuple[Served, dict[str, str]]]:
    url = f"sqlite:///{tmp_path / 'team.db'}"
    store = open_store(url)
    seed_standard(store.call_log())
    book = store.user_book()
    tokens = {name: book.add(name, role)[1] for name, role in (("lucia", "editor"), ("pepe", "viewer"))}
    # The file an egress wrote, in DAISY_DATA_DIR/recordings of the served dashboard.
    silent_wav(tmp_path / "data" / "recordings" / "call-ramon.wav", 60)
    store.set_recording("call-ramon", "recordings/call-ramon.wav", egress_id="EG_test")
    store.close()
    with running_server(url, tmp_path, TOKEN) as server:
        yield server, tokens


def test_an_editor_corrects_a_plate_and_a_viewer_is_refused(team, browser) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    served, tokens = team
    wait = WebDriverWait(browser, 20)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def log_in(token: str) -> None:
        browser.get(served.url + "/login?next=/calls/call-ramon")
        browser.find_element(By.NAME, "token").send_keys(token)
        browser.find_element(By.CSS_SELECTOR, "form[action='/login'] button").click()
        wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "table.fields")))

    def plate_form():  # type: ignore[no-untyped-def]
        selector = "form.fix[action='/calls/call-ramon/fields/tractor_plates']"
        return browser.find_element(By.CSS_SELECTOR, selector)

    log_in(tokens["lucia"])
    plate_form().find_element(By.NAME, "value").send_keys("AB1")
    plate_form().find_element(By.TAG_NAME, "button").click()
    wait.until(ec.text_to_be_present_in_element((By.CSS_SELECTOR, ".fix-error"), "No es una placa"))
    box = plate_form().find_element(By.NAME, "value")
    assert box.get_attribute("value") == "AB1"  # kept, to be fixed
    box.clear()
    box.send_keys("ryj-408")
    plate_form().find_element(By.TAG_NAME, "button").click()
    wait.until(ec.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "Se corrigió"))
    fields = browser.find_element(By.CSS_SELECTOR, "table.fields").text
    assert "RYJ408" in fields and "corrección manual" in fields
    trail = browser.find_element(By.CSS_SELECTOR, "#trail").text
    assert "RYJ400" in trail and "RYJ408" in trail and "lucia" in trail
    browser.execute_script("document.querySelector('table.fields').scrollIntoView()")
    browser.save_screenshot(str(ARTIFACTS / "correction.png"))

    # Each turn plays the recording from its moment: the driver's first answer came 6 s in.
    buttons = browser.find_elements(By.CSS_SELECTOR, "ol.transcript button.seek")
    assert [b.get_attribute("data-seek") for b in buttons[:3]] == ["0.0", "6.0", "6.0"]
    later = next(b for b in buttons if b.get_attribute("data-seek") == "30.0")
    later.click()
    position = "return document.getElementById('recording').currentTime"
    wait.until(lambda d: abs(d.execute_script(position) - 30) < 2)

    browser.find_element(By.CSS_SELECTOR, "form[action='/logout'] button").click()
    wait.until(ec.url_contains("/login"))
    log_in(tokens["pepe"])
    assert browser.find_elements(By.CSS_SELECTOR, "form.fix") == []
    status = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch('/calls/call-ramon/fields/eta', {method: 'POST', body: new URLSearchParams({value: '18:00'})})"
        ".then(r => r.text().then(t => done([r.status, t])));"
    )
    assert status[0] == 403 and "pepe tiene acceso de solo lectura" in status[1]
    browser.refresh()
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#trail")))
    assert "18:00" not in browser.find_element(By.CSS_SELECTOR, "#trail").text
    logs = browser.get_log("browser")
    assert not [e for e in logs if "Content Security Policy" in e.get("message", "")], logs
