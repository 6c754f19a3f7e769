"""End to end over the real SMTP intake: request by mail -> code by mail (captured by a local SMTP sink,
sent by the outbox worker and the workspace's e-mail Sender) -> code back by mail -> handler -> answer.

Real components: aiosmtpd intake (tests/intake/smtp/harness.py), the real scrubber and recogniser, the
outbox worker with ``outbound.mail.SmtpSender``, the web app for the download.
"""

from __future__ import annotations

import io
import json
import re
import smtplib
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from intake.hooks import PrivacyHook
from intake.pipeline import Intake
from intake.smtp import SmtpSettings
from models import (
    Base,
    Customer,
    Message,
    OutboxEntry,
    PrivacyAudit,
    PrivacyRequest,
    RequestState,
    RetentionHold,
    Ticket,
)
from outbound.mail import SmarthostConfig, SmtpSender
from outbound.worker import OutboxWorker
from privacy import approval, deadline
from privacy.config import PrivacyConfig
from privacy.desk import PrivacyDesk
from privacy.recognition import recognize
from privacy.verification import Verifier
from tests.intake.smtp.harness import ThreadedSmtp
from tests.support.smtp_sink import SmtpSink
from tickets import store
from tickets.replies import MailIdentity
from tickets.store import TicketStore
from web import privacy as privacy_web
from web.app import create_app

SUPPORT = "support@dommelhost.test"
MTA = "mx.dommelhost.test"
CUSTOMER = "marieke@example.nl"
_CODE = re.compile(r"^\s{4}(\d{6})\s*$", re.M)
_LINK = re.compile(r"(http://desk\.test/privacy/download/\S+)")


@dataclass
class World:
    store: TicketStore
    smtp: ThreadedSmtp
    sink: SmtpSink
    worker: OutboxWorker
    desk: PrivacyDesk

    def send(self, body: str, *, subject: str, sender: str = CUSTOMER, in_reply_to: str | None = None,
             auth: str | None = None, pdf: bytes | None = None) -> str:
        msg = EmailMessage()
        msg["From"], msg["To"], msg["Subject"] = f"Marieke <{sender}>", SUPPORT, subject
        msg["Message-ID"] = make_msgid(domain="example.nl")
        if auth:
            msg["Authentication-Results"] = auth
        if in_reply_to:
            msg["In-Reply-To"] = msg["References"] = in_reply_to
        msg.set_content(body)
        if pdf is not None:
            msg.add_attachment(pdf, maintype="application", subtype="pdf", filename="screenshot-error.pdf")
        with smtplib.SMTP("127.0.0.1", self.smtp.port, timeout=30) as client:
            assert client.send_message(msg, from_addr=sender, to_addrs=[SUPPORT]) == {}
        return str(msg["Message-ID"])

    def deliver(self, count: int) -> list[EmailMessage]:
        """Run the outbox worker until the sink holds ``count`` mails."""
        for _ in range(20):
            self.worker.run_once()
            if len(self.sink.mails) >= count:
                break
        return self.sink.wait_for(count, timeout=5)


@pytest.fixture
def world(ticket_store: TicketStore, real_scrubber: Any) -> Iterator[World]:
    with ticket_store.writing() as session:
        store.upsert_customers(session, [store.CustomerRecord(
            number="104233", name="Marieke Hoogendoorn", email=CUSTOMER, phone="0612345678",
            address="Kerkstraat 12, 5038 AB Tilburg")])
    config = PrivacyConfig(authserv_id=MTA, public_url="http://desk.test")
    desk = PrivacyDesk(ticket_store, Verifier(b"e2e-key-0123456789abcdef"), config, MailIdentity("dommelhost.test"))
    intake = Intake(ticket_store, real_scrubber, privacy=recognize,
                    after_commit=[PrivacyHook(desk)])
    with SmtpSink() as sink, ThreadedSmtp(intake, SmtpSettings(
            accept=(SUPPORT,), trusted_relays=("127.0.0.1/32",))) as smtp:  # our MTA relays on loopback
        sender = SmtpSender(SmarthostConfig(host="127.0.0.1", port=sink.port, security="none",
                                            from_address=SUPPORT, from_name="Dommelhost Support"))
        worker = OutboxWorker(ticket_store, {"email": sender}, stop=__import__("threading").Event())
        yield World(ticket_store, smtp, sink, worker, desk)


def body_of(mail: EmailMessage) -> str:
    part = mail.get_body(("plain",))
    assert part is not None
    return str(part.get_content())


def everything_in_the_store(ticket_store: TicketStore) -> dict[str, list[str]]:
    """Every row of every table, as text, per table (for 'nothing of the customer is left')."""
    out: dict[str, list[str]] = {}
    with ticket_store.reading() as s:
        for table in Base.metadata.sorted_tables:
            rows = s.execute(select(table)).all()
            out[table.name] = [" ".join(str(v) for v in row) for row in rows]
    return out


def test_erasure_by_mail_end_to_end(world: World) -> None:
    # History: an ordinary support ticket, and one the operator marked as a financial record.
    world.send("Mijn website bakkerij-jansen.nl is traag sinds gisteren. Groet, Marieke Hoogendoorn",
               subject="Website traag")
    world.send("Ik heb een vraag over factuur F2024-00123, het bedrag klopt niet.", subject="Factuur")
    with world.store.writing() as s:
        invoice = s.scalars(select(Ticket).where(Ticket.subject.like("%Factuur%"))).one()
        s.add(RetentionHold(ticket_id=invoice.id, basis="financial", created_by="agent:test",
                            retain_until=deadline.add_months(deadline.today(), 84)))
        invoice_id = invoice.id

    world.send("Beste support,\n\nIk wil dat u al mijn persoonsgegevens verwijdert (art. 17 AVG).\n\n"
               "Met vriendelijke groet,\nMarieke Hoogendoorn", subject="Verwijder mijn gegevens",
               auth=f"{MTA}; spf=pass smtp.mailfrom=example.nl; dmarc=pass header.from=example.nl")
    [code_mail] = world.deliver(1)
    assert code_mail["To"] == CUSTOMER
    text = body_of(code_mail)
    match = _CODE.search(text)
    assert match, text
    assert "Hoogendoorn" not in text and "104233" not in text  # nothing revealed before verification
    with world.store.reading() as s:
        req = s.scalars(select(PrivacyRequest)).one()
        assert req.state == RequestState.VERIFICATION_SENT and req.lang == "nl"

    # The customer replies in the thread with the code (quoting our mail, as clients do).
    quoted = "\n".join("> " + line for line in text.splitlines())
    world.send(f"Hier is de code: {match.group(1)}\n\n{quoted}", subject=f"Re: {code_mail['Subject']}",
               in_reply_to=str(code_mail["Message-ID"]))
    mails = world.deliver(2)
    assert "bevestigd" in body_of(mails[1])  # verified: the erasure waits for a privacy officer
    with world.store.writing() as s:
        request_id = s.scalars(select(PrivacyRequest)).one().id
        world.desk.approve(s, request_id, "agent:officer")
    with world.store.writing() as s:
        for task in approval.open_tasks(s, s.get(PrivacyRequest, request_id)):  # type: ignore[arg-type]
            world.desk.task_done(s, request_id, task.id, "agent:officer")
    mails = world.deliver(3)
    confirmation = mails[2]
    assert confirmation["To"] == CUSTOMER
    answer = body_of(confirmation)
    assert "Verwijderd:" in answer
    assert f"ticket {invoice_id + 100000}" in answer and "art. 52 AWR" in answer  # kept, and why
    assert "facturatie" in answer  # tasks outside scrubdesk, in Dutch

    with world.store.reading() as s:
        req = s.scalars(select(PrivacyRequest)).one()
        assert req.state == RequestState.FULFILLED
        assert req.requester_address is None and req.ticket_id is None
        # Only the retained financial ticket is left, restricted, with its customer reduced to the number.
        assert [t.id for t in s.scalars(select(Ticket))] == [invoice_id]
        hold = s.scalars(select(RetentionHold)).one()
        assert hold.restricted_at is not None
        customer = s.scalars(select(Customer)).one()
        assert (customer.number, customer.name, customer.email, customer.phone, customer.address) == (
            "104233", None, None, None, None)
        assert {m.ticket_id for m in s.scalars(select(Message))} == {invoice_id}
    # Nothing of the customer anywhere (the retained ticket is scrubbed; outbox payloads are sealed and
    # emptied once sent).
    dump = everything_in_the_store(world.store)
    found = [(table, value) for table, rows in dump.items() for row in rows
             for value in ("marieke@example.nl", "Hoogendoorn", "0612345678", "Kerkstraat") if value in row]
    assert found == []
    with world.store.reading() as s:
        leftovers = [e for e in s.scalars(select(OutboxEntry)) if e.payload.get("to") == CUSTOMER]
        # The confirmation was sent and its payload emptied with it (issue #15: the erased customer's
        # address survived in that row); what is pending is sealed (tests/app/test_at_rest.py).
        assert leftovers == []


def test_access_by_mail_end_to_end_download_once(world: World) -> None:
    pdf = b"%PDF-1.4\n% a scrubdesk test attachment\n%%EOF\n"
    world.send("My website example-shop.nl shows an error 500 since this morning.", subject="Error 500", pdf=pdf)
    world.send("Hello, I would like a copy of all personal data you hold about me (GDPR article 15).\n\nMarieke",
               subject="Data access request")
    [code_mail] = world.deliver(1)
    match = _CODE.search(body_of(code_mail))
    assert match
    world.send(match.group(1), subject=f"Re: {code_mail['Subject']}", in_reply_to=str(code_mail["Message-ID"]))
    mails = world.deliver(2)
    ready = body_of(mails[1])
    assert mails[1]["To"] == CUSTOMER
    link = _LINK.search(ready)
    assert link, ready
    assert "Autoriteit Persoonsgegevens" in ready and "Retention" in ready  # art. 15(1) information
    # The link's token is not stored: the ticket's copy of our mail names no link.
    with world.store.reading() as s:
        assert all(link.group(1) not in m.text for m in s.scalars(select(Message)))

    app = create_app(world.store, lambda: "token")
    privacy_web.install(app, world.desk)
    with TestClient(app) as client:
        path = link.group(1).removeprefix("http://desk.test")
        assert client.get(path).status_code == 200  # a page with a button: a GET uses nothing up
        first = client.post(path)
        assert first.status_code == 200
        assert first.headers["content-type"] == "application/zip"
        second = client.post(path)
        assert second.status_code == 404  # single use
    archive = zipfile.ZipFile(io.BytesIO(first.content))
    data = json.loads(archive.read("data.json"))
    [attachment] = [a for t in data["tickets"] for m in t["messages"] for a in m["attachments"]]
    # Since issue 17 a document's original is not stored ([attachments] keep_original = "never", art.
    # 5(1)(c)): the export lists the attachment, and holds no file we do not have.
    assert not attachment["kept"] and attachment["file"] is None
    assert set(archive.namelist()) == {"data.json", "summary.html"}
    assert data["customer"]["number"] == "104233" and data["customer"]["email"] == CUSTOMER
    assert [c["address"] for c in data["contacts"]] == [CUSTOMER]
    subjects = sorted(t["subject"] for t in data["tickets"])
    assert subjects == ["Data access request", "Error 500"]
    assert sum(len(t["messages"]) for t in data["tickets"]) >= 5  # 3 in, code mail, ready mail
    [request] = data["privacy_requests"]
    assert request["types"] == ["access"] and [e["action"] for e in request["log"]][:2] == ["opened", "code_sent"]
    trail_actions = [e["action"] for e in data["audit_trail"]]
    assert "verification" in trail_actions and "privacy.opened" in trail_actions
    assert set(data["information"]) >= {"purposes", "categories", "recipients", "retention", "source",
                                        "automated_decisions"}
    html = archive.read("summary.html").decode()
    assert "Error 500" in html and "104233" in html
    with world.store.reading() as s:
        assert s.scalars(select(PrivacyRequest)).one().state == RequestState.FULFILLED


def test_spoofed_erasure_over_smtp_never_gets_past_the_code(world: World) -> None:
    # Even where DMARC pass would be enough, a fail from our MTA (topmost header) means the code; the
    # sender's own forged "pass" further down does not count.
    world.desk.config.dmarc_sufficient_for = ["erasure"]
    msg = EmailMessage()
    msg["Authentication-Results"] = f"{MTA}; spf=fail smtp.mailfrom=example.nl; dmarc=fail header.from=example.nl"
    msg["Authentication-Results"] = f"{MTA}; dmarc=pass header.from=example.nl"
    msg["From"], msg["To"], msg["Subject"] = f"Marieke <{CUSTOMER}>", SUPPORT, "Delete everything"
    msg["Message-ID"] = make_msgid(domain="attacker.test")
    msg.set_content("Please delete all my personal data under article 17 GDPR.")
    with smtplib.SMTP("127.0.0.1", world.smtp.port, timeout=30) as client:
        client.send_message(msg, from_addr="bounce@attacker.test", to_addrs=[SUPPORT])
    [code_mail] = world.deliver(1)
    assert code_mail["To"] == CUSTOMER  # only the real mailbox on file gets the code
    with world.store.reading() as s:
        req = s.scalars(select(PrivacyRequest)).one()
        assert req.evidence["mail"] == "spoofed" and req.state == RequestState.VERIFICATION_SENT
    # The attacker guesses codes in the thread (In-Reply-To their own message threads into the ticket).
    for guess in ("000000", "123456", "999999"):
        world.send(guess, subject="Re: Delete everything", in_reply_to=str(msg["Message-ID"]))
    with world.store.reading() as s:
        assert s.scalars(select(PrivacyRequest)).one().state == RequestState.VERIFICATION_SENT
        assert s.scalars(select(Customer)).one().email == CUSTOMER
        rejected = s.scalars(select(PrivacyAudit.detail).where(PrivacyAudit.action == "code_rejected")).all()
    assert [d["status"] for d in rejected] == ["wrong", "wrong", "locked"]  # 3 attempts, then locked
