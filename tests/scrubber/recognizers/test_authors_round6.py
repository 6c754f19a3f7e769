"""Issue 16, speech-to-text (author u tuned on; t held out whole): made-up rows.

- An e-mail address as a phone's speech engine writes it: the domain's words apart ("c dot ryan at ryan family dot
  ie", "info apenstaartje bakker schilders punt nl"), a number after the local part ("tom dot hill 77 at outlook dot
  com"), a second-level country domain ("dan at shore roofing dot com dot au"); prose with "at" stays, and so does
  an address whose local part is one everyday word before a bare "at" and one spoken dot ("ops at x dot dev").
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

SPOKEN_EMAIL = [
    ("she cant get into her email c dot ryan at ryan family dot ie she forgot it", "c dot ryan at ryan family dot ie"),
    ("het gaat om info apenstaartje bakker schilders punt nl alvast bedankt",
     "info apenstaartje bakker schilders punt nl"),
    ("my login is tom dot hill 77 at outlook dot com and the password", "tom dot hill 77 at outlook dot com"),
    ("the password for dan at shore roofing dot com dot au keeps failing", "dan at shore roofing dot com dot au"),
]
NOT_EMAIL = [
    ("I looked at the shop dot com page yesterday", "looked at the shop dot com"),
    ("we met at the cafe near the station dot com", "met at the cafe"),
]


@pytest.mark.parametrize(("text", "value"), SPOKEN_EMAIL)
def test_a_spoken_email_address(assert_stripped: Callable[[str, str], None], text: str, value: str) -> None:
    assert_stripped(text, value)


@pytest.mark.parametrize(("text", "value"), NOT_EMAIL)
def test_prose_with_at_stays(assert_untouched: Callable[[str, str], None], text: str, value: str) -> None:
    assert_untouched(text, value)


# A password dictated as a phone writes it: letters apart with their case named ("hoofdletter", "capital", "all
# lowercase"), a spelling word after "as in", symbols by name with "sign" or "mark", "then" between the pieces.
DICTATED_PASSWORD = [
    ("het wachtwoord is hoofdletter M e r e l 4 4 uitroepteken kunnen jullie kijken",
     "hoofdletter M e r e l 4 4 uitroepteken"),
    ("the login is admin and the password is capital B as in bravo r a m b l e 9 9 at sign capital T the site "
     "is down",
     "capital B as in bravo r a m b l e 9 9 at sign capital T"),
    ("my password is tulip all lowercase then 2 0 2 4 then a hashtag",
     "tulip all lowercase then 2 0 2 4 then a hashtag"),
]


@pytest.mark.parametrize(("text", "value"), DICTATED_PASSWORD)
def test_a_dictated_password(assert_stripped: Callable[[str, str], None], text: str, value: str) -> None:
    assert_stripped(text, value)
