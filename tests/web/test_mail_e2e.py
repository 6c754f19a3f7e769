"""The e-mail path end to end: mail into the real SMTP server -> ticket (real scrubber) ->
acknowledgement and agent reply through the API -> outbox worker -> SMTP smarthost (a local sink)
with threading headers -> the customer's answer threads back into the same ticket."""

from __future__ import annotations

import smtplib
import threading
from collections.abc import Iterator
from datetime import timedelta
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import select, update

from intake.hooks import AutoAcknowledger, DueTimeHook
from intake.pipeline import Intake
from models import Direction, OutboxEntry, OutboxStatus, Ticket, utcnow
from outbound import worker as delivery
from outbound.acknowledge import AckConfig
from outbound.mail import SmarthostConfig, SmtpSender
from tests.intake.smtp.harness import ThreadedSmtp
from tests.support.smtp_sink import SmtpSink, self_signed
from tickets.replies import MailIdentity
from tickets.store import TicketStore, ticket_by_number
from web.app import create_app
from web.workspace import Workspace

TOKEN = "e2e-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _mail(subject: str, body: str, *, msg_id: str, in_reply_to: str | None = None,
          references: str | None = None) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "Marieke Jansen <klant@example.nl>"
    msg["To"] = "support@localhost"
    msg["Subject"] = subject
    msg["Message-ID"] = msg_id
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
    if references:
        msg["References"] = references
    msg.set_content(body)
    return msg


def _send(port: int, msg: EmailMessage) -> None:
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
        client.send_message(msg, from_addr="klant@example.nl", to_addrs=["support@localhost"])


@pytest.fixture
def stack(ticket_store: TicketStore, real_scrubber: Any) -> Iterator[tuple[Intake, ThreadedSmtp, TestClient]]:
    identity = MailIdentity("support.test")
    intake = Intake(ticket_store, real_scrubber, after_commit=[
        DueTimeHook(ticket_store), AutoAcknowledger(ticket_store, AckConfig(max_per_sender=1), identity)])
    app = create_app(ticket_store, lambda: TOKEN, workspace=Workspace(
        scrubber=real_scrubber, identity=identity, available_channels=frozenset({"email"})))
    with ThreadedSmtp(intake) as server, TestClient(app) as client:
        yield intake, server, client


def test_reply_threads_both_ways(stack: tuple[Intake, ThreadedSmtp, TestClient], ticket_store: TicketStore) -> None:
    _intake, server, client = stack
    first_id = make_msgid(domain="example.nl")
    _send(server.port, _mail("Website offline", "Hallo,\n\nMijn website is offline sinds vanochtend. Mijn IBAN is "
                             "NL91ABNA0417164300.\n\nGroet,\nMarieke Jansen", msg_id=first_id))
    page = client.get("/api/tickets", headers=AUTH).json()
    assert len(page["tickets"]) == 1
    number = page["tickets"][0]["number"]
    detail = client.get(f"/api/tickets/{number}", headers=AUTH).json()
    assert "NL91ABNA0417164300" not in detail["messages"][0]["text"] and "<IBAN_1>" in detail["messages"][0]["text"]

    r = client.post(f"/api/tickets/{number}/reply", json={"text": "Beste Marieke,\n\nDe website draait weer."},
                    headers=AUTH)
    assert r.status_code == 201
    reply_id = r.json()["external_id"]

    with SmtpSink() as sink:
        worker = delivery.OutboxWorker(ticket_store, {"email": SmtpSender(SmarthostConfig(
            host="127.0.0.1", port=sink.port, security="none", from_address="support@host.test"))},
            stop=threading.Event())
        assert worker.run_once() == 2
        mails = sink.wait_for(2)
    by_kind = {("ack" if m["Auto-Submitted"] else "reply"): m for m in mails}
    ack, reply = by_kind["ack"], by_kind["reply"]
    assert ack["Auto-Submitted"] == "auto-replied" and ack["In-Reply-To"] == first_id
    assert f"[#{number}]" in ack["Subject"] and "ticket" in ack.get_content().lower()
    assert reply["Message-ID"] == f"<{reply_id}>"
    assert reply["In-Reply-To"] == first_id
    assert first_id in reply["References"]
    assert reply["Subject"].startswith("Re: Website offline") and f"[#{number}]" in reply["Subject"]
    assert reply["To"] == "klant@example.nl" and "De website draait weer." in reply.get_content()
    assert "Auto-Submitted" not in reply
    with ticket_store.reading() as session:
        assert {e.status for e in session.scalars(select(OutboxEntry))} == {OutboxStatus.SENT}
        ticket = ticket_by_number(session, number)
        assert ticket is not None and ticket.status == "pending"

    # The customer answers the reply (threading headers, no tag needed), then writes a new mail quoting the tag.
    _send(server.port, _mail(f"Re: {reply['Subject']}", "Dank, het werkt weer!", msg_id=make_msgid(domain="example.nl"),
                             in_reply_to=reply["Message-ID"], references=f"{first_id} {reply['Message-ID']}"))
    _send(server.port, _mail(f"Nog een vraag [#{number}]", "En mijn mail?", msg_id=make_msgid(domain="example.nl")))
    with ticket_store.reading() as session:
        assert session.query(Ticket).count() == 1
        ticket = ticket_by_number(session, number)
        assert ticket is not None
        assert [m.direction for m in ticket.messages] == [Direction.IN, Direction.OUT, Direction.OUT, Direction.IN,
                                                          Direction.IN]
        assert ticket.status == "open"  # the customer's answer brings it back into the queue


def test_crash_between_send_and_mark_resends_same_message_id(
    stack: tuple[Intake, ThreadedSmtp, TestClient], ticket_store: TicketStore
) -> None:
    _intake, server, client = stack
    _send(server.port, _mail("Vraag", "Hoe zet ik DNS om?", msg_id=make_msgid(domain="example.nl")))
    number = client.get("/api/tickets", headers=AUTH).json()["tickets"][0]["number"]
    reply_id = client.post(f"/api/tickets/{number}/reply", json={"text": "Zo."}, headers=AUTH).json()["external_id"]
    with SmtpSink() as sink:
        sender = SmtpSender(SmarthostConfig(host="127.0.0.1", port=sink.port, security="none"))
        # The worker claims and sends, then "dies" before mark_sent.
        for item in delivery.claim(ticket_store, channels=["email"]):
            sender.send(item)
        first = sink.wait_for(2)
        with ticket_store.writing() as session:  # the lease runs out
            session.execute(update(OutboxEntry).values(next_attempt_at=utcnow() - timedelta(seconds=1)))
        worker = delivery.OutboxWorker(ticket_store, {"email": sender}, stop=threading.Event())
        assert worker.run_once() == 2
        mails = sink.wait_for(4)
    assert len(first) == 2 and len(mails) == 4
    replies = [m for m in mails if m["Message-ID"] == f"<{reply_id}>"]
    # Sent twice (SMTP offers no exactly-once), but as the same message: same Message-ID and Date.
    assert len(replies) == 2 and replies[0]["Date"] == replies[1]["Date"]
    with ticket_store.reading() as session:
        assert {e.status for e in session.scalars(select(OutboxEntry))} == {OutboxStatus.SENT}


def test_starttls_auth_smarthost_and_refusals(tmp_path: Path) -> None:
    cert, key = self_signed(tmp_path)
    item = delivery.OutboundItem(id=1, ticket_id=None, message_id=None, channel="email", kind="reply", attempts=1,
                               payload={"to": "klant@example.nl", "subject": "Re: x", "text": "hallo",
                                        "message_id": "abc@support.test", "ticket_number": 100007})
    with SmtpSink(tls=(cert, key), login=("relay", "s3cret-pass")) as sink:
        good = SmarthostConfig(host="localhost", port=sink.port, security="starttls", username="relay",
                               password="s3cret-pass", ca_file=str(cert))  # type: ignore[arg-type]
        SmtpSender(good).send(item)
        [mail] = sink.wait_for(1)
        assert mail["Subject"] == "Re: x [#100007]" and mail["Message-ID"] == "<abc@support.test>"
        # A wrong password is a configuration problem: retried later, not dropped.
        with pytest.raises(delivery.TransientSendError):
            SmtpSender(good.model_copy(update={"password": SecretStr("wrong")})).send(item)
        # An unverified certificate is refused (no silent downgrade).
        with pytest.raises(delivery.TransientSendError):
            SmtpSender(good.model_copy(update={"ca_file": None})).send(item)
    with pytest.raises(delivery.TransientSendError):  # nobody listening any more
        SmtpSender(good).send(item)


def test_ack_rate_limit_and_no_ack_for_auto_replies(
    stack: tuple[Intake, ThreadedSmtp, TestClient], ticket_store: TicketStore
) -> None:
    _intake, server, _client = stack
    _send(server.port, _mail("Een", "eerste vraag", msg_id=make_msgid(domain="example.nl")))
    _send(server.port, _mail("Twee", "tweede vraag", msg_id=make_msgid(domain="example.nl")))
    ooo = _mail("Out of office", "ik ben er niet", msg_id=make_msgid(domain="example.nl"))
    ooo["Auto-Submitted"] = "auto-replied"
    _send(server.port, ooo)
    with ticket_store.reading() as session:
        assert session.query(Ticket).count() == 2  # the auto-reply opened nothing
        acks = session.scalars(select(OutboxEntry).where(OutboxEntry.kind == "auto_ack")).all()
        assert len(acks) == 1  # max_per_sender=1 in this fixture
