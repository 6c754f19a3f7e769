"""ID_DOCUMENT: passport, driving licence and identity card numbers after a cue word."""

from __future__ import annotations

import re

import pytest

from scrubber.recognizers import documents
from tests.scrubber.checks import TableCheck, check_first_letter_guard, check_stems_in_every_match, guarded_patterns

# (message, value, expected type)
POSITIVE = [
    # ID_DOCUMENT after a cue word
    ("Paspoortnummer: NW1K2L3P4", "NW1K2L3P4", "ID_DOCUMENT"),
    ("my passport number is SPECI2014 and it expires soon", "SPECI2014", "ID_DOCUMENT"),
    ("Rijbewijsnummer 4912345678 (categorie B)", "4912345678", "ID_DOCUMENT"),
    ("identiteitskaart nr. 591-1234567-89", "591-1234567-89", "ID_DOCUMENT"),
]

# (message, value that must NOT be reported as this type)
NEGATIVE = [
    ("mijn paspoort is verlopen", "verlopen", "ID_DOCUMENT"),
]


@pytest.mark.parametrize(("text", "value", "etype"), POSITIVE)
def test_recognised(assert_recognised: TableCheck, text: str, value: str, etype: str) -> None:
    assert_recognised(text, value, etype)


@pytest.mark.parametrize(("text", "value", "etype"), NEGATIVE)
def test_not_recognised_as(assert_not_recognised_as: TableCheck, text: str, value: str, etype: str) -> None:
    assert_not_recognised_as(text, value, etype)


@pytest.mark.parametrize(
    ("pattern", "stems"), [(r.pattern, r.stems) for r in documents.RULES if r.stems],
    ids=lambda v: getattr(v, "pattern", "")[:30],
)
def test_stems_are_in_every_match(pattern: re.Pattern[str], stems: tuple[str, ...]) -> None:
    check_stems_in_every_match(pattern, stems)


@pytest.mark.parametrize("pattern", guarded_patterns(documents), ids=lambda p: p.pattern[:40])
def test_first_letter_guards_change_no_match(pattern: re.Pattern[str]) -> None:
    check_first_letter_guard(pattern)
