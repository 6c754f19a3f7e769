"""The shared machinery of the rule recognizers: case-safe stem tests, first-letter guards, one-entity recognizers.

(The checks that each module's stems, hints and guards change no match are in that module's test file.)
"""

from __future__ import annotations

import re
import string

from presidio_analyzer import RecognizerResult

from scrubber.recognizers import base


def test_case_guard_lists_every_character_that_folds_to_ascii() -> None:
    letter = re.compile(r"(?i)[a-z]")
    guard = base._CASE_GUARD
    for cp in range(128, 0x110000):
        c = chr(cp)
        if letter.match(c) or any(ch in string.ascii_letters for ch in c.lower()):
            assert guard.match(c), hex(cp)


def test_first_letter_guard_reads_the_alternation() -> None:
    guard = base.first_letter_guard
    assert guard("wachtwoord|Pin(?:code)?|code") == "(?=(?i:[cpw]))"
    assert guard(r"a\|b|c") == "(?=(?i:[ac]))"
    assert guard("x[]|]|y") == "(?=(?i:[xy]))"
    for unclear in ("abc|d(e|f)|[(|]x", "ab|c?d", "(?:bank)?x|y", "é|a", r"\d+|a", "a*b"):
        assert guard(unclear) == "", unclear


class _DigitsRecognizer(base.SingleEntityRecognizer):
    ENTITY = "DIGITS"

    def find(self, text: str) -> list[RecognizerResult]:
        return [RecognizerResult("DIGITS", m.start(), m.end(), 0.5) for m in re.finditer(r"\d+", text)]


def test_single_entity_recognizer_is_named_after_its_class_and_answers_only_for_its_entity() -> None:
    rec = _DigitsRecognizer("nl")
    assert (rec.name, rec.supported_entities, rec.supported_language) == ("_DigitsRecognizer", ["DIGITS"], "nl")
    assert [(r.start, r.end) for r in rec.analyze("a 12 b 345", ["DIGITS"])] == [(2, 4), (7, 10)]
    assert len(rec.analyze("a 12", [])) == 1  # no entity list: everything
    assert rec.analyze("a 12", ["PHONE_NUMBER"]) == []
