"""``python -m scrubber [--jsonl]``: scrub stdin to stdout before the app's CLI is wired."""

from __future__ import annotations

import argparse
import sys

from scrubber.cli import run_scrub


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scrubber", description="Strip personal data from text.")
    parser.add_argument("--jsonl", action="store_true", help='read {"id","text","lang"?} lines, write results')
    args = parser.parse_args(argv)
    sys.stdin.reconfigure(errors="replace")  # type: ignore[union-attr]
    return run_scrub(sys.stdin, sys.stdout, jsonl=args.jsonl)


if __name__ == "__main__":
    sys.exit(main())
