"""Issue 16, third by-author round: a birth date written out in words after its cue, as people dictate it.

"geboren op drie maart negentienvijfentachtig", "born on the second of May, nineteen eighty", "date of birth: twelfth
June two thousand four", "geboren op zestien oktober tweeduizend elf". The rows are made up for these tests.
"""

from __future__ import annotations

import pytest

from tests.scrubber.checks import TableCheck

DATE_OF_BIRTH = [
    ("ik ben geboren op drie maart negentienvijfentachtig, als dat helpt", "drie maart negentienvijfentachtig"),
    ("my son was born on the second of May, nineteen eighty-nine and lives here",
     "the second of May, nineteen eighty-nine"),
    ("date of birth: twelfth June two thousand four", "twelfth June two thousand four"),
    ("Geboren op zestien oktober tweeduizend elf. Adres volgt.", "zestien oktober tweeduizend elf"),
    ("born the third of Jan, seventy-two, in Cork", "the third of Jan, seventy-two"),
    ("geboortedatum: eenentwintig december negentienhonderdzestig", "eenentwintig december negentienhonderdzestig"),
]

NOT_DATE_OF_BIRTH = [
    # a date in words that is no birth date; a count after "born"
    ("de verhuizing is op drie maart tweeduizend vijfentwintig", "drie maart tweeduizend vijfentwintig"),
    ("the idea was born over three long weekends", "three long weekends"),
]


@pytest.mark.parametrize(("text", "value"), DATE_OF_BIRTH)
def test_birth_date_in_words(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "DATE_OF_BIRTH")


@pytest.mark.parametrize(("text", "value"), NOT_DATE_OF_BIRTH)
def test_not_birth_date(assert_not_recognised_as: TableCheck, text: str, value: str) -> None:
    assert_not_recognised_as(text, value, "DATE_OF_BIRTH")


US_DASHED = [
    # a US month-day-year date with dashes after its cue (the day after the month, over 12)
    ("Name: Dana Whitfield, Ohio DL RX4418, DOB 09-23-1984, thanks", "09-23-1984"),
]


@pytest.mark.parametrize(("text", "value"), US_DASHED)
def test_us_dashed_birth_date(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "DATE_OF_BIRTH")
