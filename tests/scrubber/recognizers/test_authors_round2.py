"""Issue 16, the second by-author round: mechanisms found on authors e and f's tune parts, with made-up rows.

- "account" before a number names our customer account, except right after a bank's name ("Bank: Zenith Bank, account
  2087734519", "Rabobank, account 1234567"): there it is the customer's bank account, stripped;
- a maiden name after "née", "geb." or "geborene" ("Sarah Brenner, née Atkinson") is a name.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.scrubber.checks import TableCheck

BANK_ACCOUNT = [
    ("Bank: Zenith Bank, account 2087734519", "2087734519"),
    ("please pay it back to my Rabobank, account 3382910476, thanks", "3382910476"),
    ("Bank details: First Bank: account 3011849275", "3011849275"),
]

CUSTOMER = [
    ("my account 2087734 is blocked since friday", "2087734"),
    ("account number 48213 at your company", "48213"),
]

PERSON = [
    ("My wife Sarah Brenner (née Atkinson) also has access", "Atkinson"),
    ("Ingrid de Wit, geb. Hofstede, is de eigenaar", "Hofstede"),
    ("Frau Anna Keller, geborene Hofstetter, wohnt dort", "Hofstetter"),
    ("registered to Margaret Sullivan, née Kowalczyk, until 2019", "Kowalczyk"),
]

NOT_PERSON = [
    ("geb. 12-03-1971 in Utrecht", "12-03-1971"),
]


@pytest.mark.parametrize(("text", "value"), BANK_ACCOUNT)
def test_bank_account_after_a_bank(assert_stripped: Callable[[str, str], None], text: str, value: str) -> None:
    assert_stripped(text, value)


@pytest.mark.parametrize(("text", "value"), CUSTOMER)
def test_customer_account(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "CUSTOMER_NUMBER")


@pytest.mark.parametrize(("text", "value"), PERSON)
def test_maiden_name(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "PERSON")


@pytest.mark.parametrize(("text", "value"), NOT_PERSON)
def test_not_a_name(assert_not_recognised_as: TableCheck, text: str, value: str) -> None:
    assert_not_recognised_as(text, value, "PERSON")


DATE_OF_BIRTH = [
    # a date in spaced groups after its cue, as on a card's printed field
    ("Geboortedatum / Date of birth: 21 09 1983\nGeboorteplaats: Alkmaar", "21 09 1983"),
    ("DOB 03 11 1975, place of birth Leeds", "03 11 1975"),
    # the Belgian and French "°" before a year alone
    ("voor de volledigheid: Griet Peeters, °1971, zaakvoerder", "1971"),
]

NOT_DATE_OF_BIRTH = [
    # digit groups of a phone number, and a date that is no birth
    ("bel me op 020 21 09 1983 na vijf uur", "21 09 1983"),
    ("het contract loopt af op 21 09 2026", "21 09 2026"),
]

ID_DOCUMENT = [
    # the second line of a machine-readable zone without filler (ICAO Doc 9303: TD1 ID card, TD3 passport)
    ("IDNLDXR4T6K291<<<<<<<<<<<<<<<\n7702146F3208123NLD<<<<<<<<<<<4\nSMIT<<ANNA<<<<<",
     "7702146F3208123NLD<<<<<<<<<<<4"),
    ("P<NLDJANSEN<<PIETER<<<<<<<<<<<<<<<<<<<<<<<<<\nNW8K2P4R15NLD8112039M3104217123456782<<<<<52",
     "NW8K2P4R15NLD8112039M3104217123456782<<<<<52"),
    ("8203117M2911305BEL820311204873", "8203117M2911305BEL820311204873"),
    # a document number under its Polish, Spanish or Italian label
    ("NUMER DOKUMENTU: ZXB 507318", "ZXB 507318"),
    ("número de documento: 48291037K", "48291037K"),
]


@pytest.mark.parametrize(("text", "value"), DATE_OF_BIRTH)
def test_date_of_birth(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "DATE_OF_BIRTH")


@pytest.mark.parametrize(("text", "value"), NOT_DATE_OF_BIRTH)
def test_not_date_of_birth(assert_not_recognised_as: TableCheck, text: str, value: str) -> None:
    assert_not_recognised_as(text, value, "DATE_OF_BIRTH")


@pytest.mark.parametrize(("text", "value"), ID_DOCUMENT)
def test_id_document(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "ID_DOCUMENT")


IBAN_SHAPED = [
    # an IBAN of the right length and structure for its country whose check digits fail (mistyped or invented), with
    # no cue: the country code is part of it too
    ("LU28 0019 4006 4475 0001 en de rest volgt", "LU28 0019 4006 4475 0001"),
    ("überweisen Sie bitte an AT48 3200 0000 1234 5865, danke", "AT48 3200 0000 1234 5865"),
    ("virement vers BE71 0961 2345 6700 stp", "BE71 0961 2345 6700"),
]

NOT_IBAN = [
    ("serienummer AB12 3456 7890 1234 5678 op de doos", "AB12 3456 7890 1234 5678"),
]


@pytest.mark.parametrize(("text", "value"), IBAN_SHAPED)
def test_iban_shaped(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "IBAN")


@pytest.mark.parametrize(("text", "value"), NOT_IBAN)
def test_not_iban(assert_not_recognised_as: TableCheck, text: str, value: str) -> None:
    assert_not_recognised_as(text, value, "IBAN")
