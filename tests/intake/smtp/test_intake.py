"""The SMTP intake end to end: smtplib -> aiosmtpd on loopback -> parse -> real scrubber -> store."""

from __future__ import annotations

import smtplib
from collections.abc import Iterator
from email.message import EmailMessage
from email.utils import make_msgid

import pytest
from sqlalchemy import func, select

from intake.errors import TransientError
from intake.message import InboundMessage
from intake.pipeline import Intake, SubmitOutcome
from intake.smtp import SmtpSettings
from models import Message, Ticket, ticket_number
from tests.intake.smtp.harness import ThreadedSmtp
from tests.support.paths import FIXTURES
from tickets.store import TicketStore, mail_key

FIXTURES = FIXTURES / "mail"
SUPPORT = "support@dommelhost.test"


@pytest.fixture
def intake(ticket_store: TicketStore, real_scrubber) -> Intake:  # type: ignore[no-untyped-def]
    return Intake(ticket_store, real_scrubber)


@pytest.fixture
def server(intake: Intake) -> Iterator[ThreadedSmtp]:
    settings = SmtpSettings(accept=(SUPPORT, "@helpdesk.test"), max_message_bytes=2 * 1024 * 1024)
    with ThreadedSmtp(intake, settings) as srv:
        yield srv


def send(port: int, raw: bytes | EmailMessage, *, sender: str = "klant@example.nl",
         rcpt: str = SUPPORT) -> dict[str, tuple[int, bytes]]:
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
        if isinstance(raw, EmailMessage):
            return client.send_message(raw, from_addr=sender, to_addrs=[rcpt])
        return client.sendmail(sender, [rcpt], raw)


def messages(ticket_store: TicketStore) -> list[Message]:
    with ticket_store.reading() as s:
        return list(s.scalars(select(Message).order_by(Message.id)))


def plain(body: str, *, subject: str = "Inloggen lukt niet", sender: str = "Marieke <klant@example.nl>",
          **headers: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, SUPPORT, subject
    msg["Message-ID"] = make_msgid(domain="example.nl")
    for name, value in headers.items():
        msg[name.replace("_", "-")] = value
    msg.set_content(body)
    return msg


def test_plain_mail_becomes_a_scrubbed_ticket(server: ThreadedSmtp, ticket_store: TicketStore) -> None:
    msg = plain("Goedemiddag,\n\nMijn BSN is 111222333 en mijn IBAN NL91 ABNA 0417 1643 00.\n"
                "Bel me op 06-41827395.\n\nMet vriendelijke groet,\nMarieke Hoogendoorn\n")
    assert send(server.port, msg) == {}
    [stored] = messages(ticket_store)
    for value in ("111222333", "NL91 ABNA 0417 1643 00", "06-41827395", "Hoogendoorn"):
        assert value not in stored.text
    assert {"NATIONAL_ID", "IBAN", "PHONE_NUMBER"} <= set(stored.redactions)
    assert stored.external_id == mail_key(msg["Message-ID"]) and stored.mail_ref == msg["Message-ID"].strip("<>")


def test_unknown_recipient_is_refused_at_rcpt(server: ThreadedSmtp, ticket_store: TicketStore) -> None:
    with pytest.raises(smtplib.SMTPRecipientsRefused) as err:
        send(server.port, plain("hallo"), rcpt="someone@elsewhere.test")
    assert err.value.recipients["someone@elsewhere.test"][0] == 550
    # A whole accepted domain works.
    assert send(server.port, plain("hallo"), rcpt="billing@helpdesk.test") == {}
    assert len(messages(ticket_store)) == 1


def test_message_over_the_size_limit_gets_552(server: ThreadedSmtp, ticket_store: TicketStore) -> None:
    big = plain("x" * 100 + "\n" + ("0123456789" * 7 + "\n") * 40000)  # ~2.8 MB against a 2 MB limit
    with pytest.raises((smtplib.SMTPDataError, smtplib.SMTPSenderRefused)) as err:
        send(server.port, big)
    assert err.value.smtp_code == 552
    assert messages(ticket_store) == []


def test_twenty_megabyte_message_is_refused_without_storing(intake: Intake, ticket_store: TicketStore) -> None:
    with ThreadedSmtp(intake, SmtpSettings(accept=(SUPPORT,), max_message_bytes=10 * 1024 * 1024)) as srv:
        raw = b"From: a@example.nl\r\nSubject: big\r\n\r\n" + (b"A" * 998 + b"\r\n") * 21000
        with pytest.raises((smtplib.SMTPDataError, smtplib.SMTPSenderRefused)) as err:
            send(srv.port, raw)
        assert err.value.smtp_code == 552
    assert messages(ticket_store) == []


def test_retry_of_a_stored_message_is_acknowledged_once(server: ThreadedSmtp, ticket_store: TicketStore) -> None:
    msg = plain("Dubbel verstuurd")
    send(server.port, msg)
    send(server.port, msg)
    no_id = b"From: a@example.nl\r\nTo: support@dommelhost.test\r\nSubject: zonder id\r\n\r\nGeen Message-ID\r\n"
    send(server.port, no_id)
    send(server.port, no_id)
    assert len(messages(ticket_store)) == 2


def test_reply_threads_and_strangers_tag_does_not(server: ThreadedSmtp, ticket_store: TicketStore) -> None:
    first = plain("Mijn website is traag.")
    send(server.port, first)
    [m1] = messages(ticket_store)
    number = ticket_number(m1.ticket_id)
    reply = plain("Nog steeds traag.", subject=f"Re: [#{number}] Inloggen lukt niet",
                  In_Reply_To=first["Message-ID"], References=first["Message-ID"])
    send(server.port, reply)
    stranger = plain("Ik wil meelezen.", subject=f"Re: [#{number}] Inloggen lukt niet",
                     sender="Vreemde <vreemde@example.net>")
    send(server.port, stranger, sender="vreemde@example.net")
    m1, m2, m3 = messages(ticket_store)
    assert m2.ticket_id == m1.ticket_id
    assert m3.ticket_id != m1.ticket_id


def test_out_of_office_opens_nothing(server: ThreadedSmtp, ticket_store: TicketStore) -> None:
    send(server.port, plain("Ik ben tot maandag afwezig.", subject="Afwezig", Auto_Submitted="auto-replied"))
    send(server.port, plain("Nieuwsbrief", Precedence="bulk"))
    assert messages(ticket_store) == []


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.eml")) if FIXTURES.exists() else [])
def test_every_fixture_is_accepted_and_never_crashes(name: str, server: ThreadedSmtp,
                                                      ticket_store: TicketStore) -> None:
    raw = (FIXTURES / name).read_bytes()
    reply = send(server.port, raw, sender="fixture@example.nl")
    assert reply == {}


def test_store_failure_answers_451_and_keeps_nothing(ticket_store: TicketStore) -> None:
    class DownIntake:
        def submit(self, msg: InboundMessage) -> SubmitOutcome:
            raise TransientError("database is locked")

    with ThreadedSmtp(DownIntake(), SmtpSettings(accept=(SUPPORT,))) as srv:  # type: ignore[arg-type]
        with pytest.raises(smtplib.SMTPDataError) as err:
            send(srv.port, plain("later"))
        assert err.value.smtp_code == 451


def test_html_only_and_legacy_charset(server: ThreadedSmtp, ticket_store: TicketStore) -> None:
    html = (b"From: a@example.nl\r\nTo: support@dommelhost.test\r\nSubject: html\r\nMessage-ID: <h1@x>\r\n"
            b"MIME-Version: 1.0\r\nContent-Type: text/html; charset=iso-8859-1\r\n\r\n"
            b"<html><body><p>Caf\xe9 <b>De Boer</b> is offline.</p><script>x()</script></body></html>\r\n")
    send(server.port, html)
    [stored] = messages(ticket_store)
    assert "Café" in stored.text and "<b>" not in stored.text and "x()" not in stored.text
    with ticket_store.reading() as s:
        assert s.scalar(select(func.count()).select_from(Ticket)) == 1
