"""PHONE_NUMBER (number plans of NL/BE/DE/GB/FR and international) and EMAIL_ADDRESS."""

from __future__ import annotations

import re

import pytest

from scrubber.engine import Scrubber
from scrubber.recognizers import contact
from scrubber.recognizers.base import Rule
from tests.scrubber.checks import TableCheck, check_hinted_runs, check_rewritten_pattern

# (message, value, expected type)
POSITIVE = [
    # a "+" number right after a comma: a cell of a pasted CSV row (issue 16)
    ("id,name,phone\n4,Mira,+48 601 234 567,PL", "+48 601 234 567", "PHONE_NUMBER"),
    # PHONE_NUMBER: NL/BE/DE/GB/FR and international formats
    ("bel me op 06-12345678 aub", "06-12345678", "PHONE_NUMBER"),
    ("Tel. +31 6 1234 5678", "+31 6 1234 5678", "PHONE_NUMBER"),
    ("kantoor (013) 711 37 01", "(013) 711 37 01", "PHONE_NUMBER"),
    ("GSM 0470 12 34 56", "0470 12 34 56", "PHONE_NUMBER"),
    ("ring 020 7946 0018 after five", "020 7946 0018", "PHONE_NUMBER"),
    ("Handy: +49 30 1234567", "+49 30 1234567", "PHONE_NUMBER"),
    ("portable +33 6 12 34 56 78", "+33 6 12 34 56 78", "PHONE_NUMBER"),
    ("bellen naar 0031 20 794 3318", "0031 20 794 3318", "PHONE_NUMBER"),
    # any region a Dutch host hears from, in national formats (libphonenumber's plans), with extensions
    ("Phone: (415) 555-2671", "(415) 555-2671", "PHONE_NUMBER"),
    ("his direct line is 212-555-0187.", "212-555-0187", "PHONE_NUMBER"),
    ("Phone: (415) 555-2671 ext. 204\nThanks", "(415) 555-2671 ext. 204", "PHONE_NUMBER"),
    ("Direct line: 020 7946 0958 x 221", "020 7946 0958 x 221", "PHONE_NUMBER"),
    ("Mobile: 0044 7700 900 123", "0044 7700 900 123", "PHONE_NUMBER"),
    ("Mobile 07700 900123 (Ofcom drama range)", "07700 900123", "PHONE_NUMBER"),
    ("bereikbaar via 040 - 212 34 56, toestel 214 of mobiel", "040 - 212 34 56, toestel 214", "PHONE_NUMBER"),
    ("Tel. 030 901820 (Berlin)", "030 901820", "PHONE_NUMBER"),
    ("Téléphone : 01 42 68 53 00", "01 42 68 53 00", "PHONE_NUMBER"),
    ("ofis +90 212 555 12 34", "+90 212 555 12 34", "PHONE_NUMBER"),
    ("mijn broer: +212 6 12 34 56 78", "+212 6 12 34 56 78", "PHONE_NUMBER"),
    ("Paramaribo +597 812 3456", "+597 812 3456", "PHONE_NUMBER"),
    ("WA +62 812 3456 7890", "+62 812 3456 7890", "PHONE_NUMBER"),
    ("komórka +48 601 234 567", "+48 601 234 567", "PHONE_NUMBER"),
    # spelled out, in Dutch and English
    ("bel me op nul zes een twee drie vier vijf zes zeven acht", "nul zes een twee drie vier vijf zes zeven acht",
     "PHONE_NUMBER"),
    ("Bel me terug op nul zes, eenentwintig, vijftien, drieënveertig, zesennegentig. Groet",
     "nul zes, eenentwintig, vijftien, drieënveertig, zesennegentig", "PHONE_NUMBER"),
    ("call me on zero seven seven double oh nine double oh one two three",
     "zero seven seven double oh nine double oh one two three", "PHONE_NUMBER"),
    # EMAIL_ADDRESS
    ("mail piet.de-vries+hosting@gmail.com graag", "piet.de-vries+hosting@gmail.com", "EMAIL_ADDRESS"),
]

# (message, value that must NOT be reported as this type)
NEGATIVE = [
    ("KvK 17272632", "17272632", "PHONE_NUMBER"),
    ("the server 10.0.0.1 answered", "10.0.0.1", "PHONE_NUMBER"),
    ("datum 04-09-1991 staat op de factuur", "04-09-1991", "PHONE_NUMBER"),
    ("Mijn IBAN is NL91 ABNA 0417 1643 00", "NL91", "PHONE_NUMBER"),
    ("ik heb een, twee of drie sites en vier domeinen", "een, twee of drie", "PHONE_NUMBER"),
    ("version 10.0.19045 build", "10.0.19045", "PHONE_NUMBER"),
    ("factuur 2025-0412 en 2025-0413", "2025-0412", "PHONE_NUMBER"),
]


@pytest.mark.parametrize(("text", "value", "etype"), POSITIVE)
def test_recognised(assert_recognised: TableCheck, text: str, value: str, etype: str) -> None:
    assert_recognised(text, value, etype)


@pytest.mark.parametrize(("text", "value", "etype"), NEGATIVE)
def test_not_recognised_as(assert_not_recognised_as: TableCheck, text: str, value: str, etype: str) -> None:
    assert_not_recognised_as(text, value, etype)


def test_email_contains_domain_once(scrubber: Scrubber) -> None:
    text = "schrijf naar info@bakkerij-jansen.nl"
    ents = scrubber.analyze(text).entities
    assert [(e.type, text[e.start : e.end]) for e in ents] == [("EMAIL_ADDRESS", "info@bakkerij-jansen.nl")]


@pytest.mark.parametrize("rule", [r for r in contact.RULES if r.hint is not None], ids=lambda r: r.pattern.pattern[:30])
def test_hinted_runs_find_the_same_matches(rule: Rule) -> None:
    check_hinted_runs(rule)


@pytest.mark.parametrize(
    ("fast", "plain"),
    [
        (contact._PHONE_CANDIDATE, r"(?<![\w+/.:-])\+\d[\d \-–./()]{5,22}\d(?![\w]|[.,/-]\d)"
                                   r"|(?<![\w+/.,:-])00\d[\d \-–./()]{5,22}\d(?![\w]|[.,/-]\d)"
                                   r"|(?<![\w+/.,:-])\(?0\d[\d \-–./()]{6,18}\d(?![\w]|[.,/-]\d)"),
    ],
    ids=["phone"],
)
def test_rewritten_patterns_find_what_their_plain_form_finds(fast: re.Pattern[str], plain: str) -> None:
    check_rewritten_pattern(fast, plain)
