"""Issue 16, credentials by author: a password-shaped token in a message that talks about a secret, without its own cue.

Writers who never saw the rules give their passwords in running text ("het nieuwe is Vlieger3", "ik probeerde ook
Tafel.Groen.5"), in a list of accounts ("mail / Lantaarn-1977"), after a remark ("voor de zekerheid: ..."), far from
the word "wachtwoord". Shapes the no-cue rules keep everywhere (one digit after a word, words joined by a dash or a
dot with a year, two words joined by "@") are stripped when the message talks about a password, a PIN, a code or a
key nearby. The rows are made up for these tests, not taken from any corpus.
"""

from __future__ import annotations

import pytest

from tests.scrubber.checks import TableCheck

CREDENTIAL = [
    # one digit after a word, in a sentence about the password
    ("Ik heb het wachtwoord veranderd. Het oude was Vlieger2 en het nieuwe is Vlieger3, het werkt niet.", "Vlieger3"),
    ("the password keeps failing. I typed Lantern5 twice, then gave up", "Lantern5"),
    # words joined by a dash, a dot or an underscore, with a year or a digit
    ("inloggen lukt niet, het wachtwoord van de webmail is toch Lantaarn-1977?", "Lantaarn-1977"),
    ("Mein Passwort habe ich geändert, jetzt ist es Wolke.Blau.4 und es geht nicht", "Wolke.Blau.4"),
    ("password reset didn't help, I set it to Harbour_2021! and still nothing", "Harbour_2021!"),
    ("de wifi code staat op het kastje, maar ik heb hem veranderd naar Zwaluw-Zomer-22", "Zwaluw-Zomer-22"),
    # a digit inside a word, and a word with digits and a closing "!" (not a sentence's end)
    ("My password is not accepted anymore. Could it be Bicycle4ever! that I used before?", "Bicycle4ever!"),
    ("Het wachtwoord van de kassa: we hebben Kassa7lade geprobeerd, en daarna niks.", "Kassa7lade"),
    # a list of accounts with " / " between the login and the password
    ("Mijn wachtwoorden voor jullie:\nwebmail: info@zaak.nl / Klaproos-1958\nwinkel: beheer", "Klaproos-1958"),
    # two words joined by "@" that is no e-mail address
    ("het wachtwoord van de ledenlijst is Zaterdag@Kantine sinds vorig jaar", "Zaterdag@Kantine"),
    # a capitalised word with a year, with an accent ("Été2024": not only ASCII letters)
    ("ancien mot de passe Hiver2023, nouveau Écureuil2024 et rien ne marche", "Écureuil2024"),
    # a value typed again, named by the verb only ("re-entered", "ingevoerd") in a message about the login
    ("The FTP login fails since monday. I re-entered Harbour_Light_35 but it is still refused.", "Harbour_Light_35"),
    # a lower-case word with a year, a few sentences after the password was named
    ("Ik kan niet inloggen. Ik heb alles geprobeerd. Mijn zoon zegt dat ik het veranderd heb. "
     "Misschien was het fietsbel1984, dat gebruik ik vaak.", "fietsbel1984"),
]

NOT_CREDENTIAL = [
    # no secret talked about: the same shapes are kept
    ("Het pakket met Vlieger3 is gisteren verstuurd.", "Vlieger3"),
    ("We hebben de stand Lantaarn-1977 op de markt gehuurd.", "Lantaarn-1977"),
    # a secret talked about a sentence earlier, but the token is a reference, product, version, date, domain or place
    # (right after a cue, and for some shapes a sentence on, the cue rules of ``credentials`` take the value
    # whatever it is: fail closed; those are theirs, not this module's)
    ("Mijn wachtwoord werkt niet. Sinds de update naar versie 4.2.1 van Outlook gaat het mis.", "4.2.1"),
    ("My password fails. It happens on my iPhone15 and on Windows11 alike.", "Windows11"),
    ("The password page is broken. Since monday it shows error E-4012 to everyone.", "E-4012"),
    ("Het wachtwoord klopt niet. Ik heb het op 12-03-2024 nog gebruikt.", "12-03-2024"),
    ("The password was reset. Now bakkerij-zon2.nl shows a blank page.", "bakkerij-zon2.nl"),
    ("Het wachtwoord van de mail klopt niet. Het gaat om mijn Galaxy-S23 van de zaak.", "Galaxy-S23"),
    ("De wifi code weet ik niet. Het netwerk heet Bakkerij-Gasten-5G en staat in de winkel.", "Bakkerij-Gasten-5G"),
    ("Wachtwoord kwijt. Het gaat om de afdeling Noord-Brabant van de bond.", "Noord-Brabant"),
    ("Wachtwoord vergeten. Factuur F2024-0031 is wel betaald.", "F2024-0031"),
    ("Wachtwoord vergeten. Mijn klantnummer is KL-20931.", "KL-20931"),
    ("Inloggen lukt niet. We zitten in Sint-Oedenrode, vlak bij Eindhoven.", "Sint-Oedenrode"),
    # brands of two glued words, and a place of three, next to a login
    ("De login van WordPress werkt niet. Via PhpMyAdmin zie ik de gebruiker wel staan.", "PhpMyAdmin"),
    ("Password reset failed. Our shop map comes from OpenStreetMap, does that matter?", "OpenStreetMap"),
]


@pytest.mark.parametrize(("text", "value"), CREDENTIAL)
def test_credential_in_secret_context(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "CREDENTIAL")


@pytest.mark.parametrize(("text", "value"), NOT_CREDENTIAL)
def test_not_credential(assert_not_recognised_as: TableCheck, text: str, value: str) -> None:
    assert_not_recognised_as(text, value, "CREDENTIAL")
