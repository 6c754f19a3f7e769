"""Issue #15, finding 2: an outbox entry keeps what delivery needs only until it is delivered or given up."""

from __future__ import annotations

import threading

from models import OutboxEntry, OutboxStatus
from outbound import worker as delivery
from tickets import outbox
from tickets.store import TicketStore


class Sender:
    def __init__(self, error: Exception | None = None) -> None:
        self.error = error

    def send(self, item: delivery.OutboundItem) -> None:
        if self.error is not None:
            raise self.error


def _entry(ticket_store: TicketStore) -> int:
    with ticket_store.writing() as s:
        return outbox.enqueue(s, channel="email", kind="reply",
                              payload={"to": "klaas@example.nl", "text": "Uw IBAN NL91ABNA0417164300"}).id


def test_a_sent_entry_keeps_no_payload(ticket_store: TicketStore) -> None:
    entry_id = _entry(ticket_store)
    assert delivery.OutboxWorker(ticket_store, {"email": Sender()}, stop=threading.Event()).run_once() == 1
    with ticket_store.reading() as s:
        entry = s.get(OutboxEntry, entry_id)
        assert entry is not None and entry.status == OutboxStatus.SENT and entry.payload == {}


def test_an_entry_given_up_keeps_no_payload(ticket_store: TicketStore) -> None:
    entry_id = _entry(ticket_store)
    sender = Sender(delivery.PermanentSendError("recipient refused"))
    delivery.OutboxWorker(ticket_store, {"email": sender}, stop=threading.Event()).run_once()
    with ticket_store.reading() as s:
        entry = s.get(OutboxEntry, entry_id)
        assert entry is not None and entry.status == OutboxStatus.FAILED and entry.payload == {}


def test_an_entry_to_be_retried_keeps_its_payload(ticket_store: TicketStore) -> None:
    entry_id = _entry(ticket_store)
    sender = Sender(delivery.TransientSendError("try later"))
    delivery.OutboxWorker(ticket_store, {"email": sender}, stop=threading.Event()).run_once()
    with ticket_store.reading() as s:
        entry = s.get(OutboxEntry, entry_id)
        assert entry is not None and entry.status == OutboxStatus.PENDING and entry.payload["to"] == "klaas@example.nl"
