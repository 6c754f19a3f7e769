"""Several ``serve`` processes on one PostgreSQL: each message stored exactly once.

500 messages are spread over three processes' SMTP ports, and every fifth one is also delivered to the
next process at the same time (an MTA retrying against a second MX): the unique idempotency key decides,
and both deliveries are acknowledged with 250. (It also ran with two processes: the same races between
pairs of processes, which three processes have too, at twice the cost.)
"""

from __future__ import annotations

import os
import signal
import smtplib
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models import Message, Ticket
from models.db import make_engine
from tests.intake.smtp.test_crash import wait_port
from tests.support.netutil import free_port
from tests.support.paths import REPO
from tickets.store import TicketStore

ROOT = REPO


def start(db_url: str, tmp: Path, n: int) -> tuple[subprocess.Popen[bytes], int]:
    smtp_port, web_port = free_port(), free_port()
    (tmp / f"p{n}").mkdir()
    env = dict(os.environ, SCRUBDESK_DATABASE_URL=db_url, SCRUBDESK_DATA_DIR=str(tmp / f"p{n}"),
               SCRUBDESK_SMTP__PORT=str(smtp_port), SCRUBDESK_WEB__PORT=str(web_port),
               SCRUBDESK_SMTP__ACCEPT='["support@scale.test"]', SCRUBDESK_LOG_LEVEL="WARNING",
               SCRUBDESK_SMTP__MAX_MESSAGES_PER_MINUTE="100000", SCRUBDESK_CONFIG=str(tmp / "none.toml"))
    log = (tmp / f"serve{n}.log").open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "app", "serve"], env=env, cwd=ROOT, stdout=log, stderr=log)
    return proc, smtp_port


@pytest.mark.slow
@pytest.mark.parametrize("processes", [3])
def test_two_processes_store_each_message_once(db_url: str, tmp_path: Path, processes: int) -> None:
    if not db_url.startswith("postgres"):
        pytest.skip("several serve processes share a PostgreSQL store, not SQLite")
    (tmp_path / "none.toml").write_text("")
    procs = [start(db_url, tmp_path, n) for n in range(processes)]
    try:
        for proc, port in procs:
            wait_port(port, proc)
        ports = [port for _, port in procs]
        errors: list[str] = []
        lock = threading.Lock()

        def deliver(n: int, port: int) -> None:
            msg = EmailMessage()
            msg["From"], msg["To"] = f"klant{n % 40}@example.nl", "support@scale.test"
            msg["Subject"], msg["Message-ID"] = f"Vraag {n}", f"<scale-{n}@example.nl>"
            msg.set_content(f"Bericht {n}, bel me op 06-1234{n:04d}.")
            try:
                with smtplib.SMTP("127.0.0.1", port, timeout=60) as c:
                    c.send_message(msg)
            except Exception as exc:
                with lock:
                    errors.append(f"{n}: {exc!r}")

        jobs = [(n, ports[n % processes]) for n in range(500)]
        jobs += [(n, ports[(n + 1) % processes]) for n in range(0, 500, 5)]
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(lambda job: deliver(*job), jobs))
        assert errors == []
    finally:
        for proc, _ in procs:
            proc.send_signal(signal.SIGTERM)
        for proc, _ in procs:
            proc.wait(timeout=60)
    store = TicketStore(make_engine(db_url))
    with store.reading() as s:
        counts = dict(s.execute(select(Message.external_id, func.count()).group_by(Message.external_id)).all())
        tickets = s.scalar(select(func.count()).select_from(Ticket))
    store.engine.dispose()
    assert len(counts) == 500 and set(counts.values()) == {1}
    assert tickets == 500  # distinct subjects, no references: one ticket each, numbers unique by construction
