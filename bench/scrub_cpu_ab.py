"""CPU time of ``Scrubber.analyze`` over the tuning texts, two code trees alternated in one run (issue 16).

Why this file exists: a recognizer change must not make the scrubber slower by more than a few percent, and on a
shared, noisy machine only arms measured side by side in one run can be compared. Each arm is a checkout of the
code (``git worktree add`` or ``git archive | tar -x``); every round runs each arm once in a fresh process, which
builds the scrubber, warms it on a few texts and then times (``time.process_time``: CPU, not wall clock) the
analysis of every text of the TUNE parts (``eval/split.py``) of the pii tuning corpora, each as written, upper- and
lower-cased. Test parts and test-only corpora are never read. Prints per round the CPU seconds of each arm and the
ratio, then the median ratio.

    .venv/bin/python bench/scrub_cpu_ab.py --before /tmp/old-tree --after . --rounds 3
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = r"""
import json, sys, time
root = sys.argv[1]
sys.path.insert(0, root)
sys.path.insert(0, root + "/eval")
from split import split
from scrubber.engine import get_scrubber
corpora = json.loads(sys.argv[2])
texts = []
for path in corpora:
    tune, _ = split(path)
    for doc in tune:
        text = str(doc.get("text", ""))
        texts += [(text, doc.get("lang")), (text.upper(), doc.get("lang")), (text.lower(), doc.get("lang"))]
scrubber = get_scrubber()
for text, lang in texts[:50]:
    scrubber.analyze(text, lang)
start = time.process_time()
for text, lang in texts:
    scrubber.analyze(text, lang)
print(json.dumps({"cpu": time.process_time() - start, "texts": len(texts)}))
"""


def _corpora() -> list[str]:
    shared = ROOT.parent / "shared" / "eval"
    paths = [*sorted(shared.glob("pii_dev*.jsonl")), *sorted((ROOT / "eval").glob("pii_tune_*.jsonl")),
             ROOT / "eval" / "pii_probe_world.jsonl"]
    return [str(p) for p in paths if p.is_file()]


def _run(tree: Path, corpora: list[str]) -> float:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(tree.resolve()), json.dumps(corpora)],
        capture_output=True, text=True, check=True, cwd=tree,
    ).stdout
    return float(json.loads(out.strip().splitlines()[-1])["cpu"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="a checkout of the old code")
    parser.add_argument("--after", type=Path, default=ROOT, help="a checkout of the new code")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    corpora = _corpora()
    ratios = []
    for i in range(args.rounds):
        arms = [("before", args.before), ("after", args.after)]
        if i % 2:
            arms.reverse()  # alternate which arm runs first
        cpu = {name: _run(tree, corpora) for name, tree in arms}
        ratios.append(cpu["after"] / cpu["before"])
        print(f"round {i + 1}: before {cpu['before']:.2f} s, after {cpu['after']:.2f} s CPU, ratio {ratios[-1]:.3f}")
    print(f"median ratio after/before: {statistics.median(ratios):.3f} over {len(corpora)} corpora")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
