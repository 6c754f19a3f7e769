"""PERSON recall and precision on the TUNE part of the PII corpora, and what each name signal adds.

Two views, both on the tune part only (eval/split.py: every fifth record is test and is never read
here; there is no option to read it):

- ``engine`` (default): the whole ``Scrubber``, as the CLI runs it. PERSON recall counts a gold PERSON
  span as found when >= 80% of its characters are stripped (any type, as the shared scorer does);
  PERSON precision is the share of characters stripped *as PERSON* that lie inside a gold PERSON span
  (``loose``: inside any gold span of a stripped type). ORGANIZATION keep: gold organisations with
  <= 20% stripped.
- ``--signals``: the ``NameFinder`` alone with all signals, then with each signal switched off and
  each alone, so every signal's contribution is visible.

``--misses`` lists the missed PERSON values and the PERSON false positives (tune records only).

Usage: .venv/bin/python bench/names_signals.py [--corpus PATH ...] [--misses] [--signals]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"  # ../shared beside the repo
CORPORA = [SHARED / "pii_dev.jsonl", SHARED / "pii_dev2.jsonl", ROOT / "eval" / "pii_heldout.jsonl"]
STRIP = {
    "PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "ADDRESS", "POSTCODE", "DATE_OF_BIRTH", "NATIONAL_ID",
    "ID_DOCUMENT", "IBAN", "CREDIT_CARD", "CREDENTIAL", "LICENSE_PLATE", "NUMBER",
}

# (start, end, type, action) of one predicted entity
Pred = tuple[int, int, str, str]


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def tune_records(corpora: list[Path]) -> list[dict[str, Any]]:
    split = _load(ROOT / "eval" / "split.py", "scrubdesk_eval_split")
    out: list[dict[str, Any]] = []
    for corpus in corpora:
        if corpus.name in split.TEST_ONLY:
            raise SystemExit(f"{corpus.name} is test-only")
        out += [json.loads(line) for line in split.part_lines(corpus, "tune")]
    return out


def gold_spans(doc: dict[str, Any]) -> list[tuple[str, int, int]]:
    """Every occurrence of every gold value, minus those inside a longer one (as score_pii.py does)."""
    text, spans = doc["text"], []
    for ent in doc["entities"]:
        value = ent["value"]
        bounded = value[:1].isalnum() or value[-1:].isalnum()
        pattern = r"(?<!\w)" + re.escape(value) + r"(?!\w)" if bounded else re.escape(value)
        spans += [(ent["type"], m.start(), m.end()) for m in re.finditer(pattern, text)]
    return [(t, s, e) for t, s, e in spans if not any(s2 <= s and e <= e2 and e2 - s2 > e - s for _, s2, e2 in spans)]


def score(docs: list[dict[str, Any]], preds: dict[str, list[Pred]], misses: bool) -> dict[str, Any]:
    hit = total = org_kept = org_total = 0
    p_chars = p_in = p_loose = 0
    missed: list[str] = []
    false: list[str] = []
    for doc in docs:
        text, pred = doc["text"], preds[str(doc["id"])]
        stripped = [False] * len(text)
        as_person = [False] * len(text)
        for s, e, typ, action in pred:
            for i in range(s, e):
                stripped[i] = stripped[i] or action != "keep"
                as_person[i] = as_person[i] or (typ == "PERSON" and action != "keep")
        gold_person = [False] * len(text)
        gold_strip = [False] * len(text)
        for typ, s, e in gold_spans(doc):
            idx = [i for i in range(s, e) if not text[i].isspace()]
            cov = sum(stripped[i] for i in idx) / len(idx) if idx else 1.0
            if typ == "PERSON":
                total += 1
                hit += cov >= 0.8
                if cov < 0.8:
                    missed.append(f"{doc['id']}\t{text[s:e]!r}")
            if typ == "ORGANIZATION":
                org_total += 1
                org_kept += cov <= 0.2
            for i in range(s, e):
                gold_person[i] = gold_person[i] or typ == "PERSON"
                gold_strip[i] = gold_strip[i] or typ in STRIP
        for s, e, typ, action in pred:
            if typ == "PERSON" and action != "keep" and not any(gold_person[s:e]):
                false.append(f"{doc['id']}\t{text[s:e]!r}\t{text[max(0, s - 25):e + 25]!r}")
        for i, ch in enumerate(text):
            if as_person[i] and not ch.isspace():
                p_chars += 1
                p_in += gold_person[i]
                p_loose += gold_strip[i]
    result = {
        "person_recall": f"{hit}/{total} = {hit / max(total, 1):.4f}",
        "person_precision": round(p_in / max(p_chars, 1), 4),
        "person_precision_loose": round(p_loose / max(p_chars, 1), 4),
        "org_kept": f"{org_kept}/{org_total}",
    }
    if misses:
        result["missed"] = missed
        result["false_positives"] = false
    return result


def engine_preds(docs: list[dict[str, Any]]) -> tuple[dict[str, list[Pred]], float]:
    from scrubber.engine import Scrubber

    scrubber = Scrubber()
    preds: dict[str, list[Pred]] = {}
    started = time.perf_counter()
    for doc in docs:
        ents = scrubber.analyze(doc["text"], doc.get("lang")).entities
        preds[str(doc["id"])] = [(e.start, e.end, e.type, e.action) for e in ents]
    return preds, time.perf_counter() - started


def finder_preds(docs: list[dict[str, Any]], signals: frozenset[str]) -> dict[str, list[Pred]]:
    from scrubber.recognizers.names import NameFinder

    finder = NameFinder(signals=signals)
    preds: dict[str, list[Pred]] = {}
    for doc in docs:
        persons, orgs = finder.find(doc["text"])
        preds[str(doc["id"])] = [(s, e, "PERSON", "redact") for s, e, _, _ in persons]
        preds[str(doc["id"])] += [(o.start, o.end, "ORGANIZATION", "keep") for o in orgs]
    return preds


def by_lang(docs: list[dict[str, Any]], run: Callable[[list[dict[str, Any]]], dict[str, Any]]) -> None:
    for lang in ("all", "nl", "en", "mixed", "de", "fr"):
        part = [d for d in docs if lang == "all" or d.get("lang") == lang]
        if part:
            r = run(part)
            print(f"  {lang:<6} R {r['person_recall']:<18} P {r['person_precision']:.4f} "
                  f"(loose {r['person_precision_loose']:.4f})  ORG kept {r['org_kept']}")


def main() -> int:
    sys.path.insert(0, str(ROOT))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, action="append", help="default: the shared dev corpora and pii_heldout")
    ap.add_argument("--misses", action="store_true", help="list missed PERSON values and PERSON false positives")
    ap.add_argument("--signals", action="store_true", help="also the NameFinder alone, per signal")
    args = ap.parse_args()
    docs = tune_records(args.corpus or CORPORA)
    preds, secs = engine_preds(docs)
    print(f"engine on {len(docs)} tune records ({secs:.2f} s):")
    by_lang(docs, lambda part: score(part, preds, False))
    if args.misses:
        r = score(docs, preds, True)
        for line in r["missed"]:
            print("  MISS", line)
        for line in r["false_positives"]:
            print("  FP  ", line)
    if args.signals:
        from scrubber.recognizers.names import ALL_SIGNALS

        runs = {"all signals": ALL_SIGNALS}
        runs |= {f"without {s}": ALL_SIGNALS - {s} for s in sorted(ALL_SIGNALS)}
        runs |= {f"only {s}": frozenset({s, "organization"}) for s in sorted(ALL_SIGNALS - {"organization"})}
        for label, signals in runs.items():
            r = score(docs, finder_preds(docs, frozenset(signals)), False)
            print(f"{label:<22} R {r['person_recall']:<18} P {r['person_precision']:.4f}  ORG kept {r['org_kept']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
