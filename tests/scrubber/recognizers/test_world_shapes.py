"""High-risk values as customers really write them (issue 16, pii_tune_world2): general mechanisms, not cases.

Wrapped and dash-grouped IBANs, a personal cue outranking a shape explanation, labels glued to a number, one-time
codes and PINs in app groupings, a secret on the next filled line, list bullets before codes, a word password with
its digits apart, the secret after "is" rather than the login before it, sentence passwords, HTML around a token,
and the codes and MIME references that are no secrets. Values are made up; IBANs pass mod 97.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from scrubber.engine import Scrubber

Check = Callable[[str, str], None]

STRIPPED = [
    # IBAN wrapped at a group (also in a quote) and grouped with dashes
    ("Jazeker: NL91 ABNA\n0417 1643 00 (de regel liep door)", "NL91 ABNA\n0417 1643 00"),
    ("> graag op NL91ABNA\n> 0417164300 storten", "NL91ABNA\n> 0417164300"),
    ("IBAN NL-91-ABNA-0417-1643-00, BIC ABNANL2A", "NL-91-ABNA-0417-1643-00"),
    # a bank or citizen-number cue names the value: no version or date-stamp shape explains it away
    ("Rekeningnummer Rabobank 12.34.56.789 graag", "12.34.56.789"),
    ("mijn bsn 2025110301 klopt toch?", "2025110301"),
    # one-time codes and PINs as apps and people group them
    ("de sms-code is 31 52 77 maar die werkt niet", "31 52 77"),
    ("nieuwe pincode 8 2 6 3 graag niet opschrijven", "8 2 6 3"),
    ("the passcode is 730915", "730915"),
    # the secret on the line after the cue's colon, past a blank line
    ("Het wachtwoord dat ik gebruik:\n\nmolen-haven-77\n\nGroet", "molen-haven-77"),
    # bullets and numbers before the codes of a recovery list
    ("Backup codes:\n1. 7731 2290\n2. 6610 4471\n", "7731 2290"),
    ("Backup codes:\n1. 7731 2290\n2. 6610 4471\n", "6610 4471"),
    # a word password with its digits apart, and a sentence used as a password
    ("wachtwoord veranderd naar Zomerhuis 2031 met een spatie", "Zomerhuis 2031"),
    ("Het wachtwoord is wij gaan naar zee\nGroet, Ans", "wij gaan naar zee"),
    # a spelled-out document number on the line after a cue line ending in a colon
    ("paspoortnummer zoals gevraagd:\nN W 3 K 8 P 2 R 5\n", "N W 3 K 8 P 2 R 5"),
    ("identiteitsbewijsnummer: KX1234567", "KX1234567"),
    # the password cue as customers type it
    ("mijn wachwoord is Tulpen88", "Tulpen88"),
    ("paswoord: zonnebloem12", "zonnebloem12"),
    ("the pasword is Hunter2Hunter", "Hunter2Hunter"),
    # a passphrase of uncommon words right after the cue, and a card's code named by where it is printed
    ("wachtwoord ganzenbord lepelaar kruimeltaart werkt niet meer", "ganzenbord lepelaar kruimeltaart"),
    ("de 3 cijfers achterop zijn 482", "482"),
    # the nearest cue names the number: a personal one after a kept one
    ("factuur betaald, maar mijn bsn ingevuld 2025110301", "2025110301"),
    # one-time codes after a code compound, markup of a mail converted from HTML
    ("activatiecode 829301", "829301"),
    ("inlogcode: 58 20 19", "58 20 19"),
    ("Paspoortnummer: _NW1K2L3P4_", "NW1K2L3P4"),
    # a keypad code, a birth date after a bare "geb", a PIN after prose that holds a kept cue's letters ("serieus")
    ("de nieuwe code voor het hek is 4417#", "4417#"),
    ("bsn en geb 02-02-1988 staan erbij", "02-02-1988"),
    ("de pin is een-twee-drie-vier haha nee serieus: 8306", "8306"),
    # a bank account is no customer account
    ("my bank account number is 73849201, please refund", "73849201"),
    ("refund to my savings account 73849201", "73849201"),
    # an IBAN in lower case with its country apart
    ("graag op nl 91 abna 0417 1643 00 terugstorten", "nl 91 abna 0417 1643 00"),
]

UNTOUCHED = [
    ("Na de update van de bank-app naar 10.0.19045.3803 crasht hij", "10.0.19045.3803"),
    ("het wachtwoord is nog steeds niet goed\nGroet", "nog steeds niet goed"),
    ("my password is literally my cat's name", "literally my cat"),
    ("De zending heeft code JVGL0612345678901234, bestelling 4471920", "JVGL0612345678901234"),
    ("account 0123456789 at GCB bank, branch code 040101.", "040101"),
    ("[cid:image001.png@01DB2C3A.5F1E8A20]", "image001"),
    ("het wachtwoord van gebruiker web_admin is Pq8!rT4@Lm", "web_admin"),
    ("geb:12-03-1971 en verder niets", "geb:"),
    ("de kortingscode 482913 werkt niet", "482913"),
    # a payment reference named as such, though Luhn-valid, is no card
    ("Betaalkenmerk: 5012 8834 1177 2290", "5012 8834 1177 2290"),
    # a kept or version cue nearer than the personal one: the number is that, not the personal value
    ("ik heb mijn bsn ingevuld maar krijg foutcode 2025110301", "2025110301"),
    ("mijn bank-app heeft versie 10.0.19045.3803", "10.0.19045.3803"),
    ("wachten op de wachtrij 2 uur", "wachtrij"),
    ("het wachtwoord werkt niet meer sinds gisteren", "werkt niet meer sinds gisteren"),
]


@pytest.mark.parametrize(("text", "value"), STRIPPED)
def test_stripped(assert_stripped: Check, text: str, value: str) -> None:
    assert_stripped(text, value)


@pytest.mark.parametrize(("text", "value"), UNTOUCHED)
def test_untouched(assert_untouched: Check, text: str, value: str) -> None:
    assert_untouched(text, value)


@pytest.mark.parametrize("text", ["my account number is 73849201", "customer account 73849201"])
def test_a_customer_account_stays_kept(scrubber: Scrubber, text: str) -> None:
    kept = [(e.type, text[e.start : e.end]) for e in scrubber.analyze(text).entities if e.action == "keep"]
    assert kept == [("CUSTOMER_NUMBER", "73849201")]


def test_secret_after_the_login_name(scrubber: Scrubber) -> None:
    text = "het wachtwoord van gebruiker web_admin is Pq8!rT4@Lm"
    found = [text[e.start : e.end] for e in scrubber.analyze(text).entities if e.type == "CREDENTIAL"]
    assert found == ["Pq8!rT4@Lm"]


@pytest.mark.parametrize(
    "text", ["<p>wachtwoord: <b>Kl@ver9Blad</b></p>", "wachtwoord:\n<pre>Kl@ver9Blad</pre>", "<td>Kl@ver9Blad</td>"]
)
def test_html_tags_are_not_part_of_a_secret(scrubber: Scrubber, text: str) -> None:
    found = [text[e.start : e.end] for e in scrubber.analyze(text).entities if e.action == "redact"]
    assert found == ["Kl@ver9Blad"]
