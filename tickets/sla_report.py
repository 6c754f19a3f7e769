"""SLA compliance for the reports (``tickets.reports.sla_compliance`` calls this): how many tickets met
or missed their first-response and resolution targets in a period.

Definitions, over tickets with an SLA clock (every ticket since migration 0014 that had a customer's
message), selected by channel and current assignee like the rest of the report:

- **First response**, for tickets created in the period: *breached* when the first-response target was
  escalated as missed (``tickets.sla_breach`` records one ``sla_breached`` event per breach, within a
  minute of it); *met* when the ticket got its first answer without such a breach. Tickets neither
  answered nor breached yet are not counted.
- **Resolution**, for tickets solved in the period (``solved_at``): *breached* when the resolution
  target was escalated as missed; *met* otherwise, when the ticket's policy has a resolution target.

The breach is read from the event's ``dedupe_key`` (``sla:<ticket>:<target>:<cycle>``), a string both
databases index and compare alike, rather than from its JSON detail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, exists, func, select
from sqlalchemy.orm import Session

from models import Ticket, TicketEvent
from models.sla import SlaPolicy, TicketSla


@dataclass(frozen=True, slots=True)
class Compliance:
    first_response_met: int
    first_response_breached: int
    resolution_met: int
    resolution_breached: int


def _breached(target: str) -> ColumnElement[bool]:
    return exists().where(TicketEvent.ticket_id == Ticket.id, TicketEvent.kind == "sla_breached",
                          TicketEvent.dedupe_key.like(f"sla:%:{target}:%"))


def compliance(session: Session, start: datetime, end: datetime, *, channel: str | None = None,
               agent_id: int | None = None) -> Compliance:
    """The counts for tickets of ``[start, end)`` (UTC instants), optionally of one channel or assignee."""
    where: list[ColumnElement[bool]] = []
    if channel:
        where.append(Ticket.channel == channel)
    if agent_id is not None:
        where.append(Ticket.assignee_id == agent_id)
    first_breached = _breached("first_response")
    created = select(func.count()).select_from(Ticket).join(TicketSla, TicketSla.ticket_id == Ticket.id).where(
        *where, Ticket.created_at >= start, Ticket.created_at < end)
    first_met = session.scalar(created.where(TicketSla.first_response_at.is_not(None), ~first_breached)) or 0
    first_missed = session.scalar(created.where(first_breached)) or 0
    resolution_breached = _breached("resolution")
    solved = (select(func.count()).select_from(Ticket).join(TicketSla, TicketSla.ticket_id == Ticket.id)
              .outerjoin(SlaPolicy, SlaPolicy.id == TicketSla.policy_id)
              .where(*where, Ticket.solved_at >= start, Ticket.solved_at < end))
    resolution_met = session.scalar(solved.where(~resolution_breached, SlaPolicy.resolution_minutes.is_not(None))) or 0
    resolution_missed = session.scalar(solved.where(resolution_breached)) or 0
    return Compliance(first_met, first_missed, resolution_met, resolution_missed)
