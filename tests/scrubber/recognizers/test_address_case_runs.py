"""An address whose case differs from the rest of its line: in capitals inside a sentence ("Adres: KORTE
NIEUWSTRAAT 8 BUS 3, 2000 ANTWERPEN", a form's block letters pasted into a mail) or in lower case after a cue in a
line that has capitals elsewhere ("Ons adres: dorpsstraat 17, 6711 ab ede."). The line views of
``address_case`` read only lines wholly in capitals or wholly in lower case; these are read as runs."""

from __future__ import annotations

import pytest

from scrubber.recognizers import addresses
from tests.scrubber.checks import TableCheck

ADDRESSES = [
    ("Adres: KORTE NIEUWSTRAAT 8 BUS 3, 2000 ANTWERPEN", "KORTE NIEUWSTRAAT 8 BUS 3, 2000 ANTWERPEN"),
    ("Graag naar HOOFDSTRAAT 114, 9471 AB ZUIDLAREN sturen. Dank!", "HOOFDSTRAAT 114, 9471 AB ZUIDLAREN"),
    ("Please ship to 14 MILL LANE, OXFORD OX1 4AA as before.", "14 MILL LANE, OXFORD OX1 4AA"),
    ("Lieferadresse: LINDENALLEE 7, 50968 KÖLN. Vielen Dank", "LINDENALLEE 7, 50968 KÖLN"),
    ("Ons nieuwe adres: dorpsstraat 17, 6711 ab ede. Graag aanpassen.", "dorpsstraat 17, 6711 ab ede"),
    ("Hoi Kim, ik woon nu op merelhof 3, 3401 jk ijsselstein. Groet", "merelhof 3, 3401 jk ijsselstein"),
    ("Our address: 27 station road, bristol bs1 6qa. Thanks, Tom", "27 station road, bristol bs1 6qa"),
    # an everyday word as the street's name after a leading street word, in capitals or lower case
    ("Adresse : CHAUSSÉE DE WAVRE 212 BTE 3, 1050 IXELLES", "CHAUSSÉE DE WAVRE 212 BTE 3, 1050 IXELLES"),
    ("RUE DE LA PAIX 9, 1000 BRUXELLES", "RUE DE LA PAIX 9, 1000 BRUXELLES"),
    # a block over two lines whose first line has a capital ("Nieuw adres:")
    ("Nieuw adres: beukenlaan 9-1\n3831 kb leusden", "beukenlaan 9-1\n3831 kb leusden"),
]


@pytest.mark.parametrize(("text", "value"), ADDRESSES)
def test_address_in_other_case_than_its_line(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "ADDRESS")


@pytest.mark.parametrize(
    "text",
    [
        "Ticket 4471: ROOM 12 AND GATE 14 are closed, see Order 2025-0012.",
        "Ik heb 3 domeinen en 2 mailboxen, Factuur F2025-00931 klopt niet.",
        "Hoi Kim, versie 12 van de plugin werkt niet sinds 2024. Groet",
        "Bestelling: ORDER 12345 BETAALD OP 12-03-2025, Klant K-2231.",
    ],
)
def test_no_address_from_runs(text: str) -> None:
    assert addresses.AddressRecognizer("nl").analyze(text, ["ADDRESS"]) == []


def test_an_iban_after_an_address_is_no_eircode() -> None:
    # "R69 7267" inside "FR69 7267" has an Eircode's shape; a postcode starts a word
    text = "Adresse: 12 Rue des Lilas, 75011 Paris. IBAN FR69 7267 4470 7093 9770 7237 997."
    found = [text[r.start : r.end] for r in addresses.AddressRecognizer("nl").analyze(text, ["ADDRESS"])]
    assert found == ["12 Rue des Lilas, 75011 Paris"]


def test_a_birth_date_before_a_postcode_in_lower_case_is_no_house_number() -> None:
    # the lower-case view reads "19 nov 1990, postcode m14 5rt": "1990" is a year, not the house number of a UK line
    text = "yes that's me. dob 19 nov 1990, postcode m14 5rt"
    found = [text[r.start : r.end] for r in addresses.AddressRecognizer("en").analyze(text, ["ADDRESS"])]
    assert not any("1990" in f for f in found), found
