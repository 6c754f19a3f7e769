"""The SLA clock in business hours (tickets.sla, tickets.business_hours) on a real store: across a
weekend and Koningsdag, paused while pending on the customer, first response, resolution, re-targeting
after a priority change; and the policy match."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models import Direction, Priority, Ticket, TicketDue, TicketStatus
from models.sla import BusinessHours, SlaPolicy, TicketSla
from scrubber import ScrubbedText
from tickets import business_hours, sla, store
from tickets.calendar_days import public_holidays
from tickets.store import TicketStore

AMS = ZoneInfo("Europe/Amsterdam")
OFFICE = business_hours.hours_of(["09:00-17:00"] * 5 + ["", ""], "Europe/Amsterdam", "NL")


def local(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMS)


def test_koningsdag_moves_to_saturday_when_the_27th_is_a_sunday() -> None:
    assert date(2026, 4, 27) in public_holidays(2026)  # a Monday
    assert date(2025, 4, 26) in public_holidays(2025) and date(2025, 4, 27) not in public_holidays(2025)
    assert date(2031, 4, 26) in public_holidays(2031) and date(2031, 4, 27) not in public_holidays(2031)


def test_business_time_across_weekend_holiday_and_daylight_saving() -> None:
    # Friday 24 April 2026 15:00 + 4 h: 2 h on Friday, weekend, Koningsdag (Monday 27th), 2 h on Tuesday.
    assert business_hours.add(OFFICE, local(2026, 4, 24, 15), 4 * 3600) == local(2026, 4, 28, 11)
    assert business_hours.elapsed(OFFICE, local(2026, 4, 24, 15), local(2026, 4, 28, 11)) == 4 * 3600
    # Outside hours the clock starts at the next opening; a negative remainder lies in the past.
    assert business_hours.add(OFFICE, local(2026, 4, 25, 12), 3600) == local(2026, 4, 28, 10)
    assert business_hours.add(OFFICE, local(2026, 4, 28, 10), -2 * 3600) == local(2026, 4, 24, 16)
    # Clocks go forward on 29 March 2026: Friday 16:00 CET + 2 h = Monday 10:00 CEST (08:00 UTC).
    assert business_hours.add(OFFICE, local(2026, 3, 27, 16), 7200) == datetime(2026, 3, 30, 8, tzinfo=UTC)
    assert business_hours.add(business_hours.ALWAYS, local(2026, 4, 24, 15), 4 * 3600) == local(2026, 4, 24, 19)


def test_koningsdag_on_a_saturday_is_off_for_a_team_working_saturdays() -> None:
    """27 April 2031 is a Sunday, so Koningsdag is Saturday the 26th: a Monday-to-Saturday team has it off."""
    six_days = business_hours.hours_of(["09:00-17:00"] * 6 + [""], "Europe/Amsterdam", "NL")
    assert business_hours.add(six_days, local(2031, 4, 25, 16), 2 * 3600) == local(2031, 4, 28, 10)
    assert business_hours.add(six_days, local(2031, 5, 2, 16), 2 * 3600) == local(2031, 5, 3, 10)  # a plain Saturday
    no_holidays = business_hours.hours_of(["09:00-17:00"] * 6 + [""], "Europe/Amsterdam", None)
    assert business_hours.add(no_holidays, local(2031, 4, 25, 16), 2 * 3600) == local(2031, 4, 26, 10)


@pytest.mark.parametrize(("typed", "error"), [
    (["09:00-17:00"] * 5 + ["", ""], None),
    (["9:00-12:00, 13:00-17:30"] * 5 + ["", ""], None),
    (["17:00-09:00"] + [""] * 6, "within one day"),
    (["09:00-12:00, 11:00-13:00"] + [""] * 6, "overlapping"),
    (["nine to five"] + [""] * 6, "like 09:00-17:00"),
    ([""] * 7, "at least one day"),
])
def test_weekly_hours_are_checked(typed: list[str], error: str | None) -> None:
    if error is None:
        assert business_hours.hours_of(typed, "Europe/Amsterdam", "NL").weekly[0]
    else:
        with pytest.raises(business_hours.HoursError, match=error):
            business_hours.hours_of(typed, "Europe/Amsterdam", "NL")
    with pytest.raises(business_hours.HoursError, match="time zone"):
        business_hours.hours_of(["09:00-17:00"] * 7, "Europe/Nowhere", None)


def _office_policy(session: Session, **targets: int | None) -> SlaPolicy:
    """Normal priority in office hours: 4 h to answer, 16 h to solve (unless told otherwise)."""
    hours = session.scalars(select(BusinessHours).where(BusinessHours.name == "Office hours")).one()
    policy = SlaPolicy(name="Office", priority="normal", channel=None, position=0, business_hours_id=hours.id,
                       first_response_minutes=targets.get("first", 240), next_response_minutes=targets.get("next", 240),
                       resolution_minutes=targets.get("resolution", 16 * 60), escalate_tag="sla-breached")
    session.execute(delete(SlaPolicy).where(SlaPolicy.priority == "normal"))
    session.add(policy)
    session.flush()
    sla.invalidate()
    return policy


def _ticket(session: Session, at: datetime, channel: str = "email") -> Ticket:
    contact = store.get_or_create_contact(session, channel, "klant@example.nl")
    return store.open_ticket(session, channel=channel, contact=contact, lang="nl", at=at)


def _due(session: Session, ticket: Ticket) -> datetime | None:
    row = session.get(TicketDue, ticket.id)
    return row.due_at if row else None


def test_clock_pauses_while_pending_across_koningsdag(ticket_store: TicketStore) -> None:
    with ticket_store.writing() as session:
        _office_policy(session)
        ticket = _ticket(session, local(2026, 4, 24, 15))
        sla.customer_wrote(session, ticket, local(2026, 4, 24, 15))
        clock = session.get(TicketSla, ticket.id)
        assert clock is not None
        assert clock.response_due_at == local(2026, 4, 28, 11)  # Fri 2 h, weekend, Koningsdag, Tue 2 h
        assert clock.resolution_due_at == local(2026, 4, 29, 15)  # Fri 2 h, Tue 8 h, Wed 6 h
        assert _due(session, ticket) == local(2026, 4, 28, 11)
        # A second message before our answer keeps the earlier due time.
        sla.customer_wrote(session, ticket, local(2026, 4, 24, 16))
        assert _due(session, ticket) == local(2026, 4, 28, 11)
        # We answer on Tuesday at 10:00: the first response stops its clock, pending pauses the rest.
        ticket.status = TicketStatus.PENDING
        sla.answered(session, ticket, local(2026, 4, 28, 10))
        assert clock.first_response_at == local(2026, 4, 28, 10)
        assert clock.running_since is None and clock.resolution_used == 3 * 3600
        assert clock.response_due_at is None and clock.resolution_due_at is None
        assert _due(session, ticket) is None  # nothing is due from us while the customer has it
        # The customer answers on Thursday 30 April at 14:00: the clock resumes, 13 h of resolution left.
        ticket.status = TicketStatus.OPEN
        sla.customer_wrote(session, ticket, local(2026, 4, 30, 14))
        assert clock.response_due_at == local(2026, 5, 1, 10)  # next response: Thu 3 h, Fri 1 h
        assert clock.resolution_due_at == local(2026, 5, 4, 11)  # Thu 3 h, Fri 8 h, Mon 2 h
        assert _due(session, ticket) == local(2026, 5, 1, 10)


def test_resolution_clock_and_priority_change(ticket_store: TicketStore) -> None:
    with ticket_store.writing() as session:
        _office_policy(session, first=None, next=None, resolution=8 * 60)
        session.add(SlaPolicy(name="Urgent mail", priority="urgent", channel="email", position=0,
                              first_response_minutes=60, resolution_minutes=120))
        sla.invalidate()
        ticket = _ticket(session, local(2026, 4, 28, 9))
        sla.customer_wrote(session, ticket, local(2026, 4, 28, 9))
        clock = session.get(TicketSla, ticket.id)
        assert clock is not None and clock.response_due_at is None  # this policy has no response target
        assert _due(session, ticket) == clock.resolution_due_at == local(2026, 4, 28, 17)
        # Urgent now: the urgent e-mail policy (around the clock) counts from here, with the hour used.
        ticket.priority = Priority.URGENT
        assert sla.recompute(session, ticket, local(2026, 4, 28, 10))
        assert clock.resolution_used == 3600
        assert clock.response_due_at == local(2026, 4, 28, 10)  # 1 h target, 1 h of the response used
        assert clock.resolution_due_at == local(2026, 4, 28, 11)
        # Solved: nothing runs, nothing is due; reopening resumes with what was used.
        ticket.status = TicketStatus.SOLVED
        sla.answered(session, ticket, local(2026, 4, 28, 10, 30))
        assert clock.running_since is None and clock.first_response_at is None and _due(session, ticket) is None
        assert clock.resolution_used == 5400
        ticket.status = TicketStatus.OPEN
        sla.recompute(session, ticket, local(2026, 4, 29, 8))
        assert clock.resolution_due_at == local(2026, 4, 29, 8, 30)


def test_most_specific_policy_wins_and_defaults_apply_without_policies(ticket_store: TicketStore) -> None:
    with ticket_store.writing() as session:
        ticket = _ticket(session, local(2026, 4, 28, 9), channel="telegram")
        seeded = sla.policy_for(session, ticket)  # migration 0014's "Normal priority": 24 h around the clock
        assert seeded is not None and seeded.first_response == 24 * 60 and seeded.hours.always
        session.add(SlaPolicy(name="Chat", priority=None, channel="telegram", position=5, first_response_minutes=30))
        session.add(SlaPolicy(name="Normal chat", priority="normal", channel="telegram", position=9,
                              first_response_minutes=15))
        session.add(SlaPolicy(name="Off", priority="normal", channel="telegram", position=0, active=False,
                              first_response_minutes=1))
        session.flush()
        sla.invalidate()
        chosen = sla.policy_for(session, ticket)
        assert chosen is not None and chosen.name == "Normal chat"
        session.execute(delete(SlaPolicy))
        sla.invalidate()
        assert sla.policies(session) == sla.DEFAULTS
        sla.customer_wrote(session, ticket, local(2026, 4, 28, 9))
        assert _due(session, ticket) == local(2026, 4, 29, 9)  # today's 24 h for normal priority


def test_a_ticket_waiting_from_before_the_clocks_keeps_its_due_time(ticket_store: TicketStore) -> None:
    """Upgraded from 0013: a due row but no clock; the next message counts from the one that waits."""
    with ticket_store.writing() as session:
        ticket = _ticket(session, local(2026, 4, 28, 9))
        store.add_message(session, ticket, direction=Direction.IN, channel="email", external_id="old@klant.nl",
                          text=ScrubbedText("Hallo"), subject=None, contact=ticket.contact, lang="nl",
                          redactions={}, received_at=local(2026, 4, 28, 9))
        session.add(TicketDue(ticket_id=ticket.id, due_at=local(2026, 4, 29, 9)))
        session.flush()
        sla.customer_wrote(session, ticket, local(2026, 4, 28, 14))
        assert _due(session, ticket) == local(2026, 4, 29, 9)  # normal: 24 h from the first message
