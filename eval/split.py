"""The fixed tuning/test split of every evaluation corpus.

Why this file exists: a scrubber or recogniser tuned on the very messages it is scored on proves
nothing (see ../shared/eval/README.md). From now on every JSONL corpus, shared or our own, is split by
one rule that never changes and depends on nothing but the line order:

    the record at 0-based index i, counting non-empty lines only, is TEST when i % 5 == 4, else TUNE.

So every fifth record is test (20%), and a corpus that grows at its end keeps the split of its old
records. Whoever tunes rules works on the TUNE part only and never opens the TEST part: not the file,
not single records, not the misses or errors on it. Of the TEST part only aggregate scores are ever
printed (``eval/evaluate.py --part test`` refuses to show misses or errors).

Usage:
    python eval/split.py CORPUS.jsonl --part tune|test --out FILE

writes the chosen part as JSON lines (each line exactly as it stands in the corpus) to FILE and prints
only how many records it wrote.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Literal

Part = Literal["tune", "test", "all"]
PARTS: tuple[Part, ...] = ("tune", "test", "all")
TEST_EVERY = 5
TEST_REMAINDER = 4
# Corpora nobody tunes on (eval/README.md): read whole by nobody, only their aggregate scores are printed.
# pii_unseen and privacy_unseen were test-only until 2026-12-07; after five stops in which they did not move they
# became split corpora like the dev ones (their TUNE part read, their TEST fifth never opened), and the blind
# corpora, written that day before any rule change, took their place.
# The second pair (pii_blind2, privacy_blind2) was written on 2026-12-07 (eighth session) the same way, before any
# change of that session landed, so that each session's changes meet text written after the last one's.
# The third pair (pii_blind3, privacy_blind3) was written on 2026-12-07 (ninth session) the same way.
# pii_authors_c and pii_authors_d (tenth session, issue 16) are held out by author, not by line: four writers wrote a
# credential-heavy corpus each, and this split was fixed before any of them had written a line. Authors a and b are
# tuned on (their TUNE parts, eval/pii_tune_authors_{a,b}.jsonl); c and d are never opened, so a rule written from a
# and b's misses is measured on people who phrase things their own way. A second round the same day (authors e and f
# tuned on, g and h held out whole) is about every high-risk type, not credentials only; a third (i and j tuned on, k
# and l held out) about English-speaking senders and contact details written to dodge filters.
# Eleventh session (2026-12-07), fixed before any writer began: PII round 4 about identity documents and national
# numbers of many countries (m and n tuned on, o and p held out whole), and the first privacy round held out by
# author (privacy_tune_authors_pa/pb tuned on and trained on, privacy_authors_pc/pd never opened). A second pair of
# rounds the same session, fixed before its writers began: PII round 5 about chat (q and r tuned on, s and t held out
# whole) and privacy round 16 about conflicts and everyday French and German mail (pe and pf tuned on, pg and ph held
# out whole).
TEST_ONLY = frozenset({"pii_blind.jsonl", "pii_blind2.jsonl", "pii_blind3.jsonl", "pii_heldout.jsonl",
                       "pii_authors_c.jsonl", "pii_authors_d.jsonl", "pii_authors_g.jsonl", "pii_authors_h.jsonl",
                       "pii_authors_k.jsonl", "pii_authors_l.jsonl", "pii_authors_o.jsonl", "pii_authors_p.jsonl",
                       "pii_authors_s.jsonl", "pii_authors_t.jsonl",
                       "privacy_blind.jsonl", "privacy_blind2.jsonl", "privacy_blind3.jsonl", "privacy_letters.jsonl",
                       "privacy_heldout.jsonl", "privacy_authors_pc.jsonl", "privacy_authors_pd.jsonl",
                       "privacy_authors_pg.jsonl", "privacy_authors_ph.jsonl"})


def is_test(index: int) -> bool:
    """Whether the record at 0-based ``index`` (non-empty lines counted) belongs to the test part."""
    return index % TEST_EVERY == TEST_REMAINDER


def split_lines(path: str | Path) -> tuple[list[str], list[str]]:
    """The non-empty lines of ``path`` (without their line ends), as (tune, test)."""
    tune: list[str] = []
    test: list[str] = []
    with open(path, encoding="utf-8") as f:
        records = (line.rstrip("\r\n") for line in f if line.strip())
        for index, line in enumerate(records):
            (test if is_test(index) else tune).append(line)
    return tune, test


def part_lines(path: str | Path, part: Part) -> list[str]:
    """The lines of one part; ``all`` is the whole corpus in its own order."""
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}; expected one of {', '.join(PARTS)}")
    if part == "all":
        with open(path, encoding="utf-8") as f:
            return [line.rstrip("\r\n") for line in f if line.strip()]
    tune, test = split_lines(path)
    return tune if part == "tune" else test


def split(path: str | Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The records of the JSONL corpus at ``path`` as (tune, test), each in corpus order."""
    tune, test = split_lines(path)
    return [json.loads(line) for line in tune], [json.loads(line) for line in test]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, help="a JSONL corpus, one record per non-empty line")
    ap.add_argument("--part", required=True, choices=("tune", "test"))
    ap.add_argument("--out", required=True, type=Path, help="file to write the part to (JSON lines)")
    args = ap.parse_args(argv)
    if args.out.resolve() == args.corpus.resolve():
        ap.error("--out must not be the corpus itself")
    lines = part_lines(args.corpus, args.part)
    for lineno, line in enumerate(lines, start=1):
        try:
            json.loads(line)
        except json.JSONDecodeError as exc:  # never echo the record itself
            print(f"{args.corpus}: record {lineno} of the {args.part} part is not JSON ({exc.msg})", file=sys.stderr)
            return 1
    args.out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"{args.corpus}: wrote {len(lines)} {args.part} records to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
