"""Text out of documents (PDF, DOCX/XLSX/PPTX, ODT/ODS/ODP, RTF), so the scrubber can read it.

What a customer attaches as a PDF invoice or a Word letter holds the same BSNs, IBANs and passwords
a body does (issue 17: all three were found verbatim in stored PDFs and DOCX files). Only the text
matters to an agent and only text can be scrubbed, so the text is extracted and the file itself is
not kept (``[attachments] keep_original``).

Documents are hostile input: a ZIP container may expand a thousandfold, a PDF may have ten thousand
pages. Every read is bounded: pages (``max_pages``), characters (``max_chars``), bytes expanded
from a container entry (``_ENTRY_MAX``, and a compression-ratio check before reading), and a
deadline checked between pages and entries. XML is parsed without entity expansion or network
access (the "billion laughs" and XXE attacks, OWASP XXE Prevention Cheat Sheet).
"""

from __future__ import annotations

import io
import logging
import re
import time
import zipfile
from dataclasses import dataclass

from lxml import etree

log = logging.getLogger(__name__)

# Bytes one container entry may expand to, and the largest compression ratio believed (a zip bomb's
# ratio is in the thousands; XML of office documents compresses about 10:1).
_ENTRY_MAX = 64 * 1024 * 1024
_RATIO_MAX = 200
_RTF_MAX = 32 * 1024 * 1024

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


class Unreadable(Exception):
    """The document could not be read within its limits; the reason names limits or formats only."""


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    note: str | None = None  # what was left out (pages, characters), never content


class _Limits:
    def __init__(self, max_chars: int, max_pages: int, seconds: float) -> None:
        self.max_chars = max_chars
        self.max_pages = max_pages
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.parts: list[str] = []
        self.chars = 0

    def add(self, text: str) -> bool:
        """Append ``text``; False when the character cap is reached (stop reading)."""
        room = self.max_chars - self.chars
        self.parts.append(text[: max(room, 0)])
        self.chars += min(len(text), max(room, 0))
        return self.chars < self.max_chars

    def check(self) -> None:
        if time.monotonic() > self.deadline:
            raise Unreadable(f"reading took longer than {self.seconds:g} s (time limit)")

    def result(self, note: str | None = None) -> Extracted:
        text = "\n".join(p for p in self.parts if p)
        if self.chars >= self.max_chars:
            note = note or f"text cut at {self.max_chars} characters"
        return Extracted(text, note)


def extract_document(data: bytes, mime: str, *, max_chars: int, max_pages: int, seconds: float) -> Extracted:
    """The text of a document of type ``mime`` (as ``intake.attachments.detect`` found it)."""
    limits = _Limits(max_chars, max_pages, seconds)
    try:
        if mime == "application/pdf":
            return _pdf(data, limits)
        if mime == "application/rtf":
            return _rtf(data, limits)
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if mime.endswith("wordprocessingml.document"):
                return _docx(zf, limits)
            if mime.endswith("spreadsheetml.sheet"):
                return _xlsx(zf, limits)
            if mime.endswith("presentationml.presentation"):
                return _pptx(zf, limits)
            if mime.startswith("application/vnd.oasis.opendocument."):
                return _odf(zf, limits, spreadsheet=mime.endswith(".spreadsheet"))
    except Unreadable:
        raise
    except Exception as exc:  # parsers raise many types on hostile input; the type only is logged
        log.info("document unreadable (%s): %s", mime, type(exc).__name__)
        raise Unreadable(f"the {_short(mime)} file could not be read") from exc
    raise Unreadable(f"no text reader for {mime}")


def _short(mime: str) -> str:
    names = {"pdf": "PDF", "rtf": "RTF", "wordprocessingml": "Word", "spreadsheetml": "spreadsheet",
             "presentationml": "presentation", "opendocument": "OpenDocument"}
    return next((v for k, v in names.items() if k in mime), "document")


def _pdf(data: bytes, limits: _Limits) -> Extracted:
    from pypdf import PdfReader  # imported on use: most messages carry no PDF

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        raise Unreadable("the PDF is password-protected")
    pages = len(reader.pages)
    for index, page in enumerate(reader.pages):
        if index >= limits.max_pages:
            return limits.result(f"text of the first {limits.max_pages} of {pages} pages kept")
        limits.check()
        if not limits.add(page.extract_text() or ""):
            break
    return limits.result()


def _rtf(data: bytes, limits: _Limits) -> Extracted:
    from striprtf.striprtf import rtf_to_text

    if len(data) > _RTF_MAX:
        raise Unreadable(f"RTF larger than {_RTF_MAX // (1024 * 1024)} MB")
    # RTF is 7-bit; characters beyond ASCII are escapes that rtf_to_text decodes (RTF 1.9.1, \'hh and \u).
    text: str = rtf_to_text(data.decode("latin-1"), errors="replace")  # type: ignore[no-untyped-call]
    limits.add(text)
    return limits.result()


def _entry(zf: zipfile.ZipFile, name: str, limits: _Limits) -> bytes | None:
    """One container entry, read only when its declared sizes are within the limits."""
    limits.check()
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if info.file_size > _ENTRY_MAX or info.file_size > _RATIO_MAX * max(info.compress_size, 1):
        raise Unreadable("a part of the document expands beyond the size limit")
    with zf.open(info) as fh:
        data = fh.read(_ENTRY_MAX + 1)  # the declared size can lie; the read cannot exceed the cap
    if len(data) > _ENTRY_MAX:
        raise Unreadable("a part of the document expands beyond the size limit")
    return data


def _parse(data: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    return etree.fromstring(data, parser)


def _paragraphs(root: etree._Element, para: str, text: str) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(text)) for p in root.iter(para)]


def _numbered(names: list[str], pattern: str) -> list[str]:
    rx = re.compile(pattern)
    found = [(int(m.group(1)), n) for n in names if (m := rx.fullmatch(n))]
    return [n for _, n in sorted(found)]


def _docx(zf: zipfile.ZipFile, limits: _Limits) -> Extracted:
    names = zf.namelist()
    parts = ["word/document.xml", *_numbered(names, r"word/header(\d+)\.xml"),
             *_numbered(names, r"word/footer(\d+)\.xml"), "word/footnotes.xml", "word/endnotes.xml",
             "word/comments.xml"]
    for part in parts:
        data = _entry(zf, part, limits)
        if data is None:
            continue
        for line in _paragraphs(_parse(data), f"{{{_W}}}p", f"{{{_W}}}t"):
            if not limits.add(line):
                return limits.result()
    return limits.result()


def _xlsx(zf: zipfile.ZipFile, limits: _Limits) -> Extracted:
    shared: list[str] = []
    data = _entry(zf, "xl/sharedStrings.xml", limits)
    if data is not None:
        shared = ["".join(t.text or "" for t in si.iter(f"{{{_S}}}t")) for si in _parse(data).iter(f"{{{_S}}}si")]
    sheets = _numbered(zf.namelist(), r"xl/worksheets/sheet(\d+)\.xml")
    for index, sheet in enumerate(sheets):
        if index >= limits.max_pages:
            return limits.result(f"the first {limits.max_pages} of {len(sheets)} sheets kept")
        root = _parse(_entry(zf, sheet, limits) or b"<x/>")
        for row in root.iter(f"{{{_S}}}row"):
            cells = [_cell(c, shared) for c in row.iter(f"{{{_S}}}c")]
            if not limits.add("\t".join(cells)):
                return limits.result()
    return limits.result()


def _cell(cell: etree._Element, shared: list[str]) -> str:
    kind = cell.get("t")
    if kind == "inlineStr":
        return "".join(t.text or "" for t in cell.iter(f"{{{_S}}}t"))
    value = cell.findtext(f"{{{_S}}}v") or ""
    if kind == "s":
        try:
            return shared[int(value)]
        except (ValueError, IndexError):
            return ""
    return value  # numbers too: a BSN or an account number is often a numeric cell


def _pptx(zf: zipfile.ZipFile, limits: _Limits) -> Extracted:
    names = zf.namelist()
    slides = _numbered(names, r"ppt/slides/slide(\d+)\.xml")
    notes = _numbered(names, r"ppt/notesSlides/notesSlide(\d+)\.xml")
    for index, part in enumerate(slides + notes):
        if index >= 2 * limits.max_pages:
            return limits.result(f"the first {limits.max_pages} slides kept")
        for line in _paragraphs(_parse(_entry(zf, part, limits) or b"<x/>"), f"{{{_A}}}p", f"{{{_A}}}t"):
            if not limits.add(line):
                return limits.result()
    return limits.result()


def _odf(zf: zipfile.ZipFile, limits: _Limits, *, spreadsheet: bool) -> Extracted:
    data = _entry(zf, "content.xml", limits)
    if data is None:
        raise Unreadable("the OpenDocument file has no content")
    root = _parse(data)
    if spreadsheet:  # one line per row, cells by tabs
        for row in root.iter(f"{{{_TABLE}}}table-row"):
            cells = ["".join(c.itertext()) for c in row.iter(f"{{{_TABLE}}}table-cell")]
            if any(cells) and not limits.add("\t".join(cells)):
                return limits.result()
        return limits.result()
    for element in root.iter(f"{{{_TEXT}}}p", f"{{{_TEXT}}}h"):
        if not limits.add("".join(element.itertext())):
            return limits.result()
    return limits.result()
