# ruff: noqa: E501  (the messages are data: one per line reads best)
"""Write ``eval/pii_tune_names.jsonl``: a TUNING batch of names and addresses as people write them (issue 16).

Why this file exists: the issue's names section lists forms the scrubber must strip (all caps, lower-case
chats, "Surname, Firstname", a capitalised tussenvoegsel opening a bare surname, initials with and without
dots, names of every origin a Dutch host sees, user names and e-mail local parts derived from a name,
names in CSV pastes and headers) and the street addresses of NL/BE/DE/UK/US/FR/PL/TR in many layouts.
This file holds hand-written support messages in those forms (``HANDWRITTEN``) and a seeded sweep of the
forms over name and address pools written for it (``generated``), plus hard negatives that must be kept:
company and product names, street-like words in ordinary sentences, capitalised words at a sentence start.

Annotated by ../shared/docs/pii-policy.md: PERSON is the name without its title; a user name or e-mail
local part made from a name is PERSON when it stands on its own (an e-mail address is EMAIL_ADDRESS
whole); ADDRESS covers street, number, addition, postcode and city standing together; a postcode alone
is POSTCODE; a company is ORGANIZATION (kept). All people, addresses and companies are fictional.

Deterministic: ``.venv/bin/python eval/make_names_tune.py`` writes the file; every value is checked to
stand in its text. It is a tuning corpus (its misses may be read); it was committed before the scrubber
was run on it.
"""

from __future__ import annotations

import random
from pathlib import Path

from tune_corpus import write_corpus

OUT = Path(__file__).with_name("pii_tune_names.jsonl")
P, A, PC, E, ORG, PH, DOM = "PERSON", "ADDRESS", "POSTCODE", "EMAIL_ADDRESS", "ORGANIZATION", "PHONE_NUMBER", "DOMAIN"

Ent = tuple[str, str]
Msg = tuple[str, str, str, list[Ent]]  # lang, channel, text, entities

HANDWRITTEN: list[Msg] = [
    ("nl", "whatsapp", "hoi met fatima el amrani, mijn site doet het niet meer sinds vanochtend. kan iemand even kijken?",
     [(P, "fatima el amrani")]),
    ("nl", "telegram", "goedemiddag, ik ben priya ramdin van de nagelstudio. de mailbox zit vol, hoe maak ik hem leeg",
     [(P, "priya ramdin")]),
    ("nl", "email", "Beste,\n\nVan der Berg heeft gisteren gebeld over de verhuizing van het domein. Kunt u hem terugbellen?\n\nGroet,\nSanne Kuijpers",
     [(P, "Van der Berg"), (P, "Sanne Kuijpers")]),
    ("nl", "email", "Goedemorgen,\n\nDe Jong is deze week niet bereikbaar, stuur de offerte maar naar mij.\n\nMet vriendelijke groet,\nR.K. Sewdien",
     [(P, "De Jong"), (P, "R.K. Sewdien")]),
    ("nl", "email", "Hallo,\n\nMevrouw Van Leeuwen vroeg of haar facturen voortaan per post kunnen. Haar adres is Kerkstraat 12, 5038 AB Tilburg.\n\nGroeten,\nDennis",
     [(P, "Van Leeuwen"), (A, "Kerkstraat 12, 5038 AB Tilburg"), (P, "Dennis")]),
    ("nl", "webform", "Naam: YILMAZ, MEHMET\nE-mail: m.yilmaz@kpnmail.nl\nBericht: MIJN WEBSITE GEEFT EEN 500 FOUT. GRAAG SNEL CONTACT.",
     [(P, "YILMAZ, MEHMET"), (E, "m.yilmaz@kpnmail.nl")]),
    ("nl", "email", "Hoi,\n\nHet account staat op naam van Öztürk, Ayşe. Haar gebruikersnaam is aozturk, die zou ze graag willen houden.\n\nGroet,\nEmre",
     [(P, "Öztürk, Ayşe"), (P, "aozturk"), (P, "Emre")]),
    ("en", "email", "Hello,\n\nPlease transfer the domain to my colleague Wojciech Nowak. His login will be wnowak and he will confirm by phone.\n\nThanks,\nKatarzyna Wiśniewska",
     [(P, "Wojciech Nowak"), (P, "wnowak"), (P, "Katarzyna Wiśniewska")]),
    ("en", "email", "Hi team,\n\nWe hired Kwame Asante as our new webmaster. Could you create the mailbox kwame.asante for him on our domain?\n\nBest,\nAkosua Mensah\nMensah Catering Ltd",
     [(P, "Kwame Asante"), (P, "kwame.asante"), (P, "Akosua Mensah"), (ORG, "Mensah Catering Ltd")]),
    ("en", "telegram", "hey, this is li wei from the tea shop. the contact form sends nothing since the update",
     [(P, "li wei")]),
    ("nl", "whatsapp", "ja klopt, het account is van mijn schoonzus dewi wibowo. zij zit nu in bandung",
     [(P, "dewi wibowo")]),
    ("en", "email", "Dear Sir or Madam,\n\nI am writing on behalf of Mr. A. B. Chaudhry, who owns the domain. His postal address is 14 Victoria Road, Leeds LS6 1AB.\n\nYours faithfully,\nRohit Deshpande",
     [(P, "A. B. Chaudhry"), (A, "14 Victoria Road, Leeds LS6 1AB"), (P, "Rohit Deshpande")]),
    ("nl", "email", "Goedendag,\n\nIk stuur dit namens J.P. de Vries. Hij is verhuisd naar Laan van Meerdervoort 1203A, 2564 AJ Den Haag.\n\nMet vriendelijke groet,\nJP de Vries jr.",
     [(P, "J.P. de Vries"), (A, "Laan van Meerdervoort 1203A, 2564 AJ Den Haag"), (P, "JP de Vries")]),
    ("nl", "email", "Hallo,\n\nkunnen jullie de factuur op naam zetten van J de Graaf? Het bedrijf heet De Graaf Installatietechniek.\n\nbvd,\nTineke",
     [(P, "J de Graaf"), (ORG, "De Graaf Installatietechniek"), (P, "Tineke")]),
    ("nl", "email", "Goedemorgen,\n\nGraag wijzigen we het factuuradres naar:\n\nBakkerij Vermeulen\nt.a.v. H. Vermeulen\nMolenweg 7\n6542 PT Nijmegen\n\nBedankt!\nHenk",
     [(ORG, "Bakkerij Vermeulen"), (P, "H. Vermeulen"), (A, "Molenweg 7\n6542 PT Nijmegen"), (P, "Henk")]),
    ("en", "email", "Hi,\n\nOur office moved. New address:\n\n455 Market Street, Suite 1200\nSan Francisco, CA 94105\n\nRegards,\nPriyanka Venkataraman",
     [(A, "455 Market Street, Suite 1200\nSan Francisco, CA 94105"), (P, "Priyanka Venkataraman")]),
    ("en", "email", "Hello,\n\nPlease send the signed contract to Bartholomew O'Connell, 12 High St, Oxford OX1 4AP, United Kingdom.\n\nKind regards,\nSiobhan",
     [(P, "Bartholomew O'Connell"), (A, "12 High St, Oxford OX1 4AP, United Kingdom"), (P, "Siobhan")]),
    ("mixed", "email", "Hoi,\n\nOnze Duitse klant Jürgen Hoffmann vraagt om een factuur op zijn adres: Friedrich-Ebert-Allee 12a, 53113 Bonn.\nHe also asked for an English invoice.\n\nGroet,\nMaaike",
     [(P, "Jürgen Hoffmann"), (A, "Friedrich-Ebert-Allee 12a, 53113 Bonn"), (P, "Maaike")]),
    ("mixed", "email", "Hi Bas,\n\nde nieuwe vestiging is ul. Marszałkowska 84/92, 00-514 Warszawa. Contact person there is Tomasz Kowalczyk (t.kowalczyk).\n\nGr,\nAgnieszka",
     [(P, "Bas"), (A, "ul. Marszałkowska 84/92, 00-514 Warszawa"), (P, "Tomasz Kowalczyk"), (P, "t.kowalczyk"), (P, "Agnieszka")]),
    ("nl", "email", "Beste,\n\nMijn vader woont in Turkije, het adres voor de brief is:\nAtatürk Cad. No: 45 D: 3\n34000 Fatih/İstanbul\n\nAlvast bedankt,\nBurak Doğan",
     [(A, "Atatürk Cad. No: 45 D: 3\n34000 Fatih/İstanbul"), (P, "Burak Doğan")]),
    ("fr", "email", "Bonjour,\n\nVeuillez envoyer la facture à Mme Camille Lefèvre, 12 rue de Rivoli, 75004 Paris.\n\nCordialement,\nJean-Baptiste Moreau",
     [(P, "Camille Lefèvre"), (A, "12 rue de Rivoli, 75004 Paris"), (P, "Jean-Baptiste Moreau")]),
    ("nl", "email", "Hallo,\n\nOnze Belgische vestiging: Meir 50 bus 3, 2000 Antwerpen. Contactpersoon: Van den Broeck, Lien.\n\nMvg,\nPieter-Jan",
     [(A, "Meir 50 bus 3, 2000 Antwerpen"), (P, "Van den Broeck, Lien"), (P, "Pieter-Jan")]),
    ("nl", "webform", "naam: sharmila mahabier\nadres: gravenstraat 114, paramaribo\nvraag: kan ik betalen met een surinaamse bankpas?",
     [(P, "sharmila mahabier"), (A, "gravenstraat 114, paramaribo")]),
    ("nl", "whatsapp", "hallo ik ben giovanni kromodimedjo, mijn inlog werkt niet. gebruikersnaam gkromodimedjo",
     [(P, "giovanni kromodimedjo"), (P, "gkromodimedjo")]),
    ("en", "whatsapp", "hi its yaw osei again. my wife efua already paid the invoice yesterday",
     [(P, "yaw osei"), (P, "efua")]),
    ("nl", "email", "Goedemiddag,\n\nHierbij de gegevens van de nieuwe beheerders:\n\nnaam;e-mail;rol\nKarim Azzouzi;k.azzouzi@azzouzi-bouw.nl;beheerder\nNadia Bouzid;nadia@azzouzi-bouw.nl;facturatie\nS. Ait Benali;s.aitbenali@azzouzi-bouw.nl;lezen\n\nGroet,\nKarim",
     [(P, "Karim Azzouzi"), (E, "k.azzouzi@azzouzi-bouw.nl"), (P, "Nadia Bouzid"), (E, "nadia@azzouzi-bouw.nl"),
      (P, "S. Ait Benali"), (E, "s.aitbenali@azzouzi-bouw.nl"), (P, "Karim")]),
    ("en", "email", "Hi,\n\nExport of our users below.\n\nfirst_name,last_name,username\nAnanya,Iyer,aiyer\nSandeep,Kulkarni,skulkarni\nHuang,Mingzhu,mhuang\n\nThanks,\nOps",
     [(P, "Ananya"), (P, "Iyer"), (P, "aiyer"), (P, "Sandeep"), (P, "Kulkarni"), (P, "skulkarni"), (P, "Huang"),
      (P, "Mingzhu"), (P, "mhuang")]),
    ("nl", "email", "Van: Zeynep Kaya <zeynep@kayabouw.nl>\nAan: support@dommelhost.nl\nOnderwerp: Mailbox vol\n\nHoi,\n\nDe mailbox van mijn man Murat is vol.\n\nZeynep",
     [(P, "Zeynep Kaya"), (E, "zeynep@kayabouw.nl"), (E, "support@dommelhost.nl"), (P, "Murat"), (P, "Zeynep")]),
    ("en", "email", "From: CHEN JIE <chen.jie@outlook.com>\nSent: Monday 3 March\nTo: billing@dommelhost.nl\nSubject: refund\n\nHello, I want a refund for the second hosting package.\nChen",
     [(P, "CHEN JIE"), (E, "chen.jie@outlook.com"), (E, "billing@dommelhost.nl"), (P, "Chen")]),
    ("nl", "email", "Op 4 maart 2025 om 10:12 schreef Łukasz Wójcik <lukasz.wojcik@gmail.com>:\n> Kunnen jullie de DNS aanpassen?\n\nHoi Łukasz, dat is gedaan.\nGroet, Marloes",
     [(P, "Łukasz Wójcik"), (E, "lukasz.wojcik@gmail.com"), (P, "Łukasz"), (P, "Marloes")]),
    ("nl", "email", "Hallo,\n\nwil je het wachtwoord resetten voor de gebruiker svdlinden? Dat is Sophie van der Linden, onze secretaresse.\n\nGroet,\nMartijn",
     [(P, "svdlinden"), (P, "Sophie van der Linden"), (P, "Martijn")]),
    ("en", "email", "Hi,\n\nThe mailbox j.oconnor@ourfirm.ie belongs to Jack O'Connor, he left last month. Can you forward it to Aoife?\n\nThanks",
     [(E, "j.oconnor@ourfirm.ie"), (P, "Jack O'Connor"), (P, "Aoife")]),
    ("nl", "email", "Beste Dommelhost,\n\nGraag het adres aanpassen.\n\nOud: Hoofdstraat 3, 9711 AA Groningen\nNieuw: Vismarkt 22-B, 9712 CB Groningen\n\nGroet,\nfam. Hoekstra",
     [(A, "Hoofdstraat 3, 9711 AA Groningen"), (A, "Vismarkt 22-B, 9712 CB Groningen"), (P, "Hoekstra")]),
    ("en", "webform", "Name: BOATENG KOFI\nCompany: Boateng Logistics\nMessage: PLEASE CALL ME BACK ABOUT THE SSL CERTIFICATE",
     [(P, "BOATENG KOFI"), (ORG, "Boateng Logistics")]),
    ("nl", "telegram", "goeiemorgen! met ahmed ouali. het gaat over de site van mijn broer hamza",
     [(P, "ahmed ouali"), (P, "hamza")]),
    ("en", "email", "Hi,\n\nI'm the new owner of the account (was Thomas Becker). Please update the billing contact to:\n\nSiti Rahayu\nJl. Sudirman No. 45\nJakarta 10220\nIndonesia\n\nCheers,\nSiti",
     [(P, "Thomas Becker"), (P, "Siti Rahayu"), (A, "Jl. Sudirman No. 45\nJakarta 10220\nIndonesia"), (P, "Siti")]),
    ("nl", "email", "Hoi,\n\nDe Kerkstraat is afgesloten dus de monteur komt morgen via de Parkweg. Graag bevestigen.\n\nGroet,\nLinda",
     [(P, "Linda")]),
    ("nl", "email", "Goedemorgen,\n\nGraag een nieuwe mailbox. Verder wil ik de plugin Yoast SEO updaten naar versie 22.1. Helaas lukt dat niet in WordPress.\n\nGroet,\nBram",
     [(P, "Bram")]),
    ("en", "email", "Hi,\n\nWill you check why Mark as read does not work in the webmail? Grant access to the shared inbox for our support team as well.\n\nThanks!",
     []),
    ("en", "email", "Hello,\n\nWe run Plesk Obsidian 18.0 on the VPS with Let's Encrypt and Microsoft Teams integration. Apple Pay stopped working on the Mollie checkout.\n\nRegards,\nHarbour Lights Hotel",
     [(ORG, "Harbour Lights Hotel")]),
    ("nl", "email", "Hallo,\n\nBij stap 4 klik ik op Opslaan, maar dan verschijnt Fout 403. Sinds vrijdag gebeurt dit. Ook in Firefox.\n\nMvg,\nBakkerij Van Dam B.V.",
     [(ORG, "Bakkerij Van Dam B.V.")]),
    ("nl", "email", "Beste,\n\nWij zijn Albert Heijn franchisenemer en gebruiken Google Workspace. Morgen verhuizen we naar Microsoft 365.\n\nGroet,\nAH Kerkrade",
     [(ORG, "Albert Heijn"), (ORG, "AH Kerkrade")]),
    ("nl", "whatsapp", "top, dank je! morgen rond 10 uur is prima. groetjes van ons allemaal",
     []),
    ("en", "email", "Hello,\n\nThe street view plugin on our site shows Main Street and Park Avenue as blank tiles. Version 3.2.1, PHP 8.2.\n\nBest,\nGreenleaf Ceramics",
     [(ORG, "Greenleaf Ceramics")]),
    ("nl", "email", "Hoi,\n\nVan Dijk Hoveniers wil een nieuwe website. Meer weet ik nog niet. De eigenaar, meneer Van Dijk, belt morgen.\n\nGroet,\nIngrid",
     [(ORG, "Van Dijk Hoveniers"), (P, "Van Dijk"), (P, "Ingrid")]),
    ("nl", "email", "Goedemiddag,\n\nHet pakket Zakelijk 25 is te klein. Graag upgraden naar Zakelijk 100. De Vries Makelaardij betaalt het verschil.\n\nMvg,\nE. Bosman",
     [(ORG, "De Vries Makelaardij"), (P, "E. Bosman")]),
    ("en", "email", "Dear support,\n\nMy name is Nguyen Thi Lan and I run a small bakery. Our address is 742 Evergreen Terrace, Springfield, OR 97403.\n\nLan",
     [(P, "Nguyen Thi Lan"), (A, "742 Evergreen Terrace, Springfield, OR 97403"), (P, "Lan")]),
    ("nl", "email", "Hallo,\n\nIk ben Ramesh Jagessar en ik heb een vraag over de factuur. Mijn dochter Anjali heeft het account aangemaakt met haar mail anjali.jagessar@hotmail.com.\n\nGroet,\nR. Jagessar",
     [(P, "Ramesh Jagessar"), (P, "Anjali"), (E, "anjali.jagessar@hotmail.com"), (P, "R. Jagessar")]),
    ("nl", "email", "Hoi,\n\nnieuwe gebruiker aanmaken graag:\nvoornaam: Oksana\nachternaam: Kovalenko\ngebruikersnaam: okovalenko\n\nDank!",
     [(P, "Oksana"), (P, "Kovalenko"), (P, "okovalenko")]),
    ("en", "email", "Hi,\n\nCould you add an alias for our intern? She is MARIA GONZALEZ, alias m.gonzalez please.\n\nThanks,\nD. O'Brien",
     [(P, "MARIA GONZALEZ"), (P, "m.gonzalez"), (P, "D. O'Brien")]),
    ("de", "email", "Guten Tag,\n\nbitte senden Sie die Rechnung an Herrn Stefan Müller, Hauptstraße 5, 10115 Berlin.\n\nMit freundlichen Grüßen\nSabine Schneider",
     [(P, "Stefan Müller"), (A, "Hauptstraße 5, 10115 Berlin"), (P, "Sabine Schneider")]),
    ("nl", "email", "Hoi,\n\nHet pand staat op Rue de la Loi 16, 1000 Bruxelles maar de factuur moet naar Kortrijksesteenweg 1088, 9051 Sint-Denijs-Westrem.\n\nGroet,\nWard",
     [(A, "Rue de la Loi 16, 1000 Bruxelles"), (A, "Kortrijksesteenweg 1088, 9051 Sint-Denijs-Westrem"), (P, "Ward")]),
    ("en", "email", "Hello,\n\nShip the hardware token to:\nFlat 3, 27 Cathedral Road\nCardiff\nCF11 9HA\n\nMany thanks,\nGareth Llewellyn",
     [(A, "Flat 3, 27 Cathedral Road\nCardiff\nCF11 9HA"), (P, "Gareth Llewellyn")]),
    ("nl", "email", "Goedemorgen,\n\nMijn postcode is 3512 JE, het huisnummer 8. Toch zegt jullie formulier dat het adres niet bestaat.\n\nGroet,\nW. Mertens",
     [(PC, "3512 JE"), (P, "W. Mertens")]),
    ("en", "email", "Hi,\n\nMy zip code is 30303 but the checkout keeps asking for a different one. \n\nCheers,\nDeShawn Williams",
     [(PC, "30303"), (P, "DeShawn Williams")]),
    ("nl", "whatsapp", "hoi! ik heb een nieuw adres: dorpsstraat 4a 1234 ab ergenshuizen. wil je dat aanpassen? groetjes anouk",
     [(A, "dorpsstraat 4a 1234 ab ergenshuizen"), (P, "anouk")]),
    ("en", "telegram", "hey its jessica from the salon. new address is 88 king st w toronto on m5h 1j9. thx",
     [(P, "jessica"), (A, "88 king st w toronto on m5h 1j9")]),
    ("nl", "email", "Beste,\n\nNamens mevr. Sastrowardoyo (Djoeminah) vraag ik de opzegging van haar pakket aan. Zij is 84 en heeft geen e-mail.\n\nMet vriendelijke groet,\nRobert Sastrowardoyo",
     [(P, "Sastrowardoyo"), (P, "Djoeminah"), (P, "Robert Sastrowardoyo")]),
    ("nl", "email", "Hallo,\n\nTer info: Meneer Ten Brink en mevrouw Ter Horst zijn allebei beheerder van het account.\n\nGroet,\nDe Boer",
     [(P, "Ten Brink"), (P, "Ter Horst"), (P, "De Boer")]),
    ("en", "email", "Hi,\n\nContact for the migration is Dr. Olufemi Adeyemi-Okafor. Backup contact: Xu Ming.\n\nBest,\nT. Nakamura",
     [(P, "Olufemi Adeyemi-Okafor"), (P, "Xu Ming"), (P, "T. Nakamura")]),
    ("fr", "email", "Bonjour,\n\nNotre nouvelle adresse :\n45, avenue des Champs-Élysées\n75008 PARIS\n\nBien à vous,\nÉlodie Girard",
     [(A, "45, avenue des Champs-Élysées\n75008 PARIS"), (P, "Élodie Girard")]),
    ("nl", "email", "Hoi,\n\nik heb de login ah.elkhattabi gekregen maar mijn naam is Abdelhakim El Khattabi, kan dat kloppen?\n\nAbdel",
     [(P, "ah.elkhattabi"), (P, "Abdelhakim El Khattabi"), (P, "Abdel")]),
    ("en", "email", "Good morning,\n\nTwo users need access: vsingh and p.ramaswamy (Vikram Singh and Padma Ramaswamy).\n\nRegards,\nIT desk",
     [(P, "vsingh"), (P, "p.ramaswamy"), (P, "Vikram Singh"), (P, "Padma Ramaswamy")]),
    ("nl", "email", "Dag,\n\nOnze Poolse collega Agnieszka Zielińska (agnieszka.zielinska@firma.pl) heeft ook toegang nodig. Ze woont in ul. Długa 5 m. 3, 80-831 Gdańsk.\n\nGroet,\nMark",
     [(P, "Agnieszka Zielińska"), (E, "agnieszka.zielinska@firma.pl"), (A, "ul. Długa 5 m. 3, 80-831 Gdańsk"), (P, "Mark")]),
    ("nl", "email", "Hallo,\n\nhet adres van ons filiaal in Ankara is Cumhuriyet Mah. 1453 Sok. No:7, 06000 Çankaya/Ankara.\n\nSaygılarımla,\nSelin Arslan",
     [(A, "Cumhuriyet Mah. 1453 Sok. No:7, 06000 Çankaya/Ankara"), (P, "Selin Arslan")]),
    ("en", "email", "Hello,\n\nBill me at the office instead: 1600 Pennsylvania Ave NW, Washington, DC 20500.\n\nFrank",
     [(A, "1600 Pennsylvania Ave NW, Washington, DC 20500"), (P, "Frank")]),
    ("nl", "email", "Goedemiddag,\n\nBos en Lommer is een wijk, geen naam :) Maar de klant heet wél zo: Gerrit Bos, Dijkweg 2, 1619 AB Andijk.\n\nGroet,\nCor",
     [(P, "Gerrit Bos"), (A, "Dijkweg 2, 1619 AB Andijk"), (P, "Cor")]),
    ("en", "email", "Hi,\n\nRose Garden Florists needs a new SSL. The owner, Rose Whitfield, will pay by card.\n\nThanks,\nAmber",
     [(ORG, "Rose Garden Florists"), (P, "Rose Whitfield"), (P, "Amber")]),
    ("nl", "email", "Hallo,\n\nkun je deze lijst importeren?\n\n\"Achternaam\",\"Voornaam\",\"Plaats\"\n\"Bakker\",\"Anouk\",\"Utrecht\"\n\"Yıldız\",\"Elif\",\"Zaandam\"\n\"Mahabier\",\"Sunita\",\"Almere\"\n\nThx",
     [(P, "Bakker"), (P, "Anouk"), (P, "Yıldız"), (P, "Elif"), (P, "Mahabier"), (P, "Sunita")]),
    ("nl", "email", "Hoi,\n\nKlopt, Dekker Bouw heeft betaald. Morgen sturen we de rest. Zonder btw graag.\n\nGroet,\nAdministratie",
     [(ORG, "Dekker Bouw")]),
    ("en", "email", "Hi,\n\nWhich plan includes SSH: Starter, Pro or Business Unlimited? Also, does Jetpack Boost work with LiteSpeed Cache?\n\nThanks",
     []),
    ("en", "email", "Hello,\n\nVictoria Station and Oxford Street show up in the map widget, but Baker Street shows nothing. Is the Google Maps API key restricted?\n\nRegards",
     []),
    ("nl", "email", "Goedemorgen,\n\nSinds de update naar het thema Avenue 4.2 werkt de slider niet. Gisteren ging ook de server plat. Vandaag weer. Graag uitzoeken.\n\nGroet",
     []),
    ("nl", "whatsapp", "Zojuist betaald via iDEAL. Graag bevestiging. Alvast dank!",
     []),
    ("en", "email", "Hi,\n\nCan you move the site from Hostinger to your Business plan? Cloudflare sits in front of it. Kind regards, Marlow & Finch Architects",
     [(ORG, "Marlow & Finch Architects")]),
]

# Pools for the sweep (written for this file; fictional combinations).
NAMES: list[tuple[str, str, str]] = [  # first, tussenvoegsel/particle-free surname prefix, surname
    ("Mehmet", "", "Yılmaz"), ("Ayşe", "", "Demir"), ("Hakan", "", "Çelik"), ("Zeynep", "", "Aydın"),
    ("Mohamed", "", "El Idrissi"), ("Khadija", "", "Benali"), ("Youssef", "", "Amrani"), ("Samira", "", "Ouazzani"),
    ("Rajesh", "", "Ramcharan"), ("Sunita", "", "Baldewsingh"), ("Ryan", "", "Sedney"), ("Kirsten", "", "Kromosoeto"),
    ("Budi", "", "Santoso"), ("Dewi", "", "Kusuma"), ("Agus", "", "Setiawan"), ("Putri", "", "Hidayat"),
    ("Piotr", "", "Wiśniewski"), ("Magdalena", "", "Kamińska"), ("Krzysztof", "", "Lewandowski"), ("Ewa", "", "Dąbrowska"),
    ("Arjun", "", "Mehta"), ("Lakshmi", "", "Narayanan"), ("Vikram", "", "Reddy"), ("Deepa", "", "Pillai"),
    ("Wei", "", "Zhang"), ("Xiaoling", "", "Chen"), ("Jun", "", "Liu"), ("Mei", "", "Wang"),
    ("Kofi", "", "Mensah"), ("Abena", "", "Owusu"), ("Kwabena", "", "Asamoah"), ("Adjoa", "", "Boakye"),
    ("Jan", "de", "Vries"), ("Sanne", "van", "Dijk"), ("Pieter", "van den", "Berg"), ("Lotte", "van der", "Meer"),
    ("Daan", "", "Jansen"), ("Femke", "", "Visser"), ("Thijs", "ter", "Haar"), ("Noor", "in 't", "Veld"),
]
STREETS = {
    "NL": ["{s} {n}, {pc} {c}", "{s} {n}\n{pc}  {C}", "{s} {n}{x}, {pc} {c}"],
    "BE": ["{s} {n} bus {b}, {pc} {c}", "{s} {n}\n{pc} {c}\nBelgië"],
    "DE": ["{s} {n}, {pc} {c}", "{s} {n}\nD-{pc} {c}"],
    "UK": ["{n} {s}, {c} {pc}", "Flat {b}, {n} {s}\n{c}\n{pc}"],
    "US": ["{n} {s}, {c}, {pc}", "{n} {s} Apt {b}\n{c}, {pc}"],
    "FR": ["{n} {s}, {pc} {c}", "{n}, {s}\n{pc} {C}"],
    "PL": ["ul. {s} {n}/{b}, {pc} {c}", "ul. {s} {n} m. {b}\n{pc} {c}"],
    "TR": ["{s} No:{n} D:{b}, {pc} {c}", "{s} No: {n} Daire {b}\n{pc} {c}"],
}
PLACES = {
    "NL": [("Stationsweg", "2311 AV", "Leiden"), ("Oranjelaan", "3843 AB", "Harderwijk"), ("Spoorsingel", "2613 BB", "Delft"),
           ("Burgemeester de Withstraat", "5615 BB", "Eindhoven")],
    "BE": [("Veldstraat", "9000", "Gent"), ("Bondgenotenlaan", "3000", "Leuven"), ("Chaussée de Waterloo", "1180", "Uccle")],
    "DE": [("Königsallee", "40212", "Düsseldorf"), ("Schillerstraße", "60313", "Frankfurt am Main"), ("Am Sande", "21335", "Lüneburg")],
    "UK": [("Church Lane", "YO1 7HH", "York"), ("Albert Road", "BS2 0XQ", "Bristol"), ("Queen's Drive", "G42 8BW", "Glasgow")],
    "US": [("Maple Avenue", "IL 60201", "Evanston"), ("Sunset Blvd", "CA 90028", "Los Angeles"), ("Oak Street", "TX 78701", "Austin")],
    "FR": [("rue Victor Hugo", "69002", "Lyon"), ("boulevard Voltaire", "13001", "Marseille"), ("allée des Tilleuls", "44000", "Nantes")],
    "PL": [("Piotrkowska", "90-406", "Łódź"), ("Floriańska", "31-019", "Kraków"), ("Grunwaldzka", "80-236", "Gdańsk")],
    "TR": [("Bağdat Caddesi", "34710", "Kadıköy/İstanbul"), ("Kordonboyu Sok.", "35220", "Konak/İzmir"),
           ("Atatürk Bulvarı", "06420", "Çankaya/Ankara")],
}

NAME_FRAMES_NL = [
    "hoi, met {lower}. mijn mail doet raar sinds gisteren",
    "Beste,\n\nHet account staat op naam van {inverted}. Klopt dat nog?\n\nGroet,\n{first}",
    "NAAM: {upper}\nVRAAG: WAAROM IS MIJN SITE OFFLINE?",
    "Goedemiddag,\n\nKunt u de gebruiker {login} verwijderen? Dat was {full}, die is vertrokken.\n\nMvg,\nBeheer",
    "Hallo,\n\n{initials} {sur} belde net over de factuur. Graag terugbellen.\n\nGroet,\nSupport",
    "Goedemorgen,\n\n{Sur} heeft de opzegging getekend. Verwerken jullie dat?\n\nMet vriendelijke groet,\n{full}",
]
NAME_FRAMES_EN = [
    "hey its {lower}, the password reset mail never arrives",
    "Hi,\n\nPlease add {full} ({mail}) as a billing contact.\n\nThanks",
    "Hello,\n\nThe account holder is {inverted}; the username is {login}.\n\nRegards,\nSupport desk",
    "From: {full} <{mail}>\nTo: support@dommelhost.nl\nSubject: backup\n\nHi, is the nightly backup running?\n{first}",
    "Dear team,\n\nPlease cancel the mailbox of Ms {initials} {sur}. Confirmation goes to her manager.\n\nBest,\nHR",
]


def _login(first: str, tv: str, sur: str, style: int) -> str:
    def plain(s: str) -> str:
        table = str.maketrans("ıİşŞçÇğĞöÖüÜąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "iIsScCgGoOuUacelnoszzACELNOSZZ")
        return s.translate(table).lower().replace(" ", "").replace("'", "")
    tvs = "".join(w[0] for w in tv.split())
    if style == 0:
        return plain(first[0]) + plain(tvs) + plain(sur)
    if style == 1:
        return plain(first) + "." + plain(tv + sur)
    return plain(first[0]) + "." + plain(tv + sur)


def generated(rng: random.Random) -> list[Msg]:
    out: list[Msg] = []
    for k, (first, tv, sur) in enumerate(NAMES):
        full = f"{first} {tv + ' ' if tv else ''}{sur}"
        Sur = f"{tv[:1].upper() + tv[1:] + ' ' if tv else ''}{sur}"
        inverted = f"{Sur}, {first}" if not tv else f"{sur}, {first} {tv}"
        initials = f"{first[0]}." if k % 2 else first[0]
        login = _login(first, tv, sur, k % 3)
        domain = rng.choice(["gmail.com", "hotmail.nl", "outlook.com", "ziggo.nl", "yahoo.co.uk"])
        mail = f"{_login(first, tv, sur, 1)}@{domain}"
        lang = "nl" if k % 3 else "en"
        frames = NAME_FRAMES_NL if lang == "nl" else NAME_FRAMES_EN
        frame = frames[k % len(frames)]
        vals = {"lower": full.lower(), "inverted": inverted, "first": first, "upper": full.upper(), "login": login,
                "full": full, "initials": initials, "sur": (tv + " " if tv else "") + sur, "Sur": Sur, "mail": mail}
        text = frame.format(**vals)
        ents: list[Ent] = []
        for key, typ in (("lower", P), ("inverted", P), ("upper", P), ("login", P), ("full", P), ("mail", E)):
            if "{" + key + "}" in frame:
                ents.append((typ, vals[key]))
        if "support@dommelhost.nl" in frame:  # annotation fix: every e-mail address in a body is stripped
            ents.append((E, "support@dommelhost.nl"))
        if "{initials}" in frame:
            ents.append((P, f"{initials} {vals['sur']}"))
        if "{Sur}" in frame:
            ents.append((P, Sur))
        if "{first}" in frame:
            ents.append((P, first))
        channel = "whatsapp" if "{lower}" in frame else ("webform" if "{upper}" in frame else "email")
        out.append((lang, channel, text, ents))
    for country, layouts in STREETS.items():
        for j, (street, pc, city) in enumerate(PLACES[country]):
            layout = layouts[j % len(layouts)]
            addr = layout.format(s=street, n=rng.randint(1, 240), pc=pc, c=city, C=city.upper(), x=rng.choice("ABC"),
                                 b=rng.randint(1, 30))
            first, tv, sur = rng.choice(NAMES)
            full = f"{first} {tv + ' ' if tv else ''}{sur}"
            if j % 2:
                text = f"Hello,\n\nPlease update our invoice address to\n{addr}\n\nKind regards,\n{full}"
                lang = "en"
            else:
                text = f"Goedemiddag,\n\nWilt u de factuur sturen naar {full}, {addr}?\n\nMet vriendelijke groet,\n{first}"
                lang = "nl"
            ents = [(A, addr), (P, full)] + ([(P, first)] if not j % 2 else [])
            out.append((lang, "email", text, ents))
    return out


def main() -> None:
    rng = random.Random(16)
    count = write_corpus(OUT, "names", [*HANDWRITTEN, *generated(rng)])
    print(f"{OUT.name}: {count} records")

if __name__ == "__main__":
    main()
