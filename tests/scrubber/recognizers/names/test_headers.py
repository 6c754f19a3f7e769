"""The header signal: its attribution pattern's speed-up changes no match (its names: test_finder.py)."""

from __future__ import annotations

import re

import pytest

from scrubber.recognizers.names import headers
from tests.scrubber.checks import check_stems_in_every_match


@pytest.mark.parametrize(
    ("pattern", "stems"), [(headers._ATTRIBUTION_RE, headers._ATTRIBUTION_STEMS)],
    ids=lambda v: getattr(v, "pattern", "")[:30],
)
def test_stems_are_in_every_match(pattern: re.Pattern[str], stems: tuple[str, ...]) -> None:
    check_stems_in_every_match(pattern, stems)
