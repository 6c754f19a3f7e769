"""Issue 15, finding 11: control characters never reach a header-bound field, whatever the channel.

A web-form subject with control characters was stored as it came and made every e-mail reply on the
ticket fail (a subject ends up in a header of our reply; RFC 5322 section 2.2 allows no CR/LF or other
controls there). Subjects, sender names and attachment file names are cleaned when an
``InboundMessage`` is made; file names also lose bidi overrides and zero-width characters.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from intake import generic_webhook, webform
from intake.mail.parse import parse_email, to_inbound
from intake.message import InboundAttachment, InboundMessage
from intake.pipeline import Intake
from models import Attachment, Channel, Message, Ticket
from tests.support.fakes import FakeScrubber
from tickets.store import TicketStore

CONTROLS = "Site\x00 stuk\r\nBcc: x@evil.example\x07\x1b[31m\x7f\x85\x9b\ttab\u2028regel"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (CONTROLS, "Site stuk Bcc: x@evil.example[31m tab regel"),
        ("Inloggen lukt niet 😀 — café ✓", "Inloggen lukt niet 😀 — café ✓"),
        ("  a\r\n\r\n b  ", "a b"),
        ("\x00\x01", ""),
    ],
)
def test_header_text(raw: str, clean: str) -> None:
    from intake.sanitize import clean_header_text

    assert clean_header_text(raw) == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("invoice\u202efdp.exe", "invoicefdp.exe"),
        ("fac\u200btuur\u200d.pdf", "factuur.pdf"),
        ("\u2066scan\u2069\u200e.png", "scan.png"),
        ("rapport\r\n.pdf", "rapport .pdf"),
        ("foto 😀.jpg", "foto 😀.jpg"),
        ("über\x00.txt", "über.txt"),
    ],
)
def test_filename(raw: str, clean: str) -> None:
    from intake.sanitize import clean_filename

    assert clean_filename(raw) == clean


def test_inbound_message_cleans_its_header_fields_on_creation() -> None:
    msg = InboundMessage(
        channel=Channel.WEBHOOK, external_id="x:1", sender="x:1", text="regel 1\nregel 2\x85",
        subject=CONTROLS, sender_name="Jan\r\nde Vries\x00",
        attachments=(InboundAttachment("invoice\u202efdp.exe", "application/octet-stream", b"MZ"),),
    )
    assert msg.subject == "Site stuk Bcc: x@evil.example[31m tab regel"
    assert msg.sender_name == "Jan de Vries"
    assert msg.attachments[0].filename == "invoicefdp.exe"
    assert msg.text == "regel 1\nregel 2\x85"  # the body keeps its lines; only header-bound fields fold


def test_every_channel_gets_clean_fields() -> None:
    form, errors = webform.validate_form({"name": "Jan\x1b", "email": "jan@example.nl", "subject": CONTROLS,
                                          "message": "hallo"})
    assert form is not None, errors
    msg = webform.to_inbound(form, "n1")
    assert msg.subject == "Site stuk Bcc: x@evil.example[31m tab regel" and msg.sender_name == "Jan"
    hook = generic_webhook.parse({"external_id": "1", "sender": "s", "text": "t", "subject": "a\x07b\u0085c"},
                                 "signal")
    assert hook.subject == "ab c"
    raw = b"From: =?utf-8?q?Jan_de=09Vries=07?= <jan@example.nl>\r\nSubject: =?utf-8?q?a=0D=0Ab=07c?=\r\n\r\nhoi\r\n"
    mail = to_inbound(parse_email(raw), raw)
    assert mail.subject == "a bc" and mail.sender_name == "Jan de Vries"


def test_stored_subject_has_no_control_characters(ticket_store: TicketStore) -> None:
    msg = InboundMessage(channel=Channel.WEBFORM, external_id="form:1", sender="jan@example.nl", text="hallo",
                         subject=CONTROLS,
                         attachments=(InboundAttachment("invoice\u202efdp.exe", "application/octet-stream", b"MZ"),))
    out = Intake(ticket_store, FakeScrubber()).submit(msg)
    with ticket_store.reading() as s:
        ticket = s.get(Ticket, out.ticket_id)
        stored = s.get(Message, out.message_id)
        assert ticket is not None and stored is not None
        for value in (ticket.subject, stored.subject or ""):
            assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in value), value
        name = s.scalar(select(Attachment.filename).where(Attachment.message_id == out.message_id))
        assert name == "invoicefdp.exe"
