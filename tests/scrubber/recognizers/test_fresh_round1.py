"""Issue 16, round 1 on the fresh corpora: kept values, names and addresses by mechanism.

Every row names a mechanism found in the tune parts of eval/pii_tune_fresh_a.jsonl and pii_tune_fresh_b.jsonl
(a company named by its owner and a trade word, a form's surname label, a kept number's German cue, ...); the
values, words and sentences here are our own, not the corpora's.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

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
]


@pytest.mark.parametrize(("text", "value"), NOT_PERSON)
def test_not_person(assert_not_recognised_as: TableCheck, text: str, value: str) -> None:
    assert_not_recognised_as(text, value, "PERSON")
