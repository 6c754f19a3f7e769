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


# a birth cue typed with two neighbouring letters swapped, the commonest typing slip (Damerau 1964)
TYPO_CUES = [
    ("Gbeoren: 3 maart 1952 te Kampen", "3 maart 1952"),
    ("Date of brith: March 12th 1979", "March 12th 1979"),
    ("Gebootredatum: 14-07-1981", "14-07-1981"),
    ("ik ben gebroen op 9 oktober 1947.", "9 oktober 1947"),
]


@pytest.mark.parametrize(("text", "value"), TYPO_CUES)
def test_birth_cue_with_swapped_letters(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "DATE_OF_BIRTH")


def test_every_cue_match_holds_a_stem() -> None:
    for variant in dates.TYPO_CUES:
        m = dates._BIRTH_CONTEXT.search(f"x {variant} y")
        assert m is not None
        assert any(stem in m.group().lower() for stem in dates._BIRTH_STEMS), variant
