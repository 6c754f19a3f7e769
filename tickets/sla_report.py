"""SLA compliance for the reports (``tickets.reports.sla_compliance`` calls this): how many tickets met
or missed their first-response and resolution targets in a period.

Definitions, over tickets with an SLA clock (every ticket since migration 0014 that had a customer's
message), selected by channel, mailbox and current assignee like the rest of the report:

- **First response**, for tickets created in the period: *breached* when the first-response target was
  escalated as missed (``tickets.sla_breach`` records one ``sla_breached`` event per breach, within a
  minute of it); *met* when the ticket got its first answer without such a breach. Tickets neither
  answered nor breached yet are not counted.
- **Resolution**, for tickets solved in the period (``solved_at``): *breached* when the resolution
  target was escalated as missed; *met* otherwise, when the ticket's policy has a resolution target.

The outcomes are stored per ticket in the report summary (``models.reports``, computed in the
transaction that records the answer, the breach or the solving): the breach is read from the event's
``dedupe_key`` (``sla:<ticket>:<target>:<cycle>``), and whether the policy has a resolution target as it
was when the ticket was last changed (a later edit of the policy does not rewrite past outcomes).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from models.reports import BREACHED, MET, TicketReport


@dataclass(frozen=True, slots=True)
class Compliance:
    first_response_met: int
    first_response_breached: int
    resolution_met: int
    resolution_breached: int


def _count(session: Session, at: Any, outcome: Any, start: datetime,
           end: datetime, where: list[ColumnElement[bool]]) -> tuple[int, int]:
    rows: dict[str, int] = dict(session.execute(select(outcome, func.count()).where(
        *where, at >= start, at < end, outcome.is_not(None)).group_by(outcome)).all())
    return rows.get(MET, 0), rows.get(BREACHED, 0)


def compliance(session: Session, start: datetime, end: datetime, *, channel: str | None = None,
               agent_id: int | None = None, mailbox_id: int | None = None) -> Compliance:
    """The counts for tickets of ``[start, end)`` (UTC instants), optionally of one channel, assignee or mailbox.

    ``tickets.reports`` takes the same counts from its own pass over the period (``report_sql.Measured``);
    this is the direct question, for a caller that wants compliance alone."""
    where: list[ColumnElement[bool]] = []
    if channel:
        where.append(TicketReport.channel == channel)
    if agent_id is not None:
        where.append(TicketReport.assignee_id == agent_id)
    if mailbox_id is not None:
        where.append(TicketReport.mailbox_id == mailbox_id)
    first = _count(session, TicketReport.created_at, TicketReport.sla_first_response, start, end, where)
    resolution = _count(session, TicketReport.solved_at, TicketReport.sla_resolution, start, end, where)
    return Compliance(*first, *resolution)
