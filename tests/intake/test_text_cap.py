"""Issue 15, finding 14: the text that is scrubbed is capped, so one message cannot hold a worker.

A 4 MB text body tied up an intake worker for 28 s (the scrubber's time is linear in the text). The
body, each text attachment and the subject are now cut at a line or word boundary; a note in the
stored text says how much was left out, and what was left out is never stored.
"""

from __future__ import annotations

import re

from sqlalchemy import select

from intake.message import InboundAttachment, InboundMessage
from intake.pipeline import Intake, IntakeLimits
from models import Attachment, Channel, Message, Ticket
from tests.support.fakes import FakeScrubber
from tickets.store import TicketStore

LINE = "Hallo, mijn website doet het niet meer sinds gisteren. Groet, Jan de Vries 06-12345678\n"
TAIL = "LAATSTE REGEL met BSN 111222333 en wachtwoord Zomer2024!"
NOTE = re.compile(r"\[\.\.\. (\d+\.\d) MB niet bewaard / not kept: message too long\]$")


def test_cap_cuts_at_a_line_boundary_and_says_how_much_was_left_out() -> None:
    from intake.textcap import cap_text

    text = "een twee drie\nvier vijf zes\nzeven acht negen"
    capped = cap_text(text, 20, what="message")
    assert capped.kept == "een twee drie\n"
    assert capped.left_out == len(text.encode()) - len("een twee drie\n")
    assert capped.note is not None and "niet bewaard / not kept: message too long" in capped.note
    assert cap_text(text, 1000, what="message").note is None


def test_cap_cuts_at_a_word_when_there_is_no_line_break() -> None:
    from intake.textcap import cap_text

    capped = cap_text("woord " * 100, 50, what="message")
    assert capped.kept.endswith("woord ") and len(capped.kept) <= 50


def test_four_megabyte_body_is_capped_with_the_real_scrubber(ticket_store: TicketStore, real_scrubber) -> None:  # type: ignore[no-untyped-def]
    body = LINE * (4_000_000 // len(LINE)) + TAIL
    msg = InboundMessage(channel=Channel.EMAIL, external_id="big@x", sender="a@example.nl", text=body,
                         subject="Website stuk")
    out = Intake(ticket_store, real_scrubber).submit(msg)
    assert out.status == "stored"
    with ticket_store.reading() as s:
        stored = s.get(Message, out.message_id)
        assert stored is not None
        text = stored.text
    kept, _, note = text.rpartition("\n\n")
    match = NOTE.search(note)
    assert match is not None, note
    assert float(match.group(1)) >= 2.9  # about 3 MB of the 4 MB left out
    assert "LAATSTE REGEL" not in text and "111222333" not in text and "Zomer2024" not in text
    # The lines of at most the default cap (1,000,000 characters of input; placeholders change the
    # length of a line, not the number of lines) plus the note.
    lines = kept.count("\n") + 1
    assert 0.9 * 1_000_000 / len(LINE) <= lines <= 1_000_000 / len(LINE)
    assert kept.endswith("\n") or kept.endswith(">")  # cut at a line end, not mid-word
    assert "Jan de Vries" not in kept  # still scrubbed


def test_text_attachment_is_capped_not_dropped(ticket_store: TicketStore) -> None:
    log = ("2024-03-01 12:00:00 login ok voor jan@example.com\n" * 60_000).encode()  # about 3 MB
    msg = InboundMessage(channel=Channel.EMAIL, external_id="log@x", sender="a@example.nl", text="zie log",
                         subject="log", attachments=(InboundAttachment("server.log", "text/plain", log),))
    limits = IntakeLimits(text_attachment_scrub_max=100_000)
    out = Intake(ticket_store, FakeScrubber(), limits=limits).submit(msg)
    with ticket_store.reading() as s:
        row = s.scalars(select(Attachment).where(Attachment.message_id == out.message_id)).one()
        content = (row.content or b"").decode()
    assert "jan@example.com" not in content and "<EMAIL_ADDRESS_1>" in content
    kept, _, note = content.rpartition("\n\n")
    line_length = len(log) // 60_000
    assert 0.9 * 100_000 / line_length <= kept.count("\n") + 1 <= 100_000 / line_length
    assert "niet bewaard / not kept: attachment too long" in note
    assert row.size == len(log)


def test_subject_is_capped(ticket_store: TicketStore) -> None:
    subject = "woord " * 2000
    msg = InboundMessage(channel=Channel.WEBFORM, external_id="form:s", sender="a@example.nl", text="hallo",
                         subject=subject)
    out = Intake(ticket_store, FakeScrubber()).submit(msg)
    with ticket_store.reading() as s:
        stored = s.get(Message, out.message_id)
        ticket = s.get(Ticket, out.ticket_id)
        assert stored is not None and ticket is not None
        assert stored.subject is not None and len(stored.subject) <= 1010
        assert stored.subject.endswith("…")


def test_the_limits_come_from_the_intake_settings() -> None:
    from app.config import IntakeConfig

    assert IntakeConfig().limits() == IntakeLimits()  # one set of defaults
    configured = IntakeConfig(text_scrub_max=10, subject_max_chars=20, image_max_pixels=30).limits()
    assert (configured.text_scrub_max, configured.subject_max_chars, configured.image_max_pixels) == (10, 20, 30)


def test_html_is_converted_only_up_to_its_cap(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from intake.mail import body

    monkeypatch.setattr(body, "MAX_HTML_CHARS", 1000)
    text = body.html_to_text("<p>regel</p>\n" * 1000)
    assert 60 <= text.count("regel") <= 1000 // len("<p>regel</p>\n")
    assert text.endswith("niet bewaard / not kept: HTML too long]")


def test_a_huge_text_attachment_is_decoded_only_from_its_start() -> None:
    from intake.mail.attachments import capped_attachment_text

    data = ("één regel zonder einde " * 200_000).encode()  # 5 MB on one line, multi-byte characters
    capped = capped_attachment_text(InboundAttachment("a.txt", "text/plain", data), 1000)
    assert capped is not None and capped.note is not None
    assert len(capped.kept) <= 1000 and "\ufffd" not in capped.kept  # no character cut in two
    assert capped.left_out == len(data) - len(capped.kept.encode()) and "5.0 MB" in capped.note
