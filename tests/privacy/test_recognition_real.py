"""Recognition on support text not written by us (issue 18): ordinary chat in the words of a request.

Bitext's customer-service utterances (``eval/bitext_support_en.jsonl``) showed the model labelling alone what
the message only seems to name: subscribing read as an objection, "information about order cancellations" as
access, "I have forgotten to include an item" as erasure, "change my shipping address" as rectification, and
short ordinary chat flagged as a possible request for its request score alone. The sentences below are written
for these tests; the last test scores the corpus's tune part (never its test part, ``eval/split.py``).
``model_may_label`` assertions hold whatever the shipped model scores.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from privacy.recognition import RequestType, recognize
from privacy.recognition.model import ANY, TYPES
from privacy.recognition.recognizer import model_may_label, rule_labels
from privacy.recognition.vote import Thresholds, decide

A, R, E, S, P, OBJ = (RequestType.ACCESS, RequestType.RECTIFICATION, RequestType.ERASURE, RequestType.RESTRICTION,
                    RequestType.PORTABILITY, RequestType.OBJECTION)
ROOT = Path(__file__).resolve().parents[2]


def may(text: str) -> frozenset[RequestType]:
    found, _held = rule_labels(text)
    return model_may_label(text, found)


@pytest.mark.parametrize("text", [
    "could you help me sign up for your newsletter?",
    "Ik wil me graag aanmelden voor de nieuwsbrief.",
    "Je voudrais m'abonner à votre newsletter.",
])
def test_opting_in_is_no_objection(text: str) -> None:
    assert OBJ not in may(text)


@pytest.mark.parametrize("text", [
    "please unsubscribe me from the newsletter",
    "I never subscribed to your newsletter, stop sending it.",
    "Ik heb me nooit aangemeld voor die nieuwsbrief, haal me eraf.",
])
def test_opting_out_may_still_be_an_objection(text: str) -> None:
    assert OBJ in may(text)


@pytest.mark.parametrize(("text", "label"), [
    ("I have forgotten to add the charger to my order", E),
    ("would you give me information about a forgotten password?", E),
    ("could you give me information about delivery times?", A),
    ("where can I switch to my other profile?", P),
    ("I need to buy three of your lamps", S),
    ("could you help me change my shipping address?", R),
])
def test_a_word_in_another_sense_is_no_cue(text: str, label: RequestType) -> None:
    assert label not in may(text)


@pytest.mark.parametrize(("text", "label"), [
    ("I want to be forgotten by your company", E),
    ("Give me information about me: what do you keep?", A),
    ("Please export everything I entered as a CSV so I can take it to another provider.", P),
    ("Until you have checked it, please don't use the payment note about me.", S),
    ("I moved, please update my address in your records.", R),
])
def test_the_cue_of_a_request_stays(text: str, label: RequestType) -> None:
    assert label in may(text)


def test_the_delivery_address_of_an_order_is_no_rectification_rule() -> None:
    found, _held = rule_labels("Can you change the delivery address of order 4411 to my office?")
    assert R not in found
    found, _held = rule_labels("My address is wrong on my account, please change it.")
    assert R in found


def test_a_request_score_without_any_rights_words_needs_possible_bare() -> None:
    t = Thresholds()
    scores = {**{k: 0.01 for k in TYPES}, ANY: (t.possible + t.possible_bare) / 2}
    assert not decide({}, scores, "en", t, model_labels=frozenset()).possible
    assert decide({}, scores, "en", t, model_labels=frozenset({E})).possible
    assert decide({}, {**scores, ANY: t.possible_bare}, "en", t, model_labels=frozenset()).possible


def test_vague_requests_in_unusual_words_stay_possible() -> None:
    for text in ("Kunnen jullie zorgen dat ik nergens meer in sta?", "I don't want to be in your system anymore."):
        result = recognize(text)
        assert result.labels or result.possible, text


def _tune_part() -> list[dict[str, object]]:
    spec = importlib.util.spec_from_file_location("eval_split", ROOT / "eval" / "split.py")
    assert spec is not None and spec.loader is not None
    split = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(split)
    return [json.loads(line) for line in split.part_lines(ROOT / "eval" / "bitext_support_en.jsonl", "tune")]


def test_ordinary_chat_not_written_by_us_raises_few_false_alarms() -> None:
    # measured on the tune part: 2.1% false alarms and 21% possible before issue 18's changes, 0% and 11.5% after
    negatives = [r for r in _tune_part() if not r["ambiguous"] and not r["labels"]]
    results = [recognize(str(r["text"])) for r in negatives]
    assert len(negatives) > 1000
    assert sum(bool(r.labels) for r in results) / len(results) <= 0.01
    assert sum(r.possible and not r.labels for r in results) / len(results) <= 0.15
