"""Names found by the context around them (issue 16): a title, a list, the line above an address, a quote's
speaker, a question for a name; logins made of name words found in other cells; and the hard negatives of
each. Every name, company and sentence here is made up for these tests."""

from __future__ import annotations

import pytest

from scrubber.recognizers.names import NameFinder
from tests.scrubber.recognizers.names.spans import persons


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mr. Baker is 21 and grew up in Leeds.", "Baker"),  # an everyday word after a title
        ("Please correct it to Dr. Justin Beet?", "Justin Beet"),
        ("mr. elliott flew to Oslo on friday", "elliott"),  # a lower-case title before a known name
        ("Dear Mrs. Green, thanks for your mail.", "Green"),
    ],
)
def test_a_capitalised_word_after_a_title_is_a_name(finder: NameFinder, text: str, name: str) -> None:
    assert name in persons(finder, text)


@pytest.mark.parametrize(
    "text",
    [
        "The MX record points to the new server.",
        "ING Bankieren\nRekening NL32 INGB 0006 4088 16",  # "ing" is a title, "ING" a bank
        "Dr. Cindy Holinka Apt. 117",  # the unit word ends the name
    ],
)
def test_what_a_title_does_not_make_a_name(finder: NameFinder, text: str) -> None:
    found = persons(finder, text)
    assert not any(w in p for p in found for w in ("record", "Bankieren", "Apt")), found


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Our founders: Eklund, Michael and Hodge.", ["Hodge"]),
        ("Is there a better song? Marrero and Murphy were engineers.", ["Marrero", "Murphy"]),
        ("they had 6: silvana, adam, christopher, kristina and caleb.", ["silvana", "adam", "caleb"]),
        ("Ik heb Jansen en De Vries nog niet gebeld.", ["Jansen", "De Vries"]),
    ],
)
def test_the_items_of_a_list_of_names(finder: NameFinder, text: str, names: list[str]) -> None:
    found = persons(finder, text)
    for name in names:
        assert name in found, (name, found)


@pytest.mark.parametrize(
    "text",
    [
        "We use Plesk, cPanel and DirectAdmin on Ubuntu and Debian.",
        "Sehr geehrte Damen und Herren, bitte prüfen Sie das.",
        "Klantnummer 110656, Marleen Kuipers",  # a number between: no list
        "Josef Mališ of Importio, and Evans-Bonilla's Tânia Souza",  # an employer after "of"
        "Amsterdam, Utrecht en Rotterdam zijn klaar.",
        "Hi Pieter, could you check? Cheers, Sarah",
    ],
)
def test_lists_that_are_not_of_people(finder: NameFinder, text: str) -> None:
    found = persons(finder, text)
    for word in ("Plesk", "cPanel", "Damen", "Herren", "Klantnummer", "Importio", "Utrecht", "Cheers"):
        assert not any(word in p for p in found), (word, found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rebecca Hides\n\n07960 Aqqusinersuaq 111\nSuite 47\nNuuk", "Rebecca Hides"),
        ("Duqyaha Karataev\n3657 Laukaantie 80\nApt. 030", "Duqyaha Karataev"),
    ],
)
def test_the_line_above_a_delivery_line_is_the_addressee(finder: NameFinder, text: str, name: str) -> None:
    assert name in persons(finder, text)


def test_a_company_above_an_address_is_no_addressee(finder: NameFinder) -> None:
    assert persons(finder, "Compendia Bioscience Life Technologies\n\n77009 P.O. Box 255") == []


def test_a_dotted_cue_is_no_initial(finder: NameFinder) -> None:
    assert persons(finder, "Bakkerij Vermeulen\nt.a.v. H. Vermeulen\nMolenweg 7") == ["H. Vermeulen"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("What's your last name? Magnusson", "Magnusson"),
        ("Sometimes people call me Piusz", "Piusz"),
        ('"We are moving in that direction," says Anna Lindqvist.', "Anna Lindqvist"),
    ],
)
def test_a_name_asked_for_or_quoted(finder: NameFinder, text: str, name: str) -> None:
    assert name in persons(finder, text)


def test_a_product_that_says_something_is_no_name(finder: NameFinder) -> None:
    assert persons(finder, "The log says Timeout. Het certificaat is verlopen, zegt Plesk.") == []


def test_logins_made_of_name_words_in_other_cells(finder: NameFinder) -> None:
    text = "first_name,last_name,username\nAnanya,Iyer,aiyer\nSandeep,Kulkarni,skulkarni\nHuang,Mingzhu,mhuang\n"
    found = persons(finder, text)
    for name in ("Ananya", "Iyer", "aiyer", "Kulkarni", "skulkarni", "Mingzhu", "mhuang"):
        assert name in found, (name, found)


def test_a_login_with_a_joined_tussenvoegsel(finder: NameFinder) -> None:
    text = "ik heb de login ah.elkhattabi gekregen maar mijn naam is Abdelhakim El Khattabi"
    assert "ah.elkhattabi" in persons(finder, text)


def test_a_lower_case_van_before_an_inverted_name_is_a_preposition(finder: NameFinder) -> None:
    found = persons(finder, "Het account staat op naam van Öztürk, Ayşe. Klopt dat?")
    assert "Öztürk" in " ".join(found) and "Ayşe" in " ".join(found) and not any("van" in p for p in found), found
    assert "Van den Broeck, Lien" in persons(finder, "Contactpersoon: Van den Broeck, Lien.")


@pytest.mark.parametrize("text", ["Victoria Station and Oxford Street show nothing.", "I'm on Baker Street now"])
def test_a_name_before_a_street_word_is_a_street(finder: NameFinder, text: str) -> None:
    assert persons(finder, text) == []


def test_quoted_csv_cells_under_a_quoted_header(finder: NameFinder) -> None:
    text = '"Achternaam","Voornaam","Plaats"\n"Bakker","Anouk","Utrecht"\n"Mahabier","Sunita","Almere"\n'
    found = persons(finder, text)
    for name in ("Bakker", "Anouk", "Mahabier", "Sunita"):
        assert name in found, (name, found)
    assert not any("Utrecht" in p or "Almere" in p for p in found), found


def test_a_list_item_with_a_number_is_a_street(finder: NameFinder) -> None:
    assert "Eyrarodda" not in persons(finder, "Please return to Leon and Eyrarodda 66 in case of an issue.")


def test_a_possessive_is_no_part_of_the_name(finder: NameFinder) -> None:
    assert persons(finder, "the verses from Yuri Bulgakov's Cautionary Tales") == ["Yuri Bulgakov"]


def test_a_lower_case_name_on_a_line_of_its_own(finder: NameFinder) -> None:
    assert persons(finder, "aksel kristensen\nstillwater supercomputing inc") == ["aksel kristensen"]
    assert persons(finder, "hoi\nplesk update\ngroet") == []
