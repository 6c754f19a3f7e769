"""training/privacy/train.py's document weights: the public intent corpora (NEGATIVE_CORPORA) are weighted on
their own and never replace a test-only corpus (eval/README.md)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _train() -> Any:
    spec = importlib.util.spec_from_file_location("scrubdesk_privacy_train", ROOT / "training" / "privacy" / "train.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # a dataclass looks its module up there
    spec.loader.exec_module(module)
    return module


def test_each_kind_of_source_gets_its_own_weight() -> None:
    train = _train()
    docs = [train.Doc("messages_en", "en", "x", frozenset()),
            train.Doc("tune:bitext_support_en", "en", "x", frozenset()),
            train.Doc("tune:banking77_en", "en", "x", frozenset()),
            train.Doc("tune:clinc150_en", "en", "x", frozenset())]
    assert list(train.doc_weights(docs, 0.5, 0.25)) == [1.0, 0.5, 0.25, 0.25]
    assert list(train.doc_weights(docs, 0.5)) == [1.0, 0.5, train.NEGATIVE_WEIGHT, train.NEGATIVE_WEIGHT]


def test_no_test_only_corpus_is_trained_on() -> None:
    # eval/split.py's TEST_ONLY is the one list of corpora nobody tunes on (not even their tune fifths)
    train = _train()
    split = train._split_module()  # train.py's own loader of eval/split.py
    for corpus in [*train.TUNE_CORPORA, *train.REAL_CORPORA, *train.NEGATIVE_CORPORA]:
        assert corpus.name not in split.TEST_ONLY, corpus


def test_the_split_unseen_corpus_is_a_training_source() -> None:
    # issue 18: privacy_unseen became a split corpus on 2026-12-07; its tune part trains the model
    train = _train()
    assert ROOT / "eval" / "privacy_unseen.jsonl" in train.TUNE_CORPORA


def test_only_tune_parts_of_split_corpora_are_read(monkeypatch: Any) -> None:
    train = _train()
    split = train._split_module()  # train.py's own loader of eval/split.py
    missing = [c for c in [*train.TUNE_CORPORA, *train.REAL_CORPORA, *train.NEGATIVE_CORPORA] if not c.is_file()]
    if missing:  # the shared dev corpora live in ../shared beside the repository
        pytest.skip(f"training corpora not here: {', '.join(c.name for c in missing)}")
    asked: list[tuple[str, str]] = []

    class Recording:
        @staticmethod
        def part_lines(path: Path, part: str) -> list[str]:
            asked.append((Path(path).name, part))
            return list(split.part_lines(path, part))

    monkeypatch.setattr(train, "_split_module", lambda: Recording)
    docs = train.load_docs(real=True, negatives=True)
    assert asked and all(part == "tune" for _name, part in asked)
    texts = {d.text for d in docs}
    for corpus in [*train.TUNE_CORPORA, *train.REAL_CORPORA, *train.NEGATIVE_CORPORA]:
        _tune, test = split.split(corpus)
        # (a test record identical to a tune record, or to a training message, would be read anyway)
        tune_texts = {r["text"] for r in _tune}
        assert not any(r["text"] in texts and r["text"] not in tune_texts for r in test), corpus
