"""Scale-out benchmark: SMTP intake throughput with one versus two ``serve`` processes on one
PostgreSQL, same clients and messages, in one run. On a 2-core machine the second process can at
best double the CPU available to scrubbing; the ratio shows how much of that the design gets.

    python bench/scale_out.py [--messages 400] [--clients 8]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from smtp_intake import pg_reachable, print_rows, run_arm, scratch_schema


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=400)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--pg", default=os.environ.get("SCRUBDESK_TEST_DATABASE_URL",
                                                        "postgresql://postgres@127.0.0.1:5432/test"))
    args = parser.parse_args()
    if not pg_reachable(args.pg):
        raise SystemExit(f"PostgreSQL not reachable at {args.pg}: scale-out needs it")
    rows = []
    for processes in (1, 2):
        work = Path(tempfile.mkdtemp(prefix="scrubdesk-scale-"))
        try:
            with scratch_schema(args.pg, "bench") as url:
                rows.append(run_arm("postgresql", url, args.clients, args.messages, work, processes=processes))
        finally:
            shutil.rmtree(work, ignore_errors=True)
    print_rows(rows)
    one, two = (float(r["msg/s"]) for r in rows)
    print(f"ratio 2 processes / 1 process: {two / one:.2f}x ({os.cpu_count()} cores on this machine; "
          f"'cores' is the CPU the serve processes used)")


if __name__ == "__main__":
    main()
