"""Train the learned half of privacy-request recognition and write ``privacy/recognition/model.json``.

Data: the hand-written training messages and letters in this folder, plus the TUNE parts (never the
test parts: ``eval/split.py``) of the evaluation corpora. Records marked ambiguous are left out.

    python training/privacy/train.py            # train on everything, write the model
    python training/privacy/train.py --cv       # 5-fold cross-validated scores of the vote, per source
                                                # and per threshold choice (nothing written)
    python training/privacy/train.py --holdout  # train on all but the fixed held-out fifth, score the vote
                                                # on that fifth per language and source (nothing written)

The held-out fifth (``is_holdout``: every fifth document of each source, fixed) is where thresholds and
features are chosen; the shipped model is then trained on everything with those choices. Scores on it
are optimistic for the tune parts of the dev corpora (the rules were written against them) and honest for
the training files written after the rules (``*_v2``).

Needs scikit-learn (``pip install -e '.[train]'``); the shipped model needs only numpy.
"""

from __future__ import annotations

import argparse
import base64
import importlib.util
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from privacy.recognition import model, vote  # noqa: E402
from privacy.recognition.recognizer import model_may_label, reading, rule_findings  # noqa: E402
from privacy.recognition.types import RequestType  # noqa: E402

HERE = Path(__file__).resolve().parent
SHARED = ROOT.parent / "shared" / "eval"
# eval/privacy_heldout.jsonl is test-only (eval/README.md): never trained on, not even its tune part.
# eval/privacy_webhost.jsonl (round 9): a web host's support mail written for issue 18; its TUNE part only.
# eval/privacy_unseen.jsonl: test-only until 2026-12-07, then a split corpus (eval/split.py's TEST_ONLY no longer
# names it); its TUNE part only, its test fifth is scored by eval/evaluate.py and never read here.
# eval/privacy_tune_authors_*.jsonl (round 15): authors whose TUNE parts are read and trained on; the authors held out
# whole (eval/privacy_authors_*.jsonl, split.TEST_ONLY) are never read here.
TUNE_CORPORA = [SHARED / "privacy_dev.jsonl", SHARED / "privacy_dev2.jsonl", ROOT / "eval" / "privacy_webhost.jsonl",
                ROOT / "eval" / "privacy_unseen.jsonl", *sorted((ROOT / "eval").glob("privacy_tune_authors_*.jsonl"))]
# Text not written by us (issue 18): their TUNE parts teach the model what ordinary support and assistant
# utterances look like; the test parts are scored by eval/evaluate.py only.
REAL_CORPORA = [ROOT / "eval" / "bitext_support_en.jsonl", ROOT / "eval" / "nlu_home_de.jsonl"]
# 0 by default: on the held-out fifth of our own new sources 0 -> macro F1 0.976, 0.1 -> 0.968, 0.3 -> 0.960,
# 1 -> 0.954, and at 0.1 short requests ("kunnen jullie mijn account en alles wat erin zit verwijderen?") lost
# their label; the model already makes no false alarm on their test parts without them (round 5)
REAL_WEIGHT = 0.0
# Public intent corpora (issue 18, eval/README.md): short banking and assistant queries, every record no request
# except the ambiguous ones (left out). Their TUNE parts are extra negatives (ordinary requests to a service in
# the words of a privacy request: "close my account", "change my address on the app"), at NEGATIVE_WEIGHT each.
NEGATIVE_CORPORA = [ROOT / "eval" / "banking77_en.jsonl", ROOT / "eval" / "clinc150_en.jsonl"]
NEGATIVE_WEIGHT = 0.0
OUTPUTS = [*model.TYPES, model.ANY]


@dataclass
class Doc:
    source: str
    lang: str
    text: str
    labels: frozenset[str]


def _split_module() -> Any:
    spec = importlib.util.spec_from_file_location("scrubdesk_eval_split", ROOT / "eval" / "split.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def parse_blocks(path: Path) -> list[Doc]:
    docs: list[Doc] = []
    head: list[str] | None = None
    body: list[str] = []

    def flush() -> None:
        if head is not None:
            lang, _channel, labels = head
            wanted = frozenset() if labels == "-" else frozenset(labels.split(","))
            unknown = wanted - set(model.TYPES)
            if unknown:
                raise SystemExit(f"{path.name}: unknown labels {unknown}")
            docs.append(Doc(path.stem, lang, "\n".join(body).strip(), wanted))

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("=== "):
            flush()
            head, body = line[4:].split(), []
            if len(head) != 3:
                raise SystemExit(f"{path.name}: bad header {line!r}")
        else:
            body.append(line)
    flush()
    return docs


def load_docs(*, real: bool = True, negatives: bool = False) -> list[Doc]:
    docs: list[Doc] = []
    for path in sorted(HERE.glob("*.txt")):
        docs.extend(parse_blocks(path))
    split = _split_module()
    for corpus in [*TUNE_CORPORA, *(REAL_CORPORA if real else []), *(NEGATIVE_CORPORA if negatives else [])]:
        for line in split.part_lines(corpus, "tune"):
            record = json.loads(line)
            if record.get("ambiguous"):
                continue
            docs.append(Doc(f"tune:{corpus.stem}", record.get("lang", "?"), record["text"],
                            frozenset(record["labels"])))
    return docs


# Every fifth document of each source (file or tune part) is held out, fixed by its position in the source.
HOLDOUT_EVERY, HOLDOUT_REMAINDER = 5, 2


def holdout_mask(docs: list[Doc]) -> np.ndarray:
    """True for the held-out documents: the ones at position 2, 7, 12, ... of their source."""
    seen: dict[str, int] = {}
    mask = np.zeros(len(docs), dtype=bool)
    for i, d in enumerate(docs):
        position = seen.get(d.source, 0)
        seen[d.source] = position + 1
        mask[i] = position % HOLDOUT_EVERY == HOLDOUT_REMAINDER
    return mask


def model_text(text: str) -> str:
    own, quoted = reading(text)
    return f"{own}\n{quoted}" if quoted else own


def doc_weights(docs: list[Doc], real_weight: float, negative_weight: float = NEGATIVE_WEIGHT) -> np.ndarray:
    """Each document's weight in training: ``real_weight`` for the corpora not written by us (thousands of
    short utterances that would otherwise outweigh every hand-written message), ``negative_weight`` for the
    public intent corpora (NEGATIVE_CORPORA), 1 for the rest."""
    real = {f"tune:{corpus.stem}" for corpus in REAL_CORPORA}
    negative = {f"tune:{corpus.stem}" for corpus in NEGATIVE_CORPORA}
    return np.array([real_weight if d.source in real else negative_weight if d.source in negative else 1.0
                     for d in docs])


def targets(docs: list[Doc]) -> np.ndarray:
    y = np.zeros((len(docs), len(OUTPUTS)), dtype=int)
    for i, d in enumerate(docs):
        for j, name in enumerate(OUTPUTS):
            y[i, j] = bool(d.labels) if name == model.ANY else name in d.labels
    return y


def fit(texts: list[str], y: np.ndarray, c: float, vocabulary: Iterable[str] | None = None,
        weights: np.ndarray | None = None) -> tuple[Any, list[Any]]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(analyzer=model.features, sublinear_tf=True, min_df=2 if vocabulary is None else 1,
                                 vocabulary=list(vocabulary) if vocabulary is not None else None)
    x = vectorizer.fit_transform(texts)
    classifiers = []
    for j in range(y.shape[1]):
        clf = LogisticRegression(C=c, class_weight="balanced", max_iter=3000, solver="liblinear")
        clf.fit(x, y[:, j], sample_weight=weights)
        classifiers.append(clf)
    return vectorizer, classifiers


def probabilities(vectorizer: Any, classifiers: list[Any], texts: list[str]) -> np.ndarray:
    x = vectorizer.transform(texts)
    return np.column_stack([clf.predict_proba(x)[:, 1] for clf in classifiers])


# --- the vote, scored like score_privacy.py ------------------------------------------------------


# found, held back, held by a negation only (recognizer.rule_findings), and what the model may label alone
# (model_may_label)
Rules = tuple[dict[RequestType, list[str]], frozenset[RequestType], frozenset[RequestType], frozenset[RequestType]]


def rule_labels(text: str) -> Rules:
    """What the recogniser's rules give the vote for ``text`` (as ``recognizer.recognize`` computes it)."""
    found, held, negated = rule_findings(text)
    own, quoted = reading(text)
    return found, held, negated, model_may_label(own, found, quoted)


def labels_of(rules: Rules, probs: np.ndarray, t: vote.Thresholds) -> tuple[set[str], bool]:
    scores = {name: float(p) for name, p in zip(OUTPUTS, probs, strict=True)}
    result = vote.decide(rules[0], scores, "und", t, held=rules[1], model_labels=rules[3], negated=rules[2])
    return {str(label) for label in result.labels}, result.possible


def metrics(gold: list[frozenset[str]], got: list[set[str]], possible: list[bool]) -> dict[str, float]:
    counts = {t: [0, 0, 0] for t in model.TYPES}
    det = [0, 0, 0]
    exact = fa = neg = missed_not_possible = neg_possible = 0
    for want, have, poss in zip(gold, got, possible, strict=True):
        for t in model.TYPES:
            counts[t][0] += t in want and t in have
            counts[t][1] += t not in want and t in have
            counts[t][2] += t in want and t not in have
        det[0] += bool(want) and bool(have)
        det[1] += not want and bool(have)
        det[2] += bool(want) and not have
        missed_not_possible += bool(want) and not have and not poss
        exact += want == have
        if not want:
            neg += 1
            fa += bool(have)
            neg_possible += poss
    f1s = []
    for tp, fp, fn in counts.values():
        if tp + fn:
            p = tp / (tp + fp) if tp + fp else 1.0
            r = tp / (tp + fn)
            f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    pos = det[0] + det[2]
    return {"macro_f1": sum(f1s) / len(f1s) if f1s else 1.0, "recall": det[0] / pos if pos else 1.0,
            "false_alarms": fa / neg if neg else 0.0, "exact": exact / len(gold) if gold else 1.0,
            "missed_unflagged": missed_not_possible / pos if pos else 0.0,
            # triage: the share of ordinary mails an officer is asked to look at ("possible", no label)
            "neg_possible": neg_possible / neg if neg else 0.0}


def evaluate(docs: list[Doc], found: list[Rules], probs: np.ndarray, t: vote.Thresholds,
             *, show: str | None = None) -> dict[str, dict[str, float]]:
    groups: dict[str, list[int]] = {}
    for i, d in enumerate(docs):
        groups.setdefault(d.source.split(":")[0] if d.source.startswith("tune") else "own", []).append(i)
        groups.setdefault(d.source, []).append(i)
    out = {}
    decided = [labels_of(found[i], probs[i], t) for i in range(len(docs))]
    for name, idx in sorted(groups.items()):
        out[name] = metrics([docs[i].labels for i in idx], [decided[i][0] for i in idx], [decided[i][1] for i in idx])
    if show:
        for i in groups.get(show, []):
            if decided[i][0] != set(docs[i].labels):
                scores = " ".join(f"{n[:4]}={p:.2f}" for n, p in zip(OUTPUTS, probs[i], strict=True) if p >= 0.1)
                print(f"  want={sorted(docs[i].labels)} got={sorted(decided[i][0])} rules={sorted(found[i][0])} "
                      f"{scores} | {docs[i].text[:140]!r}")
    return out


def cross_validate(docs: list[Doc], texts: list[str], y: np.ndarray, c: float, folds: int = 5,
                   weights: np.ndarray | None = None) -> np.ndarray:
    from sklearn.model_selection import StratifiedKFold

    probs = np.zeros(y.shape, dtype=float)
    strata = y[:, -1] * 2 + np.array([d.source.startswith("tune") for d in docs])
    for train_idx, test_idx in StratifiedKFold(folds, shuffle=True, random_state=7).split(texts, strata):
        vectorizer, classifiers = fit([texts[i] for i in train_idx], y[train_idx], c,
                                      weights=None if weights is None else weights[train_idx])
        probs[test_idx] = probabilities(vectorizer, classifiers, [texts[i] for i in test_idx])
    return probs


def by_language(docs: list[Doc], idx: list[int], decided: list[tuple[set[str], bool]]) -> dict[str, dict[str, float]]:
    groups: dict[str, list[int]] = {"all": list(range(len(idx)))}
    for k, i in enumerate(idx):
        groups.setdefault(docs[i].lang, []).append(k)
        written_after_rules = any(f"_v{n}" in docs[i].source for n in (2, 3, 4))
        source = docs[i].source
        groups.setdefault("new" if written_after_rules else source if source.startswith("tune:")
                          else source.split(":")[0], []).append(k)
    return {name: metrics([docs[idx[k]].labels for k in ks], [decided[k][0] for k in ks], [decided[k][1] for k in ks])
            for name, ks in groups.items()}


def holdout(docs: list[Doc], texts: list[str], y: np.ndarray, args: argparse.Namespace, t: vote.Thresholds) -> None:
    """Train on all but the held-out fifth (or, with ``--fresh``, all but the sources named so), then score
    the vote on the rest per language and source, with ``--grid`` for a grid of thresholds."""
    mask = np.array([args.fresh in d.source for d in docs]) if args.fresh else holdout_mask(docs)
    train_idx, test_idx = np.flatnonzero(~mask), np.flatnonzero(mask)
    w = doc_weights(docs, args.real_weight, args.negative_weight)[train_idx]
    vectorizer, classifiers = fit([texts[i] for i in train_idx], y[train_idx], args.c, weights=w)
    vocabulary = prune(vectorizer, classifiers, args.keep)
    vectorizer, classifiers = fit([texts[i] for i in train_idx], y[train_idx], args.c, vocabulary, weights=w)
    probs = probabilities(vectorizer, classifiers, [texts[i] for i in test_idx])
    found = [rule_labels(docs[i].text) for i in test_idx]
    print(f"held out {len(test_idx)} of {len(docs)} documents")
    if args.calibrate:
        plain = [labels_of(found[k], probs[k], t) for k in range(len(test_idx))]
        uncalibrated = by_language(docs, list(test_idx), plain)
        print("  without calibration: " + " ".join(f"{k} {v:.3f}" for k, v in uncalibrated["all"].items()))
        t = calibrate([docs[i] for i in train_idx], [texts[i] for i in train_idx], y[train_idx], args.c, t)
    for tt in [t, *(threshold_grid(t) if args.grid else [])]:
        decided = [labels_of(found[k], probs[k], tt) for k in range(len(test_idx))]
        results = by_language(docs, list(test_idx), decided)
        if tt is not t:
            r = results["all"]
            print(f"  lead {tt.lead_request}/{tt.lead_type} stand {tt.rules_stand} confirm {tt.confirm} "
                  f"second {tt.second} alone {tt.alone}/{tt.alone_extra} "
                  f"possible {tt.possible}: " + " ".join(f"{k} {v:.3f}" for k, v in r.items()))
            continue
        for name, r in sorted(results.items()):
            print(f"  {name:14} " + " ".join(f"{k} {v:.3f}" for k, v in r.items()))
    if args.show:
        decided = [labels_of(found[k], probs[k], t) for k in range(len(test_idx))]
        for k, i in enumerate(test_idx):
            if decided[k][0] != set(docs[i].labels) and args.show in (docs[i].lang, docs[i].source, "all"):
                scores = " ".join(f"{n[:4]}={p:.2f}" for n, p in zip(OUTPUTS, probs[k], strict=True) if p >= 0.1)
                print(f"  want={sorted(docs[i].labels)} got={sorted(decided[k][0])} poss={decided[k][1]} "
                      f"rules={sorted(found[k][0])} {scores} | {docs[i].text[:160]!r}")


# The levels a type's ``alone`` / ``alone_extra`` may take (1.01: the model never labels that type alone).
CALIBRATION_LEVELS = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.01)


def type_f1(docs: list[Doc], decided: list[tuple[set[str], bool]], name: str) -> float:
    tp = sum(name in d.labels and name in got for d, (got, _) in zip(docs, decided, strict=True))
    fp = sum(name not in d.labels and name in got for d, (got, _) in zip(docs, decided, strict=True))
    fn = sum(name in d.labels and name not in got for d, (got, _) in zip(docs, decided, strict=True))
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


def calibrate(docs: list[Doc], texts: list[str], y: np.ndarray, c: float, t: vote.Thresholds) -> vote.Thresholds:
    """Per type, the ``alone`` and ``alone_extra`` levels that give that type the best F1 of the whole vote on
    out-of-fold scores (5-fold cross-validation over ``docs``, never a held-out or test document): one type at a
    time; a tie goes to the higher level (a label is an action, so fewer labels from the model
    alone)."""
    probs = cross_validate(docs, texts, y, c)
    found = [rule_labels(d.text) for d in docs]
    for name in model.TYPES:
        for key in ("alone_by_type", "alone_extra_by_type"):
            best_f1, best_level = -1.0, 1.01
            for level in CALIBRATION_LEVELS:
                tt = replace(t, **{key: {**getattr(t, key), name: level}})
                f1 = type_f1(docs, [labels_of(found[i], probs[i], tt) for i in range(len(docs))], name)
                if f1 >= best_f1 - 1e-9:
                    best_f1, best_level = max(f1, best_f1), level
            t = replace(t, **{key: {**getattr(t, key), name: best_level}})
    print("calibrated alone per type: " + " ".join(
        f"{k[:4]} {t.alone_by_type[k]}/{t.alone_extra_by_type[k]}" for k in model.TYPES))
    return t


def threshold_grid(t: vote.Thresholds) -> list[vote.Thresholds]:
    return [replace(t, lead_request=lr, lead_type=lt, rules_stand=rs, alone_extra=ae, confirm=cf)
            for lr in (0.5, 0.6, 0.7) for lt in (0.25, 0.3, 0.35, 0.4, 0.5) for rs in (0.9,) for ae in (0.7, 0.8)
            for cf in (0.1,)]


def export(vectorizer: Any, classifiers: list[Any], t: vote.Thresholds, path: Path) -> None:
    vocab = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get)
    weights = np.vstack([clf.coef_[0] for clf in classifiers])
    scale = float(np.abs(weights).max()) / 127.0
    quantised = np.clip(np.round(weights / scale), -127, 127).astype(np.int8)
    data = {
        "about": "privacy request recognition: tf-idf n-grams (privacy.recognition.model.features), one logistic "
                 "regression per output; trained by training/privacy/train.py",
        "outputs": OUTPUTS, "vocab": vocab, "idf": [round(float(v), 4) for v in vectorizer.idf_],
        "scale": scale, "weights": base64.b64encode(quantised.tobytes()).decode(),
        "bias": [round(float(clf.intercept_[0]), 5) for clf in classifiers],
        "thresholds": {"confirm": t.confirm, "alone": t.alone, "possible": t.possible, "gate": t.gate,
                       "alone_gate": t.alone_gate, "alone_extra": t.alone_extra, "rules_stand": t.rules_stand,
                       "lead_request": t.lead_request, "lead_type": t.lead_type,
                       "second": t.second, "strong_prefixes": list(t.strong_prefixes), "strong_gate": t.strong_gate,
                       "alone_by_type": t.alone_by_type, "alone_extra_by_type": t.alone_extra_by_type},
    }
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def prune(vectorizer: Any, classifiers: list[Any], keep: int) -> list[str]:
    """The ``keep`` features with the largest weight for any output."""
    weights = np.abs(np.vstack([clf.coef_[0] for clf in classifiers])).max(axis=0)
    vocab = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get)
    order = np.argsort(-weights)[:keep]
    return sorted(vocab[i] for i in order)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cv", action="store_true")
    ap.add_argument("--holdout", action="store_true")
    ap.add_argument("--grid", action="store_true", help="with --cv or --holdout: also score a grid of thresholds")
    ap.add_argument("--fresh", help="with --holdout: hold out the sources whose name contains this instead "
                                    "(e.g. _v3: messages written after the model, to measure generalisation)")
    # measured and not adopted (issue 18): per-type levels chosen this way scored lower on the held-out fifth
    # (macro F1 0.948 vs 0.953) and on the unseen v4 sources (0.803 vs 0.833) than the shared levels
    ap.add_argument("--calibrate", action="store_true",
                    help="choose each type's alone levels by cross-validation on the training documents")
    ap.add_argument("--no-real", action="store_true",
                    help="leave out the tune parts of the corpora not written by us (REAL_CORPORA), to compare")
    ap.add_argument("--real-weight", type=float, default=REAL_WEIGHT,
                    help="training weight of a document of the corpora not written by us")
    ap.add_argument("--negative-weight", type=float, default=NEGATIVE_WEIGHT,
                    help="training weight of a tune record of the public intent corpora (NEGATIVE_CORPORA); "
                         "0: not loaded")
    ap.add_argument("--out", default=str(model.MODEL_FILE),
                    help="where to write the model (default: the shipped one), to compare a candidate first")
    ap.add_argument("--c", type=float, default=30.0)
    ap.add_argument("--keep", type=int, default=40000)
    ap.add_argument("--show", help="with --cv: print the errors of this source (e.g. tune:privacy_dev2, messages_en)")
    ap.add_argument("--confirm", type=float, default=vote.Thresholds().confirm)
    ap.add_argument("--alone", type=float, default=vote.Thresholds().alone)
    ap.add_argument("--possible", type=float, default=vote.Thresholds().possible)
    ap.add_argument("--gate", type=float, default=vote.Thresholds().gate)
    ap.add_argument("--lead-request", type=float, default=vote.Thresholds().lead_request)
    ap.add_argument("--lead-type", type=float, default=vote.Thresholds().lead_type)
    ap.add_argument("--second", type=float, default=vote.Thresholds().second)
    ap.add_argument("--rules-stand", type=float, default=vote.Thresholds().rules_stand)
    ap.add_argument("--strong-gate", type=float, default=0.1)
    args = ap.parse_args()
    docs = load_docs(real=not args.no_real and args.real_weight > 0, negatives=args.negative_weight > 0)
    texts = [model_text(d.text) for d in docs]
    y = targets(docs)
    t = vote.Thresholds(confirm=args.confirm, alone=args.alone, possible=args.possible, gate=args.gate,
                        lead_request=args.lead_request, lead_type=args.lead_type, second=args.second,
                        rules_stand=args.rules_stand,
                        strong_prefixes=("article.", "erasure.named_right", "portability.named_right",
                                         "restriction.named_right", "rectification.named_right"),
                        strong_gate=args.strong_gate)
    print(f"{len(docs)} documents, {int(y[:, -1].sum())} requests")
    if args.holdout:
        holdout(docs, texts, y, args, t)
        return 0
    if args.cv:  # on the training part only: the held-out fifth stays unseen while errors are read
        keep = np.flatnonzero(~holdout_mask(docs))
        docs, texts, y = [docs[i] for i in keep], [texts[i] for i in keep], y[keep]
        found = [rule_labels(d.text) for d in docs]
        weights = doc_weights(docs, args.real_weight, args.negative_weight)
        probs = cross_validate(docs, texts, y, args.c, weights=weights)
        rules_only = probs.copy()
        for name, r in evaluate(docs, found, np.zeros_like(rules_only),
                                        replace(t, confirm=0.0, alone=2.0, gate=0.0)).items():
            print(f"rules only  {name:28} " + " ".join(f"{k} {v:.3f}" for k, v in r.items()))
        for confirm, alone, gate in [(c, a, g) for c in (0.1, 0.2) for a in (0.6, 0.7)
                                     for g in (0.2, 0.3)] if args.grid else []:
                tt = replace(t, confirm=confirm, alone=alone, gate=gate)
                res = evaluate(docs, found, probs, tt)
                line = " | ".join(f"{k[-10:]} F1 {v['macro_f1']:.3f} R {v['recall']:.3f} FA {v['false_alarms']:.3f} "
                                  f"EX {v['exact']:.3f}" for k, v in res.items() if k in ("own", "tune"))
                print(f"confirm {confirm} alone {alone} gate {gate}: {line}")
        for name, r in evaluate(docs, found, probs, t, show=args.show).items():
            print(f"vote        {name:28} " + " ".join(f"{k} {v:.3f}" for k, v in r.items()))
        return 0
    if args.calibrate:
        t = calibrate(docs, texts, y, args.c, t)
    w = doc_weights(docs, args.real_weight, args.negative_weight)
    vectorizer, classifiers = fit(texts, y, args.c, weights=w)
    vocabulary = prune(vectorizer, classifiers, args.keep)
    vectorizer, classifiers = fit(texts, y, args.c, vocabulary, weights=w)
    out = Path(args.out)
    export(vectorizer, classifiers, t, out)
    model.load.cache_clear()
    shipped = model.load(out)
    assert shipped is not None
    expected = probabilities(vectorizer, classifiers, texts[:50])
    got = np.array([[shipped.scores(x)[name] for name in OUTPUTS] for x in texts[:50]])
    print(f"wrote {out} ({out.stat().st_size // 1024} KiB, {len(vocabulary)} features); "
          f"largest difference to scikit-learn after quantisation {np.abs(expected - got).max():.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
