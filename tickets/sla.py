"""SLA policies applied to tickets: which policy a ticket follows, and the clock that says when it is due.

A ticket follows the most specific active policy that matches its facts (``MATCH_KEYS``: a policy's
match column left empty matches anything; among equally specific ones the lowest position wins): its
priority, channel and mailbox (``tickets.mailboxes``; a ticket without one matches only policies for
any mailbox). Another key is one more ``SlaPolicy`` column, named in ``MATCH_KEYS`` and ``facts_of``.

The clock (``TicketSla``) counts business seconds. Both its parts run from ``running_since``:

- the response clock, from the customer's message that awaits our answer (``response_since``) until we
  answer; its target is the policy's first-response target until the first answer, then its
  next-response target;
- the resolution clock, over the ticket's whole life until it is solved.

While the ticket is pending on the customer (or solved) the clock is paused: the seconds used so far
are kept and ``running_since`` is None; the customer's reply resumes it. The soonest due time of the
running parts is mirrored into ``ticket_due`` (the queue's sort key); a paused clock has no row there.

Policies are read at most once per ``tickets.db_cache`` period per database: ``set_due`` runs for every
stored message and must not query them each time. The admin page calls ``invalidate`` after a change;
other processes see it within the cache time. With no stored policy at all the built-in ``DEFAULTS`` apply:
the fixed 2/8/24/72 hours by priority, around the clock, that scrubdesk had before policies.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, func, insert, select
from sqlalchemy.orm import Session

from models import OPEN_STATUSES, Direction, Message, Priority, Ticket, TicketDue, TicketStatus
from models.db import insert_later
from models.sla import BusinessHours, SlaPolicy, TicketSla
from tickets import business_hours
from tickets.business_hours import ALWAYS, Hours
from tickets.db_cache import DbCache

log = logging.getLogger(__name__)

MATCH_KEYS = ("priority", "channel", "mailbox_id")
DEFAULT_TAG = "sla-breached"
_DEFAULT_HOURS = {Priority.URGENT: 2, Priority.HIGH: 8, Priority.NORMAL: 24, Priority.LOW: 72}


@dataclass(frozen=True, slots=True)
class Policy:
    """A policy as the clock uses it (targets in minutes; None: no target)."""

    id: int | None
    name: str
    match: tuple[tuple[str, str], ...]  # (key, value) pairs a ticket must have; other keys: any
    position: int
    hours: Hours
    first_response: int | None
    next_response: int | None
    resolution: int | None
    escalate_priority: bool = False
    escalate_tag: str | None = DEFAULT_TAG

    def matches(self, facts: Mapping[str, str | None]) -> bool:
        return all(facts.get(key) == value for key, value in self.match)


DEFAULTS = tuple(
    Policy(id=None, name=f"{priority.value.capitalize()} priority", match=(("priority", priority.value),),
           position=position, hours=ALWAYS, first_response=hours * 60, next_response=hours * 60, resolution=None)
    for position, (priority, hours) in enumerate(_DEFAULT_HOURS.items())
)


def facts_of(ticket: Ticket) -> dict[str, str | None]:
    """What a policy can match on."""
    return {"priority": str(ticket.priority), "channel": ticket.channel,
            "mailbox_id": str(ticket.mailbox_id) if ticket.mailbox_id is not None else None}


def _hours(row: BusinessHours | None) -> Hours:
    if row is None:
        return ALWAYS
    try:
        return business_hours.hours_of(list(row.weekly), row.timezone, row.holidays)
    except business_hours.HoursError:  # the admin page refuses these; a hand-edited row falls back
        log.warning("sla: business hours %d unusable, counting around the clock", row.id)
        return ALWAYS


def load(session: Session) -> tuple[Policy, ...]:
    """Every active policy, the most specific first (``DEFAULTS`` when none was ever stored)."""
    rows = session.execute(select(SlaPolicy, BusinessHours).outerjoin(
        BusinessHours, BusinessHours.id == SlaPolicy.business_hours_id)).all()
    if not rows:
        return DEFAULTS
    policies = [
        Policy(id=p.id, name=p.name, position=p.position, hours=_hours(h),
               match=tuple((key, str(getattr(p, key))) for key in MATCH_KEYS if getattr(p, key) is not None),
               first_response=p.first_response_minutes, next_response=p.next_response_minutes,
               resolution=p.resolution_minutes, escalate_priority=p.escalate_priority, escalate_tag=p.escalate_tag)
        for p, h in rows if p.active
    ]
    return tuple(sorted(policies, key=lambda p: (-len(p.match), p.position, p.id or 0)))


_policies: DbCache[tuple[Policy, ...]] = DbCache(load)


def policies(session: Session) -> tuple[Policy, ...]:
    """The active policies, from the cache when it is fresh."""
    return _policies.get(session)


def invalidate() -> None:
    """Forget the cached policies (after an admin changed them)."""
    _policies.invalidate()


def policy_for(session: Session, ticket: Ticket) -> Policy | None:
    facts = facts_of(ticket)
    return next((p for p in policies(session) if p.matches(facts)), None)


def policy_by_id(session: Session, policy_id: int | None, ticket: Ticket) -> Policy | None:
    """The policy a clock was counted under (the ticket's current one when that is gone)."""
    found = next((p for p in policies(session) if p.id == policy_id), None) if policy_id is not None else None
    return found or policy_for(session, ticket)


# --- the clock -------------------------------------------------------------------------------------


# The ticket's clock and due row in one query, built once (``set_due`` runs for every stored message).
_STATE = (select(TicketSla, TicketDue).select_from(Ticket)
          .outerjoin(TicketSla, TicketSla.ticket_id == Ticket.id)
          .outerjoin(TicketDue, TicketDue.ticket_id == Ticket.id).where(Ticket.id == bindparam("ticket_id")))


def _state(session: Session, ticket_id: int) -> tuple[TicketSla | None, TicketDue | None]:
    row = session.execute(_STATE, {"ticket_id": ticket_id}).first()
    return (row[0], row[1]) if row is not None else (None, None)


def _mirror(session: Session, ticket_id: int, due: TicketDue | None, due_at: datetime | None) -> None:
    if due_at is None:
        if due is not None:
            session.delete(due)
            session.flush()  # gone now, also for a ``session.get`` later in this transaction
    elif due is None:
        session.add(TicketDue(ticket_id=ticket_id, due_at=due_at))
    elif due.due_at != due_at:
        due.due_at = due_at


def _checkpoint(state: TicketSla, hours: Hours, at: datetime) -> None:
    """Add the running segment's business seconds to what was used; the clock then stands still."""
    if state.running_since is None:
        return
    if state.response_since is not None:
        state.response_used += round(business_hours.elapsed(hours, max(state.running_since, state.response_since), at))
    state.resolution_used += round(business_hours.elapsed(hours, state.running_since, at))
    state.running_since = None


def _schedule(session: Session, state: TicketSla, due: TicketDue | None, policy: Policy | None) -> None:
    """Due times of the running parts from what they used, and the soonest into ``ticket_due``."""
    _mirror(session, state.ticket_id, due, _targets(state, policy))


def _targets(state: TicketSla, policy: Policy | None) -> datetime | None:
    """Set the clock's policy and due times from what the running parts used; the soonest of them."""
    state.policy_id = policy.id if policy else None
    response_due = resolution_due = None
    if state.running_since is not None and policy is not None:
        target = policy.first_response if state.first_response_at is None else policy.next_response
        if state.response_since is not None and target is not None:
            response_due = business_hours.add(policy.hours, max(state.running_since, state.response_since),
                                              target * 60 - state.response_used)
        if policy.resolution is not None:
            resolution_due = business_hours.add(policy.hours, state.running_since,
                                                policy.resolution * 60 - state.resolution_used)
    state.response_due_at, state.resolution_due_at = response_due, resolution_due
    return min(filter(None, (response_due, resolution_due)), default=None)


# Built once: the clock and due row of a ticket opened in this transaction (``customer_wrote(fresh=True)``).
_INSERT_CLOCK = insert(TicketSla.__table__)  # type: ignore[arg-type]
_INSERT_DUE = insert(TicketDue.__table__)  # type: ignore[arg-type]
_CLOCK_COLUMNS = tuple(c.key for c in TicketSla.__table__.columns)


def _start(session: Session, ticket: Ticket, at: datetime) -> None:
    """A new ticket's clock, started at ``at``: computed on an object the session never sees and written
    by two INSERTs on its connection. As two ORM objects they were flushed by the next query of the
    transaction, one more flush per message in intake's writer (issue 19)."""
    state = TicketSla(ticket_id=ticket.id, running_since=at, response_since=at, response_used=0,
                      resolution_used=0, response_escalated=False, resolution_escalated=False)
    due_at = _targets(state, policy_for(session, ticket))
    # In a group commit's batch both go with the other messages' clocks and due rows, one statement each
    # (``models.db.insert_later``); reading them (``_state``) writes them first.
    insert_later(session, _INSERT_CLOCK, {key: getattr(state, key) for key in _CLOCK_COLUMNS})
    if due_at is not None:
        insert_later(session, _INSERT_DUE, {"ticket_id": ticket.id, "due_at": due_at})


def customer_wrote(session: Session, ticket: Ticket, at: datetime, *, fresh: bool = False) -> None:
    """A customer's message stored at ``at`` awaits our answer: the clock runs (resumes when paused).
    ``fresh``: the ticket was opened in this transaction, so it has neither clock nor due row to read."""
    if fresh:
        _start(session, ticket, at)
        return
    state, due = _state(session, ticket.id)
    if state is None:
        if due is not None:  # waiting since before SLA clocks existed (0014): count from the message that waits
            at = min(at, waiting_since(session, ticket.id) or at)
        state = TicketSla(ticket_id=ticket.id, running_since=at, response_since=at, response_used=0,
                          resolution_used=0, response_escalated=False, resolution_escalated=False)
        session.add(state)
    elif state.running_since is None:
        state.running_since = at
    if state.response_since is None:
        state.response_since, state.response_used, state.response_escalated = at, 0, False
    _schedule(session, state, due, policy_by_id(session, state.policy_id, ticket))


def answered(session: Session, ticket: Ticket, at: datetime) -> None:
    """We answered, or the ticket was solved or closed (``ticket.status`` says which): the response
    cycle ends; pending or solved pauses the resolution clock."""
    state, due = _state(session, ticket.id)
    if state is None:
        _mirror(session, ticket.id, due, None)
        return
    policy = policy_by_id(session, state.policy_id, ticket)
    stopped = ticket.status in (TicketStatus.SOLVED, TicketStatus.CLOSED)
    if stopped or ticket.status == TicketStatus.PENDING:
        _checkpoint(state, policy.hours if policy else ALWAYS, at)
    if state.response_since is not None:
        if not stopped and state.first_response_at is None:
            state.first_response_at = at
        state.response_since, state.response_used, state.response_escalated = None, 0, False
    _schedule(session, state, due, policy)


def recompute(session: Session, ticket: Ticket, at: datetime) -> bool:
    """The ticket's priority or status changed: pause, resume or re-target its clock (the policy may be
    another one now). False when the ticket has no clock yet."""
    state, due = _state(session, ticket.id)
    if state is None:
        return False
    before = policy_by_id(session, state.policy_id, ticket)
    # Time so far counts under the policy (hours) it ran under; from now on under the current one.
    _checkpoint(state, before.hours if before else ALWAYS, at)
    if ticket.status in (TicketStatus.SOLVED, TicketStatus.CLOSED):
        state.response_since, state.response_used = None, 0
    elif ticket.status != TicketStatus.PENDING:
        state.running_since = at
    _schedule(session, state, due, policy_for(session, ticket))
    return True


def recompute_open(session: Session, at: datetime, batch: int = 500) -> int:
    """Re-target the clock of every open ticket after a policy change (the admin's "apply now");
    returns how many. Read in id order, ``batch`` tickets at a time."""
    count, last = 0, 0
    while True:
        tickets = list(session.scalars(
            select(Ticket).join(TicketSla, TicketSla.ticket_id == Ticket.id)
            .where(Ticket.status.in_(OPEN_STATUSES), Ticket.id > last).order_by(Ticket.id).limit(batch)))
        for ticket in tickets:
            count += recompute(session, ticket, at)
        if len(tickets) < batch:
            return count
        last = tickets[-1].id


def waiting_since(session: Session, ticket_id: int) -> datetime | None:
    """When the customer's message that awaits our answer came: the first one after our last reply."""
    last_answer = select(func.max(Message.id)).where(
        Message.ticket_id == ticket_id, Message.direction == Direction.OUT, Message.auto_submitted.is_(False),
    ).scalar_subquery()
    return session.scalar(select(func.min(Message.received_at)).where(
        Message.ticket_id == ticket_id, Message.direction == Direction.IN,
        Message.id > func.coalesce(last_answer, 0)))
