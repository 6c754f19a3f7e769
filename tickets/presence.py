"""Who else has a ticket open, and who is typing: "Bram is viewing", "Bram is typing a reply".

The ticket page reports every few seconds (``touch``); an agent counts as present while the last report
is younger than ``FRESH``. One small upsert per open ticket page per interval; old rows are swept.
``changes`` is the one cheap query of the live queue: the newest message and event ids and the agent's
unread notifications, from which the page's ETag is made.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, func, literal, select
from sqlalchemy.orm import Session

from models import Agent, Message, Notification, Presence, TicketEvent, utcnow

FRESH = timedelta(seconds=30)
STALE = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class Colleague:
    agent_id: int
    name: str
    typing: bool


def touch(session: Session, agent_id: int, ticket_id: int, *, typing: bool) -> None:
    now = utcnow()
    row = session.get(Presence, (agent_id, ticket_id))
    if row is None:
        session.execute(delete(Presence).where(Presence.agent_id == agent_id, Presence.seen_at < now - STALE))
        session.add(Presence(agent_id=agent_id, ticket_id=ticket_id, typing=typing, seen_at=now))
    else:
        row.typing, row.seen_at = typing, now
    session.flush()


def leave(session: Session, agent_id: int, ticket_id: int) -> None:
    session.execute(delete(Presence).where(Presence.agent_id == agent_id, Presence.ticket_id == ticket_id))


def others(session: Session, ticket_id: int, agent_id: int | None) -> list[Colleague]:
    """The other agents with the ticket open now."""
    query = select(Agent.id, Agent.display_name, Presence.typing).join(Agent, Agent.id == Presence.agent_id)
    rows = session.execute(query.where(Presence.ticket_id == ticket_id, Presence.seen_at >= utcnow() - FRESH,
                                  Presence.agent_id != (agent_id if agent_id is not None else -1))
                           .order_by(Agent.display_name))
    return [Colleague(int(i), str(n), bool(t)) for i, n, t in rows]


def changes(session: Session, agent_id: int | None) -> tuple[int, int, int]:
    """(newest message id, newest event id, the agent's unread notifications) in one statement: every
    part is an index lookup (primary keys' maximum, the unread index), however large the store."""
    unread = (select(func.count()).select_from(Notification)
              .where(Notification.agent_id == agent_id, Notification.read_at.is_(None)).scalar_subquery()
              if agent_id is not None else select(literal(0)).scalar_subquery())
    row = session.execute(select(select(func.max(Message.id)).scalar_subquery(),
                                 select(func.max(TicketEvent.id)).scalar_subquery(), unread)).one()
    return int(row[0] or 0), int(row[1] or 0), int(row[2] or 0)
