"""The agents' queue: named views, two sort orders, counts per view and keyset pagination.

Keyset (a.k.a. seek) pagination: the cursor is the sort key of the last row shown, so page 500
costs what page 1 costs, and rows arriving meanwhile do not shift pages. Every view's filter and
sort is served by an index (models and models list them); ``bench/queue.py``
measures it at 200,000 tickets.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, func, or_, select
from sqlalchemy.orm import Session

from models import OPEN_STATUSES, Priority, Ticket, TicketDue, TicketStatus, ticket_number, utcnow

# Time to answer by priority, counted from the customer's message that is waiting for an answer.
DUE_AFTER = {
    Priority.URGENT: timedelta(hours=2),
    Priority.HIGH: timedelta(hours=8),
    Priority.NORMAL: timedelta(hours=24),
    Priority.LOW: timedelta(hours=72),
}


class View(StrEnum):
    NEW = "new"
    OPEN = "open"
    PENDING = "pending"
    SOLVED = "solved"
    MINE = "mine"
    UNASSIGNED = "unassigned"
    ALL = "all"


class Sort(StrEnum):
    ACTIVITY = "activity"  # last activity, newest first
    DUE = "due"  # due time, soonest first; only tickets that await our answer have one


@dataclass(frozen=True, slots=True)
class QueueRow:
    id: int
    number: int
    subject: str
    status: str
    priority: str
    channel: str
    assignee_id: int | None
    last_activity_at: datetime
    due_at: datetime | None


@dataclass(frozen=True, slots=True)
class QueuePage:
    rows: list[QueueRow]
    next_cursor: str | None


def _encode(at: datetime, ticket_id: int) -> str:
    return base64.urlsafe_b64encode(json.dumps([at.isoformat(), ticket_id]).encode()).decode().rstrip("=")


_MAX_ROW_ID = 2**63 - 1


def _decode(cursor: str) -> tuple[datetime, int]:
    """The (time, id) a cursor names; ``ValueError`` for anything we did not issue (a cursor comes back
    from the client: an id beyond 64 bits or a time without a zone would fail in the database)."""
    try:
        at, ticket_id = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        moment, row_id = datetime.fromisoformat(at), int(ticket_id)
    except (ValueError, TypeError) as exc:
        raise ValueError("bad cursor") from exc
    if moment.tzinfo is None or not 0 <= row_id <= _MAX_ROW_ID:
        raise ValueError("bad cursor")
    return moment, row_id


def view_filter(view: View, *, agent_id: int | None, channel: str | None = None) -> list[ColumnElement[bool]]:
    """WHERE clauses of a view (optionally narrowed to one channel)."""
    clauses: list[ColumnElement[bool]] = []
    if view in (View.NEW, View.OPEN, View.PENDING, View.SOLVED):
        clauses.append(Ticket.status == TicketStatus(view.value))
    elif view is View.MINE:
        clauses += [Ticket.assignee_id == (agent_id if agent_id is not None else -1),
                    Ticket.status.in_(OPEN_STATUSES)]
    elif view is View.UNASSIGNED:
        clauses += [Ticket.assignee_id.is_(None), Ticket.status.in_(OPEN_STATUSES)]
    if channel:
        clauses.append(Ticket.channel == channel)
    return clauses


def _columns() -> Any:
    return select(Ticket.id, Ticket.subject, Ticket.status, Ticket.priority, Ticket.channel, Ticket.assignee_id,
                  Ticket.last_activity_at, TicketDue.due_at)


def list_queue(
    session: Session, view: View, *, agent_id: int | None = None, channel: str | None = None,
    sort: Sort = Sort.ACTIVITY, cursor: str | None = None, limit: int = 50,
    ticket_ids: Sequence[int] | None = None,
) -> QueuePage:
    """One page of a view; ``cursor`` is the ``next_cursor`` of the previous page."""
    where = view_filter(view, agent_id=agent_id, channel=channel)
    if ticket_ids is not None:
        where.append(Ticket.id.in_(list(ticket_ids)))
    if sort is Sort.DUE:
        query = _columns().join(TicketDue, TicketDue.ticket_id == Ticket.id).where(*where)
        if cursor:
            at, last_id = _decode(cursor)
            query = query.where(or_(TicketDue.due_at > at, and_(TicketDue.due_at == at, TicketDue.ticket_id > last_id)))
        query = query.order_by(TicketDue.due_at, TicketDue.ticket_id)
    else:
        query = _columns().outerjoin(TicketDue, TicketDue.ticket_id == Ticket.id).where(*where)
        if cursor:
            at, last_id = _decode(cursor)
            query = query.where(
                or_(Ticket.last_activity_at < at, and_(Ticket.last_activity_at == at, Ticket.id < last_id))
            )
        query = query.order_by(Ticket.last_activity_at.desc(), Ticket.id.desc())
    rows = [
        QueueRow(id=r[0], number=ticket_number(r[0]), subject=r[1], status=str(r[2]), priority=str(r[3]), channel=r[4],
                 assignee_id=r[5], last_activity_at=r[6], due_at=r[7])
        for r in session.execute(query.limit(limit + 1))
    ]
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = None
    if more and rows:
        last = rows[-1]
        key = last.due_at if sort is Sort.DUE else last.last_activity_at
        assert key is not None
        next_cursor = _encode(key, last.id)
    return QueuePage(rows=rows, next_cursor=next_cursor)


def counts(session: Session, *, agent_id: int | None, channel: str | None = None) -> dict[str, int | None]:
    """Tickets per view: one grouped count over the status index plus the two assignee views.

    Closed tickets (the bulk of a mature store) are never counted, so "all" has no count (None):
    counting every ticket on every page view is the one thing that grows with the store's age.
    """
    counted = [TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.SOLVED]
    by_status = select(Ticket.status, func.count()).where(Ticket.status.in_(counted)).group_by(Ticket.status)
    if channel:
        by_status = by_status.where(Ticket.channel == channel)
    result: dict[str, int | None] = {v.value: 0 for v in View}
    result[View.ALL.value] = None
    for status, n in session.execute(by_status):
        result[str(status)] = n
    for view in (View.MINE, View.UNASSIGNED):
        count = select(func.count()).select_from(Ticket).where(*view_filter(view, agent_id=agent_id, channel=channel))
        result[view.value] = session.execute(count).scalar_one()
    return result


def channels(session: Session) -> list[str]:
    return [c for (c,) in session.execute(select(Ticket.channel).distinct().order_by(Ticket.channel))]


# --- due times ----------------------------------------------------------------------------------


def set_due(session: Session, ticket: Ticket, since: datetime | None = None) -> None:
    """The ticket awaits our answer: due after its priority's time, unless already due earlier."""
    due_at = (since or utcnow()) + DUE_AFTER.get(Priority(ticket.priority), DUE_AFTER[Priority.NORMAL])
    row = session.get(TicketDue, ticket.id)
    if row is None:
        session.add(TicketDue(ticket_id=ticket.id, due_at=due_at))
    elif due_at < row.due_at:
        row.due_at = due_at


def clear_due(session: Session, ticket_id: int) -> None:
    session.execute(delete(TicketDue).where(TicketDue.ticket_id == ticket_id))
