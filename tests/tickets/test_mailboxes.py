"""Mailboxes (brands, issue 22): editing them, routing a new ticket by its recipients (through a cached
address map: no query per message), the sender identity of a ticket, the signature, the SLA match key,
and the mailbox's identity kept in what agents write. SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from models import Ticket
from models.mailboxes import Group, Mailbox, MailboxAddress
from models.sla import SlaPolicy
from tickets import mailboxes, operator, sla, store
from tickets.guards import ActionError
from tickets.store import TicketStore

AT = datetime(2026, 4, 28, 9, tzinfo=UTC)


def _form(name: str, addresses: str, **extra: str) -> dict[str, str]:
    return {"name": name, "sender_name": f"{name} team", "sender_address": f"{name.lower()}@shop.test",
            "addresses": addresses, "active": "on", **extra}


def _save(session: Session, form: dict[str, str], mailbox_id: int | None = None) -> Mailbox:
    return mailboxes.save(session, mailbox_id, *mailboxes.parse_mailbox(session, form), "agent:root")


def _ticket(session: Session, mailbox_id: int | None = None, sender: str = "klant@example.nl") -> Ticket:
    contact = store.get_or_create_contact(session, "email", sender)
    return store.open_ticket(session, channel="email", contact=contact, lang="nl", at=AT, mailbox_id=mailbox_id)


@contextmanager
def _statements(ticket_store: TicketStore) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    event.listen(ticket_store.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(ticket_store.engine, "before_cursor_execute", count)


def test_addresses_are_lower_case_and_belong_to_one_mailbox(ticket_store: TicketStore) -> None:
    with ticket_store.writing() as session:
        sales = _save(session, _form("Sales", " Sales@Shop.test, <Orders@SHOP.test>\nsales@shop.test "))
        assert mailboxes.addresses_of(session, sales.id) == ["orders@shop.test", "sales@shop.test"]
        with pytest.raises(ActionError, match=r"orders@shop\.test belongs to the mailbox 'Sales' already"):
            _save(session, _form("Support", "support@shop.test\nORDERS@shop.test"))
        with pytest.raises(ActionError, match="a mailbox named 'Sales' exists already"):
            _save(session, _form("Sales", "other@shop.test"))
        with pytest.raises(ActionError, match="not an e-mail address"):
            _save(session, _form("Support", "support at shop.test"))
        with pytest.raises(ActionError, match="no such group"):
            _save(session, _form("Support", "support@shop.test", default_group_id="999"))
        # Editing replaces the addresses: the one dropped is free for another mailbox.
        _save(session, _form("Sales", "sales@shop.test"), sales.id)
        support = _save(session, _form("Support", "support@shop.test orders@shop.test"))
        assert {a: m for a, m in session.execute(select(MailboxAddress.address, MailboxAddress.mailbox_id))} == {
            "sales@shop.test": sales.id, "support@shop.test": support.id, "orders@shop.test": support.id}


def test_route_picks_the_first_known_recipient_from_a_cached_map(ticket_store: TicketStore) -> None:
    with ticket_store.writing() as session:
        group = Group(name="Sales team")
        session.add(group)
        session.flush()
        sales = _save(session, _form("Sales", "sales@shop.test", default_group_id=str(group.id)))
        support = _save(session, _form("Support", "support@shop.test"))
        _save(session, _form("Old", "old@shop.test", active=""))
    mailboxes.invalidate()
    with ticket_store.writing() as session:
        assert mailboxes.route(session, ["someone@else.test", "SALES@shop.test", "support@shop.test"]) == (
            mailboxes.Route(sales.id, group.id))
        assert mailboxes.route(session, ["<support@shop.test>"]) == mailboxes.Route(support.id, None)
        assert mailboxes.route(session, ["old@shop.test"]) is None  # an inactive mailbox opens nothing
        assert mailboxes.route(session, []) is None
    with _statements(ticket_store) as seen, ticket_store.writing() as session:
        for _ in range(100):
            mailboxes.route(session, ["sales@shop.test"])
    assert not [s for s in seen if "mailbox" in s]  # warm: no query at all
    with ticket_store.writing() as session:
        _save(session, _form("Sales", "sales@shop.test\nquotes@shop.test", default_group_id=str(group.id)), sales.id)
        assert mailboxes.route(session, ["quotes@shop.test"]) is None  # still the cached map ...
    mailboxes.invalidate()  # ... until the edit page forgets it after its commit
    with ticket_store.reading() as session:
        assert mailboxes.route(session, ["quotes@shop.test"]) == mailboxes.Route(sales.id, group.id)


def test_identity_of_a_ticket_and_its_signature(ticket_store: TicketStore) -> None:
    with ticket_store.writing() as session:
        sales = _save(session, _form("Sales", "sales@shop.test", signature="Femke de Vries\nShop B.V.\n"))
        ticket, plain = _ticket(session, sales.id), _ticket(session, None, "ander@example.nl")
        identity = mailboxes.identity_for_ticket(session, ticket)
        assert (identity.name, identity.address, identity.signature) == (
            "Sales team", "sales@shop.test", "Femke de Vries\nShop B.V.")
        assert identity.payload() == {"from_name": "Sales team", "from_address": "sales@shop.test",
                                      "mailbox_id": sales.id}
        assert mailboxes.identity_for_ticket(session, plain) == mailboxes.DEFAULT_IDENTITY
        assert mailboxes.DEFAULT_IDENTITY.payload() == {}
        signed = mailboxes.sign("Beste Jan,\n\nHet is geregeld.", identity)
        assert signed == "Beste Jan,\n\nHet is geregeld.\n\n-- \nFemke de Vries\nShop B.V."
        assert mailboxes.sign(signed, identity) == signed  # never twice
        assert mailboxes.sign("Groet,\nFemke de Vries  \nShop B.V.", identity).count("Femke") == 1
        assert mailboxes.sign("Hoi", mailboxes.DEFAULT_IDENTITY) == "Hoi"
        sales.active = False  # an inactive mailbox's tickets use the default identity
        session.flush()
        assert mailboxes.identity_for_ticket(session, ticket) == mailboxes.DEFAULT_IDENTITY
        ticket_id = ticket.id
    with ticket_store.writing() as session:
        session.add(SlaPolicy(name="Sales only", mailbox_id=sales.id, position=0, first_response_minutes=60))
        session.flush()
        mailboxes.delete_mailbox(session, sales.id, "agent:root")
    with ticket_store.reading() as session:
        stored = session.get(Ticket, ticket_id)
        assert stored is not None and stored.mailbox_id is None
        assert mailboxes.identity_for_ticket(session, stored) == mailboxes.DEFAULT_IDENTITY
        assert session.scalars(select(SlaPolicy).where(SlaPolicy.name == "Sales only")).first() is None
        assert session.scalars(select(MailboxAddress)).first() is None


def test_sla_policy_for_a_mailbox_is_more_specific(ticket_store: TicketStore) -> None:
    with ticket_store.writing() as session:
        sales = _save(session, _form("Sales", "sales@shop.test"))
        support = _save(session, _form("Support", "support@shop.test"))
        session.add(SlaPolicy(name="Normal", priority="normal", position=0, first_response_minutes=240))
        session.add(SlaPolicy(name="Sales normal", priority="normal", mailbox_id=sales.id, position=5,
                              first_response_minutes=60))
        session.flush()
        sla.invalidate()
        chosen = {name: sla.policy_for(session, _ticket(session, mailbox_id, f"{name}@example.nl"))
                  for name, mailbox_id in (("sales", sales.id), ("support", support.id), ("none", None))}
        assert {name: p.name if p else None for name, p in chosen.items()} == {
            "sales": "Sales normal", "support": "Normal", "none": "Normal"}
    sla.invalidate()


def test_mailbox_identities_are_kept_in_what_agents_write(ticket_store: TicketStore, real_scrubber: Any) -> None:
    text = "Beste klant,\n\nHet is opgelost.\n\n-- \nFemke de Vries\nVerkoop, Winkel B.V.\nverkoop@winkel.test"
    analysis = real_scrubber.analyze(text, "nl")
    found = {text[e.start:e.end] for e in analysis.entities}
    assert "Femke de Vries" in found and "verkoop@winkel.test" in found  # without the mailbox: scrubbed
    with ticket_store.writing() as session:
        _save(session, {"name": "Verkoop", "sender_name": "Winkel Verkoop", "sender_address": "verkoop@winkel.test",
                        "signature": "Femke de Vries\nVerkoop, Winkel B.V.", "addresses": "sales@winkel.test",
                        "active": "on"})
        kept = operator.keep_own(text, analysis, operator.gather(session, None))
    left = {text[e.start:e.end] for e in kept.entities}
    assert "Femke de Vries" not in left and "verkoop@winkel.test" not in left
