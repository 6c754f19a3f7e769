"""Images: metadata stripped, text read, every value the scrubber strips painted over; ID copies dropped.

A screenshot is how customers show their problem, so the agent needs it; it also shows names,
addresses, IBANs and passwords. The image is decoded within its pixel limit (checked from the header
before any pixel is decoded, ``intake.mail.attachments``), its words are read by Tesseract
(``intake.attachments.ocr``), the text goes through the same scrubber and policy as a body, and each
word of every value the scrubber would replace is covered by an opaque box. What is stored is a new
image built from those pixels only: no EXIF, GPS, XMP or comment survives.

A photo or scan of a passport, identity card or driving licence is not kept at all: support never
needs one, and a copy of an ID document is data whose loss invites identity fraud (Dutch DPA guidance
on ID copies; GDPR art. 5(1)(c)). It is recognised by a machine-readable zone (ICAO Doc 9303 part 3:
lines of capitals, digits and ``<`` fillers) or by the words of such a document in nl/en/de/fr.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageOps

from intake.attachments.documents import Unreadable
from intake.attachments.ocr import OcrTimeout, OcrUnavailable, Reading, available, read_words
from scrubber import Analysis

log = logging.getLogger(__name__)

IDENTITY_NOTE = "identity document removed on arrival"
# An MRZ line: 30 (TD1), 36 (TD2) or 44 (TD3) characters of A-Z, 0-9 and the filler "<", with runs of
# fillers; OCR may read a filler as a similar glyph or drop one, so the length is read loosely.
_MRZ = re.compile(r"^[A-Z0-9<«]{25,46}$")
_MRZ_START = re.compile(r"^(P[A-Z<]|I[A-Z<]|A[A-Z<]|C[A-Z<]|ID|D1|V[A-Z<])[A-Z<]{3}")
# Words naming the document, and words of its fields (nl, en, de, fr).
_DOCUMENT_WORDS = re.compile(
    r"\b(paspoort|passport|reisepass|passeport|identiteitskaart|identity\s*card|id[- ]?kaart|"
    r"personalausweis|carte\s+nationale|carte\s+d'identit[ée]|rijbewijs|driving\s+licen[cs]e|"
    r"driver'?s\s+licen[cs]e|f[üu]hrerschein|permis\s+de\s+conduire)\b",
    re.IGNORECASE,
)
_FIELD_WORDS = re.compile(
    r"\b(nationaliteit|nationality|staatsangeh[öo]rigkeit|nationalit[ée]|geboortedatum|date\s+of\s+birth|"
    r"geburtsdatum|date\s+de\s+naissance|geldig\s+tot|date\s+of\s+expiry|g[üu]ltig\s+bis|"
    r"date\s+d'expiration|voornamen|given\s+names|vornamen|pr[ée]noms|geslachtsnaam|surname|name|nom|"
    r"persoonsnummer|personal\s+no|documentnummer|document\s+no|lengte|height|sex|geslacht)\b",
    re.IGNORECASE,
)
_PAD = 3  # pixels around each painted box, so no stroke of a glyph stays visible

Analyze = Callable[[str, "str | None"], Analysis]


@dataclass(frozen=True, slots=True)
class ImageResult:
    content: bytes | None  # the redacted image, or None (identity document, OCR not possible)
    content_type: str
    counts: dict[str, int]  # per type how many values were painted over
    identity: bool
    note: str | None


def is_identity_document(text: str) -> bool:
    lines = [re.sub(r"\s+", "", line) for line in text.splitlines()]
    mrz = [line for line in lines if _MRZ.match(line) and line.count("<") + line.count("«") >= 3]
    if len(mrz) >= 2 or any(_MRZ_START.match(line) for line in mrz):
        return True
    if not _DOCUMENT_WORDS.search(text):
        return False
    return len({m.group(0).lower() for m in _FIELD_WORDS.finditer(text)}) >= 2


def redact_image(
    data: bytes,
    *,
    analyze: Analyze,
    lang: str | None,
    max_pixels: int,
    languages: str,
    seconds: float,
) -> ImageResult:
    """Read, scrub and paint over; ``data`` has passed the metadata cleaning (its header is trusted)."""
    if not available(languages):
        log.warning("image attachment kept as metadata only: Tesseract (%s) is not installed", languages)
        return ImageResult(None, "", {}, False, "image not kept: text recognition (Tesseract) is not installed")
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(io.BytesIO(data)) as opened:
            if opened.width * opened.height > max_pixels:
                return ImageResult(None, "", {}, False, "image larger than the pixel limit; content not kept")
            fmt = opened.format or "PNG"
            opened.seek(0)  # an animation or a multi-page TIFF: its first frame
            image = ImageOps.exif_transpose(opened).convert("RGB")
    try:
        reading = read_words(image, languages=languages, seconds=seconds)
    except OcrTimeout as exc:
        log.warning("image attachment kept as metadata only: %s", exc)
        return ImageResult(None, "", {}, False, f"{exc}; content not kept")
    except OcrUnavailable as exc:
        log.warning("image attachment kept as metadata only: %s", exc)
        return ImageResult(None, "", {}, False, "image not kept: text recognition (Tesseract) is not installed")
    if is_identity_document(reading.text):
        log.info("image attachment: identity document not kept")
        return ImageResult(None, "", {}, True, IDENTITY_NOTE)
    analysis = analyze(reading.text, lang)
    counts = _paint(image, reading, analysis)
    return ImageResult(*_encode(image, fmt), counts=counts, identity=False, note=None)


def image_text(data: bytes, *, max_pixels: int, languages: str, seconds: float) -> str | None:
    """The words of an image by OCR, for a rendition that keeps text only (an image inside an attached
    mail, ``intake.attachments.process``); None when it shows an identity document, whose words are not
    kept either. Raises ``Unreadable`` at a limit (pixels from the header, before decoding; time)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(io.BytesIO(data)) as opened:
            if opened.width * opened.height > max_pixels:
                raise Unreadable("image larger than the pixel limit")
            opened.seek(0)  # an animation or a multi-page TIFF: its first frame
            image = ImageOps.exif_transpose(opened).convert("RGB")
    try:
        reading = read_words(image, languages=languages, seconds=seconds)
    except (OcrTimeout, OcrUnavailable) as exc:
        raise Unreadable(str(exc)) from exc
    return None if is_identity_document(reading.text) else reading.text


def _paint(image: Image.Image, reading: Reading, analysis: Analysis) -> dict[str, int]:
    """Cover every word that overlaps a value the scrubber replaces; per type how many values."""
    draw = ImageDraw.Draw(image)
    counts: Counter[str] = Counter()
    for entity in analysis.entities:
        if entity.action != "redact":
            continue
        counts[entity.type] += 1
        for word in reading.words:
            if word.start < entity.end and entity.start < word.end:
                left, top, right, bottom = word.box
                draw.rectangle((left - _PAD, top - _PAD, right + _PAD, bottom + _PAD), fill=(0, 0, 0))
    return dict(counts)


def _encode(image: Image.Image, fmt: str) -> tuple[bytes, str]:
    """A new file from the pixels only (no metadata block): JPEG photos stay JPEG, the rest PNG."""
    out = io.BytesIO()
    image.info = {}
    if fmt in ("JPEG", "MPO"):
        image.save(out, "JPEG", quality=90)
        return out.getvalue(), "image/jpeg"
    image.save(out, "PNG")
    return out.getvalue(), "image/png"
