"""Issue 16, names by author: a chat's closing and first name at the end of one long line, without a full stop before.

People typing on a phone sign "... dat heb ik gisteren nog gebruikt groetjes anneke", "... wel aan 👍 groetjes
monique", or end a 300-character line with ". groet, jeroen koster". The closing rules looked for a closing at a
line's start, or after a full stop on a line under 200 characters. The rows are made up for these tests.
"""

from __future__ import annotations

import pytest

from tests.scrubber.checks import TableCheck

_LONG = ("de website doet het wel maar de mail op de telefoon niet en ook niet op de laptop van mijn man, "
         "we hebben alles al opnieuw opgestart en de app verwijderd en weer geïnstalleerd, niks helpt. ")

PERSON = [
    # a closing after a word, with no punctuation before it
    ("kunnen jullie even kijken dat heb ik gisteren nog gedaan groetjes wilma", "wilma"),
    # a closing after an emoji
    ("dat vraag ik dan wel via de knop aan 👍 groetjes marjolein", "marjolein"),
    ("ok top 😊 thanks sanne", "sanne"),
    # a closing at the end of a line longer than 200 characters, after a full stop
    (_LONG + "groet, gerrit jansen", "gerrit jansen"),
    (_LONG + "groetjes ineke", "ineke"),
    # the name followed by where the writer works
    ("kunnen jullie dat nakijken? tnx! groetjes fenna van kapsalon knipt", "fenna"),
]

NOT_PERSON = [
    # a closing word inside a sentence, followed by ordinary words
    ("ik wil jullie alvast bedankt zeggen voor de hulp", "voor"),
    ("thanks for nothing so far", "nothing"),
    ("de groeten aan iedereen daar", "iedereen"),
    ("ok thanks for that", "that"),
    ("ok fijn, groetjes aan je collega", "collega"),
    ("en de groeten van mijn vrouw", "vrouw"),
    # whom the thanks address
    ("het werkt weer, top gedaan thanks mate", "mate"),
    ("alles doet het weer 🙏 groetjes allemaal", "allemaal"),
]


@pytest.mark.parametrize(("text", "value"), PERSON)
def test_person_after_chat_closing(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "PERSON")


@pytest.mark.parametrize(("text", "value"), NOT_PERSON)
def test_not_a_name(assert_not_recognised_as: TableCheck, text: str, value: str) -> None:
    assert_not_recognised_as(text, value, "PERSON")
