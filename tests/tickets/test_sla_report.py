"""SLA compliance for the reports (tickets.sla_report) over clocks driven through their real events:
answered in time, missed and escalated, reopened past the resolution target, solved in the period."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import update
from sqlalchemy.orm import Session

from models import Ticket, TicketStatus
from models.sla import SlaPolicy
from tickets import reports, sla, sla_breach, store
from tickets.sla_report import Compliance, compliance
from tickets.store import TicketStore

START, END = datetime(2026, 4, 1, tzinfo=UTC), datetime(2026, 5, 1, tzinfo=UTC)


def at(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


def _ticket(session: Session, created: datetime, channel: str = "email") -> Ticket:
    contact = store.get_or_create_contact(session, channel, f"klant{created.isoformat()}@example.nl")
    ticket = store.open_ticket(session, channel=channel, contact=contact, lang="nl", at=created)
    sla.customer_wrote(session, ticket, created)
    return ticket


def _answer(session: Session, ticket: Ticket, when: datetime) -> None:
    ticket.status = TicketStatus.PENDING
    sla.answered(session, ticket, when)


def _solve(session: Session, ticket: Ticket, when: datetime) -> None:
    ticket.status, ticket.solved_at = TicketStatus.SOLVED, when
    sla.answered(session, ticket, when)


def _scenario(ticket_store: TicketStore) -> None:
    with ticket_store.writing() as session:
        # Normal priority: answer within 1 h, solve within 4 h, around the clock; no tag on a breach.
        session.execute(update(SlaPolicy).where(SlaPolicy.priority == "normal").values(
            first_response_minutes=60, resolution_minutes=240, escalate_tag=None))
        sla.invalidate()
        met = _ticket(session, at(4, 10, 10))
        _answer(session, met, at(4, 10, 10, 30))
        _solve(session, met, at(4, 10, 11))  # first response met, resolution met
        late = _ticket(session, at(4, 10, 10))
        assert sla_breach.sweep(session, at(4, 10, 11, 30)) == 1  # late's first response
        _answer(session, late, at(4, 10, 12))  # first response breached, never solved
        reopened = _ticket(session, at(4, 10, 10))
        _answer(session, reopened, at(4, 10, 10, 20))
        reopened.status = TicketStatus.OPEN
        sla.customer_wrote(session, reopened, at(4, 10, 11))  # 20 min used; 3 h 40 min left: due 14:40
        assert sla_breach.sweep(session, at(4, 10, 14, 39)) == 0
        assert sla_breach.sweep(session, at(4, 10, 14, 41)) == 1  # reopened's resolution
        _solve(session, reopened, at(4, 10, 16))  # first response met, resolution breached
        before = _ticket(session, at(3, 20, 9))
        _answer(session, before, at(3, 20, 9, 30))
        _solve(session, before, at(4, 2, 9))  # created before the period: only its resolution (met) counts
        chat = _ticket(session, at(4, 11, 9), channel="telegram")
        _answer(session, chat, at(4, 11, 9, 5))  # first response met
        _ticket(session, at(4, 30, 23))  # neither answered nor breached yet: not counted
        after = _ticket(session, at(5, 2, 9))
        _answer(session, after, at(5, 2, 9, 5))  # after the period


def test_compliance_counts_met_and_breached_targets(ticket_store: TicketStore) -> None:
    _scenario(ticket_store)
    with ticket_store.reading() as session:
        assert compliance(session, START, END) == Compliance(3, 1, 2, 1)
        assert compliance(session, START, END, channel="email") == Compliance(2, 1, 2, 1)
        assert compliance(session, START, END, channel="telegram") == Compliance(1, 0, 0, 0)
        assert compliance(session, START, END, agent_id=1) == Compliance(0, 0, 0, 0)


def test_the_report_and_its_csv_carry_the_compliance(ticket_store: TicketStore) -> None:
    _scenario(ticket_store)
    # April in Amsterdam time: the same tickets as the UTC month above (none lies within two hours of
    # either end but the one created at 23:00 UTC on 30 April, which is neither answered nor counted).
    filters = reports.Filters(start=date(2026, 4, 1), end=date(2026, 4, 30))
    with ticket_store.reading() as session:
        report = reports.build(session, filters)
    assert report.sla == Compliance(3, 1, 2, 1)
    rows = {(section, key, measure): value for section, key, measure, value in reports.csv_rows(report)}
    assert rows["sla", "first_response", "met"] == "3"
    assert rows["sla", "first_response", "breached"] == "1"
    assert rows["sla", "resolution", "met"] == "2"
    assert rows["sla", "resolution", "breached"] == "1"
