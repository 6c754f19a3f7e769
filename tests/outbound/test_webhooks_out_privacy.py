"""What leaves in an outgoing webhook is scrubbed (issue 22): a message carrying an IBAN, a BSN and a name
comes in through the real intake path with the real scrubber, and no value the scrubber strips from the
original text is in any body a receiver gets (JSON with the text, and the Slack format). Also on
PostgreSQL: a row whose transaction commits after a later one is still announced.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.message import InboundMessage
from intake.pipeline import Intake
from models import Channel, Message, OutboxEntry, OutboxStatus, RetentionHold, TicketEvent, utcnow
from models.webhooks_out import WebhookFormat
from outbound import webhooks_out
from tests.outbound.test_webhooks_out import (
    SECRET,
    Receiver,
    add_endpoint,
    mail,
    receiver,  # noqa: F401  (the fixture)
    verify_documented,
    worker,
)
from tests.support.attachment_files import BSN, IBAN, NAME
from tests.support.fakes import FakeScrubber
from tickets.store import TicketStore

if TYPE_CHECKING:
    from scrubber.engine import Scrubber

SENDER = "jan.jansen@example.nl"
TEXT = (f"Goedemiddag,\n\nIk wil mijn abonnement opzeggen. Het geld mag terug naar {IBAN}, mijn BSN is "
        f"{BSN}. Kunt u dat regelen?\n\nMet vriendelijke groet,\n{NAME}")


def test_no_stripped_value_reaches_a_receiver(ticket_store: TicketStore, receiver: Receiver,  # noqa: F811
                                              real_scrubber: Scrubber) -> None:
    stripped = {TEXT[e.start:e.end] for e in real_scrubber.analyze(TEXT).entities if e.action == "redact"}
    assert {IBAN, BSN, NAME} <= stripped  # the scrubber finds them: the test is about what leaves
    add_endpoint(ticket_store, receiver.url, name="json", include_text=True)
    add_endpoint(ticket_store, receiver.url, name="slack", include_text=True, format=WebhookFormat.SLACK)
    intake = Intake(ticket_store, real_scrubber)
    try:
        out = intake.submit(InboundMessage(channel=Channel.EMAIL, external_id="pii@x", sender=SENDER,
                                           sender_name=NAME, subject=f"Opzeggen {NAME}", text=TEXT))
    finally:
        intake.close()
    assert out.status == "stored"
    assert webhooks_out.dispatch_once(ticket_store) == 2
    while worker(ticket_store).run_once():
        pass
    assert len(receiver.got) == 2
    json_body, slack_body = (r.json() for r in receiver.got)
    assert "<IBAN_1>" in json_body["message"]["text"] and json_body["message"]["removed"]["IBAN"] == 1
    assert json_body["message"]["sender_name"].startswith("<PERSON_")  # the stored, scrubbed name
    assert "&lt;IBAN_1&gt;" in slack_body["text"]
    for got in receiver.got:
        assert verify_documented(SECRET, got)
        raw = got.body.decode()
        for value in (*stripped, SENDER, "example.nl"):
            assert value not in raw, value


@pytest.fixture
def intake(ticket_store: TicketStore) -> Iterator[Intake]:
    pipeline = Intake(ticket_store, FakeScrubber())
    yield pipeline
    pipeline.close()


@pytest.mark.postgres
def test_a_transaction_committing_late_is_still_announced(
        ticket_store: TicketStore, intake: Intake, receiver: Receiver) -> None:  # noqa: F811
    """Real concurrent writers on PostgreSQL: A takes an id and stays open, B takes the next one and
    commits, the dispatcher runs, then A commits: A's event is sent, once."""
    if ticket_store.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer at a time: ids become visible in order")
    add_endpoint(ticket_store, receiver.url, events=["ticket.status_changed"])
    ticket_id = mail(intake, "Hallo.", ext="pg-late@x")
    webhooks_out.dispatch_once(ticket_store)
    a = Session(ticket_store.engine)
    try:
        a.begin()
        a.add(TicketEvent(ticket_id=ticket_id, kind="status", detail={"status": "open"}, actor="system"))
        a.flush()  # A has its id now, not yet visible
        with ticket_store.writing() as b:
            b.add(TicketEvent(ticket_id=ticket_id, kind="status", detail={"status": "solved"}, actor="system"))
        done = threading.Event()

        def dispatch() -> None:
            webhooks_out.dispatch_once(ticket_store)
            done.set()

        thread = threading.Thread(target=dispatch)
        thread.start()
        thread.join(30)
        assert done.is_set()  # the dispatcher does not wait for A
        a.commit()
    finally:
        a.close()
    webhooks_out.dispatch_once(ticket_store)
    webhooks_out.dispatch_once(ticket_store)
    while worker(ticket_store).run_once():
        pass
    assert sorted(r.json()["change"]["status"] for r in receiver.got) == ["open", "solved"]


def test_a_restricted_ticket_says_only_that_something_happened(
        ticket_store: TicketStore, intake: Intake, receiver: Receiver) -> None:  # noqa: F811
    add_endpoint(ticket_store, receiver.url, include_text=True)
    ticket_id = mail(intake, "Geheim verhaal.", ext="restricted@x", subject="Onderwerp")
    with ticket_store.writing() as session:  # kept after an erasure only for a retention duty: read-only
        session.add(RetentionHold(ticket_id=ticket_id, basis="tax", retain_until=date(2033, 1, 1),
                                  restricted_at=utcnow(), created_by="officer"))
    webhooks_out.dispatch_once(ticket_store)
    worker(ticket_store).run_once()
    [got] = receiver.got
    body = got.json()
    assert body["ticket"] == {"number": ticket_id + 100000, "restricted": True}
    assert "message" not in body and "Geheim" not in got.body.decode() and "Onderwerp" not in got.body.decode()
    with ticket_store.reading() as session:
        assert session.scalars(select(Message).where(Message.ticket_id == ticket_id)).first() is not None


def test_a_ticket_restricted_after_queueing_sends_nothing_of_it(
        ticket_store: TicketStore, intake: Intake, receiver: Receiver) -> None:  # noqa: F811
    add_endpoint(ticket_store, receiver.url, include_text=True)
    ticket_id = mail(intake, "Geheim verhaal.", ext="later@x", subject="Onderwerp")
    webhooks_out.dispatch_once(ticket_store)  # queued with its subject and text
    with ticket_store.writing() as session:
        session.add(RetentionHold(ticket_id=ticket_id, basis="tax", retain_until=date(2033, 1, 1),
                                  restricted_at=utcnow(), created_by="officer"))
    worker(ticket_store).run_once()
    assert receiver.got == []
    with ticket_store.reading() as session:
        entry = session.scalars(select(OutboxEntry).where(OutboxEntry.channel == "webhook_out")).one()
        assert entry.status == OutboxStatus.FAILED and "restricted" in (entry.last_error or "")
