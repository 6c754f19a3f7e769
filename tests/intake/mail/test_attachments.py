"""Image metadata (GPS above all) is gone after cleaning; text attachments are readable for scrubbing."""

from __future__ import annotations

import io
from email.message import EmailMessage
from typing import Any

import pytest
from PIL import Image

from intake.mail.attachments import attachment_text, clean_attachment, clean_attachment_report
from intake.mail.parse import parse_email
from intake.message import InboundAttachment
from tests.intake.mail.conftest import CAMERA_OWNER, make_photo

GPS_IFD = 0x8825


def _exif_of(data: bytes) -> tuple[Image.Exif, dict[str | tuple[int, int], Any], str | None]:
    with Image.open(io.BytesIO(data)) as img:
        img.load()
        return img.getexif(), dict(img.info), img.format


def test_generated_photo_really_has_gps(gps_jpeg: bytes) -> None:
    # Guards the test below against passing on a photo without GPS to begin with.
    exif, _, _ = _exif_of(gps_jpeg)
    assert exif.get_ifd(GPS_IFD)[2] == (51.0, 33.0, 12.5)


def test_gps_gone_from_jpeg_attached_to_a_mail(gps_jpeg: bytes) -> None:
    msg = EmailMessage()
    msg["From"] = "Quinten Quasi <quinten@example.test>"
    msg["To"] = "support@scrubdesk.test"
    msg["Subject"] = "Foto van de router"
    msg.set_content("Zie foto.")
    msg.add_attachment(gps_jpeg, maintype="image", subtype="jpeg", filename="router.jpg")
    (att,) = parse_email(msg.as_bytes()).attachments
    assert att.data == gps_jpeg

    cleaned = clean_attachment(att)
    exif, info, fmt = _exif_of(cleaned.data)
    assert fmt == "JPEG"
    assert GPS_IFD not in exif
    assert len(exif) == 0
    assert "comment" not in info
    assert CAMERA_OWNER.encode() not in cleaned.data
    assert cleaned.filename == "router.jpg"
    assert cleaned.content_type == "image/jpeg"
    with Image.open(io.BytesIO(cleaned.data)) as img:
        assert img.size == (64, 48)
        r, g, b = img.convert("RGB").getpixel((40, 20))  # type: ignore[misc]
        assert r > 150 and g < 80 and b < 80  # still the red picture


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "TIFF", "HEIF"])
def test_metadata_removed_in_every_supported_format(fmt: str) -> None:
    original = make_photo(fmt)
    assert GPS_IFD in _exif_of(original)[0]
    report = clean_attachment_report(InboundAttachment("p", "application/octet-stream", original))
    assert report.outcome == "reencoded"
    assert "gps" in report.removed
    exif, _, out_fmt = _exif_of(report.attachment.data)
    assert out_fmt == fmt
    assert GPS_IFD not in exif
    assert CAMERA_OWNER.encode() not in report.attachment.data


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_orientation_is_applied_before_exif_is_dropped(fmt: str) -> None:
    # Orientation 6: the camera was turned; viewers rotate 90 degrees clockwise.
    original = make_photo(fmt, orientation=6)
    cleaned = clean_attachment(InboundAttachment("p.jpg", "image/jpeg", original))
    with Image.open(io.BytesIO(cleaned.data)) as img:
        assert img.size == (48, 64)
        assert img.getexif().get(0x0112) is None
        # The blue mark along the original top edge is now down the right edge.
        r, _g, b = img.convert("RGB").getpixel((45, 5))  # type: ignore[misc]
        assert b > 150 and r < 100


def test_png_text_chunks_removed() -> None:
    from PIL.PngImagePlugin import PngInfo

    meta = PngInfo()
    meta.add_text("Author", CAMERA_OWNER)
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(out, "PNG", pnginfo=meta)
    report = clean_attachment_report(InboundAttachment("s.png", "image/png", out.getvalue()))
    assert "text" in report.removed
    assert CAMERA_OWNER.encode() not in report.attachment.data


def test_animated_gif_keeps_its_frames() -> None:
    frames = [Image.new("RGB", (8, 8), colour) for colour in ("red", "green", "blue")]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0, comment=b"x")
    cleaned = clean_attachment(InboundAttachment("a.gif", "image/gif", out.getvalue()))
    with Image.open(io.BytesIO(cleaned.data)) as img:
        assert getattr(img, "n_frames", 1) == 3
        assert "comment" not in img.info


def test_unparseable_image_is_kept_and_reported() -> None:
    att = InboundAttachment("broken.jpg", "image/jpeg", b"\xff\xd8\xff\xe0 not really a jpeg")
    report = clean_attachment_report(att)
    assert report.outcome == "unparseable"
    assert report.attachment is att


def test_non_images_are_untouched() -> None:
    att = InboundAttachment("f.pdf", "application/pdf", b"%PDF-1.4\n")
    assert clean_attachment_report(att) == clean_attachment_report(att)
    assert clean_attachment_report(att).outcome == "unchanged"
    assert clean_attachment(att) is att


@pytest.mark.parametrize(
    ("att", "expected"),
    [
        (InboundAttachment("a.txt", "text/plain", b"Naam: Rosa Raadsel"), "Naam: Rosa Raadsel"),
        (InboundAttachment("a.csv", "text/csv", b"naam;iban\nRosa;NL91ABNA0417164300\n"), "Rosa;NL91"),
        (InboundAttachment("a.log", "application/octet-stream", b"login rosa ok\n"), "login rosa ok"),
        (InboundAttachment("p.html", "text/html", b"<p>Hallo <b>Rosa</b></p>"), "Hallo Rosa"),
        (
            InboundAttachment("w.txt", "text/plain", "café".encode("utf-16")),
            "café",
        ),
        (
            InboundAttachment(
                "r.txt",
                "text/plain",
                "Здравствуйте, меня зовут Роза, мой сайт не работает уже два дня.".encode("koi8-r"),
            ),
            "меня зовут Роза",
        ),
    ],
)
def test_attachment_text(att: InboundAttachment, expected: str) -> None:
    text = attachment_text(att)
    assert text is not None
    assert expected in text
    assert "\ufeff" not in text and "<b>" not in text


def test_attachment_text_none_for_binary() -> None:
    assert attachment_text(InboundAttachment("f.pdf", "application/pdf", b"%PDF")) is None
    assert attachment_text(InboundAttachment("p.jpg", "image/jpeg", b"\xff\xd8")) is None
