"""Time rules (``time_passed``): fired by a periodic sweep, once per rule, ticket and occurrence.

A time rule waits ``wait_minutes`` since one moment of an open ticket: the customer's message still
awaiting our answer (``unanswered``), the customer's latest message (``customer_message``), or the
ticket's creation (``created``). With ``business_time`` the wait counts only the business hours of the
ticket's SLA policy (``tickets.sla``: weekends and Dutch holidays off), else around the clock.

Once per occurrence: the firing's ticket event has the dedupe key ``rule:<id>:t:<ticket>:<moment>``,
the moment being the one waited from, so the rule fires again only after a new occurrence (the customer
writes again and again waits), never twice for one, across sweeps, restarts and processes.

The database finds the candidates (open tickets whose moment is at least the wait ago in wall time,
which business time never exceeds); business time, conditions and the dedupe key are checked here.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import SQLColumnExpression, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import Label

from models import OPEN_STATUSES, Direction, Message, Ticket, TicketEvent, utcnow
from models.rules import TRIGGER_TIME
from tickets import business_hours, guards, sla
from tickets.rules import enabled, fire
from tickets.rules_actions import Replier

log = logging.getLogger(__name__)

PAGE = 500
# Firings per sweep: one write transaction (on SQLite intake's writer waits meanwhile); measured about
# 4 ms a firing on SQLite, so a sweep holds the lock for well under a second, and a backlog (a rule just
# made that matches thousands of waiting tickets) goes in several sweeps (``tickets.rules_runner``).
LIMIT = 100
RECENT_MESSAGES = 20  # the customer messages a time rule's words and removed types are looked for in


def _moment(since: str) -> SQLColumnExpression[Any]:
    """The moment waited from, per ticket, as a correlated expression."""
    if since == "created":
        return Ticket.created_at
    # An automatic reply (an out-of-office) is no customer message; with it the condition also matches
    # ix_messages_ticket_reply (ticket, direction, automatic, received) in full, which SQLite then uses
    # rather than scanning every inbound message by time.
    inbound = (Message.ticket_id == Ticket.id, Message.direction == Direction.IN, Message.auto_submitted.is_(False))
    if since == "customer_message":
        return select(func.max(Message.received_at)).where(*inbound).correlate(Ticket).scalar_subquery()
    last_answer = select(func.max(Message.id)).where(
        Message.ticket_id == Ticket.id, Message.direction == Direction.OUT, Message.auto_submitted.is_(False),
    ).correlate(Ticket).scalar_subquery()
    return select(func.min(Message.received_at)).where(
        *inbound, Message.id > func.coalesce(last_answer, 0)).correlate(Ticket).scalar_subquery()


def _waited(session: Session, ticket: Ticket, business: bool, since: datetime, now: datetime) -> float:
    if not business:
        return (now - since).total_seconds()
    policy = sla.policy_for(session, ticket)
    hours = policy.hours if policy is not None else business_hours.ALWAYS
    return business_hours.elapsed(hours, since, now)


def _messages(session: Session, ticket_id: int) -> list[Message]:
    return list(session.scalars(select(Message).where(Message.ticket_id == ticket_id, Message.direction == Direction.IN)
                                .order_by(Message.id.desc()).limit(RECENT_MESSAGES)))


def sweep(session: Session, now: datetime | None = None, replier: Replier | None = None, *,
          limit: int = LIMIT) -> int:
    """Fire the time rules on the open tickets that have waited long enough, up to ``limit`` firings;
    how many fired (``limit``: there may be more)."""
    now = now or utcnow()
    fired = 0
    for rule in enabled(session, TRIGGER_TIME):
        if not rule.wait_minutes or not rule.since:
            continue
        moment: Label[Any] = _moment(rule.since).label("moment")
        cutoff = now - timedelta(minutes=rule.wait_minutes)
        last = 0
        while True:
            rows = session.execute(select(Ticket, moment).where(
                Ticket.status.in_(OPEN_STATUSES), Ticket.id > last, moment <= cutoff)
                .order_by(Ticket.id).limit(PAGE)).all()
            keys = {ticket.id: f"rule:{rule.id}:t:{ticket.id}:{since.isoformat()}" for ticket, since in rows}
            done = set(session.scalars(select(TicketEvent.dedupe_key).where(TicketEvent.dedupe_key.in_(keys.values()))))
            for ticket, since in rows:
                key = keys[ticket.id]
                if key in done or _waited(session, ticket, rule.business_time, since, now) < rule.wait_minutes * 60:
                    continue
                if guards.restriction_of(session, ticket) is not None:
                    continue
                detail: dict[str, object] = {"trigger": TRIGGER_TIME, "since": rule.since}
                fired += fire(session, rule, ticket, key, detail, _messages(session, ticket.id), replier)
                if fired >= limit:
                    log.info("rules: %d time rules fired, more next sweep", fired)
                    return fired
            if len(rows) < PAGE:
                break
            last = rows[-1][0].id
    if fired:
        log.info("rules: %d time rules fired", fired)
    return fired
