"""Retention: every record kind has an end date (art. 5(1)(e) GDPR, storage limitation), enforced here.

The policy, per record kind (defaults follow the privacy statement):

- ``former_customer_tickets``: solved/closed tickets of a customer whose contract ended more than
  7 years ago (the Dutch fiscal retention duty, art. 52(4) AWR, runs 7 years), and that closed more
  than 2 years ago (never sooner than a ticket without a customer);
- ``tickets_without_customer``: solved/closed tickets with no customer, 2 years after closing;
- ``attachments``: 1 year after they arrived (the message itself stays with its ticket);
- ``vault_entries``: at their own ``expires_at`` (30 days by default, ``privacy.vault``);
- ``contacts_without_tickets``: a channel address (e-mail address, chat id) with no customer, no
  ticket, message or privacy request left, first seen before the 2-year cutoff: once its tickets
  are gone nothing needs it;
- ``audit_entries``: 7 years.

A ticket under a legal hold (``models.RetentionHold`` with ``retain_until`` today or
later) is skipped together with its attachments, and listed in the report. Open tickets are never
deleted. A ticket's messages, placeholder keys, events, outbox rows and vault entries go with it
(``ON DELETE CASCADE``).

``run`` is a dry run unless ``apply=True``: it counts what the same statements would delete (contacts
counted as if this run's tickets were already gone, as they will be when the run reaches them).
Deletion goes in batches of ``batch_size`` ids, each its own short transaction, with a pause between
batches, so SQLite's single write lock (and PostgreSQL's row locks) are held only briefly and intake
keeps committing during a large run. Every ``DELETE`` repeats the policy's conditions, so a record
that changed between choosing and deleting (a ticket reopened) stays.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field
from sqlalchemy import ColumnElement, and_, delete, exists, func, or_, select, true
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from models import (
    Attachment,
    AuditEntry,
    Contact,
    Customer,
    CustomerContract,
    Message,
    PrivacyRequest,
    RetentionHold,
    Ticket,
    TicketStatus,
    VaultEntry,
    ticket_number,
    utcnow,
)
from models.db import checkpoint
from tickets import audit

if TYPE_CHECKING:
    from tickets.store import TicketStore

log = logging.getLogger(__name__)

CLOSED_STATUSES = (TicketStatus.SOLVED, TicketStatus.CLOSED)
KINDS = ("vault_entries", "attachments", "former_customer_tickets", "tickets_without_customer",
         "contacts_without_tickets", "audit_entries")


class RetentionPolicy(BaseModel):
    """How long each record kind is kept (the ``[retention]`` section of the configuration)."""

    former_customer_years: int = Field(default=7, ge=0)
    ticket_without_customer_years: int = Field(default=2, ge=0)
    attachment_days: int = Field(default=365, ge=0)
    audit_years: int = Field(default=7, ge=1)
    batch_size: int = Field(default=500, ge=1, le=10_000)
    # Between batches, so that other writers get the store (SQLite has one write lock).
    pause_seconds: float = Field(default=0.05, ge=0)
    # The run inside ``serve``: on by default, once per interval, in one process (app.single_consumer).
    daily_run: bool = True
    run_interval_hours: float = Field(default=24.0, gt=0)


def years_before(moment: datetime, years: int) -> datetime:
    """The same calendar moment ``years`` earlier (29 February becomes 28 February)."""
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:
        return moment.replace(year=moment.year - years, day=28)


def set_contract_end(session: Session, customer_number: str, ended_on: date | None) -> Customer:
    """Record (or with None clear) the end of a customer's contract."""
    customer = session.scalars(select(Customer).where(Customer.number == customer_number)).first()
    if customer is None:
        raise LookupError(f"no customer {customer_number!r}")
    row = session.get(CustomerContract, customer.id)
    if ended_on is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(CustomerContract(customer_id=customer.id, ended_on=ended_on))
    else:
        row.ended_on = ended_on
    return customer


# --- what each kind selects ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Cutoffs:
    now: datetime
    today: date
    former_customer_contract: date
    ticket_closed: datetime
    attachment: datetime
    audit: datetime

    @classmethod
    def of(cls, policy: RetentionPolicy, now: datetime) -> _Cutoffs:
        return cls(
            now=now,
            today=now.date(),
            former_customer_contract=years_before(now, policy.former_customer_years).date(),
            ticket_closed=years_before(now, policy.ticket_without_customer_years),
            attachment=now - timedelta(days=policy.attachment_days),
            audit=years_before(now, policy.audit_years),
        )


def _held(ticket_id: Any, today: date) -> ColumnElement[bool]:
    return exists().where(RetentionHold.ticket_id == ticket_id, RetentionHold.retain_until >= today)


def _closed_before(cutoff: datetime) -> list[ColumnElement[bool]]:
    # Closing time: the last activity, and the solve time when there is one, both before the cutoff.
    return [
        Ticket.status.in_(CLOSED_STATUSES),
        Ticket.last_activity_at < cutoff,
        (Ticket.solved_at.is_(None)) | (Ticket.solved_at < cutoff),
    ]


def _ticket_conditions(kind: str, c: _Cutoffs) -> list[ColumnElement[bool]]:
    if kind == "tickets_without_customer":
        return [Ticket.customer_id.is_(None), *_closed_before(c.ticket_closed)]
    ended = exists().where(
        CustomerContract.customer_id == Ticket.customer_id, CustomerContract.ended_on < c.former_customer_contract
    )
    return [Ticket.customer_id.is_not(None), ended, *_closed_before(c.ticket_closed)]


def _conditions(kind: str, c: _Cutoffs, *, dry_run: bool = False) -> tuple[Any, list[ColumnElement[bool]]]:
    """The id column of the kind's table and the conditions under which a row goes (holds excluded)."""
    if kind == "vault_entries":
        return VaultEntry.id, [VaultEntry.expires_at <= c.now]
    if kind == "audit_entries":
        return AuditEntry.id, [AuditEntry.at < c.audit]
    if kind == "contacts_without_tickets":
        # "Without tickets" once this run's ticket kinds are done. The run deletes those tickets first,
        # so it only needs "no ticket left"; the dry run must not count tickets that would go (slower).
        # Uncorrelated NOT IN subqueries (NULLs excluded): each is evaluated once per statement.
        stays = ~_ticket_goes(c) if dry_run else true()
        return Contact.id, [
            Contact.customer_id.is_(None),
            Contact.created_at < c.ticket_closed,
            Contact.id.not_in(select(Ticket.contact_id).where(Ticket.contact_id.is_not(None), stays)),
            Contact.id.not_in(select(Message.contact_id).join(Ticket, Ticket.id == Message.ticket_id)
                              .where(Message.contact_id.is_not(None), stays)),
            Contact.id.not_in(select(PrivacyRequest.contact_id).where(PrivacyRequest.contact_id.is_not(None))),
        ]
    if kind == "attachments":
        held = exists().where(Message.id == Attachment.message_id, RetentionHold.ticket_id == Message.ticket_id,
                              RetentionHold.retain_until >= c.today)
        return Attachment.id, [Attachment.created_at < c.attachment, ~held]
    return Ticket.id, [*_ticket_conditions(kind, c), ~_held(Ticket.id, c.today)]


def _ticket_goes(c: _Cutoffs) -> ColumnElement[bool]:
    kinds = ("former_customer_tickets", "tickets_without_customer")
    return and_(or_(*(and_(*_ticket_conditions(k, c)) for k in kinds)), ~_held(Ticket.id, c.today))


def _held_tickets(session: Session, c: _Cutoffs) -> list[int]:
    """Tickets that a kind would delete but a legal hold keeps (ids)."""
    held: set[int] = set()
    for kind in ("former_customer_tickets", "tickets_without_customer"):
        query = select(Ticket.id).where(*_ticket_conditions(kind, c), _held(Ticket.id, c.today))
        held.update(session.scalars(query))
    return sorted(held)


# --- the run ------------------------------------------------------------------------------------


@dataclass
class RetentionReport:
    dry_run: bool
    started_at: datetime
    counts: dict[str, int] = field(default_factory=dict)
    # Ticket numbers kept by a legal hold that the policy would otherwise delete.
    held_tickets: list[int] = field(default_factory=list)
    finished_at: datetime | None = None

    def lines(self) -> list[str]:
        verb = "would delete" if self.dry_run else "deleted"
        out = [f"{kind}: {verb} {self.counts.get(kind, 0)}" for kind in KINDS]
        held = ", ".join(f"#{n}" for n in self.held_tickets) or "none"
        out.append(f"kept under a legal hold: {len(self.held_tickets)} ticket(s): {held}")
        return out


def _count(session: Session, id_col: Any, conds: list[ColumnElement[bool]]) -> int:
    query: Select[int] = select(func.count()).select_from(id_col.table).where(*conds)
    return int(session.scalar(query) or 0)


def run(
    ticket_store: TicketStore,
    policy: RetentionPolicy,
    *,
    apply: bool = False,
    actor: str = "system:retention",
    now: datetime | None = None,
    kinds: tuple[str, ...] = KINDS,
    stop: Callable[[], bool] | None = None,
    on_batch: Callable[[str, int], None] | None = None,
) -> RetentionReport:
    """Apply (or with ``apply=False`` only count) the policy; the run is audited either way."""
    now = now or utcnow()
    cut = _Cutoffs.of(policy, now)
    report = RetentionReport(dry_run=not apply, started_at=now)
    with ticket_store.reading() as session:
        report.held_tickets = [ticket_number(i) for i in _held_tickets(session, cut)]
        if not apply:
            for kind in kinds:
                id_col, conds = _conditions(kind, cut, dry_run=True)
                report.counts[kind] = _count(session, id_col, conds)
    if apply:
        for kind in kinds:
            report.counts[kind] = _delete_in_batches(ticket_store, policy, kind, cut, stop, on_batch)
            if stop is not None and stop():
                break
        checkpoint(ticket_store.engine)  # what was deleted must not stay readable in the WAL either
    report.finished_at = utcnow()
    with ticket_store.writing() as session:
        audit.record(session, actor, audit.RETENTION_RUN, "retention", None, {
            "dry_run": report.dry_run, "counts": report.counts, "held_tickets": report.held_tickets[:1000],
        })
    log.info("retention: %s counts=%s held=%d", "dry run" if report.dry_run else "applied", report.counts,
             len(report.held_tickets))
    return report


def _delete_in_batches(
    ticket_store: TicketStore, policy: RetentionPolicy, kind: str, cut: _Cutoffs,
    stop: Callable[[], bool] | None, on_batch: Callable[[str, int], None] | None,
) -> int:
    id_col, conds = _conditions(kind, cut)
    table = id_col.table
    deleted = 0
    after = 0
    while stop is None or not stop():
        # Choose a batch outside the write transaction (readers never block the writer), then delete
        # it in a short one, repeating the conditions so a row that changed meanwhile stays.
        with ticket_store.reading() as session:
            ids = list(session.scalars(select(id_col).where(id_col > after, *conds).order_by(id_col)
                                       .limit(policy.batch_size)))
        if not ids:
            break
        with ticket_store.writing() as session:
            result = session.execute(delete(table).where(id_col.in_(ids), *conds),
                                     execution_options={"synchronize_session": False})
            deleted += int(getattr(result, "rowcount", 0) or 0)
        after = ids[-1]
        if on_batch is not None:
            on_batch(kind, deleted)
        if len(ids) < policy.batch_size:
            break
        if policy.pause_seconds:
            time.sleep(policy.pause_seconds)
    return deleted


def daily(ticket_store: TicketStore, policy: RetentionPolicy) -> Callable[[threading.Event], None]:
    """The work of the ``retention`` role in ``serve``: run now, then every interval, until told to stop."""

    def work(term_stop: threading.Event) -> None:
        interval = policy.run_interval_hours * 3600
        while not term_stop.is_set():
            wait = interval
            try:
                run(ticket_store, policy, apply=True, stop=term_stop.is_set)
            except Exception:
                wait = min(interval, 3600.0)  # e.g. the store was unreachable: try again within the hour
                log.exception("retention: run failed; next try in %.0f s", wait)
            term_stop.wait(wait)

    return work
