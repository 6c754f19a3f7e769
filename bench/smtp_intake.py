"""SMTP intake benchmark: messages per second and accept latency (p50/p99), scrubbing on.

Runs ``scrubdesk serve`` as a subprocess (SQLite, and PostgreSQL when reachable) and drives it with
N concurrent smtplib clients, each sending realistic support mails (names, phone numbers, IBANs).
Latency is from DATA's end to the 250 reply: parse, scrub, thread and commit included. In the same
run and with the same clients and messages: a bare aiosmtpd server that answers 250 at once (the
SMTP layer's own ceiling), and SQLite without group commit (``[intake] group_commit = false``, each
worker committing for itself). Prints one table and the ratios; compare the rows of one run
(machines here are noisy: read ratios).

    python bench/smtp_intake.py [--messages 300] [--clients 1,8] [--arms bare,sqlite,...] [--pg URL]
                                [--profile DIR [--gil] [--top 10]] [--baseline DIR [--repeat N]]

``--baseline DIR`` runs every serve arm a second time from another checkout (``git archive <commit> |
tar -x -C DIR``), labelled ``<arm>-before``, in the same run: a change measured against what it
changed on the same noisy machine at the same time. ``--repeat N`` alternates the two N times and keeps
the median run of each (by CPU per message, the column ``cpu ms``: the server processes' CPU time per
message, which other work on the machine disturbs less than the rates).

``--profile DIR`` also samples the SQLite arm's serve process with py-spy (``pip install py-spy``, a
bench-only tool) while the clients send, writes the collapsed stacks to DIR and prints the ``--top``
functions with the most samples on the stack (inclusive) and at the top of it (self). With ``--gil``
only the thread holding the GIL is sampled: serve's Python work runs on one core at a time, so that
is where its time goes; without, a thread waiting for the GIL after a statement or a socket write is
counted in that statement, which under load makes SQLite look slower than it is.
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
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the project's packages, for the one throw-away-schema helper of tests and benches
from tests.support.scratch_schema import scratch_schema  # noqa: E402

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


def start_bare() -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, str(ROOT / "bench" / "bare_smtp.py"), str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _wait_listening(proc, port)
    return proc, port


def _wait_listening(proc: subprocess.Popen[bytes], port: int) -> None:
    deadline = time.monotonic() + 90
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError as exc:
            if proc.poll() is not None or time.monotonic() > deadline:
                err = proc.stderr.read().decode()[-2000:] if proc.stderr else ""
                raise SystemExit(f"server did not start: {err}") from exc
            time.sleep(0.2)


def start_serve(db_url: str, workdir: Path, group_commit: bool = True,
                processes: int = 0, root: Path = ROOT) -> tuple[subprocess.Popen[bytes], int]:
    """One ``scrubdesk serve`` on free ports; returns it and its SMTP port once it listens."""
    smtp_port, web_port = free_port(), free_port()
    env = dict(os.environ, SCRUBDESK_DATABASE_URL=db_url, SCRUBDESK_DATA_DIR=str(workdir),
               SCRUBDESK_DEPLOYMENT_KEY=DEPLOYMENT_KEY,
               SCRUBDESK_SMTP__PORT=str(smtp_port), SCRUBDESK_WEB__PORT=str(web_port),
               SCRUBDESK_SMTP__ACCEPT='["support@bench.test"]', SCRUBDESK_LOG_LEVEL="WARNING",
               SCRUBDESK_SMTP__MAX_MESSAGES_PER_MINUTE="1000000", SCRUBDESK_CONFIG=str(workdir / "c.toml"),
               SCRUBDESK_INTAKE__GROUP_COMMIT=str(group_commit).lower(),
               SCRUBDESK_INTAKE__PREPARE_PROCESSES=str(processes))
    (workdir / "c.toml").write_text("")
    proc = subprocess.Popen([sys.executable, "-m", "app", "serve"], env=env, cwd=root,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _wait_listening(proc, smtp_port)
    return proc, smtp_port


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of ``pid`` and of its live children (the prepare processes), from /proc."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    pids = [pid]
    # Children of every thread: the prepare pool's processes are started by its manager thread, not the main one.
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            pids += [int(p) for p in (task / "children").read_text().split()]
    for p in pids:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{p}/stat").read_text().rpartition(")")[2].split()
            total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime (proc(5))
    return total


def start_profiler(pid: int, out: Path, gil: bool = False) -> subprocess.Popen[bytes]:
    """py-spy sampling ``pid`` (all threads, idle ones left out; ``gil``: only the GIL's holder) into
    collapsed stacks at ``out``."""
    py_spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(py_spy).exists():
        raise SystemExit("--profile needs py-spy: .venv/bin/pip install py-spy")
    return subprocess.Popen([py_spy, "record", "--pid", str(pid), "--format", "raw", "--rate", "200",
                             "--output", str(out), "--nonblocking", *(["--gil"] if gil else [])],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


# Frames every thread's stack starts with: on 100% of the stacks, they say nothing.
_ROOTS = ("Thread._bootstrap", "Thread.run (", "<module>", "_worker (thread", "_WorkItem.run (", "run (app/serve",
          "run (asyncio", "Runner.run (", "BaseEventLoop.run_", "_run_module", "_run_code", "main (app/", "cli (")


def print_profile(path: Path, top: int = 10) -> None:
    """The functions most often on the stack (inclusive) and on top of it (self), as shares of samples."""
    inclusive: dict[str, int] = {}
    own: dict[str, int] = {}
    total = 0
    for line in path.read_text().splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack:
            continue
        count = int(count_text)
        total += count
        frames = [f.split(" (")[0] + " (" + f.split(" (")[-1].split(":")[0].rsplit("/", 1)[-1]
                  for f in stack.split(";") if f]
        for frame in set(frames):
            inclusive[frame] = inclusive.get(frame, 0) + count
        if frames:
            own[frames[-1]] = own.get(frames[-1], 0) + count
    for title, table in (("inclusive", inclusive), ("self", own)):
        print(f"profile, top {top} by {title} samples ({total} samples, thread roots left out):")
        rows = [(n, f) for f, n in table.items() if not f.startswith(_ROOTS)]
        for n, frame in sorted(rows, reverse=True)[:top]:
            print(f"  {100 * n / max(total, 1):5.1f}%  {frame}")


def run_arm(label: str, db_url: str | None, clients: int, total: int, workdir: Path,
            processes: int = 1, group_commit: bool = True, prepare_processes: int = 0,
            profile: Path | None = None, gil: bool = False, root: Path = ROOT) -> dict[str, float | str]:
    """Send ``total`` messages with ``clients`` connections spread over ``processes`` serve processes
    (``db_url`` None: the bare server)."""
    servers = []
    for i in range(processes):
        (workdir / f"{label}{i}").mkdir(parents=True, exist_ok=True)
        servers.append(start_bare() if db_url is None else
                       start_serve(db_url, workdir / f"{label}{i}", group_commit=group_commit,
                                   processes=prepare_processes, root=root))
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
    profiler = start_profiler(servers[0][0].pid, profile, gil) if profile is not None else None
    cpu0 = sum(cpu_seconds(proc.pid) for proc, _ in servers)
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    cores = (sum(cpu_seconds(proc.pid) for proc, _ in servers) - cpu0) / elapsed
    if profiler is not None:
        profiler.send_signal(2)  # SIGINT: py-spy writes what it sampled and exits
        profiler.wait(timeout=60)
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
        "cores": cores,  # CPU seconds of the server processes per second of the run
        # CPU milliseconds the server processes spent per message: what a change saves, less disturbed by
        # the other work on a shared machine than the rates are
        "cpu ms": cores / (total / elapsed) * 1000,
    }


def print_rows(rows: list[dict[str, float | str]]) -> None:
    print(f"{'arm':<22}{'procs':>6}{'clients':>8}{'msg/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'cores':>7}{'cpu ms':>8}"
          f"  (machine: {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f})")
    for r in rows:
        print(f"{r['arm']:<22}{r['processes']:>6}{r['clients']:>8}{r['msg/s']:>10.1f}{r['p50 ms']:>10.1f}"
              f"{r['p99 ms']:>10.1f}{r['cores']:>7.2f}{r['cpu ms']:>8.2f}")
    for clients in sorted({int(r["clients"]) for r in rows}):
        same = {str(r["arm"]): float(r["msg/s"]) for r in rows if r["clients"] == clients and r["processes"] == 1}
        bare = same.get("bare")
        for arm, rate in same.items():
            if arm != "bare" and bare:
                print(f"ratio {arm} / bare at {clients} client(s): {rate / bare:.2f}x")
        if "sqlite" in same and "sqlite-procs" in same:
            print(f"ratio sqlite-procs (processes) / sqlite (threads) at {clients} client(s): "
                  f"{same['sqlite-procs'] / same['sqlite']:.2f}x")
        for arm, rate in same.items():
            if arm.endswith("-before") and arm.removesuffix("-before") in same:
                after = same[arm.removesuffix("-before")]
                cpu = {str(r["arm"]): float(r["cpu ms"]) for r in rows
                       if r["clients"] == clients and r["processes"] == 1}
                print(f"ratio {arm.removesuffix('-before')} now / before at {clients} client(s): {after / rate:.2f}x"
                      f" (CPU per message {cpu[arm]:.2f} -> {cpu[arm.removesuffix('-before')]:.2f} ms)")
        if "sqlite" in same and "sqlite-direct" in same:
            print(f"ratio sqlite (group commit) / sqlite-direct at {clients} client(s): "
                  f"{same['sqlite'] / same['sqlite-direct']:.2f}x")


ARMS = ("bare", "sqlite", "sqlite-direct", "sqlite-procs", "postgresql")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--clients", default="1,8")
    parser.add_argument("--arms", default=",".join(ARMS), help=f"which of {', '.join(ARMS)} to run")
    parser.add_argument("--prepare-processes", type=int, default=2,
                        help="worker processes of the sqlite-procs arm")
    parser.add_argument("--profile", type=Path, default=None,
                        help="directory for py-spy's collapsed stacks of the sqlite arm (off by default)")
    parser.add_argument("--gil", action="store_true", help="profile only the thread holding the GIL")
    parser.add_argument("--top", type=int, default=10, help="how many functions the profile lists")
    parser.add_argument("--baseline", type=Path, default=None,
                        help="another checkout whose serve runs each serve arm again, as <arm>-before")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run each arm this many times, alternating with its --baseline run, and report the "
                             "median run of each (by CPU per message): a noisy machine's drift falls on both")
    parser.add_argument("--pg", default=os.environ.get("SCRUBDESK_TEST_DATABASE_URL",
                                                        "postgresql://postgres@127.0.0.1:5432/test"))
    args = parser.parse_args()
    arms = [a for a in args.arms.split(",") if a]
    if unknown := set(arms) - set(ARMS):
        raise SystemExit(f"unknown arms: {', '.join(sorted(unknown))}")
    if "postgresql" in arms and not pg_reachable(args.pg):
        print(f"PostgreSQL not reachable at {args.pg}: its arm is left out", file=sys.stderr)
        arms.remove("postgresql")
    rows = []
    for clients in [int(c) for c in args.clients.split(",")]:
        work = Path(tempfile.mkdtemp(prefix="scrubdesk-bench-"))
        try:
            for arm in arms:
                runs: dict[bool, list[dict[str, float | str]]] = {True: [], False: []}
                for _ in range(max(1, args.repeat)):
                    if args.baseline is not None and arm != "bare":
                        runs[True].append(_arm(arm, clients, args, work, root=args.baseline))
                    runs[False].append(_arm(arm, clients, args, work))
                rows += [_median(r) for r in (runs[True], runs[False]) if r]
        finally:
            shutil.rmtree(work, ignore_errors=True)
    print_rows(rows)
    if args.profile and "sqlite" in arms:
        for clients in [int(c) for c in args.clients.split(",")]:
            print_profile(args.profile / f"sqlite-{clients}.txt", args.top)


def _median(runs: list[dict[str, float | str]]) -> dict[str, float | str]:
    """The run with the median CPU per message (of an odd number; the lower middle of an even one)."""
    return sorted(runs, key=lambda r: float(r["cpu ms"]))[(len(runs) - 1) // 2]


def _arm(arm: str, clients: int, args: argparse.Namespace, work: Path, root: Path = ROOT) -> dict[str, float | str]:
    label = arm if root == ROOT else f"{arm}-before"
    if arm == "bare":
        return run_arm("bare", None, clients, args.messages, work)
    if arm == "postgresql":
        with scratch_schema(args.pg, "bench") as url:
            return run_arm(label, url, clients, args.messages, work, root=root)
    db = f"sqlite:///{work / (label + '.sqlite3')}"
    if arm == "sqlite-direct":
        return run_arm(label, db, clients, args.messages, work, group_commit=False, root=root)
    if arm == "sqlite-procs":
        return run_arm(label, db, clients, args.messages, work, prepare_processes=args.prepare_processes, root=root)
    profile = args.profile / f"{label}-{clients}.txt" if args.profile else None
    if profile is not None:
        profile.parent.mkdir(parents=True, exist_ok=True)
    return run_arm(label, db, clients, args.messages, work, profile=profile, gil=args.gil, root=root)


if __name__ == "__main__":
    main()
