"""NerModelRecognizer: found, loaded, thread-safe, without vocabulary growth, with our tokenizer.

No model ships (``scrubber.ner``: the ablation did not earn it a place in the engine), so these tests
train a tiny one per language with the real training command (``training.ner``) into a temporary
folder: they check the mechanics, not the model's quality (``bench/ner_ablation.py`` measures that).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from scrubber.ner import NerModelRecognizer, model_path, ner_recognizer
from scrubber.ner.tokenizer import TOKENIZER
from training.ner.train import main as train_main

LANGS = ("nl", "en")


@pytest.fixture(scope="module")
def models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("models")
    for lang in LANGS:
        args = ["--lang", lang, "--out", str(root / lang), "--docs", "60", "--dev-docs", "10", "--epochs", "1",
                "--no-corpora", "--width", "8", "--depth", "1", "--hidden", "8", "--rows", "64", "64", "64", "64"]
        assert train_main(args) == 0
    return root


@pytest.fixture(scope="module")
def recognizers(models_dir: Path) -> dict[str, NerModelRecognizer]:
    out = {}
    for lang in LANGS:
        rec = ner_recognizer(lang, models_dir=models_dir)
        assert rec is not None
        out[lang] = rec
    return out


def test_absent_model_gives_none(tmp_path: Path) -> None:
    assert model_path("nl", tmp_path) is None
    assert ner_recognizer("nl", models_dir=tmp_path) is None
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "config.cfg").write_text("")
    assert ner_recognizer("nl", models_dir=tmp_path) is None  # meta.json missing: not a model


class _FakeDoc:
    def __init__(self, text: str, ents: list[tuple[str, str]]) -> None:
        self.ents = []
        for value, label in ents:
            start = text.index(value)
            self.ents.append(SimpleNamespace(start_char=start, end_char=start + len(value), label_=label))


class _FakeNlp:
    """Stands in for the pipeline: returns the given entities, to test what the recognizer makes of them."""

    def __init__(self, ents: list[tuple[str, str]]) -> None:
        self.ents = ents

    def __call__(self, text: str) -> _FakeDoc:
        return _FakeDoc(text, self.ents)

    def memory_zone(self) -> Any:
        return _NullContext()


class _NullContext:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def test_spans_are_trimmed_and_filtered(recognizers: dict[str, NerModelRecognizer]) -> None:
    rec = NerModelRecognizer("nl", recognizers["nl"].path)
    text = 'Mijn vrouw "Sanne de Vries", woont op (Kerkstraat 12), ja. 12'
    rec._nlp = _FakeNlp([('"Sanne de Vries",', "PERSON"), ("(Kerkstraat 12)", "ADDRESS"), ("12", "ADDRESS")])
    assert rec.spans(text) == [
        (text.index("Sanne"), text.index('",'), "PERSON"),
        (text.index("Kerkstraat"), text.index(")"), "ADDRESS"),
    ]  # quotes, brackets and commas trimmed; a span without a letter dropped
    assert rec.spans("  \n ") == []


def test_entity_filter_scores_and_explanation(recognizers: dict[str, NerModelRecognizer]) -> None:
    rec = NerModelRecognizer("nl", recognizers["nl"].path, {"PERSON": 0.5, "ADDRESS": 0.6})
    text = "Mijn vrouw Sanne de Vries woont op Kerkstraat 12, 5038 AB Tilburg."
    rec._nlp = _FakeNlp([("Sanne de Vries", "PERSON"), ("Kerkstraat 12, 5038 AB Tilburg", "ADDRESS")])
    everything = rec.analyze(text, [])
    assert [(text[r.start : r.end], r.entity_type, r.score) for r in everything] == [
        ("Sanne de Vries", "PERSON", 0.5), ("Kerkstraat 12, 5038 AB Tilburg", "ADDRESS", 0.6)]
    assert all(r.recognition_metadata["recognizer_name"] == "NerModelRecognizer" for r in everything)
    assert [r.entity_type for r in rec.analyze(text, ["ADDRESS"])] == ["ADDRESS"]
    assert rec.analyze(text, ["PHONE_NUMBER"]) == []


def test_a_trained_model_runs(recognizers: dict[str, NerModelRecognizer]) -> None:
    for rec in recognizers.values():
        results = rec.analyze("Groet,\nJan de Vries\nKerkstraat 12, 5038 AB Tilburg", [])
        assert all(r.entity_type in ("PERSON", "ADDRESS") and 0 <= r.start < r.end for r in results)


def test_no_vocabulary_growth(recognizers: dict[str, NerModelRecognizer]) -> None:
    rec = recognizers["en"]
    rec.analyze("warm-up text", [])
    before = len(rec._nlp.vocab.strings)
    rec.analyze("Xylophonist Quentarius Blomqvistsson visited Zzyzx Road 42 yesterday", [])
    assert len(rec._nlp.vocab.strings) == before


def test_thread_safe(recognizers: dict[str, NerModelRecognizer]) -> None:
    texts = [f"Beste {n},\n\nMijn collega {n} de Boer woont op Dorpsstraat {i}, 1234 AB Ede.\n\nGroet, Piet"
             for i, n in enumerate(["Anna", "Bram", "Cor", "Dirk", "Eva", "Fenna", "Gijs", "Hanna"], start=1)]
    expected = [recognizers["nl"].spans(t) for t in texts]
    got: dict[int, list[tuple[int, int, str]]] = {}

    def work(i: int) -> None:
        for _ in range(5):
            got[i] = recognizers["nl"].spans(texts[i])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [got[i] for i in range(len(texts))] == expected


def test_models_use_the_plain_tokenizer(recognizers: dict[str, NerModelRecognizer]) -> None:
    """Without the language's ~9,000 special cases a model loads in a tenth of the time (scrubber.ner.tokenizer)."""
    for rec in recognizers.values():
        assert rec._nlp.config["nlp"]["tokenizer"]["@tokenizers"] == TOKENIZER
        assert rec._nlp.tokenizer.rules == {}
        assert [t.text for t in rec._nlp.make_doc("J.de Vries, Kerkstraat 12a.")] == [
            "J.de", "Vries", ",", "Kerkstraat", "12a", "."]


def test_quick_to_load(models_dir: Path) -> None:
    for lang in LANGS:
        path = model_path(lang, models_dir)
        assert path is not None
        started = time.perf_counter()
        NerModelRecognizer(lang, path)
        assert time.perf_counter() - started < 3.0  # about 0.1-0.2 s here; generous for a busy machine
