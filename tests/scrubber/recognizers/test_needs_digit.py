"""``needs_digit`` reads from a pattern's parse tree whether every match needs a digit in the text.

A wrong True would let ``scrubber.analysis_pass`` skip a recognizer that could have found something, so
every construct that makes a digit optional or one alternative among others must give False.
"""

from __future__ import annotations

import re

import pytest

from scrubber.recognizers.base import Rule, RuleRecognizer, needs_digit


@pytest.mark.parametrize(
    "pattern",
    [
        r"\d",
        r"[0-9]{2}",
        r"ab7",
        r"(?:x|y)\d",
        r"(?P<v>\d+)",
        r"(?i:nr)[ ]?\d{3,}",
        r"(?=\d)\w+",
        r"1|\d|[5-6]",
        r"(?<![\w])\d(?<!1\d)",
        r"(?>\d)",
        r"x\d++",
        r"[0-4][5-9]",
    ],
)
def test_patterns_whose_every_match_holds_a_digit(pattern: str) -> None:
    assert needs_digit(re.compile(pattern)) is True


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
    assert needs_digit(re.compile(pattern)) is False


def test_a_rule_recognizer_needs_a_digit_only_when_every_rule_does() -> None:
    digit = Rule("NUMBER", re.compile(r"\d{7}"))
    gated = Rule("NUMBER", re.compile(r"[A-Z]{2}\w+"), gate=re.compile(r"\d{2}"))
    letters = Rule("NUMBER", re.compile(r"[A-Z]{2}\w+"))
    assert RuleRecognizer("a", [digit, gated], "nl").needs_digit
    assert not RuleRecognizer("b", [digit, letters], "nl").needs_digit

    class Filtered(RuleRecognizer):
        def analyze(self, text, entities, nlp_artifacts=None):  # type: ignore[no-untyped-def]
            return []

    assert not Filtered("c", [digit], "nl").needs_digit  # its own analyze may find more than its rules
    assert Filtered("c", [digit], "nl").rules_need_digit
