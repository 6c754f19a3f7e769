"""The ``[attachments]`` policy: what of an attachment is kept and how far it is read.

Its own module so configuration (``app.config``), the pipeline and the worker processes of
``intake.prepare_pool`` (which receive it pickled) share one small, frozen value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

KeepOriginal = Literal["never", "if_clean"]


@dataclass(frozen=True, slots=True)
class AttachmentPolicy:
    # "never": only the scrubbed rendition is kept (GDPR art. 5(1)(c), data minimisation);
    # "if_clean": a document's original file is kept too when the scrubber found nothing to remove in
    # its whole text and its name.
    keep_original: KeepOriginal = "never"
    # Pages of a PDF (sheets of a workbook, slides) whose text is read.
    max_pages: int = 200
    # Members of an archive listed by name and size.
    max_archive_entries: int = 200
    # Attached mails inside attached mails read at most this deep (a forward of a forward).
    mail_depth: int = 3
    # Seconds of text extraction per document before it is given up (metadata only, with a note).
    document_seconds: float = 10.0
    # Tesseract languages images are read in (Debian tesseract-ocr-nld, tesseract-ocr-eng).
    ocr_languages: str = "nld+eng"
    # Seconds of text recognition per image; beyond, the image keeps its metadata only, with a note.
    ocr_seconds: float = 30.0
