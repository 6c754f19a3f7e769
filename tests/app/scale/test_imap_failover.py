"""One IMAP mailbox, two ``serve`` processes: one consumes it at a time.

On PostgreSQL the mailbox is a single-consumer role (app/single_consumer.py, an advisory lock): when its
owner is SIGKILLed the survivor takes the mailbox over and stores new mail within 10 s (plus the
delivery itself). On SQLite, which serves one process, the second process refuses the role with an
error in its log and never touches the mailbox.
"""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from models import Message
from models.db import make_engine
from tests.app.scale.serve_procs import Serve, start_serve, stop_all, wait_for
from tests.intake.imap.conftest import config_dict, dovecot  # noqa: F401  (the Dovecot fixture, reused)
from tests.intake.imap.dovecot import DovecotServer, make_message
from tickets.store import TicketStore, mail_key

TAKE_OVER_LIMIT = 10.0


def mailbox_toml(server: DovecotServer, key: str) -> str:
    # A unique mailbox name: advisory locks are per database, and other tests may run beside this one.
    fields: dict[str, Any] = config_dict(server, name=key, poll_interval=0.5)
    lines = "".join(f"{k} = {json.dumps(v)}\n" for k, v in fields.items())
    return f'[smtp]\naccept = ["support@scrubdesk.example"]\n\n[[imap]]\n{lines}'


def stored(ticket_store: TicketStore, message_id: str) -> int:
    with ticket_store.reading() as s:
        return int(s.scalar(select(func.count()).select_from(Message)
                            .where(Message.channel == "email", Message.external_id == mail_key(message_id))) or 0)


def acquired(p: Serve, key: str) -> bool:
    return f"role imap:{key}: acquired" in p.log_text()


@pytest.mark.slow
def test_mailbox_moves_to_the_survivor_within_seconds(dovecot: DovecotServer,  # noqa: F811
                                                     db_url: str, tmp_path: Path) -> None:
    if not db_url.startswith("postgres"):
        pytest.skip("a mailbox fails over between processes only on PostgreSQL (advisory locks)")
    key = f"scale-{uuid.uuid4().hex[:8]}"
    toml = mailbox_toml(dovecot, key)
    procs = [start_serve(db_url, tmp_path, f"p{n}", toml=toml) for n in range(2)]
    engine = make_engine(db_url)
    ticket_store = TicketStore(engine)
    try:
        for p in procs:
            p.wait_ready()
        wait_for(lambda: any(acquired(p, key) for p in procs), timeout=30)
        time.sleep(2.5)  # a second holder would have shown up by now (the runners retry every 2 s)
        owners = [p for p in procs if acquired(p, key)]
        assert len(owners) == 1, "both processes took the mailbox"
        owner, survivor = owners[0], next(p for p in procs if p is not owners[0])
        before, raw = make_message(1, tag="before")
        dovecot.deliver(raw)
        wait_for(lambda: stored(ticket_store, before) == 1, timeout=30)

        owner.kill()
        t0 = time.monotonic()
        after, raw = make_message(2, tag="after")
        dovecot.deliver(raw)
        delivery = time.monotonic() - t0
        took = wait_for(lambda: stored(ticket_store, after) == 1, timeout=TAKE_OVER_LIMIT + delivery + 20)
        print(f"\nmail stored by the survivor {took:.2f} s after the owner's SIGKILL (delivery {delivery:.2f} s)")
        assert took <= TAKE_OVER_LIMIT + delivery
        assert acquired(survivor, key)
        time.sleep(1)
        assert stored(ticket_store, before) == 1 and stored(ticket_store, after) == 1
        assert dovecot.count("INBOX") == 0 and dovecot.count("Processed") == 2
    finally:
        stop_all(procs)
        engine.dispose()


@pytest.mark.slow
def test_second_process_on_sqlite_refuses_the_mailbox(dovecot: DovecotServer,  # noqa: F811
                                                      db_url: str, tmp_path: Path) -> None:
    if db_url.startswith("postgres"):
        pytest.skip("checks the SQLite refusal; PostgreSQL hands roles over instead")
    key = f"scale-{uuid.uuid4().hex[:8]}"
    toml = mailbox_toml(dovecot, key)
    first = start_serve(db_url, tmp_path, "p0", toml=toml)
    procs = [first]
    engine = make_engine(db_url)
    ticket_store = TicketStore(engine)
    try:
        first.wait_ready()  # it created the schema and holds the mailbox before the second starts
        wait_for(lambda: acquired(first, key), timeout=30)
        second = start_serve(db_url, tmp_path, "p1", toml=toml)
        procs.append(second)
        second.wait_ready()
        refusal = f"role imap:{key}: held by another process"
        wait_for(lambda: refusal in second.log_text(), timeout=30)
        mids = []
        for n in range(3):
            mid, raw = make_message(n, tag="sqlite")
            dovecot.deliver(raw)
            mids.append(mid)
        wait_for(lambda: all(stored(ticket_store, m) == 1 for m in mids), timeout=30)
        time.sleep(1.5)
        log = second.log_text()
        assert second.proc.poll() is None  # the rest of serve (SMTP, web) keeps running
        assert not acquired(second, key)
        assert f"imap {key}:" not in log  # its poller never connected to the mailbox
        line = next(line for line in log.splitlines() if refusal in line)
        assert line.split()[2] == "ERROR" and "SQLite" in line and "PostgreSQL" in line  # why, and what to do
        assert all(stored(ticket_store, m) == 1 for m in mids)
    finally:
        stop_all(procs)
        engine.dispose()
