"""Text out of each document format, within pages, characters, container sizes and time."""

from __future__ import annotations

import io
import zipfile

import pytest

from intake.attachments.detect import detect
from intake.attachments.documents import Unreadable, extract_document
from tests.support import attachment_files as files


def read(data: bytes, **kw: object) -> str:
    options: dict = {"max_chars": 100_000, "max_pages": 50, "seconds": 10.0, **kw}
    return extract_document(data, detect(data).mime, **options).text


@pytest.mark.parametrize("make", [files.docx, files.pptx, files.odt, files.rtf, lambda: files.pdf([files.LINES])])
def test_every_planted_value_is_in_the_extracted_text(make) -> None:  # type: ignore[no-untyped-def]
    text = read(make())
    for value in (*files.PLANTED, files.CUSTOMER, files.DOMAIN):
        assert value in text


def test_docx_footer_is_read() -> None:
    assert f"{files.NAME}, {files.ADDRESS}" in read(files.docx())


def test_spreadsheet_cells_in_rows_numbers_too() -> None:
    text = read(files.xlsx())
    assert f"{files.NAME}\t{files.BSN}\t{files.IBAN}\t{files.CUSTOMER}" in text.splitlines()
    assert f"{files.NAME}\t{files.IBAN}" in read(files.ods()).splitlines()


def test_pdf_pages_beyond_the_cap_are_not_read() -> None:
    data = files.pdf([["eerste pagina"], ["tweede pagina"], [f"derde {files.IBAN}"]])
    got = extract_document(data, "application/pdf", max_chars=10_000, max_pages=2, seconds=10)
    assert "tweede pagina" in got.text and files.IBAN not in got.text
    assert got.note == "text of the first 2 of 3 pages kept"


def test_characters_beyond_the_cap_are_not_read() -> None:
    got = extract_document(files.docx(["a" * 50, "b" * 50]), detect(files.docx()).mime,
                           max_chars=60, max_pages=5, seconds=10)
    assert len(got.text) <= 61 and "b" * 11 not in got.text and got.note == "text cut at 60 characters"


def test_a_part_that_expands_too_far_is_refused_before_reading() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<w/>" + b" " * 20_000_000)  # compresses > 200:1
    with pytest.raises(Unreadable, match="expands beyond"):
        read(out.getvalue())


def test_xml_entities_are_not_expanded() -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "AAAAAAAAAA">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            b"<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", bomb)
    assert "AAAAAAAAAA" not in read(out.getvalue())


def test_a_broken_pdf_is_unreadable_with_a_reason_that_names_no_content() -> None:
    with pytest.raises(Unreadable) as info:
        extract_document(b"%PDF-1.4\n" + files.BSN.encode() + b" garbage", "application/pdf",
                         max_chars=100, max_pages=2, seconds=5)
    assert files.BSN not in str(info.value)


def test_time_budget_stops_reading() -> None:
    data = files.pdf([["pagina"]] * 5)
    with pytest.raises(Unreadable, match="time limit"):
        extract_document(data, "application/pdf", max_chars=10_000, max_pages=10, seconds=-1)
