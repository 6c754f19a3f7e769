"""Issue 16, the fourth by-author round (authors m and n tuned on, o and p held out whole): made-up rows.

- The letters at the head of a document number ("ID-kaart IT6PR3KH4") are no trade word: "IT" glued to the digits
  that follow made an organisation "ID-kaart IT" that outranked the ID card number, which was kept. A trade word that
  is a word of its own ("Jansen IT levert") still names an organisation.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.scrubber.checks import TableCheck

ID_DOCUMENT = [
    ("Vennoot 1: Fenna Schouten-Kok, 02-11-1988, ID-kaart IT6PR3KH4", "IT6PR3KH4"),
    ("identiteitskaart nummer IT4KR2PL7 afgegeven te Breda", "IT4KR2PL7"),
]

ORGANIZATION = [
    ("Jansen IT levert de servers voor ons kantoor.", "Jansen IT"),
]


@pytest.mark.parametrize(("text", "value"), ID_DOCUMENT)
def test_document_number_with_letters_of_a_trade_word(assert_stripped: Callable[[str, str], None], text: str,
                                                      value: str) -> None:
    assert_stripped(text, value)


@pytest.mark.parametrize(("text", "value"), ORGANIZATION)
def test_a_trade_word_of_its_own_still_names_an_organisation(assert_recognised: TableCheck, text: str,
                                                              value: str) -> None:
    assert_recognised(text, value, "ORGANIZATION")


# A "v" version after a key or password cue is the version of what the key is for, not the key ("API v2.3").
KEPT_VERSION = [
    ("Ticket #558201 was about the same key last year (API v2.3).", "v2.3"),
    ("het wachtwoord werkt niet meer sinds de update naar v10.4.1", "v10.4.1"),
]


@pytest.mark.parametrize(("text", "value"), KEPT_VERSION)
def test_a_v_version_after_a_secret_cue_is_kept(assert_untouched: Callable[[str, str], None], text: str,
                                                value: str) -> None:
    assert_untouched(text, value)


# A company's registration number under its English, French, German or Portuguese name is kept, like a KvK number:
# the Belgian enterprise number (KBO/BCE), the Portuguese NIPC (issue 16, round 4).
KEPT_COMPANY_NUMBER = [
    ("Our enterprise number is 0856.003.521, VAT BE0856003521.", "0856.003.521"),
    ("Numéro d'entreprise 0821.982.057, siège à Namur.", "0821.982.057"),
    ("please change it to Pastelaria Belém Lx, Lda, NIPC 576 266 868.", "576 266 868"),
]


@pytest.mark.parametrize(("text", "value"), KEPT_COMPANY_NUMBER)
def test_a_company_registration_number_is_kept(assert_untouched: Callable[[str, str], None], text: str,
                                               value: str) -> None:
    assert_untouched(text, value)


# A past date alone on its line two lines under a name, in the same block of details (name, address, date of birth,
# document number), is a birth date too; not across a blank line (issue 16, round 4).
BLOCK_BIRTH_DATE = [
    ("Het gaat om:\n\nSanne de Wit-Bakker\nLindelaan 12, 3512 AB Utrecht\n04-07-1979\nNX4R7K2P1", "04-07-1979"),
    ("Details below\nPieter Hoekstra\n+31 6 1234 5678\n12/03/1966\nthanks", "12/03/1966"),
]
NOT_BLOCK_BIRTH_DATE = [
    ("Pieter Hoekstra\nLindelaan 12, 3512 AB Utrecht\n\n04-07-1979\nwas the day the company was registered",
     "04-07-1979"),
]


@pytest.mark.parametrize(("text", "value"), BLOCK_BIRTH_DATE)
def test_a_past_date_two_lines_under_a_name(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "DATE_OF_BIRTH")


@pytest.mark.parametrize(("text", "value"), NOT_BLOCK_BIRTH_DATE)
def test_not_across_a_blank_line(assert_not_recognised_as: TableCheck, text: str, value: str) -> None:
    assert_not_recognised_as(text, value, "DATE_OF_BIRTH")
