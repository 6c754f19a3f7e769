"""The agents' queue: named views, two sort orders, counts per view and keyset pagination.

Keyset (a.k.a. seek) pagination: the cursor is the sort key of the last row shown, so page 500
costs what page 1 costs, and rows arriving meanwhile do not shift pages. Every view's filter and
sort is served by an index (models and models list them); ``bench/queue.py``
measures it at 200,000 tickets.

Groups and mailboxes (issue 22) narrow any view like a channel does (``group``/``mailbox``: an id, or 0
for tickets without one); the view ``groups`` is an agent's teams' work: the unsolved tickets of the
groups the agent is a member of, or of one of them ("Team X: open").
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, false, func, or_, select
from sqlalchemy.orm import Session

from models import (
    OPEN_STATES,
    OPEN_STATUSES,
    Contact,
    Customer,
    Direction,
    Message,
    PrivacyRequest,
    Restriction,
    Ticket,
    TicketDue,
    TicketStatus,
    ticket_number,
    utcnow,
)
from models.mailboxes import Group, GroupMember, Mailbox
from tickets import sla, tags


class View(StrEnum):
    NEW = "new"
    OPEN = "open"
    PENDING = "pending"
    SOLVED = "solved"
    MINE = "mine"
    UNASSIGNED = "unassigned"
    GROUPS = "groups"  # the unsolved tickets of my groups (narrowed to one by ``group``)
    ALL = "all"


class Sort(StrEnum):
    ACTIVITY = "activity"  # last activity, newest first
    DUE = "due"  # due time, soonest first; only tickets that await our answer have one


@dataclass(slots=True)
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
    created_at: datetime | None = None
    customer_id: int | None = None
    version: int | None = None
    group_id: int | None = None
    mailbox_id: int | None = None
    # Filled by ``enrich`` for the rows of one page (three small queries, never per row):
    requester: str | None = None  # the directory name, else the contact's address
    preview: str | None = None  # the start of the newest customer message (scrubbed text)
    privacy: bool = False  # an open privacy request, or the customer's processing is restricted
    snippet: str | None = None  # search: where the words were found (scrubbed text)
    tags: list[str] = field(default_factory=list)  # the ticket's tag names


@dataclass(frozen=True, slots=True)
class QueuePage:
    rows: list[QueueRow]
    next_cursor: str | None


def _encode(at: datetime, ticket_id: int, rest: bool = False) -> str:
    key: list[object] = [at.isoformat(), ticket_id, *([1] if rest else [])]
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip("=")


_MAX_ROW_ID = 2**63 - 1


def _decode(cursor: str) -> tuple[datetime, int, bool]:
    """The (time, id, rest) a cursor names; ``ValueError`` for anything we did not issue (a cursor comes
    back from the client: an id beyond 64 bits or a time without a zone would fail in the database).
    ``rest``: the due order's second part, the tickets without a due time (by last activity)."""
    try:
        at, ticket_id, *rest = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        moment, row_id = datetime.fromisoformat(at), int(ticket_id)
    except (ValueError, TypeError) as exc:
        raise ValueError("bad cursor") from exc
    if moment.tzinfo is None or not 0 <= row_id <= _MAX_ROW_ID or rest not in ([], [1]):
        raise ValueError("bad cursor")
    return moment, row_id, bool(rest)


def _narrow(column: Any, value: int | None) -> ColumnElement[bool] | None:
    """``column`` is ``value``; 0 means "none" (NULL); None does not narrow."""
    if value is None:
        return None
    clause: ColumnElement[bool] = column.is_(None) if value == 0 else column == value
    return clause


def view_filter(view: View, *, agent_id: int | None, channel: str | None = None, group: int | None = None,
                mailbox: int | None = None) -> list[ColumnElement[bool]]:
    """WHERE clauses of a view (optionally narrowed to one channel, group or mailbox)."""
    clauses: list[ColumnElement[bool]] = []
    if view in (View.NEW, View.OPEN, View.PENDING, View.SOLVED):
        clauses.append(Ticket.status == TicketStatus(view.value))
    elif view is View.MINE:
        clauses += [Ticket.assignee_id == (agent_id if agent_id is not None else -1),
                    Ticket.status.in_(OPEN_STATUSES)]
    elif view is View.UNASSIGNED:
        clauses += [Ticket.assignee_id.is_(None), Ticket.status.in_(OPEN_STATUSES)]
    elif view is View.GROUPS:
        mine = select(GroupMember.group_id).where(GroupMember.agent_id == (agent_id if agent_id is not None else -1))
        clauses += [Ticket.group_id.in_(mine), Ticket.status.in_(OPEN_STATUSES)]
    if channel:
        clauses.append(Ticket.channel == channel)
    clauses += [c for c in (_narrow(Ticket.group_id, group), _narrow(Ticket.mailbox_id, mailbox)) if c is not None]
    return clauses


def _columns() -> Any:
    return select(Ticket.id, Ticket.subject, Ticket.status, Ticket.priority, Ticket.channel, Ticket.assignee_id,
                  Ticket.last_activity_at, TicketDue.due_at, Ticket.created_at, Ticket.customer_id, Ticket.version,
                  Ticket.group_id, Ticket.mailbox_id)


def _rows(session: Session, query: Any, limit: int) -> list[QueueRow]:
    return [
        QueueRow(id=r[0], number=ticket_number(r[0]), subject=r[1], status=str(r[2]), priority=str(r[3]), channel=r[4],
                 assignee_id=r[5], last_activity_at=r[6], due_at=r[7], created_at=r[8], customer_id=r[9],
                 version=r[10], group_id=r[11], mailbox_id=r[12])
        for r in session.execute(query.limit(limit))
    ]


def _by_activity(where: list[ColumnElement[bool]], after: tuple[datetime, int] | None, *, no_due: bool) -> Any:
    query = _columns().outerjoin(TicketDue, TicketDue.ticket_id == Ticket.id).where(*where)
    if no_due:
        query = query.where(TicketDue.ticket_id.is_(None))
    if after is not None:
        at, last_id = after
        query = query.where(or_(Ticket.last_activity_at < at, and_(Ticket.last_activity_at == at, Ticket.id < last_id)))
    return query.order_by(Ticket.last_activity_at.desc(), Ticket.id.desc())


def list_queue(
    session: Session, view: View, *, agent_id: int | None = None, channel: str | None = None,
    sort: Sort = Sort.ACTIVITY, cursor: str | None = None, limit: int = 50,
    ticket_ids: Sequence[int] | None = None, tag: str | None = None, group: int | None = None,
    mailbox: int | None = None,
) -> QueuePage:
    """One page of a view; ``cursor`` is the ``next_cursor`` of the previous page.

    The due order lists the tickets awaiting our answer, soonest due first, and then every other ticket
    of the view (answered, solved) by last activity, so no ticket of the view is left out.
    """
    where = view_filter(view, agent_id=agent_id, channel=channel, group=group, mailbox=mailbox)
    if tag:
        where.append(tags.filter_clause(tag))
    if ticket_ids is not None:
        where.append(Ticket.id.in_(list(ticket_ids)) if ticket_ids else false())
    decoded = _decode(cursor) if cursor else None
    rows: list[QueueRow] = []
    rest_from: tuple[datetime, int] | None = None
    if sort is Sort.DUE and not (decoded and decoded[2]):
        query = _columns().join(TicketDue, TicketDue.ticket_id == Ticket.id).where(*where)
        if decoded:
            at, last_id, _ = decoded
            query = query.where(or_(TicketDue.due_at > at, and_(TicketDue.due_at == at, TicketDue.ticket_id > last_id)))
        rows = _rows(session, query.order_by(TicketDue.due_at, TicketDue.ticket_id), limit + 1)
    elif decoded:
        rest_from = decoded[0], decoded[1]
    if len(rows) <= limit:
        rest = _by_activity(where, rest_from, no_due=sort is Sort.DUE)
        rows += _rows(session, rest, limit + 1 - len(rows))
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = None
    if more and rows:
        last = rows[-1]
        if sort is Sort.DUE and last.due_at is not None:
            next_cursor = _encode(last.due_at, last.id)
        else:
            next_cursor = _encode(last.last_activity_at, last.id, rest=sort is Sort.DUE)
    return QueuePage(rows=rows, next_cursor=next_cursor)


def enrich(session: Session, rows: Sequence[QueueRow], *, preview_chars: int = 140) -> None:
    """Requester, preview line, privacy flag and tags of one page's rows: four queries over at most ``limit`` ids."""
    ids = [r.id for r in rows]
    if not ids:
        return
    people = {
        tid: (name, channel, address, restricted)
        for tid, name, channel, address, restricted in session.execute(
            select(Ticket.id, Customer.name, Contact.channel, Contact.address,
                   select(Restriction.id).where(Restriction.customer_id == Ticket.customer_id,
                                                Restriction.lifted_at.is_(None)).limit(1).scalar_subquery())
            .outerjoin(Customer, Customer.id == Ticket.customer_id)
            .outerjoin(Contact, Contact.id == Ticket.contact_id).where(Ticket.id.in_(ids)))
    }
    newest = (select(func.max(Message.id)).where(Message.ticket_id.in_(ids), Message.direction == Direction.IN)
              .group_by(Message.ticket_id))
    start = func.substr(Message.text, 1, preview_chars + 1)
    previews = {tid: body for tid, body in session.execute(select(Message.ticket_id, start)
                                                           .where(Message.id.in_(newest)))}
    requests = set(session.scalars(select(PrivacyRequest.ticket_id).where(
        PrivacyRequest.ticket_id.in_(ids), PrivacyRequest.state.in_(OPEN_STATES))))
    tag_names = tags.names_of(session, ids)
    for row in rows:
        row.tags = tag_names.get(row.id, [])
        name, channel, address, restricted = people.get(row.id, (None, None, None, None))
        # A restricted customer's name is not shown (art. 18: stored only); the contact address stays.
        row.requester = (name if name and restricted is None else None) or (
            address if channel in ("email", "webform", "whatsapp") else None)
        text = " ".join((previews.get(row.id) or "").split())
        row.preview = (text[:preview_chars] + "…") if len(text) > preview_chars else (text or None)
        row.privacy = row.id in requests or restricted is not None


def counts(session: Session, *, agent_id: int | None, channel: str | None = None,
           mine: Sequence[GroupView] | None = None) -> dict[str, int | None]:
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
    for view in (View.MINE, View.UNASSIGNED, View.GROUPS):
        if view is View.GROUPS and mine is not None and not channel:
            # The agent's group views, already counted (``group_views``): a ticket is in one group at most.
            result[view.value] = sum(v.count for v in mine)
            continue
        count = select(func.count()).select_from(Ticket).where(*view_filter(view, agent_id=agent_id, channel=channel))
        result[view.value] = session.execute(count).scalar_one()
    return result


def channels(session: Session) -> list[str]:
    return [c for (c,) in session.execute(select(Ticket.channel).distinct().order_by(Ticket.channel))]


@dataclass(frozen=True, slots=True)
class GroupView:
    """One of an agent's groups as a view of the queue: its unsolved tickets."""

    id: int
    name: str
    count: int


def group_views(session: Session, agent_id: int | None) -> list[GroupView]:
    """The agent's groups with their unsolved tickets counted (one grouped query), by name."""
    if agent_id is None:
        return []
    mine = list(session.execute(select(Group.id, Group.name).join(GroupMember, GroupMember.group_id == Group.id)
                                .where(GroupMember.agent_id == agent_id).order_by(Group.name)))
    if not mine:
        return []
    counted: dict[int | None, int] = dict(session.execute(
        select(Ticket.group_id, func.count()).where(Ticket.group_id.in_([g for g, _ in mine]),
                                                    Ticket.status.in_(OPEN_STATUSES))
        .group_by(Ticket.group_id)).all())
    return [GroupView(g, name, int(counted.get(g, 0))) for g, name in mine]


def groups(session: Session) -> list[tuple[int, str]]:
    """Every group (id, name), for the queue's group filter."""
    return [(g, name) for g, name in session.execute(select(Group.id, Group.name).order_by(Group.name))]


def mailboxes(session: Session) -> list[tuple[int, str]]:
    """Every mailbox (id, name), for the queue's mailbox filter (an inactive one still has tickets)."""
    return [(m, name) for m, name in session.execute(select(Mailbox.id, Mailbox.name).order_by(Mailbox.name))]


# --- due times ----------------------------------------------------------------------------------
# Due times come from the ticket's SLA policy, counted in its business hours (tickets.sla); the
# ``ticket_due`` row holds the soonest running target, which the due order and the views sort by.


def set_due(session: Session, ticket: Ticket, since: datetime | None = None, *, fresh: bool = False) -> None:
    """The ticket awaits our answer to the customer's message stored at ``since``: its SLA clock runs
    (resumes after a pause; an earlier message already waiting keeps its earlier due time). ``fresh``:
    a ticket opened in this transaction (no clock to read)."""
    sla.customer_wrote(session, ticket, since or utcnow(), fresh=fresh)


def clear_due(session: Session, ticket_id: int) -> None:
    """We answered, or the ticket was solved, closed or merged: no answer is due now (its resolution
    clock pauses while pending or solved)."""
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        session.execute(delete(TicketDue).where(TicketDue.ticket_id == ticket_id))
        return
    sla.answered(session, ticket, utcnow())


def reschedule_due(session: Session, ticket: Ticket) -> None:
    """The ticket's priority or status changed: its due time follows its (maybe other) SLA policy, and
    its clock pauses while pending and resumes when open again."""
    if sla.recompute(session, ticket, utcnow()):
        return
    # A ticket waiting since before SLA clocks existed (a due row, no clock): its clock starts now,
    # counted from the message that waits.
    if session.get(TicketDue, ticket.id) is not None:
        set_due(session, ticket)
