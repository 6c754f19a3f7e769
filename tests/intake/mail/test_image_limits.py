"""Issue 15, finding 9: a decompression bomb is refused from its header, before any pixel is decoded.

A 640 KB PNG of 13000x13000 took 8.6 s and 1.2 GB: Pillow only warned (DecompressionBombWarning) and
the warning was ignored. The pixel count is now checked from the header against a limit, the warning is
an error, and every attachment has a cleaning time budget.
"""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PIL import Image

from intake.mail import attachments
from intake.mail.attachments import clean_attachment_report
from intake.message import InboundAttachment
from intake.pipeline import Intake, IntakeLimits
from models import Attachment
from tests.support.fakes import FakeScrubber
from tests.support.paths import REPO
from tickets.store import TicketStore


@pytest.fixture(scope="module")
def bomb_png(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """13000x13000, one colour: about 640 KB on disk, 507 MB of RGB pixels once decoded."""
    out = io.BytesIO()
    Image.new("RGB", (13000, 13000), (255, 255, 255)).save(out, "PNG")
    path = tmp_path_factory.mktemp("bomb") / "bomb.png"
    path.write_bytes(out.getvalue())
    return path


def test_bomb_is_refused_fast_and_small(bomb_png: Path) -> None:
    assert bomb_png.stat().st_size < 1_000_000
    # A separate interpreter, so the peak resident size measured is this cleaning's alone.
    script = textwrap.dedent(
        f"""
        import resource, sys, time
        from intake.mail.attachments import clean_attachment_report
        from intake.message import InboundAttachment
        data = open({str(bomb_png)!r}, "rb").read()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        report = clean_attachment_report(InboundAttachment("scan.png", "image/png", data))
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(report.outcome, f"{{elapsed:.3f}}", (after - before) // 1024, report.reason)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120, check=True
    )
    outcome, elapsed, extra_mb, *reason = out.stdout.split()
    assert outcome == "refused"
    assert "megapixel" in " ".join(reason)
    # Header only: milliseconds and a few MB. Bounds far above that, far below decoding (8.6 s, 1.2 GB).
    assert float(elapsed) < 1.0, elapsed
    assert int(extra_mb) < 50, extra_mb


def test_pixel_limit_is_configurable() -> None:
    buf = io.BytesIO()
    Image.new("RGB", (100, 100), "red").save(buf, "PNG")
    att = InboundAttachment("klein.png", "image/png", buf.getvalue())
    assert clean_attachment_report(att).outcome == "reencoded"
    assert clean_attachment_report(att, max_pixels=5000).outcome == "refused"


def test_animation_counts_every_frame() -> None:
    frames = [Image.new("RGB", (100, 100), (i * 20, 0, 0)) for i in range(10)]
    buf = io.BytesIO()
    frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:])
    att = InboundAttachment("anim.gif", "image/gif", buf.getvalue())
    assert clean_attachment_report(att, max_pixels=50_000).outcome == "refused"
    assert clean_attachment_report(att, max_pixels=200_000).outcome == "reencoded"


def test_decompression_bomb_warning_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    # Our own limit set high: Pillow's warning alone must refuse the image, not pass it.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 5000)
    buf = io.BytesIO()
    Image.new("RGB", (100, 80), "red").save(buf, "PNG")  # 8000 pixels: warning, not yet Pillow's error
    report = clean_attachment_report(InboundAttachment("a.png", "image/png", buf.getvalue()), max_pixels=10**9)
    assert report.outcome == "refused"


def test_cleaning_over_its_time_budget_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = iter([0.0] + [100.0] * 1000)  # every reading after the start is far past the budget
    monkeypatch.setattr(attachments, "_now", lambda: next(clock))
    buf = io.BytesIO()
    Image.new("RGB", (64, 64), "red").save(buf, "PNG")
    report = clean_attachment_report(InboundAttachment("a.png", "image/png", buf.getvalue()), budget_seconds=5.0)
    assert report.outcome == "refused" and "time" in (report.reason or "")


def test_refused_image_keeps_only_metadata_with_a_note(ticket_store: TicketStore, bomb_png: Path) -> None:
    from intake.message import InboundMessage
    from models import Channel

    data = bomb_png.read_bytes()
    msg = InboundMessage(channel=Channel.EMAIL, external_id="bomb@x", sender="a@example.nl", text="zie bijlage",
                         subject="scan", attachments=(InboundAttachment("scan.png", "image/png", data),))
    out = Intake(ticket_store, FakeScrubber(), limits=IntakeLimits()).submit(msg)
    with ticket_store.reading() as s:
        (row,) = s.query(Attachment).filter(Attachment.message_id == out.message_id).all()
        assert row.content is None and row.size == len(data)
        assert "megapixel" in (row.note or "") and len(row.note or "") <= 255
