"""Test entry point: run one ``ImapPoller`` in its own process, so a test can SIGKILL it mid-batch.

Usage: ``python -m tests.intake.imap.poller_main CONFIG_JSON DB_PATH [--delay S] [--report PATH]``.
SIGTERM stops it cleanly; ``--report`` writes the RSS (KiB) at start and the peak RSS after it as JSON.
"""

from __future__ import annotations

import argparse
import json
import logging
import signal
import threading
from pathlib import Path
from types import FrameType

from intake.imap import ImapMailboxConfig, ImapPoller
from tests.intake.imap.sqlite_store import SqliteSink, SqliteStateStore


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"{field} not in /proc/self/status")


def reset_peak_rss() -> int:
    """Reset the kernel's peak-RSS mark (VmHWM) and return the current RSS in KiB.

    ``ru_maxrss`` is useless here: it is inherited across fork+exec from the big pytest process.
    Writing 5 to ``clear_refs`` resets VmHWM (Linux >= 4.0, see proc(5)).
    """
    Path("/proc/self/clear_refs").write_text("5")
    return _status_kib("VmRSS")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("config")
    ap.add_argument("db", type=Path)
    ap.add_argument("--delay", type=float, default=0.0)
    ap.add_argument("--report", type=Path)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    rss_start = reset_peak_rss()
    config = ImapMailboxConfig.model_validate_json(args.config)
    stop = threading.Event()

    def on_term(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_term)
    poller = ImapPoller(config, SqliteSink(args.db, delay=args.delay), SqliteStateStore(args.db), stop_event=stop)
    poller.run()
    if args.report:
        rss_end = _status_kib("VmHWM")
        args.report.write_text(
            json.dumps({"rss_start_kib": rss_start, "rss_peak_kib": rss_end, "delivered": poller.delivered})
        )


if __name__ == "__main__":
    main()
