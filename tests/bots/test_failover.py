"""Two ``serve`` processes on one PostgreSQL: one long-polls Telegram, the other takes over when it dies."""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models import Message
from models.db import make_engine
from tests.bots.conftest import bot_serve
from tests.support.fake_bot_api import FakeBotApi
from tickets.store import TicketStore


def wait_for(check: Callable[[], bool], limit: float = 120.0) -> None:
    deadline = time.monotonic() + limit
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


@pytest.mark.slow
def test_one_poller_at_a_time_and_failover(api: FakeBotApi, db_url: str, tmp_path: Path) -> None:
    if not db_url.startswith("postgres"):
        pytest.skip("several serve processes share one store only on PostgreSQL")
    start = bot_serve(api, db_url, tmp_path, output=subprocess.DEVNULL)

    engine = make_engine(db_url)
    ticket_store = TicketStore(engine)

    def count() -> int:
        try:
            with ticket_store.reading() as s:
                return int(s.scalar(select(func.count(Message.id))) or 0)
        except Exception:  # the schema is created by serve on start-up
            return 0

    first = start()
    procs = [first]
    try:
        wait_for(lambda: any(c[0] == "getUpdates" for c in api.calls))  # the first one holds the role
        procs.append(start())
        for i in range(10):
            api.message(600 + i % 3, f"vraag {i}")
        wait_for(lambda: count() == 10)
        time.sleep(3)  # the second process is up by now and standing by
        assert api.max_in_flight == 1
        first.send_signal(signal.SIGKILL)
        first.wait(30)
        time.sleep(2.5)  # the killed process's last long poll runs out on the server
        api.max_in_flight = api.in_flight
        for i in range(10, 20):
            api.message(600 + i % 3, f"vraag {i}")
        wait_for(lambda: count() == 20)
        assert api.max_in_flight <= 1
        with ticket_store.reading() as s:
            texts = sorted(s.scalars(select(Message.text)))
        assert texts == sorted(f"vraag {i}" for i in range(20))
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(60)
                except subprocess.TimeoutExpired:
                    proc.kill()
        engine.dispose()
