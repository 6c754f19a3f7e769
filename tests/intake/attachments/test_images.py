"""Images: read by Tesseract, every stripped value painted over, identity documents not kept.

The images are drawn by the tests (Pillow with Debian fonts-dejavu) and read back with Tesseract:
what the redacted image still shows is what an agent (or anyone with the database) could read.
"""

from __future__ import annotations

import io
import logging

import pytest
from PIL import Image

from intake.attachments import AttachmentPolicy, images, ocr, process_attachment
from intake.attachments.images import is_identity_document
from intake.limits import ContentLimits
from intake.message import InboundAttachment
from tests.support import attachment_files as files

pytestmark = pytest.mark.skipif(not ocr.available("nld+eng"), reason="tesseract-ocr with nld and eng not installed")

LIMITS = ContentLimits(store_max=10 * 1024 * 1024, text_max=100_000, max_pixels=40_000_000, clean_seconds=5.0)


def read_back(data: bytes) -> str:
    return ocr.read_words(Image.open(io.BytesIO(data)), languages="nld+eng", seconds=60).text


def process(real_scrubber, data: bytes, name: str = "scherm.png", policy: AttachmentPolicy | None = None):  # type: ignore[no-untyped-def]
    return process_attachment(InboundAttachment(name, "application/octet-stream", data), LIMITS,
                              policy or AttachmentPolicy(), analyze=real_scrubber.analyze)


def test_a_screenshot_is_stored_with_every_planted_value_painted_over(real_scrubber, artifacts) -> None:  # type: ignore[no-untyped-def]
    original = files.screenshot()
    assert files.IBAN in read_back(original)  # the test image is readable to begin with
    got = process(real_scrubber, original)
    assert got.kind == "image" and got.content is not None and got.content_type == "image/png"
    (artifacts / "attachment_redacted_screenshot.png").write_bytes(got.content)
    seen = read_back(got.content)
    for value in (*files.PLANTED, files.NAME, files.ADDRESS):
        assert value not in seen, value
    assert files.CUSTOMER in seen and files.DOMAIN in seen  # kept values stay readable
    assert got.counts is not None and {"NATIONAL_ID", "IBAN", "PHONE_NUMBER", "EMAIL_ADDRESS"} <= set(got.counts)


def test_a_photo_loses_its_exif_and_gps(real_scrubber) -> None:  # type: ignore[no-untyped-def]
    got = process(real_scrubber, files.screenshot(fmt="JPEG", exif_gps=True), "foto.jpg")
    assert got.content is not None and got.content_type == "image/jpeg"
    with Image.open(io.BytesIO(got.content)) as stored:
        assert not stored.getexif() and "exif" not in stored.info
    assert files.NAME.encode() not in got.content


def test_a_passport_with_an_mrz_is_not_kept(real_scrubber) -> None:  # type: ignore[no-untyped-def]
    got = process(real_scrubber, files.passport(), "id.png")
    assert got.kind == "identity" and got.content is None and got.text is None
    assert got.note == "identity document removed on arrival"


@pytest.mark.parametrize(
    ("text", "identity"),
    [
        ("\n".join(files.MRZ), True),
        ("IDUTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6", True),
        ("RIJBEWIJS\nGeslachtsnaam: Jansen\nGeboortedatum 01.02.1980", True),
        ("Führerschein\nName Müller\nGeburtsdatum 01.02.1980", True),
        ("Mijn gegevens\nNaam: Jan\nIBAN NL91ABNA0417164300", False),  # a form, not an ID
        ("Uw paspoort is verlopen? Vraag een nieuwe aan.", False),  # the word alone is not enough
        ("ERROR<<<<<<<<<<<<<<<<<<<<<<<<<<< stack", False),  # one line of fillers is not an MRZ
    ],
)
def test_identity_documents_are_recognised_by_mrz_or_words(text: str, identity: bool) -> None:
    assert is_identity_document(text) is identity


def test_without_tesseract_images_keep_metadata_only_with_a_note_and_a_log_line(
    real_scrubber, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(images, "available", lambda languages: False)
    with caplog.at_level(logging.WARNING, logger="intake.attachments.images"):
        got = process(real_scrubber, files.screenshot())
    assert got.content is None and got.note == "image not kept: text recognition (Tesseract) is not installed"
    assert "Tesseract" in caplog.text and files.IBAN not in caplog.text
    assert len(got.sha256) == 64 and got.size > 0


def test_recognition_over_its_time_budget_keeps_metadata_only(real_scrubber) -> None:  # type: ignore[no-untyped-def]
    got = process(real_scrubber, files.screenshot(size=(1900, 1000)), policy=AttachmentPolicy(ocr_seconds=0.05))
    assert got.content is None and got.note is not None and "time limit" in got.note


def test_an_image_over_the_pixel_limit_is_not_decoded(real_scrubber) -> None:  # type: ignore[no-untyped-def]
    got = process_attachment(InboundAttachment("big.png", "image/png", files.screenshot()),
                             ContentLimits(10**7, 1000, max_pixels=1000, clean_seconds=5.0), AttachmentPolicy(),
                             analyze=real_scrubber.analyze)
    assert got.content is None and got.note is not None and "megapixels" in got.note


def test_a_scanned_pdf_is_read_by_ocr_and_only_its_text_kept(real_scrubber) -> None:  # type: ignore[no-untyped-def]
    data = files.scanned_pdf()
    got = process(real_scrubber, data, "scan.pdf")
    assert got.kind == "document" and got.content is None and got.scrub is not None
    assert files.IBAN in got.scrub and files.CUSTOMER in got.scrub  # the pipeline scrubs this text
    assert got.text is not None and got.text.endswith("[text read by OCR from the scanned pages]")
    assert not got.complete and got.original is None  # what OCR missed may be on the page: never kept


def test_a_scanned_pdf_over_the_pixel_limit_is_not_decoded(real_scrubber) -> None:  # type: ignore[no-untyped-def]
    got = process_attachment(InboundAttachment("scan.pdf", "application/pdf", files.scanned_pdf()),
                             ContentLimits(10**7, 10**5, max_pixels=1000, clean_seconds=5.0), AttachmentPolicy(),
                             analyze=real_scrubber.analyze)
    assert got.text is None and got.note == "a scanned page is larger than the pixel limit; content not kept"
