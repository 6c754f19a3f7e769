"""Retention holds (privacy.holds): one function for the officer's page and the CLI."""

from __future__ import annotations

from sqlalchemy import select

from models import RetentionHold
from privacy import deadline
from privacy.holds import add_hold
from tests.privacy.conftest import RESTRICT_AND_ACCESS, Desk


def test_a_hold_runs_for_the_financial_retention_period_from_today(desk: Desk) -> None:
    outcome = desk.mail(RESTRICT_AND_ACCESS)
    assert outcome.ticket_number is not None
    with desk.store.writing() as s:
        hold = add_hold(s, outcome.ticket_number, "financial" * 5, "agent:olga", desk.desk.config)
    assert hold is not None
    with desk.store.reading() as s:
        stored = s.scalars(select(RetentionHold)).one()
    assert stored.ticket_id == outcome.ticket_id and stored.created_by == "agent:olga"
    assert stored.basis == ("financial" * 5)[:32]
    years = desk.desk.config.financial_retention_years
    assert stored.retain_until == deadline.add_months(deadline.today(), 12 * years)


def test_no_hold_for_an_unknown_ticket(desk: Desk) -> None:
    with desk.store.writing() as s:
        assert add_hold(s, 999_999, "financial", "cli", desk.desk.config) is None
    with desk.store.reading() as s:
        assert s.scalars(select(RetentionHold)).first() is None
