"""The signed webhook: delivered from a background thread, retried, recorded, re-sent by the CLI."""

from __future__ import annotations

import hashlib
import hmac
import json
import pathlib
import socket
import time
from dataclasses import replace

import pytest
import typer
from typer.testing import CliRunner

from daisy.cli import web as web_cli
from daisy.core.state import Outcome, Phase
from daisy.records.store import Store
from daisy.settings import get_settings
from daisy.web.webhook import (
    SIGNATURE_HEADER,
    Retry,
    WebhookCallLog,
    WebhookConfigError,
    check_config,
    live_call_log,
    retry_deliveries,
    sign,
    verify,
    with_webhook,
)

from .receiver import receiver
from .seed import RAMON, T0, settings, write_call

SECRET = "whsec-test-secret"
FAST = Retry(attempts=3, backoff_s=0.01, timeout_s=5.0)


def hooked(store: Store, url: str, retry: Retry = FAST) -> WebhookCallLog:
    log = with_webhook(
        store.call_log(), store, settings(daisy_webhook_url=url, daisy_webhook_secret=SECRET), retry
    )
    assert isinstance(log, WebhookCallLog)
    return log


def test_signature_is_hmac_sha256_of_the_time_and_the_raw_body() -> None:
    body = b'{"a":1}'
    mac = hmac.new(b"k", b"1767225600." + body, hashlib.sha256).hexdigest()
    assert sign(body, "k", timestamp=1767225600) == f"t=1767225600,v1={mac}"
    assert verify(body, "k", sign(body, "k"))
    assert not verify(body + b" ", "k", sign(body, "k"))
    assert not verify(body, "other", sign(body, "k"))
    assert not verify(body, "k", None)
    for junk in ("", "sha256=" + mac, f"t=,v1={mac}", "t=1767225600", f"v1={mac}", "t=-5,v1=00", "t=1e9,v1=a",
                 f"t=1767225600,v1={mac}x", "t=" + "9" * 40 + ",v1=00", "x" * 10_000):
        assert not verify(body, "k", junk, now=1767225600)


def test_a_replayed_request_is_refused_after_five_minutes() -> None:
    body = b'{"event":"call.ended"}'
    header = sign(body, "k", timestamp=1_767_225_600)
    assert verify(body, "k", header, now=1_767_225_600 + 299)
    assert not verify(body, "k", header, now=1_767_225_600 + 301)  # captured and sent again later
    assert not verify(body, "k", header, now=1_767_225_600 - 301)  # or stamped in the future
    # The time is signed: moving it forward breaks the signature.
    moved = header.replace("t=1767225600", "t=1767225900")
    assert not verify(body, "k", moved, now=1_767_225_900)


def test_an_ended_call_is_posted_signed(store: Store) -> None:
    with receiver() as rx:
        log = hooked(store, rx.url)
        write_call(log, "call-hook", RAMON)
        assert log.dispatcher.flush(10)
    assert len(rx.got) == 1
    got = rx.got[0]
    assert got.headers["content-type"] == "application/json"
    assert verify(got.body, SECRET, got.headers[SIGNATURE_HEADER.lower()])
    doc = json.loads(got.body)
    assert doc["event"] == "call.ended" and doc["call"]["id"] == "call-hook"
    assert doc["call"]["outcome"] == "completed" and doc["call"]["record"]["tractor_plates"] == "RYJ400"
    assert len(doc["call"]["turns"]) > 10
    call = store.get_call("call-hook")
    assert call is not None
    assert (call.webhook_status, call.webhook_attempts, call.webhook_last_error) == ("delivered", 1, None)


def test_calls_not_ended_are_not_sent(store: Store) -> None:
    with receiver() as rx:
        log = hooked(store, rx.url)
        write_call(log, "call-still-talking", RAMON, outcome=None)
        assert log.dispatcher.flush(5)
    assert rx.got == []
    call = store.get_call("call-still-talking")
    assert call is not None and call.webhook_status is None


def test_a_slow_receiver_never_delays_the_call(store: Store) -> None:
    with receiver(delay_s=1.5) as rx:
        log = hooked(store, rx.url)
        state = write_call(log, "call-slow", RAMON, outcome=None)
        final = replace(state, phase=Phase.ENDED, outcome=Outcome.COMPLETED)
        started = time.perf_counter()
        log.call_ended("call-slow", final, T0)
        took = time.perf_counter() - started
        assert took < 0.5, took  # the receiver takes 1.5 s to answer
        assert log.dispatcher.flush(10)
    call = store.get_call("call-slow")
    assert call is not None and call.webhook_status == "delivered"


def _runner_app() -> typer.Typer:
    app = typer.Typer()
    web_cli.register(app)
    return app


def test_failing_receiver_retries_then_fails_then_cli_retry_delivers(
    store: Store, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with receiver(status=500) as rx:
        log = hooked(store, rx.url)
        write_call(log, "call-unlucky", RAMON)
        assert log.dispatcher.flush(10)
        assert len(rx.got) == 3  # FAST: three tries
        call = store.get_call("call-unlucky")
        assert call is not None
        assert call.webhook_status == "failed" and call.webhook_attempts == 3
        assert call.webhook_last_error == "HTTP 500"
        # The same body every time, so a receiver can dedupe on it (the signature carries the time).
        assert len({r.body for r in rx.got}) == 1

        rx.status = 200
        monkeypatch.setenv("DAISY_WEBHOOK_URL", rx.url)
        monkeypatch.setenv("DAISY_WEBHOOK_SECRET", SECRET)
        get_settings.cache_clear()
        try:
            result = CliRunner().invoke(_runner_app(), ["webhooks", "retry", "--db", db_url])
        finally:
            get_settings.cache_clear()
        assert result.exit_code == 0, result.output
        assert "1 delivered, 0 still failing" in result.output
        assert len(rx.got) == 4 and verify(rx.got[-1].body, SECRET, rx.got[-1].headers["x-daisy-signature"])
    call = store.get_call("call-unlucky")
    assert call is not None and (call.webhook_status, call.webhook_attempts) == ("delivered", 4)
    assert call.webhook_last_error is None


def test_a_rejecting_receiver_is_not_hammered(store: Store) -> None:
    with receiver(status=400) as rx:
        log = hooked(store, rx.url)
        write_call(log, "call-rejected", RAMON)
        assert log.dispatcher.flush(10)
    assert len(rx.got) == 1
    call = store.get_call("call-rejected")
    assert call is not None and (call.webhook_status, call.webhook_last_error) == ("failed", "HTTP 400")


def test_unreachable_receiver_fails_cleanly(store: Store) -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = hooked(store, f"http://127.0.0.1:{port}/x")
    write_call(log, "call-nowhere", RAMON)
    assert log.dispatcher.flush(10)
    call = store.get_call("call-nowhere")
    assert call is not None and call.webhook_status == "failed" and call.webhook_attempts == 3
    assert call.webhook_last_error is not None and "Connect" in call.webhook_last_error
    assert "Ramón" not in call.webhook_last_error


def test_cli_retry_reports_what_still_fails(
    store: Store, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with receiver(status=503) as rx:
        log = hooked(store, rx.url, Retry(attempts=1))
        write_call(log, "call-down", RAMON)
        assert log.dispatcher.flush(10)
        monkeypatch.setenv("DAISY_WEBHOOK_URL", rx.url)
        monkeypatch.setenv("DAISY_WEBHOOK_SECRET", SECRET)
        monkeypatch.setattr("daisy.web.webhook.Retry", lambda: Retry(attempts=2, backoff_s=0.01))
        get_settings.cache_clear()
        try:
            result = CliRunner().invoke(_runner_app(), ["webhooks", "retry", "--db", db_url, "--pending"])
        finally:
            get_settings.cache_clear()
    assert result.exit_code == 1
    assert "0 delivered, 1 still failing" in result.output


def test_cli_retry_needs_a_webhook(monkeypatch: pytest.MonkeyPatch, db_url: str) -> None:
    monkeypatch.delenv("DAISY_WEBHOOK_URL", raising=False)
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(_runner_app(), ["webhooks", "retry", "--db", db_url])
        assert result.exit_code == 2 and "DAISY_WEBHOOK_URL is not set" in result.output
        monkeypatch.setenv("DAISY_WEBHOOK_URL", "http://127.0.0.1:9/")
        monkeypatch.delenv("DAISY_WEBHOOK_SECRET", raising=False)
        get_settings.cache_clear()
        result = CliRunner().invoke(_runner_app(), ["webhooks", "retry", "--db", db_url])
        assert result.exit_code == 2 and "DAISY_WEBHOOK_SECRET" in result.output
    finally:
        get_settings.cache_clear()


def test_config_checks(store: Store) -> None:
    inner = store.call_log()
    assert with_webhook(inner, store, settings()) is inner  # no URL: nothing added
    with pytest.raises(WebhookConfigError, match="SECRET"):
        with_webhook(inner, store, settings(daisy_webhook_url="https://tms.example/hook"))
    with pytest.raises(WebhookConfigError, match="http"):
        check_config("ftp://tms.example/hook", SECRET)
    with pytest.raises(WebhookConfigError):
        check_config("not a url", SECRET)


def test_backoff_grows_and_is_capped() -> None:
    r = Retry(backoff_s=1.0, max_backoff_s=5.0)
    assert 0.75 <= r.delay(1) <= 1.0 and 1.5 <= r.delay(2) <= 2.0 and 3.0 <= r.delay(3) <= 4.0
    assert r.delay(10) <= 5.0


def test_one_dispatcher_per_process(store: Store) -> None:
    first = hooked(store, "http://127.0.0.1:9/a")
    again = hooked(store, "http://127.0.0.1:9/a")
    other = hooked(store, "http://127.0.0.1:9/b")
    assert first.dispatcher is again.dispatcher and other.dispatcher is not first.dispatcher


def test_200_concurrent_calls_all_delivered_once(store: Store) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with receiver() as rx:
        log = hooked(store, rx.url)

        def one(i: int) -> None:
            write_call(log, f"call-many-{i:03d}", {"tractor_number": str(i)}, latency=False)

        with ThreadPoolExecutor(8) as pool:
            list(pool.map(one, range(200)))
        assert log.dispatcher.flush(60)
    sent = [json.loads(r.body)["call"] for r in rx.got]
    assert sorted(c["id"] for c in sent) == [f"call-many-{i:03d}" for i in range(200)]
    assert all(verify(r.body, SECRET, r.headers["x-daisy-signature"]) for r in rx.got)
    assert all(c["record"]["tractor_number"] == str(int(c["id"][-3:])) for c in sent)
    assert store.count_calls(outcome="completed") == 201
    assert store.calls_with_webhook_state("delivered") and not store.calls_with_webhook_state("failed")
    assert len(store.calls_with_webhook_state("delivered")) == 200


def test_delivery_state_on_sqlite_and_postgresql(any_store: Store) -> None:
    with receiver(status=500) as rx:
        log = hooked(any_store, rx.url, Retry(attempts=2, backoff_s=0.01))
        write_call(log, "call-pg", RAMON)
        assert log.dispatcher.flush(10)
        call = any_store.get_call("call-pg")
        assert call is not None and (call.webhook_status, call.webhook_attempts) == ("failed", 2)
        assert any_store.calls_with_webhook_state("failed") == ["call-pg"]
        rx.status = 204
        delivered, failing = retry_deliveries(any_store, rx.url, SECRET, retry=FAST)
    assert (delivered, failing) == (1, 0)
    call = any_store.get_call("call-pg")
    assert call is not None and (call.webhook_status, call.webhook_attempts) == ("delivered", 3)
    assert verify(rx.got[-1].body, SECRET, rx.got[-1].headers["x-daisy-signature"])


def test_a_real_conversation_is_posted_when_it_ends(store: Store) -> None:
    from daisy.conversation import Conversation
    from daisy.core import Dialogue, Hangup, Utterance
    from daisy.form import load_form

    with receiver() as rx:
        log = hooked(store, rx.url)
        conv = Conversation(Dialogue(load_form(), "es-MX"), log=log)
        conv.start("inbound", "+525512345678")
        for said in ("Sí, soy Ramón Ibarra", "sí", "sesenta y uno veinte", "sí"):
            conv.hear(Utterance(said))
        assert log.dispatcher.flush(5) and rx.got == []  # still talking: nothing sent
        conv.hear(Hangup())
        assert log.dispatcher.flush(10)
    assert len(rx.got) == 1
    call = json.loads(rx.got[0].body)["call"]
    assert call["id"] == conv.call_id and call["outcome"] == "abandoned"
    assert call["record"]["driver_name"] == "Ramón Ibarra" and call["record"]["tractor_number"] == "6120"
    assert any(t["text"] == "[hung up]" for t in call["turns"])


def test_live_call_log(store: Store, caplog: pytest.LogCaptureFixture) -> None:
    with receiver() as rx:
        log = live_call_log(store, settings(daisy_webhook_url=rx.url, daisy_webhook_secret=SECRET))
        assert isinstance(log, WebhookCallLog)
        write_call(log, "call-live", RAMON)
        assert log.dispatcher.flush(10)
    assert len(rx.got) == 1
    plain = live_call_log(store, settings())
    assert not isinstance(plain, WebhookCallLog)
    broken = live_call_log(store, settings(daisy_webhook_url="https://tms.example/hook"))
    assert not isinstance(broken, WebhookCallLog) and "webhook disabled" in caplog.text
    write_call(broken, "call-still-recorded", RAMON)
    assert store.get_call("call-still-recorded") is not None


def test_a_text_chat_call_is_posted_signed_when_it_ends(tmp_path: pathlib.Path) -> None:
    import os
    import subprocess
    import sys

    from tests.web.receiver import receiver

    with receiver() as rx:
        env = {**os.environ, "DAISY_WEBHOOK_URL": rx.url, "DAISY_WEBHOOK_SECRET": "s3cret-for-tests"}
        lines = ['{"say": "Soy Ramón Ibarra"}', '{"say": "sí"}', '{"hangup": true}']
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "daisy.cli.main",
                "chat",
                "--jsonl",
                "--db",
                f"sqlite:///{tmp_path / 'c.db'}",
            ],
            input="\n".join(lines) + "\n",
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
        )
        assert proc.returncode == 0, proc.stderr
        (got,) = rx.got
    assert verify(got.body, "s3cret-for-tests", got.headers["x-daisy-signature"])
    call = json.loads(got.body)["call"]
    assert call["outcome"] == "abandoned" and call["record"]["driver_name"] == "Ramón Ibarra"


def test_a_process_exiting_while_the_receiver_fails_leaves_the_call_failed_then_retry_sends_it(
    store: Store, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A text chat ends its call and exits after waiting briefly; its tries (here 5, 2 s apart) are cut
    # short. Before, the call stayed `pending` for ever and `daisy webhooks retry` skipped it.
    with receiver(status=503) as rx:
        log = hooked(store, rx.url, Retry(attempts=5, backoff_s=2.0))
        write_call(log, "call-exiting", RAMON)
        assert not log.flush(0.5)  # what `daisy chat` calls at exit
        call = store.get_call("call-exiting")
        assert call is not None and call.webhook_status == "failed"
        assert call.webhook_last_error is not None
        tries = len(rx.got)
        time.sleep(0.3)
        assert len(rx.got) == tries  # and no more tries once given up on
        rx.status = 200
        monkeypatch.setenv("DAISY_WEBHOOK_URL", rx.url)
        monkeypatch.setenv("DAISY_WEBHOOK_SECRET", SECRET)
        get_settings.cache_clear()
        try:
            result = CliRunner().invoke(_runner_app(), ["webhooks", "retry", "--db", db_url])
        finally:
            get_settings.cache_clear()
    assert result.exit_code == 0 and "1 delivered, 0 still failing" in result.output
    call = store.get_call("call-exiting")
    assert call is not None and call.webhook_status == "delivered"


def test_retry_takes_up_pending_deliveries_left_by_a_killed_process(store: Store) -> None:
    from datetime import UTC, datetime, timedelta

    write_call(store.call_log(), "call-killed", RAMON)
    write_call(store.call_log(), "call-in-flight", RAMON)
    now = datetime.now(UTC)
    store.set_webhook_state("call-killed", "pending", at=now - timedelta(minutes=11))  # kill -9 long ago
    store.set_webhook_state("call-in-flight", "pending", at=now)  # another process is sending it now
    with receiver() as rx:
        assert retry_deliveries(store, rx.url, SECRET, retry=FAST) == (1, 0)
    assert [json.loads(r.body)["call"]["id"] for r in rx.got] == ["call-killed"]
    in_flight = store.get_call("call-in-flight")
    assert in_flight is not None and in_flight.webhook_status == "pending"


def test_retry_sends_several_calls_at_once_within_a_bound(store: Store) -> None:
    for i in range(6):
        write_call(store.call_log(), f"call-down-{i}", RAMON, latency=False)
        store.set_webhook_state(f"call-down-{i}", "failed", "HTTP 503")
    with receiver(delay_s=0.4) as rx:
        assert retry_deliveries(store, rx.url, SECRET, retry=FAST, concurrency=3) == (6, 0)
    assert len(rx.got) == 6 and rx.max_in_flight == 3  # before: one at a time
    assert all(verify(r.body, SECRET, r.headers["x-daisy-signature"]) for r in rx.got)
