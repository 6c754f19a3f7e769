"""Rules in a real ``serve`` (issue 22): a mail over real SMTP with a passport number after its cue is
stored scrubbed, and the ``rules`` role tags its ticket after the commit; after serve is stopped and
started again nothing fires twice, and the next mail is handled once."""

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
from sqlalchemy import select

from models import TicketEvent, migrate
from models.db import make_engine
from tests.intake.smtp.test_crash import wait_port
from tests.support.netutil import free_port
from tests.support.paths import REPO
from tickets import rules_spec, tags
from tickets.store import TicketStore


def _mail(n: int, text: str) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = f"klant{n}@example.nl"
    mail["To"] = "support@localhost"
    mail["Subject"] = f"Vraag {n}"
    mail["Message-ID"] = f"<regel-{n}@example.nl>"
    mail.set_content(text)
    return mail


def _fired(store: TicketStore) -> list[int]:
    with store.reading() as session:
        return [e.ticket_id for e in session.scalars(select(TicketEvent).where(TicketEvent.kind == "rule_applied")
                                                     .order_by(TicketEvent.id))]


@pytest.mark.slow
def test_serve_runs_the_rules_after_commit_and_a_restart_fires_nothing_twice(db_url: str, tmp_path: Path) -> None:
    engine = make_engine(db_url)
    migrate.upgrade(engine)
    store = TicketStore(engine)
    with store.writing() as session:
        rules_spec.create(session, rules_spec.parse(session, {
            "name": "passport", "trigger": "ticket_created", "conditions": {"pii": ["ID_DOCUMENT"]},
            "actions": [{"type": "tag", "tags": ["id-document"]}]}))
        rules_spec.create(session, rules_spec.parse(session, {
            "name": "every new ticket", "trigger": "ticket_created", "actions": [{"type": "tag", "tags": ["nieuw"]}]}))
    smtp_port, web_port = free_port(), free_port()
    config = tmp_path / "scrubdesk.toml"
    config.write_text('[smtp]\naccept = ["support@localhost"]\n')
    env = dict(os.environ, SCRUBDESK_DATABASE_URL=db_url, SCRUBDESK_DATA_DIR=str(tmp_path / "var"),
               SCRUBDESK_CONFIG=str(config), SCRUBDESK_SMTP__PORT=str(smtp_port), SCRUBDESK_WEB__PORT=str(web_port))
    log = tmp_path / "serve.log"

    def run(mails: list[EmailMessage], expect: int) -> None:
        with log.open("ab") as out:
            proc = subprocess.Popen([sys.executable, "-m", "app", "serve"], env=env, cwd=REPO, stdout=out,
                                    stderr=subprocess.STDOUT)
        try:
            wait_port(smtp_port, proc, timeout=120)
            with smtplib.SMTP("127.0.0.1", smtp_port) as client:
                for mail in mails:
                    client.send_message(mail)
            deadline = time.monotonic() + 30
            while len(_fired(store)) < expect and time.monotonic() < deadline:
                time.sleep(0.2)
            time.sleep(2.5)  # more passes of the role: nothing more may fire
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)
        assert proc.returncode == 0, log.read_text()[-2000:]

    try:
        run([_mail(1, "Goedemiddag,\n\nMijn paspoortnummer is NW1K2L3P4, kunt u mijn account openen?\n")], 2)
        run([], 2)  # restarted: nothing fires again
        run([_mail(2, "Hallo, mijn bestelling is nog niet binnen.\n")], 3)
        fired = _fired(store)
        assert len(fired) == 3
        first, second = sorted(set(fired))
        with store.reading() as session:
            assert tags.names_of(session, [first, second]) == {first: ["id-document", "nieuw"], second: ["nieuw"]}
        assert "NW1K2L3P4" not in log.read_text()
    finally:
        engine.dispose()
