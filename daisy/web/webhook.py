"""The signed webhook: every ended call, and every call a person corrected, is POSTed as JSON to
DAISY_WEBHOOK_URL (`"event": "call.ended"` or `"call.updated"`).

    Conversation(dialogue, log=live_call_log(store))   # the store's CallLog + the webhook if configured

The body is the call as `GET /api/calls/{id}` gives it (plus `record`, the confirmed values), and
`X-Daisy-Signature: t=<unix seconds>,v1=<hex>` carries the HMAC-SHA256, keyed by
DAISY_WEBHOOK_SECRET, of `<t>.` followed by the exact body bytes: a receiver checks it and rejects
a `t` more than 5 minutes away from its clock, so a captured request cannot be replayed later.
Delivery runs on background threads with retries and exponential backoff, so a slow or dead
receiver never delays a call; its state (pending, delivered, failed), the number of attempts, the
last error and when it changed are kept on the call's row. A delivery ends `failed` when its tries
are spent or its process exits first; `daisy webhooks retry` re-sends failed ones and those left
`pending` by a process that was killed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import queue
import random
import threading
import time
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import httpx

from daisy.web.exports import call_document

if TYPE_CHECKING:
    from daisy.conversation import CallLog
    from daisy.core.state import CallState
    from daisy.form import Form
    from daisy.records.store import Store
    from daisy.settings import Settings

log = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Daisy-Signature"
EVENT = "call.ended"
UPDATED = "call.updated"  # a person corrected a field (the dashboard or PATCH /api/calls/…/fields/…)
# The receiver may recover from these (overloaded, rate-limited); any other 4xx means it rejects the
# call for good, and retrying now would only hammer it: `daisy webhooks retry` is for after a fix.
_RETRYABLE_4XX = {408, 425, 429}


class WebhookConfigError(ValueError):
    """DAISY_WEBHOOK_URL / DAISY_WEBHOOK_SECRET cannot be used as given."""


REPLAY_WINDOW_S = 300  # a receiver rejects signatures whose time is further than this from its clock
# A delivery's tries take about a minute at most (5 tries, backoff up to 8 s, 10 s timeouts); a call
# still `pending` long after that was left by a process that stopped, and `retry` takes it up.
STALE_PENDING = timedelta(minutes=10)
RETRY_CONCURRENCY = 8


def _mac(body: bytes, secret: str, timestamp: int) -> str:
    return hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


def sign(body: bytes, secret: str, timestamp: int | None = None) -> str:
    """The signature header's value for `body`, sent at `timestamp` (now by default)."""
    t = int(time.time()) if timestamp is None else timestamp
    return f"t={t},v1={_mac(body, secret, t)}"


def verify(
    body: bytes, secret: str, header: str | None, *, now: float | None = None, window_s: int = REPLAY_WINDOW_S
) -> bool:
    """What a receiver does: parse t and v1, refuse an old (or future) t, recompute, compare in
    constant time."""
    if not header or len(header) > 500:
        return False
    parts = dict(item.strip().partition("=")[::2] for item in header.split(","))
    t, given = parts.get("t", ""), parts.get("v1", "")
    if not t.isdigit() or len(t) > 12 or not given:
        return False
    if abs((time.time() if now is None else now) - int(t)) > window_s:
        return False
    return hmac.compare_digest(_mac(body, secret, int(t)).encode(), given.encode())


def check_config(url: str | None, secret: str | None) -> None:
    if not url:
        return
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise WebhookConfigError("DAISY_WEBHOOK_URL must be an http:// or https:// URL")
    if not secret:
        # An unsigned webhook would let anyone who finds the receiver's URL inject registrations.
        raise WebhookConfigError("DAISY_WEBHOOK_URL is set but DAISY_WEBHOOK_SECRET is not")


@dataclass(frozen=True, slots=True)
class Retry:
    attempts: int = 5  # tries per delivery, the first included
    backoff_s: float = 1.0  # wait before the 2nd try; doubles each time (with jitter)
    max_backoff_s: float = 60.0
    timeout_s: float = 10.0

    def delay(self, failed_tries: int) -> float:
        base = min(self.max_backoff_s, self.backoff_s * 2 ** (failed_tries - 1))
        # Jitter so that many calls failing together don't retry in lockstep.
        return base * random.uniform(0.75, 1.0)


class WebhookSender:
    """Delivers one call at a time, synchronously, recording the delivery state on the call."""

    def __init__(self, store: Store, url: str, secret: str, retry: Retry | None = None) -> None:
        check_config(url, secret)
        self.store = store
        self.url = url
        self.secret = secret
        self.retry = retry or Retry()
        # One HTTP client per thread: making one costs ~50 ms (TLS set-up), more than a delivery.
        self._local = threading.local()

    def _client(self) -> httpx.Client:
        client: httpx.Client | None = getattr(self._local, "client", None)
        if client is None:
            client = self._local.client = httpx.Client(timeout=self.retry.timeout_s, follow_redirects=False)
        return client

    def body(self, call_id: str, event: str | None = EVENT) -> bytes | None:
        found = self.document(call_id, event)
        return found[1] if found else None

    def document(self, call_id: str, event: str | None = EVENT) -> tuple[str, bytes] | None:
        """The event and the body to send; event None (a retry): `call.updated` for a corrected call
        (its receiver may have the ended call already, and de-duplicates on the id), else `call.ended`."""
        call = self.store.get_call(call_id)
        if call is None:
            return None
        event = event or (UPDATED if call.corrections else EVENT)
        doc: dict[str, object] = {"event": event, "call": call_document(call)}
        if event == UPDATED and call.corrections:
            doc["correction"] = call.corrections[-1].model_dump(mode="json")  # the latest; all are in `call`
        return event, json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()

    def _post(
        self, client: httpx.Client, call_id: str, body: bytes, event: str = EVENT
    ) -> tuple[bool, bool, str | None]:
        """One try: (delivered, worth retrying, error)."""
        headers = {
            "Content-Type": "application/json",
            SIGNATURE_HEADER: sign(body, self.secret),
            "X-Daisy-Event": event,
            "X-Daisy-Call-Id": call_id,
            "User-Agent": "daisy-webhook/1",
        }
        try:
            response = client.post(self.url, content=body, headers=headers)
        except httpx.HTTPError as e:
            # The exception's text can carry the URL, never call data; keep it short.
            return False, True, f"{type(e).__name__}: {str(e)[:200]}"
        if 200 <= response.status_code < 300:
            return True, False, None
        status = response.status_code
        retryable = status >= 500 or status in _RETRYABLE_4XX
        return False, retryable, f"HTTP {status}"

    def deliver(self, call_id: str, stop: threading.Event | None = None, event: str | None = EVENT) -> bool:
        """Send the call, retrying with backoff; True once delivered. Never raises for HTTP failures.

        Once `stop` is set (the process is exiting) no further try is made and the delivery ends
        `failed`, so that `daisy webhooks retry` sends it again."""
        found = self.document(call_id, event)
        if found is None:
            log.warning("webhook: call %s not found, nothing sent", call_id)
            return False
        sent_event, body = found
        client = self._client()
        stop = stop or threading.Event()
        for attempt in range(1, self.retry.attempts + 1):
            ok, retryable, error = self._post(client, call_id, body, sent_event)
            if ok:
                self.store.set_webhook_state(call_id, "delivered", attempted=True)
                log.info("webhook: call %s delivered (attempt %d)", call_id, attempt)
                return True
            last = attempt == self.retry.attempts or not retryable or stop.is_set()
            self.store.set_webhook_state(call_id, "failed" if last else "pending", error, attempted=True)
            log.warning("webhook: call %s attempt %d failed: %s", call_id, attempt, error)
            if last or stop.wait(self.retry.delay(attempt)):
                if not last:  # woken by `stop` during the backoff
                    self.store.set_webhook_state(call_id, "failed", error)
                return False
        return False


class WebhookDispatcher:
    """Background delivery: `submit` returns at once; a few daemon threads do the sending.

    Daemon threads, because a process that ends (a text chat, a worker being restarted) must not hang
    on a dead receiver; a delivery cut short stays `pending` and `daisy webhooks retry --pending`
    picks it up."""

    def __init__(self, sender: WebhookSender, workers: int = 2) -> None:
        self.sender = sender
        self._queue: queue.Queue[tuple[str, str]] = queue.Queue()  # (call id, event)
        self._stop = threading.Event()
        self._open: set[str] = set()  # submitted, not yet delivered or given up on
        self._open_lock = threading.Lock()
        self._threads = [
            threading.Thread(target=self._work, name=f"daisy-webhook-{i}", daemon=True)
            for i in range(workers)
        ]
        for t in self._threads:
            t.start()

    def submit(self, call_id: str, event: str = EVENT) -> None:
        with self._open_lock:
            self._open.add(call_id)
        self._queue.put((call_id, event))

    def _work(self) -> None:
        while True:
            call_id, event = self._queue.get()
            try:
                self.sender.deliver(call_id, self._stop, event)
            except Exception as e:  # noqa: BLE001 - a database hiccup must not kill the worker
                log.warning("webhook: call %s: %s", call_id, type(e).__name__)
            finally:
                with self._open_lock:
                    self._open.discard(call_id)
                self._queue.task_done()

    def finish(self, timeout: float = 10.0) -> bool:
        """Before the process exits: wait up to `timeout`, then stop trying and mark every delivery
        not done `failed` (a daemon thread would otherwise die with it left `pending`)."""
        if self.flush(timeout):
            return True
        self._stop.set()
        with self._open_lock:
            left = sorted(self._open)
        for call_id in left:
            try:
                self.sender.store.set_webhook_state(call_id, "failed", "the process exited before delivery")
            except Exception as e:  # noqa: BLE001 - exiting anyway; `retry` finds it as stale pending
                log.warning("webhook: call %s: %s", call_id, type(e).__name__)
        log.warning("webhook: %d call(s) not delivered before exit; `daisy webhooks retry` sends them",
                    len(left))
        return False

    def flush(self, timeout: float = 30.0) -> bool:
        """Wait until everything submitted is delivered or given up on; False on timeout."""
        deadline = time.monotonic() + timeout
        while self._queue.unfinished_tasks:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.02)
        return True


class WebhookCallLog:
    """A CallLog that passes everything to `inner` and, once a call has ended, hands it to the
    dispatcher. Only the `pending` mark is written before returning (one small UPDATE, so a process
    dying right after still leaves the call findable by `daisy webhooks retry --pending`)."""

    def __init__(self, inner: CallLog, dispatcher: WebhookDispatcher) -> None:
        self.inner = inner
        self.dispatcher = dispatcher

    def call_started(self, call_id: str, state: CallState, form: Form, at: datetime) -> None:
        self.inner.call_started(call_id, state, form, at)

    def turn_added(
        self,
        call_id: str,
        seq: int,
        role: str,
        text: str,
        at: datetime,
        state: CallState,
        latency_ms: Mapping[str, float] | None = None,
    ) -> None:
        self.inner.turn_added(call_id, seq, role, text, at, state, latency_ms)

    def latency_measured(self, call_id: str, seq: int, latency_ms: Mapping[str, float]) -> None:
        self.inner.latency_measured(call_id, seq, latency_ms)

    def field_changed(self, call_id: str, key: str, state: CallState, at: datetime) -> None:
        self.inner.field_changed(call_id, key, state, at)

    def flush(self, timeout: float = 10.0) -> bool:
        """Before a short-lived process (a text chat) exits: give in-flight deliveries a moment, then
        mark the rest `failed` for `daisy webhooks retry`."""
        return self.dispatcher.finish(timeout)

    def call_ended(self, call_id: str, state: CallState, at: datetime) -> None:
        self.inner.call_ended(call_id, state, at)
        try:
            self.dispatcher.sender.store.set_webhook_state(call_id, "pending")
        except Exception as e:  # noqa: BLE001 - the call must end normally whatever the database does
            log.warning("webhook: could not mark call %s pending: %s", call_id, type(e).__name__)
        self.dispatcher.submit(call_id)


# One dispatcher (and its threads) per database and receiver for the whole process: the voice worker
# asks for a call log on every call, and each must not start threads of its own.
_dispatchers: dict[tuple[str, str, str, Retry | None], WebhookDispatcher] = {}
_dispatchers_lock = threading.Lock()


def dispatcher_for(store: Store, url: str, secret: str, retry: Retry | None = None) -> WebhookDispatcher:
    key = (store.url.render_as_string(hide_password=False), url, secret, retry)
    with _dispatchers_lock:
        found = _dispatchers.get(key)
        if found is None:
            found = _dispatchers[key] = WebhookDispatcher(WebhookSender(store, url, secret, retry))
        return found


def with_webhook(inner: CallLog, store: Store, settings: Settings, retry: Retry | None = None) -> CallLog:
    """`inner` wrapped to send ended calls to DAISY_WEBHOOK_URL; `inner` itself when none is set.

    Raises WebhookConfigError for a URL without a secret (or a URL that isn't http/https)."""
    url, secret = settings.daisy_webhook_url, settings.daisy_webhook_secret
    if not url:
        return inner
    check_config(url, secret)
    assert secret is not None
    return WebhookCallLog(inner, dispatcher_for(store, url, secret, retry))


def announce_update(store: Store, settings: Settings | None, call_id: str) -> bool:
    """Queue a `call.updated` delivery after a correction; False when no webhook is configured (or
    it is misconfigured: the correction is kept all the same)."""
    if settings is None or not settings.daisy_webhook_url:
        return False
    try:
        check_config(settings.daisy_webhook_url, settings.daisy_webhook_secret)
    except WebhookConfigError as e:
        log.error("webhook disabled: %s", e)
        return False
    assert settings.daisy_webhook_secret is not None
    store.set_webhook_state(call_id, "pending")
    dispatcher_for(store, settings.daisy_webhook_url, settings.daisy_webhook_secret).submit(call_id, UPDATED)
    return True


def retry_deliveries(
    store: Store,
    url: str,
    secret: str,
    *,
    include_pending: bool = False,
    retry: Retry | None = None,
    concurrency: int = RETRY_CONCURRENCY,
    now: datetime | None = None,
) -> tuple[int, int]:
    """Re-send every call whose delivery failed or was left `pending` (untouched for STALE_PENDING:
    its process was killed; with `include_pending`, every pending one), `concurrency` at a time.
    Returns (delivered, still failing)."""
    sender = WebhookSender(store, url, secret, retry)
    stale = None if include_pending else (now or datetime.now(UTC)) - STALE_PENDING
    ids = store.calls_with_webhook_state("failed")
    ids += store.calls_with_webhook_state("pending", unchanged_since=stale)

    def one(call_id: str) -> bool:
        store.set_webhook_state(call_id, "pending")
        try:
            return sender.deliver(call_id, event=None)
        except Exception as e:  # noqa: BLE001 - one call's database hiccup must not stop the others
            log.warning("webhook: call %s: %s", call_id, type(e).__name__)
            return False

    workers = max(1, min(concurrency, len(ids)))
    with ThreadPoolExecutor(workers, thread_name_prefix="daisy-retry") as pool:
        delivered = sum(pool.map(one, ids))
    return delivered, len(ids) - delivered


def live_call_log(store: Store, settings: Settings | None = None, *, strict: bool = False) -> CallLog:
    """The CallLog a live call should write through: the store's, plus the webhook when configured.

    A webhook misconfiguration is logged and the call is still recorded: losing the record of a call
    because of a missing secret would be worse than not notifying the TMS."""
    if settings is None:
        from daisy.settings import get_settings

        settings = get_settings()
    inner = store.call_log(strict=strict)
    try:
        return with_webhook(inner, store, settings)
    except WebhookConfigError as e:
        log.error("webhook disabled: %s", e)
        return inner
