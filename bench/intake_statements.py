"""What one message costs the store: SQL statements per stored message, by kind and table, the
in-process time of ``Intake.submit`` (no SMTP) and the writer thread's CPU time per message, through
the core and hooks exactly as ``serve`` wires them, on a fresh SQLite file (or ``--db URL``). Issue 19:
the single writer pays these per message, so they are the numbers to watch next to the rates of
bench/smtp_intake.py (CPU time is less disturbed by a noisy machine than rates are). Also the process's
CPU time per message (parse, scrub, recognition, the writer: the one thread does them one after the
other here) and the share of it, and the statements, of the report summary's refresh before each
commit (``models.reports``, a session hook every ORM commit pays).

    python bench/intake_statements.py [--messages 200] [--db URL | --pg URL]
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import statistics
import sys
import tempfile
import time
import uuid
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

sys.path.insert(0, str(Path(__file__).resolve().parent))

from smtp_intake import BODIES, DEPLOYMENT_KEY


def mails(n: int) -> list[bytes]:
    run_id = uuid.uuid4().hex[:8]
    out = []
    for i in range(n):
        msg = EmailMessage()
        msg["From"], msg["To"] = f"klant{i % 50}@example.nl", "support@bench.test"
        msg["Subject"], msg["Message-ID"] = f"Vraag {i}", f"<{run_id}-{i}@bench.test>"
        msg.set_content(BODIES[i % len(BODIES)].format(n=i))
        out.append(msg.as_bytes())
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--db", default=None)
    parser.add_argument("--pg", default=None, help="a PostgreSQL URL: the run gets a scratch schema of its own")
    args = parser.parse_args()
    if args.pg:
        sys.path.append(str(Path(__file__).resolve().parent.parent))  # after PYTHONPATH: a baseline's code first
        from tests.support.scratch_schema import scratch_schema

        with scratch_schema(args.pg, "bench") as url:
            args.db = url
            _measure(args)
        return
    _measure(args)


def _measure(args: argparse.Namespace) -> None:
    work = Path(tempfile.mkdtemp(prefix="scrubdesk-stmts-"))
    os.environ.update(SCRUBDESK_DATABASE_URL=args.db or f"sqlite:///{work / 's.sqlite3'}",
                      SCRUBDESK_DATA_DIR=str(work), SCRUBDESK_DEPLOYMENT_KEY=DEPLOYMENT_KEY,
                      SCRUBDESK_CONFIG=str(work / "c.toml"), SCRUBDESK_LOG_LEVEL="WARNING")
    (work / "c.toml").write_text("")
    from app.config import Settings
    from app.core import build_core
    from app.serve import add_hooks, build_privacy_desk, mail_identity
    from intake.mail.parse import parse_email, to_inbound
    from models import reports

    settings = Settings()
    core = build_core(settings)
    identity = mail_identity(settings)
    add_hooks(settings, core, build_privacy_desk(settings, core, identity), identity)
    statements: collections.Counter[str] = collections.Counter()
    summary = {"cpu": 0.0, "statements": 0, "inside": False}

    # Every engine: the store's, and the one of intake's read connections (tickets.read_connections).
    @event.listens_for(Engine, "before_cursor_execute")
    def count(conn: Any, cursor: Any, sql: str, params: Any, context: Any, executemany: bool) -> None:
        words = sql.split()
        table = re.search(r"\b(?:FROM|INTO|UPDATE)\s+\"?(\w+)", sql)
        statements[f"{words[0].upper()} {table.group(1) if table else ''}".strip()] += 1
        summary["statements"] += bool(summary["inside"])

    refresh = reports.refresh

    def timed_refresh(conn: Any, ticket_ids: Any, *rest: Any, **named: Any) -> None:  # looked up at each commit
        started, summary["inside"] = time.thread_time(), True
        try:
            refresh(conn, ticket_ids, *rest, **named)
        finally:
            summary["cpu"] += time.thread_time() - started
            summary["inside"] = False

    if hasattr(reports, "_refresh_touched"):
        reports.refresh = timed_refresh  # type: ignore[assignment]

    raws = mails(args.messages + 1)
    core.intake.submit(to_inbound(parse_email(raws[0]), raws[0]))  # warm-up: lazy imports, caches
    statements.clear()
    summary.update(cpu=0.0, statements=0)
    if hasattr(core.intake.writer, "cpu_seconds"):
        core.intake.writer.cpu_seconds = 0.0
    times = []
    cpu0 = time.process_time()
    for raw in raws[1:]:
        start = time.perf_counter()
        outcome = core.intake.submit(to_inbound(parse_email(raw), raw))
        times.append(time.perf_counter() - start)
        assert outcome.status == "stored", outcome
    cpu = (time.process_time() - cpu0) / args.messages
    writer_cpu = getattr(core.intake.writer, "cpu_seconds", None)
    core.intake.close()
    n = args.messages
    print(f"{n} messages, {sum(statements.values()) / n:.1f} statements per message "
          f"(parse+submit p50 {statistics.median(times) * 1000:.2f} ms"
          + (f", writer thread CPU {writer_cpu * 1000 / n:.2f} ms per message)" if writer_cpu else ")"))
    print(f"process CPU {cpu * 1000:.2f} ms per message; of it the report summary's refresh "
          f"{float(summary['cpu']) * 1000 / n:.2f} ms ({100 * float(summary['cpu']) / n / cpu:.0f}%) "
          f"and {int(summary['statements']) / n:.1f} statements per message")
    for kind, k in statements.most_common():
        print(f"  {k / n:6.2f}  {kind}")


if __name__ == "__main__":
    main()
