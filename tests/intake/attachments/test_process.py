"""One attachment through ``process_attachment``: what becomes text, what is kept, what the note says."""

from __future__ import annotations

import dataclasses
import gzip
import hashlib

from intake.attachments import AttachmentPolicy, process_attachment
from intake.limits import ContentLimits
from intake.message import InboundAttachment
from tests.support import attachment_files as files
from tests.support.fakes import FakeScrubber

LIMITS = ContentLimits(store_max=10 * 1024 * 1024, text_max=100_000, max_pixels=40_000_000, clean_seconds=5.0)
POLICY = AttachmentPolicy()


def process(data: bytes, name: str = "file", ctype: str = "application/octet-stream", **kw: object):  # type: ignore[no-untyped-def]
    limits = dataclasses.replace(LIMITS, **kw)  # type: ignore[arg-type]
    return process_attachment(InboundAttachment(name, ctype, data), limits, POLICY, analyze=FakeScrubber().analyze)


def test_a_pdf_sent_as_octet_stream_becomes_text_to_scrub_and_its_file_is_not_content() -> None:
    data = files.pdf([files.LINES])
    got = process(data, "scan.dat")
    assert got.detected_type == "application/pdf" and got.kind == "document"
    assert got.content is None and got.content_type == "text/plain; charset=utf-8"
    assert got.scrub is not None and files.BSN in got.scrub and got.text == got.scrub
    assert got.sha256 == hashlib.sha256(data).hexdigest() and got.size == len(data)
    assert got.complete and got.original == data  # a candidate only: the pipeline decides


def test_a_binary_file_keeps_metadata_only() -> None:
    data = b"\x00\x01" + files.BSN.encode() + b"\x00" * 20
    got = process(data, "dump.dat")
    assert got.kind == "other" and got.content is None and got.text is None and got.original is None
    assert got.note == "metadata only: application/octet-stream is not a type whose text can be read"


def test_an_archive_lists_names_and_sizes_and_keeps_nothing_inside() -> None:
    data = files.zip_archive({f"{files.NAME}/bsn {files.BSN}.txt": files.IBAN.encode(), "b.log": b"x" * 10})
    got = process(data, "stuff.zip", "application/zip")
    assert got.kind == "archive" and got.text is not None and got.content is None
    assert f"{files.NAME}/bsn {files.BSN}.txt  18 bytes" in got.text  # the name goes to the scrubber
    assert files.IBAN not in got.text and "ZIP archive, 2 entries:" in got.text


def test_archive_listing_is_bounded() -> None:
    data = files.zip_archive({f"f{i}.txt": b"" for i in range(300)})
    got = process(data, "many.zip")
    assert got.text is not None and "... and 100 more not listed" in got.text
    assert got.text.count("\n") == 201


def test_a_gzip_shows_its_name_and_size_without_inflating() -> None:
    data = gzip.compress(b"a" * 5000)
    got = process(data, "x.gz")
    assert got.text is not None and "5000 bytes" in got.text


def test_an_attached_mail_is_read_with_its_own_attachments() -> None:
    inner = files.eml("Zie bijlage.", [("brief.docx", "application/octet-stream", files.docx())])
    got = process(inner, "Fwd.eml", "message/rfc822")
    assert got.kind == "mail" and got.text is not None
    assert f"From: {files.NAME} <{files.EMAIL}>" in got.text
    assert "--- Attachment: brief.docx ---" in got.text and files.IBAN in got.text
    assert b"Content-Transfer-Encoding" not in got.text.encode()


def test_nested_mails_stop_at_the_depth_limit() -> None:
    # The deepest mail's own attachment holds the value (the body parser may inline forwarded bodies).
    data = files.eml("bodem", [("brief.docx", "application/octet-stream", files.docx())])
    for level in range(6):
        data = files.eml(f"laag {level}", [(f"fwd{level}.eml", "message/rfc822", data)])
    got = process(data, "deep.eml", "message/rfc822")
    assert got.text is not None and "not read: nested too deep" in got.text and files.IBAN not in got.text


def test_a_mail_inside_a_mail_with_an_image_says_so_without_content() -> None:
    data = files.eml("foto", [("x.bin", "application/octet-stream", b"\x00\x01\x02" * 10)])
    got = process(data, "a.eml", "message/rfc822")
    assert got.text is not None and "[application/octet-stream, 30 bytes: content not kept]" in got.text


def test_an_unreadable_document_keeps_metadata_with_the_reason() -> None:
    got = process(b"%PDF-1.4\nnot really", "x.pdf")
    assert got.kind == "document" and got.text is None and got.content is None
    assert got.note == "the PDF file could not be read; content not kept"


def test_a_capped_document_is_not_complete_and_its_original_is_not_offered() -> None:
    got = process(files.pdf([files.LINES, ["twee"]]), "x.pdf", text_max=30)
    assert not got.complete and got.original is None and got.note is not None


def test_no_text_budget_left_keeps_metadata_only() -> None:
    got = process(files.docx(), "x.docx", text_max=0)
    assert got.text is None and got.note == "the message's text limit is reached; content not kept"


def test_a_scan_without_text_says_so() -> None:
    got = process(files.pdf([[]]), "scan.pdf")
    assert got.text is not None and "no text found in the document" in got.text and not got.complete


def test_a_text_file_declared_as_image_is_still_text() -> None:
    got = process(f"BSN {files.BSN}".encode(), "photo.jpg", "image/jpeg")
    assert got.kind == "text" and got.scrub == f"BSN {files.BSN}"
