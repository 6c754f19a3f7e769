"""Intake's CPU per message in-process, without SMTP: ``Intake.submit`` with the real scrubber on SQLite.

Each run is a fresh process, as a started ``serve`` is: it builds the scrubber and the intake on a new
SQLite file (start-up CPU reported apart), then submits the SMTP bench's messages (``bench/smtp_intake.py``
BODIES, parsed as the SMTP adapter parses them) from ``--threads`` threads, and prints the process's CPU
per message over the submits, the analysing part of it (thread CPU inside ``Scrubber.analyze``) and
the number of ``analyze`` calls per message.

``--baseline DIR`` (a ``git archive <commit> | tar -x -C DIR`` checkout) runs the same in DIR's code, taking
turns with this checkout ``--repeat`` times, and prints the median of each: issue 19 measured this way.

    python bench/intake_cpu.py [--messages 300] [--threads 1,8] [--baseline DIR] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from email.message import EmailMessage
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _worker(messages: int, threads: int) -> dict[str, float]:
    """One arm in this process (its code is the checkout on ``sys.path``)."""
    from bench.smtp_intake import BODIES
    from intake.mail.parse import parse_email, to_inbound
    from intake.message import InboundMessage
    from intake.pipeline import Intake
    from models import keys, migrate
    from models.db import make_engine
    from privacy.recognition import recognize
    from scrubber.engine import Scrubber
    from tickets.store import TicketStore

    def inbound(n: int) -> InboundMessage:
        msg = EmailMessage()
        msg["From"], msg["To"] = f"klant{n % 50}@example.nl", "support@bench.test"
        msg["Subject"], msg["Message-ID"] = f"Vraag {n}", f"<cpu-{n}@bench.test>"
        msg.set_content(BODIES[n % len(BODIES)].format(n=n))
        raw = msg.as_bytes()
        return to_inbound(parse_email(raw, envelope_from=f"klant{n % 50}@example.nl"), raw)

    keys.install(os.urandom(32))
    start = time.process_time()
    scrubber = Scrubber()
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/bench.sqlite3")
        migrate.upgrade(engine)
        startup = time.process_time() - start
        analyze = scrubber.analyze
        spent = [0.0, 0.0]  # thread CPU seconds inside analyze, calls
        lock = threading.Lock()

        def counted(text: str, lang: str | None = None) -> Any:
            t = time.thread_time()
            result = analyze(text, lang)
            with lock:
                spent[0] += time.thread_time() - t
                spent[1] += 1
            return result

        scrubber.analyze = counted  # type: ignore[method-assign]
        intake = Intake(TicketStore(engine), scrubber, privacy=recognize)
        todo = iter([inbound(n) for n in range(messages)])
        take = threading.Lock()

        def client() -> None:
            while True:
                with take:
                    msg = next(todo, None)
                if msg is None:
                    return
                intake.submit(msg)

        workers = [threading.Thread(target=client) for _ in range(threads)]
        cpu = time.process_time()
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        cpu = time.process_time() - cpu
        intake.close()
        engine.dispose()
    return {"startup s": startup, "cpu ms": cpu / messages * 1000, "analyze ms": spent[0] / messages * 1000,
            "calls": spent[1] / messages}


def _run(root: Path, messages: int, threads: int) -> dict[str, float]:
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "intake_cpu.py"), "--worker", str(root),
                          "--messages", str(messages), "--threads", str(threads)],
                         cwd=root, check=True, capture_output=True, text=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--threads", default="1,8")
    parser.add_argument("--baseline", type=Path, default=None, help="a checkout of the code to compare with")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--worker", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        sys.path.insert(0, str(args.worker))
        print(json.dumps(_worker(args.messages, int(args.threads))))
        return
    arms = [("before", args.baseline)] if args.baseline is not None else []
    arms.append(("now", ROOT))
    print(f"{'arm':<8}{'threads':>8}{'cpu ms/msg':>12}{'analyze ms':>12}{'calls/msg':>11}{'startup s':>11}"
          f"  (median of {args.repeat}; load average {os.getloadavg()[0]:.1f})")
    for threads in [int(t) for t in args.threads.split(",")]:
        runs: dict[str, list[dict[str, float]]] = {label: [] for label, _ in arms}
        for _ in range(args.repeat):
            for label, root in arms:  # taking turns, so the machine's drift falls on both
                runs[label].append(_run(root, args.messages, threads))
        for label, _ in arms:
            med = {k: statistics.median(r[k] for r in runs[label]) for k in runs[label][0]}
            print(f"{label:<8}{threads:>8}{med['cpu ms']:>12.2f}{med['analyze ms']:>12.2f}{med['calls']:>11.1f}"
                  f"{med['startup s']:>11.2f}")


if __name__ == "__main__":
    main()
