"""Outgoing webhooks: derive ticket events after commit and queue them in the outbox, one per endpoint.

The dispatcher reads committed rows (``messages``, ``ticket_events``) by id from its stored position,
turns each into an event (``outbound.webhook_events``), and in the same transaction writes one outbox
entry (channel ``webhook_out``, payload sealed like every outbox payload) per enabled endpoint that wants
the event, records the row as handled, and moves its position. The outbox worker then signs and POSTs
(``outbound.webhook_send``) with the outbox's back-off and give-up rules. Intake never waits for any of
this: a receiver that is down delays nothing and loses nothing, and a restart resumes from the stored
position without sending anything twice (the rows handled and the entries queued commit together).

Which rows are new is the shared event feed's business (``tickets.event_feed``, consumer
``webhooks-out``): a low-water mark plus the set of ids above it already handled, because on PostgreSQL
ids can commit out of order; its docstring gives the settle window and its bound.

Delivery ids are derived from (endpoint, table, row id): the same event to the same endpoint has the
same id on every attempt, so a receiver dedupes on ``X-Scrubdesk-Delivery``.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Message, TicketEvent
from models.webhooks_out import SOURCES, WebhookEndpoint
from outbound import webhook_events
from outbound.webhook_events import EndpointView, Event
from outbound.webhook_send import encode
from tickets import event_feed, outbox
from tickets.store import TicketStore

log = logging.getLogger(__name__)

OUTBOX_CHANNEL = "webhook_out"
OUTBOX_KIND = "webhook"
SETTLE = event_feed.SETTLE
CONSUMER = event_feed.WEBHOOKS_OUT
# Rows per pass: a pass is one write transaction, and on SQLite intake's writer waits while it runs,
# so a backlog goes in short passes (about 50 outbox entries: 0.2 s on average measured on SQLite)
# with the lock free between them.
BATCH = 50
# Fixed, so delivery ids stay the same across restarts and processes.
_NAMESPACE = uuid.UUID("8f6c1f0e-3c1b-5d55-9a57-5c2b0de5c0de")


def delivery_id(endpoint_id: int, source: str, row_id: int) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{endpoint_id}:{source}:{row_id}"))


def endpoint_views(session: Session) -> list[EndpointView]:
    rows = session.scalars(select(WebhookEndpoint).where(WebhookEndpoint.enabled.is_(True))
                           .order_by(WebhookEndpoint.id))
    return [EndpointView(e.id, e.format, e.include_text, e.lang, tuple(e.events or ())) for e in rows]


def _derive(session: Session, row: Message | TicketEvent) -> Event | None:
    if isinstance(row, Message):
        return webhook_events.from_message(session, row)
    return webhook_events.from_ticket_event(session, row)


def _queue(session: Session, event: Event, endpoints: Sequence[EndpointView]) -> int:
    wanting = [endpoint for endpoint in endpoints if endpoint.wants(event.kind)]
    read = webhook_events.facts(session, event) if wanting else None
    if read is None:
        return 0
    queued = 0
    for endpoint in wanting:
        delivery = delivery_id(endpoint.id, event.source, event.row_id)
        body = webhook_events.for_endpoint(read, endpoint, delivery)
        # By ticket only: an entry with a message id would be read as that message's delivery (the
        # ticket page shows a reply's outbox state). The message is checked again before sending.
        outbox.enqueue(session, channel=OUTBOX_CHANNEL, kind=OUTBOX_KIND, ticket_id=event.ticket_id, payload={
            "endpoint": endpoint.id, "delivery": delivery, "event": event.kind, "message": event.message_id,
            "restricted": bool(read["ticket"].get("restricted")),
            "body": encode(webhook_events.rendered(body, endpoint)).decode()})
        queued += 1
    return queued


def dispatch_pass(store: TicketStore, *, settle: timedelta = SETTLE, limit: int = BATCH) -> tuple[bool, int]:
    """One pass over both tables in one transaction, about ``limit`` outbox entries at most: (whether a
    table had more rows than it took, how many outbox entries it queued)."""
    with store.writing() as session:
        endpoints = endpoint_views(session)
        rows = max(1, limit // max(1, len(endpoints)))  # entries per pass, whatever the number of endpoints

        def handle(row: Message | TicketEvent) -> int:
            event = _derive(session, row)
            return _queue(session, event, endpoints) if event is not None else 0

        # Without an endpoint no row becomes an event: the rows are only recorded as handled.
        full, queued = event_feed.take(session, CONSUMER, SOURCES, handle if endpoints else None, limit=rows,
                                       settle=settle)
    if queued:
        log.info("webhooks: queued %d deliveries to %d endpoints", queued, len(endpoints))
    return full, queued


def dispatch_once(store: TicketStore, *, settle: timedelta = SETTLE, limit: int = BATCH) -> int:
    """One pass; how many outbox entries it queued."""
    return dispatch_pass(store, settle=settle, limit=limit)[1]


class WebhookDispatcher:
    """Runs ``dispatch_pass`` every ``interval`` seconds until stopped, at once again while a backlog lasts
    (a single-consumer role in serve; the cursor's row lock keeps a second dispatcher harmless anyway)."""

    def __init__(self, store: TicketStore, *, interval: float = 2.0, settle: timedelta = SETTLE) -> None:
        self.store = store
        self.interval = interval
        self.settle = settle

    def run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            full = False
            try:
                full, _queued = dispatch_pass(self.store, settle=self.settle)
            except Exception:
                log.exception("webhooks: dispatch pass failed")
            if not full:
                stop.wait(self.interval)
