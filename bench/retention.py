"""Retention on a large generated store: how long the dry run and the batched deletion take, and how
long an intake submit waits meanwhile. Prints its figures.

    .venv/bin/python bench/retention.py [DATABASE_URL]   (default: a temporary SQLite file)

Uses the generator of tests/privacy/retention/test_large_store.py (50,000 tickets, the policy's mix).
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

# The repository root instead of bench/ (whose queue.py would shadow the standard library module).
sys.path[0] = str(Path(__file__).resolve().parents[1])

from intake.message import InboundMessage  # noqa: E402
from intake.pipeline import Intake  # noqa: E402
from models import Channel, keys, migrate  # noqa: E402
from models.db import make_engine  # noqa: E402
from privacy import retention  # noqa: E402
from tests.privacy.retention.test_large_store import N_TICKETS, NOW, _generate  # noqa: E402
from tests.support.fakes import FakeScrubber  # noqa: E402
from tests.support.scratch_schema import scratch_schema  # noqa: E402
from tickets.store import TicketStore  # noqa: E402


def main() -> None:
    keys.install(os.urandom(32))  # what app.core does from the data directory
    url = sys.argv[1] if len(sys.argv) > 1 else f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    with contextlib.ExitStack() as stack:
        if url.startswith("postgres"):
            url = stack.enter_context(scratch_schema(url, "bench"))
        run(url)


def run(url: str) -> None:
    engine = make_engine(url)
    migrate.upgrade(engine)
    store = TicketStore(engine)
    t0 = time.perf_counter()
    _generate(store)
    print(f"{engine.dialect.name}: generated {N_TICKETS} tickets in {time.perf_counter() - t0:.1f}s")
    with engine.begin() as conn:
        # Planner statistics, as a live store has them (right after a bulk load PostgreSQL has none).
        conn.exec_driver_sql("ANALYZE")
    policy = retention.RetentionPolicy()
    t0 = time.perf_counter()
    dry = retention.run(store, policy, now=NOW, actor="bench")
    print(f"dry run {time.perf_counter() - t0:.2f}s: {dry.counts}, held {len(dry.held_tickets)}")
    intake = Intake(store, FakeScrubber())
    waits: list[float] = []
    batches: list[float] = []
    last = [time.perf_counter()]

    def tick(kind: str, n: int) -> None:
        now = time.perf_counter()
        batches.append(now - last[0])
        last[0] = now

    worker = threading.Thread(target=lambda: retention.run(store, policy, apply=True, now=NOW, on_batch=tick))
    t0 = time.perf_counter()
    worker.start()
    while worker.is_alive():
        s0 = time.perf_counter()
        intake.submit(InboundMessage(channel=Channel.EMAIL, external_id=f"b{len(waits)}@bench", sender="a@b.nl",
                                     text="x"))
        waits.append(time.perf_counter() - s0)
        time.sleep(0.05)
    total = time.perf_counter() - t0
    batches.sort()
    waits.sort()
    print(f"apply {total:.1f}s in {len(batches)} batches of {policy.batch_size} "
          f"(median {batches[len(batches) // 2] * 1000:.0f} ms, slowest {batches[-1] * 1000:.0f} ms incl. "
          f"{policy.pause_seconds * 1000:.0f} ms pause)")
    print(f"{len(waits)} intake submits during the run: median {waits[len(waits) // 2] * 1000:.0f} ms, "
          f"slowest {waits[-1] * 1000:.0f} ms")
    engine.dispose()


if __name__ == "__main__":
    main()
