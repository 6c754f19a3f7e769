"""The scrubber's CPU per ``analyze`` call in-process, by kind of text, against another checkout (issue 19).

``bench/intake_cpu.py`` measures the whole intake; this measures only ``Scrubber.analyze``, where speed work
on the scrubber shows without the store's noise. Each arm is a fresh process that builds the scrubber, then
analyses every text of each set ``--loops`` times and prints the process CPU per call:

- ``body``: the SMTP bench's bodies (``bench/smtp_intake.py`` BODIES, 60 message numbers), language detected;
- ``short``: what intake analyses besides bodies, in the body's language: the bench's subjects ("Vraag n"),
  display names, file names and short subjects (fixed strings below, no corpus);
- ``tune``: the TUNE parts (``eval/split.py``) of the pii tuning corpora ``bench/scrub_identity.py`` reads
  (test parts and the test-only corpora are never read).

``--baseline DIR`` (``git archive <commit> | tar -x -C DIR``) runs DIR's code too, arms taking turns
``--repeat`` times; the medians and now/before ratios are printed. ``--split`` prints instead, for this
checkout, each recognizer's share of the CPU per set (thread CPU inside its ``analyze``) and the engine's
rest. Prints figures only, never a text.

    python bench/scrub_cpu.py [--baseline DIR] [--repeat 5] [--loops 3] [--sets body,short,tune] [--split]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SETS = ("body", "short", "tune")
# ``bench/scrub_identity.py``'s tuning corpora, found from this script's checkout whichever arm runs (a
# ``--baseline`` copy elsewhere has no ``../shared`` beside it); test-only corpora are never read
_SHARED = ROOT.parent / "shared" / "eval"
CORPORA = [
    *sorted(_SHARED.glob("pii_dev*.jsonl")),
    *sorted((ROOT / "eval").glob("pii_tune_*.jsonl")),
    ROOT / "eval" / "pii_probe_world.jsonl",
    ROOT / "eval" / "bitext_support_en.jsonl",
]
# Short texts intake analyses besides bodies: display names, file names, subjects (made up, no one's data).
_SHORT = (
    "Marieke Hoogendoorn",
    "Hannah Pryce",
    "sanne van der berg",
    "Klantenservice",
    "J. de Vries",
    "scan.pdf",
    "factuur_2024-03.pdf",
    "IMG_20240312_101010.jpg",
    "paspoort voorkant.jpg",
    "image001.png",
    "Re: Factuur F2024-00012",
    "Wachtwoord vergeten",
    "Refund request",
    "Fw: bestelling 4471",
    "Vraag",
)


def _texts(name: str) -> list[tuple[str, str | None]]:
    """(text, language given to ``analyze``) of one set."""
    from bench.smtp_intake import BODIES

    if name == "body":
        return [(BODIES[n % len(BODIES)].format(n=n), None) for n in range(60)]
    if name == "short":
        langs = ("nl", "en", "nl")
        subjects: list[tuple[str, str | None]] = [(f"Vraag {n}", langs[n % 3]) for n in range(60)]
        return subjects + [(t, lang) for t in _SHORT for lang in ("nl", "en")]
    from eval.split import split

    texts: list[tuple[str, str | None]] = []
    for path in CORPORA:
        tune, _ = split(path)  # the test part is discarded unread
        texts += [(str(doc["text"]), None) for doc in tune if isinstance(doc.get("text"), str)]
    return texts


def _split(scrubber: Any) -> dict[str, float]:
    """Wrap every recognizer of every pass so that its thread CPU is summed; returns the live totals."""
    spent: dict[str, float] = defaultdict(float)
    wrapped: set[int] = set()
    for analysis_pass in scrubber._passes.values():
        for recognizer in analysis_pass.recognizers:
            if id(recognizer) in wrapped:
                continue
            wrapped.add(id(recognizer))
            inner = recognizer.analyze

            def timed(*args: Any, _inner: Any = inner, _name: str = recognizer.name, **kwargs: Any) -> Any:
                t = time.thread_time()
                try:
                    return _inner(*args, **kwargs)
                finally:
                    spent[_name] += time.thread_time() - t

            recognizer.analyze = timed
    return spent


def _worker(sets: list[str], loops: int, split: bool) -> dict[str, Any]:
    """One arm in this process (its code is the checkout first on ``sys.path``)."""
    from scrubber.engine import Scrubber

    scrubber = Scrubber()
    spent = _split(scrubber) if split else None
    out: dict[str, Any] = {}
    for name in sets:
        texts = _texts(name)
        if spent is not None:
            spent.clear()
        cpu = time.process_time()
        for _ in range(loops):
            for text, lang in texts:
                scrubber.analyze(text, lang)
        cpu = time.process_time() - cpu
        calls = loops * len(texts)
        out[name] = {"ms": cpu / calls * 1000, "calls": len(texts)}
        if spent is not None:
            out[name]["split"] = {k: v / calls * 1000 for k, v in spent.items()}
    return out


def _run(root: Path, sets: list[str], loops: int, split: bool) -> dict[str, Any]:
    cmd = [
        sys.executable,
        str(ROOT / "bench" / "scrub_cpu.py"),
        "--worker",
        str(root),
        "--sets",
        ",".join(sets),
        "--loops",
        str(loops),
    ] + (["--split"] if split else [])
    env = {**os.environ, "PYTHONPATH": str(root)}
    out = subprocess.run(cmd, cwd=root, check=True, capture_output=True, text=True, env=env)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def _print_split(result: dict[str, Any]) -> None:
    for name, figures in result.items():
        total = figures["ms"]
        rows = sorted(figures["split"].items(), key=lambda kv: -kv[1])
        inside = sum(v for _, v in rows)
        print(
            f"\n{name}: {total:.3f} ms per call ({figures['calls']} texts); engine outside recognizers "
            f"{total - inside:.3f} ms"
        )
        for rec, ms in rows:
            if ms >= 0.0005:
                print(f"  {rec:<40}{ms:>9.3f} ms {ms / total:>6.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--baseline", type=Path, default=None, help="a checkout of the code to compare with")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--loops", type=int, default=3)
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--split", action="store_true", help="per-recognizer CPU of this checkout")
    parser.add_argument("--worker", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sets = [s for s in args.sets.split(",") if s]
    if args.worker is not None:
        sys.path.insert(0, str(args.worker))
        print(json.dumps(_worker(sets, args.loops, args.split)))
        return
    if args.split:
        _print_split(_run(ROOT, sets, args.loops, True))
        return
    arms = [("before", args.baseline)] if args.baseline is not None else []
    arms.append(("now", ROOT))
    runs: dict[str, list[dict[str, Any]]] = {label: [] for label, _ in arms}
    load = os.getloadavg()[0]
    for _ in range(args.repeat):
        for label, root in arms:  # taking turns, so the machine's drift falls on both
            runs[label].append(_run(root, sets, args.loops, False))
    print(f"CPU ms per analyze call, median of {args.repeat} (load average {load:.1f} -> {os.getloadavg()[0]:.1f})")
    print(
        f"{'set':<8}{'texts':>7}"
        + "".join(f"{label:>10}" for label, _ in arms)
        + ("   ratio (median of rounds)" if len(arms) == 2 else "")
    )
    for name in sets:
        meds = [statistics.median(r[name]["ms"] for r in runs[label]) for label, _ in arms]
        line = f"{name:<8}{runs['now'][0][name]['calls']:>7}" + "".join(f"{m:>10.3f}" for m in meds)
        if len(arms) == 2:
            ratios = [now[name]["ms"] / old[name]["ms"] for old, now in zip(runs["before"], runs["now"], strict=True)]
            line += f"   {statistics.median(ratios):.3f}x ({min(ratios):.2f}-{max(ratios):.2f})"
            if runs["before"][0][name]["calls"] != runs["now"][0][name]["calls"]:  # not the same texts: no ratio
                line += f"  NOT COMPARABLE: before read {runs['before'][0][name]['calls']} texts"
        print(line)


if __name__ == "__main__":
    main()
