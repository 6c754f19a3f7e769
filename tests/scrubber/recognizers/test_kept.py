"""Kept identifiers (customer, invoice, KvK and VAT numbers, IP addresses, domains): reported, not stripped."""

from __future__ import annotations

import re

import pytest

from scrubber.engine import Scrubber
from scrubber.recognizers import kept
from scrubber.recognizers.base import Rule
from tests.scrubber.checks import (
    TableCheck,
    check_first_letter_guard,
    check_hinted_runs,
    check_rewritten_pattern,
    check_stems_in_every_match,
    guarded_patterns,
)

# (message, value, expected type)
POSITIVE = [
    # kept types are reported with action keep
    ("Mijn klantnummer is 123456782.", "123456782", "CUSTOMER_NUMBER"),
    ("factuur F2024-00123 klopt niet", "F2024-00123", "INVOICE_NUMBER"),
    ("Offerte 2024-0456 akkoord", "2024-0456", "INVOICE_NUMBER"),
    ("KvK 17272632", "17272632", "KVK_NUMBER"),
    ("btw-nummer NL821792234B01", "NL821792234B01", "VAT_NUMBER"),
    ("my server 178.81.101.230 is blocked", "178.81.101.230", "IP_ADDRESS"),
    ("IPv6 2001:db8::1 too", "2001:db8::1", "IP_ADDRESS"),
    ("site bakkerij-jansen.nl is down", "bakkerij-jansen.nl", "DOMAIN"),
    ("zie https://mail.example.com/login?x=1.", "https://mail.example.com/login?x=1", "DOMAIN"),
]


@pytest.mark.parametrize(("text", "value", "etype"), POSITIVE)
def test_recognised(assert_recognised: TableCheck, text: str, value: str, etype: str) -> None:
    assert_recognised(text, value, etype)


def test_kept_types_are_reported_as_keep(scrubber: Scrubber) -> None:
    text = "klantnummer 104233, factuur F2025-004317, KvK 17272632, ip 178.81.101.230, site jansen.nl"
    entities = scrubber.analyze(text).entities
    assert {e.type for e in entities} >= {"CUSTOMER_NUMBER", "INVOICE_NUMBER", "KVK_NUMBER", "IP_ADDRESS", "DOMAIN"}
    assert all(e.action == "keep" for e in entities)


@pytest.mark.parametrize(
    ("pattern", "stems"), [(r.pattern, r.stems) for r in kept.RULES if r.stems],
    ids=lambda v: getattr(v, "pattern", "")[:30],
)
def test_stems_are_in_every_match(pattern: re.Pattern[str], stems: tuple[str, ...]) -> None:
    check_stems_in_every_match(pattern, stems)


@pytest.mark.parametrize("rule", [r for r in kept.RULES if r.hint is not None], ids=lambda r: r.pattern.pattern[:30])
def test_hinted_runs_find_the_same_matches(rule: Rule) -> None:
    check_hinted_runs(rule)


@pytest.mark.parametrize(
    ("fast", "plain"),
    [
        (kept._VAT, r"(?<![\w])(?:NL\s?\d{9}\s?B\s?\d{2}|BE\s?[01]?\d{3}[. ]?\d{3}[. ]?\d{3}"
                    r"|DE\s?\d{3}\s?\d{3}\s?\d{3}|GB\s?\d{3}\s?\d{4}\s?\d{2}|FR\s?[0-9A-Z]{2}\s?\d{9}"
                    r"|(?:AT|PL|ES|IT|LU|DK|SE|FI|IE|PT|CZ)[A-Z0-9]{8,12})(?![\w])"),
    ],
    ids=["vat"],
)
def test_rewritten_patterns_find_what_their_plain_form_finds(fast: re.Pattern[str], plain: str) -> None:
    check_rewritten_pattern(fast, plain)


@pytest.mark.parametrize("pattern", guarded_patterns(kept), ids=lambda p: p.pattern[:40])
def test_first_letter_guards_change_no_match(pattern: re.Pattern[str]) -> None:
    check_first_letter_guard(pattern)
