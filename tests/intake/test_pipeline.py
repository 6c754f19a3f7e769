"""The submit pipeline on a real store (SQLite, and PostgreSQL when configured), fake scrubber."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from intake.hooks import DueTimeHook
from intake.message import BounceReport, InboundMessage
from intake.pipeline import Intake
from models import Channel, Direction, Message, Ticket, TicketDue, TicketEvent, TicketStatus
from privacy.recognition.types import Recognition, RequestType
from scrubber import ScrubbedText
from tests.support.fakes import FakeScrubber
from tickets import store
from tickets.store import CustomerRecord, TicketStore


def mail(external_id: str, text: str = "Hallo, mijn site is stuk.", *, sender: str = "klant@example.nl",
         subject: str = "Site stuk", **kw: object) -> InboundMessage:
    return InboundMessage(channel=Channel.EMAIL, external_id=external_id, sender=sender, text=text,
                          subject=subject, **kw)  # type: ignore[arg-type]


@pytest.fixture
def intake(ticket_store: TicketStore) -> Intake:
    def privacy(text: str) -> Recognition:
        return Recognition(labels=(RequestType.ERASURE,) if "verwijder" in text else ())

    return Intake(ticket_store, FakeScrubber(), privacy=privacy)


def count(ticket_store: TicketStore, model: type) -> int:
    with ticket_store.reading() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_new_message_opens_a_ticket_with_scrubbed_text(intake: Intake, ticket_store: TicketStore) -> None:
    out = intake.submit(mail("a@x", "BSN 123456782, mail me at jan@example.com or jan@example.com",
                             subject="Vraag van jan@example.com"))
    assert out.status == "stored" and out.new_ticket and out.ticket_number == out.ticket_id + 100000
    with ticket_store.reading() as s:
        msg = s.get(Message, out.message_id)
        assert msg is not None
        assert "123456782" not in msg.text and "jan@example.com" not in msg.text
        # One value, one placeholder within the ticket.
        assert msg.text.count("<EMAIL_ADDRESS_1>") == 2 and "<NATIONAL_ID_1>" in msg.text
        assert msg.redactions == {"NATIONAL_ID": 1, "EMAIL_ADDRESS": 3}
        assert msg.ticket.subject == "Vraag van <EMAIL_ADDRESS_1>"
        assert msg.ticket.status == TicketStatus.NEW


def test_redelivery_is_acknowledged_without_a_second_copy(intake: Intake, ticket_store: TicketStore) -> None:
    first = intake.submit(mail("dup@x"))
    again = intake.submit(mail("dup@x"))
    assert again.status == "duplicate" and again.message_id == first.message_id
    assert count(ticket_store, Message) == 1 and count(ticket_store, Ticket) == 1


def test_reply_threads_by_in_reply_to_and_keeps_placeholders(intake: Intake, ticket_store: TicketStore) -> None:
    first = intake.submit(mail("m1@x", "Ik ben piet@example.org"))
    second = intake.submit(mail("m2@x", "Nog steeds piet@example.org, nu ook kees@example.org",
                                subject="Re: Site stuk", in_reply_to=("m1@x",)))
    assert second.ticket_id == first.ticket_id and not second.new_ticket
    with ticket_store.reading() as s:
        msg = s.get(Message, second.message_id)
        assert msg is not None
        assert msg.text == "Nog steeds <EMAIL_ADDRESS_1>, nu ook <EMAIL_ADDRESS_2>"


def test_stranger_quoting_a_ticket_tag_gets_a_new_ticket(intake: Intake, ticket_store: TicketStore) -> None:
    first = intake.submit(mail("own@x", sender="eigenaar@example.nl"))
    tag = store.ticket_tag(first.ticket_number or 0)
    stranger = intake.submit(mail("str@x", sender="vreemde@example.net", subject=f"Re: {tag} Site stuk"))
    assert stranger.new_ticket and stranger.ticket_id != first.ticket_id
    same_sender = intake.submit(mail("own2@x", sender="eigenaar@example.nl", subject=f"Re: {tag}"))
    assert same_sender.ticket_id == first.ticket_id


def test_colleague_of_the_same_customer_threads_by_tag(intake: Intake, ticket_store: TicketStore) -> None:
    with ticket_store.writing() as s:
        store.upsert_customers(s, [CustomerRecord("104233", email="a@bakkerij.nl")])
        store.upsert_customers(s, [CustomerRecord("104233", email="a@bakkerij.nl")])
    first = intake.submit(mail("c1@x", sender="A@Bakkerij.nl"))
    with ticket_store.writing() as s:
        # The colleague's address is known later: a second customer row is not needed, only a link.
        contact = store.get_or_create_contact(s, "email", "b@bakkerij.nl")
        ticket = s.get(Ticket, first.ticket_id)
        assert ticket is not None and ticket.customer_id is not None
        contact.customer_id = ticket.customer_id
    reply = intake.submit(mail("c2@x", sender="b@bakkerij.nl", subject=f"{store.ticket_tag(first.ticket_number or 0)}"))
    assert reply.ticket_id == first.ticket_id


def test_auto_replies_open_nothing(intake: Intake, ticket_store: TicketStore) -> None:
    out = intake.submit(mail("ooo@x", "Ik ben afwezig", auto_submitted=True, auto_reason="auto-submitted"))
    assert out.status == "ignored" and count(ticket_store, Ticket) == 0


def test_bounce_of_our_reply_is_recorded_once(intake: Intake, ticket_store: TicketStore) -> None:
    first = intake.submit(mail("q@x"))
    with ticket_store.writing() as s:
        ticket = s.get(Ticket, first.ticket_id)
        assert ticket is not None
        store.add_message(s, ticket, direction=Direction.OUT, channel="email", external_id="reply-1@scrubdesk.test",
                          text=ScrubbedText("Beste klant"), subject=None, contact=None, lang="nl", redactions={},
                          received_at=ticket.created_at)
    dsn = mail("dsn@x", "Delivery failed", sender="mailer-daemon@example.nl", auto_submitted=True,
               bounce=BounceReport(original_message_id="reply-1@scrubdesk.test", status="5.1.1", action="failed"))
    assert intake.submit(dsn).reason == "bounce recorded"
    intake.submit(dsn)
    with ticket_store.reading() as s:
        events = s.scalars(select(TicketEvent).where(TicketEvent.kind == "bounce")).all()
        assert [(e.ticket_id, e.detail["status"]) for e in events] == [(first.ticket_id, "5.1.1")]
    assert count(ticket_store, Ticket) == 1


def test_chat_messages_thread_into_the_open_ticket_until_solved(intake: Intake, ticket_store: TicketStore) -> None:
    def chat(n: int) -> InboundMessage:
        return InboundMessage(channel=Channel.TELEGRAM, external_id=f"42:{n}", sender="42", text=f"bericht {n}")

    a, b = intake.submit(chat(1)), intake.submit(chat(2))
    assert a.ticket_id == b.ticket_id
    with ticket_store.writing() as s:
        ticket = s.get(Ticket, a.ticket_id)
        assert ticket is not None
        ticket.status = TicketStatus.SOLVED
    assert intake.submit(chat(3)).new_ticket


def test_privacy_labels_recorded_without_text(intake: Intake, ticket_store: TicketStore) -> None:
    out = intake.submit(mail("p@x", "verwijder al mijn gegevens"))
    assert out.privacy_labels == ("erasure",)
    with ticket_store.reading() as s:
        event = s.scalars(select(TicketEvent)).one()
        assert event.detail == {"labels": ["erasure"]}


def test_store_refuses_unscrubbed_text(ticket_store: TicketStore) -> None:
    with pytest.raises(TypeError), ticket_store.writing() as s:
        contact = store.get_or_create_contact(s, "email", "x@example.nl")
        ticket = store.open_ticket(s, channel="email", contact=contact, lang=None,
                                   at=contact.created_at)
        store.add_message(s, ticket, direction=Direction.IN, channel="email", external_id="raw",
                          text="raw text", subject=None, contact=contact,  # type: ignore[arg-type]
                          lang=None, redactions={}, received_at=contact.created_at)
    assert count(ticket_store, Message) == 0


def test_attachments_scrubbed_cleaned_and_capped(ticket_store: TicketStore) -> None:
    import io

    from PIL import Image

    from intake.message import InboundAttachment
    from intake.pipeline import IntakeLimits
    from models import Attachment

    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (52.0, 5.0, 0.0)}  # GPSInfo
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buf, "JPEG", exif=exif.tobytes())
    atts = (
        InboundAttachment("scan van jan@example.com (1).jpg", "image/jpeg", buf.getvalue()),
        InboundAttachment("notes.txt", "text/plain", b"BSN 123456782 of mail jan@example.com"),
        InboundAttachment("broken.jpg", "image/jpeg", b"\xff\xd8\xff\xe0 not really a jpeg"),
        InboundAttachment("big.bin", "application/octet-stream", b"\0" * 2048),
    )
    intake = Intake(ticket_store, FakeScrubber(), limits=IntakeLimits(attachment_store_max=1024))
    out = intake.submit(mail("att@x", "zie bijlagen van jan@example.com", attachments=atts))
    with ticket_store.reading() as s:
        rows = {a.filename: a for a in s.scalars(select(Attachment).where(Attachment.message_id == out.message_id))}
        assert set(rows) == {"scan van <EMAIL_ADDRESS_1> (1).jpg", "notes.txt", "broken.jpg", "big.bin"}
        photo = rows["scan van <EMAIL_ADDRESS_1> (1).jpg"]
        assert photo.content is not None
        with Image.open(io.BytesIO(photo.content)) as img:
            assert 0x8825 not in img.getexif()
        notes = rows["notes.txt"].content
        assert notes == b"BSN <NATIONAL_ID_1> of mail <EMAIL_ADDRESS_1>"
        assert rows["broken.jpg"].content is None and "metadata" in (rows["broken.jpg"].note or "")
        assert rows["big.bin"].content is None and rows["big.bin"].size == 2048


def test_the_due_time_counts_from_receipt_not_from_storing(ticket_store: TicketStore) -> None:
    """A message received two hours ago (an IMAP backlog after an outage, a queue drained late) is due its
    SLA time after it was received: the customer has been waiting since then (issue 22, SLA clock)."""
    received = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
    intake = Intake(ticket_store, FakeScrubber(), after_commit=[DueTimeHook(ticket_store)])
    intake.submit(mail("<late@example.nl>", received_at=received))
    with ticket_store.reading() as s:
        due = s.scalars(select(TicketDue.due_at)).one()
    # Normal priority: 24 hours around the clock by the seeded default policy (migration 0014).
    assert abs(due - (received + timedelta(hours=24))) < timedelta(seconds=2)
