"""The aggregate queries behind ``tickets.reports``: each groups in the database and returns a few rows
(one per bucket, age band, entity type or request type), never one row per ticket.

The definitions they implement are in the docstring of ``tickets.reports``; the dialect-specific
parts (local days, durations, percentiles) are in ``tickets.report_sql``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Integer, and_, case, cast, func, literal, select, true
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from models import FINAL_STATES, OPEN_STATES, OPEN_STATUSES, Attachment, Direction, Message, PrivacyRequest, Ticket
from models.satisfaction import SatisfactionRating
from tickets.report_sql import ALL, TZ, BucketKey, Times, bucket_key, local_day, percentiles, seconds_between

if TYPE_CHECKING:
    from tickets.reports import Filters

# Open tickets by age: (label, at least this old); the last band has no upper end.
AGE_BANDS: tuple[tuple[str, timedelta], ...] = (
    ("< 1 day", timedelta(0)), ("1-3 days", timedelta(days=1)), ("3-7 days", timedelta(days=3)),
    ("7-30 days", timedelta(days=7)), ("30+ days", timedelta(days=30)),
)


def ticket_conditions(filters: Filters) -> list[ColumnElement[bool]]:
    """The filters that select tickets (channel, agent). A mailbox filter is one more line here once
    tickets have a mailbox."""
    conditions: list[ColumnElement[bool]] = []
    if filters.channel:
        conditions.append(Ticket.channel == filters.channel)
    if filters.agent_id is not None:
        conditions.append(Ticket.assignee_id == filters.agent_id)
    return conditions


def _in_period(column: Any, filters: Filters) -> list[ColumnElement[bool]]:
    start, end = filters.utc_range()
    return [column >= start, column < end]


def _bucket(session: Session, column: Any, filters: Filters) -> BucketKey:
    return bucket_key(session, column, filters.bucket)


def counts(session: Session, filters: Filters, column: Any) -> dict[date, int]:
    """Tickets per bucket of ``column`` (created_at, solved_at) inside the period."""
    key = _bucket(session, column, filters)
    rows = session.execute(select(key.expr, func.count()).where(*_in_period(column, filters),
                                                                *ticket_conditions(filters)).group_by(key.expr))
    found: dict[date, int] = {}
    for k, n in rows:  # several keys (hours, on SQLite) may fall in one bucket
        day = key.read(k)
        found[day] = found.get(day, 0) + n
    return found


def _keyed(times: dict[Any, Times]) -> tuple[Times, dict[date, Times]]:
    overall = times.pop(ALL, Times())
    return overall, times


def first_responses(session: Session, filters: Filters) -> tuple[Times, dict[date, Times]]:
    """First-response times of the tickets created in the period, per bucket of their creation.

    One pass over each ticket's messages takes its first inbound and its first non-automatic outgoing
    message; only where that outgoing one came before the customer wrote (an agent wrote first: rare)
    does a second look find the first reply after the customer's message.
    """
    answered = and_(Message.direction == Direction.OUT, Message.auto_submitted.is_(False))
    per_ticket = (select(Ticket.id, Ticket.created_at,
                         func.min(case((Message.direction == Direction.IN, Message.received_at))).label("first_in"),
                         func.min(case((answered, Message.received_at))).label("first_out"))
                  .join(Message, Message.ticket_id == Ticket.id)
                  .where(*_in_period(Ticket.created_at, filters), *ticket_conditions(filters))
                  .group_by(Ticket.id, Ticket.created_at)).subquery("per_ticket")
    reply = aliased(Message)
    after = select(func.min(reply.received_at)).where(
        reply.ticket_id == per_ticket.c.id, reply.direction == Direction.OUT, reply.auto_submitted.is_(False),
        reply.received_at >= per_ticket.c.first_in).scalar_subquery()
    first_reply = case((per_ticket.c.first_out >= per_ticket.c.first_in, per_ticket.c.first_out), else_=after)
    key = _bucket(session, per_ticket.c.created_at, filters)
    measured = select(key.expr.label("key"),
                      seconds_between(session, first_reply, per_ticket.c.first_in).label("dur")).where(
        per_ticket.c.first_in.is_not(None), per_ticket.c.first_out.is_not(None)).subquery("measured")
    durations = select(measured).where(measured.c.dur.is_not(None)).subquery("durations")
    return _keyed(percentiles(session, durations, key))


def resolutions(session: Session, filters: Filters) -> tuple[Times, dict[date, Times]]:
    """Resolution times (created to solved) of the tickets solved in the period, per bucket of solving."""
    key = _bucket(session, Ticket.solved_at, filters)
    durations = select(key.expr.label("key"),
                       seconds_between(session, Ticket.solved_at, Ticket.created_at).label("dur")).where(
        *_in_period(Ticket.solved_at, filters), *ticket_conditions(filters)).subquery()
    return _keyed(percentiles(session, durations, key))


def backlog(session: Session, filters: Filters, now: datetime) -> list[tuple[str, int]]:
    """Open tickets (new, open, pending) now, by age since creation; the period does not apply."""
    band = case(*((Ticket.created_at > now - AGE_BANDS[i + 1][1], i) for i in range(len(AGE_BANDS) - 1)),
                else_=len(AGE_BANDS) - 1).label("band")
    rows: dict[int, int] = {i: n for i, n in session.execute(select(band, func.count()).where(
        Ticket.status.in_(OPEN_STATUSES), *ticket_conditions(filters)).group_by(band))}
    return [(label, rows.get(i, 0)) for i, (label, _) in enumerate(AGE_BANDS)]


def _json_object_items(session: Session, column: Any) -> Any:
    """``(key, value)`` rows of a JSON object column (a JSON null or non-object gives no rows)."""
    if session.get_bind().dialect.name == "postgresql":
        safe = case((func.json_typeof(column) == "object", column), else_=cast(literal("{}"), column.type))
        return func.json_each_text(safe).table_valued("key", "value", joins_implicitly=True)
    safe = case((func.json_type(column) == "object", column), else_="{}")
    return func.json_each(safe).table_valued("key", "value", joins_implicitly=True)


def removed(session: Session, filters: Filters, attachments: bool) -> dict[str, int]:
    """Values removed on arrival per entity type: from the inbound messages received in the period, or
    from their attachments."""
    column = Attachment.redactions if attachments else Message.redactions
    items = _json_object_items(session, column)
    query = select(items.c.key, func.sum(cast(items.c.value, Integer)))
    if attachments:
        query = query.select_from(Attachment).join(Message, Message.id == Attachment.message_id)
    else:
        query = query.select_from(Message)
    conditions = ticket_conditions(filters)
    if conditions:  # the tickets are read only when a filter needs them
        query = query.join(Ticket, Ticket.id == Message.ticket_id)
    query = query.join(items, true()).where(
        Message.direction == Direction.IN, *_in_period(Message.received_at, filters), *conditions)
    rows = session.execute(query.group_by(items.c.key))
    return {key: int(total) for key, total in rows if total}


@dataclass(frozen=True, slots=True)
class PrivacyRow:
    """Privacy requests received in the period, of one type (or ``ALL`` types, each request once)."""

    type: str
    received: int
    closed: int
    closed_in_time: int
    open: int
    overdue: int


def _privacy_measures(session: Session, filters: Filters, now: datetime) -> Sequence[ColumnElement[Any]]:
    start, end = filters.utc_range()
    # Requests received in the period are closed after its start, and (at the latest) now.
    closed_day = local_day(session, PrivacyRequest.closed_at, start, max(end, now) + timedelta(days=1))
    today = now.astimezone(TZ).date()
    final = PrivacyRequest.state.in_(FINAL_STATES)
    still_open = PrivacyRequest.state.in_(OPEN_STATES)

    def total(condition: ColumnElement[bool]) -> ColumnElement[Any]:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    return (func.count(), total(final), total(and_(final, closed_day <= PrivacyRequest.due_on)),
            total(still_open), total(and_(still_open, PrivacyRequest.due_on < today)))


def privacy_requests(session: Session, filters: Filters, now: datetime) -> list[PrivacyRow]:
    """Per request type, and for all requests: received in the period, closed (in a final state),
    closed no later than the (possibly extended) due day, still open, and open past the due day."""
    conditions = [*_in_period(PrivacyRequest.received_at, filters)]
    if filters.channel:
        conditions.append(PrivacyRequest.channel == filters.channel)
    if filters.agent_id is not None:
        conditions.append(PrivacyRequest.ticket_id.in_(select(Ticket.id).where(*ticket_conditions(filters))))
    measures = _privacy_measures(session, filters, now)
    if session.get_bind().dialect.name == "postgresql":
        types = func.json_array_elements_text(PrivacyRequest.types).table_valued("value", joins_implicitly=True)
    else:
        types = func.json_each(PrivacyRequest.types).table_valued("value", joins_implicitly=True)
    per_type = session.execute(select(types.c.value, *measures).select_from(PrivacyRequest).join(
        types, true()).where(*conditions).group_by(types.c.value).order_by(types.c.value))
    rows = [PrivacyRow(str(kind), *map(int, values)) for kind, *values in per_type]
    every = session.execute(select(*measures).where(*conditions)).one()
    return [*rows, PrivacyRow(ALL, *map(int, every))]


def satisfaction(session: Session, filters: Filters) -> dict[str, int]:
    """Satisfaction ratings given in the period (the last answer per ticket), per rating."""
    query = select(SatisfactionRating.rating, func.count()).where(*_in_period(SatisfactionRating.rated_at, filters))
    conditions = ticket_conditions(filters)
    if conditions:
        query = query.join(Ticket, Ticket.id == SatisfactionRating.ticket_id).where(*conditions)
    return {rating: n for rating, n in session.execute(query.group_by(SatisfactionRating.rating))}
