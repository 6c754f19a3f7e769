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

A hostile image must not hold a worker (issue 15, finding 9: a 640 KB PNG of 13000x13000 pixels took
8.6 s and 1.2 GB). Before any pixel is decoded, the pixel count from the header (all frames together)
is compared with a limit (``[intake] image_max_pixels``); Pillow's own DecompressionBombWarning is an
error rather than a note; and cleaning has a time budget (``[intake] attachment_clean_seconds``),
checked on every read of the image and every write of the result, so a decoder that is slow on
crafted input stops within one buffer of the deadline. An image refused so is reported
(``outcome="refused"`` with a reason) and the pipeline keeps its metadata only.

Text attachments (logs, CSV exports, saved web pages) hold personal data just like a body does;
``attachment_text`` returns their text so the pipeline can scrub it. Attached mails (message/rfc822,
listed as "<subject>.eml", issue 20) and delivery reports (message/delivery-status) are text too: an
attached mail is read as its From/To/Cc/Date/Subject and body text, so what is stored of it is that
text, scrubbed, never its raw source with base64 parts and headers in clear.
"""

from __future__ import annotations

import codecs
import io
import logging
import time
import warnings
from dataclasses import dataclass
from typing import Any, Literal

from PIL import Image, ImageOps, ImageSequence

from intake.errors import TransientError
from intake.mail.body import MAX_HTML_CHARS, html_to_text
from intake.mail.charset import decode_bytes
from intake.message import InboundAttachment
from intake.textcap import Capped, cap_text, capped

try:  # registers the HEIF/HEIC opener; a missing wheel only loses HEIC cleaning, not the intake
    from pillow_heif import register_heif_opener

    register_heif_opener()
except ImportError:  # pragma: no cover - pillow-heif is a declared dependency
    pass

log = logging.getLogger(__name__)

Outcome = Literal["reencoded", "unchanged", "unparseable", "unsupported", "refused"]

# Pixels decoded per image at most, all frames together: 40 megapixels is a 48 MP phone photo's
# binned output with room to spare, and 160 MB as RGBA; Pillow's own bomb limit is twice 89 MP.
MAX_PIXELS = 40_000_000
# Seconds of cleaning per attachment; a 40 MP JPEG re-encodes in about 1.5 s on one core.
CLEAN_SECONDS = 5.0

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
_MAIL_TYPES = frozenset({"message/rfc822", "message/global"})
_MAIL_HEADERS = ("From", "To", "Cc", "Date", "Subject")
_TEXT_EXTENSIONS = (".txt", ".log", ".csv", ".tsv", ".md", ".json", ".xml", ".ics")
_HTML_EXTENSIONS = (".html", ".htm", ".xhtml")


@dataclass(frozen=True, slots=True)
class CleanReport:
    attachment: InboundAttachment
    outcome: Outcome
    # Which metadata blocks the original carried (e.g. "exif", "gps", "xmp", "comment", "text").
    removed: tuple[str, ...] = ()
    # Why an image was refused (limits only, never content), for the stored attachment's note.
    reason: str | None = None


class _Refused(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _now() -> float:
    return time.monotonic()


class _Budget:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = _now() + seconds

    def check(self) -> None:
        if _now() > self.deadline:
            raise _Refused(f"cleaning took longer than {self.seconds:g} s (time limit)")


class _TimedReader(io.BytesIO):
    """The image's bytes; every read Pillow's decoder makes checks the time budget first."""

    def __init__(self, data: bytes, budget: _Budget) -> None:
        super().__init__(data)
        self._budget = budget

    def read(self, size: int | None = -1, /) -> bytes:
        self._budget.check()
        return super().read(size)


class _TimedWriter(io.BytesIO):
    """The re-encoded image; every write Pillow's encoder makes checks the time budget first."""

    def __init__(self, budget: _Budget) -> None:
        super().__init__()
        self._budget = budget

    def write(self, data: Any, /) -> int:
        self._budget.check()
        return super().write(data)


def _check_pixels(img: Image.Image, max_pixels: int) -> None:
    """Refuse an image whose header promises more pixels than ``max_pixels`` (nothing decoded yet)."""
    width, height = img.size
    pixels = width * height * max(1, getattr(img, "n_frames", 1))
    if pixels > max_pixels:
        raise _Refused(f"{pixels / 1e6:.0f} megapixels, more than the limit of {max_pixels / 1e6:g} megapixels")


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


def _reencode(img: Image.Image, fmt: str, budget: _Budget) -> bytes:
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
        out = _TimedWriter(budget)
        frames[0].save(out, save_format, save_all=True, append_images=frames[1:], **options)
        return out.getvalue()
    try:
        orientation = img.getexif().get(0x0112, 1)  # EXIF Orientation
    except Exception:
        orientation = 1
    out = _TimedWriter(budget)
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


def clean_attachment_report(
    att: InboundAttachment, *, max_pixels: int = MAX_PIXELS, budget_seconds: float = CLEAN_SECONDS
) -> CleanReport:
    """Clean one attachment and say what happened; raises only ``TransientError`` (out of memory)."""
    if not _looks_like_image(att):
        return CleanReport(att, "unchanged")
    budget = _Budget(budget_seconds)
    try:
        # The warnings filter is process-wide and catch_warnings is not thread-safe, so the pixel
        # check above Pillow's is the one relied on; the error filter is a second line behind it.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(_TimedReader(att.data, budget)) as img:
                fmt = img.format or ""
                if fmt not in _SAVE_AS:
                    # Formats without a metadata block of concern (BMP, ICO) or that Pillow only reads.
                    log.info("image attachment kept unchanged: format %s unsupported", fmt or "unknown")
                    return CleanReport(att, "unsupported")
                _check_pixels(img, max_pixels)
                removed = _metadata_kinds(img)
                data = _reencode(img, fmt, budget)
        budget.check()  # decoders that read everything at once (HEIF) are measured after the fact
    except _Refused as exc:
        return _refused(att, exc.reason)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        limit = Image.MAX_IMAGE_PIXELS or 0
        return _refused(att, f"decompression bomb: more than Pillow's limit of {limit / 1e6:.0f} megapixels")
    except MemoryError as exc:  # the machine, not the image, may be at fault: let the sender retry
        log.warning("image attachment: out of memory cleaning %d bytes", len(att.data))
        raise TransientError("not enough memory to clean an attachment now; try again later") from exc
    except Exception as exc:  # Pillow raises many types for hostile input; keep the bytes, report it
        log.warning(
            "image attachment could not be cleaned (%s, %s, %d bytes): kept as received",
            att.content_type,
            type(exc).__name__,
            len(att.data),
        )
        return CleanReport(att, "unparseable")
    return CleanReport(InboundAttachment(att.filename, _MIME[fmt], data), "reencoded", removed)


def _refused(att: InboundAttachment, reason: str) -> CleanReport:
    log.warning("image attachment refused (%s, %d bytes): %s", att.content_type, len(att.data), reason)
    return CleanReport(att, "refused", reason=reason)


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


def _text_kind(att: InboundAttachment) -> Literal["html", "text", "mail"] | None:
    ctype = att.content_type.lower()
    name = (att.filename or "").lower()
    if ctype in _MAIL_TYPES:
        return "mail"
    if ctype.startswith("message/"):
        # Delivery reports, read receipts, headers of returned mail: addresses in clear, so text to scrub.
        return "text"
    if ctype in _HTML_TYPES or (ctype == "application/octet-stream" and name.endswith(_HTML_EXTENSIONS)):
        return "html"
    if ctype in _TEXT_TYPES or (ctype in {"application/octet-stream", ""} and name.endswith(_TEXT_EXTENSIONS)):
        return "text"
    return None


def is_text_attachment(att: InboundAttachment) -> bool:
    """Whether ``attachment_text`` reads this attachment (a type or extension of text or HTML, a mail)."""
    return _text_kind(att) is not None


def _mail_text(data: bytes) -> str:
    """An attached mail as an agent reads it: its main headers and its body text (no source, no parts)."""
    from intake.mail.parse import parse_email  # parse imports body, which this module also uses

    parsed = parse_email(data)
    lines = []
    sender = parsed.from_addr or ""
    values = {
        "From": f"{parsed.from_name} <{sender}>" if parsed.from_name and sender else sender,
        "To": ", ".join(parsed.to),
        "Cc": ", ".join(parsed.cc),
        "Date": parsed.date.isoformat() if parsed.date else "",
        "Subject": parsed.subject,
    }
    for name in _MAIL_HEADERS:
        if values[name]:
            lines.append(f"{name}: {values[name]}")
    names = [a.filename or "(unnamed)" for a in parsed.attachments]
    if names:
        lines.append("Attachments: " + ", ".join(names))
    return "\n".join(lines) + ("\n\n" + parsed.text if parsed.text else "")


def attachment_text(att: InboundAttachment) -> str | None:
    """The readable text of a text attachment (plain, CSV, logs, HTML converted, a mail), else ``None``."""
    kind = _text_kind(att)
    if kind is None:
        return None
    if kind == "mail":
        return _mail_text(att.data)
    text = _decode_text(att.data)
    return html_to_text(text) if kind == "html" else text


def capped_attachment_text(att: InboundAttachment, max_chars: int) -> Capped | None:
    """``attachment_text`` cut to ``max_chars`` characters with a note, else ``None`` (not a text type).

    Only the start of a large file is decoded: 4 bytes per character covers any charset (UTF-32), and
    for HTML ``html_to_text`` caps the markup it converts itself.
    """
    kind = _text_kind(att)
    if kind is None:
        return None
    if kind == "mail":  # the whole mail is parsed (within the parser's own bounds), then cut
        return cap_text(_mail_text(att.data), max_chars, what="attachment")
    limit = 4 * (max_chars if kind == "text" else MAX_HTML_CHARS)
    data, dropped = _head(att.data, limit)
    text = _decode_text(data)
    if kind == "html":
        text = html_to_text(text)
    cut = cap_text(text, max_chars, what="attachment")
    return capped(cut.kept, cut.left_out + dropped, what="attachment") if dropped else cut


_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _head(data: bytes, limit: int) -> tuple[bytes, int]:
    """At most ``limit`` bytes from the start and how many were dropped, cut where no character is split.

    A cut just after a line feed is safe in ASCII-compatible charsets (0x0A is never part of a
    multi-byte character in UTF-8, GB18030, Shift_JIS or EUC); a line without one is cut at a UTF-8
    character boundary (RFC 3629 section 3: continuation bytes are 10xxxxxx). UTF-16 and UTF-32
    files (byte-order mark first) are not cut: the characters are capped after decoding.
    """
    if len(data) <= limit or data.startswith(_WIDE_BOMS):
        return data, 0
    cut = data.rfind(b"\n", 0, limit) + 1
    if cut == 0:
        cut = limit
        while cut > 0 and data[cut] & 0xC0 == 0x80:
            cut -= 1
    return data[:cut], len(data) - cut
