"""Identity check for scrubber speed work (issue 19): every entity ``Scrubber.analyze`` finds, one line per text.

A speed-up of the scrubber must change no result. This script analyses a fixed set of texts and writes, per
text, the language and every entity (type, start, end, score, recognizer, action) as one JSON line; run it
before and after a change and compare the two files (``cmp``; ``--compare OLD`` prints only the keys whose
lines differ, never a text). The set: the TUNE parts (``eval/split.py``) of every pii tuning corpus and of the
Bitext support corpus, each text also upper- and lower-cased; all tune texts of one corpus joined (longer
than a chunk, so the chunking is exercised); the SMTP bench's bodies and subjects for 60 message numbers;
and every ``analyze`` call the intake golden test's ``prepare`` makes (``tests/intake/test_intake_golden.py``).
Test parts and the test-only corpora are never read.

Usage: .venv/bin/python bench/scrub_identity.py --out /tmp/ident-before.jsonl
       .venv/bin/python bench/scrub_identity.py --out /tmp/ident-after.jsonl --compare /tmp/ident-before.jsonl
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
# tuning corpora only: eval/pii_unseen.jsonl and eval/pii_heldout.jsonl are test-only and never read here
CORPORA = [*sorted(SHARED.glob("pii_dev*.jsonl")), *sorted((ROOT / "eval").glob("pii_tune_*.jsonl")),
           ROOT / "eval" / "pii_probe_world.jsonl", ROOT / "eval" / "bitext_support_en.jsonl"]


def _texts() -> Iterator[tuple[str, str, str | None]]:
    """(key, text, lang) of every text of the set (see the module docstring)."""
    from eval.split import split

    for path in CORPORA:
        tune, _ = split(path)  # the test part is discarded unread
        texts = [str(doc["text"]) for doc in tune if isinstance(doc.get("text"), str)]
        for i, text in enumerate(texts):
            yield f"{path.name}:{i}", text, None
            yield f"{path.name}:{i}:upper", text.upper(), None
            yield f"{path.name}:{i}:lower", text.lower(), None
        yield f"{path.name}:joined", "\n\n".join(texts), None
    import bench.smtp_intake as smtp

    for n in range(60):
        yield f"smtp:body:{n}", smtp.BODIES[n % len(smtp.BODIES)].format(n=n), None
        yield f"smtp:subject:{n}", f"Vraag {n}", None


def _golden_calls(scrubber: Any) -> list[tuple[str, str, str | None]]:
    """The (key, text, lang) of every ``analyze`` call of the intake golden test's ``prepare``."""
    from intake.pipeline import IntakeLimits, prepare
    from tests.intake import test_intake_golden as golden

    calls: list[tuple[str, str, str | None]] = []

    class Recorder:
        def __getattr__(self, name: str) -> Any:
            return getattr(scrubber, name)

        def analyze(self, text: str, lang: str | None = None) -> Any:
            calls.append((f"golden:{len(calls)}", text, lang))
            return scrubber.analyze(text, lang)

    for _, msg in golden._messages():
        prepare(msg, Recorder(), IntakeLimits())
    return calls


def _line(key: str, scrubber: Any, text: str, lang: str | None) -> str:
    analysis = scrubber.analyze(text, lang)
    entities = [[e.type, e.start, e.end, e.score, e.recognizer, e.action] for e in analysis.entities]
    return json.dumps({"key": key, "lang": analysis.lang, "entities": entities}, ensure_ascii=False)


def main() -> int:
    # bench/queue.py would shadow the standard library's queue: import from the project root, not from bench/
    here = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]
    sys.path.insert(0, str(ROOT))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--compare", type=Path, help="an earlier --out file: print the keys whose lines differ")
    args = ap.parse_args()
    from scrubber.engine import Scrubber

    scrubber = Scrubber()
    items = list(_texts()) + _golden_calls(scrubber)
    logging.disable(logging.WARNING)  # the test helpers imported above turn on debug logging
    t0 = time.process_time()
    with args.out.open("w", encoding="utf-8") as fh:
        for key, text, lang in items:
            fh.write(_line(key, scrubber, text, lang) + "\n")
    print(f"{len(items)} texts analysed into {args.out} in {time.process_time() - t0:.2f} s CPU")
    if args.compare is None:
        return 0
    old = args.compare.read_text(encoding="utf-8").splitlines()
    new = args.out.read_text(encoding="utf-8").splitlines()
    differ = [json.loads(a)["key"] for a, b in zip(old, new, strict=False) if a != b]
    if len(old) != len(new):
        print(f"different number of lines: {len(old)} before, {len(new)} now")
    print(f"{len(differ)} of {len(new)} texts differ" + (": " + " ".join(differ[:40]) if differ else ""))
    return 1 if differ or len(old) != len(new) else 0


if __name__ == "__main__":
    sys.exit(main())
