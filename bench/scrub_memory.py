"""Start-up time and memory of the scrubber in a fresh process, phase by phase (issue 16: < 2 s, < 300 MB).

Each figure comes from a fresh child process (``sys.executable``, the checkout as working directory and
``PYTHONPATH``), so nothing the bench itself imported or allocated is counted:

- phases: resident memory (``VmRSS``, its peak ``VmHWM``, and ``RssAnon``, the part that is the process's
  own heap rather than mapped files) and the CPU and wall seconds since the child was spawned, after the
  imports, after ``Scrubber()`` without its warm-up, after the warm-up (the lazily loaded word lists), after
  the first scrub (the start-up figure) and after ``--scrubs`` more scrubs of varied texts;
- ``--tracemalloc N``: the N largest Python allocations (file:line) made by building and warming the
  scrubber, the imports' allocations subtracted;
- ``--importtime N``: ``python -X importtime`` over the whole start-up (the recognizer modules import
  while the scrubber is built), summed per top-level package, and the N slowest modules by self time;
- ``--serve``: ``scrubdesk serve`` (SMTP, web and the workers; SQLite in a temporary data directory):
  seconds until its SMTP port answers, its RSS then and after ``--mails`` mails were stored.

Byte code: every arm's tree is compiled first (``compileall``), as an installed package is (``make install``
compiles it too), since an environment with ``PYTHONDONTWRITEBYTECODE`` (these sessions' own) never writes it and
each start would compile our ~60 scrubber modules from source again; ``--from-source`` measures that first start
instead: the checkouts' own ``__pycache__`` directories are removed before every run (the installed packages keep
theirs) and ``PYTHONDONTWRITEBYTECODE`` is set.

``--against REV`` runs every measurement a second time on the git revision REV (``git archive`` into a
temporary directory, with this checkout's lexicon cache copied in, whose file names carry their format
digest), the two arms taking turns round by round, and prints now/before ratios. The machine is shared:
the load average is printed, CPU seconds are steadier than wall seconds, and medians over ``--rounds``
are shown. The texts are made up here; no corpus is read.

Usage: .venv/bin/python bench/scrub_memory.py [--rounds N] [--against REV] [--tracemalloc N]
       [--importtime N] [--serve [--mails N]] [--from-source]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import smtplib
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run in the child. Wall time is counted from the parent's spawn (``T0``), CPU time is the process's own
# (``process_time`` includes the interpreter's start-up).
_PHASES = r"""
import json, sys, time
T0 = float(sys.argv[1]); SCRUBS = int(sys.argv[2])
out = []
def mark(phase):
    st = {}
    with open("/proc/self/status") as fh:
        for line in fh:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM", "RssAnon", "RssFile"):
                st[key] = int(value.split()[0]) / 1024
    out.append({"phase": phase, "cpu": time.process_time(), "wall": time.time() - T0, **st})
mark("interpreter")
from scrubber.engine import Scrubber
mark("imports")
warm = getattr(Scrubber, "warm_up", None)
if warm is not None:
    Scrubber.warm_up = lambda self: None
scrubber = Scrubber()
mark("build")
if warm is not None:
    Scrubber.warm_up = warm
    scrubber.warm_up()
mark("warm-up")
scrubber.scrub("Bel 06-12345678, BSN 111222333")
mark("first scrub")
TEXTS = json.loads(sys.stdin.read())
for i in range(SCRUBS):
    scrubber.scrub(TEXTS[i % len(TEXTS)].replace("{i}", str(1000 + i)))
mark(f"+{SCRUBS} scrubs")
print(json.dumps(out))
"""

_TRACEMALLOC = r"""
import json, sys, tracemalloc
TOP = int(sys.argv[1])
tracemalloc.start(1)
from scrubber.engine import Scrubber
before = tracemalloc.take_snapshot()
scrubber = Scrubber()
scrubber.scrub("Bel 06-12345678, BSN 111222333")
after = tracemalloc.take_snapshot()
total = lambda snap: sum(s.size for s in snap.statistics("filename")) / 2**20
rows = [(s.size_diff / 2**20, s.count_diff, f"{s.traceback[0].filename}:{s.traceback[0].lineno}")
        for s in after.compare_to(before, "lineno")[:TOP]]
print(json.dumps({"imports_mb": total(before), "built_mb": total(after), "top": rows}))
"""

# Varied texts for the scrubs after the first: names, numbers, addresses, secrets, nl and en ("{i}" varies).
TEXTS = [
    "Hoi, met Sanne van der Berg. Mijn BSN is 111222333 en mijn klantnummer {i}. Adres: Kerkstraat 12, "
    "5038 AB Tilburg. Bel me op 06-12345678.",
    "Hello, my password Zomer2024! no longer works for jan.devries@example.nl. Card 4111 1111 1111 1111, "
    "IBAN NL91ABNA0417164300. Regards, Peter Jansen",
    "Beste support,\n\nDe DNS van bakkerij-jansen.nl moet naar 185.107.56.21, ticket #{i}. Geboren 12-03-1985.\n\n"
    "Met vriendelijke groet,\nM. de Vries\nHoofdstraat 4\n1234 AB Amsterdam",
    "Send it to 221B Baker Street, London NW1 6XE, United Kingdom. Call +44 7700 900123. Passport NX1234567.",
    "Login: pietjansen / Wachtwoord: Paard7xQ-Zonnebloem42. Factuur {i} van 12 januari is betaald.",
]


def _checkout(rev: str, work: Path) -> Path:
    """``rev`` of this repository unpacked into ``work`` (with the lexicon caches: their names carry a digest)."""
    target = work / rev.replace("/", "_")
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    data = target / "scrubber" / "data"
    data.mkdir(exist_ok=True)
    for cache in (ROOT / "scrubber" / "data").glob("*.pickle"):
        shutil.copy2(cache, data / cache.name)
    return target


# set by ``main`` for ``--from-source``
_FROM_SOURCE: list[bool] = []


def _env(root: Path) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(root))
    env.pop("SCRUBDESK_CACHE_DIR", None)  # each checkout reads its own scrubber/data
    if _FROM_SOURCE:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        for cache in root.rglob("__pycache__"):
            if not {".venv", "var"} & set(cache.relative_to(root).parts):
                shutil.rmtree(cache)
    return env


def compile_bytecode(root: Path) -> None:
    """The tree's byte code written next to its sources, whatever ``PYTHONDONTWRITEBYTECODE`` says."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "-j", "0", "-x", r"/(var|\.venv)/", str(root)],
        check=True,
        stdout=subprocess.DEVNULL,
        env=dict(os.environ, PYTHONPATH=str(root)),
    )


def phases(root: Path, scrubs: int) -> list[dict[str, float | str]]:
    """One fresh process's figures after each phase (see the module docstring)."""
    t0 = time.time()
    out = subprocess.run(
        [sys.executable, "-c", _PHASES, repr(t0), str(scrubs)],
        input=json.dumps(TEXTS),
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
        env=_env(root),
    )
    rows: list[dict[str, float | str]] = json.loads(out.stdout)
    return rows


def print_phases(runs: dict[str, list[list[dict[str, float | str]]]]) -> None:
    """Medians over the rounds, per arm and phase; with two arms, the ratios now/before."""
    arms = list(runs)
    print(f"{'arm':8} {'phase':16} {'VmRSS MB':>9} {'VmHWM MB':>9} {'RssAnon':>8} {'CPU s':>7} {'wall s':>7}")
    medians: dict[str, list[dict[str, float]]] = {}
    for arm in arms:
        rounds = runs[arm]
        medians[arm] = []
        for k, row in enumerate(rounds[0]):
            med = {
                key: statistics.median(float(r[k][key]) for r in rounds)
                for key in ("VmRSS", "VmHWM", "RssAnon", "cpu", "wall")
            }
            medians[arm].append(med)
            print(
                f"{arm:8} {row['phase']!s:16} {med['VmRSS']:9.1f} {med['VmHWM']:9.1f} {med['RssAnon']:8.1f} "
                f"{med['cpu']:7.2f} {med['wall']:7.2f}"
            )
    if len(arms) == 2:
        now, before = medians[arms[0]], medians[arms[1]]
        print(f"\nratios {arms[0]}/{arms[1]} (medians):")
        for k, row in enumerate(runs[arms[0]][0]):
            if k >= len(before):
                break
            cells = " ".join(
                f"{key} {now[k][key] / before[k][key]:.2f}x" for key in ("VmHWM", "cpu", "wall") if before[k][key]
            )
            print(f"  {row['phase']!s:16} {cells}")


def tracemalloc_top(root: Path, top: int) -> None:
    out = subprocess.run(
        [sys.executable, "-c", _TRACEMALLOC, str(top)],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
        env=_env(root),
    )
    res = json.loads(out.stdout)
    print(
        f"traced Python memory: {res['imports_mb']:.1f} MB after the imports, {res['built_mb']:.1f} MB once built "
        f"and warmed; the largest allocations of building and warming:"
    )
    site = str(Path(sys.executable).resolve().parent.parent)
    for size, count, where in res["top"]:
        where = where.replace(str(root) + "/", "").replace(site, "<venv>")
        print(f"  {size:8.2f} MB {count:9d} blocks  {where}")


def importtime(root: Path, top: int) -> None:
    """``-X importtime`` of the whole start-up: self microseconds per top-level package, slowest modules."""
    code = "from scrubber.engine import Scrubber\nScrubber().scrub('Bel 06-12345678')"
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
        env=_env(root),
    )
    rows: list[tuple[int, str]] = []
    for line in out.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, _, name = line[len("import time:") :].split("|")
        rows.append((int(self_us), name.strip()))
    per_package: dict[str, int] = {}
    for us, name in rows:
        package = name.split(".")[0]
        per_package[package] = per_package.get(package, 0) + us
    total = sum(per_package.values())
    print(f"imports: {total / 1e6:.2f} s in {len(rows)} modules; by top-level package (self time summed):")
    for package, us in sorted(per_package.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {us / 1e6:6.3f} s  {package}")
    print("slowest modules by self time:")
    for us, name in sorted(rows, reverse=True)[:top]:
        print(f"  {us / 1e6:6.3f} s  {name}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _status(pid: int) -> dict[str, float]:
    st: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM", "RssAnon"):
            st[key] = int(value.split()[0]) / 1024
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    st["cpu"] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return st


def serve(root: Path, mails: int) -> dict[str, dict[str, float]]:
    """``scrubdesk serve`` on SQLite: figures once SMTP answers and after ``mails`` stored mails."""
    with tempfile.TemporaryDirectory(prefix="scrub-memory-serve-") as tmp:
        smtp_port, web_port = _free_port(), _free_port()
        (Path(tmp) / "c.toml").write_text("")
        env = dict(
            _env(root),
            SCRUBDESK_DATA_DIR=tmp,
            SCRUBDESK_CONFIG=str(Path(tmp) / "c.toml"),
            SCRUBDESK_SMTP__PORT=str(smtp_port),
            SCRUBDESK_WEB__PORT=str(web_port),
            SCRUBDESK_SMTP__ACCEPT='["support@bench.test"]',
            SCRUBDESK_LOG_LEVEL="WARNING",
            SCRUBDESK_SMTP__MAX_MESSAGES_PER_MINUTE="1000000",
        )
        env.pop("SCRUBDESK_DATABASE_URL", None)
        t0 = time.time()
        proc = subprocess.Popen(
            [sys.executable, "-m", "app", "serve"], env=env, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        try:
            while True:
                try:
                    socket.create_connection(("127.0.0.1", smtp_port), timeout=1).close()
                    break
                except OSError as exc:
                    if proc.poll() is not None or time.time() - t0 > 120:
                        err = proc.stderr.read().decode()[-2000:] if proc.stderr else ""
                        raise SystemExit(f"serve did not start: {err}") from exc
                    time.sleep(0.05)
            ready = {**_status(proc.pid), "wall": time.time() - t0}
            with smtplib.SMTP("127.0.0.1", smtp_port) as smtp:
                for i in range(mails):
                    msg = EmailMessage()
                    msg["From"], msg["To"], msg["Subject"] = f"c{i}@example.nl", "support@bench.test", f"vraag {i}"
                    msg.set_content(TEXTS[i % len(TEXTS)].replace("{i}", str(1000 + i)))
                    smtp.send_message(msg)
            return {"ready": ready, f"+{mails} mails": {**_status(proc.pid), "wall": time.time() - t0}}
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def print_serve(runs: dict[str, list[dict[str, dict[str, float]]]]) -> None:
    print(f"\n{'serve':8} {'moment':12} {'VmRSS MB':>9} {'VmHWM MB':>9} {'RssAnon':>8} {'CPU s':>7} {'wall s':>7}")
    for arm, rounds in runs.items():
        for moment in rounds[0]:
            med = {
                key: statistics.median(r[moment][key] for r in rounds)
                for key in ("VmRSS", "VmHWM", "RssAnon", "cpu", "wall")
            }
            print(
                f"{arm:8} {moment:12} {med['VmRSS']:9.1f} {med['VmHWM']:9.1f} {med['RssAnon']:8.1f} "
                f"{med['cpu']:7.2f} {med['wall']:7.2f}"
            )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--scrubs", type=int, default=100)
    ap.add_argument("--against", metavar="REV", help="also measure this git revision, arms taking turns")
    ap.add_argument("--tracemalloc", type=int, default=0, metavar="N", help="show the N largest allocations")
    ap.add_argument("--importtime", type=int, default=0, metavar="N", help="show import time, N rows")
    ap.add_argument("--serve", action="store_true", help="also measure `scrubdesk serve`")
    ap.add_argument("--mails", type=int, default=50)
    ap.add_argument("--from-source", action="store_true", help="measure without byte code (a first start)")
    args = ap.parse_args()
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory(prefix="scrub-memory-") as tmp:
        roots = {"now": ROOT}
        if args.against:
            roots["before"] = _checkout(args.against, Path(tmp))
        if args.from_source:
            _FROM_SOURCE.append(True)
        for root in roots.values():  # the byte code (see the module docstring) and any missing cache; not counted
            if not args.from_source:
                compile_bytecode(root)
            phases(root, 1)
        runs: dict[str, list[list[dict[str, float | str]]]] = {arm: [] for arm in roots}
        served: dict[str, list[dict[str, dict[str, float]]]] = {arm: [] for arm in roots}
        for _ in range(args.rounds):
            for arm, root in roots.items():
                runs[arm].append(phases(root, args.scrubs))
                if args.serve:
                    served[arm].append(serve(root, args.mails))
        print_phases(runs)
        if args.serve:
            print_serve(served)
        for arm, root in roots.items():
            if args.tracemalloc:
                print(f"\n[{arm}] ", end="")
                tracemalloc_top(root, args.tracemalloc)
            if args.importtime:
                print(f"\n[{arm}] ", end="")
                importtime(root, args.importtime)
    print(f"\nload average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
