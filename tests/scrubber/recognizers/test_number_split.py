"""Identifiers as people paste and type them (issue 16, idnums): card groups split by markup or line ends, short
identifiers named by a personal cue, the one-or-two-letters-and-six-digits document shape, form labels on the line
under a document cue, German cue words ("perso", "IDD", a device's "Seriennummer" kept).

Values are synthetic: Luhn-valid test cards, made-up document numbers.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from scrubber.engine import Scrubber
from scrubber.recognizers.number_split import split_card_groups

STRIPPED = [
    # card groups inside markup, one per line, two halves over a line end, in a quoted reply
    ("<p>Card: <span>4111</span> <span>1111</span> <span>1111</span> <span>1111</span></p>", "4111"),
    ("5555\n5555\n5555\n4444\nde kaart die je vroeg", "5555\n5555\n5555\n4444"),
    ("discover 60110000\n00000004", "60110000\n00000004"),
    ("> 4111 1111\n> 1111 1111", "1111 1111"),
    # short identifiers named by a personal cue, any case
    ("nummer van mn id is dxsh8f278", "dxsh8f278"),
    ("die Seriennummer vom perso ist w66mj6vfz, reicht das?", "w66mj6vfz"),
    ("my passport is KX123456 thanks", "KX123456"),
    # the one-or-two-letters-and-six-digits shape without a cue
    ("Guest: Amira Haddad\nDocument: OQ539588\nArrival: 14 March", "OQ539588"),
    # a form's label on the line under the cue; the MRZ's document type as a cue
    ("Legitimatie: paspoort\nNummer: RHLNRH6C1\nAfgegeven door: Burgemeester", "RHLNRH6C1"),
    ("Auf der Rückseite steht nach IDD die Nummer GT4GJKH615. Ist das die richtige?", "GT4GJKH615"),
    # quoted cells and values, as spreadsheets export them and people quote them
    ('Naam;Paspoortnummer;Geldig tot\nPieter van Dijk;"KH135167";06-2032', "KH135167"),
    ('"CA99568JZ" is my passport number if you need it', "CA99568JZ"),
    ('jcb 3533426044043690 05/31 "263"', "263"),
    ('UK account for the refund: sort code 05-03-14, account number "73889871".', "73889871"),
    ('klant;bsn\nJansen;"111222333"', "111222333"),
    # a key that names the number, a document number wrapped over a line end or typed in lower-case groups
    ("here_is_the_number_you_asked_for=299797970", "299797970"),
    ("Mijn nr. identiteitskaart is RDS1\n2137 7, ik stuur geen kopie mee.", "RDS1\n2137 7"),
    ("Mijn paspoortnummer is ca8 201 7ar, ik stuur geen kopie mee.", "ca8 201 7ar"),
    ("Mijn paspoortnummer is\nGCFZTZFF4", "GCFZTZFF4"),
    ("FB 204817 als dat helpt.", "FB 204817"),
]

UNTOUCHED = [
    ("2019\n2020\n2021\n2022\nzijn de jaren van de facturen", "2019\n2020"),  # a list of years passes Luhn sometimes
    ("Order AB123456 shipped today", "AB123456"),  # an order number after its cue stays
    ("Seriennummer: 2C3A.123.45.678.901, Firmware 7.57.", "2C3A.123.45.678.901"),  # a device's serial stays
    ("mijn bankapp zegt fout E40012", "E40012"),
    ("mijn paspoort is verlopen op 12 mei 2024", "12 mei 2024"),  # a date after a document cue is no number
    ("in 2019\n2020 was het druk", "2019\n2020"),  # years in a wrapped sentence
    ("size=98765432 in the config", "98765432"),  # a technical setting
]


@pytest.mark.parametrize(("text", "value"), STRIPPED)
def test_stripped(assert_stripped: Callable[[str, str], None], text: str, value: str) -> None:
    assert_stripped(text, value)


@pytest.mark.parametrize(("text", "value"), UNTOUCHED)
def test_untouched(scrubber: Scrubber, text: str, value: str) -> None:
    start = text.index(value)
    end = start + len(value)
    hit = [e for e in scrubber.analyze(text).entities if e.action != "keep" and e.start < end and start < e.end]
    assert not hit, hit


def test_split_groups_are_reported_one_by_one() -> None:
    text = "<span>4111</span> <span>1111</span> <span>1111</span> <span>1111</span>"
    assert [text[s:e] for s, e in split_card_groups(text)] == ["4111", "1111", "1111", "1111"]
    assert list(split_card_groups("4111 1111 1111 1111")) == []  # spaces only: the card rule's own
    assert list(split_card_groups("4111\n1111\n1111\n1112")) == []  # Luhn fails
