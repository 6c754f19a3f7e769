"""Before an SLA breach the assignee is warned once (notify.sweep_due); after it the ticket is escalated
once (tickets.sla_breach): an event, the policy's tag, a raised priority, a notification."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models import Notification, Priority, Role, Ticket, TicketEvent, TicketStatus, utcnow
from models.sla import SlaPolicy, TicketSla
from tickets import accounts, notify, queue, sla, sla_breach, store, tags
from tickets.store import TicketStore


def _ticket(session: Session, hours_ago: float) -> Ticket:
    at = utcnow() - timedelta(hours=hours_ago)
    contact = store.get_or_create_contact(session, "email", "klant@example.nl")
    ticket = store.open_ticket(session, channel="email", contact=contact, lang="nl", at=at)
    queue.set_due(session, ticket, at)
    return ticket


def _events(session: Session, ticket_id: int) -> list[TicketEvent]:
    return list(session.scalars(select(TicketEvent).where(TicketEvent.ticket_id == ticket_id,
                                                          TicketEvent.kind == "sla_breached")))


def test_warned_once_before_and_escalated_once_after_the_breach(ticket_store: TicketStore) -> None:
    with ticket_store.writing() as session:
        anna = accounts.add_agent(session, "anna", "correct horse battery", display_name="Anna")
        session.execute(update(SlaPolicy).where(SlaPolicy.priority == "normal").values(
            first_response_minutes=120, escalate_priority=True, escalate_tag="sla-breached"))
        sla.invalidate()
        ticket = _ticket(session, hours_ago=1.5)  # due in half an hour
        ticket.assignee_id = anna.id
        ticket_id, anna_id = ticket.id, anna.id
    now = utcnow()
    for _ in range(2):
        with ticket_store.writing() as session:
            notify.sweep_due(session, now)
            assert sla_breach.sweep(session, now) == 0  # not breached yet
    with ticket_store.reading() as session:
        assert [n.kind for n in session.scalars(select(Notification))] == ["due_soon"]
    later = now + timedelta(hours=1)
    with ticket_store.writing() as session:
        assert sla_breach.sweep(session, later) == 1
    for at in (later, later + timedelta(hours=10)):  # again, and after the new priority's due time
        with ticket_store.writing() as session:
            assert sla_breach.sweep(session, at) == 0
    with ticket_store.reading() as session:
        stored = session.get(Ticket, ticket_id)
        assert stored is not None and stored.priority == Priority.HIGH
        assert tags.names_of(session, [ticket_id]) == {ticket_id: ["sla-breached"]}
        [event] = _events(session, ticket_id)
        assert event.detail["target"] == "first_response" and event.actor == "system"
        told = [(n.agent_id, n.kind) for n in session.scalars(select(Notification).order_by(Notification.id))]
        assert told == [(anna_id, "due_soon"), (anna_id, "sla_breached")]
        # The raised priority re-targets the clock (8 h from the customer's message), still escalated.
        clock = session.get(TicketSla, ticket_id)
        assert clock is not None and clock.response_escalated
        assert clock.response_due_at is not None and clock.response_due_at > now + timedelta(hours=6)


def test_resolution_breach_counts_no_pending_time_and_tells_the_admins(ticket_store: TicketStore) -> None:
    with ticket_store.writing() as session:
        root = accounts.add_agent(session, "root", "correct horse battery", display_name="Root", role=Role.ADMIN)
        accounts.add_agent(session, "anna", "correct horse battery", display_name="Anna")
        session.execute(update(SlaPolicy).where(SlaPolicy.priority == "normal").values(
            first_response_minutes=60, next_response_minutes=None, resolution_minutes=240, escalate_tag=None))
        sla.invalidate()
        ticket = _ticket(session, hours_ago=5)
        # Answered after half an hour, then pending on the customer for four hours: 30 minutes used.
        ticket.status = TicketStatus.PENDING
        sla.answered(session, ticket, utcnow() - timedelta(hours=4.5))
        ticket.status = TicketStatus.OPEN
        sla.customer_wrote(session, ticket, utcnow() - timedelta(hours=0.5))
        ticket_id, root_id = ticket.id, root.id
    now = utcnow()
    with ticket_store.writing() as session:
        assert sla_breach.sweep(session, now) == 0  # 1 h of 4 used: no breach although 5 h passed
        assert sla_breach.sweep(session, now + timedelta(hours=3, minutes=1)) == 1
        assert sla_breach.sweep(session, now + timedelta(hours=5)) == 0
    with ticket_store.reading() as session:
        [event] = _events(session, ticket_id)
        assert event.detail["target"] == "resolution"
        assert tags.names_of(session, [ticket_id]) == {}
        stored = session.get(Ticket, ticket_id)
        assert stored is not None and stored.priority == Priority.NORMAL  # this policy does not raise it
        told = [(n.agent_id, n.kind) for n in session.scalars(select(Notification))]
        assert told == [(root_id, "sla_breached")]  # unassigned: the admins hear of it


def test_a_second_process_with_a_stale_view_escalates_nothing(ticket_store: TicketStore) -> None:
    """Two sweeps that both read the clock before either committed: the breach's event key lets one win."""
    with ticket_store.writing() as session:
        accounts.add_agent(session, "root", "correct horse battery", display_name="Root", role=Role.ADMIN)
        session.execute(update(SlaPolicy).where(SlaPolicy.priority == "normal").values(first_response_minutes=60))
        sla.invalidate()
        ticket_id = _ticket(session, hours_ago=2).id
    with ticket_store.writing() as session:
        assert sla_breach.sweep(session) == 1
    with ticket_store.writing() as session:
        clock, ticket = session.get(TicketSla, ticket_id), session.get(Ticket, ticket_id)
        assert clock is not None and ticket is not None and clock.response_due_at is not None
        clock.response_escalated = False  # what the other process read before the first one committed
        assert not sla_breach.escalate(session, ticket, clock, "first_response", clock.response_due_at)
    with ticket_store.reading() as session:
        assert len(_events(session, ticket_id)) == 1
        assert [n.kind for n in session.scalars(select(Notification))] == ["sla_breached"]
