"""The report summary (issue 22): one row per ticket with what the reports measure, kept in step with
the tickets in the same transaction, so a report over 200,000 tickets reads a narrow indexed table
instead of grouping every message of the period (bench/reports.py: from seconds to well under one).

- ``ticket_report``: per ticket its channel, mailbox and assignee (the report's filters), when it was
  created and solved (and the local days of both), its first-response and resolution times in seconds
  (the definitions are in ``tickets.reports``'s docstring) and its SLA outcomes (``met``/``breached``,
  ``tickets.sla_report``).
- ``ticket_report_removed``: per inbound message (and apart, its attachments) and entity type, how many
  values intake removed, with the time received and the ticket's filters copied onto the row.

Nothing personal is in either table: ids, times, channel names, entity-type names and counts. When a
ticket is erased (art. 17 GDPR, ``privacy.handlers``) or deleted by retention, its rows stay, their
``ticket_id`` set to NULL by the foreign key: the aggregate figures keep counting it (how many tickets
came in last year does not change when one customer is forgotten), and nothing links a row to the
customer any more. Such a row is never refreshed again, and does not count as open (the backlog).

**One place keeps the summary in step**, for every path that changes a ticket through the ORM (intake's
writer and its hooks, replies, status changes, assignment, macros, rules, the SLA clock and breach
sweep): after each flush the ids of the tickets whose rows (or messages, attachments, SLA clock, breach
events) were written are collected (rows written by Core on the session's connection are noted by their
writer, ``note_written``), and just before the commit their summary rows are recomputed from
the live rows (``refresh``), inside the same transaction. Recomputing rather than patching makes every
change (a reopen clears ``solved_at``, a late reply, a reassignment) exact by construction, and costs a
handful of indexed statements per commit, not per ticket. Bulk Core inserts (a migration, the generated
stores of the tests and benches) call ``refresh`` themselves; migration 0019 backfills in batches. One
exception to reading back: a ticket intake opened in this transaction by Core INSERTs and touched by nothing
else (``Opened``, ``note_opened``) has its rows computed from what was inserted; anything flushed about it
makes it read back like any other (issue 19: the two reads were most of a one-message commit's refresh).

The rollups (``models.report_rollups``: counts per local day, duration bins per week and month) are kept
by the same refresh: the summary rows it deletes are counted out and those it inserts counted in, so they
always equal the summary grouped (tests/tickets/test_report_summary.py compares them with a rebuild).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    BigInteger,
    Boolean,
    Connection,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    bindparam,
    delete,
    event,
    exists,
    insert,
    select,
)
from sqlalchemy.orm import Mapped, Session, SessionTransaction, mapped_column

from models import report_rollups
from models.base import Base
from models.db import write_deferred
from models.mailboxes import Mailbox
from models.sla import SlaPolicy, TicketSla
from models.tickets import OPEN_STATUSES, Attachment, Direction, Message, Ticket, TicketEvent, TicketStatus

MET, BREACHED = "met", "breached"
# The reports' days, weeks and months are the operator's (tickets.reports).
TZ = ZoneInfo("Europe/Amsterdam")
# Statements take at most this many ticket ids (SQLite's bound-parameter limit is far above it).
CHUNK = 500
_TOUCHED = "report_summary_tickets"
_FRESH = "report_summary_new_tickets"
_ATTACHED = "report_summary_messages"
_MAILBOXES = "report_summary_deleted_mailboxes"
_OPENED = "report_summary_opened"


def _ticket_fk() -> Any:
    return mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                         ForeignKey(Ticket.id, ondelete="SET NULL"), nullable=True)


class TicketReport(Base):
    """One ticket's figures. ``ticket_id`` is NULL once the ticket was erased (see the module's docstring)."""

    __tablename__ = "ticket_report"
    __table_args__ = (
        # Covering: a period's tickets by creation / by solving, filtered and measured from the index alone.
        # (day, duration) first: a day's k-th duration is a seek and k steps, and a duration bin of a few
        # days a seek per day (tickets.report_rollups); the rollups (models.report_rollups) hold the counts.
        Index("ix_ticket_report_created", "created_day", "first_response_seconds", "channel", "mailbox_id",
              "assignee_id", "first_response_bin", "sla_first_response"),
        Index("ix_ticket_report_solved", "solved_day", "resolution_seconds", "channel", "mailbox_id", "assignee_id",
              "resolution_bin", "sla_resolution"),
        # The backlog: open tickets (still linked to one) by age.
        Index("ix_ticket_report_open", "open", "created_at", "channel", "mailbox_id", "assignee_id", "ticket_id"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    ticket_id: Mapped[int | None] = _ticket_fk()
    channel: Mapped[str] = mapped_column(String(16))
    mailbox_id: Mapped[int | None] = mapped_column(ForeignKey("mailboxes.id", ondelete="SET NULL"))
    assignee_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column()
    solved_at: Mapped[datetime | None] = mapped_column()
    # The local (Europe/Amsterdam) days of both: a report's period and buckets are local days, so the
    # database groups by a stored date instead of converting every row's time.
    created_day: Mapped[date] = mapped_column(Date)
    solved_day: Mapped[date | None] = mapped_column(Date)
    # New, open or pending, as of the last refresh (an erased ticket's row keeps its last value: the
    # backlog also requires ``ticket_id`` to be set).
    open: Mapped[bool] = mapped_column(Boolean)
    first_response_seconds: Mapped[float | None] = mapped_column(Float)
    resolution_seconds: Mapped[float | None] = mapped_column(Float)
    # ``duration_bin`` of each: where a percentile's rank lies is found from counts per bin, and only
    # that bin's durations are read (tickets.report_sql, on SQLite).
    first_response_bin: Mapped[int | None] = mapped_column(SmallInteger)
    resolution_bin: Mapped[int | None] = mapped_column(SmallInteger)
    sla_first_response: Mapped[str | None] = mapped_column(String(8))
    sla_resolution: Mapped[str | None] = mapped_column(String(8))


Index("uq_ticket_report_ticket_id", TicketReport.ticket_id, unique=True)


class TicketReportRemoved(Base):
    """How many values of one entity type intake removed from one inbound message (or its attachments)."""

    __tablename__ = "ticket_report_removed"
    __table_args__ = (
        Index("ix_ticket_report_removed_received", "received_at", "attachment", "kind", "count", "channel",
              "mailbox_id", "assignee_id"),
        # A long period grouped by type in index order (SQLite skips through it per type), without a sort.
        Index("ix_ticket_report_removed_kind", "attachment", "kind", "received_at", "count", "channel",
              "mailbox_id", "assignee_id"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    ticket_id: Mapped[int | None] = _ticket_fk()
    received_at: Mapped[datetime] = mapped_column()
    attachment: Mapped[bool] = mapped_column(Boolean)
    kind: Mapped[str] = mapped_column(String(64))
    count: Mapped[int] = mapped_column(Integer)
    channel: Mapped[str] = mapped_column(String(16))
    mailbox_id: Mapped[int | None] = mapped_column(ForeignKey("mailboxes.id", ondelete="SET NULL"))
    assignee_id: Mapped[int | None] = mapped_column(Integer)


Index("ix_ticket_report_removed_ticket_id", TicketReportRemoved.ticket_id)


# --- computing the rows ---------------------------------------------------------------------------


def duration_bin(seconds: float | None) -> int | None:
    """A logarithmic bin of a duration: eight bins per doubling (each about 9 % wide), from 0 s to years."""
    return None if seconds is None else int(math.log2(1 + max(seconds, 0.0)) * 8)


def local_day(at: datetime) -> date:
    return at.astimezone(TZ).date()


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for i in range(0, len(ids), CHUNK):
        yield ids[i:i + CHUNK]


def _seconds(later: datetime, earlier: datetime) -> float:
    return (later - earlier).total_seconds()


def _first_response(messages: list[tuple[Direction, bool, datetime]]) -> float | None:
    """From the first inbound message to the first non-automatic outgoing one at or after it."""
    inbound = [at for direction, _, at in messages if direction == Direction.IN]
    if not inbound:
        return None
    first_in = min(inbound)
    replies = [at for direction, auto, at in messages if direction == Direction.OUT and not auto and at >= first_in]
    return _seconds(min(replies), first_in) if replies else None


def _sla(row: Any) -> tuple[str | None, str | None]:
    """The SLA outcomes of ``tickets.sla_report``'s definitions; None where the ticket does not count."""
    if row.clock is None:
        return None, None
    first = BREACHED if row.first_breached else MET if row.first_response_at is not None else None
    resolution = None
    if row.solved_at is not None:
        resolution = BREACHED if row.resolution_breached else MET if row.resolution_minutes is not None else None
    return first, resolution


def _removed_rows(row: Any, removed: list[tuple[datetime, bool, dict[str, int] | None]]) -> list[dict[str, Any]]:
    totals: dict[tuple[datetime, bool, str], int] = defaultdict(int)
    for at, attachment, redactions in removed:
        for kind, n in (redactions or {}).items() if isinstance(redactions, dict) else ():
            totals[at, attachment, kind] += int(n)
    return [{"ticket_id": row.id, "received_at": at, "attachment": attachment, "kind": kind[:64], "count": n,
             "channel": row.channel, "mailbox_id": row.mailbox_id, "assignee_id": row.assignee_id}
            for (at, attachment, kind), n in totals.items() if n]


def _breached(target: str) -> Any:
    # The breach's target is named in its dedupe key, ``sla:<ticket>:<target>:<cycle>`` (tickets.sla_breach).
    return exists().where(TicketEvent.ticket_id == Ticket.id, TicketEvent.kind == "sla_breached",
                          TicketEvent.dedupe_key.like(f"sla:%:{target}:%"))


# Built once: intake runs them at every commit, and building a select with its joins and EXISTS
# subqueries (and its cache key) each time cost more than running it. ``ids`` expands per execution.
_TICKETS = (select(
    Ticket.id, Ticket.channel, Ticket.mailbox_id, Ticket.assignee_id, Ticket.status, Ticket.created_at,
    Ticket.solved_at, TicketSla.ticket_id.label("clock"), TicketSla.first_response_at,
    SlaPolicy.resolution_minutes, _breached("first_response").label("first_breached"),
    _breached("resolution").label("resolution_breached"))
    .outerjoin(TicketSla, TicketSla.ticket_id == Ticket.id)
    .outerjoin(SlaPolicy, SlaPolicy.id == TicketSla.policy_id).where(Ticket.id.in_(bindparam("ids", expanding=True))))
_MESSAGES = (select(
    Message.id, Message.ticket_id, Message.direction, Message.auto_submitted, Message.received_at,
    Message.redactions, Attachment.redactions)
    .outerjoin(Attachment, (Attachment.message_id == Message.id) & (Message.direction == Direction.IN))
    .where(Message.ticket_id.in_(bindparam("ids", expanding=True)), Message.direction != Direction.NOTE))
_DELETE_REMOVED = delete(TicketReportRemoved).where(TicketReportRemoved.ticket_id.in_(bindparam("ids", expanding=True)))
_DELETE_SUMMARY = delete(TicketReport).where(TicketReport.ticket_id.in_(bindparam("ids", expanding=True)))
# The deleted rows come back to be counted out of the rollups (SQLite >= 3.35, PostgreSQL).
_DELETE_SUMMARY_COUNTED = _DELETE_SUMMARY.returning(
    *(TicketReport.__table__.c[name] for name in report_rollups.SOURCE))
_INSERT_SUMMARY = insert(TicketReport)
_INSERT_REMOVED = insert(TicketReportRemoved)


_Removed = list[tuple[datetime, bool, dict[str, int] | None]]


def _summary_row(row: Any, first_seconds: float | None, sla: tuple[str | None, str | None]) -> dict[str, Any]:
    """A ticket's ``ticket_report`` row (``row``: its id, channel, mailbox, assignee, status, times)."""
    resolution_seconds = None if row.solved_at is None else _seconds(row.solved_at, row.created_at)
    return {
        "ticket_id": row.id, "channel": row.channel, "mailbox_id": row.mailbox_id, "assignee_id": row.assignee_id,
        "created_at": row.created_at, "solved_at": row.solved_at, "created_day": local_day(row.created_at),
        "solved_day": None if row.solved_at is None else local_day(row.solved_at),
        "open": row.status in OPEN_STATUSES,
        "first_response_seconds": first_seconds, "first_response_bin": duration_bin(first_seconds),
        "resolution_seconds": resolution_seconds, "resolution_bin": duration_bin(resolution_seconds),
        "sla_first_response": sla[0], "sla_resolution": sla[1]}


def _read_chunk(conn: Connection, ids: list[int], fresh: set[int] | frozenset[int],
                deltas: report_rollups.Deltas | None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    # Two reads (the tickets with their SLA clock, policy and breaches; their messages with attachments),
    # then two deletes; the caller inserts the rows: intake pays these once per commit, not per ticket. A
    # ticket opened in this transaction (``fresh``) has no rows to delete yet. ``deltas``: the rollups'.
    tickets = conn.execute(_TICKETS, {"ids": ids}).all()
    messages: dict[int, dict[int, tuple[Direction, bool, datetime]]] = defaultdict(dict)
    removed: dict[int, _Removed] = defaultdict(list)
    for message_id, ticket_id, direction, auto, at, redactions, attached in conn.execute(_MESSAGES, {"ids": ids}):
        if message_id not in messages[ticket_id]:  # once per message, whatever its attachments
            messages[ticket_id][message_id] = (direction, auto, at)
            if direction == Direction.IN:
                removed[ticket_id].append((at, False, redactions))
        if attached is not None:
            removed[ticket_id].append((at, True, attached))
    stale = [i for i in ids if i not in fresh]
    if stale:
        conn.execute(_DELETE_REMOVED, {"ids": stale})
        if deltas is None:
            conn.execute(_DELETE_SUMMARY, {"ids": stale})
        else:
            for old in conn.execute(_DELETE_SUMMARY_COUNTED, {"ids": stale}).mappings():
                deltas.add(old, -1)
    summary, removed_rows = [], []
    for row in tickets:
        summary.append(_summary_row(row, _first_response(list(messages[row.id].values())), _sla(row)))
        removed_rows += _removed_rows(row, removed[row.id])
    return summary, removed_rows


@dataclass
class Opened:
    """A ticket inserted in this transaction by intake's Core INSERTs, with what its summary needs.
    Written only by those (``note_opened``, ``note_inbound``; anything flushed about it forgets it), it
    is new, unassigned and unsolved, and its inbound messages are all it has: no reply (no first
    response), no SLA outcome yet, no breach."""

    id: int
    channel: str
    mailbox_id: int | None
    created_at: datetime
    removed: _Removed = field(default_factory=list)
    assignee_id: None = None
    solved_at: None = None
    status: str = TicketStatus.NEW


def refresh(conn: Connection, ticket_ids: Iterable[int], fresh: set[int] | frozenset[int] = frozenset(),
            *, rollups: bool = True, opened: Mapping[int, Opened] | None = None) -> None:
    """Recompute the summary rows of these tickets from their live rows (an id without a ticket: nothing);
    ``fresh``: those inserted in this transaction, which have no summary rows yet. The rollups
    (``models.report_rollups``) follow, written once after every chunk (``rollups=False``: left alone).
    ``opened``: tickets among ``ticket_ids`` whose rows are all known (``Opened``): computed, not read."""
    opened = opened or {}
    deltas = report_rollups.Deltas() if rollups else None
    summary: list[dict[str, Any]] = []
    removed_rows: list[dict[str, Any]] = []
    for chunk in _chunks(sorted(set(ticket_ids) - opened.keys())):
        rows, removed = _read_chunk(conn, chunk, fresh, deltas)
        summary += rows
        removed_rows += removed
    for known in opened.values():
        summary.append(_summary_row(known, None, (None, None)))
        removed_rows += _removed_rows(known, known.removed)
    if summary:
        conn.execute(_INSERT_SUMMARY, summary)
        if deltas is not None:
            for new in summary:
                deltas.add(new, 1)
    if removed_rows:
        conn.execute(_INSERT_REMOVED, removed_rows)
    if deltas is not None:
        deltas.apply(conn)


def rebuild(conn: Connection, batch: int = 2000, *, rollups: bool = True) -> int:
    """Refresh every ticket's rows, ``batch`` tickets a statement set (a backfill), then recompute the
    rollups from the whole summary (``rollups=False``: not; migration 0019 ran before they existed);
    returns how many tickets."""
    done, last = 0, 0
    while ids := list(conn.scalars(select(Ticket.id).where(Ticket.id > last).order_by(Ticket.id).limit(batch))):
        refresh(conn, ids, rollups=False)
        done, last = done + len(ids), ids[-1]
    if rollups:
        report_rollups.rebuild(conn, TicketReport.__table__)
    return done


# --- keeping it in step ---------------------------------------------------------------------------


def note_written(session: Session, ticket_id: int, *, fresh: bool = False) -> None:
    """A ticket whose rows were written by Core statements on the session's connection (intake's writer:
    its new ticket, message and attachments), which no flush sees: its summary is refreshed before the
    commit like a flushed one's. ``fresh``: the ticket itself was inserted in this transaction."""
    session.info.setdefault(_TOUCHED, set()).add(ticket_id)
    if fresh:
        session.info.setdefault(_FRESH, set()).add(ticket_id)


def note_opened(session: Session, ticket_id: int, *, channel: str, mailbox_id: int | None,
                created_at: datetime) -> None:
    """A ticket intake inserted by Core (``tickets.inbound_rows``): ``note_written(fresh=True)``, and its
    summary is computed from what intake inserted (``Opened``) instead of read back before the commit,
    unless something else of it is flushed in this transaction (a reply, a change, its SLA clock's)."""
    note_written(session, ticket_id, fresh=True)
    opened: dict[int, Opened] = session.info.setdefault(_OPENED, {})
    opened[ticket_id] = Opened(ticket_id, channel, mailbox_id, created_at)


def note_inbound(session: Session, ticket_id: int, received_at: datetime, redactions: dict[str, int] | None,
                 attachments: Iterable[dict[str, int] | None] = ()) -> None:
    """An inbound message (and its attachments' removed counts) intake inserted by Core on ``ticket_id``."""
    note_written(session, ticket_id)
    known: Opened | None = session.info.get(_OPENED, {}).get(ticket_id)
    if known is not None:
        known.removed.append((received_at, False, redactions))
        known.removed += ((received_at, True, counts) for counts in attachments)


@event.listens_for(Session, "after_flush")
def _collect(session: Session, _context: Any) -> None:
    """Note the tickets this flush wrote something of (their ids are known now, also for new rows)."""
    touched: set[int] = session.info.setdefault(_TOUCHED, set())
    opened: dict[int, Opened] = session.info.get(_OPENED, {})
    for obj in session.new:
        if isinstance(obj, Ticket):
            # Inserted now: no summary rows to delete (ids are never reused: AUTOINCREMENT, sequences).
            session.info.setdefault(_FRESH, set()).add(obj.id)
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, Ticket):
            touched.add(obj.id)
        elif isinstance(obj, Message | TicketSla) or (isinstance(obj, TicketEvent) and obj.kind == "sla_breached"):
            touched.add(obj.ticket_id)
        elif isinstance(obj, Attachment):
            session.info.setdefault(_ATTACHED, set()).add(obj.message_id)
    for obj in session.deleted:
        if isinstance(obj, Mailbox):  # the summary's rows lost it (ON DELETE SET NULL); the rollups follow
            session.info.setdefault(_MAILBOXES, set()).add(obj.id)
    if opened:
        _forget_opened(session, opened)


def _forget_opened(session: Session, opened: dict[int, Opened]) -> None:
    """Anything of an ``Opened`` ticket written through the ORM (the ticket changed, a reply, an event, its
    clock, a deletion): its summary is read back before the commit, not computed from intake's inserts."""
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Ticket):
            opened.pop(obj.id, None)
        elif isinstance(obj, Attachment | Mailbox):
            opened.clear()  # an attachment of some message, a mailbox a ticket may have had: compute none
            return
        else:
            ticket_id = getattr(obj, "ticket_id", None)
            if ticket_id is not None:
                opened.pop(ticket_id, None)


@event.listens_for(Session, "before_commit")
def _refresh_touched(session: Session) -> None:
    """Recompute the noted tickets' rows in the transaction that is about to commit."""
    if session.new or session.dirty or session.deleted:
        session.flush()
    write_deferred(session)  # rows held back for one statement per table (a group commit's SLA clocks)
    touched: set[int] = session.info.pop(_TOUCHED, set())
    attached: set[int] = session.info.pop(_ATTACHED, set())
    fresh: set[int] = session.info.pop(_FRESH, set())
    opened: dict[int, Opened] = session.info.pop(_OPENED, {})
    mailboxes: set[int] = session.info.pop(_MAILBOXES, set())
    if mailboxes:
        report_rollups.move_mailboxes(session.connection(), mailboxes)
    if not touched and not attached:
        return
    conn = session.connection()
    for chunk in _chunks(sorted(attached)):
        touched.update(conn.scalars(select(Message.ticket_id).where(Message.id.in_(chunk))))
    touched.discard(None)  # type: ignore[arg-type,unused-ignore]  # an object flushed without its ticket (never committed)
    refresh(conn, touched, fresh, opened={i: known for i, known in opened.items() if i in touched and i in fresh})


@event.listens_for(Session, "after_soft_rollback")
def _forget(session: Session, previous_transaction: SessionTransaction) -> None:
    # A rolled-back transaction's notes must not outlive it. (After a savepoint's rollback they stay:
    # refreshing a ticket whose change was rolled back recomputes the same row; but what intake inserted
    # may be gone with the savepoint, so its summary is read back, not computed.)
    session.info.pop(_OPENED, None)
    if previous_transaction.parent is None:
        session.info.pop(_TOUCHED, None)
        session.info.pop(_ATTACHED, None)
        session.info.pop(_FRESH, None)
        session.info.pop(_MAILBOXES, None)
