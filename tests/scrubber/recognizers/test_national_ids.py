"""NATIONAL_ID: BSN (11-proef), Belgian national number, UK NINO (values are fictional; checksummed ones valid)."""

from __future__ import annotations

import re

import pytest

from scrubber.recognizers import national_ids
from tests.scrubber.checks import TableCheck, check_first_letter_guard, check_rewritten_pattern, guarded_patterns

# (message, value, expected type)
POSITIVE = [
    # NATIONAL_ID: BSN (11-proef) in several spellings, Belgian national number, UK NINO
    ("Mijn BSN is 111222333.", "111222333", "NATIONAL_ID"),
    ("burgerservicenummer: 123.456.782", "123.456.782", "NATIONAL_ID"),
    ("bsn 123 456 782 graag verwerken", "123 456 782", "NATIONAL_ID"),
    ("Rijksregisternummer 85.07.30-033.28, wonend te Gent", "85.07.30-033.28", "NATIONAL_ID"),
    ("My NI number is HZ 12 34 56 A thanks", "HZ 12 34 56 A", "NATIONAL_ID"),
]

# (message, value that must NOT be reported as this type)
NEGATIVE = [
    ("Mijn BSN is 111222334.", "111222334", "NATIONAL_ID"),  # fails the 11-proef
    ("Mijn klantnummer is 123456782.", "123456782", "NATIONAL_ID"),  # a customer number, not a BSN
    ("ordernummer 191069512 is betaald", "191069512", "NATIONAL_ID"),
]


@pytest.mark.parametrize(("text", "value", "etype"), POSITIVE)
def test_recognised(assert_recognised: TableCheck, text: str, value: str, etype: str) -> None:
    assert_recognised(text, value, etype)


@pytest.mark.parametrize(("text", "value", "etype"), NEGATIVE)
def test_not_recognised_as(assert_not_recognised_as: TableCheck, text: str, value: str, etype: str) -> None:
    assert_not_recognised_as(text, value, etype)


@pytest.mark.parametrize(
    ("fast", "plain"),
    [
        (national_ids._BSN, r"(?<![\w.,/+-])(?:\d{9}|\d{3}([ .-])\d{3}\1\d{3}|\d{4}([ .])\d{2}\2\d{3}"
                            r"|\d{2}\.\d{3}\.\d{2}\.\d{2})(?!\w|[.,/-]\d)"),
        (national_ids._BE_NN, r"(?<![\w.,/+-])\d{2}\.?\d{2}\.?\d{2}[-. ]?\d{3}[-. ]?\d{2}(?!\w|[.,/-]\d)"),
        (national_ids._NINO, r"(?<![\w])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
                             r"(?P<sep>[ -]?)\d{2}(?P=sep)\d{2}(?P=sep)\d{2}(?P=sep)[A-D](?!\w)"),
    ],
    ids=["bsn", "be_nn", "nino"],
)
def test_rewritten_patterns_find_what_their_plain_form_finds(fast: re.Pattern[str], plain: str) -> None:
    check_rewritten_pattern(fast, plain)


@pytest.mark.parametrize("pattern", guarded_patterns(national_ids), ids=lambda p: p.pattern[:40])
def test_first_letter_guards_change_no_match(pattern: re.Pattern[str]) -> None:
    check_first_letter_guard(pattern)
