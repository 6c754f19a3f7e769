"""The solve mail end to end: a ticket opened over real SMTP, solved through the API, the solve-mail
consumer of the event feed queues one mail, the outbox worker sends it to a real SMTP sink, and its
rating link opens the rating page over real HTTP and records a rating. On SQLite and PostgreSQL."""

from __future__ import annotations

import re
import smtplib
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from email.message import EmailMessage
from email.utils import make_msgid
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, text

from intake.pipeline import Intake
from models import Contact, RetentionHold, Ticket, TicketStatus, utcnow
from models.satisfaction import SatisfactionRating
from outbound import solve_mail
from outbound import worker as delivery
from outbound.mail import SmarthostConfig, SmtpSender
from tests.intake.smtp.harness import ThreadedSmtp
from tests.support.browser import serve_app
from tests.support.smtp_sink import SmtpSink
from tickets import replies
from tickets.replies import MailIdentity
from tickets.store import TicketStore, ticket_by_number
from web.app import create_app
from web.workspace import Workspace

TOKEN = "solve-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
PUBLIC = "https://help.example.test"
NO_SETTLE = timedelta(0)
DUTCH = "Hallo,\n\nMijn website is offline sinds vanochtend en ik kan niet bij mijn mail. Kunt u helpen?\n\nGroet"
ENGLISH = "Hello,\n\nMy website has been offline since this morning and I cannot read my mail. Can you help?\n\nThanks"


@dataclass
class Stack:
    store: TicketStore
    smtp: ThreadedSmtp
    api: TestClient
    sink: SmtpSink
    mailer: solve_mail.SolveMail

    def mail(self, body: str, *, sender: str = "klant@example.nl", subject: str = "Website offline") -> tuple[int, str]:
        msg = EmailMessage()
        msg["From"], msg["To"], msg["Subject"] = sender, "support@localhost", subject
        msg_id = make_msgid(domain="example.nl")
        msg["Message-ID"] = msg_id
        msg.set_content(body)
        with smtplib.SMTP("127.0.0.1", self.smtp.port, timeout=30) as client:
            client.send_message(msg, from_addr=sender, to_addrs=["support@localhost"])
        number = self.api.get("/api/tickets", headers=AUTH).json()["tickets"][0]["number"]
        return int(number), msg_id.strip("<>")

    def status(self, number: int, status: str) -> None:
        r = self.api.post(f"/api/tickets/{number}/status", json={"status": status}, headers=AUTH)
        assert r.status_code == 200, r.text

    def queue(self, mailer: solve_mail.SolveMail | None = None) -> int:
        return solve_mail.run_pass(self.store, mailer or self.mailer, settle=NO_SETTLE)[1]

    def deliver(self) -> int:
        worker = delivery.OutboxWorker(self.store, {"email": SmtpSender(SmarthostConfig(
            host="127.0.0.1", port=self.sink.port, security="none", from_address="support@host.test"))},
            stop=threading.Event())
        return worker.run_once()


def _mailer(**config: Any) -> solve_mail.SolveMail:
    return solve_mail.SolveMail(solve_mail.SolveMailConfig(**config), PUBLIC, MailIdentity("support.test"),
                                frozenset({"email"}))


@pytest.fixture
def stack(ticket_store: TicketStore, real_scrubber: Any) -> Iterator[Stack]:
    intake = Intake(ticket_store, real_scrubber, after_commit=[])
    app = create_app(ticket_store, lambda: TOKEN, workspace=Workspace(
        scrubber=real_scrubber, identity=MailIdentity("support.test"), available_channels=frozenset({"email"})))
    with ThreadedSmtp(intake) as server, TestClient(app) as client, SmtpSink() as sink:
        built = Stack(ticket_store, server, client, sink, _mailer())
        assert built.queue() == 0  # the consumer's cursor starts here, as serve starts it at boot
        yield built


def _link(mail: EmailMessage) -> str:
    body = mail.get_content()
    found = re.search(re.escape(PUBLIC) + r"(/rate/\d+/[0-9a-f]+)", body)
    assert found, "no rating link in the solve mail"
    return found.group(1)


def test_one_solve_mail_in_dutch_whose_link_records_a_rating(stack: Stack) -> None:
    number, first_id = stack.mail(DUTCH)
    stack.status(number, "solved")
    assert stack.queue() == 1
    assert stack.queue() == 0  # handled once
    assert stack.queue(_mailer()) == 0  # a restarted consumer resumes from the stored position
    assert stack.deliver() == 1
    [mail] = stack.sink.wait_for(1)
    assert mail["To"] == "klant@example.nl" and "support@host.test" in str(mail["From"])
    assert mail["Auto-Submitted"] == "auto-generated"  # RFC 3834 section 5
    assert mail["In-Reply-To"] == f"<{first_id}>" and f"<{first_id}>" in str(mail["References"])
    assert f"[#{number}]" in str(mail["Subject"]) and "opgelost" in str(mail["Subject"]).lower()
    body = mail.get_content()
    assert "opgelost" in body and "heropend" in body and "solved" not in body
    link = _link(mail)
    with serve_app(stack.api.app) as url, httpx.Client(base_url=url) as client:
        assert client.get(link).status_code == 200
        assert client.post(link, data={"rating": "good"}).status_code == 200
    with stack.store.reading() as session:
        [row] = session.scalars(select(SatisfactionRating)).all()
        ticket = ticket_by_number(session, number)
        assert ticket is not None and row.ticket_id == ticket.id and row.rating == "good"
    # Reopened and solved again: a new solve, a new mail; nothing more for the old one.
    stack.status(number, "open")
    stack.status(number, "solved")
    assert stack.queue() == 1 and stack.deliver() == 1
    assert len(stack.sink.wait_for(2)) == 2


def test_an_english_ticket_gets_english_text(stack: Stack) -> None:
    number, _ = stack.mail(ENGLISH, sender="customer@example.com", subject="Site down")
    stack.status(number, "solved")
    assert stack.queue() == 1
    with stack.store.reading() as session:  # the queued payload is sealed at rest like every outbox payload
        [raw] = session.execute(text("SELECT payload FROM outbox WHERE kind = 'solve_mail'")).scalars().all()
        assert "customer@example.com" not in str(raw) and "/rate/" not in str(raw)
    assert stack.deliver() == 1
    [mail] = stack.sink.wait_for(1)
    body = mail.get_content()
    assert "solved" in body and "reopen" in body and "opgelost" not in body
    assert _link(mail).startswith(f"/rate/{number}/")
    # The customer's answer to the solve mail threads into the ticket by In-Reply-To and reopens it.
    answer = EmailMessage()
    answer["From"], answer["To"], answer["Subject"] = "customer@example.com", "support@localhost", "Re: thanks"
    answer["Message-ID"], answer["In-Reply-To"] = make_msgid(domain="example.com"), str(mail["Message-ID"])
    answer.set_content("Sorry, the website is down again since an hour ago. Can you have another look please?")
    with smtplib.SMTP("127.0.0.1", stack.smtp.port, timeout=30) as client:
        client.send_message(answer, from_addr="customer@example.com", to_addrs=["support@localhost"])
    with stack.store.reading() as session:
        [ticket] = session.scalars(select(Ticket)).all()
        assert ticket.number == number and ticket.status == TicketStatus.OPEN


def test_no_solve_mail_when_the_switch_is_off(stack: Stack) -> None:
    number, _ = stack.mail(DUTCH)
    stack.status(number, "solved")
    assert stack.queue(_mailer(enabled=False)) == 0
    assert stack.queue() == 0  # the solve is handled: switching on later sends nothing for it
    assert stack.deliver() == 0


def test_no_solve_mail_to_an_automatic_sender(stack: Stack) -> None:
    number, _ = stack.mail(DUTCH, sender="noreply@example.nl")
    stack.status(number, "solved")
    assert stack.queue() == 0 and stack.deliver() == 0


def test_no_solve_mail_for_a_restricted_ticket(stack: Stack) -> None:
    number, _ = stack.mail(DUTCH)
    with stack.store.writing() as session:  # kept after an erasure only for a retention duty: read-only
        ticket = ticket_by_number(session, number)
        assert ticket is not None
        session.add(RetentionHold(ticket_id=ticket.id, basis="tax", retain_until=date(2033, 1, 1),
                                  restricted_at=utcnow(), created_by="officer"))
    with stack.store.writing() as session:  # set directly: the API refuses to work on it
        ticket = ticket_by_number(session, number)
        assert ticket is not None
        replies.set_status(session, ticket, TicketStatus.SOLVED, actor="system")
    assert stack.queue() == 0 and stack.deliver() == 0


def test_no_solve_mail_to_an_unreachable_contact(stack: Stack) -> None:
    number, _ = stack.mail(DUTCH)
    with stack.store.writing() as session:
        ticket = session.scalars(select(Ticket)).one()
        contact = session.get(Contact, ticket.contact_id)
        assert contact is not None
        contact.unreachable = True
    stack.status(number, "solved")
    assert stack.queue() == 0 and stack.deliver() == 0


def test_closed_back_to_solved_is_not_a_new_solve(stack: Stack) -> None:
    number, _ = stack.mail(DUTCH)
    stack.status(number, "solved")
    assert stack.queue() == 1
    stack.status(number, "closed")
    stack.status(number, "solved")  # a correction of the status, not a solve the customer hears of again
    assert stack.queue() == 0 and stack.deliver() == 1
