"""User names and e-mail local parts that are a person's name (issue #16): the ``login`` signal.

pii-policy: a value inside an e-mail address is not annotated on its own (the address as a whole is
stripped), but the same login name standing alone is a PERSON: "jdevries", "s.bakker84", "pieter.jansen".
"""

from __future__ import annotations

import pytest

from scrubber.recognizers.names import NameFinder
from tests.scrubber.recognizers.names.spans import persons

LOGINS = [
    # after a login cue, from the lexicon
    ("gebruikersnaam jdevries, wachtwoord kwijt", ["jdevries"]),
    ("Username: s.bakker84\nPassword: (sent separately)", ["s.bakker84"]),
    ("login: pieter.jansen werkt niet meer", ["pieter.jansen"]),
    ("my user is emma_clarke and I cannot log in", ["emma_clarke"]),
    ("inlognaam: fyilmaz", ["fyilmaz"]),
    ("Benutzername: thomas.weber", ["thomas.weber"]),
    ("je gebruiker is daanvisser", ["daanvisser"]),
    ("login: jan-willem.vd.berg", ["jan-willem.vd.berg"]),
    ("user grace.okonkwo, the password I will send by phone", ["grace.okonkwo"]),
    # derived from a name in the same message
    ("Ik ben Sanne Bakker. Inloggen als sbakker lukt niet.", ["Sanne Bakker", "sbakker"]),
    ("Hi, Oliver Whitmore here. owhitmore cannot reach the control panel.", ["owhitmore"]),
    ("Groet,\nHenk van Leeuwen\n\nPS mijn login is hvanleeuwen", ["hvanleeuwen"]),
    # derived from an e-mail local part in the same message
    ("Mijn mail is m.devries@ziggo.nl. Inloggen als mdevries lukt niet.", ["mdevries"]),
    ("Reset the account of kwame.mensah@example.com please; kwame.mensah is locked out.", ["kwame.mensah"]),
    # the shapes that are a name on their own
    ("s.bakker84 heeft geen toegang meer tot wp-admin", ["s.bakker84"]),
    ("jdevries heeft geen toegang meer tot wp-admin", ["jdevries"]),
    ("can you unlock anna.kowalski? she typed the password wrong", ["anna.kowalski"]),
]
NOT_LOGINS = [
    ("gebruikersnaam admin, wachtwoord kwijt", ["admin"]),
    ("username: info\npassword: (sent separately)", ["info"]),
    ("login: webmaster werkt niet meer", ["webmaster"]),
    ("Inloggen via wp-admin lukt niet, ook niet via wp-login.php", ["admin", "login"]),
    ("Zet de php.ini op memory_limit 256M", ["memory_limit", "php.ini"]),
    ("De map public_html/wp-content/uploads is leeg", ["public_html", "uploads"]),
    ("user root, poort 22", ["root"]),
    ("database user shop_prod heeft geen rechten", ["shop_prod"]),
    ("Stuur het naar info@bakkerijjansen.nl", ["info", "bakkerijjansen"]),
    ("Open index.html en style.css in de editor", ["index.html", "style.css"]),
]


@pytest.mark.parametrize(("text", "names"), LOGINS)
def test_login_names(finder: NameFinder, text: str, names: list[str]) -> None:
    found = persons(finder, text)
    for name in names:
        assert name in found, (name, found)


@pytest.mark.parametrize(("text", "words"), NOT_LOGINS)
def test_not_login_names(finder: NameFinder, text: str, words: list[str]) -> None:
    found = persons(finder, text)
    for word in words:
        assert not any(word in p or p in word for p in found), (word, found)


def test_local_part_is_not_stripped_inside_the_address(finder: NameFinder) -> None:
    """The address is EMAIL_ADDRESS as a whole; no PERSON inside it."""
    text = "Mail naar jan.devries@example.nl of bel me."
    start = text.index("jan.devries@")
    end = text.index(" of")
    found, _ = finder.find(text)
    assert not any(s < end and start < e for s, e, _, _ in found)
