"""The outbox's delivery side: ``OutboxWorker`` claims due entries, hands each to the sender of its
channel, and marks the result (``tickets.outbox`` writes the entries).

Claiming: an entry is moved to ``sending`` with a lease (``next_attempt_at`` = now + lease) in its own
short transaction, on PostgreSQL with ``FOR UPDATE SKIP LOCKED`` so several processes never claim the
same entry. A worker that dies after claiming leaves the entry in ``sending``; when the lease runs out
it is claimed again. Senders make that re-send harmless where the channel allows it (e-mail keeps the
same Message-ID, which receiving systems use to suppress duplicates); the window between a successful
send and the mark is a single short commit.

Restriction: an agent's reply or an acknowledgement queued for a ticket that was restricted since (art. 18
GDPR, or kept after an erasure only for a retention duty) is given up when claimed, its payload wiped: such
data may only be stored. The privacy desk's letters to the requester still go (art. 18(3) and 19 oblige the
controller to inform them); webhooks check the same guard in their own sender.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Protocol

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from models import OutboxEntry, OutboxStatus, Ticket, utcnow
from tickets import guards
from tickets.store import TicketStore

log = logging.getLogger(__name__)

# Back-off after a failed attempt: 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, ... (capped at 6 h); after
# MAX_ATTEMPTS an entry is marked failed and shown on its ticket.
BACKOFF = (30, 120, 600, 1800, 3600, 7200, 21600)
MAX_ATTEMPTS = 12
LEASE = timedelta(minutes=5)
# What goes to the customer in an agent's or the system's name about their ticket; not the privacy desk's
# letters ("privacy"), which a restriction must not stop (art. 18(3), 19 GDPR).
_FOR_THE_CUSTOMER = frozenset({"reply", "auto_ack"})


class PermanentSendError(Exception):
    """The channel refused for good (blocked bot, unknown recipient): do not retry."""


class TransientSendError(Exception):
    """Try again later; ``retry_after`` (seconds) when the channel said how long (HTTP 429)."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class OutboundItem:
    """What a sender gets: a detached copy of the entry (no session needed to read it)."""

    id: int
    ticket_id: int | None
    message_id: int | None
    channel: str
    kind: str
    payload: Mapping[str, Any]
    attempts: int


class Sender(Protocol):
    """Delivers one outbox item on one channel (SMTP smarthost, Telegram, Graph API, ...)."""

    def send(self, item: OutboundItem) -> None: ...




def claim(
    ticket_store: TicketStore, *, channels: Sequence[str], limit: int = 10, lease: timedelta = LEASE
) -> list[OutboundItem]:
    """Claim up to ``limit`` due entries of the given channels for this worker (one transaction).

    When ``lease`` ends an entry not yet marked is claimed (and sent) again by another worker; see
    ``OutboxWorker.run_once`` for how a slow batch avoids that.
    """
    now = utcnow()
    with ticket_store.writing() as session:
        query = (
            select(OutboxEntry)
            .where(
                OutboxEntry.channel.in_(list(channels)),
                or_(OutboxEntry.status == OutboxStatus.PENDING, OutboxEntry.status == OutboxStatus.SENDING),
                OutboxEntry.next_attempt_at <= now,
            )
            .order_by(OutboxEntry.next_attempt_at, OutboxEntry.id)
            .limit(limit)
        )
        if session.get_bind().dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        entries = list(session.scalars(query))
        items = []
        for entry in entries:
            if _restricted_since_queued(session, entry):
                continue
            entry.status = OutboxStatus.SENDING
            entry.attempts += 1
            entry.next_attempt_at = now + lease
            items.append(
                OutboundItem(
                    id=entry.id,
                    ticket_id=entry.ticket_id,
                    message_id=entry.message_id,
                    channel=entry.channel,
                    kind=entry.kind,
                    payload=dict(entry.payload),
                    attempts=entry.attempts,
                )
            )
        return items


def _restricted_since_queued(session: Session, entry: OutboxEntry) -> bool:
    """Give up an entry for the customer whose ticket is restricted now (see the module docstring)."""
    if entry.kind not in _FOR_THE_CUSTOMER or entry.ticket_id is None:
        return False
    ticket = session.get(Ticket, entry.ticket_id)
    why = guards.restriction_of(session, ticket) if ticket is not None else None
    if why is None:
        return False
    entry.status, entry.last_error = OutboxStatus.FAILED, f"not sent: {why}"[:500]
    _wipe(entry)
    log.info("outbox: entry %d given up: ticket %d restricted since it was queued", entry.id, entry.ticket_id)
    return True


def mark_sent(ticket_store: TicketStore, item_id: int) -> None:
    with ticket_store.writing() as session:
        entry = session.get(OutboxEntry, item_id)
        if entry is not None:
            entry.status, entry.sent_at, entry.last_error = OutboxStatus.SENT, utcnow(), None
            _wipe(entry)


def _wipe(entry: OutboxEntry) -> None:
    """Once an entry is sent or given up its payload goes: the address it went to, an agent's typed
    reply (the scrubbed copy in the thread is the record), a one-time code or a single-use link."""
    entry.payload = {}


def mark_failed(
    ticket_store: TicketStore, item_id: int, reason: str, *, permanent: bool, retry_after: float | None = None
) -> None:
    """Schedule a retry with back-off, or give up (permanent error or too many attempts)."""
    with ticket_store.writing() as session:
        entry = session.get(OutboxEntry, item_id)
        if entry is None:
            return
        entry.last_error = reason[:500]
        if permanent or entry.attempts >= MAX_ATTEMPTS:
            entry.status = OutboxStatus.FAILED
            _wipe(entry)
            return
        delay: float = BACKOFF[min(entry.attempts - 1, len(BACKOFF) - 1)]
        if retry_after is not None:
            delay = max(retry_after, 1.0)
        entry.status = OutboxStatus.PENDING
        entry.next_attempt_at = utcnow() + timedelta(seconds=delay)


def deliver(ticket_store: TicketStore, senders: Mapping[str, Sender], item: OutboundItem) -> bool:
    """Send one claimed item and record the result; True when it was sent."""
    sender = senders.get(item.channel)
    if sender is None:
        mark_failed(ticket_store, item.id, f"channel {item.channel} not available", permanent=False)
        return False
    try:
        sender.send(item)
    except PermanentSendError as exc:
        log.warning("outbox: entry %d permanently failed: %s", item.id, exc)
        mark_failed(ticket_store, item.id, str(exc), permanent=True)
        return False
    except TransientSendError as exc:
        log.info("outbox: entry %d will be retried: %s", item.id, exc)
        mark_failed(ticket_store, item.id, str(exc), permanent=False, retry_after=exc.retry_after)
        return False
    except Exception as exc:
        log.exception("outbox: entry %d sender crashed", item.id)
        mark_failed(ticket_store, item.id, type(exc).__name__, permanent=False)
        return False
    mark_sent(ticket_store, item.id)
    return True


class OutboxWorker:
    """Polls the outbox and sends due entries until ``stop`` is set; run it in a thread."""

    def __init__(
        self,
        ticket_store: TicketStore,
        senders: Mapping[str, Sender],
        *,
        stop: threading.Event,
        poll_interval: float = 1.0,
        batch: int = 10,
        lease: timedelta = LEASE,
    ) -> None:
        self.store = ticket_store
        self.senders = senders
        self.stop = stop
        self.poll_interval = poll_interval
        self.batch = batch
        self.lease = lease
        self.wake = threading.Event()

    def run_once(self) -> int:
        sent = 0
        # The batch shares one lease, taken at the claim. Once half of it has passed, the items still
        # waiting are left alone: when the lease ends another process claims them, and sending them
        # here as well would send them twice. (So one send, its timeout included, must take less than
        # half the lease.) They are claimed again when it ends, by this process or another.
        until = time.monotonic() + self.lease.total_seconds() / 2
        for item in claim(self.store, channels=list(self.senders), limit=self.batch, lease=self.lease):
            if time.monotonic() > until:
                log.info("outbox: entry %d left for the next claim (half its lease has passed)", item.id)
                continue
            sent += deliver(self.store, self.senders, item)
        return sent

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                busy = self.run_once() > 0
            except Exception:
                log.exception("outbox: worker pass failed")
                busy = False
            if not busy:
                self.wake.wait(self.poll_interval)
                self.wake.clear()
