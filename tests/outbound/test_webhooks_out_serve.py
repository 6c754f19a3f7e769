"""Outgoing webhooks in a real ``serve`` (issue 22): mail over real SMTP becomes a signed POST to a loopback
receiver; after serve is stopped and started again nothing is sent twice, and the next mail is sent once.
"""

from __future__ import annotations

import os
import signal
import smtplib
import subprocess
import sys
import time
from email.message import EmailMessage
from pathlib import Path

import pytest

from models import migrate
from models.db import make_engine
from tests.intake.smtp.test_crash import wait_port
from tests.outbound.test_webhooks_out import (
    SECRET,
    Receiver,
    add_endpoint,
    receiver,  # noqa: F401  (the fixture)
    verify_documented,
)
from tests.support.netutil import free_port
from tests.support.paths import REPO
from tickets.store import TicketStore


def _mail(n: int) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = "klant@example.nl"
    mail["To"] = "support@localhost"
    mail["Subject"] = f"Vraag {n}"
    mail["Message-ID"] = f"<vraag-{n}@example.nl>"
    mail.set_content("Hallo, ik heb een vraag over mijn bestelling.\n")
    return mail


def _wait(receiver: Receiver, count: int, timeout: float = 30) -> None:  # noqa: F811
    deadline = time.monotonic() + timeout
    while len(receiver.got) < count and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(receiver.got) >= count, f"{len(receiver.got)} of {count} deliveries arrived"


@pytest.mark.slow
def test_serve_sends_signed_webhooks_and_a_restart_sends_nothing_twice(
        db_url: str, tmp_path: Path, receiver: Receiver) -> None:  # noqa: F811
    engine = make_engine(db_url)
    migrate.upgrade(engine)
    add_endpoint(TicketStore(engine), receiver.url)
    engine.dispose()
    smtp_port, web_port = free_port(), free_port()
    config = tmp_path / "scrubdesk.toml"
    config.write_text('[smtp]\naccept = ["support@localhost"]\n\n'
                      '[webhooks_out]\nallow_loopback = true\ndispatch_seconds = 0.2\n')
    # The test's deployment key (tests/conftest.py) stays in the environment: the endpoint's secret is sealed with it.
    env = dict(os.environ, SCRUBDESK_DATABASE_URL=db_url, SCRUBDESK_DATA_DIR=str(tmp_path / "var"),
               SCRUBDESK_CONFIG=str(config), SCRUBDESK_SMTP__PORT=str(smtp_port), SCRUBDESK_WEB__PORT=str(web_port))
    log = tmp_path / "serve.log"

    def run(mails: list[int], expect: int) -> None:
        with log.open("ab") as out:
            proc = subprocess.Popen([sys.executable, "-m", "app", "serve"], env=env, cwd=REPO, stdout=out,
                                    stderr=subprocess.STDOUT)
        try:
            wait_port(smtp_port, proc, timeout=120)
            with smtplib.SMTP("127.0.0.1", smtp_port) as client:
                for n in mails:
                    client.send_message(_mail(n))
            _wait(receiver, expect)
            time.sleep(1.5)  # several dispatcher passes and worker polls: nothing more may come
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)
        assert proc.returncode == 0, log.read_text()[-2000:]

    run([1], 1)
    run([], 1)  # restarted: what was delivered is not delivered again
    run([2], 2)
    assert len(receiver.got) == 2
    assert [r.json()["ticket"]["subject"] for r in receiver.got] == ["Vraag 1", "Vraag 2"]
    assert all(verify_documented(SECRET, r) for r in receiver.got)
    assert len({r.headers["x-scrubdesk-delivery"] for r in receiver.got}) == 2
    served = log.read_text()
    assert "HTTP Request: POST http://127.0.0.1" in served  # httpx still logs the request, without its path
    assert "token=abc" not in served and "/hooks/in" not in served and "klant@example.nl" not in served
