"""Measure the name recognizers alone on the dev corpus: PERSON recall, precision, ORGANIZATION keep.

Runs the finder with all signals, then with each signal switched off, so every signal's contribution
is visible. Uses the project's scorer (shared/eval/score_pii.py) on PERSON/ORGANIZATION only.
Usage: .venv/bin/python bench/names_signals.py [--gold PATH] [--misses]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import time
from pathlib import Path
from typing import Any

from scrubber.recognizers.names import ALL_SIGNALS, NameFinder

GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "pii_dev.jsonl"  # ../shared beside the repo


def _scorer(path: Path) -> Any:
    spec = importlib.util.spec_from_file_location("score_pii", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run(gold: list[dict[str, Any]], signals: frozenset[str]) -> tuple[dict[str, dict[str, Any]], float]:
    finder = NameFinder(signals=signals)
    preds: dict[str, dict[str, Any]] = {}
    started = time.perf_counter()
    for doc in gold:
        persons, orgs = finder.find(doc["text"])
        ents = [{"type": "PERSON", "start": s, "end": e, "action": "redact"} for s, e, _, _ in persons]
        ents += [{"type": "ORGANIZATION", "start": o.start, "end": o.end, "action": "keep"} for o in orgs]
        preds[str(doc["id"])] = {"id": doc["id"], "entities": ents}
    return preds, time.perf_counter() - started


def summary(mod: Any, gold: list[dict[str, Any]], preds: dict[str, dict[str, Any]]) -> str:
    only = [{**d, "entities": [e for e in d["entities"] if e["type"] in ("PERSON", "ORGANIZATION")]} for d in gold]
    out = []
    for lang in ("nl", "en", "mixed", "all"):
        docs = [d for d in only if lang == "all" or d["lang"] == lang]
        r = mod.score(docs, preds)
        out.append(f"{lang}: R={r['recall']:.3f} P={r['precision']:.3f} keep={r['keep_rate']:.3f}")
    return "  ".join(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()
    gold = [json.loads(line) for line in args.gold.read_text().splitlines() if line.strip()]
    mod = _scorer(args.gold.parent / "score_pii.py")
    preds, secs = run(gold, ALL_SIGNALS)
    print(f"all signals ({secs * 1000:.0f} ms): {summary(mod, gold, preds)}")
    if args.misses:
        only = [{**d, "entities": [e for e in d["entities"] if e["type"] == "PERSON"]} for d in gold]
        for m in mod.score(only, preds)["misses"]:
            print("  MISS", m)
        for d in gold:
            text = d["text"]
            gold_vals = {e["value"] for e in d["entities"]}
            for e in preds[str(d["id"])]["entities"]:
                v = text[e["start"] : e["end"]]
                if e["type"] == "PERSON" and not any(v in g or g in v for g in gold_vals):
                    print("  FP  ", d["id"], repr(v))
            for e in d["entities"]:
                if e["type"] == "ORGANIZATION":
                    pass
    for sig in sorted(ALL_SIGNALS):
        preds, _ = run(gold, ALL_SIGNALS - {sig})
        print(f"without {sig:12s}: {summary(mod, gold, preds)}")
    for sig in sorted(ALL_SIGNALS - {"organization"}):
        preds, _ = run(gold, frozenset({sig, "organization"}))
        print(f"only {sig:15s}: {summary(mod, gold, preds)}")


if __name__ == "__main__":
    main()
