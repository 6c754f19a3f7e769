"""Benchmark the scrubber against Presidio's default recognizers, in the same run, on one core.

Prints: messages/second and p50/p99 latency over the dev corpus, the time for one 100 KB and one 1 MB
message (1 MB for Presidio only with --presidio-1mb: it takes minutes), recall/precision/keep rate (the
project's scorer), start-up to first scrub and resident memory of a fresh process, for our ``Scrubber``
and for an ``AnalyzerEngine`` with Presidio's default ``RecognizerRegistry`` for en on the same blank
spaCy pipeline; then the ratios. The analyzers take turns over the corpus (``--repeat`` rounds), so
the ratio is measured under the same machine load; this workplace's machines are shared and noisy,
so run it a few times and read the spread.
Optional third arm: Presidio's defaults on the trained spaCy pipeline ``en_core_web_sm``, exactly the arm
of bench/presidio_benchmark.py (its type mapping: LOCATION, DATE_TIME and NRP are not stripped). It runs
only where en_core_web_sm can be imported, i.e. under var/bench-venv/bin/python (never install it into
.venv; see bench/presidio_benchmark.py); elsewhere the script says that it skipped the arm and why.
Usage: .venv/bin/python bench/scrub.py [--gold PATH] [--repeat N]
       var/bench-venv/bin/python bench/scrub.py [--gold PATH] [--repeat N]   (with the en_core_web_sm arm)
       .venv/bin/python bench/scrub.py --golden var/golden.jsonl [--gold PATH ...]
--golden writes what the scrubber finds (type, start, end, action, recognizer and the language) in every text
of the --gold files, in each of them upper- and lower-cased, in all of them joined, and in the 100 KB and 1 MB
texts timed here, one JSON line per text, and runs no benchmark: a speed-up must leave that file
byte-identical (diff it before and after the change).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scrubber.engine import Scrubber

GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "pii_dev.jsonl"  # ../shared beside the repo
# Presidio's default entity names mapped to ours; URL and IP are kept like our DOMAIN and IP_ADDRESS.
PRESIDIO_TYPES = {
    "IBAN_CODE": "IBAN", "LOCATION": "ADDRESS", "DATE_TIME": "DATE_OF_BIRTH", "US_SSN": "NATIONAL_ID",
    "UK_NINO": "NATIONAL_ID", "US_PASSPORT": "ID_DOCUMENT", "US_DRIVER_LICENSE": "ID_DOCUMENT", "URL": "DOMAIN",
}
PRESIDIO_KEEP = {"URL", "IP_ADDRESS"}

Analyze = Callable[[str], list[dict[str, Any]]]


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("score_pii", GOLD.parent / "score_pii.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def ours(names: bool = True) -> Analyze:
    import scrubber.engine
    from scrubber.engine import Scrubber

    if not names:  # to see what the name recognizers cost, build the engine without them
        real = scrubber.engine.language_recognizers
        scrubber.engine.language_recognizers = lambda lang: []  # type: ignore[assignment]
    analyzer: Scrubber = Scrubber()
    if not names:
        scrubber.engine.language_recognizers = real

    def analyze(text: str) -> list[dict[str, Any]]:
        return [
            {"type": e.type, "start": e.start, "end": e.end, "action": e.action}
            for e in analyzer.analyze(text).entities
        ]

    return analyze


def presidio_default() -> Analyze:
    import spacy
    import tldextract
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    # Presidio's e-mail recognizer calls tldextract, which would fetch the public suffix list over the
    # network on first use; use the snapshot bundled with tldextract (nothing is downloaded at run time).
    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())
    nlp_engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": "blank"}])
    nlp_engine.nlp = {"en": spacy.blank("en")}  # the same blank pipeline; no trained model exists here
    registry = RecognizerRegistry()
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp_engine)
    engine = AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["en"])

    def analyze(text: str) -> list[dict[str, Any]]:
        return [
            {"type": PRESIDIO_TYPES.get(r.entity_type, r.entity_type), "start": r.start, "end": r.end,
             "action": "keep" if r.entity_type in PRESIDIO_KEEP else "redact"}
            for r in engine.analyze(text, language="en")
        ]

    return analyze


def _presidio_benchmark() -> Any:
    """bench/presidio_benchmark.py, loaded by path (bench/ is no package)."""
    path = Path(__file__).with_name("presidio_benchmark.py")
    spec = importlib.util.spec_from_file_location("presidio_benchmark", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def presidio_sm() -> Analyze | None:
    """The en_core_web_sm arm of bench/presidio_benchmark.py, or None (with the reason on stderr)."""
    bench = _presidio_benchmark()
    package = bench.sm_package()
    if package is None:
        print("presidio_sm_en: arm skipped: the spaCy pipeline en_core_web_sm is not installed in this Python "
              f"({sys.executable}); run with var/bench-venv/bin/python bench/scrub.py (set up as in "
              "bench/presidio_benchmark.py; never install it into .venv)", file=sys.stderr)
        return None
    analyze: Analyze = bench.presidio_sm(package)
    return analyze


def measure(
    analyzers: dict[str, Analyze], gold: list[dict[str, Any]], repeat: int, big: dict[str, bool]
) -> dict[str, dict[str, Any]]:
    """Throughput, latency, long-text time and scores of each analyzer over the same corpus.

    The analyzers take turns, one pass over the corpus each per round (the order reversed every other
    round), so that a slower or faster spell of this shared machine falls on all of them alike; each
    round's throughput ratio to the first analyzer is kept, and their median is reported too.
    """
    for analyze in analyzers.values():
        analyze(gold[0]["text"])  # warm caches
    latencies: dict[str, list[float]] = {name: [] for name in analyzers}
    round_rates: dict[str, list[float]] = {name: [] for name in analyzers}
    preds: dict[str, dict[str, dict[str, Any]]] = {name: {} for name in analyzers}
    names = list(analyzers)
    for round_no in range(repeat):
        for name in names if round_no % 2 == 0 else reversed(names):
            analyze, spent = analyzers[name], 0.0
            for doc in gold:
                t = time.perf_counter()
                ents = analyze(doc["text"])
                took = time.perf_counter() - t
                spent += took
                latencies[name].append(took)
                preds[name][str(doc["id"])] = {"id": doc["id"], "entities": ents}
            round_rates[name].append(len(gold) / spent)
    corpus = "\n\n".join(d["text"] for d in gold)
    results: dict[str, dict[str, Any]] = {}
    first = names[0]
    for name, analyze in analyzers.items():
        sizes = {}
        for size in (100_000, 1_000_000) if big[name] else (100_000,):
            text = (corpus * (size // len(corpus) + 1))[:size]
            t = time.perf_counter()
            analyze(text)
            sizes[size] = time.perf_counter() - t
        lat = sorted(latencies[name])
        scores = _scorer().score(gold, preds[name])
        results[name] = {
            "msgs_per_s": len(lat) / sum(lat),
            # per round: the first analyzer's throughput over this one's
            "round_ratio_median": statistics.median(
                a / b for a, b in zip(round_rates[first], round_rates[name], strict=True)
            ),
            "p50_ms": 1000 * statistics.median(lat),
            "p99_ms": 1000 * lat[min(len(lat) - 1, int(0.99 * len(lat)))],
            "t_100k_s": sizes[100_000],
            "t_1m_s": sizes.get(1_000_000, float("nan")),
            "recall": scores["recall"],
            "high_risk_recall": scores["high_risk_recall"],
            "precision": scores["precision"],
            "keep_rate": scores["keep_rate"],
        }
    return results


_STARTUP = """
import time
t0 = time.perf_counter()
{setup}
first = time.perf_counter() - t0
# current RSS (ru_maxrss would inherit the benchmark parent's high-water mark across fork/exec)
rss = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmRSS:")) / 1024
print(first, rss)
"""


def startup(setup: str) -> tuple[float, float]:
    """Seconds to first analysis and peak RSS (MB) of a fresh process (imports included)."""
    code = _STARTUP.format(setup=setup)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parent.parent)
    first, rss = out.stdout.split()
    return float(first), float(rss)


def golden(paths: list[Path], out: Path) -> int:
    """The ``--golden`` file (see the module docstring); returns the number of texts written."""
    from scrubber.engine import Scrubber

    scrubber = Scrubber()
    texts: list[tuple[str, str]] = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                doc = json.loads(line)
                texts.append((f"{path.name}:{doc['id']}", doc["text"]))
    variants = [(f"{key}:{case}", text.upper() if case == "upper" else text.lower())
                for key, text in texts for case in ("upper", "lower")]
    first = "\n\n".join(text for key, text in texts if key.startswith(paths[0].name + ":"))
    sized = [(f"bench:{size}", (first * (size // len(first) + 1))[:size]) for size in (100_000, 1_000_000)]
    joined = [("joined", "\n\n".join(text for _, text in texts))]
    with out.open("w", encoding="utf-8") as fh:
        for key, text in texts + variants + sized + joined:
            analysis = scrubber.analyze(text)
            entities = [[e.type, e.start, e.end, e.action, e.recognizer] for e in analysis.entities]
            fh.write(json.dumps({"key": key, "lang": analysis.lang, "entities": entities}, ensure_ascii=False) + "\n")
    return len(texts) + len(variants) + len(sized) + len(joined)


def _fix_import_path() -> None:
    # Other scripts live in bench/ (bench/queue.py would shadow the standard library's queue): import
    # from the project root, not from bench/.
    here = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]
    sys.path.insert(0, str(here.parent))


def main() -> int:
    _fix_import_path()
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, nargs="+", default=[GOLD], help="one file, or several with --golden")
    ap.add_argument("--repeat", type=int, default=6)
    ap.add_argument("--presidio-1mb", action="store_true", help="also time Presidio on 1 MB (minutes)")
    ap.add_argument("--golden", type=Path, help="write the scrubber's output on the --gold texts here; no benchmark")
    args = ap.parse_args()
    if args.golden is not None:
        print(f"{golden(args.gold, args.golden)} texts analysed into {args.golden}")
        return 0
    if len(args.gold) != 1:
        ap.error("--gold takes one file for the benchmark")
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    gold = [json.loads(line) for line in args.gold[0].read_text(encoding="utf-8").splitlines() if line.strip()]
    # 1 MB is skipped for Presidio's defaults unless asked for: its phone recognizer takes minutes there
    analyzers = {"scrubber": ours(), "presidio_default_en": presidio_default(), "scrubber_no_names": ours(names=False)}
    big = {"scrubber": True, "presidio_default_en": args.presidio_1mb, "scrubber_no_names": False}
    sm = presidio_sm()
    if sm is not None:
        analyzers["presidio_sm_en"] = sm
        big["presidio_sm_en"] = args.presidio_1mb
    results = measure(analyzers, gold, args.repeat, big=big)
    setups = {
        "scrubber": "from scrubber.engine import Scrubber\nScrubber().scrub('Bel 06-12345678, BSN 111222333')",
        "presidio_default_en": (
            # load this file by path (imports no scrubber code)
            "import importlib.util as u; spec = u.spec_from_file_location('b', 'bench/scrub.py')\n"
            "m = u.module_from_spec(spec); spec.loader.exec_module(m)\n"
            "m.presidio_default()('Call 06-12345678, SSN 078-05-1120')"
        ),
    }
    if sm is not None:
        setups["presidio_sm_en"] = (
            "import importlib.util as u; spec = u.spec_from_file_location('p', 'bench/presidio_benchmark.py')\n"
            "m = u.module_from_spec(spec); spec.loader.exec_module(m)\n"
            "m.presidio_sm()('Call 06-12345678, SSN 078-05-1120')"
        )
    for name, setup in setups.items():
        results[name]["startup_s"], results[name]["rss_mb"] = startup(setup)
    results["scrubber_no_names"]["startup_s"] = results["scrubber_no_names"]["rss_mb"] = float("nan")
    keys = list(results["scrubber"])
    sm_head = f"{'presidio-sm':>12}{'ratio':>8}" if sm is not None else ""
    print(f"{'measure':<18}{'scrubber':>12}{'presidio-en':>12}{'ratio':>8}{'no-names':>12}{'ratio':>8}{sm_head}")
    for k in keys:
        a, b, c = results["scrubber"][k], results["presidio_default_en"][k], results["scrubber_no_names"][k]
        # the en_core_web_sm arm's columns: its value and scrubber / it
        d = results["presidio_sm_en"][k] if sm is not None else None
        sm_cols = f"{d:>12.4g}{a / d if d else float('inf'):>8.2f}" if d is not None else ""
        print(f"{k:<18}{a:>12.4g}{b:>12.4g}{a / b if b else float('inf'):>8.2f}{c:>12.4g}"
              f"{c / b if b else float('inf'):>8.2f}{sm_cols}")
    ratio = results["scrubber"]["msgs_per_s"] / results["presidio_default_en"]["msgs_per_s"]
    print(f"throughput ratio (ours / presidio): {ratio:.2f}x over all rounds, "
          f"{results['presidio_default_en']['round_ratio_median']:.2f}x median of the rounds; "
          f"without the name recognizers: "
          f"{results['scrubber_no_names']['msgs_per_s'] / results['presidio_default_en']['msgs_per_s']:.2f}x")
    if sm is not None:
        print(f"throughput ratio (ours / presidio+en_core_web_sm): "
              f"{results['scrubber']['msgs_per_s'] / results['presidio_sm_en']['msgs_per_s']:.2f}x over all rounds, "
              f"{results['presidio_sm_en']['round_ratio_median']:.2f}x median of the rounds")
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
