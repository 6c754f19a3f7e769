"""The commands (``scrubdesk retention run``, ``vault rotate-key``) end to end, and the daily run's role."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.single_consumer import RoleRunner, RoleTaken, SingleConsumerRole
from models import Ticket, TicketStatus
from models.db import make_engine
from privacy import retention, vault
from privacy.cipher import Keyring, generate_key
from tests.support.paths import REPO
from tickets import audit
from tickets.store import TicketStore

ROOT = REPO
MAIL = (b"From: Jan <jan@example.nl>\r\nTo: support@localhost\r\nSubject: Terugbellen\r\n"
        b"Message-ID: <ret-1@example.nl>\r\n\r\nBel me op 06-12345678, BSN 111222333.\r\n")


def scrubdesk(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", *args], env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def test_commands(db_url: str, tmp_path: Path) -> None:
    k1, k2 = generate_key(), generate_key()
    env = dict(os.environ, SCRUBDESK_DATABASE_URL=db_url, SCRUBDESK_DATA_DIR=str(tmp_path),
               SCRUBDESK_CONFIG=str(tmp_path / "none.toml"), SCRUBDESK_VAULT__ENABLED="true",
               SCRUBDESK_VAULT__KEYS=json.dumps({"k1": k1}), SCRUBDESK_RETENTION__TICKET_WITHOUT_CUSTOMER_YEARS="0")
    (tmp_path / "none.toml").write_text("")
    (tmp_path / "m.eml").write_bytes(MAIL)
    injected = scrubdesk(env, "inject", str(tmp_path / "m.eml"))
    assert injected.returncode == 0, injected.stderr
    number = json.loads(injected.stdout)["ticket"]
    store = TicketStore(make_engine(db_url))
    try:
        with store.reading() as session:
            entries = session.scalars(select(vault.VaultEntry)).all()
        assert {e.entity_type for e in entries} >= {"PHONE_NUMBER"} and "NATIONAL_ID" not in {
            e.entity_type for e in entries}
        # rotation: the new key last, then re-seal; the old key is no longer needed
        env["SCRUBDESK_VAULT__KEYS"] = json.dumps({"k1": k1, "k2": k2})
        rotated = scrubdesk(env, "vault", "rotate-key")
        assert rotated.returncode == 0, rotated.stderr
        assert f"re-sealed {len(entries)} entries with key k2" in rotated.stdout
        assert vault.reveal_in_own_transaction(
            store, Keyring({"k2": k2}), vault.RevealPolicy(), actor="t", role="privacy_officer",
            ticket_id=number - 100000, entity_type="PHONE_NUMBER", number=1, reason="a reason long enough",
        ) == "06-12345678"
        with store.writing() as session:
            ticket = session.get(Ticket, number - 100000)
            assert ticket is not None
            ticket.status = TicketStatus.CLOSED
            ticket.last_activity_at = datetime.now(UTC) - timedelta(days=2)
        dry = scrubdesk(env, "retention", "run")
        assert dry.returncode == 0, dry.stderr
        assert "tickets_without_customer: would delete 1" in dry.stdout
        with store.reading() as session:
            assert session.get(Ticket, number - 100000) is not None
        applied = scrubdesk(env, "retention", "run", "--apply")
        assert "tickets_without_customer: deleted 1" in applied.stdout
        with store.reading() as session:
            assert session.get(Ticket, number - 100000) is None
            assert session.scalars(select(vault.VaultEntry)).all() == []  # went with their ticket
            runs = audit.entries(session, audit.AuditFilter(action=audit.RETENTION_RUN))
        assert [r.actor for r in runs] == ["cli", "cli"]
    finally:
        store.engine.dispose()


def test_the_daily_run_repeats_under_a_single_consumer_role(ticket_store: TicketStore) -> None:
    policy = retention.RetentionPolicy(run_interval_hours=0.5 / 3600)  # every half second
    stop = threading.Event()
    runner = RoleRunner(SingleConsumerRole(ticket_store.engine, "retention"), retention.daily(ticket_store, policy),
                        stop=stop, retry=0.1)
    thread = threading.Thread(target=runner.run)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        runs: list[audit.AuditEntry] = []
        while time.monotonic() < deadline and len(runs) < 2:
            time.sleep(0.2)
            with ticket_store.reading() as session:
                runs = audit.entries(session, audit.AuditFilter(action=audit.RETENTION_RUN))
        assert len(runs) >= 2 and all(r.actor == "system:retention" and not r.detail["dry_run"] for r in runs)
        # a second process does not run it at the same time
        other = SingleConsumerRole(ticket_store.engine, "retention")
        if ticket_store.engine.dialect.name == "sqlite":
            with pytest.raises(RoleTaken):
                other.try_acquire()
        else:
            assert other.try_acquire() is False
            other.release()
    finally:
        stop.set()
        thread.join(30)
    assert not thread.is_alive()
