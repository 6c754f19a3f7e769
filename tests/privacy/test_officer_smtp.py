"""The officer in the loop over real SMTP (tests/intake/smtp/harness.py) and a real outbox worker: an
erasure by mail is verified by code, waits for the officer's approval, leaves the open ticket the officer
keeps, and the confirmation reaches the customer's mailbox only when the last task is marked done."""

from __future__ import annotations

import re
import smtplib
import threading
from collections.abc import Iterator
from email.message import EmailMessage
from email.utils import make_msgid

import pytest
from sqlalchemy import select

from intake.hooks import PrivacyHook
from intake.pipeline import Intake
from intake.smtp import SmtpSettings
from models import PrivacyRequest, RequestState, Ticket
from outbound.mail import SmarthostConfig, SmtpSender
from outbound.worker import OutboxWorker
from privacy import approval
from privacy.config import ExternalSystem, PrivacyConfig
from privacy.desk import PrivacyDesk
from privacy.recognition import recognize
from privacy.verification import Verifier
from tests.intake.smtp.harness import ThreadedSmtp
from tests.support.fakes import FakeScrubber
from tests.support.smtp_sink import SmtpSink
from tickets import store
from tickets.replies import MailIdentity
from tickets.store import TicketStore

SUPPORT = "support@dommelhost.test"
CUSTOMER = "marieke@example.nl"
_CODE = re.compile(r"^\s{4}(\d{6})\s*$", re.M)


def send(port: int, body: str, subject: str, in_reply_to: str | None = None) -> None:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = f"Marieke <{CUSTOMER}>", SUPPORT, subject
    msg["Message-ID"] = make_msgid(domain="example.nl")
    if in_reply_to:
        msg["In-Reply-To"] = msg["References"] = in_reply_to
    msg.set_content(body)
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
        client.send_message(msg, from_addr=CUSTOMER, to_addrs=[SUPPORT])


@pytest.fixture
def world(ticket_store: TicketStore) -> Iterator[tuple[TicketStore, PrivacyDesk, ThreadedSmtp, SmtpSink, OutboxWorker]]:
    with ticket_store.writing() as session:
        store.upsert_customers(session, [store.CustomerRecord(number="104233", name="Marieke Hoogendoorn",
                                                              email=CUSTOMER)])
    config = PrivacyConfig(public_url="http://desk.test", external_systems=[
        ExternalSystem(name="billing", name_nl="facturatie", instruction="Erase the customer in billing.")])
    desk = PrivacyDesk(ticket_store, Verifier(b"smtp-officer-key-0123456789"), config, MailIdentity("dommelhost.test"))
    intake = Intake(ticket_store, FakeScrubber(), privacy=recognize,
                    after_commit=[PrivacyHook(desk)])
    with SmtpSink() as sink, ThreadedSmtp(intake, SmtpSettings(accept=(SUPPORT,))) as smtp:
        sender = SmtpSender(SmarthostConfig(host="127.0.0.1", port=sink.port, security="none",
                                            from_address=SUPPORT, from_name="Support"))
        yield ticket_store, desk, smtp, sink, OutboxWorker(ticket_store, {"email": sender}, stop=threading.Event())


def deliver(worker: OutboxWorker, sink: SmtpSink, count: int) -> list[EmailMessage]:
    for _ in range(20):
        worker.run_once()
        if len(sink.mails) >= count:
            break
    return sink.wait_for(count, timeout=5)


def body(mail: EmailMessage) -> str:
    part = mail.get_body(("plain",))
    assert part is not None
    return str(part.get_content())


def test_erasure_over_smtp_waits_for_the_officer_and_confirms_after_the_last_task(world: tuple) -> None:
    ticket_store, desk, smtp, sink, worker = world
    send(smtp.port, "Mijn website is traag sinds gisteren.", "Website traag")
    send(smtp.port, "Ik wil dat jullie al mijn persoonsgegevens verwijderen (art. 17 AVG).", "Verwijderen")
    [code_mail] = deliver(worker, sink, 1)
    code = _CODE.search(body(code_mail))
    assert code
    send(smtp.port, f"De code: {code.group(1)}", f"Re: {code_mail['Subject']}", str(code_mail["Message-ID"]))
    mails = deliver(worker, sink, 2)
    assert "bevestigd" in body(mails[1])  # verified; the erasure waits
    with ticket_store.reading() as s:
        req = s.scalars(select(PrivacyRequest)).one()
        assert req.state == RequestState.VERIFIED and req.details["awaiting"] == "approval"
        open_tickets = approval.open_tickets(s, req)
        slow_site = next(t for t in open_tickets if not t.carries_request)
        assert s.scalar(select(Ticket.id).where(Ticket.id == slow_site.id)) is not None
    with ticket_store.writing() as s:
        desk.approve(s, req.id, "agent:officer", keep_open=[slow_site.id])
    worker.run_once()
    assert len(sink.mails) == 2  # no confirmation while tasks are open
    with ticket_store.reading() as s:
        assert s.get(Ticket, slow_site.id) is not None  # the officer kept it
        tasks = approval.open_tasks(s, s.get(PrivacyRequest, req.id))  # type: ignore[arg-type]
    for task in tasks:
        with ticket_store.writing() as s:
            if task.system.startswith("ticket "):
                desk.erase_kept_ticket(s, req.id, task.id, "agent:officer")
            else:
                desk.task_done(s, req.id, task.id, "agent:officer")
    mails = deliver(worker, sink, 3)
    confirmation = body(mails[2])
    assert mails[2]["To"] == CUSTOMER and "Verwijderd:" in confirmation and "facturatie" in confirmation
    with ticket_store.reading() as s:
        assert s.scalars(select(PrivacyRequest)).one().state == RequestState.FULFILLED
        assert s.scalars(select(Ticket)).all() == []
