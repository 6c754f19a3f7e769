"""ADDRESS (street, house number, postcode and place; P.O. boxes) and POSTCODE."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from scrubber.recognizers import addresses, base
from tests.scrubber.checks import TableCheck, check_first_letter_guard, check_stems_in_every_match, guarded_patterns

# (message, value, expected type)
POSITIVE = [
    # ADDRESS / POSTCODE
    ("Ik woon op Kerkstraat 12, 5038 AB Tilburg sinds mei.", "Kerkstraat 12, 5038 AB Tilburg", "ADDRESS"),
    ("Nieuw adres:\nLaan van Meerdervoort 1021-B\n2564 AB Den Haag", "Laan van Meerdervoort 1021-B\n2564 AB Den Haag",
     "ADDRESS"),
    ("We moved to 221B Baker Street, London NW1 6XE last week", "221B Baker Street, London NW1 6XE", "ADDRESS"),
    ("Stuur het naar Postbus 1042, 5602 BA Eindhoven", "Postbus 1042, 5602 BA Eindhoven", "ADDRESS"),
    ("Hauptstraße 5, 10115 Berlin", "Hauptstraße 5, 10115 Berlin", "ADDRESS"),
    ("Ons adres: Oudegracht 231bis, 3511 NK Utrecht.", "Oudegracht 231bis, 3511 NK Utrecht", "ADDRESS"),
    ("mijn adres is Hoofdweg 12 - 9681 AG Midwolda", "Hoofdweg 12 - 9681 AG Midwolda", "ADDRESS"),
    ("stuur het naar Van Goghlaan 3a", "Van Goghlaan 3a", "ADDRESS"),
    ("Onze postcode is 5038 AB en huisnummer 12", "5038 AB", "POSTCODE"),
    ("Postcode: SW1A 1AA", "SW1A 1AA", "POSTCODE"),
]

# (message, value that must NOT be reported as this type)
NEGATIVE = [
    ("We draaien Windows 10 en PHP 8", "Windows 10", "ADDRESS"),
    ("Poort 25 of 587?", "Poort 25", "ADDRESS"),
    ("in 2024 ging het mis met 3 sites", "2024", "POSTCODE"),
]


@pytest.mark.parametrize(("text", "value", "etype"), POSITIVE)
def test_recognised(assert_recognised: TableCheck, text: str, value: str, etype: str) -> None:
    assert_recognised(text, value, etype)


@pytest.mark.parametrize(("text", "value", "etype"), NEGATIVE)
def test_not_recognised_as(assert_not_recognised_as: TableCheck, text: str, value: str, etype: str) -> None:
    assert_not_recognised_as(text, value, etype)


@pytest.mark.parametrize(
    ("pattern", "stems"), [(addresses._POBOX, addresses._POBOX_STEMS)], ids=lambda v: getattr(v, "pattern", "")[:30]
)
def test_stems_are_in_every_match(pattern: re.Pattern[str], stems: tuple[str, ...]) -> None:
    check_stems_in_every_match(pattern, stems)


@pytest.mark.parametrize("pattern", guarded_patterns(addresses), ids=lambda p: p.pattern[:40])
def test_first_letter_guards_change_no_match(pattern: re.Pattern[str]) -> None:
    check_first_letter_guard(pattern)


_ADDRESS_PIECES = (
    "Dorpsstraat", "Laan van Nieuw Oost-Indië", "Kanaaldijk-Zuid", "12", "14-2", "92 bis", "187-III", "9a", "12 A",
    " bus 3", ", 1234 AB Amsterdam", "\n", " ", "\t", "221B", "Baker Street", "Flat 3,", "SW1A 1AA", "GIR\n0AA",
    "D02 X285", "van de", "Rue de la Loi", "12\n-3", "12 -\n3", "1234\nAB", "Hoofdweg", "-", "/", "12/1", ",",
    "Straße", "Sint Jansstraat", "é", "٣", "Kerkstr.", "Hofweg-Noord", "Parkhof-Zuid-Oost", "'s-Gravendijkwal",
    "d'", "’t", "ſtraat", "STRAßE", "DijkKweg", "Laan", "Wegweg", "tuinen", "Tuin", ".", "'",
    "Flat 2, 14 High Street", "Unit 4 7B Mill Lane", "3, Station Rd.", "St.", "SW1A\n1AA", "EC1A 1BB", "GIR 0AA",
)


def _address_texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        pieces = (rng.choice(_ADDRESS_PIECES) + rng.choice(("", " ", "\n", ",")) for _ in range(rng.randint(1, 10)))
        texts.append("".join(pieces))
    return texts


@pytest.mark.parametrize(
    ("pattern", "windows"),
    [
        (addresses._UK_LINE, lambda text: base.lines_with(text, addresses._UK_HINT)),
        (addresses._UK_STREET, lambda text: base.runs_with(text, addresses._UK_HINT, addresses._UK_STOP)),
    ],
    ids=["uk_line", "uk_street"],
)
def test_uk_windows_find_the_same_address_matches(pattern: re.Pattern[str], windows: Any) -> None:
    for text in _address_texts(4, 4000):
        whole = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in base.finditer_lines(pattern, text, windows(text), addresses._OVERHANG)] == whole, text


def test_postcode_patterns_equal_a_leading_look_behind() -> None:
    plain = [
        re.compile(r"(?<![\w])" + addresses._NL_POSTCODE),
        re.compile(r"(?<![\w])" + addresses._UK_POSTCODE),
    ]
    extra = ("GIR 0AA", "GIR0AA", "AIR 0AA", "BIR0AA", "xGIR 0AA", "1234AB", "1234 SA", "a1234 AB", "SW1A 1AA",
             "EC1A1BB", "M1 1AE")
    for text in [*_address_texts(6, 4000), *extra]:
        for fast, slow in zip((addresses._NL_POSTCODE_ALONE, addresses._UK_POSTCODE_ALONE), plain, strict=True):
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)], text


@pytest.mark.parametrize(
    "pattern",
    [addresses._SUFFIX_STREET, addresses._LEADING_STREET, addresses._ANY_STREET],
    ids=lambda p: p.pattern[:30],
)
def test_street_runs_find_the_same_street_matches(pattern: re.Pattern[str]) -> None:
    for text in _address_texts(5, 4000):
        runs = base.runs_with(text, addresses._STREET_HINT, addresses._STREET_STOP)
        if pattern is addresses._SUFFIX_STREET:
            lowered = base.lowered_for_stems(text)
            runs = [run for run in runs if addresses._ends_in_suffix(text, lowered, run)]
        whole = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in base.finditer_lines(pattern, text, runs, addresses._OVERHANG)] == whole, text
