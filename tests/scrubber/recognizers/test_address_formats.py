"""Street forms from public postal data: the USPS street suffixes (Publication 28, appendix C1) with the US
territories' and Canada's codes, street-name endings of the Nordic and Baltic languages, street words that open
a street in Portuguese and Spanish, intersections ("the corner of A and B"), and address blocks whose street
line holds a house number with a flat ("45/3")."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from scrubber.recognizers import address_case, addresses
from tests.scrubber.checks import TableCheck

# (message, the whole address): each must be stripped whole, through the engine
ADDRESSES = [
    # USPS C1 suffixes beyond the common ones, a unit after them, city, state and ZIP on one or two lines
    ("send it to 536 Jennifer Creek, East Carol, TN 83425 please", "536 Jennifer Creek, East Carol, TN 83425"),
    ("Ship to:\n6222 Escobar Greens\nRojasmouth, WI 30701\n", "6222 Escobar Greens\nRojasmouth, WI 30701"),
    (
        "new address 3913 Dominguez Port Suite 285, Kathrynhaven, SD 54085.",
        "3913 Dominguez Port Suite 285, Kathrynhaven, SD 54085",
    ),
    ("billing: 7627 Ann Ways #986, East Sharonberg, CT 92145", "7627 Ann Ways #986, East Sharonberg, CT 92145"),
    # the territories and freely associated states of USPS's state list; Canada's provinces and postal codes
    ("ship it to 5661 Matthew Road, Davisberg, FM 34314 today", "5661 Matthew Road, Davisberg, FM 34314"),
    ("Our office: 1200 Maple Crescent, Ottawa, ON K1A 0B1", "1200 Maple Crescent, Ottawa, ON K1A 0B1"),
    # Nordic and Baltic street-name endings (sv -gatan/-vägen, no -veien, da -vej/-gade, is -vegur/-braut, fi -katu)
    ("I live at Magasinsgatan 7 in Lund", "Magasinsgatan 7"),
    ("the parcel went to Skoanveien 226 instead", "Skoanveien 226"),
    ("Adresse: Sludevej 13, 2200 København", "Sludevej 13, 2200 København"),
    ("we stay at Hlíðarvegur 97 this week", "Hlíðarvegur 97"),
    ("my flat is at Kiannonkatu 98 B in Oulu", "Kiannonkatu 98 B"),
    # a leading street word in Portuguese and Spanish without a postcode
    ("I moved to Rua Mina 50 last month", "Rua Mina 50"),
    ("la oficina está en Calle Señores Curas 88 desde enero", "Calle Señores Curas 88"),
    # intersections
    (
        "The shop is on the corner of 159 Venizelou Street and Rennie Union, next to the bank.",
        "corner of 159 Venizelou Street and Rennie Union",
    ),
    ("Meet me at the corner of ul. Grochowa 80 and Lahtinen Road.", "corner of ul. Grochowa 80 and Lahtinen Road"),
    # a unit word ends before a letter ("Kat" is a Turkish floor; "Kathrynhaven" a city after the unit)
    (
        "We moved to 3913 Dominguez Port Suite 285, Kathrynhaven, SD 54085 last week",
        "3913 Dominguez Port Suite 285, Kathrynhaven, SD 54085",
    ),
    # a house number's letter in lower case; chats in lower case with a 5-digit postcode or "-steeg"
    (
        "Mijn nieuwe adres is Valentijnsteeg 100 a, 8609 VV Schuinesloot. Kunnen",
        "Valentijnsteeg 100 a, 8609 VV Schuinesloot",
    ),
    ("bitte an sandra-textor-straße 90 d, 19532 stollberg schicken", "sandra-textor-straße 90 d, 19532 stollberg"),
    ("mijn adres is jillsteeg 16-31, 9379xe geijsteren als je het nodig hebt", "jillsteeg 16-31, 9379xe geijsteren"),
    # a street with a unit, then a city and any country's name (maybe with a postcode after it)
    (
        "The letter went to 213 Pilekrogen 53 Apt. 263, Grand-Leez, Belgium 18431 last week",
        "213 Pilekrogen 53 Apt. 263, Grand-Leez, Belgium 18431",
    ),
    (
        "we met at Kaarikatu 32 Apt. 353 Suite 387, Danmarkshavn, Greenland, then left",
        "Kaarikatu 32 Apt. 353 Suite 387, Danmarkshavn, Greenland",
    ),
    # a block quoted line by line in a reply
    (
        "Hi,\n\n> Our address:\n> Femkesingel 10a\n> 4075 KN Rotterdam\n> Regards",
        "Femkesingel 10a\n> 4075 KN Rotterdam",
    ),
    (
        "see below\n\n> 6986 Hawkins Mills #573\n> Bobbyfurt, NJ 89185\n",
        "6986 Hawkins Mills #573\n> Bobbyfurt, NJ 89185",
    ),
    # shipping labels in capitals
    ("please use this label:\n\nUL. SZEROKA 43\n87-747 CHORZÓW\n\nThanks", "UL. SZEROKA 43\n87-747 CHORZÓW"),
    (
        "label:\nAPARTMENT 25, 135A LAWRENCE KEYS\nCAMBRIDGE\nBS9X 1LR\n",
        "APARTMENT 25, 135A LAWRENCE KEYS\nCAMBRIDGE\nBS9X 1LR",
    ),
    (
        "label:\nKIZILAY MAH. MIMAR SINAN CADDESI NO: 12 D: 18\n23193 SEYHAN/ADANA",
        "KIZILAY MAH. MIMAR SINAN CADDESI NO: 12 D: 18\n23193 SEYHAN/ADANA",
    ),
    # a block written in lower case in a chat, line by line
    ("nieuw adres:\nkerkstraat 12\n1234 ab utrecht", "kerkstraat 12\n1234 ab utrecht"),
    ("hi\nmolenweg 3\n5038 ab tilburg\ngroetjes", "molenweg 3\n5038 ab tilburg"),
    ("ship to\n123 main st\nspringfield, il 62701", "123 main st\nspringfield, il 62701"),
    # CSV cells
    ("naam;adres\nJan;4968 Guerrero Way;Ferrellfort;TX 16331\n", "4968 Guerrero Way;Ferrellfort;TX 16331"),
    ("naam;adres\nJan;199b rue Célina Moreno;22430 Laroche\n", "199b rue Célina Moreno;22430 Laroche"),
    # a block whose street line has a flat after the house number, ending in its country
    (
        "Hi,\n\nShip it to:\n\nal. Grabowa 45/3\n36-857 Brodnica\nPoland\n\nThanks",
        "al. Grabowa 45/3\n36-857 Brodnica\nPoland",
    ),
]


@pytest.mark.parametrize(("text", "value"), ADDRESSES)
def test_addresses_in_public_formats(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "ADDRESS")


# (message, value that must not be an ADDRESS)
NEGATIVE = [
    ("Order 1234 Main Course, 2 people", "1234 Main Course"),
    ("The committee meets in Committee 3 on Monday", "Committee 3"),
    ("Kategorie 5 and Sortie 2 are both sold out", "Sortie 2"),
    ("the icon is in the corner of the screen and the menu", "corner of the screen and the menu"),
    ("we have 300 Reward Points left, see page 4 Key Points", "300 Reward Points"),
    ("Rua is the name of our project, version 2 is out", "version 2"),
    ("de dorpsstraat 5 a week lang dicht", "dorpsstraat 5"),
    ("ORDER 12345 IS READY AT WAREHOUSE 3 TODAY", "WAREHOUSE 3"),
    ("TICKET 4471: ROOM 12 AND GATE 14 HAVE NO WIFI SINCE 2024", "ROOM 12"),
]


@pytest.mark.parametrize(("text", "value"), NEGATIVE)
def test_no_address(assert_not_recognised_as: TableCheck, text: str, value: str) -> None:
    assert_not_recognised_as(text, value, "ADDRESS")


@pytest.mark.parametrize(
    "text", ["ik heb 3 vragen\nde server 2 is traag\n1234 keer geprobeerd", "hoi\nversie 12\nsinds 2024"]
)
def test_chat_lines_with_numbers_are_no_block(text: str) -> None:
    assert addresses.AddressRecognizer("nl").analyze(text, ["ADDRESS"]) == []


def _cpu_of_views(n: int) -> float:
    texts = ["1a" * n, ("1 " * n) + "\nX", "A1" * n + "\nb", ("1 " * n) + "\nkerkstraat 12"]
    start = time.process_time()
    for _ in range(3):
        for text in texts:
            address_case.capitals_view(text)
    return time.process_time() - start


def test_views_read_long_lines_in_linear_time() -> None:
    # a quadratic scan of a line would take ~100x for ten times the length; linear ~10x (CPU time, a ratio)
    small, large = _cpu_of_views(2_000), _cpu_of_views(20_000)
    assert large <= 40 * max(small, 1e-4)


def test_block_street_line_with_a_flat_is_the_block_start(assert_stripped: Callable[[str, str], None]) -> None:
    assert_stripped("Adres:\nul. Długa 12/3\n31-147 Kraków\nPolska", "ul. Długa 12/3\n31-147 Kraków\nPolska")
