"""Issue 16, the fourth by-author round (authors m and n tuned on, o and p held out whole): made-up rows.

- The letters at the head of a document number ("ID-kaart IT6PR3KH4") are no trade word: "IT" glued to the digits
  that follow made an organisation "ID-kaart IT" that outranked the ID card number, which was kept. A trade word that
  is a word of its own ("Jansen IT levert") still names an organisation.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.scrubber.checks import TableCheck

ID_DOCUMENT = [
    ("Vennoot 1: Fenna Schouten-Kok, 02-11-1988, ID-kaart IT6PR3KH4", "IT6PR3KH4"),
    ("identiteitskaart nummer IT4KR2PL7 afgegeven te Breda", "IT4KR2PL7"),
]

ORGANIZATION = [
    ("Jansen IT levert de servers voor ons kantoor.", "Jansen IT"),
]


@pytest.mark.parametrize(("text", "value"), ID_DOCUMENT)
def test_document_number_with_letters_of_a_trade_word(assert_stripped: Callable[[str, str], None], text: str,
                                                      value: str) -> None:
    assert_stripped(text, value)


@pytest.mark.parametrize(("text", "value"), ORGANIZATION)
def test_a_trade_word_of_its_own_still_names_an_organisation(assert_recognised: TableCheck, text: str,
                                                              value: str) -> None:
    assert_recognised(text, value, "ORGANIZATION")
