"""Issue 16: e-mail addresses written to dodge spam filters ("anna [at] example [dot] nl", "piet punt jansen at gmail
punt com", "sanne(a)gmail.com") are e-mail addresses all the same; prose with "at" and a domain is not.
The rows are made up for these tests.
"""

from __future__ import annotations

import pytest

from tests.scrubber.checks import TableCheck

EMAIL = [
    ("mail me gerust: anna [at] example [dot] nl", "anna [at] example [dot] nl"),
    ("mijn mail is piet punt jansen at gmail punt com, bel anders", "piet punt jansen at gmail punt com"),
    ("stuur het naar jan.de.vries(at)ziggo.nl aub", "jan.de.vries(at)ziggo.nl"),
    ("mail: kees @ hotmail . com", "kees @ hotmail . com"),
    ("contact: sanne(a)gmail.com", "sanne(a)gmail.com"),
    ("reach me at john dot smith at gmail dot com thanks", "john dot smith at gmail dot com"),
    ("m.jansen [at] kpnmail [punt] nl is mijn adres", "m.jansen [at] kpnmail [punt] nl"),
    ("info apenstaartje bakkerijvos punt nl", "info apenstaartje bakkerijvos punt nl"),
    ("écrivez à claire {at} orange {dot} fr", "claire {at} orange {dot} fr"),
    ("e-mail: T.Visser AT Planet DOT nl", "T.Visser AT Planet DOT nl"),
]

NOT_EMAIL = [
    ("I looked at example dot com yesterday", "example dot com"),
    ("we zijn te vinden op bakkerijvos punt nl", "bakkerijvos punt nl"),
    ("the site at shop dot example dot com is down", "shop dot example dot com"),
    ("kijk eens op www punt voorbeeld punt nl", "voorbeeld punt nl"),
]


@pytest.mark.parametrize(("text", "value"), EMAIL)
def test_obfuscated_email(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "EMAIL_ADDRESS")


@pytest.mark.parametrize(("text", "value"), NOT_EMAIL)
def test_not_email(assert_not_recognised_as: TableCheck, text: str, value: str) -> None:
    assert_not_recognised_as(text, value, "EMAIL_ADDRESS")
