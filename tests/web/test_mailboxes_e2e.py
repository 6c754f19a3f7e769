"""Two mailboxes (brands) reply with their own identities through a real SMTP sink (issue 22).

Mail arrives through the real aiosmtpd intake at support@ and Sales@ (two mailboxes) and at an address of
no mailbox; the acknowledgements and an agent's reply on each ticket go out through the real outbox worker
to a loopback SMTP sink. Each carries its own From (display name and address) and signature, the sales
ticket its Dutch acknowledgement text and default group; the ticket of no mailbox the configured default
identity. The customer's answer threads back into its ticket, which keeps its mailbox.
"""

from __future__ import annotations

import smtplib
import threading
from collections.abc import Iterator
from email.message import EmailMessage
from email.utils import make_msgid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from intake.hooks import AutoAcknowledger, DueTimeHook
from intake.pipeline import Intake
from intake.smtp import SmtpSettings
from models import Direction, Ticket
from models.mailboxes import Group, Mailbox
from outbound import worker as delivery
from outbound.acknowledge import AckConfig
from outbound.mail import SmarthostConfig, SmtpSender
from tests.intake.smtp.harness import ThreadedSmtp
from tests.support.smtp_sink import SmtpSink
from tickets import mailboxes
from tickets.replies import MailIdentity
from tickets.store import TicketStore, ticket_by_number
from web.app import create_app
from web.workspace import Workspace

TOKEN = "mailbox-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SALES_SIGNATURE = "Femke de Vries\nVerkoop, Winkel B.V."
SUPPORT_SIGNATURE = "The Support Desk\nShop Ltd"
SALES_ACK = "Dank voor uw aanvraag bij Verkoop, ticket {ticket_number}.{removed}\n\nMet vriendelijke groet"


def _mail(sender: str, to: str, subject: str, body: str, *, in_reply_to: str | None = None) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Message-ID"] = make_msgid(domain="klant.example")
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = in_reply_to
    msg.set_content(body)
    return msg


def _body(mail: EmailMessage) -> str:
    return str(mail.get_content()).replace("\r\n", "\n")


def _send(port: int, msg: EmailMessage) -> None:
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
        client.send_message(msg)


@pytest.fixture
def stack(ticket_store: TicketStore, real_scrubber: Any) -> Iterator[tuple[ThreadedSmtp, TestClient, int]]:
    with ticket_store.writing() as session:
        group = Group(name="Verkoop")
        session.add(group)
        session.flush()
        form = {"name": "Sales", "sender_name": "Winkel Verkoop", "sender_address": "sales@shop.test",
                "signature": SALES_SIGNATURE, "ack_template_nl": SALES_ACK, "default_group_id": str(group.id),
                "addresses": "Sales@Shop.test", "active": "on"}
        mailboxes.save(session, None, *mailboxes.parse_mailbox(session, form), "test")
        form = {"name": "Support", "sender_name": "Shop Support", "sender_address": "support@shop.test",
                "signature": SUPPORT_SIGNATURE, "addresses": "support@shop.test\nhelp@shop.test", "active": "on"}
        mailboxes.save(session, None, *mailboxes.parse_mailbox(session, form), "test")
        group_id = group.id
    mailboxes.invalidate()
    identity = MailIdentity("shop.test")
    intake = Intake(ticket_store, real_scrubber, after_commit=[
        DueTimeHook(ticket_store), AutoAcknowledger(ticket_store, AckConfig(), identity)])
    app = create_app(ticket_store, lambda: TOKEN, workspace=Workspace(
        scrubber=real_scrubber, identity=identity, available_channels=frozenset({"email"})))
    with ThreadedSmtp(intake, SmtpSettings(accept=("@shop.test",))) as server, TestClient(app) as client:
        yield server, client, group_id


def _deliver(ticket_store: TicketStore, count: int) -> tuple[list[EmailMessage], list[tuple[str, list[str]]]]:
    with SmtpSink() as sink:
        worker = delivery.OutboxWorker(ticket_store, {"email": SmtpSender(SmarthostConfig(
            host="127.0.0.1", port=sink.port, security="none", from_address="desk@default.test",
            from_name="Default Desk"))}, stop=threading.Event())
        assert worker.run_once() == count
        return sink.wait_for(count), list(sink.handler.envelopes)


def test_two_mailboxes_reply_with_their_own_identities(
        stack: tuple[ThreadedSmtp, TestClient, int], ticket_store: TicketStore) -> None:
    server, client, group_id = stack
    _send(server.port, _mail("Jan Bakker <jan@klant.example>", "Sales@Shop.test", "Offerte voor tien licenties",
                             "Goedemiddag,\n\nKunt u mij een offerte sturen voor tien licenties? Wij willen "
                             "graag volgende maand beginnen.\n\nMet vriendelijke groet,\nJan Bakker"))
    _send(server.port, _mail("Mary Smith <mary@client.example>", "support@shop.test", "Login problem",
                             "Hello,\n\nI cannot log in to my account since this morning. Could you please "
                             "have a look?\n\nThanks,\nMary Smith"))
    _send(server.port, _mail("Piet Vos <piet@klant.example>", "info@shop.test", "Vraag over mijn factuur",
                             "Hallo,\n\nIk heb een vraag over mijn laatste factuur. Kunt u mij even bellen?\n\n"
                             "Groet,\nPiet Vos"))
    with ticket_store.reading() as session:
        by_sender = {t.contact.address if t.contact else "": (t.number, t.mailbox_id, t.group_id)
                     for t in session.scalars(select(Ticket))}
        sales_id = session.scalar(select(Mailbox.id).where(Mailbox.name == "Sales"))
    sales, support, plain = by_sender["jan@klant.example"], by_sender["mary@client.example"], by_sender[
        "piet@klant.example"]
    assert sales[1] == sales_id and sales[2] == group_id  # routed by the lower-cased address, its default group
    assert support[1] is not None and support[1] != sales_id and support[2] is None
    assert plain[1] is None and plain[2] is None
    for number, text in ((sales[0], "Beste Jan,\n\nIn de bijlage vindt u de offerte."),
                         (support[0], "Dear Mary,\n\nYour account works again."),
                         (plain[0], "Beste Piet,\n\nIk bel u morgen.")):
        assert client.post(f"/api/tickets/{number}/reply", json={"text": text}, headers=AUTH).status_code == 201

    mails, envelopes = _deliver(ticket_store, 6)
    sent = {(m["To"], "ack" if m["Auto-Submitted"] else "reply"): m for m in mails}
    for kind in ("ack", "reply"):
        to_sales, to_support, to_plain = (sent[("jan@klant.example", kind)], sent[("mary@client.example", kind)],
                                          sent[("piet@klant.example", kind)])
        assert (to_sales["From"].addresses[0].display_name, to_sales["From"].addresses[0].addr_spec) == (
            "Winkel Verkoop", "sales@shop.test")
        assert (to_support["From"].addresses[0].display_name, to_support["From"].addresses[0].addr_spec) == (
            "Shop Support", "support@shop.test")
        assert (to_plain["From"].addresses[0].display_name, to_plain["From"].addresses[0].addr_spec) == (
            "Default Desk", "desk@default.test")
        assert _body(to_sales).rstrip().endswith(f"-- \n{SALES_SIGNATURE}")
        assert _body(to_support).rstrip().endswith(f"-- \n{SUPPORT_SIGNATURE}")
        assert "-- \n" not in _body(to_plain)
        assert _body(to_sales).count("Femke de Vries") == 1  # signed once
    ack = _body(sent[("jan@klant.example", "ack")])
    assert ack.startswith(f"Dank voor uw aanvraag bij Verkoop, ticket {sales[0]}.")  # the mailbox's Dutch text
    assert "We have received it as ticket" in _body(sent[("mary@client.example", "ack")])  # default EN text
    # The envelope sender stays the smarthost's account (bounces come back to it).
    assert {mail_from for mail_from, _ in envelopes} == {"desk@default.test"}
    with ticket_store.reading() as session:
        ticket = ticket_by_number(session, sales[0])
        assert ticket is not None
        [stored] = [m.text for m in ticket.messages if m.direction == Direction.OUT and not m.auto_submitted]
    assert "Femke de Vries" in stored  # the mailbox's signature is the company's own: kept as written

    # The customer answers the sales reply, to an address of the other mailbox: it threads into its ticket,
    # which keeps its mailbox.
    reply = sent[("jan@klant.example", "reply")]
    _send(server.port, _mail("Jan Bakker <jan@klant.example>", "support@shop.test", f"Re: {reply['Subject']}",
                             "Dank u wel, ik kijk ernaar.", in_reply_to=reply["Message-ID"]))
    with ticket_store.reading() as session:
        ticket = ticket_by_number(session, sales[0])
        assert ticket is not None and ticket.mailbox_id == sales_id and ticket.group_id == group_id
        assert [m.direction for m in ticket.messages][-1] == Direction.IN
        assert session.query(Ticket).count() == 3


def test_the_envelope_recipient_routes_a_bcc(stack: tuple[ThreadedSmtp, TestClient, int],
                                             ticket_store: TicketStore) -> None:
    """RCPT TO is where the mail was delivered (RFC 5321 section 3.3); To/Cc may name others only, as
    with a Bcc to sales@: the envelope's address routes first, the headers' after it."""
    server, _client, _group_id = stack
    msg = _mail("Jan Bakker <jan@klant.example>", "Partner <partner@elders.example>", "Offerte",
                "Goedemiddag,\n\nIk stuur u deze vraag in Bcc; graag een offerte.\n\nGroet,\nJan")
    with smtplib.SMTP("127.0.0.1", server.port, timeout=30) as smtp:
        smtp.send_message(msg, to_addrs=["sales@shop.test"])
    with ticket_store.reading() as session:
        mailbox_id = session.scalars(select(Ticket.mailbox_id)).one()
        sales_id = session.scalar(select(Mailbox.id).where(Mailbox.name == "Sales"))
    assert mailbox_id == sales_id
