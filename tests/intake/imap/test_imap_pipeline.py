"""The poller with the real sink of ``serve`` (``parse_email`` + ``submit``) and the SQL state store.

The other IMAP tests use a small SQLite sink; this one checks the seam the lead wires in ``serve``:
a mail with personal data arrives through Dovecot and IDLE, is stored scrubbed, acknowledged by MOVE,
and a second copy of the same message is recognised as a duplicate and acknowledged too.
"""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import func, select

from app.config import Settings
from app.core import Core
from app.serve import IntakeMailSink
from intake.imap import ImapMailboxConfig, ImapPoller, SqlMailboxState
from intake.pipeline import Intake
from models import Message
from tests.intake.imap.conftest import config_dict, wait_for
from tests.intake.imap.dovecot import DovecotServer
from tickets.store import TicketStore

MAIL = (
    b"From: Jan de Vries <jan@example.nl>\r\nTo: support@scrubdesk.example\r\nSubject: Inloggen lukt niet\r\n"
    b"Message-ID: <imap-e2e-1@example.nl>\r\nDate: Thu, 26 Nov 2026 10:00:00 +0100\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n\r\n"
    b"Hallo, mijn BSN is 111222333 en mijn nummer is 06-12345678. Groet, Jan de Vries\r\n"
)


def test_real_pipeline_through_imap(
    dovecot: DovecotServer, ticket_store: TicketStore, real_scrubber, tmp_path: Path
) -> None:
    settings = Settings(data_dir=tmp_path)
    core = Core(
        settings=settings,
        store=ticket_store,
        scrubber=real_scrubber,
        intake=Intake(ticket_store, real_scrubber),
    )
    stop = threading.Event()
    config = ImapMailboxConfig.model_validate(config_dict(dovecot, poll_interval=3600))
    poller = ImapPoller(config, IntakeMailSink(core), SqlMailboxState(ticket_store), stop_event=stop)
    thread = threading.Thread(target=poller.run, daemon=True)
    thread.start()
    try:

        def stored() -> list[Message]:
            with ticket_store.reading() as s:
                return list(s.scalars(select(Message)))

        dovecot.deliver(MAIL)
        wait_for(lambda: len(stored()) == 1, timeout=60)
        text = stored()[0].text
        assert "111222333" not in text and "06-12345678" not in text
        wait_for(lambda: dovecot.count("Processed") == 1)
        # The same message again (a resend, or a copy restored into INBOX): a duplicate, acknowledged.
        dovecot.deliver(MAIL)
        wait_for(lambda: dovecot.count("Processed") == 2, timeout=30)
        with ticket_store.reading() as s:
            assert s.scalar(select(func.count()).select_from(Message)) == 1
        assert dovecot.count("INBOX") == 0
        assert poller.quarantined == 0
        state = SqlMailboxState(ticket_store).load(config.key)
        assert state == (dovecot.uidvalidity(), 2)
    finally:
        stop.set()
        thread.join(10)
