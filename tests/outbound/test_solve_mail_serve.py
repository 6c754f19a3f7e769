"""The solve mail in a real ``serve``: a ticket opened over real SMTP and solved gets one solve mail
through the smarthost (a real SMTP sink), with the public base URL of ``[privacy] public_url`` in its
link; after serve is stopped and started again nothing is sent twice."""

from __future__ import annotations

import os
import signal
import smtplib
import subprocess
import sys
import time
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import select

from models import Ticket, TicketStatus, migrate
from models.db import make_engine
from models.webhooks_out import WebhookCursor
from tests.intake.smtp.test_crash import wait_port
from tests.support.netutil import free_port
from tests.support.paths import REPO
from tests.support.smtp_sink import SmtpSink
from tickets import event_feed, replies
from tickets.store import TicketStore

PUBLIC = "https://help.example.test"


def _until(check: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


@pytest.mark.slow
def test_serve_sends_one_solve_mail_and_a_restart_sends_nothing_twice(db_url: str, tmp_path: Path) -> None:
    engine = make_engine(db_url)
    migrate.upgrade(engine)
    store = TicketStore(engine)
    smtp_port, web_port = free_port(), free_port()
    with SmtpSink() as sink:
        config = tmp_path / "scrubdesk.toml"
        config.write_text(f'[smtp]\naccept = ["support@localhost"]\n\n[outbound_mail]\nhost = "127.0.0.1"\n'
                          f'port = {sink.port}\nsecurity = "none"\nfrom_address = "support@host.test"\n\n'
                          f'[solve_mail]\ninterval_seconds = 0.2\n\n[privacy]\npublic_url = "{PUBLIC}"\n')
        env = dict(os.environ, SCRUBDESK_DATABASE_URL=db_url, SCRUBDESK_DATA_DIR=str(tmp_path / "var"),
                   SCRUBDESK_CONFIG=str(config), SCRUBDESK_SMTP__PORT=str(smtp_port),
                   SCRUBDESK_WEB__PORT=str(web_port))
        log = tmp_path / "serve.log"

        def run(work: Callable[[], None]) -> None:
            with log.open("ab") as out:
                proc = subprocess.Popen([sys.executable, "-m", "app", "serve"], env=env, cwd=REPO, stdout=out,
                                        stderr=subprocess.STDOUT)
            try:
                wait_port(smtp_port, proc, timeout=120)
                work()
            finally:
                proc.send_signal(signal.SIGTERM)
                proc.wait(timeout=60)
            assert proc.returncode == 0, log.read_text()[-2000:]

        def consumer_started() -> bool:
            name = event_feed.key("solve-mail", "ticket_events")
            with store.reading() as session:
                return session.scalar(select(WebhookCursor).where(WebhookCursor.source == name)) is not None

        def open_and_solve() -> None:
            mail = EmailMessage()
            mail["From"], mail["To"], mail["Subject"] = "klant@example.nl", "support@localhost", "Bestelling"
            mail["Message-ID"] = "<vraag-1@example.nl>"
            mail.set_content("Hallo, ik heb een vraag over mijn bestelling. Waar blijft mijn pakket?\n")
            with smtplib.SMTP("127.0.0.1", smtp_port) as client:
                client.send_message(mail)
            _until(lambda: len(sink.mails) >= 1)  # the acknowledgement
            _until(consumer_started)
            with store.writing() as session:  # as a rule or an agent would, in its own transaction
                ticket = session.scalars(select(Ticket)).one()
                replies.set_status(session, ticket, TicketStatus.SOLVED, actor="system")
            _until(lambda: len(sink.mails) >= 2)
            time.sleep(1.5)  # several passes and worker polls: nothing more may come

        run(open_and_solve)
        run(lambda: time.sleep(3))  # restarted: the solve is handled already
        kinds = [str(m["Auto-Submitted"]) for m in sink.mails]
        assert kinds == ["auto-replied", "auto-generated"], kinds
        solve = sink.mails[1]
        assert solve["In-Reply-To"] == "<vraag-1@example.nl>"
        assert f"{PUBLIC}/rate/" in solve.get_content() and "opgelost" in solve.get_content()
    engine.dispose()
