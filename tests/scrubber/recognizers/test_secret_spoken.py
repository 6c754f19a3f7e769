"""Issue 16, credentials by author: a password spelled out or read aloud after its cue, as people dictate to a phone.

"het wachtwoord is nu K o e k 7 7" (one character at a time), "de code voor de deur is 5 2 8 1", "mijn wachtwoord is
zonnehoed drie drie uitroepteken" (number and symbol words), "the password was maple two thousand nine hashtag": the
run after the cue's "is"/"was"/":" up to the clause's end is one value. The rows are made up for these tests.
"""

from __future__ import annotations

import pytest

from tests.scrubber.checks import TableCheck

CREDENTIAL = [
    # one character at a time
    ("het wachtwoord is nu K o e k 7 7 maar dat werkt niet meer", "K o e k 7 7"),
    ("de code voor de deur van het kantoor is 5 2 8 1 als je binnen wilt", "5 2 8 1"),
    ("my password is P i n e 4 2, all lower case but the P", "P i n e 4 2"),
    # number and symbol words read aloud
    ("mijn wachtwoord is zonnehoed drie drie uitroepteken dat heeft hij gedaan", "zonnehoed drie drie uitroepteken"),
    ("the password was maple two thousand nine hashtag and it stopped working", "maple two thousand nine hashtag"),
    ("das Passwort ist Wiesel sieben sieben Ausrufezeichen, bitte ändern", "Wiesel sieben sieben Ausrufezeichen"),
    ("het wachtwoord van de webmail is nu fiets sterretje vijf", "fiets sterretje vijf"),
]

NOT_CREDENTIAL = [
    # a state of the password, not its value; a count; an ordinary sentence after the cue
    ("de code is drie keer fout ingevoerd", "drie keer"),
    ("the key is valid for two more days", "two more days"),
    ("the password is one of the two I sent you", "one of the two"),
    ("mijn wachtwoord is al drie dagen kwijt", "drie dagen kwijt"),
    ("de code is nog niet binnen", "nog niet binnen"),
    ("the password has a capital letter and a number in it", "capital letter"),
    ("het wachtwoord is te kort, er moeten minimaal acht tekens in", "acht tekens"),
]


@pytest.mark.parametrize(("text", "value"), CREDENTIAL)
def test_spoken_password(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "CREDENTIAL")


@pytest.mark.parametrize(("text", "value"), NOT_CREDENTIAL)
def test_not_credential(assert_not_recognised_as: TableCheck, text: str, value: str) -> None:
    assert_not_recognised_as(text, value, "CREDENTIAL")
