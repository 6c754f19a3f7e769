"""Attachments through ``Intake.submit`` on a real store with the real scrubber: nothing planted is kept."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.config import Settings
from intake.attachments import AttachmentPolicy, ocr
from intake.message import InboundAttachment, InboundMessage
from intake.pipeline import Intake, IntakeLimits
from models import Attachment, Channel
from tests.support import attachment_files as files
from tickets.store import TicketStore

FORBIDDEN = (files.BSN, files.IBAN, files.PASSWORD, files.PHONE, files.EMAIL)


def submit(intake: Intake, *atts: InboundAttachment, external_id: str = "att@x") -> int:
    out = intake.submit(InboundMessage(channel=Channel.EMAIL, external_id=external_id, sender="klant@example.org",
                                       subject="Bijlagen", text="Zie de bijlagen.", attachments=atts))
    assert out.status == "stored" and out.message_id is not None
    return out.message_id


def rows(ticket_store: TicketStore, message_id: int) -> list[Attachment]:
    with ticket_store.reading() as s:
        found = list(s.scalars(select(Attachment).where(Attachment.message_id == message_id).order_by(Attachment.id)))
        for row in found:  # load the deferred columns inside the session
            _ = (row.content, row.original)
        return found


def test_documents_are_kept_as_scrubbed_text_only(ticket_store: TicketStore, real_scrubber) -> None:  # type: ignore[no-untyped-def]
    intake = Intake(ticket_store, real_scrubber)
    inner = files.eml("Doorgestuurd.", [("brief.docx", "application/octet-stream", files.docx())])
    message_id = submit(
        intake,
        InboundAttachment(f"factuur {files.NAME}.pdf", "application/octet-stream", files.pdf([files.LINES])),
        InboundAttachment("brief.docx", "application/msword", files.docx()),
        InboundAttachment("lijst.xlsx", "application/octet-stream", files.xlsx()),
        InboundAttachment("export.dat", "application/octet-stream", b"\x00\x07" + files.BSN.encode() + b"\x00"),
        InboundAttachment("map.zip", "application/zip", files.zip_archive({f"bsn {files.BSN}.txt": b"x"})),
        InboundAttachment("Fwd.eml", "message/rfc822", inner),
    )
    stored = rows(ticket_store, message_id)
    assert [r.kind for r in stored] == ["document", "document", "document", "other", "archive", "mail"]
    assert stored[0].detected_type == "application/pdf" and stored[0].filename == "factuur <PERSON_1>.pdf"
    for row in stored:
        blob = (row.content or b"") + (row.filename or "").encode() + (row.note or "").encode()
        for value in FORBIDDEN:
            assert value.encode() not in blob, (row.kind, value)
        assert row.original is None  # keep_original = "never"
    pdf = stored[0]
    assert pdf.content is not None and pdf.content_type == "text/plain; charset=utf-8"
    assert files.CUSTOMER.encode() in pdf.content and files.DOMAIN.encode() in pdf.content  # kept values
    assert pdf.redactions == {"NATIONAL_ID": 1, "IBAN": 1, "CREDENTIAL": 1, "PHONE_NUMBER": 1, "EMAIL_ADDRESS": 1}
    assert stored[3].content is None and stored[3].note is not None and "metadata only" in stored[3].note
    assert stored[3].size == 12 and len(stored[3].sha256) == 64
    assert stored[5].content is not None and b"<IBAN_" in stored[5].content  # the .eml's own .docx, scrubbed


@pytest.mark.parametrize("policy", ["never", "if_clean"])
def test_keep_original_if_clean_keeps_only_documents_with_nothing_found(
    ticket_store: TicketStore, real_scrubber, policy: str  # type: ignore[no-untyped-def]
) -> None:
    limits = IntakeLimits(attachments=AttachmentPolicy(keep_original=policy))  # type: ignore[arg-type]
    intake = Intake(ticket_store, real_scrubber, limits=limits)
    clean = files.pdf([["Het dashboard laadt niet sinds de update van dinsdag."]])
    message_id = submit(
        intake,
        InboundAttachment("melding.pdf", "application/pdf", clean),
        InboundAttachment("brief.docx", "application/octet-stream", files.docx()),
    )
    stored = rows(ticket_store, message_id)
    assert stored[0].original == (clean if policy == "if_clean" else None)
    assert stored[1].original is None  # values were found in it


def test_the_attachments_section_reaches_the_pipeline() -> None:
    settings = Settings(attachments={"keep_original": "if_clean", "max_pages": 7, "ocr_seconds": 4})  # type: ignore[arg-type]
    policy = settings.intake.limits().attachments
    assert policy.keep_original == "if_clean" and policy.max_pages == 7 and policy.ocr_seconds == 4
    assert Settings().intake.limits().attachments == AttachmentPolicy()


@pytest.mark.skipif(not ocr.available("nld+eng"), reason="tesseract-ocr with nld and eng not installed")
def test_images_are_stored_redacted_and_id_copies_not_at_all(ticket_store: TicketStore, real_scrubber) -> None:  # type: ignore[no-untyped-def]
    intake = Intake(ticket_store, real_scrubber)
    message_id = submit(
        intake,
        InboundAttachment("scherm.png", "image/png", files.screenshot()),
        InboundAttachment(f"paspoort {files.NAME}.png", "image/png", files.passport()),
    )
    screen, passport = rows(ticket_store, message_id)
    assert screen.kind == "image" and screen.content is not None and screen.content_type == "image/png"
    assert screen.redactions is not None and screen.redactions.get("IBAN") == 1
    assert passport.kind == "identity" and passport.content is None and not passport.stored
    assert passport.note == "identity document removed on arrival" and files.NAME not in (passport.filename or "")
