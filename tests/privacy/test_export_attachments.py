"""The art. 15 export carries the attachments' scrubbed renditions and what is known about them (issue 17).

Through the real pipeline with the real scrubber: ``data.json`` has per attachment its detected type,
kind, per-type counts of what was removed, the note, and for a text rendition its scrubbed text; the ZIP
carries the renditions (scrubbed text, redacted image), never an original, never a planted value.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from intake.attachments import AttachmentPolicy, ocr
from intake.message import InboundAttachment, InboundMessage
from intake.pipeline import Intake, IntakeLimits
from models import Attachment, Channel, PrivacyRequest, Ticket
from privacy import export
from privacy.config import PrivacyStatement
from tests.support import attachment_files as files
from tickets.store import TicketStore

needs_ocr = pytest.mark.skipif(not ocr.available("nld+eng"), reason="tesseract-ocr with nld and eng not installed")


def _export(ticket_store: TicketStore, real_scrubber: Any, *atts: InboundAttachment) -> tuple[dict[str, Any], bytes]:
    # keep_original = "if_clean": a clean document's original is stored, and must still not be exported.
    limits = IntakeLimits(attachments=AttachmentPolicy(keep_original="if_clean"))
    out = Intake(ticket_store, real_scrubber, limits=limits).submit(InboundMessage(
        channel=Channel.EMAIL, external_id="exp@x", sender="klant@example.org", subject="Bijlagen",
        text="Zie de bijlagen.", attachments=atts))
    assert out.status == "stored" and out.ticket_id is not None
    with ticket_store.writing() as s:
        ticket = s.get(Ticket, out.ticket_id)
        assert ticket is not None
        req = PrivacyRequest(ticket_id=ticket.id, types=["access"], channel="email", requester_digest="d" * 64,
                             contact_id=ticket.contact_id, lang="nl", due_on=date.today(), first_due_on=date.today())
        s.add(req)
        s.flush()
        data = export.collect(s, req, PrivacyStatement())
        zipped = export.bundle(data, "nl", export.attachment_files(s, data))
    return data, zipped


def _attachments(data: dict[str, Any]) -> list[dict[str, Any]]:
    (ticket,) = data["tickets"]
    return [a for m in ticket["messages"] for a in m["attachments"]]


def test_documents_are_exported_as_scrubbed_text_with_their_metadata(
    ticket_store: TicketStore, real_scrubber: Any
) -> None:
    clean = files.pdf([["Het dashboard laadt niet sinds de update van dinsdag."]])
    data, zipped = _export(
        ticket_store, real_scrubber,
        InboundAttachment("brief.docx", "application/octet-stream", files.docx()),
        InboundAttachment("melding.pdf", "application/pdf", clean),
        InboundAttachment("export.dat", "application/octet-stream", b"\x00\x07" + files.BSN.encode() + b"\x00"),
    )
    docx, pdf, dat = _attachments(data)
    assert docx["kind"] == "document" and docx["detected_type"].endswith("wordprocessingml.document")
    assert docx["removed_on_arrival"]["NATIONAL_ID"] == 1 and docx["removed_on_arrival"]["IBAN"] == 1
    assert "<NATIONAL_ID_" in docx["text"] and files.CUSTOMER in docx["text"]
    assert docx["file"] is not None and docx["file"].endswith(".txt")
    assert pdf["kind"] == "document" and pdf["removed_on_arrival"] == {} and "dashboard" in pdf["text"]
    assert dat["kind"] == "other" and dat["text"] is None and dat["file"] is None
    assert dat["note"] is not None and "metadata only" in dat["note"] and dat["sha256"]
    with ticket_store.reading() as s:  # the clean PDF's original is stored, and stays out of the export
        assert s.scalar(select(Attachment.original).where(Attachment.filename == "melding.pdf")) == clean
    with zipfile.ZipFile(io.BytesIO(zipped)) as archive:
        names = archive.namelist()
        blob = b"".join(archive.read(n) for n in names)
        assert json.loads(archive.read("data.json")) == json.loads(json.dumps(data))
    assert docx["file"] in names and pdf["file"] in names
    assert clean not in blob and b"%PDF" not in blob
    for value in files.PLANTED:
        assert value.encode() not in blob, value


@needs_ocr
def test_a_redacted_image_is_exported_and_an_id_copy_is_only_named(
    ticket_store: TicketStore, real_scrubber: Any
) -> None:
    shot = files.screenshot()
    data, zipped = _export(
        ticket_store, real_scrubber,
        InboundAttachment("scherm.png", "image/png", shot),
        InboundAttachment("paspoort.png", "image/png", files.passport()),
    )
    image, passport = _attachments(data)
    assert image["kind"] == "image" and image["detected_type"] == "image/png" and image["text"] is None
    assert image["removed_on_arrival"].get("IBAN") == 1 and image["file"].endswith(".png")
    assert passport["kind"] == "identity" and passport["file"] is None and passport["text"] is None
    assert passport["note"] == "identity document removed on arrival"
    with zipfile.ZipFile(io.BytesIO(zipped)) as archive:
        exported = archive.read(image["file"])
        summary = archive.read("summary.html").decode()
    assert exported != shot and exported.startswith(b"\x89PNG")  # the redacted rendition, not the original
    assert "identity document removed on arrival" in summary
