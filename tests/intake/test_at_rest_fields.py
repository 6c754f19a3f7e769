"""Issue #15, findings 5, 12 and 13 on a real store: Message-IDs never stored in clear, ticket numbers
never given out twice, and a stranger who quotes a thread's headers gets a ticket of their own."""

from __future__ import annotations

from sqlalchemy import delete, select, text

from intake.message import InboundMessage
from intake.pipeline import Intake
from models import Channel, Message, Ticket, TicketEvent
from tests.support.fakes import FakeScrubber
from tickets.store import TicketStore

CRAFTED_ID = "bsn111222333.NL91ABNA0417164300.klaas@example.nl"


def mail(external_id: str, *, sender: str = "klaas@example.nl", subject: str = "Vraag", **kw: object) -> InboundMessage:
    return InboundMessage(channel=Channel.EMAIL, external_id=external_id, sender=sender, text="Hallo.",
                          subject=subject, **kw)  # type: ignore[arg-type]


def raw_rows(ticket_store: TicketStore, query: str) -> list[str]:
    with ticket_store.reading() as s:
        return [" ".join(str(v) for v in row) for row in s.execute(text(query))]


def test_message_ids_and_references_are_not_stored_in_clear(ticket_store: TicketStore) -> None:
    intake = Intake(ticket_store, FakeScrubber())
    first = intake.submit(mail(CRAFTED_ID))
    reply = intake.submit(mail("second.NL91ABNA0417164300@example.nl", subject="Re: Vraag",
                               in_reply_to=(CRAFTED_ID,), references=(CRAFTED_ID,)))
    assert reply.ticket_id == first.ticket_id  # threading still works on the digests
    assert intake.submit(mail(CRAFTED_ID)).status == "duplicate"  # and so does idempotency
    stored = raw_rows(ticket_store, "SELECT external_id, in_reply_to, mail_ref FROM messages")
    assert stored and not [row for row in stored if "111222333" in row or "NL91ABNA" in row]
    with ticket_store.reading() as s:  # the sealed copy is what a reply's In-Reply-To needs
        assert s.get(Message, first.message_id).mail_ref == CRAFTED_ID  # type: ignore[union-attr]


def test_a_bounce_dedupe_key_holds_no_message_id(ticket_store: TicketStore) -> None:
    from intake.message import BounceReport

    intake = Intake(ticket_store, FakeScrubber())
    out = intake.submit(mail("orig@example.nl"))
    with ticket_store.writing() as s:
        reply_ref = s.get(Message, out.message_id).mail_ref  # type: ignore[union-attr]
    dsn = InboundMessage(channel=Channel.EMAIL, external_id="dsn.111222333@mx.example", sender="",
                         text="", subject="Undelivered", auto_submitted=True, auto_reason="dsn",
                         bounce=BounceReport(original_message_id=reply_ref, status="5.1.1", action="failed"))
    assert intake.submit(dsn).reason == "bounce recorded"
    keys = raw_rows(ticket_store, "SELECT dedupe_key FROM ticket_events WHERE kind = 'bounce'")
    assert len(keys) == 1 and "111222333" not in keys[0]


def test_ticket_numbers_are_never_given_out_twice(ticket_store: TicketStore) -> None:
    intake = Intake(ticket_store, FakeScrubber())
    first = intake.submit(mail("one@x", sender="a@example.nl"))
    second = intake.submit(mail("two@x", sender="b@example.nl"))
    with ticket_store.writing() as s:  # the newest ticket goes (retention, an erasure)
        s.execute(delete(Ticket).where(Ticket.id == second.ticket_id))
    third = intake.submit(mail("three@x", sender="c@example.nl"))
    assert third.ticket_number not in (first.ticket_number, second.ticket_number)


def test_a_stranger_quoting_a_thread_gets_a_linked_ticket_of_their_own(ticket_store: TicketStore) -> None:
    intake = Intake(ticket_store, FakeScrubber())
    own = intake.submit(mail("own-1@example.nl", sender="klaas@example.nl"))
    stranger = intake.submit(mail("evil-1@attacker.example", sender="mallory@attacker.example",
                                  subject=f"Re: Vraag [#{own.ticket_number}]", in_reply_to=("own-1@example.nl",)))
    assert stranger.new_ticket and stranger.ticket_id != own.ticket_id
    with ticket_store.reading() as s:
        events = {(e.ticket_id, e.kind, e.detail["ticket_number"]) for e in s.scalars(select(TicketEvent))}
    assert (stranger.ticket_id, "answers_ticket", own.ticket_number) in events
    assert (own.ticket_id, "answered_elsewhere", stranger.ticket_number) in events
    # The ticket's own contact still threads by the same header.
    again = intake.submit(mail("own-2@example.nl", sender="Klaas@Example.nl", in_reply_to=("own-1@example.nl",)))
    assert again.ticket_id == own.ticket_id
