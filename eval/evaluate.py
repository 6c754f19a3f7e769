"""Score the scrubber and the privacy recogniser on one part of the evaluation corpora, per language.

Why this file exists: tuning and reporting must go through one fixed split (``eval/split.py``) and
one way of scoring, so that nobody ends up reading the test messages. This command takes a part of
each corpus (tune, test or all), runs the project's own command line on it as a user would
(``scrubdesk scrub --jsonl`` / ``scrubdesk privacy detect --jsonl``, stdin to stdout: these commands
stay stable while the code moves), scores the predictions with the shared scorers
(``../shared/eval/score_pii.py``, ``score_privacy.py``) and prints their summary per language.

    python eval/evaluate.py pii --part test
    python eval/evaluate.py privacy --part test
    python eval/evaluate.py pii --part tune --show-misses --corpus ../shared/eval/pii_dev2.jsonl

``--part test`` and ``--part all`` print aggregates only: they refuse ``--show-misses`` and
``--show-errors``, which would show test messages. ``score_pii.py`` splits by language itself
(``--by-lang``); ``score_privacy.py`` has no such option, so the records of each ``lang`` are written
to a file of their own and scored one group at a time (the "all" row scores the whole part).
Parts, predictions and scorer inputs live in a temporary directory that is removed afterwards; nothing
is written into the repository. The CLI runs in that directory, so a ``scrubdesk.toml`` in the current
directory is not picked up (``SCRUBDESK_*`` variables and ``SCRUBDESK_CONFIG`` still are: a note is
printed when any is set).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"  # ../shared beside the repository
# The default is the shared dev corpora only: our held-out files are test-only as a whole, so a plain
# `--part tune` must not read their "tune" fifths (two helpers found it did); name them with --corpus and
# --part all to score them.
DEFAULT_CORPORA = {
    "pii": [SHARED_EVAL / "pii_dev.jsonl", SHARED_EVAL / "pii_dev2.jsonl"],
    "privacy": [SHARED_EVAL / "privacy_dev.jsonl", SHARED_EVAL / "privacy_dev2.jsonl"],
}
SCORERS = {"pii": "score_pii.py", "privacy": "score_privacy.py"}
CLI_ARGS = {"pii": ["scrub", "--jsonl"], "privacy": ["privacy", "detect", "--jsonl"]}
HIDES_TEST = ("test", "all")  # parts that contain test records: aggregates only


def _load_module(name: str, path: Path) -> ModuleType:
    """The Python file ``path`` loaded as module ``name`` (eval/ and ../shared/eval are no packages)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _load_split() -> ModuleType:
    return _load_module("scrubdesk_eval_split", Path(__file__).with_name("split.py"))


def scorable_lines(lines: Sequence[str], scorer: Path) -> tuple[list[str], int]:
    """The pii gold ``lines`` without entities of a type ``score_pii.py`` does not know, and how many were dropped.

    The policy's deny-by-default type NUMBER (``docs/pii-policy.md``) is newer than the shared scorer, which stops
    at an unknown gold type; a corpus that annotates it (eval/pii_blind2.jsonl) is scored without those values (their
    strips then count against precision, never for recall), and the count is printed.
    """
    module = _load_module("scrubdesk_score_pii", scorer)
    known = set(module.STRIP) | set(module.KEEP)
    out: list[str] = []
    dropped = 0
    for line in lines:
        record = json.loads(line)
        entities = [e for e in record.get("entities", []) if e.get("type") in known]
        if len(entities) == len(record.get("entities", [])):
            out.append(line)
            continue
        dropped += len(record["entities"]) - len(entities)
        out.append(json.dumps({**record, "entities": entities}, ensure_ascii=False))
    return out, dropped


def _write_jsonl(path: Path, lines: Sequence[str]) -> None:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def run_cli(task: str, scrubdesk: Path, gold: Path, pred: Path, workdir: Path, *, detect_lang: bool) -> list[str]:
    """Run the project's CLI with ``gold`` on stdin and ``pred`` as stdout; returns warnings to print."""
    source = gold
    if task == "pii" and detect_lang:  # withhold the annotated language: the scrubber detects it itself
        source = gold.with_suffix(".nolang.jsonl")
        records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
        _write_jsonl(source, [json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) for r in records])
    with source.open("rb") as stdin, pred.open("wb") as stdout:
        proc = subprocess.run(  # noqa: S603 (our own CLI, a fixed argument list, no shell)
            [str(scrubdesk), *CLI_ARGS[task]], stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, cwd=workdir,
            check=False,
        )
    warnings: list[str] = []
    preds = [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines() if line.strip()]
    failed = sum("error" in p for p in preds)
    # privacy detect exits 1 when a line failed; anything else non-zero means the run itself failed
    if proc.returncode not in (0, 1) or (proc.returncode == 1 and not failed):
        tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-5:]
        raise SystemExit(f"{scrubdesk} {' '.join(CLI_ARGS[task])} failed with exit status {proc.returncode}:\n"
                         + "\n".join(tail))
    if failed:
        warnings.append(f"warning: the CLI reported an error for {failed} record(s) (scored as empty predictions)")
    return warnings


def run_scorer(scorer: Path, gold: Path, pred: Path, extra: Sequence[str] = ()) -> str:
    proc = subprocess.run(  # noqa: S603 (the shared scorer, a fixed argument list, no shell)
        [sys.executable, str(scorer), "--gold", str(gold), "--pred", str(pred), *extra],
        capture_output=True, text=True, check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"{scorer.name} failed ({proc.returncode}): {proc.stderr.strip()}")
    return proc.stdout


def score_pii(scorer: Path, gold: Path, pred: Path) -> dict[str, Any]:
    """``score_pii.py --by-lang --json``: the whole part plus one entry per language."""
    result: dict[str, Any] = json.loads(run_scorer(scorer, gold, pred, ["--by-lang", "--json"]))
    return result


def score_privacy(
    scorer: Path, gold: Path, pred: Path, tmp: Path, *, include_ambiguous: bool
) -> dict[str, Any]:
    """``score_privacy.py --json`` on the whole part, then on each language's records alone."""
    extra = ["--json", *(["--include-ambiguous"] if include_ambiguous else [])]
    result: dict[str, Any] = json.loads(run_scorer(scorer, gold, pred, extra))
    groups: dict[str, list[str]] = {}
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.strip():
            groups.setdefault(str(json.loads(line).get("lang", "?")), []).append(line)
    result["by_lang"] = {}
    for lang in sorted(groups):
        part = tmp / f"{gold.stem}.lang-{lang}.jsonl"
        _write_jsonl(part, groups[lang])
        result["by_lang"][lang] = json.loads(run_scorer(scorer, part, pred, extra))
    return result


def _fmt(value: Any) -> str:
    return f"{value:.4f}" if isinstance(value, float) else str(value)


def print_pii(result: dict[str, Any]) -> None:
    cols = ["documents", "recall", "precision", "f2", "high_risk_recall", "keep_rate", "missing_predictions"]
    heads = ["docs", "recall", "precision", "F2", "high-risk", "keep", "missing"]
    print(f"  {'lang':<7}" + "".join(f"{h:>11}" for h in heads))
    rows = [("all", result), *result.get("by_lang", {}).items()]
    for lang, r in rows:
        print(f"  {lang:<7}" + "".join(f"{_fmt(r[c]):>11}" for c in cols))
    for lang, r in rows:
        per_type = ", ".join(f"{t} {v}" for t, v in r["per_type_recall"].items())
        print(f"  recall per type [{lang}]: {per_type}")


def print_privacy(result: dict[str, Any]) -> None:
    cols = ["messages", "macro_f1", "detection_precision", "detection_recall", "exact_match", "false_alarm_rate"]
    heads = ["msgs", "macro F1", "detect P", "detect R", "exact", "false alarm"]
    print(f"  {'lang':<7}" + "".join(f"{h:>12}" for h in heads))
    rows = [("all", result), *result.get("by_lang", {}).items()]
    for lang, r in rows:
        print(f"  {lang:<7}" + "".join(f"{_fmt(r[c]):>12}" for c in cols))
    for lang, r in rows:
        per_type = ", ".join(
            f"{t} {v['p']:.2f}/{v['r']:.2f}/{v['f1']:.2f} (n={v['support']})"
            for t, v in r["per_type"].items() if v["support"] or v["p"] < 1  # false labels of absent types too
        )
        print(f"  P/R/F1 per type [{lang}]: {per_type or '-'}")


def evaluate(args: argparse.Namespace) -> int:
    split = _load_split()
    scorer = args.scorers / SCORERS[args.task]
    if not scorer.is_file():
        raise SystemExit(f"scorer not found: {scorer} (the shared folder belongs beside the repository; see --scorers)")
    if not args.scrubdesk.is_file():
        raise SystemExit(f"CLI not found: {args.scrubdesk} (install the project: make install; or pass --scrubdesk)")
    corpora: list[Path] = args.corpus or DEFAULT_CORPORA[args.task]
    for corpus in corpora:
        if not corpus.is_file():
            raise SystemExit(f"corpus not found: {corpus}")
        if corpus.name in split.TEST_ONLY and args.part not in HIDES_TEST:
            raise SystemExit(f"{corpus.name} is test-only: score it with --part all (aggregates only)")
    env_notes = sorted(k for k in os.environ if k.startswith("SCRUBDESK_"))
    if env_notes:
        print(f"note: {', '.join(env_notes)} set in the environment; the CLI reads them", file=sys.stderr)
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="scrubdesk-eval-") as tmpdir:
        tmp = Path(tmpdir)
        for n, corpus in enumerate(corpora):
            lines = split.part_lines(corpus, args.part)
            total = len(split.part_lines(corpus, "all"))
            gold = tmp / f"{n}-{corpus.stem}.{args.part}.jsonl"
            pred = tmp / f"{n}-{corpus.stem}.{args.part}.pred.jsonl"
            dropped = 0
            if args.task == "pii":
                lines, dropped = scorable_lines(lines, scorer)
            _write_jsonl(gold, lines)
            warnings = run_cli(args.task, args.scrubdesk, gold, pred, tmp, detect_lang=args.detect_lang)
            if dropped:
                warnings.append(f"note: {dropped} gold value(s) of a type score_pii.py does not know (NUMBER) "
                                "left out of the gold")
            if args.task == "pii":
                result = score_pii(scorer, gold, pred)
            else:
                result = score_privacy(scorer, gold, pred, tmp, include_ambiguous=args.include_ambiguous)
            result["records_in_part"] = len(lines)
            result["records_in_corpus"] = total
            results[str(corpus)] = result
            if not args.json:
                print(f"== {args.task} | {corpus} | part {args.part}: {len(lines)} of {total} records")
                ambiguous = sum(bool(json.loads(line).get("ambiguous")) for line in lines)
                if args.task == "privacy" and ambiguous and not args.include_ambiguous:
                    print(f"  ({ambiguous} record(s) marked ambiguous are not scored; --include-ambiguous scores them)")
                for warning in warnings:
                    print(f"  {warning}")
                (print_pii if args.task == "pii" else print_privacy)(result)
            if args.show_misses or args.show_errors:  # tune part only (checked in main)
                flag = "--show-misses" if args.task == "pii" else "--show-errors"
                extra = [flag, *(["--include-ambiguous"] if args.include_ambiguous else [])]
                out = run_scorer(scorer, gold, pred, extra).splitlines()
                detail = [line for line in out if "\t" in line]  # the misses/errors come as tab-separated lines
                print(f"  {flag[2:]} ({len(detail)}):")
                print("\n".join(f"    {line}" for line in detail))
            if not args.json:
                print()
    if args.json:
        print(json.dumps({"task": args.task, "part": args.part, "corpora": results}))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("task", choices=("pii", "privacy"))
    ap.add_argument("--part", required=True, choices=("tune", "test", "all"),
                    help="tune: the part rules may be tuned on; test: every fifth record, aggregates only; all")
    ap.add_argument("--corpus", type=Path, action="append",
                    help="a JSONL corpus (repeatable); default: the shared dev corpora and our held-out one")
    ap.add_argument("--show-misses", action="store_true", help="pii, --part tune only: list the missed spans")
    ap.add_argument("--show-errors", action="store_true", help="privacy, --part tune only: list the wrong labels")
    ap.add_argument("--include-ambiguous", action="store_true", help="privacy: also score records marked ambiguous")
    ap.add_argument("--detect-lang", action="store_true",
                    help="pii: withhold the annotated lang from the scrubber (it detects the language itself, as "
                         "for e-mail); default: records go to the CLI as they stand, lang included")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of the tables")
    ap.add_argument("--scrubdesk", type=Path, default=ROOT / ".venv" / "bin" / "scrubdesk", help="the project's CLI")
    ap.add_argument("--scorers", type=Path, default=SHARED_EVAL, help="folder with score_pii.py and score_privacy.py")
    args = ap.parse_args(argv)
    if args.show_misses and args.task != "pii":
        ap.error("--show-misses is for pii; privacy has --show-errors")
    if args.show_errors and args.task != "privacy":
        ap.error("--show-errors is for privacy; pii has --show-misses")
    if (args.show_misses or args.show_errors) and args.part in HIDES_TEST:
        ap.error(f"--part {args.part} contains test records: only aggregate scores are printed for it "
                 "(use --part tune to see misses or errors)")
    if args.include_ambiguous and args.task != "privacy":
        ap.error("--include-ambiguous is for privacy")
    if args.detect_lang and args.task != "pii":
        ap.error("--detect-lang is for pii (privacy detect takes no language)")
    return evaluate(args)


if __name__ == "__main__":
    sys.exit(main())
