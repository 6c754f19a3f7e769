"""Addresses as chats, CSV pastes and forms write them: the capitalised view of lower-case lines, CSV cells, "te
<city>", the German Postfach, Turkish numbered streets, prose prepositions before a street (issue 16, places)."""

from __future__ import annotations

import pytest

from scrubber.recognizers import addresses
from scrubber.recognizers.address_case import capitalised_lines


def _found(text: str) -> list[str]:
    return [text[r.start : r.end] for r in addresses.AddressRecognizer("nl").analyze(text, ["ADDRESS"])]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # lower-case chats in the world's street forms
        ("address ul. mickiewicza 27/3, 60-834 poznań", "ul. mickiewicza 27/3, 60-834 poznań"),
        ("ship to flat 7b, 44 marchmont road, edinburgh eh9 1hx thx", "flat 7b, 44 marchmont road, edinburgh eh9 1hx"),
        ("adres kerkstraat 61 bus 12, 9000 gent pls", "kerkstraat 61 bus 12, 9000 gent"),
        ("address yeşilyurt mah. çınar sk. no:22 k:2, 07070 konyaaltı/antalya", "yeşilyurt mah. çınar sk. no:22 k:2, "
         "07070 konyaaltı/antalya"),
        ("adres bredaseweg 401, 5037 le tilburg", "bredaseweg 401, 5037 le tilburg"),
        ("meine adresse weißdornweg 14, 22307 hamburg", "weißdornweg 14, 22307 hamburg"),
        ("1200 lakeview dr apt 5b, madison, wi 53703", "1200 lakeview dr apt 5b, madison, wi 53703"),
        # cells of a CSV paste, a city after "te", a Postfach in pairs, a street named by a number
        ("Sanne Visser;Molenstraat 3;6511 HJ;Nijmegen", "Molenstraat 3;6511 HJ;Nijmegen"),
        ("Jan,Kerkstraat 12,5038 AB,Tilburg", "Kerkstraat 12,5038 AB,Tilburg"),
        ("Het is Oude Rijksweg 211A te Rosmalen, achter de boerderij.", "Oude Rijksweg 211A te Rosmalen"),
        ("Post geht an Postfach 10 12 34, 50452 Köln.", "Postfach 10 12 34, 50452 Köln"),
        ("Adres: Bahçelievler Mah. 1234. Sok. No: 5, 35040 Bornova/İzmir", "Bahçelievler Mah. 1234. Sok. No: 5, "
         "35040 Bornova/İzmir"),
        # an addition "zw" (Utrecht's wharf cellars)
        ("Oude Gracht 12 zw, 3511 AP Utrecht", "Oude Gracht 12 zw, 3511 AP Utrecht"),
        # Dutch street and city names with "'s-" and an ordinal, an addition with a dash, " / " between parts
        ("Ik woon op 's-Gravendijkwal 112B, 3015 NR Rotterdam", "'s-Gravendijkwal 112B, 3015 NR Rotterdam"),
        ("St. Jansstraat 3, 5211 GL 's-Hertogenbosch", "St. Jansstraat 3, 5211 GL 's-Hertogenbosch"),
        ("Mijn adres is 2e Hugo de Grootstraat 3, 1052 LB Amsterdam.", "2e Hugo de Grootstraat 3, 1052 LB Amsterdam"),
        ("Kerkstraat 12a-2, 5038 AB Tilburg", "Kerkstraat 12a-2, 5038 AB Tilburg"),
        ("Adres Oranjestraat 5 / 2514 JB / Den Haag", "Oranjestraat 5 / 2514 JB / Den Haag"),
        # a street of no known form, then a known place at the end of the clause
        ("We zitten aan de Westblaak 180, Rotterdam.", "Westblaak 180, Rotterdam"),
        # a chat line in lower case but for its first word and "I"
        ("I live at 221b baker street london nw1 6xe", "221b baker street london nw1 6xe"),
    ],
)
def test_found(text: str, value: str) -> None:
    assert value in _found(text)


def test_prose_before_a_street_is_not_part_of_it() -> None:
    text = "Bitte die Rechnung an Kaiserstrasse 112, 60329 Frankfurt am Main schicken."
    assert _found(text) == ["Kaiserstrasse 112, 60329 Frankfurt am Main"]


@pytest.mark.parametrize(
    "text",
    [
        "ik heb 1024 mb geheugen en 2 cpu",
        "server draait op poort 8080 in amsterdam",
        "kan ik upgraden naar plan 3 voor 12 euro per maand",
        "mijn wachtwoord 1234 werkt niet, order 55123 amsterdam",
        "the site is down since 10 am, ticket 48213 pls help",
        "windows server 2019 update 12 in rotterdam",
        "I have 3 sites and 12 mailboxes in amsterdam",
        "Versie 3, Utrecht.",
        "Windows 2019, Amsterdam.",
        "Bestelling 12, Amsterdam.",
        "Meeting on Monday 12 at Hall 3, Utrecht",
    ],
)
def test_lower_case_prose_with_numbers_is_no_address(text: str) -> None:
    assert _found(text) == []


def test_the_view_keeps_offsets_and_reads_only_chat_lines() -> None:
    text = "Hallo,\nadres tolstraat 140-2, 1074 vj amsterdam pls\nGroet"
    assert capitalised_lines(text) == [(7, "adres Tolstraat 140-2, 1074 VJ Amsterdam pls")]


def test_the_view_is_empty_without_a_chat_line_holding_evidence() -> None:
    assert capitalised_lines("Kerkstraat 12, 5038 AB Tilburg") == []
    assert capitalised_lines("geen cijfers hier") == []
    assert capitalised_lines("order 12345 is niet aangekomen") == []


def test_address_cue_stems_are_in_every_cue() -> None:
    from scrubber.recognizers import address_blocks
    from tests.scrubber.checks import check_stems_in_every_match

    check_stems_in_every_match(address_blocks._CUE, address_blocks._CUE_STEMS)
