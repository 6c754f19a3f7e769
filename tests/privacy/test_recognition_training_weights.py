"""training/privacy/train.py's document weights: the public intent corpora (NEGATIVE_CORPORA) are weighted on
their own and never replace a test-only corpus (eval/README.md)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

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
    train = _train()
    for corpus in [*train.TUNE_CORPORA, *train.REAL_CORPORA, *train.NEGATIVE_CORPORA]:
        assert not any(word in corpus.stem for word in ("unseen", "heldout", "letters")), corpus
