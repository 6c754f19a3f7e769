"""Three ``serve`` processes send 500 outbox replies through one smarthost; one is SIGKILLed halfway.

The smarthost is an aiosmtpd sink in the test process that records every Message-ID it receives.
Exactly-once is impossible over SMTP (outbound/mail.py): a reply the killed process handed to
the smarthost but had not yet marked sent is sent again, with the same Message-ID, when its lease
ends. So the test asserts what the design promises: every reply arrives, 500 distinct Message-IDs,
and the duplicates are at most the entries the killed process had in hand (re-claimed after their
lease), which is at most one batch.
"""

from __future__ import annotations

import collections
import inspect
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models import Message, OutboxEntry, OutboxStatus, migrate, utcnow
from models.db import make_engine
from outbound.worker import OutboxWorker
from scrubber import ScrubbedText
from tests.app.scale.serve_procs import Serve, start_serve, stop_all, wait_for
from tests.support.fakes import FakeScrubber
from tests.support.smtp_sink import SmtpSink
from tickets import replies, store
from tickets.store import TicketStore

REPLIES = 500
TICKETS = 50
PROCESSES = 3
LEASE_SECONDS = 8  # a batch of 10 sends to a loopback sink takes well under a second, even when busy
BATCH: int = inspect.signature(OutboxWorker).parameters["batch"].default


def enqueue_replies(ticket_store: TicketStore) -> None:
    """REPLIES agent replies on TICKETS e-mail tickets, through tickets.replies, in one transaction: the
    processes see all of them at once and the kill lands in the middle of the sending."""
    scrubber, identity = FakeScrubber(), replies.MailIdentity("scale.test")
    with ticket_store.writing() as session:
        for t in range(TICKETS):
            contact = store.get_or_create_contact(session, "email", f"klant{t}@example.nl")
            ticket = store.open_ticket(session, channel="email", contact=contact, lang="nl", at=utcnow())
            store.set_subject(ticket, ScrubbedText(f"Vraag {t}"))
            for r in range(REPLIES // TICKETS):
                replies.reply(session, ticket, agent_id=None, text=f"Antwoord {r} op vraag {t}.", scrubber=scrubber,
                              identity=identity, available_channels={"email"})


def smarthost_toml(port: int, name: str) -> str:
    # Each process signs with its own From name, so the sink sees who sent what.
    return (f'[smtp]\naccept = ["support@scale.test"]\n\n[outbox]\nlease_seconds = {LEASE_SECONDS}\n\n'
            f'[outbound_mail]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n'
            f'from_address = "support@scale.test"\nfrom_name = "{name}"\ntimeout = 10\n')


@pytest.mark.slow
def unsent(ticket_store: TicketStore) -> int:
    with ticket_store.reading() as s:
        return int(s.scalar(select(func.count()).where(OutboxEntry.status != OutboxStatus.SENT)) or 0)


def test_killed_sender_loses_no_reply_and_resends_at_most_its_batch(db_url: str, tmp_path: Path) -> None:
    if not db_url.startswith("postgres"):
        pytest.skip("several serve processes share one store only on PostgreSQL (SKIP LOCKED claims)")
    engine = make_engine(db_url)
    migrate.upgrade(engine)
    ticket_store = TicketStore(engine)
    procs: list[Serve] = []
    with SmtpSink() as sink:
        try:
            procs = [start_serve(db_url, tmp_path, f"p{n}", toml=smarthost_toml(sink.port, f"p{n}"))
                     for n in range(PROCESSES)]
            for p in procs:
                p.wait_ready()
            enqueue_replies(ticket_store)
            t0 = time.monotonic()
            wait_for(lambda: len(sink.mails) >= REPLIES // 2, timeout=120)
            # The victim: the process that sent the most recent mail, so it is surely mid-batch.
            recent = sink.mails[-1]["From"].addresses[0].display_name
            victim = next(p for p in procs if p.name == recent)
            victim.kill()
            killed_at = len(sink.mails)
            with ticket_store.reading() as s:
                in_hand = set(s.scalars(select(OutboxEntry.id).where(OutboxEntry.status == OutboxStatus.SENDING)))
            # Every reply has arrived and is recorded as sent. (Arrival alone is not enough: the victim may
            # have sent a mail and died before recording it; that entry stays in hand until its lease ends
            # and a survivor sends it again.)
            wait_for(
                lambda: len({m["Message-ID"] for m in sink.mails}) >= REPLIES and unsent(ticket_store) == 0,
                timeout=LEASE_SECONDS + 120,
            )
            elapsed = time.monotonic() - t0
            time.sleep(1)  # let a stray late re-send show up before counting
        finally:
            stop_all(procs)
        received = collections.Counter(str(m["Message-ID"]) for m in sink.mails)
        senders = collections.Counter(m["From"].addresses[0].display_name for m in sink.mails)
    with ticket_store.reading() as s:
        states = dict(s.execute(select(OutboxEntry.status, func.count()).group_by(OutboxEntry.status)).all())
        # Each reply's Message-ID, from its message (a sent entry's payload is emptied: issue #15).
        expected = {f"<{ref}>" for ref in s.scalars(select(Message.mail_ref).join(
            OutboxEntry, OutboxEntry.message_id == Message.id))}
        reclaimed = set(s.scalars(select(OutboxEntry.id).where(OutboxEntry.attempts > 1)))
    engine.dispose()
    duplicates = sum(n - 1 for n in received.values())
    print(f"\nkilled {victim.name} after {killed_at} mails; in hand (all processes) at the kill: {len(in_hand)}; "
          f"re-claimed after the lease: {len(reclaimed)}; duplicates: {duplicates}; per sender: {dict(senders)}; "
          f"{REPLIES} replies in {elapsed:.1f} s")
    assert len(expected) == REPLIES
    assert set(received) == expected  # every reply arrived, and nothing else
    assert states == {OutboxStatus.SENT: REPLIES}
    # Only entries that were in hand at the kill were claimed twice, and never more than one batch.
    assert reclaimed <= in_hand and len(reclaimed) <= BATCH
    assert duplicates <= len(reclaimed)
    assert all(senders[p.name] > 0 for p in procs)  # all three took part
