"""The retention rules one by one, on named tickets: which go, which stay, and why."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from models import Attachment, Contact, Customer, Direction, Message, RetentionHold, Ticket, TicketStatus
from privacy import retention
from scrubber import ScrubbedText
from tickets import audit, store
from tickets.store import TicketStore

NOW = datetime(2031, 3, 1, 9, 0, tzinfo=UTC)
POLICY = retention.RetentionPolicy(pause_seconds=0, batch_size=2)


def _ticket(session, name: str, *, status: TicketStatus, closed_days_ago: int, customer: Customer | None = None,
            attachment_days_ago: int | None = None) -> int:  # type: ignore[no-untyped-def]
    at = NOW - timedelta(days=closed_days_ago)
    contact = store.get_or_create_contact(session, "email", f"{name}@example.nl")
    ticket = store.open_ticket(session, channel="email", contact=contact, lang="nl", at=at)
    ticket.customer_id = customer.id if customer else None
    ticket.status = status
    ticket.solved_at = at if status in retention.CLOSED_STATUSES else None
    msg = store.add_message(session, ticket, direction=Direction.NOTE, channel="email", external_id=f"{name}@t",
                            text=ScrubbedText("x"), subject=None, contact=contact, lang="nl", redactions={},
                            received_at=at)
    ticket.last_activity_at = at
    if attachment_days_ago is not None:
        session.add(Attachment(message_id=msg.id, content_type="text/plain", size=1, sha256="0" * 64,
                               content=b"x", stored=True, created_at=NOW - timedelta(days=attachment_days_ago)))
    session.flush()
    return ticket.id


@pytest.fixture
def named(ticket_store: TicketStore) -> dict[str, int]:
    with ticket_store.writing() as session:
        former = Customer(number="K1")
        recent_former = Customer(number="K2")
        current = Customer(number="K3")
        session.add_all([former, recent_former, current])
        session.flush()
        retention.set_contract_end(session, "K1", date(2023, 12, 31))  # 7 years and 2 months ago
        retention.set_contract_end(session, "K2", date(2024, 6, 30))  # 6 years and 8 months ago
        y = 365
        ids = {
            "anon_closed_3y": _ticket(session, "a", status=TicketStatus.CLOSED, closed_days_ago=3 * y),
            "anon_solved_3y": _ticket(session, "b", status=TicketStatus.SOLVED, closed_days_ago=3 * y),
            "anon_closed_1y": _ticket(session, "c", status=TicketStatus.CLOSED, closed_days_ago=y),
            "anon_open_5y": _ticket(session, "d", status=TicketStatus.OPEN, closed_days_ago=5 * y),
            "anon_held_3y": _ticket(session, "e", status=TicketStatus.CLOSED, closed_days_ago=3 * y),
            "anon_hold_expired_3y": _ticket(session, "f", status=TicketStatus.CLOSED, closed_days_ago=3 * y),
            "former_closed_3y": _ticket(session, "g", status=TicketStatus.CLOSED, closed_days_ago=3 * y,
                                        customer=former),
            "former_closed_1y": _ticket(session, "h", status=TicketStatus.CLOSED, closed_days_ago=y,
                                        customer=former),
            "recent_former_closed_8y": _ticket(session, "i", status=TicketStatus.CLOSED, closed_days_ago=8 * y,
                                               customer=recent_former),
            "current_closed_9y": _ticket(session, "j", status=TicketStatus.CLOSED, closed_days_ago=9 * y,
                                         customer=current),
            "open_with_old_attachment": _ticket(session, "k", status=TicketStatus.OPEN, closed_days_ago=10,
                                                attachment_days_ago=400),
            "open_with_new_attachment": _ticket(session, "l", status=TicketStatus.OPEN, closed_days_ago=10,
                                                attachment_days_ago=300),
            "held_with_old_attachment": _ticket(session, "m", status=TicketStatus.OPEN, closed_days_ago=10,
                                                attachment_days_ago=400),
        }
        for name, until in (("anon_held_3y", date(2033, 1, 1)), ("anon_hold_expired_3y", date(2031, 2, 28)),
                            ("held_with_old_attachment", date(2032, 1, 1))):
            session.add(RetentionHold(ticket_id=ids[name], basis="financial", retain_until=until, created_by="t"))
        session.add(audit.AuditEntry(at=NOW - timedelta(days=8 * 365), actor="t", action="login",
                                     target_kind="agent", target_id="1", detail={}))
        session.add(audit.AuditEntry(at=NOW - timedelta(days=6 * 365), actor="t", action="login",
                                     target_kind="agent", target_id="2", detail={}))
    return ids


GOING = {"anon_closed_3y", "anon_solved_3y", "anon_hold_expired_3y", "former_closed_3y"}


def test_each_rule(ticket_store: TicketStore, named: dict[str, int]) -> None:
    dry = retention.run(ticket_store, POLICY, now=NOW)
    with ticket_store.reading() as session:
        assert len(session.scalars(select(Ticket.id)).all()) == len(named)  # the dry run deleted nothing
    report = retention.run(ticket_store, POLICY, apply=True, now=NOW)
    assert report.counts == dry.counts == {
        "vault_entries": 0, "attachments": 1, "former_customer_tickets": 1, "tickets_without_customer": 3,
        "contacts_without_tickets": 4, "audit_entries": 1,
    }
    assert report.held_tickets == [named["anon_held_3y"] + 100000]
    with ticket_store.reading() as session:
        left = set(session.scalars(select(Ticket.id)))
        attachment_tickets = set(session.scalars(
            select(Ticket.id).join(Ticket.messages).join(Attachment, Attachment.message_id == Message.id)))
        audit_targets = set(session.scalars(select(audit.AuditEntry.target_id).where(
            audit.AuditEntry.action == "login")))
    assert {n for n, i in named.items() if i not in left} == GOING
    with ticket_store.reading() as session:
        addresses = set(session.scalars(select(Contact.address)))
    # the addresses of the deleted tickets went with them; the others stay
    assert addresses == {f"{x}@example.nl" for x in "cdehijklm"}
    assert attachment_tickets == {named["open_with_new_attachment"], named["held_with_old_attachment"]}
    assert audit_targets == {"2"}
    assert any("kept under a legal hold: 1 ticket(s)" in line for line in report.lines())


def test_a_second_run_finds_nothing(ticket_store: TicketStore, named: dict[str, int]) -> None:
    retention.run(ticket_store, POLICY, apply=True, now=NOW)
    again = retention.run(ticket_store, POLICY, apply=True, now=NOW)
    assert set(again.counts.values()) == {0}


def test_years_before_29_february() -> None:
    assert retention.years_before(datetime(2028, 2, 29, tzinfo=UTC), 7) == datetime(2021, 2, 28, tzinfo=UTC)


def test_contract_end_of_unknown_customer(ticket_store: TicketStore) -> None:
    with ticket_store.writing() as session, pytest.raises(LookupError):
        retention.set_contract_end(session, "nope", date(2020, 1, 1))
