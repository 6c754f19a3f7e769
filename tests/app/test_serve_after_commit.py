"""The after-commit consumers of the event feed in one real ``serve`` (issue 22): rules, outgoing webhooks
and the solve mail, each checked end to end and each checked to do nothing twice after a restart.

One serve run and one restart per database serve all three consumers: a serve start costs seconds (the
scrubber loads), and each consumer used to have its own test with two or three starts. What each
consumer must do is unchanged:

- rules: a mail over real SMTP with a passport number after its cue is stored scrubbed and tagged by the
  ``rules`` role after the commit; the number never reaches the log;
- webhooks out: every event becomes one signed POST to a loopback receiver, verified with the documented
  recipe, and httpx's log line shows no path, token or address;
- solve mail: a solved ticket gets one solve mail through the smarthost (a real SMTP sink), threaded, with
  the public base URL of ``[privacy] public_url`` in its rating link.

"Nothing twice after a restart" is checked on a condition instead of a quiet wait: the restarted serve
gets a new mail, and once every consumer has handled every committed row (``tickets.event_feed``) and the
outbox has nothing left to send, the counts must be exact. A consumer that forgot its position would have
handled the old rows again before (or with) the new ones, since it reads rows by id.
"""

from __future__ import annotations

import os
import signal
import smtplib
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models import OutboxEntry, OutboxStatus, Ticket, TicketEvent, TicketStatus, migrate
from models.db import make_engine
from models.rules import RULES_CONSUMER
from models.webhooks_out import SOURCE_EVENTS, SOURCE_MESSAGES, SOURCES, WebhookCursor
from outbound import solve_mail, webhooks_out
from tests.app.scale.serve_procs import wait_for
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
from tests.support.smtp_sink import SmtpSink
from tickets import event_feed, replies, rules_spec, tags
from tickets.store import TicketStore

PUBLIC = "https://help.example.test"
PASSPORT = "NW1K2L3P4"
# Each consumer of the event feed and the tables it reads.
CONSUMERS: dict[str, tuple[str, ...]] = {
    RULES_CONSUMER: (SOURCE_MESSAGES,),
    webhooks_out.CONSUMER: SOURCES,
    solve_mail.CONSUMER: (SOURCE_EVENTS,),
}


def _mail(n: int, text: str) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = f"klant{n}@example.nl"
    mail["To"] = "support@localhost"
    mail["Subject"] = f"Vraag {n}"
    mail["Message-ID"] = f"<vraag-{n}@example.nl>"
    mail.set_content(text)
    return mail


@dataclass
class Desk:
    store: TicketStore
    sink: SmtpSink
    receiver: Receiver
    env: dict[str, str]
    smtp_port: int
    log: Path

    def serve(self, work: Callable[[], None]) -> None:
        """One serve run: start it, do ``work`` against it, stop it with SIGTERM; it must exit cleanly."""
        with self.log.open("ab") as out:
            proc = subprocess.Popen([sys.executable, "-m", "app", "serve"], env=self.env, cwd=REPO, stdout=out,
                                    stderr=subprocess.STDOUT)
        try:
            wait_port(self.smtp_port, proc, timeout=120)
            work()
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)
        assert proc.returncode == 0, self.log.read_text()[-2000:]

    def send(self, mail: EmailMessage) -> None:
        with smtplib.SMTP("127.0.0.1", self.smtp_port) as client:
            client.send_message(mail)

    def fired(self) -> list[int]:
        with self.store.reading() as session:
            return list(session.scalars(select(TicketEvent.ticket_id).where(TicketEvent.kind == "rule_applied")
                                        .order_by(TicketEvent.id)))

    def started(self, consumer: str) -> bool:
        with self.store.reading() as session:
            name = event_feed.key(consumer, CONSUMERS[consumer][0])
            return session.scalar(select(WebhookCursor).where(WebhookCursor.source == name)) is not None

    def settled(self) -> bool:
        """Every consumer has handled every committed row, and the outbox has sent all it queued."""
        with self.store.reading() as session:
            for consumer, sources in CONSUMERS.items():
                for source in sources:
                    name = event_feed.key(consumer, source)
                    mark = session.scalar(select(WebhookCursor).where(WebhookCursor.source == name))
                    if mark is None or event_feed.unhandled(session, consumer, source, mark.position, 1):
                        return False
            waiting = session.scalar(select(func.count()).select_from(OutboxEntry).where(
                OutboxEntry.status.in_([OutboxStatus.PENDING, OutboxStatus.SENDING])))
            return waiting == 0

    def kinds(self) -> tuple[list[str], Counter[tuple[str, str]]]:
        """What left so far: the mails' Auto-Submitted kinds, and the webhook events with their subjects."""
        mails = [str(m["Auto-Submitted"]) for m in self.sink.mails]
        events = Counter((r.json()["event"], r.json()["ticket"]["subject"]) for r in self.receiver.got)
        return mails, events


@pytest.fixture
def desk(db_url: str, tmp_path: Path, receiver: Receiver) -> Iterator[Desk]:  # noqa: F811
    engine = make_engine(db_url)
    migrate.upgrade(engine)
    store = TicketStore(engine)
    with store.writing() as session:
        rules_spec.create(session, rules_spec.parse(session, {
            "name": "passport", "trigger": "ticket_created", "conditions": {"pii": ["ID_DOCUMENT"]},
            "actions": [{"type": "tag", "tags": ["id-document"]}]}))
        rules_spec.create(session, rules_spec.parse(session, {
            "name": "every new ticket", "trigger": "ticket_created", "actions": [{"type": "tag", "tags": ["nieuw"]}]}))
    add_endpoint(store, receiver.url)
    smtp_port, web_port = free_port(), free_port()
    with SmtpSink() as sink:
        config = tmp_path / "scrubdesk.toml"
        config.write_text(f'[smtp]\naccept = ["support@localhost"]\n\n[outbound_mail]\nhost = "127.0.0.1"\n'
                          f'port = {sink.port}\nsecurity = "none"\nfrom_address = "support@host.test"\n\n'
                          f'[solve_mail]\ninterval_seconds = 0.2\n\n[privacy]\npublic_url = "{PUBLIC}"\n\n'
                          '[webhooks_out]\nallow_loopback = true\ndispatch_seconds = 0.2\n')
        # The test's deployment key (tests/conftest.py) stays in the environment: the endpoint's secret is
        # sealed with it.
        env = dict(os.environ, SCRUBDESK_DATABASE_URL=db_url, SCRUBDESK_DATA_DIR=str(tmp_path / "var"),
                   SCRUBDESK_CONFIG=str(config), SCRUBDESK_SMTP__PORT=str(smtp_port),
                   SCRUBDESK_WEB__PORT=str(web_port))
        yield Desk(store, sink, receiver, env, smtp_port, tmp_path / "serve.log")
    engine.dispose()


@pytest.mark.slow
def test_rules_webhooks_and_solve_mail_run_after_commit_and_a_restart_does_nothing_twice(desk: Desk) -> None:
    def open_and_solve() -> None:
        desk.send(_mail(1, f"Goedemiddag,\n\nMijn paspoortnummer is {PASSPORT}. Waar blijft mijn pakket?\n"))
        # The acknowledgement has left, both rules fired, the webhook arrived, the solve-mail consumer runs.
        wait_for(lambda: len(desk.sink.mails) >= 1 and len(desk.fired()) >= 2 and len(desk.receiver.got) >= 1
                 and desk.started(solve_mail.CONSUMER), timeout=60, interval=0.1)
        with desk.store.writing() as session:  # as a rule or an agent would, in its own transaction
            replies.set_status(session, session.scalars(select(Ticket)).one(), TicketStatus.SOLVED, actor="system")
        wait_for(lambda: len(desk.sink.mails) >= 2 and len(desk.receiver.got) >= 2, timeout=60, interval=0.1)
        wait_for(desk.settled, timeout=60, interval=0.1)
        assert desk.kinds() == (["auto-replied", "auto-generated"], Counter({
            ("ticket.created", "Vraag 1"): 1, ("ticket.status_changed", "Vraag 1"): 1}))
        assert len(desk.fired()) == 2

    def after_restart() -> None:
        desk.send(_mail(2, "Hallo, mijn bestelling is nog niet binnen.\n"))
        wait_for(lambda: len(desk.sink.mails) >= 3 and len(desk.fired()) >= 3 and len(desk.receiver.got) >= 3,
                 timeout=60, interval=0.1)
        wait_for(desk.settled, timeout=60, interval=0.1)

    desk.serve(open_and_solve)
    desk.serve(after_restart)  # restarted: each consumer handles the new mail, and nothing old again

    # Rules: each ticket's rules fired once; the passport's ticket is tagged for it.
    fired = desk.fired()
    assert len(fired) == 3, fired
    first, second = sorted(set(fired))
    with desk.store.reading() as session:
        assert tags.names_of(session, [first, second]) == {first: ["id-document", "nieuw"], second: ["nieuw"]}
    # Webhooks: one signed delivery per event, each with its own delivery id.
    mails, events = desk.kinds()
    assert events == Counter({("ticket.created", "Vraag 1"): 1, ("ticket.status_changed", "Vraag 1"): 1,
                              ("ticket.created", "Vraag 2"): 1}), events
    assert all(verify_documented(SECRET, r) for r in desk.receiver.got)
    assert len({r.headers["x-scrubdesk-delivery"] for r in desk.receiver.got}) == 3
    # Mail: two acknowledgements and one solve mail, threaded, with the public rating link.
    assert mails == ["auto-replied", "auto-generated", "auto-replied"], mails
    solve = desk.sink.mails[1]
    assert solve["In-Reply-To"] == "<vraag-1@example.nl>"
    assert f"{PUBLIC}/rate/" in solve.get_content() and "opgelost" in solve.get_content()
    served = desk.log.read_text()
    assert "HTTP Request: POST http://127.0.0.1" in served  # httpx still logs the request, without its path
    for secret in (PASSPORT, "token=abc", "/hooks/in", "klant1@example.nl", "klant2@example.nl"):
        assert secret not in served, secret
