"""``min_digits`` reads from a pattern's parse tree how many digits a text holding a match holds at least.

A figure too high would let ``scrubber.analysis_pass`` skip a recognizer that could have found something, so
every construct that makes a digit optional, one alternative among others, or possibly the same character as
another (a look-around) must not count it.
"""

from __future__ import annotations

import re

import pytest

from scrubber.recognizers.base import Rule, RuleRecognizer, min_digits


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
