"""Issue 16, round 1 on the fresh corpora: kept values, names and addresses by mechanism.

Every row names a mechanism found in the tune parts of eval/pii_tune_fresh_a.jsonl and pii_tune_fresh_b.jsonl
(a company named by its owner and a trade word, a form's surname label, a kept number's German cue, ...); the
values, words and sentences here are our own, not the corpora's.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from scrubber.engine import Scrubber
from tests.scrubber.checks import TableCheck

# (text, value): the value is a company name (ORGANIZATION, kept), not a person
ORGANIZATION = [
    # a surname and a trade word of the building trade, in nl and de
    ("Groeten van Yilmaz Bouw uit Almere, we hebben een vraag.", "Yilmaz Bouw"),
    ("Hier schreibt die Buchhaltung von Kramer Bau wegen der Rechnung.", "Kramer Bau"),
    # an owner's name with an English trade noun in the plural
    ("We are Khan Spices from Leicester and need a new SSL certificate.", "Khan Spices"),
    ("Hi, Rossi Tiles here, the shop is down again.", "Rossi Tiles"),
    # a compound ending in a trade head: -atelier, -praxis, -kanzlei
    ("Hallo, hier is Derya's Kookatelier met een vraag over de webshop.", "Derya's Kookatelier"),
    ("Wir sind die Zahnarztpraxis Brandt in Bremen.", "Zahnarztpraxis Brandt"),
    ("Die Steuerkanzlei Oberhuber braucht zwei neue Postfächer.", "Steuerkanzlei Oberhuber"),
    # an inn or snack bar named "chez"/"zum" someone
    ("Eetcafé Chez Marcel is ook klant bij jullie.", "Eetcafé Chez Marcel"),
    ("Der Gasthof Zum Hirschen braucht ein neues Postfach.", "Gasthof Zum Hirschen"),
    # the value of a form's company label
    ("Firma: Marek Budownictwo\nNIP: bitte nachtragen", "Marek Budownictwo"),
    ("Company: Dilnoza Karimova\nQuestion: can I move my domain?", "Dilnoza Karimova"),
    ("Société : Léa Fontaine\nObjet : facture", "Léa Fontaine"),
    # a hosting brand: a host word with a word or a country code glued on
    ("Dear Hostlantis,\n\nmy site has been down since noon.", "Hostlantis"),
    ("Beste CloudNL medewerker, ik heb een vraag.", "CloudNL"),
]


@pytest.mark.parametrize(("text", "value"), ORGANIZATION)
def test_organization(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "ORGANIZATION")


# (text, value): everyday words of the trade, no company
NOT_ORGANIZATION = [
    ("We run Windows Server 2019 on that machine.", "Windows Server"),
    ("Hostname in the mail was wrong.", "Hostname"),
]


@pytest.mark.parametrize(("text", "value"), NOT_ORGANIZATION)
def test_not_organization(assert_not_recognised_as: TableCheck, text: str, value: str) -> None:
    assert_not_recognised_as(text, value, "ORGANIZATION")


# (text, value, type): kept identifiers after German and French cues, and by their shape
KEPT = [
    ("Meine Kundennummer bei Ihnen lautet 418273, bitte prüfen.", "418273", "CUSTOMER_NUMBER"),
    ("Kunden-Nr. 771204, Tarif Business.", "771204", "CUSTOMER_NUMBER"),
    ("Mon numéro client : 530118, merci.", "530118", "CUSTOMER_NUMBER"),
    ("onze klantnummer bij jullie is 640127", "640127", "CUSTOMER_NUMBER"),
    # a year, a letter code and a serial
    ("die Zahlung für 2025-RG-30417 ist schon raus.", "2025-RG-30417", "INVOICE_NUMBER"),
    ("paid 2023-INV-00981 twice, please refund one.", "2023-INV-00981", "INVOICE_NUMBER"),
    # a ticket reference in brackets, named by "ticket" earlier in the sentence
    ("My earlier ticket was closed too soon (#HLP-55120), please reopen.", "#HLP-55120", "INVOICE_NUMBER"),
]


@pytest.mark.parametrize(("text", "value", "etype"), KEPT)
def test_kept(assert_recognised: TableCheck, text: str, value: str, etype: str) -> None:
    assert_recognised(text, value, etype)


# (text, value): a number that names a company or a harmless thing is not stripped
UNTOUCHED = [
    ("Registered in England and Wales, Company No. 10928374.", "10928374"),
    ("Northwind Crafts Ltd (company no 07711928)", "07711928"),
    ("die Zahlung für 2025-RG-30417 ist schon raus.", "2025-RG-30417"),
    # an SOA answer of "dig +short": two host names, then serial, refresh, retry, expire and minimum
    ("$ dig SOA example.org +short\nns1.example.net. admin.example.net. 2025011507 7200 1800 1209600 3600", "1209600"),
    ("$ dig SOA example.org +short\nns1.example.net. admin.example.net. 2025011507 7200 1800 1209600 3600",
     "7200 1800"),
    # a CI run's or pipeline's id
    ("GitHub Actions: workflow run 7712093385 failed at the deploy step", "7712093385"),
    ("the pipeline 48812937 on GitLab is stuck", "48812937"),
]


@pytest.mark.parametrize(("text", "value"), UNTOUCHED)
def test_untouched(assert_untouched: Callable[[str, str], None], text: str, value: str) -> None:
    assert_untouched(text, value)


# (text, value): a person's name
PERSON = [
    # a surname label's single value: capitals, an apostrophe, a particle
    ("Nachname: BRANDSTÄTTER\nVorname: Till", "BRANDSTÄTTER"),
    ("Achternaam: van Dam\nVoornaam: Roos", "van Dam"),
    ("Surname: O'BRIEN\nFirst name: Aoife", "O'BRIEN"),
    ("Nom de famille : LEFEBVRE\nPrénom : Anaïs", "LEFEBVRE"),
    ("Nom : M'BAPPE\nPrénom : Ibrahima", "M'BAPPE"),
    # a bilingual label ("Soyadı / Surname:") and a given name in capitals
    ("Soyadı / Surname: KAYA\nAdı / Name: ELİF SU", "ELİF SU"),
    # a family signing as one
    ("Met groet,\nFam. Bosschaert", "Bosschaert"),
    # a first name that closes a one-line chat after the last sentence
    ("can you reset my mail password please, thanks. Priya", "Priya"),
    ("site ligt er weer uit, bel me even terug - joost", "joost"),
    ("merci de me rappeler au plus vite. Camille (client 883201)", "Camille"),
    ("the code for the door is 4471, Wendy", "Wendy"),
    # a call's opening and a greeting before "hier" still name the speaker
    ("Hoi, met Sanne. De site is traag.", "Sanne"),
    ("goedenavond, met kees de wit\nde site ligt eruit", "kees de wit"),
    ("Kun je bellen? Hoi, met joris van den bosch. Het gaat om de DNS.", "joris van den bosch"),
    ("Hoi! Femke hier, de site is traag.", "Femke"),
    # a closing sent from a place, then the name
    ("Geht das auch per Lastschrift? LG aus Linz, Resi", "Resi"),
    ("Kan dat ook? Groetjes uit Gent, Bram", "Bram"),
    # a first name that is also an everyday word, signing with a surname
    ("Met vriendelijke groeten,\nLieve Maes", "Lieve Maes"),
    ("Alvast bedankt,\n\nLieve", "Lieve"),
    ("Tenaamstelling: Lieve Claes", "Lieve Claes"),
    # a surname that ends in a trade word ("-huis"), after a given name or initials
    ("Hoogachtend,\nGerrit Westerhuis", "Gerrit Westerhuis"),
    ("betaald door J.H. Kloosterhuis vanaf zijn rekening", "J.H. Kloosterhuis"),
]


@pytest.mark.parametrize(("text", "value"), PERSON)
def test_person(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "PERSON")


# (text, value): not a person's name
NOT_PERSON = [
    # a letter glued to a number is a unit, not an initial
    ("TTFB is 9s. PHP-Version 8.2 ist aktiv.", "PHP-Version"),
    ("Memory-Limit 512M. Kunden-Nr. 401122", "Kunden-Nr"),
    # the names of identity documents and form fields in other languages
    ("Mijn T.C. Kimlik No staat op de kaart.", "T.C. Kimlik"),
    ("Documento: Cartão de Cidadão, válido até 2030", "Cartão de Cidadão"),
    ("Data de nascimento: 3 de maio de 1988", "nascimento"),
    ("Doğum Tarihi / Date of Birth: 01.02.1990", "Doğum Tarihi"),
    ("Bitte die Steuer-ID nicht speichern.", "Steuer-ID"),
    # the trailing first name: not an everyday word after a comma, nor a word that is no first name
    ("ok I will try again tomorrow and see, will", "will"),
    ("the backup failed again. Help", "Help"),
    # "Family" is no title in English ("Family Plan" is a plan)
    ("We took the Family Plan last year.", "Plan"),
    # a single word after a name label is a name only when it is no everyday word
    ("Name: Website\nType: A", "Website"),
    ("Surname: NONE", "NONE"),
    # a greeting closed by "!" is a sentence of its own; "met" mid-sentence is "with", no call's opening
    ("Hoi! Pin van de kluis staat verkeerd.", "Pin"),
    ("Salut ! Est-ce que vous avez un VPS ?", "Est-ce"),
    ("Ik stuur de brief met Steuer-ID 12 345 678 901 mee.", "Steuer-ID"),
    ("Dear Sirs,\n\nour invoice is wrong.", "Sirs"),
    ("Geht das auch per Lastschrift? LG aus Linz, Resi", "Linz"),
    ("Any news? Cheers from Leeds, Jo", "Leeds"),
    ("Lieve mensen van de support,\nde mail doet het niet.", "Lieve"),
    # an -ing verb after "i am" that the lexicon also knows as a given name
    ("hi there. i am wanting a refund for the second domain", "wanting"),
]


@pytest.mark.parametrize(("text", "value"), NOT_PERSON)
def test_not_person(assert_not_recognised_as: TableCheck, text: str, value: str) -> None:
    assert_not_recognised_as(text, value, "PERSON")


# (text, value): an address with what stands in it
ADDRESS = [
    ("Adres: Havenweg 7 unit 12, 3542 AD Utrecht. Bel even aan.", "Havenweg 7 unit 12, 3542 AD Utrecht"),
    ("livraison au 12 avenue Jean Jaurès, appartement 4, 69007 Lyon merci",
     "12 avenue Jean Jaurès, appartement 4, 69007 Lyon"),
    ("Muster Druck GmbH · Bahnhofstr. 4 · 80335 München", "Bahnhofstr. 4 · 80335 München"),
    ("Wohnhaft: Wiener Straße 12/4/7, 1030 Wien", "Wiener Straße 12/4/7, 1030 Wien"),
    ("Straße: Gartenweg 3\nPLZ/Ort: 80331 München", "80331 München"),
    ("Dirección: Carrer de Mallorca 401, 3r 1a, 08013 Barcelona", "Carrer de Mallorca 401, 3r 1a, 08013 Barcelona"),
    ("Adreça: Passeig de Gràcia 77, 2n 1a, 08008 Barcelona", "Passeig de Gràcia 77, 2n 1a, 08008 Barcelona"),
]


@pytest.mark.parametrize(("text", "value"), ADDRESS)
def test_address(assert_stripped: Callable[[str, str], None], text: str, value: str) -> None:
    assert_stripped(text, value)


# (text, value): a date of birth
BIRTH = [
    ("Né(e) le : 04/05/1987\nMessage : bonjour", "04/05/1987"),
    ("Data de nascimento: 14 de março de 1985", "14 de março de 1985"),
]


@pytest.mark.parametrize(("text", "value"), BIRTH)
def test_birth_date(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "DATE_OF_BIRTH")


# (text, value): a phone number, its opening bracket left alone when no closing one follows its area code
PHONE = [
    ("bel me op (020 612 44 87) na vijven", "020 612 44 87"),
    ("Bereikbaar op 0591 – 48 22 10 overdag.", "0591 – 48 22 10"),
]


@pytest.mark.parametrize(("text", "value"), PHONE)
def test_phone(scrubber: Scrubber, text: str, value: str) -> None:
    start = text.index(value)
    phones = [(e.start, e.end) for e in scrubber.analyze(text).entities if e.type == "PHONE_NUMBER"]
    assert (start, start + len(value)) in phones, phones


# (text, value): a card's code after a short cue that names it only next to the card ("security", "controle",
# "de 3 cijfers"): CREDIT_CARD with the card, nothing without one
CARD_CODE = [
    ("kaart 4111 1111 1111 1111, geldig tot 09/27 en de drie cijfers 318", "318"),
    ("card 5555 5555 5555 4444 exp 03/28, security 771, thanks", "771"),
    ("creditcard 4111 1111 1111 1111 tot 10/26. Controle 452. Groet", "452"),
]


@pytest.mark.parametrize(("text", "value"), CARD_CODE)
def test_card_code(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "CREDIT_CARD")


NOT_CARD_CODE = [
    ("we installed security 771 updates on the server", "771"),
    ("controle 452 van de 500 mailboxen is klaar", "452"),
]


@pytest.mark.parametrize(("text", "value"), NOT_CARD_CODE)
def test_not_card_code(assert_not_recognised_as: TableCheck, text: str, value: str) -> None:
    assert_not_recognised_as(text, value, "CREDIT_CARD")
