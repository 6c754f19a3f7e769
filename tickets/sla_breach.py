"""After an SLA target is missed: escalate, once (issue 22).

The warning before the breach is ``notify.sweep_due`` (``due_soon`` to the assignee, once per due
time); this is what follows the breach. ``sweep`` finds running clocks past a due time not yet
escalated and, per breach: records a ``sla_breached`` ticket event (its ``dedupe_key`` names the breach,
so a second process or a second sweep adds nothing), tags the ticket with the policy's tag, raises the
priority one step when the policy says so, and notifies the assignee (or the admins). A breach is the
first response, a next response (one per customer message awaiting our answer) or the resolution.
Raising the priority re-targets the clock but does not start a new breach: the escalated flags stay.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import Priority, Ticket, utcnow
from models.sla import TicketSla
from tickets import notify, replies, sla, store, tags

log = logging.getLogger(__name__)

BATCH = 200  # per sweep; the next sweep (a minute later) takes the rest
_HIGHER = {Priority.LOW: Priority.NORMAL, Priority.NORMAL: Priority.HIGH, Priority.HIGH: Priority.URGENT}


def _missed(clock: TicketSla, now: datetime) -> list[tuple[str, datetime]]:
    """The targets of ``clock`` past due and not escalated: ("first_response" | "next_response" |
    "resolution", due time)."""
    found = []
    if clock.response_due_at is not None and clock.response_due_at <= now and not clock.response_escalated:
        found.append(("first_response" if clock.first_response_at is None else "next_response", clock.response_due_at))
    if clock.resolution_due_at is not None and clock.resolution_due_at <= now and not clock.resolution_escalated:
        found.append(("resolution", clock.resolution_due_at))
    return found


def escalate(session: Session, ticket: Ticket, clock: TicketSla, target: str, due_at: datetime) -> bool:
    """Escalate one breach; False when it already was (by another process)."""
    policy = sla.policy_by_id(session, clock.policy_id, ticket)
    if target == "resolution":
        clock.resolution_escalated, cycle = True, "life"
    else:
        clock.response_escalated = True
        cycle = (clock.response_since or due_at).isoformat()
    key = f"sla:{ticket.id}:{target}:{cycle}"
    detail: dict[str, Any] = {"target": target, "due_at": due_at.isoformat(), "policy": policy.name if policy else None}
    try:
        with session.begin_nested():
            event = store.add_event(session, ticket, "sla_breached", detail, dedupe_key=key, actor="system")
    except IntegrityError:  # recorded by another process at the same moment
        event = None
    if event is None:
        return False
    if policy is not None and policy.escalate_tag:
        tags.add(session, ticket, policy.escalate_tag, actor="system")
    if policy is not None and policy.escalate_priority and ticket.priority in _HIGHER:
        replies.set_priority(session, ticket, _HIGHER[Priority(ticket.priority)], actor="system")
    notify.sla_breached(session, ticket, detail, key)
    return True


def sweep(session: Session, now: datetime | None = None) -> int:
    """Escalate every missed target not escalated yet (up to ``BATCH``); returns how many."""
    now = now or utcnow()
    rows = session.execute(
        select(TicketSla, Ticket).join(Ticket, Ticket.id == TicketSla.ticket_id).where(or_(
            and_(TicketSla.response_due_at <= now, TicketSla.response_escalated.is_(False)),
            and_(TicketSla.resolution_due_at <= now, TicketSla.resolution_escalated.is_(False)),
        )).order_by(TicketSla.ticket_id).limit(BATCH)).all()
    count = 0
    for clock, ticket in rows:
        for target, due_at in _missed(clock, now):
            count += escalate(session, ticket, clock, target, due_at)
    if count:
        log.info("sla: %d breaches escalated", count)
    return count
