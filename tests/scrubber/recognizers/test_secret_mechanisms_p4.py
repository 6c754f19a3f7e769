"""Issue 16 secrets: cue typos in four languages, glued and table values, passphrases, router keys, hard negatives.

Each row names a mechanism (``secret_cues``, ``secret_tables``, the glued "label:value" split, the relaxed
random-key shape), not a message of a corpus: the values are made up for these tests.
"""

from __future__ import annotations

import re

import pytest

from scrubber.recognizers import credentials, secret_cues, secrets
from tests.scrubber.checks import TableCheck, check_first_letter_guard, check_stems_in_every_match

POSITIVE = [
    # cue words as typed, in nl/en/de/fr, with dash, arrow, glued and table markers
    ("wachtwoort: Fietspomp!31", "Fietspomp!31"),
    ("Kenwort -> Holzbank77", "Holzbank77"),
    ("Paßwort ist Regenschirm#5", "Regenschirm#5"),
    ("mot-de-passe - GIRAFE2020", "GIRAFE2020"),
    ("mdp:Chaussette12", "Chaussette12"),
    ("Passwrt:Kuchenteller", "Kuchenteller"),
    ("Wachtwoord | Lantaarnpaal88", "Lantaarnpaal88"),
    ("toegangscode:\nKorenbloemveld", "Korenbloemveld"),
    ("WW 'Broodrooster'", "Broodrooster"),
    ("Geheimzahl 6042", "6042"),
    ("Ihre TAN lautet 720391", "720391"),
    ("ontgrendelcode van de telefoon: 8520", "8520"),
    ("wachtwoord: Welkom!", "Welkom!"),
    ("ww is kaas&wijn", "kaas&wijn"),
    # a login glued to its password by a colon, outside a URL
    ("de ftp login is webbeheer:Qz8!mTr4Lp", "Qz8!mTr4Lp"),
    # passphrases: a state word may start one, a conjunction or chat word ends it, the label's next line
    ("my pw is correct lantern walrus pebble, keep it safe", "correct lantern walrus pebble"),
    ("het ww is nu groene kikker zwemt traag maar hij pakt hem niet", "groene kikker zwemt traag"),
    ("Password\nkettle canyon violin cactus\nthanks", "kettle canyon violin cactus"),
    # Wi-Fi and router keys
    ("WLAN-Schlüssel: 1234 5678 9012 3456 7890", "1234 5678 9012 3456 7890"),
    ("Der WLAN-Schlüssel vom Speedport 3 ist 5512 0934 7781 2209.", "5512 0934 7781 2209"),
    ("clé WPA : 9F3A77C0D2B4E61A5C8D", "9F3A77C0D2B4E61A5C8D"),
    ("netwerksleutel is Zeemeeuw-Duin-42", "Zeemeeuw-Duin-42"),
    # random keys with a single digit among many case changes, without any cue
    ("I typed TkwPzqLmRb7x twice and it still fails", "TkwPzqLmRb7x"),
    # Mailchimp's key format
    ("key 0123456789abcdef0123456789abcdef-us14 stopped working", "0123456789abcdef0123456789abcdef-us14"),
    # password columns of pasted tables (any shape: plain words too)
    ("user;wachtwoord;rol\nbeheer;zandkasteel;admin\nshop;Winkel55;editor", "zandkasteel"),
    ("user;wachtwoord;rol\nbeheer;zandkasteel;admin\nshop;Winkel55;editor", "Winkel55"),
    ("| login | password |\n|---|---|\n| info | bramenstruik |\n", "bramenstruik"),
    ("name\tPasswort\nbuero\tTannenbaum\n", "Tannenbaum"),
    # a user label, a login name and a password cue in a row: the value whatever its shape
    ("u: beheer p: molen7", "molen7"),
    ("inloggen met gebruikersnaam beheer en wachtwoord lijsterbes", "lijsterbes"),
    # a short random token when digits and cases change all through it; a lower-case word with digits when using it
    ("probeer eens met Rq7vTk3W", "Rq7vTk3W"),
    ("I used lavender77 for the webmail", "lavender77"),
    ("inlog kapper ww schaar", "schaar"),
    ("user shop pass lavender", "lavender"),
    ("identifiant boutique mot de passe grenouille", "grenouille"),
    # after "logging in with": dashed passphrases and runs of uncommon words, also after "and"
    ("tried logging in with kettle-canyon-violin and maple zebra cactus rocket, no luck", "kettle-canyon-violin"),
    ("tried logging in with kettle-canyon-violin and maple zebra cactus rocket, no luck", "maple zebra cactus rocket"),
    # a quoted plain word after its cue and marker wins over a name look-alike
    ("het wachtwoord voor de router is 'KaasMetMosterd'", "KaasMetMosterd"),
]

NEGATIVE = [
    # product names, versions, colours, code with a sentence's "?" or "!" after it
    ("kunnen jullie de kleur #ff6600? of liever #00aa88!", "#ff6600"),
    ("draait dit al op PHP8.3?", "PHP8.3"),
    ("de WLAN-Schlüssel staat op de FRITZ!Box zelf", "FRITZ!Box"),
    # camelCase names in code and product names with one digit
    ("the method getUserById2 throws", "getUserById2"),
    ("my iPhone15ProMax and MacBookPro2 sync fine", "iPhone15ProMax"),
    # a JSON error code, times, MAC addresses and public-key fingerprints stay
    ('{"error":"unauthorized","code":40101}', "40101"),
    ("backup draait om 10:30 en 22:45", "10:30"),
    ("MAC 3C:22:FB:1A:9E:04 krijgt geen IP", "3C:22:FB:1A:9E:04"),
    ("fingerprint SHA256:9fKq2Lm8xQ is the new host key", "SHA256:9fKq2Lm8xQ"),
    # prose after a cue and a table without a password column
    ("the password is correct but the login still fails", "correct"),
    ("Password\nreset link expired again\nthanks", "reset link expired again"),
    ("naam;plaats;telefoonabonnement\nbakker;utrecht;basis\n", "basis"),
    ("user;wachtwoord\nbeheer;-\nshop;n/a\n", "n/a"),
    # words about the password, a label on the next line, products after "logged in with"
    ("login admin wachtwoord is onbekend", "onbekend"),
    ("Username: jan, password: see attachment", "see"),
    ("sms voor de inlogcode is prima.", "prima"),
    ("Onderwerp: wachtwoord\nBericht: ik kan niet inloggen", "Bericht"),
    ("user admin password vergeten", "vergeten"),
    ("tried logging in with chrome firefox safari but nothing", "chrome firefox safari"),
    ("I logged in with my new laptop", "my new laptop"),
    # a lower-case word at a sentence's end, a mailbox shorthand, everyday words joined by "+", a date after a cue
    ("Ik heb het wachtwoord gereset via de link, bedankt!", "bedankt!"),
    ("Can you reset the password for info@ and sales@?", "info@"),
    ("Password policy: Upper+lower+digit+symbol", "Upper+lower+digit+symbol"),
    ("the key was in the email from 2023-11-03 at 14:22", "2023-11-03"),
    ("mijn gebruikersnaam is klant123", "klant123"),
    ("Der WLAN-Schlüssel vom Speedport 3 ist 5512 0934 7781 2209.", "Speedport 3"),
    ("we use jquery3 and vue3 on the site", "jquery3"),
    ("the iPhone13 and iPad2 both run iOS17", "iPhone13"),
]


@pytest.mark.parametrize(("text", "value"), POSITIVE)
def test_recognised(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "CREDENTIAL")


@pytest.mark.parametrize(("text", "value"), NEGATIVE)
def test_not_recognised(assert_not_recognised_as: TableCheck, text: str, value: str) -> None:
    assert_not_recognised_as(text, value, "CREDENTIAL")


@pytest.mark.parametrize(
    ("pattern", "stems"),
    [(secret_cues.CUE, secret_cues.CUE_STEMS), (secret_cues.PIN_CUE, secret_cues.PIN_STEMS)],
    ids=["cue", "pin"],
)
def test_stems_are_in_every_match(pattern: re.Pattern[str], stems: tuple[str, ...]) -> None:
    check_stems_in_every_match(pattern, stems)


def test_glued_label_is_not_a_scheme_time_or_address() -> None:
    for token in ("https://x", "10:30", "3C:22:FB:1A", "fe80::1", "std::vector", "a:b"):
        assert not secrets._GLUED_LABEL.match(token), token
    for token in ("pwd:Xy7#kLm2", "shop_rw:Bq4$Lm9p"):
        assert secrets._GLUED_LABEL.match(token), token


def test_table_column_stops_at_a_line_of_another_width() -> None:
    text = "user,password\nadmin,Zq8!pLm3\n\nIk heb daarna, zoals gezegd, niets veranderd"
    found = [text[r.start : r.end] for r in credentials.CredentialRecognizer("nl").find(text)]
    assert found == ["Zq8!pLm3"]


def test_cue_first_letter_guard_changes_no_match() -> None:
    check_first_letter_guard(secret_cues.CUE)
