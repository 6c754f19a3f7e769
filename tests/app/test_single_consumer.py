"""Single-consumer roles: one holder at a time, take-over when the holder's process dies."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time

import pytest

from app.single_consumer import RoleRunner, RoleTaken, SingleConsumerRole
from models.db import make_engine
from tickets.store import TicketStore

HOLDER = """
import sys, time
from models.db import make_engine
from app.single_consumer import SingleConsumerRole
role = SingleConsumerRole(make_engine(sys.argv[1]), "imap:support")
assert role.try_acquire()
print("held", flush=True)
time.sleep(600)
"""


def test_one_holder_at_a_time(ticket_store: TicketStore, db_url: str) -> None:
    first = SingleConsumerRole(ticket_store.engine, "imap:support")
    assert first.try_acquire() and first.healthy()
    second = SingleConsumerRole(make_engine(db_url), "imap:support")
    if ticket_store.engine.dialect.name == "sqlite":
        with pytest.raises(RoleTaken):
            second.try_acquire()
    else:
        assert not second.try_acquire()
    assert SingleConsumerRole(ticket_store.engine, "imap:other").try_acquire()
    first.release()
    assert second.try_acquire()
    second.release()


def test_sigkilled_holder_is_replaced_within_seconds(ticket_store: TicketStore, db_url: str) -> None:
    if ticket_store.engine.dialect.name == "sqlite":
        pytest.skip("a SQLite store serves one process; take-over is a PostgreSQL feature")
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, db_url], stdout=subprocess.PIPE)
    assert holder.stdout is not None and holder.stdout.readline().strip() == b"held"
    stop = threading.Event()
    started = threading.Event()
    runner = RoleRunner(SingleConsumerRole(ticket_store.engine, "imap:support"),
                        lambda term: (started.set(), term.wait()), stop=stop, retry=0.5)
    thread = threading.Thread(target=runner.run)
    thread.start()
    try:
        assert not started.wait(1.5)  # the other process holds it
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        t0 = time.monotonic()
        assert started.wait(10), "role not taken over within 10 s"
        assert time.monotonic() - t0 < 10
    finally:
        stop.set()
        thread.join(10)
    assert runner.terms == 1
