"""A birth date whose cue ends the line above it, as forms are pasted ("Geboren:\\n3 maart 1952 te Kampen"): the
cue rule reads its own line only, and the block rule wants the date alone on its line."""

from __future__ import annotations

import pytest

from scrubber.recognizers import dates
from tests.scrubber.checks import TableCheck

FOUND = [
    ("Geboren:\n3 maart 1952 te Kampen", "3 maart 1952"),
    ("Mijn geboortedatum is\n14-02-1987. Kunt u het account vrijgeven?", "14-02-1987"),
    ("Date of birth:\n2 February 2001, student card attached.", "2 February 2001"),
]


@pytest.mark.parametrize(("text", "value"), FOUND)
def test_birth_date_under_its_cue(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "DATE_OF_BIRTH")


@pytest.mark.parametrize(
    "text",
    [
        "Opgericht in\n3 maart 1952 te Kampen",
        "Factuurdatum:\n14-02-1987 en vervaldatum 28-02-1987",
        "Geboren:\nKampen, en verhuisd op 3 maart 1990 naar Zwolle",
    ],
)
def test_no_birth_date_without_the_cue_above(text: str) -> None:
    found = [r for r in dates.BirthDateBlockRecognizer("nl").analyze(text, ["DATE_OF_BIRTH"])]
    assert found == []
