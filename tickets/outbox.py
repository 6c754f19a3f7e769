"""The outbox's write side: side effects (mail, chat replies) written in the same transaction as their cause.

A reply is committed together with its outbox entry, so a crash never sends a reply for something
that was not stored and never loses one that was (docs/architecture, "Side effects after commit").
``outbound.worker`` claims due entries and hands each to the sender of its channel.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from models import OutboxEntry, utcnow


def enqueue(
    session: Session,
    *,
    channel: str,
    kind: str,
    payload: dict[str, Any],
    ticket_id: int | None = None,
    message_id: int | None = None,
    not_before: datetime | None = None,
) -> OutboxEntry:
    """Add an entry inside the caller's transaction; it is sent only if that transaction commits."""
    entry = OutboxEntry(
        channel=channel,
        kind=kind,
        payload=payload,
        ticket_id=ticket_id,
        message_id=message_id,
        next_attempt_at=not_before or utcnow(),
    )
    session.add(entry)
    session.flush()
    return entry
