"""Make attachments safe to store: strip image metadata, expose text attachments to the scrubber.

A phone photo of a broken router carries the customer's home in its EXIF GPS tags, often the camera
owner's name, and the device serial number: personal data support never asked for (GDPR art. 5(1)(c),
data minimisation). Images are therefore decoded and re-encoded with Pillow from their pixels only, so
no metadata block (EXIF, GPS, XMP, IPTC, maker notes, PNG text chunks, comments) survives; only the
ICC colour profile (no personal data, needed to show colours right) and the EXIF orientation (applied
to the pixels first, so the photo stays upright) carry over. HEIC/HEIF photos from iPhones are read
through pillow-heif.

An image Pillow cannot read is kept as it arrived, because dropping a customer's screenshot loses the
request; ``clean_attachment_report`` says so (``outcome="unparseable"``) so the pipeline can decide to
quarantine it, and a warning with the content type (never the content) is logged.

Text attachments (logs, CSV exports, saved web pages) hold personal data just like a body does;
``attachment_text`` returns their text so the pipeline can scrub it.
"""

from __future__ import annotations

import codecs
import io
import logging
import warnings
from dataclasses import dataclass
from typing import Any, Literal

from PIL import Image, ImageOps, ImageSequence

from intake.mail.body import html_to_text
from intake.mail.charset import decode_bytes
from intake.message import InboundAttachment

try:  # registers the HEIF/HEIC opener; a missing wheel only loses HEIC cleaning, not the intake
    from pillow_heif import register_heif_opener

    register_heif_opener()
except ImportError:  # pragma: no cover - pillow-heif is a declared dependency
    pass

log = logging.getLogger(__name__)

Outcome = Literal["reencoded", "unchanged", "unparseable", "unsupported"]

# Formats we re-encode in the same format (Pillow format name -> save options).
_SAVE_AS: dict[str, tuple[str, dict[str, Any]]] = {
    "JPEG": ("JPEG", {"quality": 92}),
    "MPO": ("JPEG", {"quality": 92}),  # multi-picture JPEG from cameras: keep the main picture
    "PNG": ("PNG", {"optimize": False}),
    "WEBP": ("WEBP", {"quality": 92}),
    "GIF": ("GIF", {}),
    "TIFF": ("TIFF", {"compression": "tiff_deflate"}),
    "HEIF": ("HEIF", {"quality": 90}),
    "AVIF": ("AVIF", {"quality": 90}),
}
_MIME = {
    "JPEG": "image/jpeg",
    "MPO": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
    "GIF": "image/gif",
    "TIFF": "image/tiff",
    "HEIF": "image/heic",
    "AVIF": "image/avif",
}
# Magic numbers, so an image sent as application/octet-stream is cleaned too.
_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")
_IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".heic", ".heif", ".avif")

_TEXT_TYPES = frozenset(
    {
        "text/plain",
        "text/csv",
        "text/tab-separated-values",
        "text/markdown",
        "text/x-log",
        "text/rfc822-headers",
        "text/calendar",
        "text/xml",
        "application/json",
        "application/xml",
        "application/csv",
    }
)
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_EXTENSIONS = (".txt", ".log", ".csv", ".tsv", ".md", ".json", ".xml", ".ics")
_HTML_EXTENSIONS = (".html", ".htm", ".xhtml")


@dataclass(frozen=True, slots=True)
class CleanReport:
    attachment: InboundAttachment
    outcome: Outcome
    # Which metadata blocks the original carried (e.g. "exif", "gps", "xmp", "comment", "text").
    removed: tuple[str, ...] = ()


def _looks_like_image(att: InboundAttachment) -> bool:
    if att.content_type.startswith("image/"):
        return True
    if att.filename and att.filename.lower().endswith(_IMAGE_EXTENSIONS):
        return True
    head = att.data[:16]
    # ISO base media files (HEIC, AVIF) carry "ftyp" at offset 4.
    return head.startswith(_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP") or head[4:8] == b"ftyp"


def _metadata_kinds(img: Image.Image) -> tuple[str, ...]:
    kinds: list[str] = []
    try:
        exif = img.getexif()
    except Exception:
        exif = Image.Exif()
    if len(exif) or "exif" in img.info:
        kinds.append("exif")
    if 0x8825 in exif:  # the GPSInfo IFD pointer (EXIF 2.32, tag 34853)
        kinds.append("gps")
    if "xmp" in img.info or "XML:com.adobe.xmp" in img.info:
        kinds.append("xmp")
    if "comment" in img.info:
        kinds.append("comment")
    if any(key in img.info for key in ("photoshop", "iptc", "adobe")):
        kinds.append("iptc")
    if getattr(img, "text", None):
        kinds.append("text")
    return tuple(kinds)


def _bare(frame: Image.Image, icc: bytes | None) -> Image.Image:
    """A pixel-only copy: ``info`` cleared so no save path can copy metadata across."""
    copy = frame.copy()
    copy.info = {}
    for key in ("transparency", "duration", "loop", "background"):
        if key in frame.info:
            copy.info[key] = frame.info[key]
    if icc:
        copy.info["icc_profile"] = icc
    return copy


def _reencode(img: Image.Image, fmt: str) -> bytes:
    save_format, options = _SAVE_AS[fmt]
    options = dict(options)
    icc = img.info.get("icc_profile")
    if icc:
        options["icc_profile"] = icc
    n_frames = getattr(img, "n_frames", 1)
    if save_format in {"GIF", "WEBP", "PNG"} and n_frames > 1:
        frames = [_bare(frame, icc) for frame in ImageSequence.Iterator(img)]
        for key in ("duration", "loop"):
            if key in img.info:
                options[key] = img.info[key]
        out = io.BytesIO()
        frames[0].save(out, save_format, save_all=True, append_images=frames[1:], **options)
        return out.getvalue()
    try:
        orientation = img.getexif().get(0x0112, 1)  # EXIF Orientation
    except Exception:
        orientation = 1
    out = io.BytesIO()
    if fmt == "JPEG" and orientation in (None, 1):
        # Re-use the original quantisation tables (no generation loss). Pillow's JPEG writer takes
        # EXIF and XMP only from the save options; the comment it also takes from ``info``.
        img.info = {}
        img.save(out, "JPEG", quality="keep", subsampling="keep", comment=b"", **_icc(icc))
        return out.getvalue()
    # Apply the EXIF orientation to the pixels before the EXIF block is dropped.
    upright = ImageOps.exif_transpose(img) if orientation not in (None, 1) else img
    image = _bare(upright, icc)
    if save_format == "JPEG" and image.mode not in {"RGB", "L", "CMYK"}:
        image = image.convert("RGB")
    image.save(out, save_format, **options)
    return out.getvalue()


def _icc(icc: bytes | None) -> dict[str, Any]:
    return {"icc_profile": icc} if icc else {}


def clean_attachment_report(att: InboundAttachment) -> CleanReport:
    """Clean one attachment and say what happened; never raises."""
    if not _looks_like_image(att):
        return CleanReport(att, "unchanged")
    try:
        with warnings.catch_warnings():
            # A DecompressionBombWarning is still an image we can handle; the error form is caught below.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(att.data)) as img:
                fmt = img.format or ""
                if fmt not in _SAVE_AS:
                    # Formats without a metadata block of concern (BMP, ICO) or that Pillow only reads.
                    log.info("image attachment kept unchanged: format %s unsupported", fmt or "unknown")
                    return CleanReport(att, "unsupported")
                removed = _metadata_kinds(img)
                data = _reencode(img, fmt)
    except Exception as exc:  # Pillow raises many types for hostile input; keep the bytes, report it
        log.warning(
            "image attachment could not be cleaned (%s, %s, %d bytes): kept as received",
            att.content_type,
            type(exc).__name__,
            len(att.data),
        )
        return CleanReport(att, "unparseable")
    return CleanReport(InboundAttachment(att.filename, _MIME[fmt], data), "reencoded", removed)


def clean_attachment(att: InboundAttachment) -> InboundAttachment:
    """The attachment with image metadata (EXIF, GPS, XMP, comments) removed; others unchanged."""
    return clean_attachment_report(att).attachment


def _decode_text(data: bytes) -> str:
    # A byte-order mark is the most reliable charset label a file can carry (Unicode 15, section 23.8).
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return decode_bytes(data[len(bom) :] if codec == "utf-8" else data, codec).text
    return decode_bytes(data, None).text


def attachment_text(att: InboundAttachment) -> str | None:
    """The readable text of a text attachment (plain, CSV, logs, HTML converted), else ``None``."""
    ctype = att.content_type.lower()
    name = (att.filename or "").lower()
    if ctype in _HTML_TYPES or (ctype == "application/octet-stream" and name.endswith(_HTML_EXTENSIONS)):
        return html_to_text(_decode_text(att.data))
    if ctype in _TEXT_TYPES or (ctype in {"application/octet-stream", ""} and name.endswith(_TEXT_EXTENSIONS)):
        return _decode_text(att.data)
    return None
