"""Whom the solve mail is from and where it goes, over real SMTP: a ticket of a mailbox (brand) gets it
From that mailbox with its signature; a web-form ticket gets it by e-mail at the address the form took
(the form's only way back). On SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import select

from intake.message import InboundMessage
from intake.pipeline import Intake
from models import Channel, Message
from models.mailboxes import Mailbox
from tests.outbound.test_solve_mail import DUTCH, Stack, stack  # noqa: F401 (the fixture)
from tests.support.fakes import FakeScrubber
from tickets import satisfaction
from tickets.mailboxes import SIGNATURE_SEPARATOR
from tickets.store import ticket_by_number


def test_the_solve_mail_goes_from_the_tickets_mailbox_with_its_signature(stack: Stack) -> None:  # noqa: F811
    number, _ = stack.mail(DUTCH)
    with stack.store.writing() as session:
        mailbox = Mailbox(name="Verkoop", sender_address="verkoop@shop.example", sender_name="Shop Verkoop",
                          signature="Team Verkoop\nShop B.V.", active=True)
        session.add(mailbox)
        session.flush()
        ticket = ticket_by_number(session, number)
        assert ticket is not None
        ticket.mailbox_id = mailbox.id
    stack.status(number, "solved")
    assert stack.queue() == 1 and stack.deliver() == 1
    [mail] = stack.sink.wait_for(1)
    assert mail["From"].addresses[0].addr_spec == "verkoop@shop.example"
    assert mail["From"].addresses[0].display_name == "Shop Verkoop"
    body = mail.get_content().replace("\r\n", "\n")
    assert body.rstrip().endswith(f"{SIGNATURE_SEPARATOR}\nTeam Verkoop\nShop B.V.") and "opgelost" in body


def test_a_web_form_ticket_hears_it_by_e_mail(stack: Stack) -> None:  # noqa: F811
    outcome = Intake(stack.store, FakeScrubber()).submit(InboundMessage(
        channel=Channel.WEBFORM, external_id="form-1", sender="bezoeker@example.nl", sender_name="Bezoeker",
        subject="Vraag via het formulier", text="Mijn bestelling is niet aangekomen.", lang_hint="nl"))
    assert outcome.ticket_number is not None and outcome.ticket_id is not None
    stack.status(outcome.ticket_number, "solved")
    assert stack.queue() == 1 and stack.deliver() == 1
    [mail] = stack.sink.wait_for(1)
    assert mail["To"] == "bezoeker@example.nl" and mail["Auto-Submitted"] == "auto-generated"
    assert satisfaction.link_path(outcome.ticket_id) in mail.get_content()
    with stack.store.reading() as session:
        [out] = session.scalars(select(Message).where(Message.ticket_id == outcome.ticket_id,
                                                      Message.direction == "out"))
        assert out.channel == "email" and out.auto_submitted
