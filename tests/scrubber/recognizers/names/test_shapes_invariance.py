"""Names that stay names when the message around them changes shape (issue 16, ``eval/metamorphic_names.py``).

A name found as "Mark de Groot" must be found as "Groot, Mark de" (surname first with the tussenvoegsel trailing,
as Dutch address books sort), as a whole line "Bakker, Tom" in a list, and after a greeting or introduction when
it stands in quotes, brackets or behind an emoji ('mijn naam is "Ilse Peeters"', "groetjes (roos)"). Every name
and sentence here is made up for these tests.
"""

from __future__ import annotations

import pytest

from scrubber.recognizers.names import NameFinder
from tests.scrubber.recognizers.names.spans import persons

FOUND = [
    # surname first, tussenvoegsel(s) trailing: the trailing particle says the left side is a surname
    ("Contactpersoon: Berg, Sander van den", "Berg, Sander van den"),
    ("De factuur staat op Hoek, Mark van der, dat klopt niet.", "Hoek, Mark van der"),
    ("Beheerder: Bos, Kim de", "Bos, Kim de"),
    ("Jong, Evi de\nKerkstraat 4", "Jong, Evi de"),
    # a line that is nothing but "Surname, Firstname"
    ("Deelnemers:\nBakker, Tom\nSmit, Lies\n", "Bakker, Tom"),
    ("Deelnemers:\nBakker, Tom\nSmit, Lies\n", "Smit, Lies"),
    # a name in quotes, brackets or behind an emoji after a greeting, introduction or closing
    ('mijn naam is "Ilse Peeters" en ik heb een vraag', "Ilse Peeters"),
    ("hoi, met (jeroen van dijk), ik bel over mijn site", "jeroen van dijk"),
    ("bedankt!\ngroetjes 🌸 roos", "roos"),
    # a full name in lower case after a form label ("Eigenaar:", "(klant: ...)"), as a chat or a form export writes it
    ("Eigenaar: femke verhoeven\nPakket: Basic", "femke verhoeven"),
    ("- bakkerij-smits.nl (klant: joost van der meulen)", "joost van der meulen"),
]
NOT_FOUND = [
    ("Hosting, Domeinen en E-mail staan op de factuur.", ["Hosting", "Domeinen"]),
    ("Groot, Klein en Middel zijn de drie pakketten.", ["Groot", "Klein"]),
    ("Rotterdam, Nederland\nAmsterdam, Nederland", ["Rotterdam", "Nederland"]),
    ('hoi, met ("de boekhouding"), ik bel over de factuur', ["boekhouding"]),
    ("Tip, Mark de mail als gelezen", ["Tip"]),
    ("Status: open\nPrioriteit: hoog\nOnderwerp: mark as read werkt niet", ["open", "hoog", "mark"]),
    ("Wachtwoord: zomer2024\nPakket: basic plus", ["zomer", "basic"]),
]


@pytest.mark.parametrize(("text", "name"), FOUND)
def test_name_found_in_other_shapes(finder: NameFinder, text: str, name: str) -> None:
    assert name in persons(finder, text), (name, persons(finder, text))


@pytest.mark.parametrize(("text", "words"), NOT_FOUND)
def test_no_name_from_the_shapes(finder: NameFinder, text: str, words: list[str]) -> None:
    found = persons(finder, text)
    assert not any(w in p for w in words for p in found), found
