"""Crash test: 8 clients send 200 messages while ``scrubdesk serve`` is SIGKILLed twice.

Every message that got a 250 must be stored exactly once, and since the clients retry like an MTA
(on 4xx and on a dropped connection), every message ends up stored exactly once.

It sent 400 before; 200 (killed after 50 and after 100 acknowledged, all eight clients mid-delivery at
each kill) show the same, in about half the time of the messages.
"""

from __future__ import annotations

import os
import signal
import smtplib
import socket
import subprocess
import sys
import threading
import time
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models import Direction, Message
from models.db import make_engine
from tests.support.netutil import free_port
from tickets.store import TicketStore, mail_key

TOTAL, CLIENTS = 200, 8


def start_serve(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen([sys.executable, "-m", "app", "serve"], env=env, stdout=out, stderr=out)


def wait_port(port: int, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"serve exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("serve did not start listening")


@pytest.mark.slow
def test_sigkill_during_delivery_loses_and_duplicates_nothing(db_url: str, tmp_path: Path) -> None:
    smtp_port, web_port = free_port(), free_port()
    env = dict(os.environ, SCRUBDESK_DATABASE_URL=db_url, SCRUBDESK_DATA_DIR=str(tmp_path),
               SCRUBDESK_SMTP__PORT=str(smtp_port), SCRUBDESK_WEB__PORT=str(web_port),
               SCRUBDESK_SMTP__ACCEPT='["support@crash.test"]', SCRUBDESK_LOG_LEVEL="WARNING",
               SCRUBDESK_SMTP__MAX_MESSAGES_PER_MINUTE="100000", SCRUBDESK_CONFIG=str(tmp_path / "none.toml"))
    (tmp_path / "none.toml").write_text("")
    log = tmp_path / "serve.log"
    proc = start_serve(env, log)
    wait_port(smtp_port, proc)

    acked: list[str] = []
    lock = threading.Lock()
    queue = list(range(TOTAL))

    def client() -> None:
        while True:
            with lock:
                if not queue:
                    return
                n = queue.pop()
            msg = EmailMessage()
            msg["From"], msg["To"], msg["Subject"] = f"klant{n % 37}@example.nl", "support@crash.test", f"Vraag {n}"
            msg["Message-ID"] = f"<crash-{n}@example.nl>"
            msg.set_content(f"Bericht {n}: mijn telefoon is 06-1234{n:04d}.")
            for _attempt in range(200):
                try:
                    with smtplib.SMTP("127.0.0.1", smtp_port, timeout=20) as c:
                        c.send_message(msg)
                    with lock:
                        acked.append(msg["Message-ID"].strip("<>"))
                    break
                except (OSError, smtplib.SMTPException):
                    time.sleep(0.2)  # like an MTA: try again later
            else:
                raise AssertionError(f"message {n} never accepted")

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for t in threads:
        t.start()
    try:
        for kill_at in (TOTAL // 4, TOTAL // 2):
            while len(acked) < kill_at:
                time.sleep(0.05)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            proc = start_serve(env, log)
            wait_port(smtp_port, proc)
        for t in threads:
            t.join(timeout=600)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)

    assert len(acked) == TOTAL
    store = TicketStore(make_engine(db_url))
    with store.reading() as s:
        # The customers' messages: a message recognised as a privacy request also gets our outgoing
        # verification mail on its ticket, which is no message of theirs.
        rows = s.execute(select(Message.external_id, func.count()).where(Message.direction == Direction.IN)
                         .group_by(Message.external_id)).all()
    store.engine.dispose()
    counts = dict(rows)
    assert set(counts) == {mail_key(a) for a in acked}
    assert set(counts.values()) == {1}
