"""Fixtures for the e-mail adapter tests: the committed .eml files and images made with Pillow."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from tests.support.paths import FIXTURES

MAIL_DIR = FIXTURES / "mail"

# A fictional location (a field near Tilburg), degrees/minutes/seconds as EXIF rationals.
GPS_LAT = (51.0, 33.0, 12.5)
GPS_LON = (5.0, 4.0, 48.25)
CAMERA_OWNER = "Fictieve Fotograaf"


def mail(name: str) -> bytes:
    return (MAIL_DIR / name).read_bytes()


def make_photo(fmt: str = "JPEG", orientation: int = 1, size: tuple[int, int] = (64, 48)) -> bytes:
    """A small photo with EXIF camera data, an owner name and GPS coordinates."""
    img = Image.new("RGB", size, (200, 30, 30))
    for x in range(size[0] // 2):  # a blue band on the top-left edge, to check orientation
        for y in range(6):
            img.putpixel((x, y), (0, 0, 255))
    exif = Image.Exif()
    exif[0x010F] = "FictionalCam"  # Make
    exif[0x013B] = CAMERA_OWNER  # Artist
    exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", GPS_LAT, "E", GPS_LON
    out = io.BytesIO()
    options: dict[str, object] = {"exif": exif.tobytes()}
    if fmt == "JPEG":
        options["comment"] = b"holiday at home"
    img.save(out, fmt, **options)
    return out.getvalue()


@pytest.fixture
def gps_jpeg() -> bytes:
    return make_photo("JPEG")


# The keys `scrubdesk mail parse --json` prints, in this order (the foundation issue's list).
KEYS = [
    "message_id",
    "in_reply_to",
    "references",
    "from",
    "to",
    "cc",
    "subject",
    "text",
    "auto_submitted",
    "bounce",
    "attachments",
    "notes",
]
