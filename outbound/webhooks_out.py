"""Outgoing webhooks: derive ticket events after commit and queue them in the outbox, one per endpoint.

The dispatcher reads committed rows (``messages``, ``ticket_events``) by id from its stored position,
turns each into an event (``outbound.webhook_events``), and in the same transaction writes one outbox
entry (channel ``webhook_out``, payload sealed like every outbox payload) per enabled endpoint that wants
the event, records the row as handled, and moves its position. The outbox worker then signs and POSTs
(``outbound.webhook_send``) with the outbox's back-off and give-up rules. Intake never waits for any of
this: a receiver that is down delays nothing and loses nothing, and a restart resumes from the stored
position without sending anything twice (the rows handled and the entries queued commit together).

Ids that commit out of order. On PostgreSQL an id is taken from the sequence at insert and becomes
visible at commit, so a transaction holding id 41 can commit after the one holding 42: a plain "highest
id seen" cursor would skip 41 forever. So the position is a low-water mark plus the set of ids above it
already handled (``webhook_seen``): every pass handles every visible row above the mark that is not in
the set, whatever its order, and the mark moves up over consecutive handled ids. It passes a missing id
(a rolled-back insert, an erased message, or a transaction still running) only once the next handled id
was first seen more than ``settle`` ago: the missing id was taken before that row's, so its transaction
has been open for at least that long. A transaction longer than the settle window (60 s by default;
intake's are milliseconds) would have its row skipped; that is the bound. On SQLite one writer commits at
a time, so ids become visible in order.

Delivery ids are derived from (endpoint, table, row id): the same event to the same endpoint has the
same id on every attempt, so a receiver dedupes on ``X-Scrubdesk-Delivery``.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import Exists, SQLColumnExpression, and_, delete, exists, func, select
from sqlalchemy.orm import Session

from models import Message, TicketEvent, utcnow
from models.webhooks_out import SOURCE_MESSAGES, SOURCES, WebhookCursor, WebhookEndpoint, WebhookSeen
from outbound import webhook_events
from outbound.webhook_events import EndpointView, Event
from outbound.webhook_send import encode
from tickets import outbox
from tickets.store import TicketStore

log = logging.getLogger(__name__)

OUTBOX_CHANNEL = "webhook_out"
OUTBOX_KIND = "webhook"
SETTLE = timedelta(seconds=60)
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


def _cursor(session: Session, source: str) -> WebhookCursor:
    """The source's cursor, locked for this transaction (PostgreSQL: a second dispatcher waits)."""
    query = select(WebhookCursor).where(WebhookCursor.source == source)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    cursor = session.scalars(query).first()
    if cursor is None:  # a table emptied by hand: start from what is there now, as the migration does
        model = Message if source == SOURCE_MESSAGES else TicketEvent
        cursor = WebhookCursor(source=source, position=session.scalar(select(func.max(model.id))) or 0)
        session.add(cursor)
        session.flush()
    return cursor


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


def _handled(source: str, row_id: SQLColumnExpression[int]) -> Exists:
    return exists().where(and_(WebhookSeen.source == source, WebhookSeen.row_id == row_id))


def _handle(session: Session, source: str, cursor: WebhookCursor, endpoints: Sequence[EndpointView],
            limit: int) -> tuple[int, int]:
    """Handle up to ``limit`` rows not yet handled; (rows handled, entries queued)."""
    rows: list[Message] | list[TicketEvent]
    if source == SOURCE_MESSAGES:
        rows = list(session.scalars(select(Message).where(Message.id > cursor.position, ~_handled(source, Message.id))
                                    .order_by(Message.id).limit(limit)))
    else:
        rows = list(session.scalars(select(TicketEvent).where(
            TicketEvent.id > cursor.position, ~_handled(source, TicketEvent.id)).order_by(TicketEvent.id).limit(limit)))
    queued = 0
    now = utcnow()
    for row in rows:
        event = _derive(session, row)
        if event is not None:
            queued += _queue(session, event, endpoints)
        session.add(WebhookSeen(source=source, row_id=row.id, seen_at=now))
    session.flush()
    return len(rows), queued


def _advance(session: Session, source: str, cursor: WebhookCursor, settle: timedelta) -> None:
    """Move the low-water mark over handled ids; past a missing id only once it has settled."""
    model: type[Message] | type[TicketEvent] = Message if source == SOURCE_MESSAGES else TicketEvent
    highest = session.scalar(select(func.max(model.id))) or 0
    # SQLite reuses the highest id after its row is deleted (an erased message): follow it down, or
    # the next row, given that id again, would lie below the mark.
    position = min(cursor.position, highest)
    settled = utcnow() - settle
    seen = session.execute(select(WebhookSeen.row_id, WebhookSeen.seen_at).where(
        WebhookSeen.source == source, WebhookSeen.row_id > position).order_by(WebhookSeen.row_id)).all()
    for row_id, seen_at in seen:
        if row_id != position + 1 and seen_at > settled:
            break  # a missing id below this one may still commit
        position = row_id
    if position != cursor.position:
        cursor.position = position
        session.execute(delete(WebhookSeen).where(WebhookSeen.source == source, WebhookSeen.row_id <= position))


def dispatch_pass(store: TicketStore, *, settle: timedelta = SETTLE, limit: int = BATCH) -> tuple[bool, int]:
    """One pass over both tables in one transaction, about ``limit`` outbox entries at most: (whether a
    table had more rows than it took, how many outbox entries it queued)."""
    with store.writing() as session:
        endpoints = endpoint_views(session)
        rows = max(1, limit // max(1, len(endpoints)))  # entries per pass, whatever the number of endpoints
        queued, full = 0, False
        for source in SOURCES:
            cursor = _cursor(session, source)
            handled, added = _handle(session, source, cursor, endpoints, rows)
            queued, full = queued + added, full or handled >= rows
            _advance(session, source, cursor, settle)
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
