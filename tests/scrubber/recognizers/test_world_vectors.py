"""Identifiers in the notations of the world's test vectors (issue 16, ``eval/pii_tune_worldvec.jsonl``).

Why this file exists: the tune part of the worldvec corpus (python-stdnum's doctest numbers, the providers' test
cards, specimen documents) showed mechanisms that were missing or over-explained: a personal tax cue that holds a
kept word ("Unique Taxpayer Reference", "numéro fiscal de référence"), an abbreviation's dot read as a sentence's
end ("Rechnung Nr. ..."), a checksum-valid number after a kept cue typed as a citizen number, a device's serial
number after "Serienummer van de router", numbers dotted in groups of three read as versions, Indian PAN numbers
and Portuguese citizen-card numbers in stdnum's notation. Values are stdnum's documented ones or synthetic.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

Check = Callable[[str, str], None]

STRIPPED = [
    ("Unique Taxpayer Reference: 1955839661\nPlease unlock the account.", "1955839661"),  # gb.utr's docstring
    ("UTR 1955839661", "1955839661"),
    ("numéro fiscal de référence : 3023217600053", "3023217600053"),  # fr.nif's docstring
    ("numéro fiscal de référence : 070198776543", "070198776543"),  # its check fails: stripped as NUMBER
    ("PAN card number: ACUPA7085R", "ACUPA7085R"),  # in_.pan's docstring
    ("my PAN is AAPPV8261K", "AAPPV8261K"),
    ("Portuguese citizen card no. - 04521224 4 ZZ 7\nReason: KYC", "04521224 4 ZZ 7"),  # pt.cc's test file
    # a number dotted or spaced in groups of two or three is no version
    ("the number from my card is 365.742.618.09 - is that enough?", "365.742.618.09"),
    ("het nummer op mijn pas: 111.222.333", "111.222.333"),
    ("die Nummer lautet 12.34.56.78.90, reicht das?", "12.34.56.78.90"),
    # nor is one in thousands with a check digit after a dash: Chile's RUT (stdnum.cl.rut's notation, issue 16)
    ("Mes coordonnées : Lyon, 17.661.296-7", "17.661.296-7"),
    ("mi RUT es 12.531.909-2", "12.531.909-2"),
    ("RUT: 7.608.391-K", "7.608.391-K"),
    # the abbreviation's dot ends no sentence: the personal cue before it still names the value
    ("Steuer-Nr. 36574261809 bitte nicht speichern", "36574261809"),
]

UNTOUCHED = [
    ("Rechnung Nr. 2024528158 wurde doppelt bezahlt.", "2024528158"),
    ("Bestell-Nr. 2024528158 fehlt", "2024528158"),
    # checksum-valid (11-proef) numbers after a kept cue are what the cue says
    ("numéro de commande 720250171, la livraison est incomplète", "720250171"),
    ("Société Dupont, SIREN 350792008, merci de corriger la facture.", "350792008"),
    ("Société Dupont, ICE 002136093000040, merci", "002136093000040"),  # Moroccan company number
    # a device's serial number
    ("Serienummer van de router: 15053D2961719, firmware 7.57.", "15053D2961719"),
    ("Seriennummer der FRITZ!Box: 87526B1569000, FRITZ!OS 7.57.", "87526B1569000"),
    # versions and IPs stay harmless
    ("nach dem Update auf 10.0.19045-2 geht es nicht", "10.0.19045-2"),
    ("Windows 10.0.22621.1992 geeft een fout", "10.0.22621.1992"),
    ("Chrome 120.0.6099.71 crasht", "120.0.6099.71"),
    ("server 192.168.100.200 reageert niet", "192.168.100.200"),
    ("update naar versie 123.456.789.12 mislukt", "123.456.789.12"),
]


@pytest.mark.parametrize(("text", "value"), STRIPPED)
def test_world_notations_are_stripped(assert_stripped: Check, text: str, value: str) -> None:
    assert_stripped(text, value)


@pytest.mark.parametrize(("text", "value"), UNTOUCHED)
def test_kept_and_harmless_numbers_stay(assert_untouched: Check, text: str, value: str) -> None:
    assert_untouched(text, value)


@pytest.mark.parametrize(
    "text",
    ["Personalausweis, Seriennummer: L01X00T47", "Paspoort serienummer NW1K2L3P4 verloopt", "BSN-Nr. 111222333"],
)
def test_a_personal_cue_still_names_the_value(assert_stripped: Check, text: str) -> None:
    assert_stripped(text, text.split()[-1] if not text.endswith("verloopt") else "NW1K2L3P4")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Passnummer C01X00T47", "C01X00T47"),  # the German specimen passport (PRADO), "Pass-Nr." written whole
        ("Pass-Nr. C01X00T47 gültig bis 2030", "C01X00T47"),
        ("carte 4111 1111 1111 1111 exp. 12/27 crypto 123", "123"),  # the French "crypto" for the card's code
    ],
)
def test_german_pass_numbers_and_french_card_codes(assert_stripped: Check, text: str, value: str) -> None:
    assert_stripped(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Track & Trace: 111222333", "111222333"),  # a parcel number that passes the 11-proef by chance
        ("DHL Sendungsnummer 36574261809 noch unterwegs", "36574261809"),  # ... or the Steuer-ID's check
        ("zendingnummer 111222333 van PostNL", "111222333"),
    ],
)
def test_a_carriers_number_passing_a_citizen_check_stays(assert_untouched: Check, text: str, value: str) -> None:
    assert_untouched(text, value)


def test_a_personal_cue_after_a_parcel_still_names_the_number(assert_stripped: Check) -> None:
    assert_stripped("het pakket is kwijt, mijn BSN is 111222333", "111222333")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("carte bancaire : 3622 7206\n2716 67", "3622 7206\n2716 67"),  # a Diners test card wrapped by a mail client
        ("Please charge the renewal to 3000 0000\n0000 04, exp 04/31", "3000 0000\n0000 04"),
        ("Ik heb betaald met 4242 4242\n4242 4242 maar het ging mis.", "4242 4242\n4242 4242"),
    ],
)
def test_a_card_wrapped_over_a_line_end_is_joined_by_its_luhn_check(
    assert_stripped: Check, text: str, value: str
) -> None:
    assert_stripped(text, value)


def test_two_numbers_on_two_lines_are_no_card(assert_untouched: Check) -> None:
    # (the fourteen digits together pass the Luhn check; the head is named as an invoice number)
    assert_untouched("factuur 2024 0012\n3456 72 graag", "3456 72")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a column header ending in a kept word does not outrank a citizen number's checksum in the cell below
        ("Also my SSN for the contract:;status\n357821105;actief", "357821105"),
        ("my_old_dutch_bank_account=845 386 360", "845 386 360"),  # a key's underscores join its words
    ],
)
def test_a_checksum_in_a_table_or_key_is_not_explained_away(assert_stripped: Check, text: str, value: str) -> None:
    assert_stripped(text, value)


def test_a_tax_reference_in_a_key_is_stripped(assert_stripped: Check) -> None:
    assert_stripped("unique_taxpayer_reference=1955839661", "1955839661")
