"""An editor corrects a field through the API: the value is read like Daisy's own, the trail keeps the
value it replaced with who and when, viewers are refused, and the webhook posts `call.updated`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from daisy.records.store import Store, open_store
from daisy.understanding.plausible import plausible
from daisy.web import auth as auth_module
from daisy.web.app import create_app
from daisy.web.webhook import SIGNATURE_HEADER, verify

from .receiver import receiver
from .seed import LOCAL_URL, RAMON, TOKEN, bearer, settings, write_call

SECRET = "whsec-corrections"


@pytest.fixture(autouse=True)
def users_read_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth_module, "USERS_TTL", 0.0)


@pytest.fixture
def team(store: Store) -> dict[str, str]:
    book = store.user_book()
    return {"lucia": book.add("lucia", "editor")[1], "pepe": book.add("pepe", "viewer")[1]}


@pytest.fixture
def api(store: Store, tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(store, settings(daisy_admin_token=TOKEN, daisy_data_dir=tmp_path))
    with TestClient(app, base_url=LOCAL_URL) as c:
        yield c


def patch(client: TestClient, token: str, call_id: str, key: str, value: object):  # type: ignore[no-untyped-def]
    return client.patch(f"/api/calls/{call_id}/fields/{key}", json={"value": value}, headers=bearer(token))


def test_an_editor_corrects_a_plate_and_the_trail_keeps_what_daisy_heard(api, team, store: Store) -> None:
    r = patch(api, team["lucia"], "call-ramon", "tractor_plates", " ryj-40 8 ")
    assert r.status_code == 200, r.text
    body = r.json()
    plates = next(f for f in body["fields"] if f["key"] == "tractor_plates")
    assert plates["value"] == "RYJ408" and plates["confirmed"] and plates["source"] == "operator"
    [fix] = body["corrections"]
    assert fix["key"] == "tractor_plates" and fix["old_value"] == "RYJ400" and fix["new_value"] == "RYJ408"
    assert fix["old_source"] == "speech" and fix["old_confirmed"] is True
    assert fix["corrected_by"] == "lucia"
    assert abs((datetime.fromisoformat(fix["at"]) - datetime.now(UTC)).total_seconds()) < 60
    # The same in GET, in the stored record, and in search.
    call = api.get("/api/calls/call-ramon", headers=bearer(TOKEN)).json()
    assert call["corrections"] == body["corrections"]
    assert store.get_call("call-ramon").record()["tractor_plates"] == "RYJ408"  # type: ignore[union-attr]
    assert [c["id"] for c in api.get("/api/calls?search=ryj408", headers=bearer(TOKEN)).json()["items"]] == [
        "call-ramon"
    ]


def test_a_second_correction_keeps_both(api, team) -> None:
    patch(api, team["lucia"], "call-ramon", "eta", "18:00")
    body = patch(api, TOKEN, "call-ramon", "eta", "18:15").json()
    assert [(c["old_value"], c["new_value"], c["corrected_by"]) for c in body["corrections"]] == [
        ("17:45", "18:00", "lucia"), ("18:00", "18:15", "admin")
    ]
    assert body["corrections"][1]["old_source"] == "operator"


@pytest.mark.parametrize(
    ("key", "typed", "stored"),
    [
        ("tractor_plates", "abc-123-d", "ABC123D"),
        ("trailer_plates", "A de árbol, B de burro, C, uno dos tres", "ABC123"),
        ("tractor_number", "61 20", "6120"),
        ("trailer_number", "tr-55", "TR55"),
        ("eta", "5:30 pm", "17:30"),
        ("eta", "9.05", "09:05"),
        ("email", "Ramon.Ibarra@Gmail.com", "ramon.ibarra@gmail.com"),
        ("email", "ramon punto ibarra arroba hotmail punto com", "ramon.ibarra@hotmail.com"),
        ("driver_name", "ramón ibarra de la garza", "Ramón Ibarra de la Garza"),
        ("driver_name", "Seán O'Brien", "Seán O'Brien"),
    ],
)
def test_values_are_stored_in_daisys_canonical_form(api, key: str, typed: str, stored: str) -> None:
    r = patch(api, TOKEN, "call-ramon", key, typed)
    assert r.status_code == 200, r.text
    assert next(f["value"] for f in r.json()["fields"] if f["key"] == key) == stored


@pytest.mark.parametrize(
    ("key", "typed", "reason"),
    [
        ("tractor_plates", "AB1", "not a plate"),
        ("tractor_plates", "ABCDEFG", "not a plate"),  # no digit
        ("tractor_number", "1234567", "not a fleet number: 1 to 6"),
        ("eta", "25:10", "not a time"),
        ("eta", "pronto", "not a time"),
        ("email", "ramon@gmail.co", "not an email address"),
        ("email", "ramon", "not an email address"),
        ("driver_name", "Ramón 2", "not a name"),
        ("driver_name", "   ", "a value is needed"),
        ("driver_name", "x" * 201, "longer than 200"),
        ("driver_name", "Ramón\x00", "control characters"),
    ],
)
def test_a_bad_value_gets_422_with_one_line_and_changes_nothing(
    api, store: Store, key: str, typed: str, reason: str
) -> None:
    before = store.get_call("call-ramon")
    r = patch(api, TOKEN, "call-ramon", key, typed)
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert isinstance(detail, str) and detail.startswith(f"{key}: ") and reason in detail
    assert "\n" not in detail
    assert store.get_call("call-ramon") == before


def test_a_lone_surrogate_is_refused_not_stored(api, store: Store) -> None:
    r = api.patch("/api/calls/call-ramon/fields/driver_name", content=b'{"value": "Ram\\u00f3n \\ud800"}',
                  headers={**bearer(TOKEN), "Content-Type": "application/json"})
    assert r.status_code == 422  # refused by the body's schema already
    assert store.get_call("call-ramon").corrections == []  # type: ignore[union-attr]


def test_null_clears_a_field_and_it_is_no_longer_confirmed(api) -> None:
    body = patch(api, TOKEN, "call-ramon", "email", None).json()
    email = next(f for f in body["fields"] if f["key"] == "email")
    assert email["value"] is None and not email["confirmed"] and email["source"] == "operator"
    [fix] = body["corrections"]
    assert fix["old_value"] == RAMON["email"] and fix["new_value"] is None


@pytest.mark.parametrize(
    ("call_id", "key", "body", "status"),
    [
        ("no-such-call", "eta", {"value": "18:00"}, 404),
        ("call-ramon", "no_such_field", {"value": "18:00"}, 404),
        ("../etc", "eta", {"value": "18:00"}, 404),
        ("call-ramon", "eta", {"valor": "18:00"}, 422),
        ("call-ramon", "eta", {"value": 18}, 422),
        ("call-ramon", "eta", {}, 422),
    ],
)
def test_unknown_calls_fields_and_bodies(api, call_id: str, key: str, body: dict, status: int) -> None:
    r = api.patch(f"/api/calls/{call_id}/fields/{key}", json=body, headers=bearer(TOKEN))
    assert r.status_code == status, r.text


def test_a_viewer_reads_but_is_refused_a_correction(api, team, store: Store) -> None:
    assert api.get("/api/calls/call-ramon", headers=bearer(team["pepe"])).status_code == 200
    r = patch(api, team["pepe"], "call-ramon", "eta", "18:00")
    assert r.status_code == 403
    assert r.json()["detail"] == "pepe is a viewer: viewers read calls but cannot correct them"
    assert store.get_call("call-ramon").corrections == []  # type: ignore[union-attr]
    assert patch(api, "wrong-token-wrong-token", "call-ramon", "eta", "18:00").status_code == 401


def test_a_call_still_going_on_is_not_corrected(api, store: Store) -> None:
    write_call(store.call_log(), "call-live", {"driver_name": "Pedro Páramo"}, start=datetime.now(UTC),
               outcome=None)
    r = patch(api, TOKEN, "call-live", "driver_name", "Pedro Paramo")
    assert r.status_code == 409 and "still going on" in r.json()["detail"]
    # A call whose process died long ago (never ended) can be corrected.
    assert patch(api, TOKEN, "call-running", "driver_name", "Pedro Paramo").status_code == 200


def test_a_correction_sent_from_another_site_is_refused(api) -> None:
    r = api.patch("/api/calls/call-ramon/fields/eta", json={"value": "18:00"},
                  headers={**bearer(TOKEN), "Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 403


def test_the_webhook_posts_call_updated_signed(store: Store, tmp_path: Path, team) -> None:
    with receiver() as rx:
        config = settings(daisy_admin_token=TOKEN, daisy_data_dir=tmp_path, daisy_webhook_url=rx.url,
                          daisy_webhook_secret=SECRET)
        with TestClient(create_app(store, config), base_url=LOCAL_URL) as api:
            assert patch(api, team["lucia"], "call-ramon", "trailer_number", "TR56").status_code == 200
            from daisy.web.webhook import dispatcher_for

            assert dispatcher_for(store, rx.url, SECRET).flush(10)
    [got] = rx.got
    assert got.headers["x-daisy-event"] == "call.updated"
    assert verify(got.body, SECRET, got.headers[SIGNATURE_HEADER.lower()])
    doc = json.loads(got.body)
    assert doc["event"] == "call.updated" and doc["call"]["id"] == "call-ramon"
    assert doc["call"]["record"]["trailer_number"] == "TR56"
    assert doc["correction"]["old_value"] == "TR55" and doc["correction"]["corrected_by"] == "lucia"
    assert store.get_call("call-ramon").webhook_status == "delivered"  # type: ignore[union-attr]


def test_corrections_on_sqlite_and_postgresql(any_store: Store) -> None:
    fix = any_store.correct_field("call-lucia", "trailer_plates", "LMN4567", "lucia")
    assert fix is not None and fix.old_value is None and not fix.old_confirmed
    assert any_store.correct_field("call-lucia", "nope", "x", "lucia") is None
    assert any_store.correct_field("no-call", "eta", "x", "lucia") is None
    call = any_store.get_call("call-lucia")
    assert call is not None and call.record()["trailer_plates"] == "LMN4567"
    assert [(c.key, c.new_value, c.corrected_by) for c in call.corrections] == [
        ("trailer_plates", "LMN4567", "lucia")
    ]
    assert any_store.list_calls(search="lmn-4567")[0].id == "call-lucia"


# --- the call page -----------------------------------------------------------------------------


def logged_in(api: TestClient, token: str) -> TestClient:
    assert api.post("/login", data={"token": token, "next": "/"}, follow_redirects=False).status_code == 303
    return api


def test_an_editor_corrects_from_the_call_page_and_sees_the_trail(api, team) -> None:
    page = logged_in(api, team["lucia"])
    assert 'action="/calls/call-ramon/fields/eta"' in page.get("/calls/call-ramon").text
    sent = page.post("/calls/call-ramon/fields/eta", data={"value": "6:15 pm"}, follow_redirects=False)
    assert sent.status_code == 303 and sent.headers["location"] == "/calls/call-ramon?fixed=eta#trail"
    shown = page.get(sent.headers["location"]).text
    assert "Se corrigió" in shown and 'id="trail"' in shown and "18:15" in shown and "lucia" in shown
    assert "17:45" in shown and "corrección manual" in shown


def test_a_bad_value_on_the_page_says_why_in_the_readers_language(api, team) -> None:
    page = logged_in(api, team["lucia"])
    r = page.post("/calls/call-ramon/fields/tractor_plates", data={"value": "AB1"})
    assert r.status_code == 422
    assert "No es una placa" in r.text and 'value="AB1"' in r.text  # what was typed stays to fix
    page.cookies.set("daisy_lang", "en")
    r = page.post("/calls/call-ramon/fields/tractor_number", data={"value": "1234567"})
    assert r.status_code == 422 and "Not a fleet number: 1 to 6" in r.text


def test_a_viewer_sees_no_form_and_a_forced_post_is_refused(api, team, store: Store) -> None:
    page = logged_in(api, team["pepe"])
    shown = page.get("/calls/call-ramon").text
    assert "form class=\"fix\"" not in shown and "Ramón Ibarra" in shown
    r = page.post("/calls/call-ramon/fields/eta", data={"value": "18:00"})
    assert r.status_code == 403 and "pepe tiene acceso de solo lectura" in r.text
    assert store.get_call("call-ramon").corrections == []  # type: ignore[union-attr]


def test_each_turn_seeks_the_recording_to_its_moment(api, store: Store) -> None:
    store.set_recording("call-ramon", "recordings/call-ramon.ogg", egress_id="EG_1")
    shown = api.get("/calls/call-ramon", headers=bearer(TOKEN)).text
    assert 'id="recording"' in shown and '/static/recording.js' in shown
    # Turns come every 6 s in the seed: the greeting at 0, the first answer at 6, Daisy's read-back too.
    assert 'data-seek="0.0"' in shown and 'data-seek="6.0"' in shown and 'data-seek="42.0"' in shown
    assert api.get("/static/recording.js").status_code == 200


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Store]]:
    tmp = tmp_path_factory.mktemp("fix-fuzz")
    store = open_store(f"sqlite:///{tmp / 'fuzz.db'}")
    write_call(store.call_log(), "call-ramon", RAMON)
    with TestClient(create_app(store, settings(daisy_data_dir=tmp)), base_url=LOCAL_URL) as client:
        yield client, store


KINDS = {"driver_name": "name", "tractor_number": "number", "tractor_plates": "plate", "eta": "time",
         "email": "email"}


TYPED = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60),  # JSON can carry these
    st.sampled_from(["abc-123", "17:45", "a@b.co", "Ana Ruiz", "7 pm", "ocho cuarenta", "ABC 123 D"]),
)


@hypothesis_settings(max_examples=150, deadline=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=st.sampled_from(sorted(KINDS)), typed=TYPED)
def test_whatever_is_typed_it_is_a_value_daisy_takes_or_a_clean_422(fuzzed, key: str, typed: str) -> None:
    client, store = fuzzed
    r = client.patch(f"/api/calls/call-ramon/fields/{key}", json={"value": typed})
    assert r.status_code in (200, 422), r.text
    if r.status_code == 200:
        value = store.get_call("call-ramon").field(key).value  # type: ignore[union-attr]
        assert value is not None and plausible(KINDS[key], value)
    else:
        assert "\n" not in r.json()["detail"]


def test_broken_text_is_refused_by_the_reader_itself() -> None:
    from daisy.web.corrections import BadValue, canonical

    with pytest.raises(BadValue, match="broken text"):
        canonical("name", "Ramón \ud800", "es-MX", datetime.now(UTC))
