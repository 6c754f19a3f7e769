"""The first-letter guards stand before the look-behind of their patterns, and still change no match (issue 19).

``first_letter_guard``'s look-ahead and the look-behind before a cue word test the same place; the guard is the
cheaper test and fails at more places, so it comes first. Either order finds the same matches; these checks strip
the guard and compare (``check_first_letter_guard``: odd-case characters included).
"""

from __future__ import annotations

import re

import pytest

from scrubber.recognizers import banking, credentials, dates, documents, explainers, national_ids, secret_pairs, spelled
from scrubber.recognizers.base import words
from scrubber.recognizers.kept import RULES as KEPT_RULES
from scrubber.recognizers.names import logins
from tests.scrubber.checks import check_first_letter_guard

_GUARD_FIRST = re.compile(r"(?:\(\?i\))?\(\?=\(\?i:\[[a-z]+\]\)\)\(\?<!")
_PATTERNS = [
    words("geboren", r"birth\w*", "dob"), dates._BIRTH_CONTEXT, spelled._ID_CUE_HINT, documents._DOC, documents._CUE,
    national_ids._CITIZEN, national_ids._CITIZEN_ALNUM, logins._CUE_RE, credentials._PAIR, secret_pairs._USER,
    banking._OLD_ACCOUNT,
    *(p for p in vars(explainers).values() if isinstance(p, re.Pattern) and "(?=(?i:[" in p.pattern),
    *(rule.pattern for rule in KEPT_RULES if "(?=(?i:[" in rule.pattern.pattern),
]


@pytest.mark.parametrize("pattern", _PATTERNS, ids=lambda p: p.pattern[:40])
def test_the_guard_comes_first_and_changes_no_match(pattern: re.Pattern[str]) -> None:
    assert _GUARD_FIRST.match(pattern.pattern), pattern.pattern[:60]
    check_first_letter_guard(pattern)
