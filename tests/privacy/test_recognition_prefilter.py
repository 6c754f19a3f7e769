"""The rule prefilter (``privacy.recognition.prefilter``) changes the speed of recognition, never its answer.

The equality is checked on every training message and every TUNE record of the dev corpora (never a
test part); the character folding it rests on is checked against the regex engine for every code point.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from privacy.recognition import prefilter as pf
from privacy.recognition import recognize, recognizer
from privacy.recognition.lexicon import rx
from privacy.recognition.rules import RULES
from privacy.recognition.vote import decide, score

ROOT = Path(__file__).resolve().parents[2]


def _train_module() -> Any:
    spec = importlib.util.spec_from_file_location("scrubdesk_privacy_train", ROOT / "training" / "privacy" / "train.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


def _messages() -> list[str]:
    train = _train_module()
    texts = [d.text for path in sorted((ROOT / "training" / "privacy").glob("*.txt")) for d in train.parse_blocks(path)]
    split = train._split_module()
    for corpus in train.TUNE_CORPORA:
        if corpus.is_file():  # ../shared/eval beside the repository; the training files suffice without it
            texts.extend(json.loads(line)["text"] for line in split.part_lines(corpus, "tune"))
    return texts


def _answers(texts: list[str]) -> list[tuple[Any, ...]]:
    out = []
    for text in texts:
        r = recognize(text)
        out.append((r.labels, r.reasons, r.possible))
    return out


def test_the_prefiltered_scan_answers_exactly_as_the_full_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _messages()
    assert len(texts) > 1500
    # the caches of the personal-data checks hold answers, not rules: clear them so neither run reuses the other's
    recognizer._pd_in.cache_clear()
    recognizer._has_personal_data.cache_clear()
    fast = _answers(texts)
    monkeypatch.setattr(recognizer, "_INDEX", pf.TriggerIndex(RULES, prefilter=False))
    full = _answers(texts)
    differ = [i for i, (a, b) in enumerate(zip(fast, full, strict=True)) if a != b]
    assert not differ, f"{len(differ)} messages answered differently, first at {differ[:5]}"
    assert sum(bool(labels) for labels, _, _ in fast) > 500 and any(possible for _, _, possible in fast)


def test_checking_only_the_types_the_model_scored_high_answers_as_checking_all() -> None:
    # recognize() runs model_may_label's checks only for types scored at the vote's model floor or above
    differ = []
    for i, text in enumerate(_messages()):
        own, quoted = recognizer.reading(text)
        r = recognize(text)
        if recognizer.BULK_FOOTER.search(text):
            continue
        found, held, negated = recognizer.rule_findings(text)
        full = decide(found, score(f"{own}\n{quoted}" if quoted else own), r.lang, held=held, negated=negated,
                      model_labels=recognizer.model_may_label(own, found, quoted))
        if (full.labels, full.reasons, full.possible) != (r.labels, r.reasons, r.possible):
            differ.append(i)
    assert not differ, f"{len(differ)} messages answered differently, first at {differ[:5]}"


def test_most_rules_have_literals_and_a_message_selects_few_rules() -> None:
    index = pf.TriggerIndex(RULES)
    assert sum(literals is not None for literals in index.literals) >= len(RULES) - 2
    present = index.present("Hi, the site has been down since noon. Can you look at it?")
    assert len(index.select(present)) < len(RULES) // 2
    assert len(pf.TriggerIndex(RULES, prefilter=False).select(frozenset())) == len(RULES)


def test_required_literals_of_alternations_groups_and_repeats() -> None:
    assert pf.required_literals(rx(r"\bverwijder\w*", r"\bDELET\w*")) == frozenset({"verwijder", "delet"})
    assert pf.required_literals(rx(r"\brecht (?:op|van) inzage\b")) == frozenset({" inzage"})  # the longest run
    assert pf.required_literals(rx(r"\b(?:mijn|my) (?:data|gegevens)\b")) is not None
    assert pf.required_literals(rx(r"\bstop\b", r"[^.?!\n]{0,30}\bmeer\b")) == frozenset({"stop", "meer"})
    # a branch that needs no literal at all: no filter for the pattern
    assert pf.required_literals(rx(r"\bstop\b", r"\w+\b")) is None
    assert pf.required_literals(rx(r"(?:ab)?\d+")) is None


def test_every_trigger_match_holds_one_of_its_literals() -> None:
    index = pf.TriggerIndex(RULES)
    samples = [
        "Verwijder al mijn persoonsgegevens.", "Please DELETE my personal data.", "Löschen Sie meine Daten.",
        "Je m'oppose au traitement.", "I object to the processing of my data.", "Stuur me geen nieuwsbrief meer.",
        "Ich widerspreche der Verarbeitung.", "Send me a copy of my data.", "My surname is misspelt.",
    ]
    hits = 0
    for rule, literals in zip(index.rules, index.literals, strict=True):
        for text in samples:
            for m in rule.trigger.finditer(text):
                hits += 1
                assert literals is None or any(s in pf.fold(m.group()) for s in literals), (rule.name, text)
    assert hits > 10


def _raw_literal_characters() -> set[str]:
    chars: set[str] = set()
    for rule in RULES:
        chars.update("".join(pf.raw_literals(rule.trigger) or ()))
    return chars


def test_fold_equates_what_ignorecase_equates_for_every_code_point() -> None:
    # Every character the regex engine matches to a literal character under IGNORECASE folds to that
    # character's fold: so a trigger match in a sentence is a literal found in the folded text.
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    chars = _raw_literal_characters()
    assert len(chars) > 30
    for p in sorted(chars):
        for t in set(re.findall(re.escape(p), every, re.IGNORECASE)):
            assert pf.fold(t) == pf.fold(p), (p, t)
