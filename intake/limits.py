"""What of an attachment is kept, within the intake's limits (``IntakeLimits``, ``[intake]`` settings).

One attachment at a time: images are cleaned within their pixel and time limits
(``intake.mail.attachments``), text attachments give their text to the scrubber up to a character
cap, and everything else is kept below the storage limit. Whatever is not kept leaves a note with the
reason (limits and types only, never content); the metadata (type, size, hash) is always kept.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from intake.mail.attachments import capped_attachment_text, clean_attachment_report, is_text_attachment
from intake.message import InboundAttachment
from intake.textcap import with_note

# Attachment notes are stored in a 255-character column.
_NOTE_MAX = 255


@dataclass(frozen=True, slots=True)
class ContentLimits:
    store_max: int  # bytes of binary content kept
    text_max: int  # characters of text scrubbed and kept (0: the message's text budget is spent)
    max_pixels: int
    clean_seconds: float


@dataclass(frozen=True, slots=True)
class AttachmentContent:
    filename: str | None
    content_type: str
    size: int
    sha256: str
    content: bytes | None  # binary content needing no scrubbing (a cleaned image, an archive)
    scrub: str | None  # the text to analyse, a prefix of ``text``
    text: str | None  # the text to redact and store: ``scrub`` plus a note when it was cut
    note: str | None


def attachment_content(att: InboundAttachment, limits: ContentLimits) -> AttachmentContent:
    report = clean_attachment_report(att, max_pixels=limits.max_pixels, budget_seconds=limits.clean_seconds)
    cleaned = report.attachment
    content: bytes | None = None
    scrub = text = note = None
    capped = capped_attachment_text(cleaned, limits.text_max) if limits.text_max > 0 else None
    if capped is not None:
        scrub, text = capped.kept, with_note(capped)
        note = capped.note
    elif limits.text_max <= 0 and is_text_attachment(cleaned):
        note = "the message's text limit is reached; content not kept"
    elif cleaned.content_type.startswith("text/"):
        # Text we cannot read is text we cannot scrub: unscrubbed text is never stored.
        note = "text in a format that is not scrubbed; content not kept"
    elif report.outcome == "unparseable":
        # An image we could not strip of EXIF/GPS metadata is not kept at all.
        note = "image metadata could not be removed; content not kept"
    elif report.outcome == "refused":
        note = f"image not cleaned: {report.reason}; content not kept"
    elif len(cleaned.data) <= limits.store_max:
        content = cleaned.data
    else:
        note = "larger than the storage limit; content not kept"
    return AttachmentContent(
        filename=cleaned.filename,
        content_type=cleaned.content_type,
        size=len(cleaned.data),
        sha256=hashlib.sha256(cleaned.data).hexdigest(),
        content=content,
        scrub=scrub,
        text=text,
        note=note[:_NOTE_MAX] if note else None,
    )
