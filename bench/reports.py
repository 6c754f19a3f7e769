"""Server time of the reports (issue 22) over a generated store of 200,000 tickets, on SQLite and PostgreSQL.

Generates the store with ``tests.support.reports_store`` (bulk Core inserts: tickets over a year, their
messages, attachments and privacy requests) in a fresh database migrated to head, then times each
report query and the whole page and CSV export through the app, over the full year by month and by
day, and over the last 30 days by day. Prints the median and the slowest of the runs in milliseconds
(target: the page under 1 s). ``--check`` also compares every figure with the independent count of
``tests/tickets/test_reports.py`` (that is how the 50,000-ticket check is run by hand).

    .venv/bin/python bench/reports.py                                  # SQLite, 200,000 tickets
    .venv/bin/python bench/reports.py --pg postgresql://postgres@127.0.0.1:5432/test
    .venv/bin/python bench/reports.py --tickets 50000 --check --pg ...
"""

# ruff: noqa: E402  (the path fix below must run before the other imports)
from __future__ import annotations

import sys

sys.path[0] = str(__import__("pathlib").Path(__file__).resolve().parent.parent)

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from models import Ticket, keys, migrate
from models.db import make_engine
from tests.support.reports_store import generate
from tests.support.scratch_schema import scratch_schema
from tickets import report_queries as q
from tickets import reports
from tickets.store import TicketStore
from web.app import create_app

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
TOKEN = "bench-token"


def timed(fn: Callable[[], Any], runs: int) -> tuple[float, float]:
    fn()  # warm the caches once
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples), max(samples)


def periods() -> list[tuple[str, reports.Filters]]:
    year_start = (NOW - timedelta(days=364)).date()
    return [("year by month", reports.Filters(year_start, NOW.date(), reports.Bucket.MONTH)),
            ("year by day", reports.Filters(year_start, NOW.date(), reports.Bucket.DAY)),
            ("30 days by day", reports.Filters(NOW.date() - timedelta(days=29), NOW.date(), reports.Bucket.DAY)),
            ("year, one channel", reports.Filters(year_start, NOW.date(), reports.Bucket.WEEK, channel="telegram"))]


def bench(label: str, engine: Engine, n: int, runs: int, check: bool) -> None:
    t0 = time.perf_counter()
    gen = generate(engine, n, days=365, now=NOW)
    print(f"\n{label}: {n:,} tickets, {len(gen.messages):,} messages, {len(gen.attachments):,} attachments, "
          f"{len(gen.requests):,} privacy requests generated in {time.perf_counter() - t0:.1f} s")
    store = TicketStore(engine)
    client = TestClient(create_app(store, lambda: TOKEN), headers={"Authorization": f"Bearer {TOKEN}"})
    for name, f in periods():
        def run(fn: Callable[..., Any], *args: Any, f: reports.Filters = f) -> Callable[[], Any]:
            def go() -> Any:
                with store.reading() as session:
                    return fn(session, f, *args)
            return go

        parts = {"created": run(q.counts, Ticket.created_at), "solved": run(q.counts, Ticket.solved_at),
                 "first response": run(q.first_responses), "resolution": run(q.resolutions),
                 "backlog": run(q.backlog, NOW), "removed (messages)": run(q.removed, False),
                 "removed (attachments)": run(q.removed, True), "privacy": run(q.privacy_requests, NOW),
                 "whole report": run(reports.build, NOW)}
        query = (f"start={f.start}&end={f.end}&bucket={f.bucket.value}"
                 + (f"&channel={f.channel}" if f.channel else ""))

        def page(path: str, query: str = query) -> Callable[[], Any]:
            def go() -> Any:
                r = client.get(f"{path}?{query}")
                assert r.status_code == 200, r.text[:300]
            return go

        parts |= {"page (HTML)": page("/reports"), "export (CSV)": page("/reports.csv")}
        print(f"  {name} ({f.start} .. {f.end}, {len(f.buckets())} buckets)")
        for part, fn in parts.items():
            median, worst = timed(fn, runs)
            print(f"    {part:<22} median {median:8.1f} ms   max {worst:8.1f} ms")
        if check:
            _check(store, gen, f)


def _check(store: TicketStore, gen: Any, f: reports.Filters) -> None:
    from tests.tickets.test_reports import check, expected

    with store.reading() as session:
        report = reports.build(session, f, now=NOW)
    # The store was generated at NOW, so the backlog's ages and overdue days are those of NOW.
    check(report, expected(gen, f))
    print(f"    independent count: every figure equal ({report.totals['created']:,} created in the period)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pg", help="PostgreSQL URL (a throw-away schema is created and dropped)")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--check", action="store_true", help="compare with the independent count (slow)")
    args = parser.parse_args()
    keys.install(bytes(range(32)))
    if not args.no_sqlite:
        with tempfile.TemporaryDirectory() as tmp:
            engine = make_engine(f"sqlite:///{Path(tmp) / 'reports.sqlite3'}")
            migrate.upgrade(engine)
            bench("SQLite", engine, args.tickets, args.runs, args.check)
            engine.dispose()
    if args.pg:
        with scratch_schema(args.pg, "bench") as url:
            engine = make_engine(url)
            migrate.upgrade(engine)
            bench("PostgreSQL", engine, args.tickets, args.runs, args.check)
            engine.dispose()
    print(f"\n(generated for {date.today()}; store anchored at {NOW.isoformat()})")


if __name__ == "__main__":
    main()
