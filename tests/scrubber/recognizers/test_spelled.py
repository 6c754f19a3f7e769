"""``scrubber.recognizers.spelled``: the look-ahead for first letters before _WORD changes no match (issue 19)."""

from __future__ import annotations

import re

from scrubber.recognizers import spelled
from tests.scrubber.checks import fuzz_texts

_PIECES = (
    "nul", "NUL", "Zes", "twaalf", "drieëndertig", "DRIEËNDERTIG", "vierenveertig", "één", "ÉÉN", "twenty-one",
    "Twenty-One", "oh", "double", "Plus", "zéro", "ZÉRO", "fünf", "FÜNF", "zwölf", "quatre", "seize", "un", "ſix",
    "\u212aelvin", "İ", "ı", "eleven", "negentig", "achtentachtig", "bsn", "12", "ab", "Kerkstraat", "—", "'",
)


def test_the_first_letter_look_ahead_changes_no_match() -> None:
    plain = re.compile(spelled._WORD.pattern.replace("(?=[" + spelled._FIRST_LETTERS + "])", "", 1))
    assert plain.pattern != spelled._WORD.pattern
    for text in fuzz_texts(_PIECES, 6000, 19):
        assert [m.span() for m in spelled._WORD.finditer(text)] == [m.span() for m in plain.finditer(text)], text
