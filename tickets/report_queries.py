"""The queries behind ``tickets.reports``. Ticket figures read the report summary (``models.reports``:
one row per ticket, kept in step in the tickets' own transactions), from covering indexes over the
period; privacy requests and satisfaction ratings are few and read from their own tables.

The definitions they implement are in the docstring of ``tickets.reports``; the dialect-specific
parts (local days, percentiles) are in ``tickets.report_sql``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, case, exists, func, select, true
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from models import FINAL_STATES, OPEN_STATES, PrivacyRequest, Ticket
from models.mailboxes import Mailbox
from models.reports import TicketReport, TicketReportRemoved
from models.satisfaction import SatisfactionRating
from tickets import report_rollups
from tickets.report_sql import ALL, TZ, Measured, bucket_of_day, local_day, measure

if TYPE_CHECKING:
    from tickets.reports import Filters

# Open tickets by age: (label, at least this old); the last band has no upper end.
AGE_BANDS: tuple[tuple[str, timedelta], ...] = (
    ("< 1 day", timedelta(0)), ("1-3 days", timedelta(days=1)), ("3-7 days", timedelta(days=3)),
    ("7-30 days", timedelta(days=7)), ("30+ days", timedelta(days=30)),
)


def ticket_conditions(filters: Filters, table: Any = Ticket) -> list[ColumnElement[bool]]:
    """The filters that select tickets (channel, mailbox, agent), on ``tickets`` or on one of the report
    summary's tables (``models.reports``: they carry the same three columns)."""
    conditions: list[ColumnElement[bool]] = []
    if filters.channel:
        conditions.append(table.channel == filters.channel)
    if filters.mailbox_id is not None:
        conditions.append(table.mailbox_id == filters.mailbox_id)
    if filters.agent_id is not None:
        conditions.append(table.assignee_id == filters.agent_id)
    return conditions


def _in_period(column: Any, filters: Filters) -> list[ColumnElement[bool]]:
    start, end = filters.utc_range()
    return [column >= start, column < end]


def _measured(session: Session, filters: Filters, side: str, day: Any, dur: Any, bin_: Any, sla: Any) -> Measured:
    """One side of the report: the tickets whose local ``day`` is in the period. SQLite reads the rollups
    unless an agent is chosen (``tickets.report_rollups``); otherwise the summary's index is grouped."""
    postgres = session.get_bind().dialect.name == "postgresql"
    if not postgres and filters.agent_id is None:
        return report_rollups.measure(session.connection(), side, filters)
    # SQLite groups by the stored day and buckets the few days in Python (a date function per row costs
    # more than the whole grouping); PostgreSQL groups by the bucket.
    key = bucket_of_day(day, filters.bucket) if postgres else day
    rows = select(key.label("key"), TicketReport.mailbox_id, dur.label("dur"), bin_.label("bin"),
                  sla.label("sla")).where(
        day >= filters.start, day <= filters.end, *ticket_conditions(filters, TicketReport)).subquery("per_ticket")
    return measure(session, rows, filters.bucket)


def created(session: Session, filters: Filters) -> Measured:
    """Tickets created in the period, per bucket of creation and per mailbox, with their first-response
    times and first-response SLA outcomes (one row per ticket of the summary, from its index)."""
    return _measured(session, filters, "created", TicketReport.created_day, TicketReport.first_response_seconds,
                     TicketReport.first_response_bin, TicketReport.sla_first_response)


def solved(session: Session, filters: Filters) -> Measured:
    """Tickets solved in the period, per bucket of solving and per mailbox, with their resolution times
    and resolution SLA outcomes."""
    return _measured(session, filters, "solved", TicketReport.solved_day, TicketReport.resolution_seconds,
                     TicketReport.resolution_bin, TicketReport.sla_resolution)


def backlog(session: Session, filters: Filters, now: datetime) -> list[tuple[str, int]]:
    """Open tickets (new, open, pending) now, by age since creation; the period does not apply. Erased
    tickets are not open (their summary rows have lost their ticket)."""
    created_at = TicketReport.created_at
    band = case(*((created_at > now - AGE_BANDS[i + 1][1], i) for i in range(len(AGE_BANDS) - 1)),
                else_=len(AGE_BANDS) - 1).label("band")
    rows: dict[int, int] = {i: n for i, n in session.execute(select(band, func.count()).where(
        TicketReport.open.is_(True), TicketReport.ticket_id.is_not(None),
        *ticket_conditions(filters, TicketReport)).group_by(band))}
    return [(label, rows.get(i, 0)) for i, (label, _) in enumerate(AGE_BANDS)]


def removed(session: Session, filters: Filters) -> tuple[dict[str, int], dict[str, int]]:
    """Values removed on arrival per entity type, from the inbound messages received in the period and
    (apart) from their attachments, read from the summary's index."""
    found: tuple[dict[str, int], dict[str, int]] = ({}, {})
    rows = session.execute(select(TicketReportRemoved.attachment, TicketReportRemoved.kind,
                                  func.sum(TicketReportRemoved.count)).where(
        *_in_period(TicketReportRemoved.received_at, filters), *ticket_conditions(filters, TicketReportRemoved))
        .group_by(TicketReportRemoved.attachment, TicketReportRemoved.kind))
    for attachment, kind, total in rows:
        if total:
            found[1 if attachment else 0][kind] = int(total)
    return found


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
    if filters.agent_id is not None or filters.mailbox_id is not None:
        # Correlated: a look-up of each request's ticket (the period holds few requests), not the set of
        # every ticket of the mailbox or agent first (0.13 s a query for 100,000 tickets on SQLite).
        conditions.append(exists().where(Ticket.id == PrivacyRequest.ticket_id, *ticket_conditions(filters)))
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


def mailbox_names(session: Session, ids: Sequence[int | None]) -> dict[int, str]:
    """The names of these mailboxes (a deleted mailbox's tickets have none: their mailbox is NULL)."""
    wanted = [i for i in ids if i is not None]
    if not wanted:
        return {}
    return dict(session.execute(select(Mailbox.id, Mailbox.name).where(Mailbox.id.in_(wanted))).all())
