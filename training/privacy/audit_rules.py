"""Per-rule audit of the privacy recogniser: how often each rule (and the model alone) fires on text that is
no request, written by others, against how often it fires on requests.

Why this file exists: nine rounds of hand-written messages raised our own held-out scores and left the unseen
ones flat (issue 18): our hard negatives are not what trips the recogniser. This script counts, per rule and
per language, its firings on the TUNE parts of public corpora that are no request (Bitext, Banking77,
CLINC150, the German home-assistant set, xSID's Dutch and German utterances: ``eval/README.md``), on our own
non-requests, and on our own requests (of its type or another), both *raw* (the rule fired, before the
model's vote) and *labelled* (its label survived the vote). Test parts are never read. Only counts and rule
names are printed, never text.

    python training/privacy/audit_rules.py              # the table
    python training/privacy/audit_rules.py --min 1      # only rules that fired at least once on public text
    PYTHONPATH=/tmp/sk python training/privacy/audit_rules.py --cv   # + each rule's labels on our own messages
                                                # under a model that did not see them (5-fold, needs scikit-learn)

The first table's model is the shipped one, trained on our own messages: its "own" columns are in-sample and say
little about the model (the rules were written against those messages too). ``--cv`` scores our own messages (the
training part, not ``train.py``'s held-out fifth) with out-of-fold model scores and the shipped thresholds, and
counts per rule (or ``model.<type>`` when no rule of the label's type fired) the labels it carried that were right,
that were a false alarm (no request) and that were an extra type on a request.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from train import SHARED, _split_module, parse_blocks  # noqa: E402

from privacy.recognition import vote  # noqa: E402
from privacy.recognition.recognizer import Findings, recognize, rule_findings  # noqa: E402
from privacy.recognition.types import Recognition  # noqa: E402

HERE = Path(__file__).resolve().parent
# Public corpora, every scored record no request (their ambiguous ones are skipped): TUNE parts only.
PUBLIC = [
    ROOT / "eval" / name
    for name in (
        "bitext_support_en.jsonl",
        "banking77_en.jsonl",
        "clinc150_en.jsonl",
        "nlu_home_de.jsonl",
        "xsid_nlde.jsonl",
    )
]
OWN_TUNE = [SHARED / "privacy_dev.jsonl", SHARED / "privacy_dev2.jsonl"]
MODEL = "model"  # the name under which a label of the model alone (no rule of its type fired) is counted


@dataclass
class Tally:
    """Firings of one rule: on public non-requests per language (raw, labelled), on our own non-requests,
    on our own requests of its type and of another type."""

    public_raw: Counter[str] = field(default_factory=Counter)
    public_labelled: Counter[str] = field(default_factory=Counter)
    own_negative: int = 0
    own_negative_labelled: int = 0
    hit: int = 0
    wrong_type: int = 0

    def count_own(self, label: str, gold: frozenset[str]) -> None:
        """One firing with ``label`` on our own message whose gold labels are ``gold``."""
        if not gold:
            self.own_negative += 1
        elif label in gold:
            self.hit += 1
        else:
            self.wrong_type += 1


def public_texts() -> list[tuple[str, str]]:
    """(lang, text) of the scored records of the public corpora's TUNE parts."""
    split = _split_module()
    out: list[tuple[str, str]] = []
    for corpus in PUBLIC:
        for line in split.part_lines(corpus, "tune"):
            record = json.loads(line)
            if not record.get("ambiguous") and not record["labels"]:
                out.append((record.get("lang", "?"), record["text"]))
    return out


def own_texts() -> list[tuple[str, str, frozenset[str]]]:
    """(lang, text, gold labels) of our training files and the dev corpora's TUNE parts."""
    out = [(d.lang, d.text, d.labels) for path in sorted(HERE.glob("*.txt")) for d in parse_blocks(path)]
    split = _split_module()
    for corpus in OWN_TUNE:
        for line in split.part_lines(corpus, "tune"):
            record = json.loads(line)
            if not record.get("ambiguous"):
                out.append((record.get("lang", "?"), record["text"], frozenset(record["labels"])))
    return out


def fired(text: str) -> tuple[dict[str, str], set[str], Recognition, Findings]:
    """Per rule that fired (raw, before the vote): its label; the rules (or ``model``) behind each label that
    survived the vote, as ``rule`` names; and the recogniser's answer and rule findings they were read from."""
    findings = rule_findings(text)
    raw = {name.removeprefix("quoted:"): label.value for label, names in findings[0].items() for name in names}
    result = recognize(text)
    labelled: set[str] = set()
    for label, reasons in result.reasons.items():
        rules = [r.removeprefix("quoted:") for r in reasons if not r.startswith("model:")]
        labelled.update(rules or [f"{MODEL}.{label.value}"])
    return raw, labelled, result, findings


def audit() -> tuple[dict[str, Tally], Counter[str], Counter[str]]:
    tallies: dict[str, Tally] = defaultdict(Tally)
    public_docs: Counter[str] = Counter()
    possible: Counter[str] = Counter()
    for lang, text in public_texts():
        public_docs[lang] += 1
        raw, labelled, result, (found, held, _negated) = fired(text)
        for name in raw:
            tallies[name].public_raw[lang] += 1
        for name in labelled:
            tallies[name].public_labelled[lang] += 1
        if result.possible:
            why = "rule vetoed" if found else "rule held" if held else "score only"
            possible[lang] += 1
            possible[f"{lang}:{why}"] += 1
    for _lang, text, gold in own_texts():
        raw, labelled, _result, _findings = fired(text)
        for name, label in raw.items():
            tallies[name].count_own(label, gold)
        for name in labelled:
            if name.startswith(MODEL + "."):
                tallies[name].count_own(name.split(".", 1)[1], gold)
            if not gold:
                tallies[name].own_negative_labelled += 1
    return tallies, public_docs, possible


def cv_audit() -> None:
    """Per rule: the labels it carried on our own messages when the model had not seen them (see the docstring)."""
    import numpy as np
    import train

    docs = train.load_docs(real=False)
    keep = np.flatnonzero(~train.holdout_mask(docs))
    docs = [docs[i] for i in keep]
    texts = [train.model_text(d.text) for d in docs]
    probs = train.cross_validate(docs, texts, train.targets(docs), 30.0)
    limits = vote.thresholds()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for d, p in zip(docs, probs, strict=True):
        found, held, negated, may = train.rule_labels(d.text)
        scores = {name: float(x) for name, x in zip(train.OUTPUTS, p, strict=True)}
        result = vote.decide(found, scores, "und", limits, held=held, model_labels=may, negated=negated)
        for label, reasons in result.reasons.items():
            rules = [r.removeprefix("quoted:") for r in reasons if not r.startswith("model:")] or [
                f"{MODEL}.{label.value}"]
            kind = "right" if label.value in d.labels else "false_alarm" if not d.labels else "extra_type"
            for name in rules:
                counts[name][kind] += 1
                counts[name][f"{kind}:{d.lang}"] += 1
    print(f"\ncross-validated labels on {len(docs)} own messages (right / false alarm / extra type; precision):")
    for name in sorted(counts, key=lambda n: -(counts[n]["false_alarm"] + counts[n]["extra_type"])):
        c = counts[name]
        total = c["right"] + c["false_alarm"] + c["extra_type"]
        langs = " ".join(f"{k.split(':')[1]}:{v}" for k, v in sorted(c.items())
                         if ":" in k and not k.startswith("right"))
        print(f"  {name:38} {c['right']:>5} {c['false_alarm']:>4} {c['extra_type']:>4}   {c['right'] / total:.3f}"
              f"   wrong by lang: {langs}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min", type=int, default=0, help="only rules with at least this many public firings")
    parser.add_argument("--cv", action="store_true", help="also the cross-validated labels per rule (scikit-learn)")
    args = parser.parse_args()
    tallies, docs, possible = audit()
    langs = sorted(docs)
    print("public non-requests (tune parts): " + ", ".join(f"{k} {docs[k]}" for k in langs))
    for k in langs:
        why = ", ".join(f"{w} {possible[f'{k}:{w}']}" for w in ("rule vetoed", "rule held", "score only"))
        print(f"  possible {k}: {possible[k]} ({possible[k] / docs[k]:.1%}): {why}")
    head = " ".join(f"{k:>9}" for k in langs)
    print(f"{'rule':38} {head}   own-neg(lab)  own-hit  wrong   prec-own")
    for name in sorted(tallies, key=lambda n: (-sum(tallies[n].public_raw.values()), n)):
        t = tallies[name]
        if sum(t.public_raw.values()) + sum(t.public_labelled.values()) < args.min:
            continue
        cells = " ".join(f"{t.public_raw[k]:>4}/{t.public_labelled[k]:<4}" for k in langs)
        total = t.hit + t.wrong_type + t.own_negative
        prec = t.hit / total if total else float("nan")
        print(
            f"{name:38} {cells}   {t.own_negative:>4}({t.own_negative_labelled:>3})  {t.hit:>7} {t.wrong_type:>6}"
            f"   {prec:8.3f}"
        )
    print(
        "cells: raw firings / labels after the vote; own-neg: firings on our non-requests (labelled after the vote);"
        " own-hit / wrong: on our requests of its type / of another type only"
    )
    if args.cv:
        cv_audit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
