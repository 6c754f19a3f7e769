"""The real type of an attachment, from its bytes: the declared type and the extension are claims.

A BSN in a PDF sent as ``application/octet-stream`` or a Word file named ``photo.jpg`` must take the
path its bytes call for (issue 17), so the type that decides how an attachment is handled is read
from its content: magic numbers (through ``filetype``), the entries of a ZIP container (OOXML's
``[Content_Types].xml`` parts, ODF's ``mimetype`` entry, ISO/IEC 26300 part 3 section 3.3), and for
content without a magic number whether it decodes as text. The declared type is used only to tell
an attached mail (message/rfc822) from other text, never to skip a check.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Literal

import filetype

# "identity" is set later, on an image that shows an identity document (intake.attachments.images).
Kind = Literal["text", "html", "mail", "document", "image", "archive", "other", "identity"]

# Bytes read to decide whether content is text: enough for a header block, small enough to be cheap.
_SNIFF = 8192

_DOCUMENTS = frozenset(
    {
        "application/pdf",
        "application/rtf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.oasis.opendocument.text",
        "application/vnd.oasis.opendocument.spreadsheet",
        "application/vnd.oasis.opendocument.presentation",
    }
)
_ARCHIVES = frozenset(
    {
        "application/zip",
        "application/x-tar",
        "application/gzip",
        "application/x-7z-compressed",
        "application/x-bzip2",
        "application/x-xz",
        "application/x-rar-compressed",
    }
)
_OOXML_PARTS = (
    ("word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
)
# Header names an RFC 5322 message starts with in practice (a saved .eml, a forwarded original).
_MAIL_HEADERS = (
    b"received:", b"return-path:", b"from:", b"to:", b"subject:", b"date:", b"message-id:",
    b"mime-version:", b"delivered-to:", b"x-", b"dkim-signature:", b"arc-", b"authentication-results:",
    b"reply-to:", b"content-type:",
)
_MAIL_DECLARED = frozenset({"message/rfc822", "message/global"})


@dataclass(frozen=True, slots=True)
class Detected:
    mime: str  # the type the bytes show
    kind: Kind  # how intake handles it


def detect(data: bytes, declared: str = "", filename: str | None = None) -> Detected:
    """The type of ``data`` from its bytes; ``declared`` only separates a mail from plain text."""
    head = data[:_SNIFF]
    if head.startswith(b"%PDF-"):
        return Detected("application/pdf", "document")
    if head.startswith(b"{\\rtf"):
        return Detected("application/rtf", "document")
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        mime = _zip_type(data)
        return Detected(mime, "document" if mime in _DOCUMENTS else "archive")
    guess = filetype.guess(head)
    if guess is not None:
        mime = "application/gzip" if guess.mime == "application/x-gzip" else guess.mime
        if mime.startswith("image/"):
            return Detected(mime, "image")
        if mime in _ARCHIVES:
            return Detected(mime, "archive")
        if mime in _DOCUMENTS:
            return Detected(mime, "document")
        return Detected(mime, "other")
    if len(data) > 262 and data[257:262] == b"ustar":  # POSIX tar header magic (filetype reads 262 bytes)
        return Detected("application/x-tar", "archive")
    return _text_type(head, declared.lower(), (filename or "").lower())


def _zip_type(data: bytes) -> str:
    """An office document is a ZIP whose entries say which one; anything else is a ZIP archive."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
            if "mimetype" in names:
                info = zf.getinfo("mimetype")
                if info.file_size <= 200:
                    mime = zf.read(info).decode("ascii", "replace").strip()
                    if mime in _DOCUMENTS:
                        return mime
            if "[Content_Types].xml" in names:
                for prefix, mime in _OOXML_PARTS:
                    if any(n.startswith(prefix) for n in names):
                        return mime
    except (zipfile.BadZipFile, ValueError, OSError, RuntimeError, NotImplementedError):
        pass
    return "application/zip"


def _text_type(head: bytes, declared: str, name: str) -> Detected:
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Detected("application/octet-stream", "other")
    start = head.lstrip()[:512].lower()
    if declared in _MAIL_DECLARED or name.endswith(".eml") or _looks_like_mail(head):
        return Detected("message/rfc822", "mail")
    if start.startswith((b"<!doctype html", b"<html")) or (b"<body" in start and b"</" in head.lower()):
        return Detected("text/html", "html")
    if start.startswith((b"{", b"[")):
        return Detected("application/json", "text")
    return Detected("text/plain", "text")


def _looks_like_mail(head: bytes) -> bool:
    """At least three header lines before the first empty line, the first of them a mail header."""
    block = head.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    lines = [line for line in block.splitlines() if line and not line[:1].isspace()]
    if len(lines) < 3 or not lines[0].lower().startswith(_MAIL_HEADERS):
        return False
    return all(b":" in line.split(b" ", 1)[0] for line in lines)
