"""Issue 16, the fifth by-author round (chat: authors q and r tuned on, s and t held out whole): made-up rows.

- A password with spaces, said to have them ("Tulpen 1962 (with the space)", "(met spaties ja)", "mit Leerzeichen") or
  said to be exactly as typed ("precies zo", "exactly like that"): the whole value up to that note.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

SPACED_PASSWORD = [
    ("my aunt says the password was Zomer Huis 77 (with the spaces) but it keeps failing", "Zomer Huis 77"),
    # (the pictographs are left: the words are the secret)
    ("wachtwoord veranderd naar\nik hou van kaas 🧀🧀\n(met spaties ja) maar het werkt niet", "ik hou van kaas"),
    ("she says the password is Noor&Sami 4ever (that's her kids) with a space", "Noor&Sami 4ever"),
    ("op het geeltje staat het wachtwoord van de FTP: 'Meeuw#12 Duin' (met spatie ertussen). Host is ftp.x.nl",
     "Meeuw#12 Duin"),
    ("The password I typed is Lagos Sun 2021 ☀ , precies zo met de zon.", "Lagos Sun 2021"),
    ("Das Passwort ist Berg Blick 9 mit Leerzeichen, geht aber nicht.", "Berg Blick 9"),
]


@pytest.mark.parametrize(("text", "value"), SPACED_PASSWORD)
def test_a_password_said_to_hold_spaces(assert_stripped: Callable[[str, str], None], text: str, value: str) -> None:
    assert_stripped(text, value)


# A name in lower case, as chats write it, after a relative ("mijn moeder khadija bouazza", "my nan dorothy mensah",
# "de dochter van khadija bouazza") or after a name label without its colon at a line's start ("name kofi asante"):
# two parts or more, the first a known first name.
LOWER_CASE_NAME = [
    ("hoi, ik ben de dochter van fatima el amrani. mama krijgt steeds mails", "fatima el amrani"),
    ("my nan dorothy mensah is locked out of her mail", "dorothy mensah"),
    ("mijn moeder khadija bouazza krijgt rare mails", "khadija bouazza"),
    ("expiry 12/25 cvv 610\nname kofi asante\nthanks", "kofi asante"),
    ("kaart 4676 3288 8495 1234\nnaam op kaart sanne de boer", "sanne de boer"),
    # a card's name field after a sentence on the same chat line, in block capitals
    ("i paid by card, 03/27, 422. name on card LIU MEILING. did it go through?", "LIU MEILING"),
    # a signature after a dash on the last line
    ("I set a new db password yesterday, just so you know\n— gurpreet", "gurpreet"),
]


@pytest.mark.parametrize(("text", "value"), LOWER_CASE_NAME)
def test_a_lower_case_name_after_a_relative_or_a_label(assert_stripped: Callable[[str, str], None], text: str,
                                                       value: str) -> None:
    assert_stripped(text, value)


NOT_A_NAME = [
    ("mijn moeder kan niet inloggen sinds gisteren", "kan niet"),
    ("thanks for the help\n- the team", "the team"),
    ("name server ns1 is down since this morning", "server ns1"),
]


@pytest.mark.parametrize(("text", "value"), NOT_A_NAME)
def test_everyday_words_after_them_stay(assert_untouched: Callable[[str, str], None], text: str, value: str) -> None:
    assert_untouched(text, value)


# A chat's address in lower case with a Dutch postcode's capitals: the place after the postcode belongs to it (the
# postcode's letters made the line count as capitalised, so the lower-case reading skipped it).
LOWER_CASE_ADDRESS = [
    ("adres: vechtstraat 88 3521 ZH utrecht", "vechtstraat 88 3521 ZH utrecht"),
    ("Nieuw adres is snelliusstraat 27 bis, 3061 NX rotterdam. Groet", "snelliusstraat 27 bis, 3061 NX rotterdam"),
    ("mijn adres: kerkstraat 5 6814DK arnhem", "kerkstraat 5 6814DK arnhem"),
]


@pytest.mark.parametrize(("text", "value"), LOWER_CASE_ADDRESS)
def test_a_lower_case_address_with_a_postcode(assert_stripped: Callable[[str, str], None], text: str,
                                              value: str) -> None:
    assert_stripped(text, value)


def test_the_word_before_a_postcode_is_no_postcode(assert_untouched: Callable[[str, str], None]) -> None:
    assert_untouched("postcode is 6814DK hoor", "is")
