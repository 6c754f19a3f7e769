"""Audit the deny-by-default paths: which long numbers and secret-shaped tokens survive scrubbing, and why.

Why this file exists: the scrubber strips every run of 7+ digits (NUMBER) and every password-shaped token
(CREDENTIAL) unless something explains it (``scrubber.recognizers.explainers``, ``secrets.verdict``). A leak of a
high-risk value is then always an explanation that was wrong, or a shape the rules do not call a secret. This
script lists every such token left in clear in a tuning corpus with the reason it stayed (the explainer's name,
the kept entity and its recognizer, or why its shape was not taken for a secret), and marks the tokens that the
gold annotation says should have been stripped (LEAK), so that a fix can target the mechanism, not the case.

    python eval/audit_survivors.py eval/pii_tune_world2.jsonl --part all
    python eval/audit_survivors.py ../shared/eval/pii_dev2.jsonl --part tune --leaks-only

Only TUNE parts (``eval/split.py``) may be audited, or a whole corpus written for tuning (``pii_tune_*``,
``pii_probe_*``): it prints message text, so it refuses test-only corpora and the test parts of the others.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scrubber.engine import Scrubber  # noqa: E402 (after the path is set)
from scrubber.recognizers import numbers, secrets  # noqa: E402
from scrubber.recognizers.explainers import Span, explain_span  # noqa: E402
from scrubber.types import Entity  # noqa: E402

SCORER = ROOT.parent / "shared" / "eval" / "score_pii.py"
TEST_ONLY = ("pii_blind", "privacy_", "pii_heldout_test")
WHOLE_TUNING = ("pii_tune_", "pii_probe_")
_SYMBOLS = frozenset("!#$%&*?^~+=@_-")


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def records(corpus: Path, part: str) -> list[dict[str, Any]]:
    """The records of the allowed part of ``corpus`` (refuses what could show test messages)."""
    split = _load("scrubdesk_eval_split", ROOT / "eval" / "split.py")
    if corpus.name in split.TEST_ONLY or any(mark in corpus.name for mark in TEST_ONLY):
        raise SystemExit(f"{corpus.name} is test-only: it may be scored, never audited")
    if part == "all" and not corpus.name.startswith(WHOLE_TUNING):
        raise SystemExit(f"--part all only for corpora written for tuning ({', '.join(WHOLE_TUNING)}*)")
    return [json.loads(line) for line in split.part_lines(corpus, part)]


def secret_like(core: str) -> bool:
    """A token a password or key could be: 6+ characters mixing letters and digits, or with a symbol inside."""
    core = core.rstrip(".,:;!?")
    if len(core) < 6:
        return False
    has_alpha = any(c.isalpha() for c in core)
    has_digit = any(c.isdigit() for c in core)
    return (has_alpha and has_digit) or (bool(set(core) & _SYMBOLS) and (has_alpha or has_digit) and
                                         not core.replace("-", "").isalpha())


# the pieces of text a secret is judged in: as the scrubber does, a "key=value" pair, a CSV row and HTML are split
_TOKEN = re.compile(r"(?:&nbsp;)?([^\s;,=<>\"'()\[\]{}|@/:]+)")  # (a URL's userinfo apart, too)


def _tokens(text: str) -> list[tuple[int, int]]:
    return [m.span(1) for m in _TOKEN.finditer(text)]


def survivors(scrubber: Scrubber, record: dict[str, Any]) -> list[tuple[int, int, str]]:
    """(start, end, reason) of every long number or secret-shaped token the scrubber leaves in clear."""
    text = record["text"]
    analysis = scrubber.analyze(text, record.get("lang"))
    stripped = [False] * len(text)
    kept: list[Entity] = []
    for e in analysis.entities:
        if e.action == "keep":
            kept.append(e)
        else:
            stripped[e.start : e.end] = [True] * (e.end - e.start)

    def clear(start: int, end: int) -> bool:
        chars = [i for i in range(start, end) if not text[i].isspace()]
        return sum(stripped[i] for i in chars) < 0.8 * len(chars)

    def kept_by(start: int, end: int) -> str | None:
        for e in kept:
            if e.start < end and start < e.end:
                return f"kept as {e.type} ({e.recognizer or '?'})"
        return None

    out: list[tuple[int, int, str]] = []
    numbered: list[tuple[int, int]] = []
    for start, end in numbers.candidates(text, 7):
        numbered.append((start, end))
        if clear(start, end):
            reason = kept_by(start, end) or explain_span(Span(text, start, end)) or (
                "stripped in part (a value inside)" if any(stripped[start:end]) else "not stripped, not explained")
            out.append((start, end, reason))
    for start, end in _tokens(text):
        core, lead = secrets._strip(text[start:end])
        lo, hi = start + lead, start + lead + len(core)
        if not secret_like(core) or any(a < hi and lo < b for a, b in numbered) or not clear(lo, hi):
            continue
        out.append((lo, hi, kept_by(lo, hi) or secrets.why_kept(text, start, end)))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, nargs="+")
    ap.add_argument("--part", choices=("tune", "all"), default="tune")
    ap.add_argument("--leaks-only", action="store_true", help="only tokens the gold says should be stripped")
    args = ap.parse_args(argv)
    scorer = _load("score_pii", SCORER)
    scrubber = Scrubber()
    reasons: collections.Counter[str] = collections.Counter()
    leaks: collections.Counter[str] = collections.Counter()
    for corpus in args.corpus:
        for record in records(corpus, args.part):
            gold = scorer.gold_spans(record)
            for start, end, reason in survivors(scrubber, record):
                label = next((t for t, a, b in gold if a < end and start < b), "")
                leak = label in scorer.STRIP
                reasons[reason] += 1
                leaks[reason] += leak
                if leak or not args.leaks_only:
                    mark = f"LEAK {label}" if leak else (label or "-")
                    print(f"{record['id']}\t{text_of(record, start, end)!r}\t{reason}\t{mark}")
    print("\nsurvivors by reason (leaks of gold stripped values):")
    for reason, n in reasons.most_common():
        print(f"  {n:5d}  ({leaks[reason]:3d} leaks)  {reason}")
    return 0


def text_of(record: dict[str, Any], start: int, end: int) -> str:
    return str(record["text"][start:end])


if __name__ == "__main__":
    raise SystemExit(main())
