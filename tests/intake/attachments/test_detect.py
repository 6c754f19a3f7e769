"""The type comes from the bytes: a declared type or an extension that lies changes nothing."""

from __future__ import annotations

import gzip
import io
import tarfile

import pytest

from intake.attachments.detect import detect
from tests.support import attachment_files as files


@pytest.mark.parametrize(
    ("make", "mime", "kind"),
    [
        (lambda: files.pdf([files.LINES]), "application/pdf", "document"),
        (files.docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "document"),
        (files.xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "document"),
        (files.pptx, "application/vnd.openxmlformats-officedocument.presentationml.presentation", "document"),
        (files.odt, "application/vnd.oasis.opendocument.text", "document"),
        (files.ods, "application/vnd.oasis.opendocument.spreadsheet", "document"),
        (files.rtf, "application/rtf", "document"),
        (lambda: files.zip_archive({"a.txt": b"x"}), "application/zip", "archive"),
        (lambda: gzip.compress(b"log line\n"), "application/gzip", "archive"),
        (lambda: files.eml("Hallo"), "message/rfc822", "mail"),
        (lambda: b"<!DOCTYPE html><html><body>Hoi</body></html>", "text/html", "html"),
        (lambda: b'{"bsn": "111222333"}', "application/json", "text"),
        (lambda: b"naam;iban\nJan;NL91ABNA0417164300\n", "text/plain", "text"),
        (lambda: b"\x00\x01\x02binary\x00" * 10, "application/octet-stream", "other"),
    ],
)
def test_types_from_bytes_whatever_was_declared(make, mime: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    found = detect(make(), "image/jpeg", "holiday.jpg")  # the declared type and name lie
    assert (found.mime, found.kind) == (mime, kind)


def test_a_tar_archive_is_an_archive() -> None:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w") as tf:
        info = tarfile.TarInfo("logs/app.log")
        info.size = 3
        tf.addfile(info, io.BytesIO(b"abc"))
    assert detect(out.getvalue()).kind == "archive"


def test_a_png_is_an_image_even_as_octet_stream() -> None:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 4)).save(out, "PNG")
    found = detect(out.getvalue(), "application/octet-stream", "data.dat")
    assert (found.mime, found.kind) == ("image/png", "image")


def test_a_zip_named_docx_without_office_parts_is_an_archive() -> None:
    assert detect(files.zip_archive({"word.txt": b"x"}), "", "brief.docx").kind == "archive"
