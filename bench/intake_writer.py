"""The group-commit writer alone: what one message costs it, by part, at a given batch size.

``bench/intake_statements.py`` times whole submits, one message per commit; under SMTP load the writer
(``intake.writer``) commits batches, and its cost per message is what limits it (issue 19). Here every
message is prepared first (parse, scrub, recognition: not timed), then written in batches of ``--batch``
through the writer's one-transaction path with the hooks ``serve`` wires, on a fresh SQLite file (or
``--db URL``), and the writer's thread CPU per message is printed with its parts (the contact, the new
ticket, the message, each hook, the report summary's refresh ...) and the statements per message.

``--baseline DIR`` (a ``git archive <commit> | tar -x -C DIR`` checkout) runs the same in DIR's code in
turns with this checkout, ``--repeat`` times, and prints the medians and the ratio now/before.

    python bench/intake_writer.py [--messages 320] [--batch 1,16] [--baseline DIR] [--repeat 3] [--pg URL]
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# The functions timed as parts (module, attribute path); a part a checkout lacks is left out.
PARTS = {
    "contact": ("tickets.store", "get_or_create_contact"),
    "ticket (ORM)": ("tickets.store", "open_ticket"),
    "message (ORM)": ("tickets.store", "add_message"),
    "ticket (Core)": ("tickets.inbound_rows", "open_ticket"),
    "message (Core)": ("tickets.inbound_rows", "add_message"),
    "placeholder keys": ("tickets.store", "TicketBook.bind"),
    "threading": ("intake.pipeline", "Intake._thread"),
    "due-time hook": ("intake.hooks", "DueTimeHook.__call__"),
    "privacy hook": ("intake.hooks", "PrivacyHook.__call__"),
    "report refresh": ("models.reports", "refresh"),
    "redact": ("scrubber.engine", "Scrubber.redact"),
}


def _wrap(spent: collections.Counter[str]) -> None:
    import importlib

    for label, (module_name, path) in PARTS.items():
        try:
            owner: Any = importlib.import_module(module_name)
        except ImportError:
            continue
        *outer, name = path.split(".")
        for part in outer:
            owner = getattr(owner, part)
        if not hasattr(owner, name):
            continue
        original = getattr(owner, name)

        def timed(*args: Any, _f: Callable[..., Any] = original, _label: str = label, **kwargs: Any) -> Any:
            started = time.thread_time()
            try:
                return _f(*args, **kwargs)
            finally:
                spent[_label] += time.thread_time() - started

        setattr(owner, name, timed)


def _worker(messages: int, batch: int, db: str | None, pg: str | None) -> dict[str, Any]:
    if pg is None:
        return _measure(messages, batch, db)
    from tests.support.scratch_schema import scratch_schema

    with scratch_schema(pg, "bench") as url:  # a fresh schema per run, as the SQLite arm gets a fresh file
        return _measure(messages, batch, url)


def _measure(messages: int, batch: int, db: str | None) -> dict[str, Any]:
    from bench.intake_statements import mails
    from bench.smtp_intake import DEPLOYMENT_KEY

    work = Path(tempfile.mkdtemp(prefix="scrubdesk-writer-"))
    os.environ.update(SCRUBDESK_DATABASE_URL=db or f"sqlite:///{work / 's.sqlite3'}", SCRUBDESK_DATA_DIR=str(work),
                      SCRUBDESK_DEPLOYMENT_KEY=DEPLOYMENT_KEY, SCRUBDESK_CONFIG=str(work / "c.toml"),
                      SCRUBDESK_LOG_LEVEL="WARNING")
    (work / "c.toml").write_text("")
    from sqlalchemy import Engine, event

    from app.config import Settings
    from app.core import build_core
    from app.serve import add_hooks, build_privacy_desk, mail_identity
    from intake import pipeline
    from intake import writer as w
    from intake.mail.parse import parse_email, to_inbound

    settings = Settings()
    core = build_core(settings)
    identity = mail_identity(settings)
    add_hooks(settings, core, build_privacy_desk(settings, core, identity), identity)
    intake = core.intake
    raws = mails(messages + 1)
    intake.submit(to_inbound(parse_email(raws[0]), raws[0]))  # warm-up: lazy imports, caches
    prepared = []
    for raw in raws[1:]:
        msg = to_inbound(parse_email(raw), raw)
        prep = pipeline.prepare(msg, intake.scrubber, intake.limits)
        prepared.append((msg, prep, intake.privacy(prep.text) if intake.privacy else None))
    statements: collections.Counter[str] = collections.Counter()

    @event.listens_for(Engine, "before_cursor_execute")
    def count(conn: Any, cursor: Any, sql: str, params: Any, context: Any, executemany: bool) -> None:
        table = re.search(r"\b(?:FROM|INTO|UPDATE)\s+\"?(\w+)", sql)
        statements[f"{sql.split()[0].upper()} {table.group(1) if table else ''}".strip()] += 1

    spent: collections.Counter[str] = collections.Counter()
    _wrap(spent)
    started = time.thread_time()
    # Each job names its sender as ``Intake.submit`` does, where the writer takes one (its batch reads them at once).
    named = "sender" in {f.name for f in dataclasses.fields(w._Job)}
    for first in range(0, messages, batch):
        jobs: list[Any] = [w._Job(lambda m=m, p=p, r=r: intake._store(m, p, r),
                                  lambda done, m=m: intake._run_hooks(m, done.outcome),
                                  **({"sender": (m.channel, m.sender)} if named else {}))
                           for m, p, r in prepared[first:first + batch]]
        assert w._in_one_go(intake.store, jobs), "a batch needed the careful path"
    cpu = time.thread_time() - started
    intake.close()
    return {"cpu ms": cpu / messages * 1000, "statements": sum(statements.values()) / messages,
            "parts": {k: v / messages * 1000 for k, v in spent.items()},
            "kinds": {k: v / messages for k, v in statements.items()}}


def _run(root: Path, messages: int, batch: int, db: str | None, pg: str | None) -> dict[str, Any]:
    command = [sys.executable, str(ROOT / "bench" / "intake_writer.py"), "--worker", str(root),
               "--messages", str(messages), "--batch", str(batch)] + (["--db", db] if db else []) \
        + (["--pg", pg] if pg else [])
    out = subprocess.run(command, cwd=root, check=True, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(root)})
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--messages", type=int, default=320)
    parser.add_argument("--batch", default="1,16")
    parser.add_argument("--db", default=None, help="a database URL (default: a fresh SQLite file per run)")
    parser.add_argument("--pg", default=None, help="a PostgreSQL URL: each run in a scratch schema of its own")
    parser.add_argument("--baseline", type=Path, default=None, help="a checkout of the code to compare with")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--worker", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        sys.path.insert(0, str(args.worker))
        print(json.dumps(_worker(args.messages, int(args.batch), args.db, args.pg)))
        return
    arms = ([("before", args.baseline)] if args.baseline is not None else []) + [("now", ROOT)]
    print(f"writer thread CPU per message, median of {args.repeat} (load average {os.getloadavg()[0]:.1f})")
    for batch in (int(b) for b in args.batch.split(",")):
        runs: dict[str, list[dict[str, Any]]] = {label: [] for label, _ in arms}
        for _ in range(args.repeat):
            for label, root in arms:  # taking turns, so the machine's drift falls on both
                runs[label].append(_run(root, args.messages, batch, args.db, args.pg))
        cpu = {label: statistics.median(r["cpu ms"] for r in runs[label]) for label, _ in arms}
        for label, _ in arms:
            last = runs[label][-1]
            parts = {k: statistics.median(r["parts"].get(k, 0.0) for r in runs[label]) for k in last["parts"]}
            print(f"batch {batch:>3} {label:<7} {cpu[label]:6.2f} ms, {last['statements']:5.2f} statements; "
                  + ", ".join(f"{k} {v:.2f}" for k, v in sorted(parts.items(), key=lambda kv: -kv[1])))
            print("            " + ", ".join(f"{k} {v:.2f}" for k, v in sorted(last["kinds"].items(),
                                                                            key=lambda kv: -kv[1])))
        if args.baseline is not None:
            print(f"batch {batch:>3} now/before {cpu['now'] / cpu['before']:.2f}x")


if __name__ == "__main__":
    main()
