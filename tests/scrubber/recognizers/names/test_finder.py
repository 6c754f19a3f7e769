"""Table-driven tests of the PERSON finder over all its signals (nl and en), with the real lexicon."""

from __future__ import annotations

import pytest

from scrubber.recognizers.names import NameFinder
from tests.scrubber.recognizers.names.spans import orgs, persons

# (text, a name that must be found as PERSON)
POSITIVE = [
    ("Hoi Sanne,\n\nmijn site is traag.", "Sanne"),
    ("Beste mevrouw Jansen,\n\nDank voor uw bericht.", "Jansen"),
    ("Hi Lotte,\n\nThanks for the reply.", "Lotte"),
    ("Dear Mr O'Neill,\n\nplease advise.", "O'Neill"),
    ("hoi, met sanne\nmn mail doet het niet", "sanne"),
    ("kan je die groter maken??\ngroetjes roos", "roos"),
    ("Zie bijlage.\n\nMet vriendelijke groet,\n\nj. de vries", "j. de vries"),
    ("Graag een reactie.\n\nGroet,\nM.J. Verstappen", "M.J. Verstappen"),
    ("Ik heb gebeld met Fatima el Amrani over de factuur.", "Fatima el Amrani"),
    ("Het account staat op naam van Willemijn van der Berg sinds vorig jaar.", "Willemijn van der Berg"),
    ("It works now.\n\nCheers,\nHannah Pryce", "Hannah Pryce"),
    ("Please fix it.\n\nKind regards,\nOliver Whitmore", "Oliver Whitmore"),
    ("Best,\nPriya", "Priya"),
    ("From: Arjun Mehta <arjun@example.com>\nSubject: PHP", "Arjun Mehta"),
    ("Op di 6 mei 2025 schreef Lotte van Dijk <lotte@example.nl>:\n> Hoi", "Lotte van Dijk"),
    ("On Tue, 6 May 2025 at 16:22, Lotte van Dijk <lotte@example.nl> wrote:\n> Hi", "Lotte van Dijk"),
    ("Naam: Joyce Pinas\nE-mail: joyce@example.nl", "Joyce Pinas"),
    ("My name is Daniel Okafor and I manage the account.", "Daniel Okafor"),
    ("Mijn vader, Johannes (Hans) Dijkstra, is overleden.", "Johannes (Hans) Dijkstra"),
    ("Groeten,\nIngrid de Bruijn-Pauw", "Ingrid de Bruijn-Pauw"),
]


@pytest.mark.parametrize(("text", "name"), POSITIVE)
def test_finds_person(finder: NameFinder, text: str, name: str) -> None:
    assert name in persons(finder, text)


# (text, a word that must NOT be (part of) a PERSON)
NEGATIVE = [
    ("Mijn adres is Kerkstraat 12 in Tilburg.", "Kerkstraat"),
    ("Mark as read does not work in the webmail.", "Mark"),
    ("Will you renew the certificate?", "Will"),
    ("Hi all,\n\nthe server is down.", "all"),
    ("Dear Sir/Madam,\n\nI would like to cancel.", "Sir"),
    ("Unfortunately the DNS is still wrong.", "Unfortunately"),
    ("Van wie is dit domein?", "Van"),
    ("Hoi support,\n\nde mail werkt niet.", "support"),
    ("Mijn mailbox is info@bakkerij-jansen.nl", "jansen"),
]


@pytest.mark.parametrize(("text", "word"), NEGATIVE)
def test_not_a_person(finder: NameFinder, text: str, word: str) -> None:
    assert not any(word in p for p in persons(finder, text))


def test_person_and_company_with_same_surname(finder: NameFinder) -> None:
    text = "Groet,\nMarieke Hoogendoorn\nFysiotherapie Hoogendoorn"
    assert persons(finder, text) == ["Marieke Hoogendoorn"]


def test_signals_can_be_switched_off() -> None:
    text = "Kan iemand helpen?\n\ngroetjes roos"
    assert persons(NameFinder(signals={"lexicon", "organization"}), text) == []
    assert persons(NameFinder(signals={"signature"}), text) == ["roos"]


def test_linear_time_on_large_input(finder: NameFinder) -> None:
    import time

    block = "Hoi Sanne,\n\nDe site van Bakkerij Jansen B.V. is traag, zegt Jan de Vries.\n\nGroet,\nPiet\n\n"

    def cpu_seconds(blocks: int) -> tuple[float, int]:
        started = time.process_time()
        found, _ = finder.find(block * blocks)
        return time.process_time() - started, len(found)

    # Linear, not fast: ten times the text (~ 0.07 -> 0.7 MB) may cost at most about ten times the CPU
    # (a quadratic scan would cost a hundred). A ratio of CPU times holds on a busy machine, where an
    # absolute bound in seconds failed under load.
    small, _ = cpu_seconds(800)
    large, found = cpu_seconds(8000)
    assert found >= 8000
    assert large < 25 * max(small, 0.01)


# Messages of the same kinds as the corpus but written for these tests: names, titles and trades differ.
UNSEEN = [
    (
        "Hartelijke groet,\nFemke van den Heuvel-Bakker\nAdministratiekantoor Van den Heuvel\n",
        ["Femke van den Heuvel-Bakker"],
        ["Administratiekantoor Van den Heuvel"],
    ),
    (
        "Many thanks,\nTom Fairbanks | Operations Manager\nRiverside Yoga Studio Ltd\n",
        ["Tom Fairbanks"],
        ["Riverside Yoga Studio Ltd"],
    ),
    ("yo\nmijn domein is verlopen\nthx\ngr jordy", ["jordy"], []),
    ('From: "Siddharth Rao" <sid@example.org>\nTo: Emily Clarke <emily@example.co.uk>\n', ["Siddharth Rao"], []),
    ("On 14 Mar 2025, at 10:02, support wrote:", [], []),
    ("Hoi,\n\nWe gebruiken nu CloudNest als provider.", [], ["CloudNest"]),
    ("graag terugstorten op NL91ABNA0417164300\ntnv p. de graaf\nbedankt", ["p. de graaf"], []),
    ("Mijn klant (dr. An Peeters) kan niet inloggen.", ["An Peeters"], []),
    ("Vanaf nu is Elke Hendriks de contactpersoon; Hendriks belt morgen.", ["Elke Hendriks"], []),
    (
        "Kunnen jullie dat aanpassen?\n\nmarek zielinski\nzielinski schilderwerken\n06 12 34 56 78",
        ["marek zielinski"],
        ["zielinski schilderwerken"],
    ),
    ("Het is heet vandaag in de serverruimte.", [], []),
]


@pytest.mark.parametrize(("text", "people", "companies"), UNSEEN)
def test_unseen_messages(finder: NameFinder, text: str, people: list[str], companies: list[str]) -> None:
    found = persons(finder, text)
    for name in people:
        assert name in found
    for org in companies:
        assert org in orgs(finder, text)
        assert not any(org in p or p in org for p in found)
    if not people:
        assert found == []
