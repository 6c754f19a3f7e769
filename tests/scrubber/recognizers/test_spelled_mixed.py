"""Issue 16, third by-author round: a phone number read aloud half in words, half in digits.

"nul zes eenendertig 84 27 90", "zero seven seven 00 900 123": the words and the digit groups are one number; digit
groups alone stay the phone rules' and a few number words in prose are no number. Rows made up for these tests.
"""

from __future__ import annotations

import pytest

from tests.scrubber.checks import TableCheck

PHONE = [
    ("Bellen mag ook: nul zes achtentwintig 41 93 07. Groet", "nul zes achtentwintig 41 93 07"),
    ("call me on zero seven seven 00 900 456 after six", "zero seven seven 00 900 456"),
]

NOT_PHONE = [
    ("we hebben nul problemen gehad in 2023 en 2024 met 12 sites", "2023 en 2024"),
]


@pytest.mark.parametrize(("text", "value"), PHONE)
def test_mixed_phone(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "PHONE_NUMBER")


@pytest.mark.parametrize(("text", "value"), NOT_PHONE)
def test_not_phone(assert_not_recognised_as: TableCheck, text: str, value: str) -> None:
    assert_not_recognised_as(text, value, "PHONE_NUMBER")
