"""ID_DOCUMENT: passport, driving licence and identity card numbers after a cue word."""

from __future__ import annotations

import re

import pytest

from scrubber.recognizers import documents
from tests.scrubber.checks import TableCheck, check_first_letter_guard, check_stems_in_every_match, guarded_patterns

# (message, value, expected type)
POSITIVE = [
    # copied off the card in spaced groups, after a cue (issue 16)
    ("mijn paspoort NW 1K2 L3P4 verloopt", "NW 1K2 L3P4", "ID_DOCUMENT"),
    ("ID kaart: IR 12 34 56 7", "IR 12 34 56 7", "ID_DOCUMENT"),
    ("rijbewijs 51 2345 6789", "51 2345 6789", "ID_DOCUMENT"),
    ("Meine Ausweisnummer ist 80897786 7 MT3.", "80897786 7 MT3", "ID_DOCUMENT"),
    ("Cartão de Cidadão: 80897786 7 MT3", "80897786 7 MT3", "ID_DOCUMENT"),
    # a Belgian identity card number (3-7-2 digits, mod-97 check) without a cue; an ID card number after
    # "Ausweisnummer" is an ID_DOCUMENT, not a citizen number; a cue a little further away (issue 16)
    ("de kaart zelf: 526-0181590-18, vervalt in 2030", "526-0181590-18", "ID_DOCUMENT"),
    ("meine Ausweisnummer L01X00T47 bitte", "L01X00T47", "ID_DOCUMENT"),
    ("Mijn rijbewijs (voor de controle hier) heeft nummer 4829173650", "4829173650", "ID_DOCUMENT"),
    # machine-readable zone lines of passports and ID cards (ICAO 9303: 2 x 44 or 3 x 30 characters of A-Z, 0-9, <)
    ("scan:\nP<GBRSMITH<<ANNA<MARIE<<<<<<<<<<<<<<<<<<<<<\n5334013720GBR8203154F2811208<<<<<<<<<<<<<<04",
     "5334013720GBR8203154F2811208<<<<<<<<<<<<<<04", "ID_DOCUMENT"),
    ("scan:\nP<GBRSMITH<<ANNA<MARIE<<<<<<<<<<<<<<<<<<<<<\n5334013720GBR8203154F2811208<<<<<<<<<<<<<<04",
     "P<GBRSMITH<<ANNA<MARIE<<<<<<<<<<<<<<<<<<<<<", "ID_DOCUMENT"),
    # the Dutch passport / identity card number's shape (since 2014: 2 letters, 6 letters or digits, 1 digit,
    # never the letter O), mixed inside, is stripped without a cue (issue 16)
    ("heb je het gekregen? het nummer dat erop staat: KB7TR24L8", "KB7TR24L8", "ID_DOCUMENT"),
    ("scan attached, number BX2P94KJ1 on the front", "BX2P94KJ1", "ID_DOCUMENT"),
    # ID_DOCUMENT after a cue word
    ("Paspoortnummer: NW1K2L3P4", "NW1K2L3P4", "ID_DOCUMENT"),
    ("my passport number is SPECI2014 and it expires soon", "SPECI2014", "ID_DOCUMENT"),
    ("Rijbewijsnummer 4912345678 (categorie B)", "4912345678", "ID_DOCUMENT"),
    ("identiteitskaart nr. 591-1234567-89", "591-1234567-89", "ID_DOCUMENT"),
    # the cue words of de/fr/es/pl/tr/it/pt, and values written in two groups
    ("Personalausweisnummer: T220001293", "T220001293", "ID_DOCUMENT"),
    ("meine Reisepassnummer für die Verifizierung: C01X00T47.", "C01X00T47", "ID_DOCUMENT"),
    ("Ich habe nur meinen Führerschein dabei (Nr. B123RRE4I56).", "B123RRE4I56", "ID_DOCUMENT"),
    ("Aufenthaltstitel Nr. YZ81KT4L2", "YZ81KT4L2", "ID_DOCUMENT"),
    ("mon passeport n° 18AV12345 expire", "18AV12345", "ID_DOCUMENT"),
    ("Mon permis de conduire (n° 12AB34567) peut servir", "12AB34567", "ID_DOCUMENT"),
    ("un titre de séjour belge n° B12345678 et", "B12345678", "ID_DOCUMENT"),
    ("carte nationale d'identité n° 880692310285", "880692310285", "ID_DOCUMENT"),
    ("Mijn CIN is K123456, adres volgt", "K123456", "ID_DOCUMENT"),
    ("mijn dowód osobisty ABA300000", "ABA300000", "ID_DOCUMENT"),
    ("pasaporte PAA123456", "PAA123456", "ID_DOCUMENT"),
    ("carta d'identità CA00000AA", "CA00000AA", "ID_DOCUMENT"),
    ("Mijn ID-kaart nummer is KX 123456 als dat helpt", "KX 123456", "ID_DOCUMENT"),
    ("my California DL A1234567 was accepted", "A1234567", "ID_DOCUMENT"),
    ("it asked for a state ID, mine is S1234567", "S1234567", "ID_DOCUMENT"),
    ("UK driving licence MORGA753116SM9IJ", "MORGA753116SM9IJ", "ID_DOCUMENT"),
    ("Driver licence number SMITH802134JA9XY", "SMITH802134JA9XY", "ID_DOCUMENT"),
    # a UK licence number has a structure of its own (DVLA: surname, decade, month+5 for women, day, year,
    # initials, digit, check letters): recognised without a cue word
    ("you can use JONES612054AB7CD for the check", "JONES612054AB7CD", "ID_DOCUMENT"),
    ("ID card: JBB704731", "JBB704731", "ID_DOCUMENT"),
    ("Paspoort: NW1K2L3P4. Verblijfsdocument: Y12R34KL5", "Y12R34KL5", "ID_DOCUMENT"),
    # the value on the line after its cue
    ("Documentnummer\nSPECI2014", "SPECI2014", "ID_DOCUMENT"),
    # a voter identity card (India's EPIC) is an identity document: text labelled by others (issue 16)
    ("his Voter ID 'KTR4417026' was in the export", "KTR4417026", "ID_DOCUMENT"),
    ("voter id card no. WBX2290413 attached", "WBX2290413", "ID_DOCUMENT"),
]

# (message, value that must NOT be reported as this type)
NEGATIVE = [
    ("driving licence 2019 12 category", "2019 12", "ID_DOCUMENT"),
    ("Meine Ausweisnummer ist 80897786 7 MT3.", "ist", "ID_DOCUMENT"),
    ("order 526-0181590-19 is verzonden", "526-0181590-19", "ID_DOCUMENT"),  # fails the mod-97 check
    ("<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<", "<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<", "ID_DOCUMENT"),
    ("artikel AB1234567 is uitverkocht", "AB1234567", "ID_DOCUMENT"),  # no letter in the middle: a product code
    ("status HTTPERROR1 again", "HTTPERROR1", "ID_DOCUMENT"),  # letters only in the middle: a word
    ("mijn paspoort is verlopen", "verlopen", "ID_DOCUMENT"),
    ("mijn paspoort is op 12-03-2031 verlopen", "12-03-2031", "ID_DOCUMENT"),
    ("Passport renewal takes 10 weeks", "10", "ID_DOCUMENT"),
    ("voter id turnout was 2024 wide", "2024", "ID_DOCUMENT"),
    ("part number ABCDE123456XY7ZZ is out of stock", "ABCDE123456XY7ZZ", "ID_DOCUMENT"),  # month 34: no licence
]


@pytest.mark.parametrize(("text", "value", "etype"), POSITIVE)
def test_recognised(assert_recognised: TableCheck, text: str, value: str, etype: str) -> None:
    assert_recognised(text, value, etype)


@pytest.mark.parametrize(("text", "value", "etype"), NEGATIVE)
def test_not_recognised_as(assert_not_recognised_as: TableCheck, text: str, value: str, etype: str) -> None:
    assert_not_recognised_as(text, value, etype)


@pytest.mark.parametrize(
    ("pattern", "stems"), [(r.pattern, r.stems) for r in documents.RULES if r.stems],
    ids=lambda v: getattr(v, "pattern", "")[:30],
)
def test_stems_are_in_every_match(pattern: re.Pattern[str], stems: tuple[str, ...]) -> None:
    check_stems_in_every_match(pattern, stems)


@pytest.mark.parametrize("pattern", guarded_patterns(documents), ids=lambda p: p.pattern[:40])
def test_first_letter_guards_change_no_match(pattern: re.Pattern[str]) -> None:
    check_first_letter_guard(pattern)
