"""Train and save the tok2vec + ner pipeline for one language (``python -m training.ner --help``).

The pipeline is small and fast on purpose: our tokenizer (``scrubber.ner.tokenizer``: the language's
punctuation rules, no special cases), hash embeddings of NORM, PREFIX, SUFFIX and SHAPE 32 wide (5,000,
2,000, 2,000 and 500 rows), a 2-layer CNN encoder and spaCy's transition-based NER; about 1.4 MB on disk,
no static vectors. Training
data is generated in memory (``compose`` and ``shapes``); the last epoch is kept (``--select holdout``
keeps the best one on the held-out tune records, ``shapes.holdout_records``, which are few). The saved
string store is emptied: the model works on feature hashes, and its labels are restored by the NER
component when it loads, so the thousands of training strings need not ship.
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import random
import shutil
import time
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.training import Example
from spacy.util import minibatch
from thinc.api import Adam

from scrubber.ner.tokenizer import TOKENIZER
from training.ner.compose import LABELS, Composer, Piece, join
from training.ner.shapes import gold_spans, holdout_records, shape_messages

log = logging.getLogger("training.ner")

MODEL_VERSION = "1.0.0"


def build_nlp(
    lang: str, width: int, depth: int, rows: Sequence[int], hidden: int = 32, maxout: int = 2
) -> Language:
    """A blank pipeline with our tokenizer (``scrubber.ner.tokenizer``), tok2vec and ner."""
    nlp = spacy.blank(lang, config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    nlp.add_pipe("tok2vec", config={"model": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": width,
                  "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"], "rows": list(rows),
                  "include_static_vectors": False},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": width, "depth": depth,
                   "window_size": 1, "maxout_pieces": maxout},
    }})
    nlp.add_pipe("ner", config={"model": {
        "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
        "hidden_width": hidden, "maxout_pieces": 2, "use_upper": True,
        "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": width, "upstream": "*"},
    }})
    for label in LABELS:
        nlp.get_pipe("ner").add_label(label)  # type: ignore[attr-defined]
    return nlp


def to_example(nlp: Language, pieces: list[Piece]) -> Example | None:
    """The message as a training example; None when a value does not fall on token boundaries."""
    text, spans = join(pieces)
    doc = nlp.make_doc(text)
    ents = [doc.char_span(start, end, label=label, alignment_mode="expand") for start, end, label in spans]
    if any(e is None for e in ents):
        return None
    aligned = sorted((e.start_char, e.end_char, e.label_) for e in ents if e is not None)
    if any(a[1] > b[0] for a, b in itertools.pairwise(aligned)):
        return None
    return Example.from_dict(doc, {"entities": aligned})


def generate(nlp: Language, lang: str, n: int, seed: int, shape_variants: int) -> list[Example]:
    rng = random.Random(seed)
    composer = Composer(lang, rng)
    messages: list[list[Piece]] = [composer.message() for _ in range(n)]
    if shape_variants:
        messages += list(shape_messages(composer.values, shape_variants))
    examples = [ex for ex in (to_example(nlp, m) for m in messages) if ex is not None]
    log.info("%d examples (%d generated, %d dropped as misaligned)", len(examples), len(messages),
             len(messages) - len(examples))
    return examples


def span_scores(nlp: Language, examples: Iterable[Example]) -> dict[str, float]:
    """Exact-span precision, recall and F1 per label on generated examples."""
    tp: dict[str, int] = dict.fromkeys(LABELS, 0)
    fp = dict(tp)
    fn = dict(tp)
    exs = list(examples)
    for ex, doc in zip(exs, nlp.pipe(ex.reference.text for ex in exs), strict=True):
        gold = {(e.start_char, e.end_char, e.label_) for e in ex.reference.ents}
        pred = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
        for label in LABELS:
            g = {x for x in gold if x[2] == label}
            p = {x for x in pred if x[2] == label}
            tp[label] += len(g & p)
            fp[label] += len(p - g)
            fn[label] += len(g - p)
    out: dict[str, float] = {}
    for label in LABELS:
        prec = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 1.0
        rec = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 1.0
        out[f"{label}_p"], out[f"{label}_r"] = round(prec, 4), round(rec, 4)
        out[f"{label}_f"] = round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0
    return out


def holdout_scores(nlp: Language, records: list[dict[str, Any]]) -> dict[str, float]:
    """On held-out tune records, as the shared scorer counts: a gold value is found when >= 80% of its
    non-space characters are inside a predicted entity of any label; precision is the share of predicted
    non-space characters inside a gold PERSON or ADDRESS value."""
    hit = dict.fromkeys(LABELS, 0)
    total = dict.fromkeys(LABELS, 0)
    inside = stripped = 0
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        text = record["text"]
        mask = [False] * len(text)
        for ent in doc.ents:
            for i in range(ent.start_char, ent.end_char):
                mask[i] = True
        wanted = [False] * len(text)
        for etype, s, e in gold_spans(record):
            if etype not in LABELS:
                continue
            idx = [i for i in range(s, e) if not text[i].isspace()]
            total[etype] += 1
            hit[etype] += sum(mask[i] for i in idx) >= 0.8 * len(idx)
            for i in range(s, e):
                wanted[i] = True
        for i, ch in enumerate(text):
            if mask[i] and not ch.isspace():
                stripped += 1
                inside += wanted[i]
    out = {f"{label}_r": round(hit[label] / total[label], 4) if total[label] else 1.0 for label in LABELS}
    out["precision"] = round(inside / stripped, 4) if stripped else 1.0
    out["recall"] = round(sum(hit.values()) / max(1, sum(total.values())), 4)
    return out


def train(args: argparse.Namespace) -> dict[str, Any]:
    started = time.monotonic()
    random.seed(args.seed)
    nlp = build_nlp(args.lang, args.width, args.depth, args.rows, args.hidden, args.maxout)
    variants = args.shape_variants if args.corpora else 0
    train_examples = generate(nlp, args.lang, args.docs, args.seed, variants)
    dev_examples = generate(nlp, args.lang, args.dev_docs, args.seed + 1, 0)
    holdout = holdout_records() if args.corpora else []
    optimizer = Adam(args.learn_rate, L2=1e-6, grad_clip=1.0, use_averages=True)
    nlp.initialize(lambda: train_examples[:500], sgd=optimizer)
    best: tuple[float, int, bytes, dict[str, Any]] | None = None
    rng = random.Random(args.seed)
    for epoch in range(1, args.epochs + 1):
        rng.shuffle(train_examples)
        losses: dict[str, float] = {}
        for batch in minibatch(train_examples, size=args.batch):  # type: ignore[no-untyped-call]
            nlp.update(batch, drop=args.dropout, sgd=optimizer, losses=losses)
        with nlp.use_params(optimizer.averages):
            dev = span_scores(nlp, dev_examples)
            held = holdout_scores(nlp, holdout) if holdout else {}
            # the last epoch, unless --select holdout: the best F2 (the project's weighting) on the held-out
            # tune records (few: a noisy choice), else on the generated dev messages
            p, r = held.get("precision", 0.0), held.get("recall", 0.0)
            f2 = 5 * p * r / (4 * p + r) if p + r else 0.0
            key = float(epoch) if args.select == "last" else f2 if held else (dev["PERSON_f"] + dev["ADDRESS_f"]) / 2
            if best is None or key > best[0]:
                best = (key, epoch, nlp.to_bytes(), {"dev": dev, "holdout": held})
        elapsed = (time.monotonic() - started) / 60
        log.info("epoch %d loss %.1f dev %s holdout %s (%.1f min)", epoch, losses.get("ner", 0.0), dev, held, elapsed)
        if elapsed > args.max_minutes:
            log.info("time budget of %.0f minutes reached", args.max_minutes)
            break
    assert best is not None
    nlp.from_bytes(best[2])
    scores = {"epoch": best[1], **best[3]}
    save(nlp, Path(args.out), args, scores, len(train_examples), time.monotonic() - started)
    return scores


def save(nlp: Language, out: Path, args: argparse.Namespace, scores: dict[str, Any], n_train: int,
         seconds: float) -> None:
    nlp.meta.update({
        "name": f"scrubdesk_ner_{args.lang}",
        "version": MODEL_VERSION,
        "description": "PERSON and ADDRESS for scrubdesk's scrubber, trained on generated support messages "
                       "(python -m training.ner)",
        "license": "AGPL-3.0-or-later",
        "sources": ["Faker locales (MIT)", "deduce name and place lists (LGPL-3.0-or-later)", "own templates",
                    *(["dev corpora tune part (4/5), values swapped"] if args.corpora else [])],
        "training": {"seed": args.seed, "docs": args.docs, "shape_variants": args.shape_variants,
                     "examples": n_train, "epochs_run": scores["epoch"], "width": args.width,
                     "depth": args.depth, "maxout": args.maxout, "hidden": args.hidden, "rows": list(args.rows),
                     "minutes": round(seconds / 60, 1)},
        "performance": scores,
    })
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)  # spaCy creates the last folder only
    nlp.to_disk(out)
    (out / "vocab" / "strings.json").write_text("[]", encoding="utf-8")
    check = spacy.load(out)
    probe = "Hoi Jan, mijn vrouw Sanne de Vries woont op Kerkstraat 12, 5038 AB Tilburg."
    if [(e.text, e.label_) for e in check(probe).ents] != [(e.text, e.label_) for e in nlp(probe).ents]:
        raise SystemExit("the saved model predicts differently from the trained one")
    (out / "scores.json").write_text(json.dumps(scores, indent=1), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m training.ner", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", required=True, choices=("nl", "en"))
    ap.add_argument("--out", required=True, help="model directory, e.g. scrubber/ner/models/nl")
    ap.add_argument("--docs", type=int, default=20000, help="generated training messages")
    ap.add_argument("--shape-variants", type=int, default=6, help="swapped copies per tune-train record (0: none)")
    ap.add_argument("--dev-docs", type=int, default=1000)
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--max-minutes", type=float, default=16.0, help="stop after the epoch that passes this")
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--dropout", type=float, default=0.15)
    ap.add_argument("--learn-rate", type=float, default=0.001)
    ap.add_argument("--width", type=int, default=32, help="tok2vec width (speed falls with its square)")
    ap.add_argument("--depth", type=int, default=2, help="CNN layers of tok2vec")
    ap.add_argument("--maxout", type=int, default=2, help="maxout pieces of tok2vec")
    ap.add_argument("--hidden", type=int, default=32, help="hidden width of the NER's state layer")
    ap.add_argument("--rows", type=int, nargs=4, default=(5000, 2000, 2000, 500),
                    help="hash-embedding rows for NORM, PREFIX, SUFFIX, SHAPE")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--select", choices=("last", "holdout"), default="last",
                    help="keep the last epoch, or the one with the best F2 on the held-out tune records")
    ap.add_argument("--no-corpora", dest="corpora", action="store_false",
                    help="generated messages only: no dev-corpus shapes, no held-out monitoring")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    logging.getLogger("faker").setLevel(logging.WARNING)
    warnings.filterwarnings("ignore", message=r".*\[W030\].*")
    train(args)
    return 0
