"""``python -m intake.mail.parse FILE.eml`` prints the documented JSON."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from intake.mail.parse import main
from tests.intake.mail.conftest import KEYS, MAIL_DIR
from tests.support.paths import REPO

REPO = REPO


def test_module_prints_json_with_the_documented_keys() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "intake.mail.parse", str(MAIL_DIR / "rfc2231_filename.eml"), "--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    data = json.loads(out.stdout)
    assert list(data) == KEYS
    assert data["from"] == "karel@example.test"
    assert data["attachments"][0]["filename"] == "factuur février €.pdf"
    assert data["attachments"][0]["size"] == 9


def test_main_reads_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(MAIL_DIR / "dsn_bounce.eml"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["auto_submitted"] is True
    assert data["bounce"]["original_message_id"] == "reply-1@scrubdesk.test"


def test_main_without_json_prints_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(MAIL_DIR / "dsn_bounce.eml")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("From: mailer-daemon@mx.example.test")
    assert "Automatic: dsn, bounce 5.1.1" in out
    assert "  - Delivery report.txt (message/delivery-status" in out
