"""The training data generator and the training command (training/ner), on a tiny scale."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from scrubber.ner import ner_recognizer
from training.ner import shapes
from training.ner.compose import LABELS, Composer, join, parse
from training.ner.train import build_nlp, main, to_example
from training.ner.values import ValueMaker


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer("nl", random.Random(1))


def test_parse_template() -> None:
    assert parse("Hoi {AGENT},//Groet {ME}") == [("Hoi ", False), ("AGENT", True), (",\nGroet ", False), ("ME", True)]


def test_messages_have_exact_aligned_spans(composer: Composer) -> None:
    nlp = build_nlp("nl", 8, 1, (50, 50, 50, 50), 8, 2)
    labels = set()
    dropped = 0
    for _ in range(300):
        pieces = composer.message()
        text, spans = join(pieces)
        for start, end, label in spans:
            value = text[start:end]
            assert value == value.strip() and value, (text, spans)
            assert any(label == lab and value in piece for piece, lab in pieces)
            labels.add(label)
        dropped += to_example(nlp, pieces) is None
    assert labels == set(LABELS)
    assert dropped <= 3  # values fall on token boundaries


def test_swapped_record_keeps_other_values() -> None:
    record = {
        "id": "x", "lang": "nl",
        "text": "Hoi Lotte,\n\nMijn vrouw MARIEKE wil inloggen op bakker.nl.\n\nGroet,\nMarieke Bakker\nBakker BV\n"
                "Kerkstraat 12, 5038 AB Tilburg",
        "entities": [{"type": "PERSON", "value": "Lotte"}, {"type": "PERSON", "value": "MARIEKE"},
                     {"type": "PERSON", "value": "Marieke Bakker"}, {"type": "DOMAIN", "value": "bakker.nl"},
                     {"type": "ORGANIZATION", "value": "Bakker BV"},
                     {"type": "ADDRESS", "value": "Kerkstraat 12, 5038 AB Tilburg"}],
    }
    pieces = shapes.swapped(record, ValueMaker("nl", random.Random(3)))
    text, spans = join(pieces)
    values = [(text[s:e], label) for s, e, label in spans]
    assert [label for _, label in values] == ["PERSON", "PERSON", "PERSON", "ADDRESS"]
    assert "bakker.nl" in text and "Bakker BV" in text  # not a PERSON/ADDRESS: left as it was
    _lotte, upper, full, _address = (v for v, _ in values)
    assert upper.isupper() and full.split()[0].upper() == upper  # one mapping per message, casing kept
    assert "Lotte" not in text and "Marieke" not in text


def test_tune_records_exclude_test_and_hold_out_a_fifth(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "text": "t", "entities": []}) + "\n" for i in range(20)))
    train, holdout = shapes.tune_records(corpus)
    tune_ids = [i for i in range(20) if i % 5 != 4]  # eval/split.py: index % 5 == 4 is TEST
    assert sorted(r["id"] for r in train + holdout) == tune_ids
    assert [r["id"] for r in holdout] == [tune_ids[i] for i in range(0, len(tune_ids), 5)]


def test_training_command_writes_a_loadable_model(tmp_path: Path) -> None:
    out = tmp_path / "models" / "nl"
    args = ["--lang", "nl", "--out", str(out), "--docs", "40", "--dev-docs", "10", "--epochs", "1",
            "--no-corpora", "--width", "8", "--depth", "1", "--hidden", "8", "--rows", "64", "64", "64", "64"]
    assert main(args) == 0
    meta = json.loads((out / "meta.json").read_text())
    assert meta["name"] == "scrubdesk_ner_nl" and meta["training"]["docs"] == 40
    assert json.loads((out / "vocab" / "strings.json").read_text()) == []
    rec = ner_recognizer("nl", models_dir=out.parent)
    assert rec is not None
    assert isinstance(rec.analyze("Groet, Jan de Vries", []), list)
