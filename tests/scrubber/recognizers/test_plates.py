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
    check_rewritten_pattern,
    guarded_patterns,
)

# (message, value, expected type)
POSITIVE = [
    # LICENSE_PLATE
    ("mijn kenteken is 12-ABC-3", "12-ABC-3", "LICENSE_PLATE"),
    ("de auto XB-123-Z staat voor de deur", "XB-123-Z", "LICENSE_PLATE"),
    ("kenteken 12ABC3", "12ABC3", "LICENSE_PLATE"),
    # Belgium (since 2010: 1-ABC-123), with and without dashes
    ("mijn nummerplaat is 1-ABC-123", "1-ABC-123", "LICENSE_PLATE"),
    ("nummerplaat 2ABC345", "2ABC345", "LICENSE_PLATE"),
    # UK (DVLA since 2001: two letters, two digits, three letters)
    ("The car was BD51 SMR, a silver Astra.", "BD51 SMR", "LICENSE_PLATE"),
    ("reg BD51SMR for the parking permit", "BD51SMR", "LICENSE_PLATE"),
    # Germany: district code, letters, digits (E/H suffixes); with and without the dash
    ("Kennzeichen HH-AB 1234", "HH-AB 1234", "LICENSE_PLATE"),
    ("Mein Auto steht vor Ihrem Büro, Kennzeichen M AB 123. Wo?", "M AB 123", "LICENSE_PLATE"),
    ("Duitse auto, kenteken KLE-XY 99E", "KLE-XY 99E", "LICENSE_PLATE"),
    ("Auto voor de parkeervergunning: B-MW 4711", "B-MW 4711", "LICENSE_PLATE"),
]

NEGATIVE = [
    ("We draaien PHP 8 en TLS 1.3", "TLS 1.3", "LICENSE_PLATE"),
    ("Postcode NW1 6XE", "NW1 6XE", "LICENSE_PLATE"),
    ("de CPU is een AMD EPYC 7543", "EPYC 7543", "LICENSE_PLATE"),
]


@pytest.mark.parametrize(("text", "value", "etype"), NEGATIVE)
def test_not_recognised_as(assert_not_recognised_as: TableCheck, text: str, value: str, etype: str) -> None:
    assert_not_recognised_as(text, value, etype)


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


@pytest.mark.parametrize(
    ("fast", "plain"),
    [
        (plates._UK, r"(?<![\w-])[A-HJ-PR-Y]{2}\d{2}(?P<s> ?)[A-HJ-PR-Z]{3}(?![\w-])"),
        (plates._DE_DASHED, r"(?<![\w-])[A-ZÄÖÜ]{1,3}-[A-Z]{1,2} ?\d{1,4}[EH]?(?![\w-])"),
        (plates._DE_SPACED, r"(?<![\w-])[A-ZÄÖÜ]{1,3} [A-Z]{1,2} \d{1,4}[EH]?(?![\w-])"),
    ],
    ids=["uk", "de_dashed", "de_spaced"],
)
def test_rewritten_patterns_find_what_their_plain_form_finds(fast: re.Pattern[str], plain: str) -> None:
    check_rewritten_pattern(fast, plain)
