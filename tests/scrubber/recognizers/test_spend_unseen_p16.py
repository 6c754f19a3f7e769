"""Issue 16: mechanisms found in the misses of pii_unseen's tune part, each with values and wordings of our own.

Every row names a mechanism (why no recognizer fired, or why a span was cut short), not a message of the
corpus: the values, words and languages here are made up for these tests.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.scrubber.checks import TableCheck

# (text, value): the value must be stripped as a CREDENTIAL
CREDENTIAL = [
    # a one-time code on the line after the cue's line (a chat that names the code, then pastes it)
    ("de verificatiecode komt wel binnen maar wordt geweigerd\n552 781", "552 781"),
    ("got the 2FA code again, still rejected\n604 913\nand another one now: 271 088", "604 913"),
    ("got the 2FA code again, still rejected\n604 913\nand another one now: 271 088", "271 088"),
    ("Der SMS-Code kommt an, funktioniert aber nicht\n318640", "318640"),
    ("le code SMS ne marche pas\n90 44 17", "90 44 17"),
    # a passphrase after its cue and a verb: the phrase without the verb
    ("de passphrase is blauwe fiets onder de brug", "blauwe fiets onder de brug"),
    ("our passphrase was quiet lantern over water.", "quiet lantern over water"),
    ("die Passphrase lautet grüner Apfel am Baum", "grüner Apfel am Baum"),
    # recovery codes of ten or twelve characters without separators, one per line
    ("backup codes:\nk7pq2mzx9w\nt4rn8vbc1y\nthanks", "t4rn8vbc1y"),
    ("Wiederherstellungscodes\n8f3kq9zt2m\nw2x7cp4nve5h\n", "w2x7cp4nve5h"),
    ("codes de récupération :\nqz84mnt6ra\nbv39kxp2sd", "bv39kxp2sd"),
    # a PIN that looks like a year, introduced by its marker in a later sentence of the PIN cue's window
    ("Ik wil mijn pincode laten resetten. De huidige is 1978, die kent iedereen.", "1978"),
    ("About the phone PIN for support: the old one was 2003 and it leaked.", "2003"),
    ("Die Support-PIN möchte ich ändern. Die alte ist 1990.", "1990"),
    ("PIN-code wijzigen graag. Oud: 2012, nieuw: 4471", "2012"),
]

CREDENTIAL_KEPT = [
    # the verb before a passphrase, and what the passphrase is sent to, are not it
    ("de passphrase is blauwe fiets onder de brug", "is"),
    ("can i just send the passphrase to your colleague?", "to your colleague"),
    ("ik stuur de wachtzin naar de nieuwe beheerder.", "naar de nieuwe beheerder"),
    # a database's own error text: "using password: YES" says a password was sent, not which
    ("ERROR 1045 (28000): Access denied for user 'shop'@'localhost' (using password: YES)", "YES"),
    ("Warning: Access denied for user 'root'@'127.0.0.1' (using password: NO) in /var/www/db.php", "NO"),
    ("wachtwoord: nee, dat heb ik niet ingesteld", "nee"),
    # a key's size is no secret
    ("The CSR: key is RSA 2048, SHA-256.", "2048"),
    ("Unser Schlüssel ist 4096 Bit lang", "4096"),
    ("clé RSA 3072 générée hier", "3072"),
    # a six-digit number named as something else, or not on a line of its own, after a code cue's line
    ("sms code komt niet aan\nKlantnummer 123456", "123456"),
    ("2FA code werkt niet.\nOrder 482 913 staat nog open", "482 913"),
    ("the sms code arrived\n\nInvoice total 120 000 is wrong", "120 000"),
    # recovery code cues with dates and versions on the next lines
    ("recovery codes regenerated on\n2026-12-01\n", "2026-12-01"),
    # a year near a PIN cue that is a year: after a time word, or named by another word
    ("pincode sinds 2019 niet meer gebruikt", "2019"),
    ("Pincode aangevraagd. Klant sinds 2015, dat is al lang.", "2015"),
    ("PIN reset please. Our account exists since 2009.", "2009"),
    ("Nieuwe pincode graag. Het contract is van 2021.", "2021"),
]

# (text, value): the value must be stripped as a CREDIT_CARD (a card's expiry with a one-digit month)
CARD = [
    ("4111 1111 1111 1111 exp 3/28 cvc 123", "3/28"),
    ("kaart 5500 0000 0000 0004, geldig t/m 7/2027", "7/2027"),
    ("Visa ending 4242, expiry date: 9/29", "9/29"),
    ("Mastercard 5555 5555 5555 4444\n1/30", "1/30"),
]

CARD_KEPT = [
    ("we exported 1/12 of the rows", "1/12"),
    ("expected 3/25 of the budget", "3/25"),
]


@pytest.mark.parametrize(("text", "value"), CREDENTIAL)
def test_credential(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "CREDENTIAL")


@pytest.mark.parametrize(("text", "value"), CREDENTIAL_KEPT)
def test_not_credential(assert_untouched: Callable[[str, str], None], text: str, value: str) -> None:
    assert_untouched(text, value)


@pytest.mark.parametrize(("text", "value"), CARD)
def test_card_expiry(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "CREDIT_CARD")


@pytest.mark.parametrize(("text", "value"), CARD_KEPT)
def test_not_card_expiry(assert_not_recognised_as: TableCheck, text: str, value: str) -> None:
    assert_not_recognised_as(text, value, "CREDIT_CARD")


# (text, value): a cell under a header naming a person's membership, staff, student or patient number in a pasted
# table is a number that identifies a person (a members' or staff list), whatever its shape
PERSON_NUMBER_COLUMN = [
    ("personeelsnummer,voornaam,achternaam,geboortedatum\nP-20431,Femke,Jansen,1988-02-11\n"
     "P-20432,Sven,Kok,1990-07-30", "P-20432"),
    ("member_id\tname\temail\nM-55120\tOliver Grant\toliver@example.org\n", "M-55120"),
    ("Mitgliedsnummer;Name;Geburtsdatum\nTV-0481;Lena Vogt;2010-05-02\n", "TV-0481"),
    ("| n° adhérent | nom | date de naissance |\n|---|---|---|\n| AD-7781 | Claire Petit | 2011-03-14 |\n", "AD-7781"),
    ("Leerlingnummer | Naam\n20418 | Daan Visser\n20419 | Mila Smit", "20419"),
    ("patient no;name;ward\nPT 33918;R. Hollis;4B", "PT 33918"),
]

PERSON_NUMBER_KEPT = [
    # orders, products, invoices and our own customer numbers in tables stay
    ("ordernummer;klant;bedrag\nORD-2026-1188;Jansen BV;€ 120,00", "ORD-2026-1188"),
    ("sku,name,price\nSKU-4410,Blue mug,12.50", "SKU-4410"),
    ("factuurnummer;naam;bedrag\nF2025-0031;Piet Jansen;99,00", "F2025-0031"),
    ("klantnummer;naam\n104233;Jan de Vries", "104233"),
    # a prose mention of a member number is the sender's own: the kept cue's business
    ("mijn lidnummer is LV-2231, kunnen jullie dat in de factuur zetten?", "LV-2231"),
]


@pytest.mark.parametrize(("text", "value"), PERSON_NUMBER_COLUMN)
def test_person_number_column(assert_stripped: Callable[[str, str], None], text: str, value: str) -> None:
    assert_stripped(text, value)


@pytest.mark.parametrize(("text", "value"), PERSON_NUMBER_KEPT)
def test_not_person_number_column(assert_untouched: Callable[[str, str], None], text: str, value: str) -> None:
    assert_untouched(text, value)


# (text, value): the value of a form label that asks for a person's name is one whole name, when it is shaped as
# one: a middle initial, a first name that is also an everyday word, a capitalised particle and a surname ending
# in a trade word stay inside it
LABELLED_NAME = [
    ("Naam: Willemijn Kloosterhuis\nE-mail: w.k@example.nl", "Willemijn Kloosterhuis"),
    ("Naam: Roos Van Damme\nTelefoon: 0470 12 34 56", "Roos Van Damme"),
    ("Name: Priya K. Raman\nBusiness name: Raman Analytics LLC\n", "Priya K. Raman"),
    ("Full name: Tobias M. Krüger\nPhone: +49 30 1234567", "Tobias M. Krüger"),
    ("Nom : Hélène Bonnet-Marchal\nTéléphone : 06 12 34 56 78", "Hélène Bonnet-Marchal"),
    ("Cardholder: Olumide A. Bakare\nthanks", "Olumide A. Bakare"),
    ("Naam: mevr. Ingrid Nijhuis\nTel: 06 1234 5678", "Ingrid Nijhuis"),
]

LABELLED_NOT_NAME = [
    ("Naam: Bakkerij De Gouden Korst\nKvK 12345678", "Bakkerij De Gouden Korst"),
    ("Name: Support Team\nEmail: support@example.com", "Support Team"),
    ("Name: Delacroix Sound Design LLC\n", "Sound Design"),
    ("Naam: Nieuwe Website Aanvraag\n", "Nieuwe Website Aanvraag"),
    # the title before a labelled name is not stripped with it
    ("Naam: mevr. Ingrid Nijhuis\nTel: 06 1234 5678", "mevr."),
    ("Name: Dr Kwame Mensah-Boateng\n", "Dr"),
    # a config key is not a form's label; in capitals, only a first name makes the line a name
    ("steps:\n  - name: Restore Cache Keys\n    run: make", "Restore Cache Keys"),
    ("STEPS:\n  - NAME: CHECKOUT PRIVATE REPO\n", "CHECKOUT PRIVATE REPO"),
]


@pytest.mark.parametrize(("text", "value"), LABELLED_NAME)
def test_labelled_name(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "PERSON")


@pytest.mark.parametrize(("text", "value"), LABELLED_NOT_NAME)
def test_labelled_not_name(assert_not_recognised_as: TableCheck, text: str, value: str) -> None:
    assert_not_recognised_as(text, value, "PERSON")


# (text, value): the whole address is stripped
ADDRESS = [
    # a Dutch house number's floor addition in letters after the dash ("-2hg": tweede hoog)
    ("Nieuw factuuradres: Ceintuurbaan 210-2hg, 1072 GB Amsterdam.", "Ceintuurbaan 210-2hg, 1072 GB Amsterdam"),
    ("stuur het naar Bilderdijkstraat 41-3hg\n1053 KL Amsterdam", "Bilderdijkstraat 41-3hg\n1053 KL Amsterdam"),
    ("wij zitten op de Jan Evertsenstraat 88-1h", "Jan Evertsenstraat 88-1h"),
    # a unit on its own line between the street and the city line
    ("Ship to:\n418 Maple Grove Ave\nApt 12C\nBoise, ID 83702\n\nthanks",
     "418 Maple Grove Ave\nApt 12C\nBoise, ID 83702"),
    ("Billing:\n9 Orchard Lane\nUnit 4\nLeeds LS6 2AB", "9 Orchard Lane\nUnit 4\nLeeds LS6 2AB"),
    ("Send it to\n55 King Street West\nSuite 1200\nToronto, ON M5K 1A1",
     "55 King Street West\nSuite 1200\nToronto, ON M5K 1A1"),
    ("1200 Ocean Blvd\n#305\nMiami, FL 33139", "1200 Ocean Blvd\n#305\nMiami, FL 33139"),
    # a street of no known form (everyday words too) before a numeric postcode and a known place
    ("op naam van An Peeters, Vlaamse Kaai 81 bus 2, 2000 Antwerpen. Bedankt", "Vlaamse Kaai 81 bus 2, 2000 Antwerpen"),
    ("Rechnung an: Jonas Weber, Alter Wall 12, 20457 Hamburg", "Alter Wall 12, 20457 Hamburg"),
    ("envoyez-le à Mme Leroy, Quai Rive Neuve 9, 13001 Marseille", "Rive Neuve 9, 13001 Marseille"),
    # a Portuguese postcode (NNNN-NNN) and its place after the street
    ("Morada: Avenida da Boavista 1203, 4100-130 Porto", "Avenida da Boavista 1203, 4100-130 Porto"),
    ("ship to Rua Augusta 118, 1100-053 Lisboa please", "Rua Augusta 118, 1100-053 Lisboa"),
    # a compass word after the street type belongs to the street
    ("ship to 301 Front Street East, Toronto, ON M5A 1E1", "301 Front Street East, Toronto, ON M5A 1E1"),
]

ADDRESS_KEPT = [
    # a number named by a kept cue before a postcode and place is no house number
    ("Klantnummer 4412, 3000 Leuven", "Klantnummer 4412"),
    ("Windows 2019, 1000 Brussel", "Windows 2019"),
    ("Our office: 12 High Street\nUnit tests fail since the update", "Unit tests fail"),
    ("Windows build 10-21h2 crasht", "10-21h2"),
]


@pytest.mark.parametrize(("text", "value"), ADDRESS)
def test_address(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "ADDRESS")


@pytest.mark.parametrize(("text", "value"), ADDRESS_KEPT)
def test_not_address(assert_not_recognised_as: TableCheck, text: str, value: str) -> None:
    assert_not_recognised_as(text, value, "ADDRESS")


# (text, value): a phone number stripped whole
PHONE = [
    # the country code in brackets without "+", as written abroad
    ("bel me gerust op (32) 2 555 12 12 na vijf uur", "(32) 2 555 12 12"),
    ("Festnetz: (49) 30 901820", "(49) 30 901820"),
    ("mon fixe (33) 1 42 68 53 00, merci", "(33) 1 42 68 53 00"),
    ("of mobiel (597) 852 1190", "(597) 852 1190"),
    # a number broken over two lines after its country code
    ("bel me terug\n+32 470\n12 34 56\ngroet", "+32 470\n12 34 56"),
    ("Handy: +49 151\n1234 5678", "+49 151\n1234 5678"),
]

PHONE_KEPT = [
    ("stap (12) 345 678 van de handleiding", "345 678"),
    ("zie bijlage (3) 2024 versie", "2024"),
    ("+31 6\nis het netnummer van mobiel, en 14 is de code", "14"),
]


@pytest.mark.parametrize(("text", "value"), PHONE)
def test_phone(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "PHONE_NUMBER")


@pytest.mark.parametrize(("text", "value"), PHONE_KEPT)
def test_not_phone(assert_not_recognised_as: TableCheck, text: str, value: str) -> None:
    assert_not_recognised_as(text, value, "PHONE_NUMBER")


# (text, value): initials alone on the line under a closing sign the message
SIGNED_INITIALS = [
    ("Kunnen jullie de DNS aanpassen?\n\nMvg\nKJ", "KJ"),
    ("Graag een belletje.\n\nGroet,\nTvD", "TvD"),
    ("Please reset the mailbox.\n\nThanks,\nMK", "MK"),
    ("Merci de vérifier.\n\nCordialement,\nJ.-P.", "J.-P."),
]

SIGNED_NOT_INITIALS = [
    ("Please check the firewall.\n\nRegards,\nIT", "IT"),
    ("Graag per omgaande.\n\nGroeten,\nHR", "HR"),
    ("Thanks,\nOK", "OK"),
]


@pytest.mark.parametrize(("text", "value"), SIGNED_INITIALS)
def test_signed_initials(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "PERSON")


@pytest.mark.parametrize(("text", "value"), SIGNED_NOT_INITIALS)
def test_signed_not_initials(assert_not_recognised_as: TableCheck, text: str, value: str) -> None:
    assert_not_recognised_as(text, value, "PERSON")


# the timers of an SOA record written over several lines, each named by its zone-file comment, are kept
SOA_TIMERS = (
    "$TTL 86400\n@ IN SOA ns1.voorbeeld.nl. admin.voorbeeld.nl. (\n    2025031502 ; serial\n    10800 ; refresh\n"
    "    1800 ; retry\n    2419200 ; expire\n    86400 ) ; minimum\n"
)


@pytest.mark.parametrize("value", ["2419200", "2025031502"])
def test_soa_timers_kept(assert_untouched: Callable[[str, str], None], value: str) -> None:
    assert_untouched(SOA_TIMERS, value)


def test_a_number_with_another_comment_is_still_stripped(assert_stripped: Callable[[str, str], None]) -> None:
    assert_stripped("klantdata:\n    48213775 ; bsn van de klant\n", "48213775")
