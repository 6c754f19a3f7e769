"""LICENSE_PLATE: Dutch (RDW sidecodes) and Belgian number plates."""

from __future__ import annotations

import re

import pytest

from scrubber.recognizers import plates
from scrubber.recognizers.base import Rule
from tests.scrubber.checks import (
    TableCheck,
    check_context_stems,
    check_first_letter_guard,
    check_hinted_runs,
    guarded_patterns,
)

# (message, value, expected type)
POSITIVE = [
    # LICENSE_PLATE
    ("mijn kenteken is 12-ABC-3", "12-ABC-3", "LICENSE_PLATE"),
    ("de auto XB-123-Z staat voor de deur", "XB-123-Z", "LICENSE_PLATE"),
]


@pytest.mark.parametrize(("text", "value", "etype"), POSITIVE)
def test_recognised(assert_recognised: TableCheck, text: str, value: str, etype: str) -> None:
    assert_recognised(text, value, etype)


@pytest.mark.parametrize("rule", [r for r in plates.RULES if r.hint is not None], ids=lambda r: r.pattern.pattern[:30])
def test_hinted_runs_find_the_same_matches(rule: Rule) -> None:
    check_hinted_runs(rule)


@pytest.mark.parametrize("rule", [r for r in plates.RULES if r.context_stems], ids=lambda r: r.entity)
def test_context_stems_or_hint_are_in_every_context_match(rule: Rule) -> None:
    check_context_stems(rule)


@pytest.mark.parametrize("pattern", guarded_patterns(plates), ids=lambda p: p.pattern[:40])
def test_first_letter_guards_change_no_match(pattern: re.Pattern[str]) -> None:
    check_first_letter_guard(pattern)
