"""DATE_OF_BIRTH: dates only with a birth cue."""

from __future__ import annotations

import re

import pytest

from scrubber.recognizers import dates
from scrubber.recognizers.base import Rule
from tests.scrubber.checks import TableCheck, check_context_stems, check_first_letter_guard, guarded_patterns

# (message, value, expected type)
POSITIVE = [
    # DATE_OF_BIRTH only with a birth cue
    ("Ik ben geboren op 3 maart 1985 in Breda", "3 maart 1985", "DATE_OF_BIRTH"),
    ("DOB: 1985-03-03", "1985-03-03", "DATE_OF_BIRTH"),
    ("geb. 03-03-1985", "03-03-1985", "DATE_OF_BIRTH"),
    ("I was born on March 3, 1985.", "March 3, 1985", "DATE_OF_BIRTH"),
]

# (message, value that must NOT be reported as this type)
NEGATIVE = [
    ("Op 3 maart 2025 heb ik betaald", "3 maart 2025", "DATE_OF_BIRTH"),
]


@pytest.mark.parametrize(("text", "value", "etype"), POSITIVE)
def test_recognised(assert_recognised: TableCheck, text: str, value: str, etype: str) -> None:
    assert_recognised(text, value, etype)


@pytest.mark.parametrize(("text", "value", "etype"), NEGATIVE)
def test_not_recognised_as(assert_not_recognised_as: TableCheck, text: str, value: str, etype: str) -> None:
    assert_not_recognised_as(text, value, etype)


@pytest.mark.parametrize("rule", [r for r in dates.RULES if r.context_stems], ids=lambda r: r.entity)
def test_context_stems_or_hint_are_in_every_context_match(rule: Rule) -> None:
    check_context_stems(rule)


@pytest.mark.parametrize("pattern", guarded_patterns(dates), ids=lambda p: p.pattern[:40])
def test_first_letter_guards_change_no_match(pattern: re.Pattern[str]) -> None:
    check_first_letter_guard(pattern)
