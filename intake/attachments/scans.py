"""The text of a scanned PDF: its page images read by Tesseract, within the page, pixel and time limits.

A PDF from a scanner or a phone's "scan document" has no text layer, only an image per page; its
letters are as personal as a typed invoice's (issue 17). Each page's images are read by
``intake.attachments.ocr``; only the text is kept (and scrubbed by the pipeline), never the images.
The pixel count of every image is read from its dictionary (ISO 32000-1 section 8.9.5, /Width and
/Height) before it is decoded.
"""

from __future__ import annotations

import io
import time

from pypdf import PdfReader

from intake.attachments.documents import Unreadable
from intake.attachments.ocr import OcrTimeout, read_words


def scanned_pdf_text(data: bytes, *, max_pages: int, max_pixels: int, languages: str, seconds: float) -> str:
    """The words of the images on the first ``max_pages`` pages; raises ``Unreadable`` at a limit."""
    deadline = time.monotonic() + seconds
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        raise Unreadable("the PDF is password-protected")
    texts: list[str] = []
    for page in reader.pages[:max_pages]:
        resources = page.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        if xobjects is None:
            continue
        for name, ref in xobjects.get_object().items():
            obj = ref.get_object()
            if obj.get("/Subtype") != "/Image":
                continue
            if int(obj.get("/Width", 0)) * int(obj.get("/Height", 0)) > max_pixels:
                raise Unreadable("a scanned page is larger than the pixel limit")
            left = deadline - time.monotonic()
            if left <= 0:
                raise Unreadable(f"reading the scanned pages took longer than {seconds:g} s (time limit)")
            try:
                reading = read_words(page.images[name].image, languages=languages, seconds=left)
            except OcrTimeout as exc:
                raise Unreadable(f"reading the scanned pages took longer than {seconds:g} s (time limit)") from exc
            texts.append(reading.text)
    return "\n\n".join(t for t in texts if t)
