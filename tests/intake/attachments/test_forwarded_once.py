"""A forwarded mail's own attachments are read once: inside the .eml's rendition, not again beside it.

The mail parser lists only the outermost attached mail; the attachment path reads it recursively
(``intake.attachments.mail``): its documents as text, its images by OCR as text (an image inside a
forwarded mail is not kept as a picture), an identity document inside it as a line saying it was
removed. Through the real parser and the real pipeline with the real scrubber.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from intake.attachments import images, ocr, process
from intake.mail.parse import parse_email, to_inbound
from intake.pipeline import Intake
from models import Attachment
from tests.support import attachment_files as files
from tickets.store import TicketStore

needs_ocr = pytest.mark.skipif(not ocr.available("nld+eng"), reason="tesseract-ocr with nld and eng not installed")

SCREEN = ["Storingsmelding beheeromgeving", f"BSN: {files.BSN}", f"IBAN: {files.IBAN}", f"Website: {files.DOMAIN}"]


def forwarded(*parts: tuple[str, str, bytes]) -> bytes:
    inner = files.eml("Hierbij de factuur en een schermafdruk.", list(parts), subject="Factuur")
    return files.eml("Zie het doorgestuurde bericht.", [("Factuur.eml", "message/rfc822", inner)],
                     subject="Fwd: Factuur")


def counting(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[int]:
    calls: list[int] = []
    real: Callable[..., Any] = getattr(module, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)
    return calls


def stored(ticket_store: TicketStore, real_scrubber: Any, raw: bytes) -> list[Attachment]:
    out = Intake(ticket_store, real_scrubber).submit(to_inbound(parse_email(raw), raw))
    assert out.status == "stored" and out.message_id is not None
    with ticket_store.reading() as s:
        rows = list(s.scalars(select(Attachment).where(Attachment.message_id == out.message_id)))
        for row in rows:
            _ = (row.content, row.original)
        return rows


def test_the_parser_lists_only_the_outermost_attached_mail() -> None:
    raw = forwarded(("factuur.pdf", "application/pdf", files.pdf([files.LINES])),
                    ("scherm.png", "image/png", files.screenshot(SCREEN)))
    parsed = parse_email(raw)
    assert [a.filename for a in parsed.attachments] == ["Factuur.eml"]
    assert "Hierbij de factuur" in parsed.text  # the forwarded text is still inlined in the body


@needs_ocr
def test_each_part_of_a_forwarded_mail_is_read_once(
    ticket_store: TicketStore, real_scrubber: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = counting(monkeypatch, process, "extract_document")
    readings = counting(monkeypatch, images, "read_words")
    raw = forwarded(("factuur.pdf", "application/pdf", files.pdf([files.LINES])),
                    ("scherm.png", "image/png", files.screenshot(SCREEN)))
    rows = stored(ticket_store, real_scrubber, raw)
    assert len(documents) == 1 and len(readings) == 1
    assert [r.kind for r in rows] == ["mail"]
    text = (rows[0].content or b"").decode()
    assert "--- Attachment: factuur.pdf ---" in text and "--- Attachment: scherm.png ---" in text
    assert "Storingsmelding" in text and files.DOMAIN in text  # the screenshot's words, read by OCR
    assert "<IBAN_" in text and "<NATIONAL_ID_" in text
    for value in files.PLANTED:
        assert value not in text, value
    assert rows[0].redactions is not None and rows[0].redactions.get("IBAN", 0) >= 2
    assert rows[0].original is None and rows[0].note is not None and "OCR" in rows[0].note


@needs_ocr
def test_an_identity_document_inside_a_forwarded_mail_is_not_read_into_its_text(
    ticket_store: TicketStore, real_scrubber: Any
) -> None:
    rows = stored(ticket_store, real_scrubber, forwarded(("id.png", "image/png", files.passport())))
    assert [r.kind for r in rows] == ["mail"]
    text = (rows[0].content or b"").decode()
    assert "identity document removed on arrival" in text
    for line in files.MRZ:
        assert line not in text and line[:20] not in text
    assert "ERIKSSON" not in text
