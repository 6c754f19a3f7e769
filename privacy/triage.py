"""Possible privacy requests: messages the recogniser was unsure about, for an officer's one click.

A message with no label but a rule that fired or a model score that is not low (``Recognition.possible``)
gets a ``PrivacyTriage`` row and a "possible privacy request" event on its ticket. The officer confirms
it with types (a request opens on the ticket, on the clock from when the message was received: art.
12(3) counts from receipt, not from our click) or dismisses it. Recall matters more than precision here:
a missed request breaks the law, a false alarm costs a click.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Ticket, utcnow
from models.privacy import PrivacyTriage, TriageState
from privacy.recognition import Recognition
from tickets import audit as trail
from tickets import store


def note(session: Session, ticket: Ticket, recognition: Recognition, received_at: datetime, *,
         fresh: bool = False) -> PrivacyTriage:
    """Record a possible request on ``ticket`` (once per ticket while one is open). ``fresh``: a ticket
    opened in this transaction, which has none to look for."""
    existing = None if fresh else open_of_ticket(session, ticket.id)
    if existing is not None:
        return existing
    suggested = sorted(t for t, p in recognition.scores.items() if t != "request" and p >= 0.2)
    row = PrivacyTriage(ticket_id=ticket.id, received_at=received_at, state=TriageState.OPEN, suggestion={
        "types": suggested, "scores": {k: round(v, 2) for k, v in recognition.scores.items()},
        "reasons": {str(k): list(v) for k, v in recognition.reasons.items()}})
    session.add(row)
    session.flush()
    store.add_event(session, ticket, "privacy_request_possible", {"triage": row.id, "types": suggested})
    return row


def open_of_ticket(session: Session, ticket_id: int) -> PrivacyTriage | None:
    return session.scalars(select(PrivacyTriage).where(
        PrivacyTriage.ticket_id == ticket_id, PrivacyTriage.state == TriageState.OPEN)).first()


def open_rows(session: Session) -> list[PrivacyTriage]:
    """The officer's list: open possible requests, oldest first (the clock may already run)."""
    return list(session.scalars(select(PrivacyTriage).where(PrivacyTriage.state == TriageState.OPEN)
                                .order_by(PrivacyTriage.received_at, PrivacyTriage.id)))


def get(session: Session, triage_id: int) -> PrivacyTriage:
    row = session.get(PrivacyTriage, triage_id)
    if row is None or row.state != TriageState.OPEN:
        raise LookupError("no such open possible request")
    return row


def decide(session: Session, row: PrivacyTriage, state: TriageState, actor: str, request_id: int | None = None
           ) -> None:
    row.state, row.decided_by, row.decided_at, row.request_id = state, actor, utcnow(), request_id
    trail.record(session, actor, f"privacy.triage_{state.value}", "privacy_triage", row.id,
                 {"request": request_id} if request_id else {})
    ticket = session.get(Ticket, row.ticket_id) if row.ticket_id is not None else None
    if ticket is not None:
        store.add_event(session, ticket, f"privacy_request_{state.value}", {"triage": row.id})
