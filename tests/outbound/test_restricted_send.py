"""Mail queued for a customer before their ticket was restricted is not sent (art. 18 GDPR: restricted data
may only be stored; art. 18(1) ends "other processing", and sending an agent's reply or an acknowledgement
to the customer's address is processing). The entry is given up with the reason, its payload (address and
text) wiped; the privacy desk's own letters to the requester still go, since art. 18(3) and 19 oblige the
controller to inform them. A reply queued for an unrestricted ticket is sent as before."""

from __future__ import annotations

import threading
from datetime import date

from sqlalchemy import select

from intake.pipeline import Intake
from models import Customer, OutboxEntry, OutboxStatus, PrivacyRequest, Restriction, RetentionHold, Ticket, utcnow
from outbound import worker as delivery
from tests.outbound.test_webhooks_out import mail
from tickets import outbox
from tickets.store import TicketStore


class Recorder:
    def __init__(self) -> None:
        self.sent: list[str] = []

    def send(self, item: delivery.OutboundItem) -> None:
        self.sent.append(str(item.payload["what"]))


def _queue(store: TicketStore, ticket_id: int, kind: str, what: str) -> None:
    with store.writing() as session:
        outbox.enqueue(session, channel="email", kind=kind, ticket_id=ticket_id,
                       payload={"what": what, "to": "klant@example.org"})


def _drain(store: TicketStore) -> Recorder:
    rec = Recorder()
    worker = delivery.OutboxWorker(store, {"email": rec}, stop=threading.Event())
    while worker.run_once():
        pass
    return rec


def test_a_reply_queued_before_an_art18_restriction_is_not_sent(ticket_store: TicketStore, intake: Intake) -> None:
    ticket_id = mail(intake, "Mijn website is traag.", ext="r18@x")
    _queue(ticket_store, ticket_id, "reply", "reply")
    _queue(ticket_store, ticket_id, "auto_ack", "ack")
    _queue(ticket_store, ticket_id, "privacy", "letter")
    with ticket_store.writing() as session:  # the customer's art. 18 request is carried out meanwhile
        customer = Customer(number="C-18", name=None)
        session.add(customer)
        session.flush()
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        ticket.customer_id = customer.id
        req = PrivacyRequest(ticket_id=ticket_id, types=["restriction"], channel="email",
                             requester_digest="0" * 64, due_on=date(2027, 1, 6), first_due_on=date(2027, 1, 6))
        session.add(req)
        session.flush()
        session.add(Restriction(customer_id=customer.id, request_id=req.id, reason="art18_request"))
    rec = _drain(ticket_store)
    assert rec.sent == ["letter"]  # the desk's letter to the requester still goes (art. 18(3), 19)
    with ticket_store.reading() as session:
        given_up = session.scalars(select(OutboxEntry).where(OutboxEntry.kind.in_(["reply", "auto_ack"]))).all()
        assert len(given_up) == 2
        for entry in given_up:
            assert entry.status == OutboxStatus.FAILED
            assert "art. 18" in (entry.last_error or "")
            assert entry.payload == {}  # the address and the text are gone


def test_a_reply_on_a_ticket_kept_only_for_a_retention_duty_is_not_sent(ticket_store: TicketStore,
                                                                          intake: Intake) -> None:
    ticket_id = mail(intake, "Factuurvraag.", ext="hold@x")
    _queue(ticket_store, ticket_id, "reply", "reply")
    with ticket_store.writing() as session:
        session.add(RetentionHold(ticket_id=ticket_id, basis="tax", retain_until=date(2033, 1, 1),
                                  restricted_at=utcnow(), created_by="officer"))
    assert _drain(ticket_store).sent == []
    with ticket_store.reading() as session:
        entry = session.scalars(select(OutboxEntry).where(OutboxEntry.kind == "reply")).one()
        assert entry.status == OutboxStatus.FAILED and "retention" in (entry.last_error or "")


def test_a_reply_on_an_unrestricted_ticket_is_sent(ticket_store: TicketStore, intake: Intake) -> None:
    ticket_id = mail(intake, "Wachtwoord vergeten.", ext="free@x")
    _queue(ticket_store, ticket_id, "reply", "reply")
    assert _drain(ticket_store).sent == ["reply"]
