"""Retention holds: a ticket marked as a record with a legal retention duty (a financial record under
art. 52 AWR), which an erasure keeps, restricted, until the hold ends (privacy.handlers.erasure)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from models import RetentionHold
from privacy import deadline
from privacy.config import PrivacyConfig
from tickets.store import ticket_by_number


def retention_until(config: PrivacyConfig, on: date) -> date:
    """The end of the financial retention period that starts ``on``."""
    return deadline.add_months(on, 12 * config.financial_retention_years)


def add_hold(session: Session, number: int, basis: str, created_by: str, config: PrivacyConfig) -> RetentionHold | None:
    """Hold ticket ``number`` from today for the financial retention period; None if there is no such ticket."""
    ticket = ticket_by_number(session, number)
    if ticket is None:
        return None
    hold = RetentionHold(ticket_id=ticket.id, basis=basis[:32], retain_until=retention_until(config, deadline.today()),
                         created_by=created_by)
    session.add(hold)
    return hold
