"""DATE_OF_BIRTH: dates only with a birth cue."""

from __future__ import annotations

import re

import pytest

from scrubber.recognizers import dates
from scrubber.recognizers.base import Rule
from tests.scrubber.checks import TableCheck, check_context_stems, check_first_letter_guard, guarded_patterns

# (message, value, expected type)
POSITIVE = [
    ("DOB 7/31/79, thanks", "7/31/79", "DATE_OF_BIRTH"),  # US month/day with a two-digit year (issue 16)
    ("geboortedatum 19790731 (zo staat het in het systeem)", "19790731", "DATE_OF_BIRTH"),  # compact, year first
    ("Geburtsdatum 31071979", "31071979", "DATE_OF_BIRTH"),  # compact, day first
    ("DOB 31st Jul 79", "31st Jul 79", "DATE_OF_BIRTH"),  # a month name with a two-digit year
    ("my birthday is 31/07, in case you need it", "31/07", "DATE_OF_BIRTH"),  # day and month only
    # DATE_OF_BIRTH only with a birth cue
    ("Ik ben geboren op 3 maart 1985 in Breda", "3 maart 1985", "DATE_OF_BIRTH"),
    ("DOB: 1985-03-03", "1985-03-03", "DATE_OF_BIRTH"),
    ("geb. 03-03-1985", "03-03-1985", "DATE_OF_BIRTH"),
    ("I was born on March 3, 1985.", "March 3, 1985", "DATE_OF_BIRTH"),
    # every common notation: dots, two-digit years with an apostrophe, year first with slashes, US m/d/y,
    # ordinals, month names and abbreviations of nl/en/de/fr, passport style (bilingual month)
    ("Geburtsdatum: 04.02.1979", "04.02.1979", "DATE_OF_BIRTH"),
    ("geboren am 4. März 1979 in Köln", "4. März 1979", "DATE_OF_BIRTH"),
    ("geboren: 4 mei '88", "4 mei '88", "DATE_OF_BIRTH"),
    ("Geb.datum 3-4-'79", "3-4-'79", "DATE_OF_BIRTH"),
    ("mijn geboortedatum heb ik verkeerd ingevuld, het moet 1984/11/23 zijn", "1984/11/23", "DATE_OF_BIRTH"),
    ("DOB: 11/23/1984 (US format)", "11/23/1984", "DATE_OF_BIRTH"),
    ("date of birth the 3rd of May, 1960, date of death 2 June 2025", "the 3rd of May, 1960", "DATE_OF_BIRTH"),
    ("born on February 4th, 1979", "February 4th, 1979", "DATE_OF_BIRTH"),
    ("my date of birth, which your colleague asked for security: 4th February 1979.", "4th February 1979",
     "DATE_OF_BIRTH"),
    ("né le 3 août 1950 à Lyon", "3 août 1950", "DATE_OF_BIRTH"),
    ("Née le 14 juillet 1947", "14 juillet 1947", "DATE_OF_BIRTH"),
    ("Born 04-Feb-1979 in Tangier", "04-Feb-1979", "DATE_OF_BIRTH"),
    ("Geboortedatum: 04 FEB/FEB 1979", "04 FEB/FEB 1979", "DATE_OF_BIRTH"),
    ("Katrien Maes, °04/02/1979, Kerkstraat 12", "04/02/1979", "DATE_OF_BIRTH"),
    ("date de naissance : 04/02/1979", "04/02/1979", "DATE_OF_BIRTH"),
    # a column under a birth-date header (CSV, tables)
    ("Naam;E-mail;Geboortedatum\nAnna;a@b.nl;1968-11-02\nBen;b@c.nl;1955-04-19", "1955-04-19", "DATE_OF_BIRTH"),
    ("Naam | Geboortedatum | BSN\nJan Smit | 07-05-1992 | 111222333", "07-05-1992", "DATE_OF_BIRTH"),
    ("Employee, NINO, DOB, Salary\nTom Smith, AB 12 34 56 C, 03/04/1991, £31,500", "03/04/1991", "DATE_OF_BIRTH"),
    # a full date far in the past right next to a person
    ("Mijn moeder, Gerda Smit (14-8-1942), wil een website", "14-8-1942", "DATE_OF_BIRTH"),
]

# (message, value that must NOT be reported as this type)
NEGATIVE = [
    ("DOB field in the form shows version 12.5", "12.5", "DATE_OF_BIRTH"),
    ("verjaardag van het bedrijf: 12/05 en daarna 14/06", "14/06", "DATE_OF_BIRTH"),  # not right after the cue
    ("Op 3 maart 2025 heb ik betaald", "3 maart 2025", "DATE_OF_BIRTH"),
    ("het domein is geregistreerd sinds 12-03-1999", "12-03-1999", "DATE_OF_BIRTH"),
    ("his date of death was 2 June 2025", "2 June 2025", "DATE_OF_BIRTH"),
    ("Naam;Vervaldatum\nhosting;2026-01-14", "2026-01-14", "DATE_OF_BIRTH"),
    ("We zijn opgericht op 1 januari 1985 als familiebedrijf", "1 januari 1985", "DATE_OF_BIRTH"),
]


@pytest.mark.parametrize(("text", "value", "etype"), POSITIVE)
def test_recognised(assert_recognised: TableCheck, text: str, value: str, etype: str) -> None:
    assert_recognised(text, value, etype)


@pytest.mark.parametrize(("text", "value", "etype"), NEGATIVE)
def test_not_recognised_as(assert_not_recognised_as: TableCheck, text: str, value: str, etype: str) -> None:
    assert_not_recognised_as(text, value, etype)


@pytest.mark.parametrize("rule", [r for r in dates.RULES if r.context_stems], ids=lambda r: r.entity)
def test_context_stems_or_hint_are_in_every_context_match(rule: Rule) -> None:
    check_context_stems(rule)


@pytest.mark.parametrize("pattern", guarded_patterns(dates), ids=lambda p: p.pattern[:40])
def test_first_letter_guards_change_no_match(pattern: re.Pattern[str]) -> None:
    check_first_letter_guard(pattern)
