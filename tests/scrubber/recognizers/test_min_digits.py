"""``min_digits`` reads from a pattern's parse tree how many digits a text holding a match holds at least.

A figure too high would let ``scrubber.analysis_pass`` skip a recognizer that could have found something, so
every construct that makes a digit optional, one alternative among others, or possibly the same character as
another (a look-around) must not count it.
"""

from __future__ import annotations

import random
import re

import pytest

from scrubber.recognizers.base import DIGITS_CAP, Rule, RuleRecognizer, count_digits, min_digits


@pytest.mark.parametrize(
    ("pattern", "digits"),
    [
        (r"\d", 1),
        (r"[0-9]{2}", 2),
        (r"ab7", 1),
        (r"(?:x|y)\d", 1),
        (r"(?P<v>\d+)", 1),
        (r"(?i:nr)[ ]?\d{3,}", 3),
        (r"\d(?:[ .-]?\d){5}", 6),
        (r"[0-9]{2}-\d{4}", 6),
        (r"1|\d\d|[5-6]", 1),
        (r"(?>\d)\d", 2),
        (r"x\d++", 1),
        (r"[0-4][5-9]", 2),
        (r"(?=\d)\w+", 1),
        (r"(?=\d\d\d)\d", 3),
        (r"\d(?<=\d)", 1),
        (r"(?<![\w])\d(?<!1\d)", 1),
        (r"x(?:(?<=\d)y)\d", 1),
        (r"(?:\d\d|\d{4}){2}", 4),
    ],
)
def test_the_fewest_digits_every_match_needs(pattern: str, digits: int) -> None:
    assert min_digits(re.compile(pattern)) == digits


@pytest.mark.parametrize(
    "pattern",
    [
        r"\d?",
        r"\d*x",
        r"(?!\d)x",
        r"(?<!\d)x",
        r"a|\d",
        r"[^0-9]",
        r"\w",
        r"[\da-z]",
        r"[0-9.]",
        r"\D",
        r"(?:\d|x){0,3}",
        r"(a)?\d{0}",
        r"x(?=a|\d)",
        r"[٠-٩]",
        r"nul|één|twee",
    ],
)
def test_patterns_with_a_match_without_a_digit(pattern: str) -> None:
    assert min_digits(re.compile(pattern)) == 0


def test_a_rule_recognizer_needs_what_its_least_demanding_rule_needs() -> None:
    seven = Rule("NUMBER", re.compile(r"\d{7}"))
    gated = Rule("NUMBER", re.compile(r"[A-Z]{2}\w+"), gate=re.compile(r"\d{2}"))
    letters = Rule("NUMBER", re.compile(r"[A-Z]{2}\w+"))
    assert RuleRecognizer("a", [seven, gated], "nl").digits_needed == 2
    assert RuleRecognizer("b", [seven], "nl").digits_needed == 7
    assert RuleRecognizer("c", [seven, letters], "nl").digits_needed == 0

    class Filtered(RuleRecognizer):
        def analyze(self, text, entities, nlp_artifacts=None):  # type: ignore[no-untyped-def]
            return []

    assert Filtered("d", [seven], "nl").digits_needed == 0  # its own analyze may find more than its rules
    assert Filtered("d", [seven], "nl").rules_digits_needed == 7


def test_count_digits_counts_what_the_patterns_call_a_digit() -> None:
    """``count_digits`` is exact below ``DIGITS_CAP`` (``\\d`` with Arabic-Indic and full-width digits too), at least
    the cap above it, and asked again about an equal text of its own it counts that one (issue 19)."""
    rng = random.Random(19)
    pieces = ("7", "12", "a", " ", "\n", "٣", "５", "é", "x" * 1500, "0123456789")
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        true = len(re.findall(r"\d", text))
        got = count_digits(text)
        assert got == true if true < DIGITS_CAP else got >= DIGITS_CAP, text
        assert count_digits(text) == got  # (remembered)
    first, second = "".join(["1", "2"]), "".join(["a", "b"])
    assert (count_digits(first), count_digits(second), count_digits(first)) == (2, 0, 2)


def test_a_rule_is_skipped_only_where_it_cannot_match() -> None:
    """Each rule of a ``RuleRecognizer`` runs only on a text with its pattern's and gate's digits (issue 19); the
    results are those of every rule run."""
    rules = [
        Rule("NUMBER", re.compile(r"\d{7}"), score=0.6),
        Rule("NUMBER", re.compile(r"[A-Z]{2}\d"), score=0.5),
        Rule("NUMBER", re.compile(r"[A-Z]{3}\w*"), score=0.4, gate=re.compile(r"\d{3}")),
    ]
    recognizer = RuleRecognizer("r", rules, "nl")
    for text in ("AB1 ABC", "AB1 ABC 12", "AB1 ABC 123", "1234567 XYZ", "٣٣٣ ABC", "no digits"):
        expected = []
        for rule in rules:
            if rule.gate is not None and rule.gate.search(text) is None:
                continue
            expected += [(m.start(), m.end(), rule.score) for m in rule.pattern.finditer(text)]
        got = [(r.start, r.end, r.score) for r in recognizer.analyze(text, [])]
        assert got == expected, text
