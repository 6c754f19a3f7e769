"""Signing and sending one outgoing webhook: the outbox sender of channel ``webhook_out``.

The signature (in the style of Stripe's and GitHub's), for receivers to check:

    X-Scrubdesk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>." + raw body)>
    X-Scrubdesk-Delivery:  <delivery id: the same on every retry of one event to one endpoint>
    X-Scrubdesk-Event:     <event, e.g. ticket.created>

Recompute the HMAC over the exact bytes received (before any JSON parsing), compare in constant time,
refuse a ``t`` more than five minutes from your clock (a captured request cannot be replayed later), and
keep the delivery ids you have seen: delivery is at least once (a retry after a lost answer repeats it).

The POST goes to the address ``outbound.webhook_urls.resolve`` checked (no redirect is followed: a
3xx would send the body where no admin looked), with short timeouts. The answer decides: 2xx done;
410 Gone or a redirect: given up; 408, 429 (with its Retry-After, RFC 9110 section 10.2.3), 5xx,
other 4xx and network errors: retried with the outbox's back-off until its give-up rule.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import logging
import ssl
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx
from sqlalchemy import update

from models import Message, Ticket, utcnow
from models.webhooks_out import WebhookEndpoint
from outbound.webhook_urls import Resolver, UrlPolicy, UrlRefused, display, resolve, system_resolver
from outbound.worker import OutboundItem, PermanentSendError, TransientSendError
from tickets import guards
from tickets.store import TicketStore

log = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Scrubdesk-Signature"
DELIVERY_HEADER = "X-Scrubdesk-Delivery"
EVENT_HEADER = "X-Scrubdesk-Event"
USER_AGENT = "scrubdesk-webhooks/1"
# Connect quickly or not at all; the whole exchange stays far below half the outbox lease.
TIMEOUT = httpx.Timeout(10.0, connect=5.0)
NOTE_EVERY = 30.0
MAX_RETRY_AFTER = 6 * 3600.0


class _NoUrlPaths(logging.Filter):
    """httpx logs every request's full URL at INFO ("HTTP Request: POST https://..."): for a webhook that
    is the Slack path that is its secret, or a token in the query. Logged with scheme and host only."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and len(record.args) > 1 and isinstance(record.args[1], httpx.URL):
            record.args = (record.args[0], display(str(record.args[1])), *record.args[2:])
        return True


logging.getLogger("httpx").addFilter(_NoUrlPaths())


def signature(secret: str, body: bytes, timestamp: int) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def verify_signature(secret: str, body: bytes, header: str, *, tolerance: int = 300,
                     now: float | None = None) -> bool:
    """The receiver's check, for our own test page and for anyone who wants to copy it."""
    fields: dict[str, list[str]] = {}
    for part in header.split(","):
        key, _, value = part.strip().partition("=")
        fields.setdefault(key, []).append(value)
    try:
        stamp = int(fields["t"][0])
    except (KeyError, ValueError):
        return False
    if abs((now if now is not None else time.time()) - stamp) > tolerance:
        return False
    expected = signature(secret, body, stamp).rpartition("v1=")[2]
    return any(hmac.compare_digest(expected, given) for given in fields.get("v1", []))


def encode(body: dict[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


@functools.cache
def default_tls() -> ssl.SSLContext:
    """httpx's default verification (certifi's CAs), built once: building it costs ~25 ms, more than a POST."""
    return httpx.create_ssl_context()


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    elapsed_ms: int


def post(url: str, secret: str, body: bytes, *, delivery: str, event: str, policy: UrlPolicy,
         resolver: Resolver = system_resolver, timeout: httpx.Timeout = TIMEOUT,
         verify: ssl.SSLContext | None = None) -> Answer:
    """One signed POST; raises ``UrlRefused`` (not allowed) or ``httpx.HTTPError`` (network)."""
    target = resolve(url, policy, resolver)
    headers = {
        "Host": target.host, "Content-Type": "application/json", "User-Agent": USER_AGENT,
        SIGNATURE_HEADER: signature(secret, body, int(time.time())), DELIVERY_HEADER: delivery, EVENT_HEADER: event,
    }
    extensions = {"sni_hostname": target.server_name} if target.scheme == "https" else {}
    started = time.monotonic()
    # trust_env=False: no proxy from the environment, which would connect to the name, not the checked address.
    # A client per POST, no pool: a pooled connection made for one name pinned to an address could be
    # reused for another name on the same address, with the first name's certificate check.
    tls = verify or default_tls()
    with (httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False, verify=tls) as client,
          client.stream("POST", target.url, content=body, headers=headers, extensions=extensions) as response):
        # The status line and headers are the answer; the body is never read (a receiver cannot hold the
        # worker by trickling a long one, nor fill its memory).
        code = response.status_code
    elapsed = int((time.monotonic() - started) * 1000)
    return Answer(code, elapsed) if code < 300 else _refusal(response)


def _refusal(response: httpx.Response) -> Answer:
    code = response.status_code
    if 300 <= code < 400:
        raise PermanentSendError(f"answered {code}: redirects are not followed")
    if code == 410:
        raise PermanentSendError("answered 410 Gone")
    retry_after = _retry_after(response.headers.get("Retry-After")) if code in (429, 503) else None
    raise TransientSendError(f"answered {code}", retry_after=retry_after)


def _retry_after(value: str | None) -> float | None:
    """Seconds or an HTTP-date (RFC 9110 section 10.2.3), at most six hours (the outbox's longest wait)."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds()
        except (TypeError, ValueError):
            return None
    return min(max(seconds, 1.0), MAX_RETRY_AFTER)


class WebhookSender:
    """The outbox's sender of ``webhook_out`` entries (``outbound.worker.Sender``)."""

    def __init__(self, store: TicketStore, policy: UrlPolicy, *, resolver: Resolver = system_resolver,
                 timeout: httpx.Timeout = TIMEOUT, verify: ssl.SSLContext | None = None) -> None:
        self.store = store
        self.policy = policy
        self._noted: dict[int, tuple[str, float]] = {}
        self.resolver = resolver
        self.timeout = timeout
        self.verify = verify  # a context with the receivers' private CA, where they use one

    def send(self, item: OutboundItem) -> None:
        payload = item.payload
        with self.store.reading() as session:
            endpoint = session.get(WebhookEndpoint, int(payload["endpoint"]))
            if endpoint is None or not endpoint.enabled:
                raise PermanentSendError("the endpoint was removed or disabled")
            # Erased since it was queued (an erased ticket takes its entries with it; a message does not).
            if payload.get("message") is not None and session.get(Message, int(payload["message"])) is None:
                raise PermanentSendError("the message was erased")
            # Restricted (art. 18 GDPR) since it was queued: its content may no longer leave.
            ticket = session.get(Ticket, item.ticket_id) if item.ticket_id is not None else None
            if ticket is not None and not payload.get("restricted") and guards.restriction_of(session, ticket):
                raise PermanentSendError("the ticket was restricted (art. 18 GDPR) since this was queued")
            url, secret = endpoint.url, endpoint.secret
        endpoint_id = int(payload["endpoint"])
        try:
            answer = post(url, secret, str(payload["body"]).encode(), delivery=str(payload["delivery"]),
                          event=str(payload["event"]), policy=self.policy, resolver=self.resolver,
                          timeout=self.timeout, verify=self.verify)
        except UrlRefused as exc:
            self._note(endpoint_id, str(exc))
            if exc.transient:
                raise TransientSendError(str(exc)) from exc
            raise PermanentSendError(str(exc)) from exc
        except (PermanentSendError, TransientSendError) as exc:
            self._note(endpoint_id, str(exc))
            raise
        except httpx.HTTPError as exc:  # the message names the exception kind, never the URL
            reason = f"network error ({type(exc).__name__})"
            self._note(endpoint_id, reason)
            raise TransientSendError(reason) from exc
        self._note(endpoint_id, f"answered {answer.status}")
        log.info("webhook: entry %d to endpoint %s (%s) answered %d in %d ms", item.id, payload["endpoint"],
                 display(url), answer.status, answer.elapsed_ms)

    def _note(self, endpoint_id: int, result: str) -> None:
        """The outcome on the endpoint, for the admin page (its own short transaction): written when it
        differs from what this sender last wrote, else at most every ``NOTE_EVERY`` seconds, so a busy
        endpoint does not cost a second commit per POST."""
        now = time.monotonic()
        last = self._noted.get(endpoint_id)
        if last is not None and last[0] == result and now - last[1] < NOTE_EVERY:
            return
        self._noted[endpoint_id] = (result, now)
        with self.store.writing() as session:
            session.execute(update(WebhookEndpoint).where(WebhookEndpoint.id == endpoint_id).values(
                last_result=result[:120], last_attempt_at=utcnow()))
