"""Identifiers as people write them (issue 16): wrapped over a line end, copied off a card in groups, cue-less in a
person's details, masked cards, NI numbers in lower case and 2-6-1 groups, and bank codes that stay."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from scrubber.engine import Scrubber
from scrubber.recognizers import documents, national_ids
from scrubber.recognizers.explainers import Span, explain_span
from tests.scrubber.checks import TableCheck, check_stems_in_every_match, samples

Check = Callable[[str, str], None]

# (message, value, expected type); the BSN 123456782, the NIR 185077512345608 and the Steuer-ID 36574261809 are
# checksum-valid
POSITIVE = [
    # a grouped citizen number wrapped by the mail client, also inside a quote
    ("Hallo, ik stuur hierbij nogmaals de gegevens voor de verhuizing, mijn bsn is 123 456\n782 en de rest volgt.",
     "123 456\n782", "NATIONAL_ID"),
    ("> Hello, sending the details for moving the package once more, my BSN is 12 345 6\n> 782 and the rest",
     "12 345 6\n> 782", "NATIONAL_ID"),
    ("Frans sofinummer (NIR) is 1 85 07 75 123 456\n08 en de rest staat in de bijlage.", "1 85 07 75 123 456\n08",
     "NATIONAL_ID"),
    ("my tax ID, as requested, 36 574\n261 809 (Germany)", "36 574\n261 809", "NATIONAL_ID"),
    # UK National Insurance numbers as printed on letters (2-6-1) and, whole, in lower case
    ("Hier is het nummer: LB 497935 C", "LB 497935 C", "NATIONAL_ID"),
    ("the number is sl499591a thanks", "sl499591a", "NATIONAL_ID"),
    ("mon numéro NI britannique : bl573556b.", "bl573556b", "NATIONAL_ID"),
    ("NI-Nummer qq-12-34-56-c bitte", "qq-12-34-56-c", "NATIONAL_ID"),
    # abbreviated document cues
    ("Graag verificatie via mijn pasnr\nMWKLX8G1L\nAlvast bedankt.", "MWKLX8G1L", "ID_DOCUMENT"),
    ("Perso-Nr: NVLPYZ6JC", "NVLPYZ6JC", "ID_DOCUMENT"),
    ("For the ID check: driver lic # T2KRTC5LL, expires 2031.", "T2KRTC5LL", "ID_DOCUMENT"),
    ("As requested, ID card number JJG TUV CB3.", "JJG TUV CB3", "ID_DOCUMENT"),
    # a document number without its cue, in a person's details
    ("Naam: Lucía García\nGeboortedatum: 01-10-1984\nNummer: UE6BCKCD7\nGeldig tot: 12-2031", "UE6BCKCD7",
     "ID_DOCUMENT"),
    ("name,date_of_birth,doc\nAnouk de Groot,13-11-2000,LJ130718", "LJ130718", "ID_DOCUMENT"),
    ("Titulaire : Marco Rossi\nné le 19-06-1958\nN° CA31707MU", "CA31707MU", "ID_DOCUMENT"),
    # a citizen number read aloud after its cue, without a zero word; typed by its checksum
    ("mijn bsn is een twee drie vier vijf zes zeven acht twee", "een twee drie vier vijf zes zeven acht twee",
     "NATIONAL_ID"),
    ("my passport number: five one two three four five six seven eight", "five one two three four five six seven eight",
     "NUMBER"),
    # a document number before its cue, and under its column's header in a pasted table
    ("BC977084 is het nummer van mijn paspoort, de scan volgt", "BC977084", "ID_DOCUMENT"),
    ("XFL5MNLF3 ist meine Ausweisnummer", "XFL5MNLF3", "ID_DOCUMENT"),
    ("Naam;Paspoortnummer;Geldig tot\nPieter van Dijk;KH135167;06-2032\nLaura Schmidt;WT675294;06-2030",
     "WT675294", "ID_DOCUMENT"),
    ("| naam | rijbewijsnr |\n|---|---|\n| Jan | SPV343737 |", "SPV343737", "ID_DOCUMENT"),
    # a card with more than ten digits showing, and the code in brackets after the expiry
    ("mijn kaartnummer is 512381707847xxxx, de rest weet ik niet", "512381707847xxxx", "CREDIT_CARD"),
    ("card 4111 1111 1111 11** is the one", "4111 1111 1111 11**", "CREDIT_CARD"),
    ("Visa 3792-566666-36213 exp 12/2031 (4294)", "4294", "CREDIT_CARD"),
]

NEGATIVE = [
    # two numbers on two lines are not joined when either is whole
    ("BSN 123456782\n12 stuks besteld", "12 stuks", "NATIONAL_ID"),
    # a masked card (the first six and the last four at most) is no card number
    ("De betaling met kaart **** **** **** 4242 is mislukt", "4242", "CREDIT_CARD"),
    ("payment with 411111******1111 failed", "411111******1111", "CREDIT_CARD"),
    # a mixed-case code is no NI number; a product code away from any birth cue is no document
    ("artikel Ab123456c is op", "Ab123456c", "NATIONAL_ID"),
    ("Artikel UE6BCKCD7 is niet leverbaar, bestelling staat open", "UE6BCKCD7", "ID_DOCUMENT"),
    ("Naam: Jan Smit\ngeboren 01-10-1984\nBIC ABNANL2A", "ABNANL2A", "ID_DOCUMENT"),
    # the column next to the document's is not named by its header; a product code before a word is no document
    ("Naam;Paspoortnummer;Klantnr\nJan;KH135167;AB123456", "AB123456", "ID_DOCUMENT"),
    ("Model XR1200B is the passport holder we sell", "XR1200B", "ID_DOCUMENT"),
    # the numbers of a list after a plural cue are kept, though one passes the BSN's 11-proef
    ("De ordernummers 202656204, 202470726 en 202470743 zijn nog niet betaald.", "202470726", "NATIONAL_ID"),
]


@pytest.mark.parametrize(("text", "value", "etype"), POSITIVE)
def test_written_forms_are_recognised(assert_recognised: TableCheck, text: str, value: str, etype: str) -> None:
    assert_recognised(text, value, etype)


@pytest.mark.parametrize(("text", "value", "etype"), NEGATIVE)
def test_look_alikes_are_not(assert_not_recognised_as: TableCheck, text: str, value: str, etype: str) -> None:
    assert_not_recognised_as(text, value, etype)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Alte Bankverbindung: Kontonummer 9940517305, BLZ 370 400 44", "370 400 44"),
        ("routing number 021000021, account 12345678", "021000021"),
    ],
)
def test_a_bank_code_after_its_cue_stays(text: str, value: str) -> None:
    start = text.index(value)
    assert explain_span(Span(text, start, start + len(value))) == "bank_code"


def test_a_routing_number_failing_its_check_is_not_explained_as_one() -> None:
    text = "routing number 021000022"
    assert explain_span(Span(text, 15, len(text))) != "bank_code"


def test_the_account_beside_a_bank_code_is_still_stripped(assert_stripped: Check) -> None:
    assert_stripped("Alte Bankverbindung: Kontonummer 9940517305, BLZ 370 400 44", "9940517305")


def test_a_list_of_numbers_of_different_kinds_is_not_kept_whole(assert_stripped: Check) -> None:
    assert_stripped("orders 12345 and 123456782", "123456782")


def test_a_wrapped_number_named_as_kept_is_not_joined(scrubber: Scrubber) -> None:
    text = "klantnummer 123 456\n782 staat op de factuur"
    assert not [e for e in scrubber.analyze(text).entities if e.recognizer == "WrappedIdRecognizer"]


def test_the_lower_case_nino_gate_holds_every_match() -> None:
    for text in samples(national_ids._NINO_LOWER, ("ab 12 34 56 c", "zz123456a"), 3000, 5):
        if national_ids._NINO_LOWER.search(text):
            assert national_ids._NINO_LOWER_GATE.search(text), text


def test_birth_stems_are_in_every_birth_cue() -> None:
    check_stems_in_every_match(documents._BIRTH_CUE, documents._BIRTH_STEMS)
    for cue in ("Geboortedatum", "geb.", "Date of birth", "DOB", "born", "Geburtsdatum", "né le", "née le",
                "né(e) le", "date de naissance", "fecha de nacimiento", "data di nascita", "doğum"):
        assert documents._BIRTH_CUE.search(cue), cue
