"""One attachment through intake: its real type decides what is read, scrubbed and kept.

- text, HTML, CSV/JSON/logs, attached mails, documents (PDF, office, RTF) and archive listings
  become a text rendition that the pipeline scrubs like the body; the file itself is not kept
  (``AttachmentPolicy.keep_original``);
- images are cleaned of their metadata (``intake.mail.attachments``), read by OCR and every value
  the scrubber strips is painted over (``intake.attachments.images``); identity documents are dropped;
- everything else keeps its metadata only: the scrubbed name, the detected type, size and SHA-256
  of the original.

Whatever is not kept leaves a note that says why, in fixed words (limits and types, never content).
The SHA-256 and size are those of the original as it arrived, so an agent can match a file the
customer sends again.
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass, replace

from intake.attachments.archives import archive_listing
from intake.attachments.detect import Detected, Kind, detect
from intake.attachments.documents import Unreadable, extract_document
from intake.attachments.images import IDENTITY_NOTE, Analyze, image_text, redact_image
from intake.attachments.mail import mail_text
from intake.attachments.ocr import available
from intake.attachments.policy import AttachmentPolicy
from intake.attachments.scans import scanned_pdf_text
from intake.limits import ContentLimits, attachment_content
from intake.mail.attachments import capped_attachment_text
from intake.message import InboundAttachment
from intake.textcap import Capped, cap_text, with_note

log = logging.getLogger(__name__)

# Attachment notes are stored in a 255-character column.
_NOTE_MAX = 255
TEXT_RENDITION = "text/plain; charset=utf-8"
MAIL_IMAGES_NOTE = "text of its images read by OCR; the images themselves not kept"


@dataclass(frozen=True, slots=True)
class Processed:
    filename: str | None
    detected_type: str  # what the bytes are (``intake.attachments.detect``)
    kind: Kind
    size: int  # of the original
    sha256: str  # of the original
    content_type: str  # of the rendition (``content`` or the scrubbed ``text``)
    content: bytes | None  # a binary rendition that needs no scrubbing (a cleaned image)
    scrub: str | None  # the text to analyse, a prefix of ``text``
    text: str | None  # the text to redact and store: ``scrub`` plus a note when it was cut
    complete: bool  # the whole content was read: the condition of keeping the original if clean
    original: bytes | None  # the original file, kept only under keep_original = "if_clean"
    note: str | None
    counts: dict[str, int] | None = None  # of an image: per type how many values were painted over


def process_attachment(
    att: InboundAttachment,
    limits: ContentLimits,
    policy: AttachmentPolicy,
    *,
    analyze: Analyze,
    lang: str | None = None,
) -> Processed:
    """What of ``att`` is kept; ``analyze`` is the scrubber's, for the text read from an image."""
    found = detect(att.data, att.content_type, att.filename)
    base = Processed(
        filename=att.filename, detected_type=found.mime, kind=found.kind, size=len(att.data),
        sha256=hashlib.sha256(att.data).hexdigest(), content_type=found.mime, content=None, scrub=None,
        text=None, complete=False, original=None, note=None,
    )
    if found.kind == "image":
        return _image(att, base, limits, policy, analyze, lang)
    if found.kind == "other":
        return _metadata_only(base, f"metadata only: {found.mime} is not a type whose text can be read")
    if limits.text_max <= 0:
        return _metadata_only(base, "the message's text limit is reached; content not kept")
    try:
        cut = _read(att, found, limits.text_max, policy, depth=0, max_pixels=limits.max_pixels)
    except Unreadable as exc:
        return _metadata_only(base, f"{exc}; content not kept")
    keep = att.data if cut.note is None and len(att.data) <= limits.store_max else None
    return replace(base, content_type=TEXT_RENDITION, scrub=cut.kept, text=with_note(cut),
                   complete=cut.note is None, original=keep, note=_note(cut.note))


def _image(
    att: InboundAttachment,
    base: Processed,
    limits: ContentLimits,
    policy: AttachmentPolicy,
    analyze: Analyze,
    lang: str | None,
) -> Processed:
    # Metadata removal first, within the pixel and time limits (intake.mail.attachments): nothing is
    # decoded that the header says is too large.
    got = attachment_content(InboundAttachment(att.filename, base.detected_type, att.data), limits)
    if got.content is None:
        return _metadata_only(base, got.note or "image not kept")
    try:
        result = redact_image(got.content, analyze=analyze, lang=lang, max_pixels=limits.max_pixels,
                              languages=policy.ocr_languages, seconds=policy.ocr_seconds)
    except Exception as exc:  # Pillow on hostile input; the type only is logged
        log.warning("image attachment could not be read (%s): metadata only", type(exc).__name__)
        return _metadata_only(base, "the image could not be read; content not kept")
    if result.identity:
        return replace(base, kind="identity", note=result.note)
    if result.content is None:
        return _metadata_only(base, result.note or "image not kept")
    return replace(base, content_type=result.content_type, content=result.content, counts=result.counts)


def _metadata_only(base: Processed, note: str) -> Processed:
    return replace(base, note=_note(note))


def _note(note: str | None) -> str | None:
    return note[:_NOTE_MAX] if note else None


def _read(
    att: InboundAttachment,
    found: Detected,
    max_chars: int,
    policy: AttachmentPolicy,
    *,
    depth: int,
    max_pixels: int,
    images: _MailImages | None = None,
) -> Capped:
    """The text of a text-bearing attachment, cut to ``max_chars`` (the note says what was left out)."""
    if found.kind in ("text", "html"):
        got = capped_attachment_text(InboundAttachment(att.filename, found.mime, att.data), max_chars)
        return got if got is not None else Capped("", 0, None)
    if found.kind == "mail":
        images = images or _MailImages(time.monotonic() + policy.ocr_seconds)

        def part(inner: InboundAttachment, level: int) -> str:
            return _part_text(inner, max_chars, policy, level, max_pixels, images)

        cut = cap_text(mail_text(att.data, depth, policy.mail_depth, part), max_chars, what="attachment")
        if images.identity:
            # The note says so, so the acknowledgement can tell the customer (intake.hooks).
            return Capped(cut.kept, max(cut.left_out, 1), f"[{IDENTITY_NOTE}; {MAIL_IMAGES_NOTE}]")
        if images.read and cut.note is None:
            # Never "complete": what OCR did not read may still be in the images (as for a scan).
            return Capped(cut.kept, 1, f"[{MAIL_IMAGES_NOTE}]")
        return cut
    if found.kind == "archive":
        listing = archive_listing(att.data, found.mime, max_entries=policy.max_archive_entries)
        return cap_text(listing, max_chars, what="attachment")
    doc = extract_document(
        att.data, found.mime, max_chars=max_chars, max_pages=policy.max_pages, seconds=policy.document_seconds
    )
    if doc.note:
        return Capped(doc.text, 1, f"[{doc.note}]")
    if not doc.text.strip():
        return _scan(att.data, found.mime, max_chars, policy, max_pixels)
    return Capped(doc.text, 0, None)


def _scan(data: bytes, mime: str, max_chars: int, policy: AttachmentPolicy, max_pixels: int) -> Capped:
    """A document without a text layer: a scanned PDF's pages are read by OCR (text only is kept)."""
    if mime != "application/pdf" or not available(policy.ocr_languages):
        return Capped("", 1, "[no text found in the document (a scan or an image only); nothing else kept]")
    try:
        text = scanned_pdf_text(data, max_pages=policy.max_pages, max_pixels=max_pixels,
                                languages=policy.ocr_languages, seconds=policy.ocr_seconds)
    except Unreadable:
        raise
    except Exception as exc:  # image decoders on hostile input; the type only is logged
        log.info("scanned PDF unreadable: %s", type(exc).__name__)
        raise Unreadable("the scanned pages could not be read") from exc
    if not text.strip():
        return Capped("", 1, "[no text found in the document (a scan or an image only); nothing else kept]")
    cut = cap_text(text, max_chars, what="attachment")
    # Never "complete": what OCR did not read may still be on the pages, so the original is never kept.
    return Capped(cut.kept, max(cut.left_out, 1), cut.note or "[text read by OCR from the scanned pages]")


@dataclass(slots=True)
class _MailImages:
    """The images of one attached mail (its nested mails included) share one OCR time budget."""

    deadline: float
    read: bool = False  # some image's text was read by OCR (or it was an identity document)
    identity: bool = False  # some image was an identity document, not read into the text


def _part_text(
    att: InboundAttachment, max_chars: int, policy: AttachmentPolicy, depth: int, max_pixels: int, images: _MailImages
) -> str:
    """An attachment of an attached mail: its text when it has text, else one line about it.

    The parser lists only the outermost attached mail (``intake.mail.body``), so this is the one place
    its parts are read: an image's words by OCR, as text that is scrubbed with the rest (the picture is
    not kept: a rendition is one file), an identity document as a line saying it was removed.
    """
    found = detect(att.data, att.content_type, att.filename)
    if found.kind == "other":
        return f"[{found.mime}, {len(att.data)} bytes: content not kept]"
    try:
        if found.kind == "image":
            return _image_text(att.data, found.mime, policy, max_pixels, images)
        return with_note(_read(att, found, max_chars, policy, depth=depth, max_pixels=max_pixels, images=images))
    except Unreadable as exc:
        return f"[{found.mime}, {len(att.data)} bytes: {exc}; content not kept]"


def _image_text(data: bytes, mime: str, policy: AttachmentPolicy, max_pixels: int, images: _MailImages) -> str:
    left = images.deadline - time.monotonic()
    if not available(policy.ocr_languages):
        return f"[{mime}, {len(data)} bytes: content not kept (text recognition is not installed)]"
    if left <= 0:
        raise Unreadable(f"text recognition of this mail's images took longer than {policy.ocr_seconds:g} s")
    try:
        text = image_text(data, max_pixels=max_pixels, languages=policy.ocr_languages, seconds=left)
    except Unreadable:
        raise
    except Exception as exc:  # Pillow on hostile input; the type only is logged
        log.info("image in an attached mail unreadable: %s", type(exc).__name__)
        raise Unreadable("the image could not be read") from exc
    images.read = True
    if text is None:
        images.identity = True
        return f"[{mime}: {IDENTITY_NOTE}]"
    return f"[{mime}, {len(data)} bytes: its text, read by OCR]\n{text.strip()}"
