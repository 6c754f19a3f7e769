"""What the privacy officer sees and decides before a destructive request runs: the requester's open
tickets with their assignees, and the request's tasks outside scrubdesk."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models import OPEN_STATUSES, TICKET_NUMBER_OFFSET, Agent, AutoAck, ExternalTask, PrivacyRequest, Ticket, TicketDue
from privacy import export
from privacy.workflow import customer_of


@dataclass(frozen=True, slots=True)
class OpenTicket:
    id: int
    number: int
    subject: str
    status: str
    assignee: str | None
    carries_request: bool


def open_tickets(session: Session, req: PrivacyRequest) -> list[OpenTicket]:
    """The requester's tickets that are still open, with who works on them (the request's own first)."""
    customer = customer_of(session, req)
    contacts = export.customer_contacts(session, customer, [req.contact_id] if req.contact_id else [])
    tickets = export.customer_tickets(session, customer, [c.id for c in contacts],
                                      [req.ticket_id] if req.ticket_id else [])
    names = {a.id: a.display_name or a.username for a in session.scalars(select(Agent))}
    rows = [OpenTicket(t.id, t.number, t.subject or "", str(t.status), names.get(t.assignee_id or 0),
                       t.id == req.ticket_id) for t in tickets if t.status in OPEN_STATUSES]
    return sorted(rows, key=lambda t: (not t.carries_request, t.number))


def tasks(session: Session, req: PrivacyRequest) -> list[ExternalTask]:
    return list(session.scalars(select(ExternalTask).where(ExternalTask.request_id == req.id)
                                .order_by(ExternalTask.id)))


def open_tasks(session: Session, req: PrivacyRequest) -> list[ExternalTask]:
    return [t for t in tasks(session, req) if t.done_at is None]


def task_of(session: Session, req: PrivacyRequest, task_id: int) -> ExternalTask:
    task = session.get(ExternalTask, task_id)
    if task is None or task.request_id != req.id:
        raise LookupError("no such task")
    return task


def erase_kept_ticket(session: Session, req: PrivacyRequest, task: ExternalTask) -> None:
    """Delete the ticket a "ticket N" task stands for (kept open at the approval)."""
    number = task.system.removeprefix("ticket ").strip()
    if not task.system.startswith("ticket ") or not number.isdigit():
        raise LookupError("this task is not a kept ticket")
    ticket = session.get(Ticket, int(number) - TICKET_NUMBER_OFFSET)
    if ticket is not None:
        session.execute(delete(AutoAck).where(AutoAck.ticket_id == ticket.id))
        session.execute(delete(TicketDue).where(TicketDue.ticket_id == ticket.id))
        session.execute(delete(Ticket).where(Ticket.id == ticket.id))
        if req.ticket_id == ticket.id:
            req.ticket_id = None
