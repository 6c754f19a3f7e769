"""SMTP intake benchmark: messages per second and accept latency (p50/p99), scrubbing on.

Runs ``scrubdesk serve`` as a subprocess (SQLite, and PostgreSQL when reachable) and drives it with
N concurrent smtplib clients, each sending realistic support mails (names, phone numbers, IBANs).
Latency is from DATA's end to the 250 reply: parse, scrub, thread and commit included.
Prints one table; compare the rows of one run (machines here are noisy: read ratios).

    python bench/smtp_intake.py [--messages 300] [--clients 1,4,8] [--pg URL]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import smtplib
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BODIES = [
    "Goedemorgen,\n\nSinds gisteren kan ik niet inloggen op mijn.voorbeeld.nl. Mijn klantnummer is {n}.\n"
    "Bel me gerust op 06-4182{n:04d}.\n\nMet vriendelijke groet,\nMarieke Hoogendoorn\n",
    "Hi,\n\nPlease refund invoice F2024-{n:05d} to NL91 ABNA 0417 1643 00. My password Zomer2024! no longer"
    " works.\n\nThanks,\nHannah Pryce\n+44 7700 900{n:03d}\n",
    "Hoi, met sanne van der berg. mijn BSN is 111222333, adres Kerkstraat 12, 5038 AB Tilburg. "
    "Kunnen jullie de DNS van bakkerij-jansen.nl naar 185.107.56.21 zetten? " * 3,
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pg_reachable(url: str) -> bool:
    try:
        import psycopg

        with psycopg.connect(url, connect_timeout=3):
            return True
    except Exception:
        return False


# Several serve processes on one database share one deployment key (docs/deploy.md).
DEPLOYMENT_KEY = os.urandom(32).hex()


def start_serve(db_url: str, workdir: Path) -> tuple[subprocess.Popen[bytes], int]:
    """One ``scrubdesk serve`` on free ports; returns it and its SMTP port once it listens."""
    smtp_port, web_port = free_port(), free_port()
    env = dict(os.environ, SCRUBDESK_DATABASE_URL=db_url, SCRUBDESK_DATA_DIR=str(workdir),
               SCRUBDESK_DEPLOYMENT_KEY=DEPLOYMENT_KEY,
               SCRUBDESK_SMTP__PORT=str(smtp_port), SCRUBDESK_WEB__PORT=str(web_port),
               SCRUBDESK_SMTP__ACCEPT='["support@bench.test"]', SCRUBDESK_LOG_LEVEL="WARNING",
               SCRUBDESK_SMTP__MAX_MESSAGES_PER_MINUTE="1000000", SCRUBDESK_CONFIG=str(workdir / "c.toml"))
    (workdir / "c.toml").write_text("")
    proc = subprocess.Popen([sys.executable, "-m", "app", "serve"], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 90
    while True:
        try:
            socket.create_connection(("127.0.0.1", smtp_port), timeout=1).close()
            return proc, smtp_port
        except OSError as exc:
            if proc.poll() is not None or time.monotonic() > deadline:
                err = proc.stderr.read().decode()[-2000:] if proc.stderr else ""
                raise SystemExit(f"serve did not start: {err}") from exc
            time.sleep(0.2)


def run_arm(label: str, db_url: str, clients: int, total: int, workdir: Path,
            processes: int = 1) -> dict[str, float | str]:
    """Send ``total`` messages with ``clients`` connections spread over ``processes`` serve processes."""
    servers = []
    for i in range(processes):
        (workdir / f"p{i}").mkdir(parents=True, exist_ok=True)
        servers.append(start_serve(db_url, workdir / f"p{i}"))
    ports = [port for _, port in servers]
    latencies: list[float] = []
    lock = threading.Lock()
    counter = iter(range(total))
    run_id = uuid.uuid4().hex[:8]

    def client(smtp_port: int) -> None:
        with smtplib.SMTP("127.0.0.1", smtp_port, timeout=60) as c:
            while True:
                with lock:
                    n = next(counter, None)
                if n is None:
                    return
                msg = EmailMessage()
                msg["From"], msg["To"] = f"klant{n % 50}@example.nl", "support@bench.test"
                msg["Subject"], msg["Message-ID"] = f"Vraag {n}", f"<{run_id}-{n}@bench.test>"
                msg.set_content(BODIES[n % len(BODIES)].format(n=n))
                start = time.perf_counter()
                c.send_message(msg)
                with lock:
                    latencies.append(time.perf_counter() - start)

    # Warm-up: the first message pays for lazy imports.
    for port in ports:
        with smtplib.SMTP("127.0.0.1", port, timeout=60) as c:
            c.sendmail("warm@example.nl", ["support@bench.test"], b"Subject: warm\r\n\r\nwarm up\r\n")
    threads = [threading.Thread(target=client, args=(ports[i % len(ports)],)) for i in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    for proc, _ in servers:
        proc.terminate()
        proc.wait(timeout=60)
    latencies.sort()
    return {
        "arm": label,
        "processes": processes,
        "clients": clients,
        "msg/s": total / elapsed,
        "p50 ms": statistics.median(latencies) * 1000,
        "p99 ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
    }


@contextlib.contextmanager
def pg_schema(url: str) -> Iterator[str]:
    """A throw-away schema on the PostgreSQL server; yields a URL that uses it."""
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{url}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def print_rows(rows: list[dict[str, float | str]]) -> None:
    print(f"{'arm':<12}{'procs':>6}{'clients':>8}{'msg/s':>10}{'p50 ms':>10}{'p99 ms':>10}")
    for r in rows:
        print(f"{r['arm']:<12}{r['processes']:>6}{r['clients']:>8}{r['msg/s']:>10.1f}{r['p50 ms']:>10.1f}"
              f"{r['p99 ms']:>10.1f}")
    base = rows[0]
    for r in rows[1:]:
        print(f"ratio {r['arm']}/{r['processes']}p/{r['clients']}c vs {base['arm']}/{base['processes']}p/"
              f"{base['clients']}c: {float(r['msg/s']) / float(base['msg/s']):.2f}x throughput")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--clients", default="1,8")
    parser.add_argument("--pg", default=os.environ.get("SCRUBDESK_TEST_DATABASE_URL",
                                                        "postgresql://postgres@127.0.0.1:5432/test"))
    args = parser.parse_args()
    rows = []
    for clients in [int(c) for c in args.clients.split(",")]:
        work = Path(tempfile.mkdtemp(prefix="scrubdesk-bench-"))
        try:
            rows.append(run_arm("sqlite", f"sqlite:///{work / 'b.sqlite3'}", clients, args.messages, work))
            if pg_reachable(args.pg):
                with pg_schema(args.pg) as url:
                    rows.append(run_arm("postgresql", url, clients, args.messages, work))
        finally:
            shutil.rmtree(work, ignore_errors=True)
    print_rows(rows)


if __name__ == "__main__":
    main()
