"""Words and their boxes in an image, read by Tesseract (Debian ``tesseract-ocr``, nld and eng data).

A screenshot of a control panel shows the customer's name, address and IBAN as pixels; only after
reading them can the scrubber find them and ``intake.attachments.images`` paint them over. Tesseract
runs as its own process (``pytesseract`` starts one per image), so recognition never holds the event
loop or the GIL; a semaphore bounds how many run at once (one per core: ``os.cpu_count``), and each
is killed when its time budget runs out (``TesseractError``/``RuntimeError`` from pytesseract's timeout).
Without Tesseract installed, ``available()`` is False and images keep their metadata only.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
from dataclasses import dataclass
from functools import cache

from PIL import Image

log = logging.getLogger(__name__)

# Screenshots are read best at about 300 dpi equivalents: small images are scaled up before reading.
_MIN_WIDTH = 1600
_SLOTS = threading.BoundedSemaphore(max(1, os.cpu_count() or 1))


class OcrUnavailable(Exception):
    """Tesseract is not installed or its language data is missing."""


class OcrTimeout(Exception):
    """Recognition did not finish within its time budget."""


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    box: tuple[int, int, int, int]  # left, top, right, bottom in the image's own pixels
    start: int  # offset of the word in ``Reading.text``
    end: int


@dataclass(frozen=True, slots=True)
class Reading:
    text: str  # lines of words joined by spaces, lines by newlines
    words: tuple[Word, ...]


@cache
def available(languages: str = "nld+eng") -> bool:
    """Whether Tesseract and every language of ``languages`` are installed (checked once per process)."""
    import pytesseract

    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        return False
    try:
        installed = set(pytesseract.get_languages(config=""))
    except Exception:  # a broken installation counts as none
        return False
    return set(languages.split("+")) <= installed


def read_words(image: Image.Image, *, languages: str, seconds: float) -> Reading:
    """The words of ``image`` in reading order with their boxes; raises ``OcrTimeout``/``OcrUnavailable``."""
    import pytesseract

    if not available(languages):
        raise OcrUnavailable("Tesseract or its language data is not installed")
    gray = image.convert("L")
    scale = 1.0
    if gray.width < _MIN_WIDTH:
        scale = min(3.0, _MIN_WIDTH / max(gray.width, 1))
        gray = gray.resize((round(gray.width * scale), round(gray.height * scale)), Image.Resampling.LANCZOS)
    with _SLOTS:
        try:
            data = pytesseract.image_to_data(
                gray, lang=languages, output_type=pytesseract.Output.DICT, timeout=seconds
            )
        except RuntimeError as exc:  # pytesseract kills the process at the timeout and says so
            if "timeout" in str(exc).lower():
                raise OcrTimeout(f"text recognition took longer than {seconds:g} s (time limit)") from exc
            raise
    return _reading(data, scale)


def _reading(data: dict[str, list[object]], scale: float) -> Reading:
    """Tesseract's TSV rows (level 5 = words) as one text with each word's offsets and box."""
    parts: list[str] = []
    words: list[Word] = []
    offset = 0
    previous_line: tuple[object, ...] | None = None
    for i, raw in enumerate(data["text"]):
        text = str(raw).strip()
        if int(str(data["level"][i])) != 5 or not text:
            continue
        line = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        if previous_line is not None:
            sep = " " if line == previous_line else "\n"
            parts.append(sep)
            offset += 1
        previous_line = line
        left, top = int(str(data["left"][i])), int(str(data["top"][i]))
        width, height = int(str(data["width"][i])), int(str(data["height"][i]))
        box = (
            int(left / scale),
            int(top / scale),
            int((left + width) / scale + 0.999),
            int((top + height) / scale + 0.999),
        )
        words.append(Word(text, box, offset, offset + len(text)))
        parts.append(text)
        offset += len(text)
    return Reading("".join(parts), tuple(words))
