"""Time rules (issue 22): N business hours without an answer, counted in the ticket's SLA business hours
(a weekend off), fired by the sweep once per ticket and occurrence, again only after a new occurrence."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, text, update

from intake.message import InboundMessage
from intake.pipeline import Intake
from models import Channel, Message, Ticket, TicketEvent
from models.sla import BusinessHours, SlaPolicy
from tests.support.fakes import FakeScrubber
from tickets import replies, rules_spec, rules_time, sla
from tickets.replies import MailIdentity
from tickets.store import TicketStore

OFFICE = ["09:00-17:00"] * 5 + ["", ""]
FRIDAY_4PM = datetime(2026, 12, 4, 15, 0, tzinfo=UTC)  # 16:00 in Amsterdam


@pytest.fixture
def intake(ticket_store: TicketStore) -> Iterator[Intake]:
    pipeline = Intake(ticket_store, FakeScrubber())
    yield pipeline
    pipeline.close()


def _office_hours(store: TicketStore) -> None:
    with store.writing() as session:
        hours = BusinessHours(name="kantoor", timezone="Europe/Amsterdam", weekly=OFFICE, holidays="NL")
        session.add(hours)
        session.flush()
        session.execute(update(SlaPolicy).values(business_hours_id=hours.id))
    sla.invalidate()


def _customer_writes(store: TicketStore, intake: Intake, at: datetime, ext: str, ticket_id: int | None = None) -> int:
    subject = "Vraag" if ticket_id is None else f"Re: Vraag [#{ticket_id + 100000}]"
    out = intake.submit(InboundMessage(channel=Channel.EMAIL, external_id=ext, sender="klant@example.org",
                                       subject=subject, text="Hallo, ik wacht op antwoord."))
    assert out.ticket_id is not None and out.message_id is not None
    with store.writing() as session:  # when it came, for the test's clock
        session.execute(update(Message).where(Message.id == out.message_id).values(received_at=at))
    return out.ticket_id


def _fired(store: TicketStore) -> list[tuple[int, str]]:
    with store.reading() as session:
        return [(e.detail["rule"], e.dedupe_key or "") for e in session.scalars(
            select(TicketEvent).where(TicketEvent.kind == "rule_applied").order_by(TicketEvent.id))]


def _sweep(store: TicketStore, at: datetime) -> int:
    with store.writing() as session:
        return rules_time.sweep(session, at)


def test_a_time_rule_counts_business_hours_and_fires_once_per_occurrence(ticket_store: TicketStore,
                                                                         intake: Intake) -> None:
    _office_hours(ticket_store)
    with ticket_store.writing() as session:
        business = rules_spec.create(session, rules_spec.parse(session, {
            "name": "2 business hours unanswered", "trigger": "time_passed",
            "time": {"after_minutes": 120, "since": "unanswered", "business_time": True},
            "actions": [{"type": "tag", "tags": ["wacht"]}, {"type": "set_priority", "priority": "high"}]})).id
        wall = rules_spec.create(session, rules_spec.parse(session, {
            "name": "2 hours unanswered", "trigger": "time_passed",
            "time": {"after_minutes": 120, "since": "unanswered"}, "actions": [{"type": "tag", "tags": ["klok"]}]})).id
    ticket_id = _customer_writes(ticket_store, intake, FRIDAY_4PM, "t1@x")
    # Friday 18:00 local: two hours on the clock, one business hour (16-17).
    assert _sweep(ticket_store, datetime(2026, 12, 4, 17, 0, tzinfo=UTC)) == 1
    assert [rule for rule, _k in _fired(ticket_store)] == [wall]
    # Sunday: still one business hour. Monday 10:30 local: two and a half.
    assert _sweep(ticket_store, datetime(2026, 12, 6, 12, 0, tzinfo=UTC)) == 0
    assert _sweep(ticket_store, datetime(2026, 12, 7, 9, 30, tzinfo=UTC)) == 1
    for hour in (10, 14, 20):  # later sweeps: the same occurrence, nothing more
        assert _sweep(ticket_store, datetime(2026, 12, 7, hour, 0, tzinfo=UTC)) == 0
    assert [rule for rule, _k in _fired(ticket_store)] == [wall, business]
    # We answer; the customer writes again on Monday 14:00 local: a new occurrence, fired at 16:00 local.
    with ticket_store.writing() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        answer = replies.reply(session, ticket, agent_id=None, text="We kijken ernaar.", scrubber=FakeScrubber(),
                               identity=MailIdentity("support.test"), available_channels={"email"})
        answer.received_at = datetime(2026, 12, 7, 11, 0, tzinfo=UTC)
    _customer_writes(ticket_store, intake, datetime(2026, 12, 7, 13, 0, tzinfo=UTC), "t2@x", ticket_id)
    assert _sweep(ticket_store, datetime(2026, 12, 7, 14, 30, tzinfo=UTC)) == 0
    assert _sweep(ticket_store, datetime(2026, 12, 7, 15, 1, tzinfo=UTC)) == 2  # both rules, each once
    assert _sweep(ticket_store, datetime(2026, 12, 8, 15, 1, tzinfo=UTC)) == 0
    keys = [key for _r, key in _fired(ticket_store)]
    assert len(keys) == len(set(keys)) == 4


def test_a_time_rule_leaves_solved_tickets_alone(ticket_store: TicketStore, intake: Intake) -> None:
    with ticket_store.writing() as session:
        rules_spec.create(session, rules_spec.parse(session, {
            "name": "stale", "trigger": "time_passed", "time": {"after_minutes": 60, "since": "created"},
            "actions": [{"type": "set_status", "status": "closed"}]}))
    ticket_id = _customer_writes(ticket_store, intake, FRIDAY_4PM, "s1@x")
    with ticket_store.writing() as session:
        session.execute(update(Ticket).where(Ticket.id == ticket_id).values(status="solved"))
    assert _sweep(ticket_store, datetime(2027, 1, 1, tzinfo=UTC)) == 0


def test_the_sweep_finds_a_ticket_s_messages_by_its_index(ticket_store: TicketStore) -> None:
    """Measured: with the index on (ticket, direction, automatic, received), SQLite sweeps 5,000 open
    tickets in 0.6 s; without it (scanning every inbound message by time, per ticket) in 17.6 s."""
    if ticket_store.engine.dialect.name != "sqlite":
        pytest.skip("the plan checked is SQLite's")
    moment = rules_time._moment("unanswered")
    query = select(Ticket.id).where(Ticket.id > 0, moment <= datetime(2027, 1, 1, tzinfo=UTC))
    sql = str(query.compile(ticket_store.engine, compile_kwargs={"literal_binds": True}))
    with ticket_store.engine.connect() as conn:
        plan = " ".join(str(row[3]) for row in conn.execute(text(f"EXPLAIN QUERY PLAN {sql}")))
    assert "ix_messages_ticket_reply" in plan and "ix_messages_direction_received" not in plan


def test_a_backlog_is_swept_in_short_transactions_and_each_ticket_once(ticket_store: TicketStore,
                                                                       intake: Intake) -> None:
    with ticket_store.writing() as session:
        rules_spec.create(session, rules_spec.parse(session, {
            "name": "old", "trigger": "time_passed", "time": {"after_minutes": 60, "since": "customer_message"},
            "actions": [{"type": "tag", "tags": ["oud"]}]}))
    for n in range(7):
        intake.submit(InboundMessage(channel=Channel.EMAIL, external_id=f"b{n}@x", sender=f"k{n}@example.org",
                                     subject="Vraag", text="Hallo"))
    later = datetime(2030, 1, 1, tzinfo=UTC)
    with ticket_store.writing() as session:
        counts = [rules_time.sweep(session, later, limit=3) for _ in range(4)]
    assert counts == [3, 3, 1, 0]
    keys = [key for _r, key in _fired(ticket_store)]
    assert len(keys) == len(set(keys)) == 7
