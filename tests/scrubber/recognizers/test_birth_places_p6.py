"""Dates of birth without a cue on their line, years of birth, and typed-apart cues (issue 16, places batch)."""

from __future__ import annotations

import pytest

from scrubber.recognizers import dates
from tests.scrubber.checks import TableCheck, check_stems_in_every_match

POSITIVE = [
    # a form block: the name on the line above, the date alone on its line
    ("Gegevens:\nThijs Molenaar\n8 Okt. 1975\nZuidwal 2, 2512 XT Den Haag", "8 Okt. 1975", "DATE_OF_BIRTH"),
    ("Voor de controle:\nM. Jansen-Dekker\n23-11-1957\nDorpsweg 18", "23-11-1957", "DATE_OF_BIRTH"),
    ("Account holder\nGeorge Whitfield\n(30.06.1955)\n", "30.06.1955", "DATE_OF_BIRTH"),
    # the cue lines above the date, a blank line between
    ("Je collega vroeg mijn geboortedatum en bsn, die staan hieronder:\n\n01/09/1958\n\nGroet", "01/09/1958",
     "DATE_OF_BIRTH"),
    # year first with slashes next to a person on the same line
    ("Joanna Kowalska - 1982/04/17", "1982/04/17", "DATE_OF_BIRTH"),
    # a year of birth alone, right after its cue, in four languages
    ("it's my grandad, tom briggs, born '39", "'39", "DATE_OF_BIRTH"),
    ("mijn moeder is geboren in 1948 en wil haar account opzeggen", "1948", "DATE_OF_BIRTH"),
    ("Geburtsjahr: 1971", "1971", "DATE_OF_BIRTH"),
    ("Mon père, né en 1950, n'a pas d'e-mail.", "1950", "DATE_OF_BIRTH"),
    # cues typed apart or abbreviated
    ("bsn en zo\nge boren 4 mei 1983\nis dat alles?", "4 mei 1983", "DATE_OF_BIRTH"),
    ("Nom : Martin\nDDN : 02/05/1968", "02/05/1968", "DATE_OF_BIRTH"),
    ("date de naiss. 02/05/1968", "02/05/1968", "DATE_OF_BIRTH"),
    # a month and year of birth, "ik ben van <date>" (Dutch: I was born on)
    ("I was born in March 1985", "March 1985", "DATE_OF_BIRTH"),
    ("ik ben geboren in maart 1985", "maart 1985", "DATE_OF_BIRTH"),
    ("Ik ben van 12-03-1985, is dat genoeg?", "12-03-1985", "DATE_OF_BIRTH"),
]

NEGATIVE = [
    # a date alone on its line under another meaning, or next to no name
    ("Opgericht:\n12-04-1994\nKvK 12345678", "12-04-1994", "DATE_OF_BIRTH"),
    ("Factuurdatum\n03-02-1999\nBedrag € 40,00", "03-02-1999", "DATE_OF_BIRTH"),
    ("Hoi,\n\n12-03-1998\nToen is het domein geregistreerd.", "12-03-1998", "DATE_OF_BIRTH"),
    ("Geboortedatum van mijn zoon klopt, maar de vervaldatum niet:\n12-03-1999", "12-03-1999", "DATE_OF_BIRTH"),
    # a recent date alone under a name (a letter's date)
    ("Kees Brouwer\n14-03-2025\nBetreft: opzegging", "14-03-2025", "DATE_OF_BIRTH"),
    # a year that is not a year of birth
    ("nee 2019 was het jaar van de migratie", "2019", "DATE_OF_BIRTH"),
    ("born in Utrecht, moved to Breda in 1999", "1999", "DATE_OF_BIRTH"),
    ("Our company was born in 2009", "2009", "DATE_OF_BIRTH"),
    ("ik ben van 12-03-2025 tot 15-03-2025 op vakantie", "12-03-2025", "DATE_OF_BIRTH"),
    ("ik ben van 12-03 tot 15-03 weg", "12-03", "DATE_OF_BIRTH"),
]


@pytest.mark.parametrize(("text", "value", "etype"), POSITIVE)
def test_recognised(assert_recognised: TableCheck, text: str, value: str, etype: str) -> None:
    assert_recognised(text, value, etype)


@pytest.mark.parametrize(("text", "value", "etype"), NEGATIVE)
def test_not_recognised_as(assert_not_recognised_as: TableCheck, text: str, value: str, etype: str) -> None:
    assert_not_recognised_as(text, value, etype)


@pytest.mark.parametrize("pattern", [dates._YEAR_OF_BIRTH, dates._BORN_ON_NL])
def test_stems_are_in_every_match(pattern: object) -> None:
    rule = next(r for r in dates.RULES if r.pattern is pattern)
    check_stems_in_every_match(rule.pattern, rule.stems)
