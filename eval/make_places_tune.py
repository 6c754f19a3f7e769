# ruff: noqa: E501  (the messages are data: one per line reads best)
"""Write ``eval/pii_tune_places.jsonl``: a TUNING batch of street addresses and dates of birth (issue 16).

Why this file exists: issue 16's open address and birth-date cases are forms the earlier tuning corpora
barely hold: Turkish ("Mah.", "Sok.", "Cad.", "No:"), Polish ("ul.", "m."), French ("bis", "rue de la",
"CEDEX"), German ("Str.", "straße"/"strasse", "Weiß..."), Belgian ("bus"), UK flats, US units with state
and ZIP, P.O. boxes, one-line addresses with commas, CSV cells, lower-case chats, multi-line blocks
without a name, postcodes standing next to a city; and dates of birth without a cue on their line (in a
form or signature block, after "geb." and "°", "born '85", "DOB" in a table, old dates next to a person).
Hard negatives stand beside them: street-like product names, data-centre locations, invoice, appointment
and registration dates, versions, amounts.

``HANDWRITTEN`` are messages in customers' voices; ``generated`` sweeps the forms over pools written for
it (seeded). Annotated by ../shared/docs/pii-policy.md: ADDRESS is street, number, addition, postcode and
city standing together (a company's address too: the policy keeps no address; a P.O. box is ADDRESS, as
in pii_dev); a postcode without a street is POSTCODE (the city beside it is not annotated); a date given
as a birth date is DATE_OF_BIRTH, a year of birth alone ("born in '85") too; PERSON without title. All
people, addresses and companies are fictional.

Deterministic: ``.venv/bin/python eval/make_places_tune.py`` writes the file; every value is checked to
stand in its text. It is a tuning corpus; it was committed before the scrubber was run on it.
"""

from __future__ import annotations

import random
from pathlib import Path

from tune_corpus import write_corpus

OUT = Path(__file__).with_name("pii_tune_places.jsonl")
P, A, PC, E, ORG, PH, DOB, DOM, INV, CUST = (
    "PERSON", "ADDRESS", "POSTCODE", "EMAIL_ADDRESS", "ORGANIZATION", "PHONE_NUMBER", "DATE_OF_BIRTH", "DOMAIN",
    "INVOICE_NUMBER", "CUSTOMER_NUMBER",
)

Ent = tuple[str, str]
Msg = tuple[str, str, str, list[Ent]]  # lang, channel, text, entities

HANDWRITTEN: list[Msg] = [
    ("nl", "whatsapp", "hoi, de factuur moet naar mijn nieuwe adres: bloemgracht 112-3 1015 tm amsterdam. alvast bedankt",
     [(A, "bloemgracht 112-3 1015 tm amsterdam")]),
    ("nl", "email", "Beste,\n\nWij zijn verhuisd. Nieuw factuuradres:\n\nHofdijkstraat 41b\n3032 LB  Rotterdam\n\nGroet,\nNaima Azzouzi",
     [(A, "Hofdijkstraat 41b\n3032 LB  Rotterdam"), (P, "Naima Azzouzi")]),
    ("nl", "email", "Hallo,\n\nGraag de post voortaan naar Postbus 2207, 3500 GE Utrecht sturen, niet meer naar het bezoekadres.\n\nMvg,\nGijs Verhoeven",
     [(A, "Postbus 2207, 3500 GE Utrecht"), (P, "Gijs Verhoeven")]),
    ("nl", "webform", "Naam: Kees Brouwer\nGeboren: 14-08-1961\nAdres: Wilhelminastraat 7 hs, 2011 VK Haarlem\nVraag: ik kan niet meer inloggen op de webmail",
     [(P, "Kees Brouwer"), (DOB, "14-08-1961"), (A, "Wilhelminastraat 7 hs, 2011 VK Haarlem")]),
    ("nl", "email", "Goedemiddag,\n\nVoor de verificatie mijn gegevens:\nM. Jansen-Dekker\n23-11-1957\nDorpsweg 18\n1751 CE Schagen\n\nMet vriendelijke groet,\nMarja Jansen",
     [(P, "M. Jansen-Dekker"), (DOB, "23-11-1957"), (A, "Dorpsweg 18\n1751 CE Schagen"), (P, "Marja Jansen")]),
    ("nl", "whatsapp", "mijn vader (geb. 3-2-1944) heeft ook een mailbox bij jullie, die wil hij opzeggen",
     [(DOB, "3-2-1944")]),
    ("nl", "telegram", "het account staat op naam van mijn moeder, Riet Hoekstra ° 12-3-1950. kan ik dat overzetten?",
     [(P, "Riet Hoekstra"), (DOB, "12-3-1950")]),
    ("nl", "email", "Beste support,\n\nOnze factuur F2024-0871 van 12-03-2024 klopt niet: het bedrag van € 149,00 is dubbel afgeschreven. De afspraak met jullie monteur staat op 14 maart om 10:00.\n\nGroet,\nLieke",
     [(INV, "F2024-0871"), (P, "Lieke")]),
    ("nl", "email", "Hoi,\n\nDe server staat in ons datacenter aan de Schepenbergweg in Amsterdam Zuidoost (AMS-3, rack 14, unit 22). Kunnen jullie daar een tweede voeding plaatsen?\n\nThanks,\nBram",
     [(P, "Bram")]),
    ("nl", "email", "Hallo,\n\nWe draaien Plesk Obsidian 18 op Ubuntu 22.04 en de Kerkstraat-campagne site (kerkstraat-actie.nl) is traag sinds vanochtend. Ook Windows Server 2019 heeft problemen.\n\nGroet,\nTim",
     [(DOM, "kerkstraat-actie.nl"), (P, "Tim")]),
    ("en", "email", "Hi,\n\nPlease send the new router to my flat: Flat 3, 12 Elmwood Grove, Sheffield S11 8TY. I'm in from 9 to 5.\n\nCheers,\nOliver Hartley",
     [(A, "Flat 3, 12 Elmwood Grove, Sheffield S11 8TY"), (P, "Oliver Hartley")]),
    ("en", "email", "Hello,\n\nOur billing address changed to 2250 Sunset Blvd Apt 14C, Los Angeles, CA 90026. The invoice INV-20931 still shows the old one.\n\nThanks,\nMaria Gonzalez",
     [(A, "2250 Sunset Blvd Apt 14C, Los Angeles, CA 90026"), (INV, "INV-20931"), (P, "Maria Gonzalez")]),
    ("en", "email", "Hi there,\n\nMail for the company should go to PO Box 4471, Austin, TX 78765 from now on.\n\nBest,\nDerek Olsen\nOlsen Roofing LLC",
     [(A, "PO Box 4471, Austin, TX 78765"), (P, "Derek Olsen"), (ORG, "Olsen Roofing LLC")]),
    ("en", "webform", "Name: Priya Natarajan\nDOB: 07/04/1986\nPostcode: EH3 9QN\nMessage: I forgot the password of my control panel.",
     [(P, "Priya Natarajan"), (DOB, "07/04/1986"), (PC, "EH3 9QN")]),
    ("en", "telegram", "yeah it's registered to my grandad, tom briggs, born '39, he doesn't use email anymore",
     [(P, "tom briggs"), (DOB, "'39")]),
    ("en", "email", "Hi,\n\nFor the identity check: Samuel Okafor, 2 June 1979, 48 Whitworth Street, Manchester M1 6LT.\n\nRegards,\nSam",
     [(P, "Samuel Okafor"), (DOB, "2 June 1979"), (A, "48 Whitworth Street, Manchester M1 6LT"), (P, "Sam")]),
    ("en", "email", "Hello,\n\nThe servers are in Equinix FR5 in Frankfurt and AWS eu-west-1 (Dublin). We renewed the contract on 01-04-2009 and the domain was registered on 12 May 1998.\n\nThanks,\nNoah",
     [(P, "Noah")]),
    ("en", "email", "Hi,\n\nOur customer Emily Clarke (member since 14-02-2003) cannot log in. Her order 55123 from 3 March 2025 is stuck.\n\nBest,\nJack",
     [(P, "Emily Clarke"), (P, "Jack")]),
    ("de", "email", "Guten Tag,\n\nbitte ändern Sie die Rechnungsadresse auf Weißenburger Str. 27, 81667 München.\n\nMit freundlichen Grüßen\nLukas Weiß",
     [(A, "Weißenburger Str. 27, 81667 München"), (P, "Lukas Weiß")]),
    ("de", "email", "Hallo,\n\nmeine Daten zur Prüfung:\nAnna Schäfer\ngeb. 17.09.1972\nLindenstrasse 8\n50674 Köln\n\nGruß\nAnna",
     [(P, "Anna Schäfer"), (DOB, "17.09.1972"), (A, "Lindenstrasse 8\n50674 Köln"), (P, "Anna")]),
    ("de", "webform", "Name: Jürgen Hoffmann\nAnschrift: Am Sonnenhang 3a, 34117 Kassel\nNachricht: Das Postfach ist voll.",
     [(P, "Jürgen Hoffmann"), (A, "Am Sonnenhang 3a, 34117 Kassel")]),
    ("fr", "email", "Bonjour,\n\nMerci d'envoyer la facture à l'adresse suivante : 14 bis rue de la République, 69002 Lyon.\n\nCordialement,\nCamille Durand",
     [(A, "14 bis rue de la République, 69002 Lyon"), (P, "Camille Durand")]),
    ("fr", "email", "Bonjour,\n\nNotre nouvelle adresse :\nSARL Lefèvre Bâtiment\n7 avenue Jean Jaurès\n92130 Issy-les-Moulineaux CEDEX\n\nBien à vous,\nJulien Lefèvre",
     [(ORG, "SARL Lefèvre Bâtiment"), (A, "7 avenue Jean Jaurès\n92130 Issy-les-Moulineaux CEDEX"), (P, "Julien Lefèvre")]),
    ("fr", "webform", "Nom : Claire Martin\nNée le : 02/05/1968\nMessage : je n'arrive plus à envoyer de mails.",
     [(P, "Claire Martin"), (DOB, "02/05/1968")]),
    ("nl", "email", "Beste,\n\nOns Belgische kantoor zit op de Leopoldstraat 23 bus 4, 2800 Mechelen. Kunnen jullie de rekening daarheen sturen?\n\nGroeten,\nEls Peeters",
     [(A, "Leopoldstraat 23 bus 4, 2800 Mechelen"), (P, "Els Peeters")]),
    ("nl", "whatsapp", "adres is kapelstraat 9 bus 2 3000 leuven, daar mag het pakket heen",
     [(A, "kapelstraat 9 bus 2 3000 leuven")]),
    ("nl", "email", "Hoi,\n\nIk heb een klant uit Turkije, zijn adres voor de factuur: Caferağa Mah. Moda Cad. No: 42 D: 6, 34710 Kadıköy/İstanbul\n\nGroet,\nSelin",
     [(A, "Caferağa Mah. Moda Cad. No: 42 D: 6, 34710 Kadıköy/İstanbul"), (P, "Selin")]),
    ("en", "email", "Hello,\n\nplease update my address to Kızılay Mah. Gazi Mustafa Kemal Blv. No:12/7 Çankaya/Ankara\n\nthanks\nMert Aydın",
     [(A, "Kızılay Mah. Gazi Mustafa Kemal Blv. No:12/7 Çankaya/Ankara"), (P, "Mert Aydın")]),
    ("nl", "email", "Dag,\n\nMijn Poolse collega woont op ul. Słowackiego 12 m. 4, 30-007 Kraków en wil ook een mailbox.\n\nGroet,\nPeter",
     [(A, "ul. Słowackiego 12 m. 4, 30-007 Kraków"), (P, "Peter")]),
    ("en", "whatsapp", "my address is ul. mickiewicza 27/3, 60-834 poznań",
     [(A, "ul. mickiewicza 27/3, 60-834 poznań")]),
    ("nl", "email", "Hallo,\n\nHieronder de lijst voor de nieuwe mailboxen:\n\nnaam;adres;postcode;plaats\nSanne Visser;Molenstraat 3;6511 HJ;Nijmegen\nRob Kok;Zuiderzeeweg 140;1095 KR;Amsterdam\n\nGroet,\nIngrid",
     [(P, "Sanne Visser"), (A, "Molenstraat 3;6511 HJ;Nijmegen"), (P, "Rob Kok"), (A, "Zuiderzeeweg 140;1095 KR;Amsterdam"), (P, "Ingrid")]),
    ("en", "email", "Hi,\n\n| Name | DOB | City |\n|---|---|---|\n| Hannah Lee | 1991-10-22 | Leeds |\n| Omar Farouk | 1984-03-09 | Bradford |\n\nThese two need accounts.\n\nKaren",
     [(P, "Hannah Lee"), (DOB, "1991-10-22"), (P, "Omar Farouk"), (DOB, "1984-03-09"), (P, "Karen")]),
    ("nl", "telegram", "postcode is 9712 CP groningen, huisnummer 45. de glasvezel werkt niet",
     [(PC, "9712 CP")]),
    ("nl", "email", "Goedemorgen,\n\nDe monteur kan het huis niet vinden. Het is Oude Rijksweg 211A te Rosmalen, achter de boerderij.\n\nGroet,\nHenk van Dijk",
     [(A, "Oude Rijksweg 211A te Rosmalen"), (P, "Henk van Dijk")]),
    ("en", "email", "Hi,\n\nShip it to:\nUnit 4, Riverside Business Park\n22 Mill Road\nCambridge\nCB1 2AD\n\nThanks,\nAmelia",
     [(A, "Unit 4, Riverside Business Park\n22 Mill Road\nCambridge\nCB1 2AD"), (P, "Amelia")]),
    ("nl", "email", "Beste,\n\nDe domeinnaam staat op naam van mijn zoon, Daan de Boer, geboren 9 juli 2004. Hij wordt binnenkort eigenaar.\n\nMvg,\nPetra de Boer",
     [(P, "Daan de Boer"), (DOB, "9 juli 2004"), (P, "Petra de Boer")]),
    ("nl", "email", "Hoi,\n\nIk wil mijn tante helpen met haar account:\nnaam: W. Kramer-Bos\ngeb.datum: 1-1-1939\n\nGroet,\nErik",
     [(P, "W. Kramer-Bos"), (DOB, "1-1-1939"), (P, "Erik")]),
    ("en", "email", "Dear support,\n\nAccount holder: George Whitfield (d.o.b. 30.06.1955). He asked me to close the mailbox.\n\nKind regards,\nLucy Whitfield",
     [(P, "George Whitfield"), (DOB, "30.06.1955"), (P, "Lucy Whitfield")]),
    ("en", "email", "Hi,\n\nOur office moved on 1 March 2024. Invoices dated before 15-02-2024 have the old address, that's fine. Meeting with your account manager on 4 April 2025.\n\nRegards,\nNadia",
     [(P, "Nadia")]),
    ("de", "email", "Hallo,\n\nder Vertrag läuft seit dem 01.07.2001, Kundennummer 204518. Rechenzentrum: Hetzner FSN1 in Falkenstein.\n\nViele Grüße\nTobias",
     [(CUST, "204518"), (P, "Tobias")]),
    ("nl", "email", "Hallo,\n\nAfleveradres voor de hardware:\nHerengracht 282 3-hoog\n1016 BX Amsterdam\n\nBedankt!\nRuud",
     [(A, "Herengracht 282 3-hoog\n1016 BX Amsterdam"), (P, "Ruud")]),
    ("en", "email", "Hi,\n\nMy new address is 17 Rosemary Lane, Apartment 2, Dublin 8, D08 X2Y4.\n\nThanks,\nAoife Byrne",
     [(A, "17 Rosemary Lane, Apartment 2, Dublin 8, D08 X2Y4"), (P, "Aoife Byrne")]),
    ("fr", "email", "Bonjour,\n\nMon adresse a changé : Rue du Marché 45 bte 3, 4000 Liège.\n\nMerci,\nSophie Lambert",
     [(A, "Rue du Marché 45 bte 3, 4000 Liège"), (P, "Sophie Lambert")]),
    ("nl", "whatsapp", "GEB.DATUM 04-10-1987 als je dat nodig hebt voor de verificatie",
     [(DOB, "04-10-1987")]),
]

# ---- the seeded sweep ----------------------------------------------------------------------------------

FIRST = ["Sanne", "Thijs", "Fatma", "Youssef", "Joanna", "Piotr", "Aylin", "Mehmet", "Claire", "Mathieu", "Katrin",
         "Stefan", "Liam", "Grace", "Dwayne", "Ashley", "Noor", "Jeroen", "Ilse", "Hakan"]
LAST = ["de Wit", "Bakker", "Yildiz", "El Idrissi", "Kowalska", "Zieliński", "Demir", "Kaya", "Moreau", "Girard",
        "Becker", "Wagner", "Murphy", "Turner", "Johnson", "Miller", "Hendriks", "Smeets", "Vos", "Arslan"]

# (address value in a one-line form, the same value's multi-line form or None, lang)
ADDRESSES: list[tuple[str, str | None, str]] = [
    ("Atatürk Mah. Cumhuriyet Cad. No: 15 D: 4, 34000 Fatih/İstanbul", "Atatürk Mah. Cumhuriyet Cad. No: 15 D: 4\n34000 Fatih/İstanbul", "tr"),
    ("Gül Sok. No:7 Daire:3, 06420 Çankaya/Ankara", None, "tr"),
    ("Bahçelievler Mah. 1234. Sok. No: 5, 35040 Bornova/İzmir", None, "tr"),
    ("Yeşilyurt Mah. Çınar Sk. No:22 K:2, 07070 Konyaaltı/Antalya", None, "tr"),
    ("ul. Kwiatowa 15 m. 4, 00-950 Warszawa", "ul. Kwiatowa 15 m. 4\n00-950 Warszawa", "pl"),
    ("ul. Piotrkowska 104/12, 90-926 Łódź", None, "pl"),
    ("al. Jerozolimskie 65/79, 00-697 Warszawa", None, "pl"),
    ("12 bis rue de la Paix, 75002 Paris", "12 bis rue de la Paix\n75002 Paris", "fr"),
    ("3 ter avenue Victor Hugo, 13100 Aix-en-Provence", None, "fr"),
    ("27, rue des Tanneurs, 67000 Strasbourg CEDEX", "27, rue des Tanneurs\n67000 Strasbourg CEDEX", "fr"),
    ("8 impasse du Moulin, 31500 Toulouse", None, "fr"),
    ("Weißdornweg 14, 22307 Hamburg", "Weißdornweg 14\n22307 Hamburg", "de"),
    ("Goethestr. 9a, 04109 Leipzig", None, "de"),
    ("Kaiserstrasse 112, 60329 Frankfurt am Main", None, "de"),
    ("Alte Landstraße 3, 85521 Ottobrunn", None, "de"),
    ("Kerkstraat 61 bus 12, 9000 Gent", "Kerkstraat 61 bus 12\n9000 Gent", "be"),
    ("Avenue Louise 231 bte 5, 1050 Ixelles", None, "be"),
    ("Grote Markt 4 bus 1, 3500 Hasselt", None, "be"),
    ("Flat 3, 12 Albion Street, Leeds LS1 6AD", "Flat 3\n12 Albion Street\nLeeds\nLS1 6AD", "uk"),
    ("Flat 7B, 44 Marchmont Road, Edinburgh EH9 1HX", None, "uk"),
    ("2 Orchard Close, Bath BA2 4EX", None, "uk"),
    ("1200 Lakeview Dr Apt 5B, Madison, WI 53703", "1200 Lakeview Dr Apt 5B\nMadison, WI 53703", "us"),
    ("410 N Michigan Ave, Suite 900, Chicago, IL 60611", None, "us"),
    ("88 Pine St #12, Seattle, WA 98101", None, "us"),
    ("Tolstraat 140-2, 1074 VJ Amsterdam", "Tolstraat 140-2\n1074 VJ Amsterdam", "nl"),
    ("Van Oldenbarneveltlaan 33, 3818 HB Amersfoort", None, "nl"),
    ("Julianaweg 8 A, 1131 DT Volendam", None, "nl"),
    ("Zuidwal 2-bis, 2512 XT Den Haag", None, "nl"),
    ("Bredaseweg 401, 5037 LE Tilburg", "Bredaseweg 401\n5037 LE Tilburg", "nl"),
    ("Oude Gracht 12 zw, 3511 AP Utrecht", None, "nl"),
]
POBOXES = ["Postbus 3041, 6802 DA Arnhem", "P.O. Box 5512, Springfield, MO 65801", "Postfach 10 12 34, 50452 Köln",
           "BP 1234, 75007 Paris CEDEX"]
POSTCODE_ALONE = [("3011 BD", "Rotterdam", "nl"), ("SW9 8JB", "London", "en"), ("5611 AZ", "Eindhoven", "nl"),
                  ("M14 5RT", "Manchester", "en"), ("1012 WX", "Amsterdam", "nl")]
DATES = ["12-3-1985", "03/07/1971", "1968-11-30", "4 mei 1959", "21.02.1990", "15 January 1948", "7 février 1966",
         "30-09-'81", "1982/04/17", "8 Okt. 1975", "11th November 1962", "02.12.88"]

LINE_ADDR = {
    "nl": ["Mijn nieuwe adres is {a}.", "Graag de factuur naar {a} sturen.", "Adres: {a}"],
    "en": ["My new address is {a}.", "Please send the invoice to {a}.", "Address: {a}"],
    "de": ["Meine neue Anschrift ist {a}.", "Bitte die Rechnung an {a} schicken."],
    "fr": ["Ma nouvelle adresse est {a}.", "Merci d'envoyer la facture au {a}."],
}
TALK = {"tr": "en", "pl": "en", "be": "nl", "uk": "en", "us": "en"}


def _addresses(rng: random.Random) -> list[Msg]:
    out: list[Msg] = []
    for one, multi, country in ADDRESSES:
        lang = TALK.get(country, country)
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        tmpl = rng.choice(LINE_ADDR[lang])
        hello = {"nl": "Hallo", "en": "Hello", "de": "Guten Tag", "fr": "Bonjour"}[lang]
        out.append((lang, "email", f"{hello},\n\n{tmpl.format(a=one)}\n\n{name}", [(A, one), (P, name)]))
        if multi is not None:  # a multi-line block without a name
            opener = {"nl": "Afleveradres:", "en": "Delivery address:", "de": "Lieferadresse:", "fr": "Adresse de livraison :"}[lang]
            out.append((lang, "email", f"{opener}\n{multi}\n\nthanks", [(A, multi)]))
        low = one.replace("İ", "i").lower()  # a chat in lower case (no combining dot)
        out.append((lang, "whatsapp", f"{'adres' if lang == 'nl' else 'address'} {low} pls", [(A, low)]))
    for box in POBOXES:
        out.append(("en", "email", f"Hi,\n\nPost for us goes to {box} now.\n\nThanks", [(A, box)]))
    for pc, city, lang in POSTCODE_ALONE:
        text = (f"hoi, wonen in {pc} {city}, heeft die wijk al glasvezel?" if lang == "nl"
                else f"hi, we're in {city} {pc}, is fibre available there yet?")
        out.append((lang, "telegram", text, [(PC, pc)]))
    return out


def _births(rng: random.Random) -> list[Msg]:
    out: list[Msg] = []
    forms = [
        ("nl", "Gegevens:\n{n}\n{d}\n{a}", True),                      # a form block without cues
        ("nl", "{n}, geb. {d}", False),
        ("nl", "het account is van {n} (° {d})", False),
        ("en", "Account holder: {n}\nDOB {d}", False),
        ("en", "{n}\n{d}\n{a}\n\nThat's my dad's details for the check.", True),
        ("de", "{n}, geb. am {d}", False),
        ("en", "name,dob,email\n{n},{d},{e}", False),                    # a CSV paste
        ("fr", "{n}, né le {d}", False),
        ("nl", "{n} - {d}", False),                                     # an old date next to a person
    ]
    for i, d in enumerate(DATES):
        lang, form, with_addr = forms[i % len(forms)]
        first, last = rng.choice(FIRST), rng.choice(LAST)
        n = f"{first} {last}"
        a = ADDRESSES[24 + i % 6][1] or ADDRESSES[24 + i % 6][0]
        e = f"{first.lower()}.{last.replace(' ', '').lower()}@example.org"
        ents: list[Ent] = [(P, n), (DOB, d)]
        if with_addr:
            ents.append((A, a))
        if "{e}" in form:
            ents.append((E, e))
        out.append((lang, "email", form.format(n=n, d=d, a=a, e=e), ents))
    return out


def _negatives() -> list[Msg]:
    return [
        ("nl", "email", "Hoi,\n\nDe migratie naar Debian 12 staat gepland op 14-05-2025 om 22:00. De oude machine in Naaldwijk (rack 7, positie 12) gaat daarna uit.\n\nGroet", []),
        ("en", "email", "Hi,\n\nInvoice 2025-0412 dated 03/02/2025 lists 12 Office 365 seats at 12.50 each. Our appointment is on 6 June at 2 pm.\n\nThanks", [(INV, "2025-0412")]),
        ("nl", "email", "Beste,\n\nWij gebruiken de Parkstraat Editie 3 van jullie webshopthema en plugin Hoofdweg 2.1. Beide geven een fout na de update.\n\nMvg", []),
        ("en", "email", "Hello,\n\nOur VPS runs in the Amsterdam 3 region, the backup in Frankfurt 1. Both have 16 GB RAM and run since 2021.\n\nRegards", []),
        ("de", "email", "Hallo,\n\nunsere Firma wurde am 12.04.1994 gegründet, Kundennummer 118204. Die Rechnung vom 01.03.2025 fehlt.\n\nGrüße", [(CUST, "118204")]),
        ("nl", "whatsapp", "de vergadering is op 12-3 om 14:00 in zaal 4, parkeren kan op de kerkstraat", []),
        ("en", "email", "Hi,\n\nWe sell the 'Baker Street 221' tea blend and the 'Route 66' coffee in our shop; the product pages give a 404 since this morning.\n\nCheers", []),
        ("fr", "email", "Bonjour,\n\nLa facture du 15/01/2025 et celle du 15/02/2025 sont identiques. Le serveur est hébergé à Roubaix (RBX-7).\n\nCordialement", []),
    ]


def generated(rng: random.Random) -> list[Msg]:
    msgs = _addresses(rng) + _births(rng) + _negatives()
    rng.shuffle(msgs)
    return msgs


def main() -> None:
    rng = random.Random(16_06)
    count = write_corpus(OUT, "pl", HANDWRITTEN + generated(rng))
    print(f"wrote {count} records to {OUT.name}")

if __name__ == "__main__":
    main()
