"""Names in pasted tables (issue #16): CSV and TSV exports, markdown tables, a header row naming the columns."""

from __future__ import annotations

import pytest

from scrubber.recognizers.names import NameFinder
from tests.scrubber.recognizers.names.spans import orgs, persons

TABLES = [
    (
        "Hierbij de lijst:\nnaam;email;telefoon\nJan de Vries;jan@example.nl;0612345678\n"
        "Fatma Yilmaz;f.yilmaz@example.nl;0687654321\n",
        ["Jan de Vries", "Fatma Yilmaz"],
    ),
    (
        "voornaam,achternaam,plaats\nSanne,Bakker,Utrecht\nDaan,de Wit,Zwolle\n",
        ["Sanne", "Bakker", "Daan", "de Wit"],
    ),
    ("Name\tEmail\tRole\nOlivia Hart\tolivia@example.com\tadmin\nTom Reilly\ttom@example.com\teditor\n",
     ["Olivia Hart", "Tom Reilly"]),
    ("| Naam | Rol |\n|---|---|\n| Kees Smit | beheerder |\n| Ayla Demir | redacteur |\n", ["Kees Smit", "Ayla Demir"]),
    ("customer_name,plan,domain\nchen wei,basic,chenwei.nl\nmarta nowak,pro,nowakdesign.pl\n",
     ["chen wei", "marta nowak"]),
    ("Employee, NI number, Start date\nGrace Adjei, QQ123456C, 2021-04-01\n", ["Grace Adjei"]),
    ("Klant;Bedrijf\nMarleen Kok;Bakkerij Kok B.V.\n", ["Marleen Kok"]),
    ("achternaam;voornaam\nVAN DIJK;Pieter\nEl Khatib;Samira\n", ["VAN DIJK", "Pieter", "El Khatib", "Samira"]),
]
NOT_NAMES = [
    ("product;prijs;aantal\nHosting Basic;4,95;1\nDomein .nl;9,95;2\n", ["Hosting Basic", "Domein"]),
    ("plaats;postcode\nDe Bilt;3731 AA\nSint Anthonis;5845 AB\n", ["De Bilt", "Sint Anthonis"]),
    ("naam;prijs\nWordPress hosting;4,95\nMailbox Plus;2,50\n", ["WordPress", "Mailbox Plus"]),
    ("Name,Type,TTL\nwww,CNAME,3600\nmail,A,3600\n", ["www", "mail", "CNAME"]),
]


@pytest.mark.parametrize(("text", "names"), TABLES)
def test_names_in_tables(finder: NameFinder, text: str, names: list[str]) -> None:
    found = persons(finder, text)
    for name in names:
        assert name in found, (name, found)


@pytest.mark.parametrize(("text", "words"), NOT_NAMES)
def test_tables_without_people(finder: NameFinder, text: str, words: list[str]) -> None:
    found = persons(finder, text)
    for word in words:
        assert not any(word in p or p in word for p in found), (word, found)


def test_company_column_stays_an_organization(finder: NameFinder) -> None:
    text = "Klant;Bedrijf\nMarleen Kok;Bakkerij Kok B.V.\n"
    assert "Bakkerij Kok B.V." in orgs(finder, text)
    assert "Kok" not in [p for p in persons(finder, text) if text.index(p) > text.index("Bakkerij")]
