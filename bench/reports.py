"""Server time of the reports (issue 22) over a generated store of 200,000 tickets, on SQLite and PostgreSQL:
``tickets.reports`` now side by side with an older revision of it (``--old-commit``; by default the last
one before the rollups, ``models.report_rollups``), loaded from git into a throw-away package for this
run (so the comparison arm is exactly the code that was replaced, not a copy to keep up). On SQLite the
old arm can read its own copy of the store (``--old-sqlite-file``: the same tickets at the schema that
revision had, e.g. a copy made before migrating to 0021), so each arm runs on the indexes it was made for.

Generates the store with ``tests.support.reports_store`` (bulk Core inserts: tickets over a year, their
messages, attachments and privacy requests; then the summary rebuilt as migration 0019 backfills it,
timed, and apart the rollups' part of it, which is migration 0021's backfill) in a fresh database migrated
to head. Per period: the whole report on the old and on the new
path (``build``), and the new page and CSV export through the app. Prints the median and the slowest
run in milliseconds (target: the page under 1 s). ``--check`` compares every figure of the new path
with the independent count of ``tests/tickets/test_reports.py`` (the 50,000-ticket check).

    .venv/bin/python bench/reports.py                                  # SQLite, 200,000 tickets
    .venv/bin/python bench/reports.py --no-sqlite --pg postgresql://postgres@127.0.0.1:5432/test
    .venv/bin/python bench/reports.py --tickets 50000 --check --old-runs 0 --pg ...
    .venv/bin/python bench/reports.py --sqlite-file var/reports.sqlite3    # keep the store; reuse it next time
    .venv/bin/python bench/reports.py --sqlite-file var/reports.sqlite3 --old-sqlite-file var/reports-0020.sqlite3
"""

# ruff: noqa: E402  (the path fix below must run before the other imports)
from __future__ import annotations

import sys

sys.path[0] = str(__import__("pathlib").Path(__file__).resolve().parent.parent)

import argparse
import importlib
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select

from models import Ticket, keys, migrate, report_rollups
from models.db import make_engine
from models.mailboxes import Mailbox
from models.reports import TicketReport, rebuild
from tests.support.reports_store import Generated, generate
from tests.support.scratch_schema import scratch_schema
from tickets import reports
from tickets.store import TicketStore
from web.app import create_app

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
TOKEN = "bench-token"
ROOT = Path(__file__).resolve().parent.parent
# The last commit before the rollups (cf109a4 was the last whose reports read the live tables).
OLD_COMMIT = "4b07c796b596efbd768a32a0580640c17d0e1fa6"
OLD_MODULES = ("report_sql", "sla_report", "report_queries", "reports")


def load_old(commit: str) -> ModuleType:
    """The old ``tickets.reports`` and the modules it used, from git, as the package ``reports_live``."""
    tmp = Path(tempfile.mkdtemp(prefix="reports-live-"))
    package = tmp / "reports_live"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for name in OLD_MODULES:
        source = subprocess.run(["git", "-C", str(ROOT), "show", f"{commit}:tickets/{name}.py"],
                                capture_output=True, text=True, check=True).stdout
        for module in OLD_MODULES:
            source = source.replace(f"from tickets import {module}", f"from reports_live import {module}")
            source = source.replace(f"from tickets.{module} import", f"from reports_live.{module} import")
        (package / f"{name}.py").write_text(source)
    sys.path.insert(0, str(tmp))
    return importlib.import_module("reports_live.reports")


def timed(fn: Callable[[], Any], runs: int) -> tuple[float, float, float] | None:
    """Median and slowest wall time, and median CPU time of this process, in ms (None: not run). On a
    busy shared machine the wall time waits for the other processes; the CPU time is the work itself
    (on SQLite all of it, the database runs in this process; on PostgreSQL only the client's share)."""
    if runs <= 0:
        return None
    fn()  # warm the caches once
    samples, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return statistics.median(samples), max(samples), statistics.median(cpu)


def periods(gen: Generated) -> list[tuple[str, reports.Filters]]:
    today = NOW.date()
    year = today - timedelta(days=364)
    return [("30 days by day", reports.Filters(today - timedelta(days=29), today, reports.Bucket.DAY)),
            ("90 days by week", reports.Filters(today - timedelta(days=89), today, reports.Bucket.WEEK)),
            ("year by month", reports.Filters(year, today, reports.Bucket.MONTH)),
            ("year by day", reports.Filters(year, today, reports.Bucket.DAY)),
            ("year by week, 1 channel", reports.Filters(year, today, reports.Bucket.WEEK, channel="telegram")),
            ("year by month, 1 mailbox", reports.Filters(year, today, reports.Bucket.MONTH,
                                                         mailbox_id=gen.mailbox_ids[0]))]


def _query(f: reports.Filters) -> str:
    return (f"start={f.start}&end={f.end}&bucket={f.bucket.value}" + (f"&channel={f.channel}" if f.channel else "")
            + (f"&mailbox={f.mailbox_id}" if f.mailbox_id is not None else ""))


def _fmt(result: tuple[float, float, float] | None) -> str:
    return f"{'-':>23}" if result is None else f"{result[0]:7.0f} /{result[1]:6.0f} /{result[2]:6.0f}"


def _stored(engine: Engine) -> Generated | None:
    """A store generated by an earlier run (``--sqlite-file``): its mailboxes, nothing to count against."""
    with engine.connect() as conn:
        if not conn.scalar(select(func.count()).select_from(Ticket)):
            return None
        boxes = list(conn.scalars(select(Mailbox.id).order_by(Mailbox.id)))
        print(f"\nreusing {conn.scalar(select(func.count()).select_from(Ticket)):,} tickets, "
              f"{conn.scalar(select(func.count()).select_from(TicketReport)):,} summary rows")
    return Generated(now=NOW, agent_ids=[], mailbox_ids=boxes)


def bench(label: str, engine: Engine, n: int, runs: int, old_runs: int, check: bool, old: ModuleType | None,
          old_engine: Engine | None = None) -> None:
    gen = _stored(engine)
    if gen is None:
        t0 = time.perf_counter()
        gen = generate(engine, n, days=365, now=NOW)
        print(f"\n{label}: {n:,} tickets, {len(gen.messages):,} messages, {len(gen.attachments):,} attachments, "
              f"{len(gen.requests):,} privacy requests generated in {time.perf_counter() - t0:.1f} s")
        t0 = time.perf_counter()
        with engine.begin() as conn:
            rebuilt = rebuild(conn, rollups=False)
        print(f"  summary rebuilt (the backfill of migration 0019): {rebuilt:,} tickets in "
              f"{time.perf_counter() - t0:.1f} s")
        t0, c0 = time.perf_counter(), time.process_time()
        with engine.begin() as conn:
            rows = report_rollups.rebuild(conn, TicketReport.__table__)
        print(f"  rollups rebuilt (the backfill of migration 0021): {rows:,} rows in "
              f"{time.perf_counter() - t0:.1f} s ({time.process_time() - c0:.1f} s CPU)")
    elif check:
        raise SystemExit("--check needs a freshly generated store")
    store = TicketStore(engine)
    old_store = TicketStore(old_engine) if old_engine is not None else store
    client = TestClient(create_app(store, lambda: TOKEN), headers={"Authorization": f"Bearer {TOKEN}"})
    print(f"  {'period':<26}{'buckets':>8}  {'old build':>23}  {'new build':>23}  {'new page':>23}  {'new CSV':>23}"
          "   (wall median / wall max / CPU median, ms)")
    for name, f in periods(gen):
        def new(f: reports.Filters = f) -> Any:
            with store.reading() as session:
                return reports.build(session, f, now=NOW)

        def page(path: str, f: reports.Filters = f) -> Callable[[], Any]:
            def go() -> Any:
                r = client.get(f"{path}?{_query(f)}")
                assert r.status_code == 200, r.text[:300]
            return go

        old_result = None
        if old is not None:
            old_filters = old.Filters(f.start, f.end, old.Bucket(f.bucket.value), f.channel, f.agent_id, f.mailbox_id)

            def old_build(old_filters: Any = old_filters) -> Any:
                with old_store.reading() as session:
                    return old.build(session, old_filters, now=NOW)
            old_result = timed(old_build, old_runs)
        print(f"  {name:<26}{len(f.buckets()):>8}  {_fmt(old_result)}  {_fmt(timed(new, runs))}  "
              f"{_fmt(timed(page('/reports'), runs))}  {_fmt(timed(page('/reports.csv'), runs))}", flush=True)
        if check:
            _check(store, gen, f)


def _check(store: TicketStore, gen: Generated, f: reports.Filters) -> None:
    from tests.tickets.test_reports import check, expected

    with store.reading() as session:
        report = reports.build(session, f, now=NOW)
    # The store was generated at NOW, so the backlog's ages and overdue days are those of NOW.
    check(report, expected(gen, f))
    print(f"    independent count: every figure equal ({report.totals['created']:,} created in the period)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=5, help="timed runs of the new path (after one warm-up)")
    parser.add_argument("--old-runs", type=int, default=2, help="timed runs of the old path (0: skip it)")
    parser.add_argument("--pg", help="PostgreSQL URL (a throw-away schema is created and dropped)")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--sqlite-file", help="SQLite file to generate into, or to reuse when it holds tickets")
    parser.add_argument("--check", action="store_true", help="compare with the independent count (slow)")
    parser.add_argument("--old-commit", default=OLD_COMMIT, help="the revision of the old arm")
    parser.add_argument("--old-sqlite-file", help="the old arm's copy of --sqlite-file (not migrated here)")
    args = parser.parse_args()
    keys.install(bytes(range(32)))
    old = load_old(args.old_commit) if args.old_runs > 0 else None
    if args.sqlite_file:  # generated once, timed again after a change (generating takes minutes)
        engine = make_engine(f"sqlite:///{args.sqlite_file}")
        migrate.upgrade(engine)
        old_engine = make_engine(f"sqlite:///{args.old_sqlite_file}") if args.old_sqlite_file else None
        bench("SQLite", engine, args.tickets, args.runs, args.old_runs, args.check, old, old_engine)
        engine.dispose()
    elif not args.no_sqlite:
        with tempfile.TemporaryDirectory() as tmp:
            engine = make_engine(f"sqlite:///{Path(tmp) / 'reports.sqlite3'}")
            migrate.upgrade(engine)
            bench("SQLite", engine, args.tickets, args.runs, args.old_runs, args.check, old)
            engine.dispose()
    if args.pg:
        with scratch_schema(args.pg, "bench") as url:
            engine = make_engine(url)
            migrate.upgrade(engine)
            bench("PostgreSQL", engine, args.tickets, args.runs, args.old_runs, args.check, old)
            engine.dispose()
    print(f"\n(generated for {date.today()}; store anchored at {NOW.isoformat()})")


if __name__ == "__main__":
    main()
