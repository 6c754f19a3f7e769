"""Names as people write them (issue #16), one table per form, with the hard negatives of each form.

Written from how customers write (chat, web form, e-mail, pasted tables), not from corpus misses: every
name, company and sentence here is made up for these tests.
"""

from __future__ import annotations

import pytest

from scrubber.recognizers.names import NameFinder
from tests.scrubber.recognizers.names.spans import orgs, persons


def _check(finder: NameFinder, text: str, names: list[str]) -> None:
    found = persons(finder, text)
    for name in names:
        assert name in found, (name, found)


def _check_none(finder: NameFinder, text: str, words: list[str]) -> None:
    found = persons(finder, text)
    for word in words:
        assert not any(word in p or p in word for p in found), (word, found)


# ---------------------------------------------------------------- ALL CAPS
ALL_CAPS = [
    ("Naam: JAN DE VRIES\nAdres: Dorpsstraat 4", ["JAN DE VRIES"]),
    ("Op naam van MARLOES VAN DER STEEN graag.", ["MARLOES VAN DER STEEN"]),
    ("4111 1111 1111 1111\n09/28\nM J KOOPMANS\n\nGroet, Mieke", ["M J KOOPMANS"]),
    ("MET VRIENDELIJKE GROET,\n\nFATIMA EL AMRANI", ["FATIMA EL AMRANI"]),
    ("Rekening NL91ABNA0417164300 T.N.V. J DE BOER", ["J DE BOER"]),
    ("IK BEN PIETER BAKKER EN MIJN SITE IS STUK", ["PIETER BAKKER"]),
    ("PLEASE HELP, THIS IS ROBERT OKAFOR AND MY EMAIL IS DOWN", ["ROBERT OKAFOR"]),
    ("Account holder: SARAH O'CONNOR", ["SARAH O'CONNOR"]),
    ("Dear support,\n\nthe invoice is wrong.\n\nKIND REGARDS\nDANIEL MENSAH", ["DANIEL MENSAH"]),
]
ALL_CAPS_NEGATIVE = [
    ("HELP MIJN SITE IS OFFLINE SINDS VANOCHTEND", ["HELP", "SITE", "OFFLINE"]),
    ("URGENT: SSL CERTIFICATE EXPIRED, PLEASE RENEW ASAP", ["URGENT", "SSL", "CERTIFICATE", "PLEASE"]),
    ("DNS RECORDS VOOR MAIL ZIJN FOUT, MX WIJST NAAR OUDE SERVER", ["DNS", "RECORDS", "MAIL", "SERVER"]),
    ("WAAROM WORDT MIJN FACTUUR TWEE KEER AFGESCHREVEN?", ["WAAROM", "FACTUUR", "TWEE"]),
    ("THE WEBSITE SHOWS ERROR 500 SINCE MONDAY MORNING", ["WEBSITE", "ERROR", "MONDAY", "MORNING"]),
    ("NIEUWE KLANT: WEBWINKEL VOOR HANDGEMAAKTE ZEEP", ["NIEUWE", "KLANT", "ZEEP"]),
]


@pytest.mark.parametrize(("text", "names"), ALL_CAPS)
def test_all_caps(finder: NameFinder, text: str, names: list[str]) -> None:
    _check(finder, text, names)


@pytest.mark.parametrize(("text", "words"), ALL_CAPS_NEGATIVE)
def test_all_caps_sentences_are_not_names(finder: NameFinder, text: str, words: list[str]) -> None:
    _check_none(finder, text, words)


# ---------------------------------------------------------------- all lower case, in chats
LOWER_CASE = [
    ("kun je even kijken?\ngroetjes, sanne", ["sanne"]),
    ("hoi met kevin, mijn mail doet raar", ["kevin"]),
    ("hey it's tom here, mail broken again", ["tom"]),
    ("thijs hier, ik kan niet inloggen op de site", ["thijs"]),
    ("ik ben fatma yilmaz en mijn domein is verlopen", ["fatma yilmaz"]),
    ("dank je! liefs, noor", ["noor"]),
    ("site doet het weer\nthx\nbram", ["bram"]),
    ("hi its anouk, who do i talk to about my invoice", ["anouk"]),
    ("this is wei from the noodle bar, menu page broken", ["wei"]),
    ("joost hier van de fietsenwinkel, de webshop ligt eruit", ["joost"]),
    # issue 16: "it's me, <name>", form labels of the name's parts, the name on an account
    ("ik ben het, yasmina. wachtwoord vergeten", ["yasmina"]),
    ("the name on the account is priya nair", ["priya nair"]),
    ("Achternaam: OKONJO\nVoornamen: Chidi Emeka", ["OKONJO", "Chidi Emeka"]),
    ("Nachname: Wójcik\nVorname: Agnieszka", ["Wójcik", "Agnieszka"]),
]
LOWER_CASE_NEGATIVE = [
    ("hier is de link naar de pagina", ["hier", "link"]),
    ("mark all as read pls, it doesnt work", ["mark"]),
    ("de server is down, kan iemand kijken?", ["server", "iemand"]),
    ("i will check it tomorrow\nthx", ["will", "check"]),
    ("groetjes van ons allemaal", ["ons", "allemaal"]),
    ("its fine now, thanks for the help", ["fine", "help"]),
    # a closing abbreviation before the name is not part of it
    ("Kan dat vandaag?\n\nMvg Femke", ["Mvg"]),
    ("Danke!\n\nLG Sabine", ["LG"]),
    ("this is weird, the page is blank", ["weird", "page"]),
]


@pytest.mark.parametrize(("text", "names"), LOWER_CASE)
def test_lower_case(finder: NameFinder, text: str, names: list[str]) -> None:
    _check(finder, text, names)


@pytest.mark.parametrize(("text", "words"), LOWER_CASE_NEGATIVE)
def test_lower_case_words_are_not_names(finder: NameFinder, text: str, words: list[str]) -> None:
    _check_none(finder, text, words)


# ---------------------------------------------------------------- "Surname, Firstname"
SURNAME_FIRST = [
    ("Naam: Jansen, Piet\nKlantnummer: 104233", ["Jansen, Piet"]),
    ("Aanvrager: de Vries, Jan", ["de Vries, Jan"]),
    ("Naam: VAN DEN BERG, ANOUK", ["VAN DEN BERG, ANOUK"]),
    ("Ingevoerd door: Bakker, S.J.", ["Bakker, S.J."]),
    ("From: Okafor, Daniel <d.okafor@example.com>", ["Okafor, Daniel"]),
    ("De contactpersoon is Visser, Marloes (financiën).", ["Visser, Marloes"]),
    ("Kowalski, Agnieszka\nUl. Długa 5\nGdańsk", ["Kowalski, Agnieszka"]),
    ("From: Vries, Jan de <jan@example.nl>\nSent: Monday", ["Vries, Jan de"]),
    ("Deelnemers: Jansen, P.; de Wit, M.; El Idrissi, Y.", ["Jansen, P.", "de Wit, M.", "El Idrissi, Y."]),
    ('naam,email\n"de Groot, Anna",anna@example.nl\n"Smit, Kees",kees@example.nl', ["de Groot, Anna", "Smit, Kees"]),
]
SURNAME_FIRST_NEGATIVE = [
    ("We hebben vestigingen in Amsterdam, Rotterdam en Utrecht.", ["Amsterdam", "Rotterdam"]),
    ("Hosting, Domeinen en E-mail staan op de factuur.", ["Hosting", "Domeinen"]),
    ("Ja, Dank je wel voor de snelle hulp.", ["Dank"]),
]


@pytest.mark.parametrize(("text", "names"), SURNAME_FIRST)
def test_surname_comma_first_name(finder: NameFinder, text: str, names: list[str]) -> None:
    _check(finder, text, names)


@pytest.mark.parametrize(("text", "words"), SURNAME_FIRST_NEGATIVE)
def test_comma_lists_are_not_names(finder: NameFinder, text: str, words: list[str]) -> None:
    _check_none(finder, text, words)


# ---------------------------------------------------------------- capitalised tussenvoegsels
# Dutch spelling: a tussenvoegsel is written with a capital when no first name or initial precedes it.
TUSSENVOEGSELS = [
    ("Beste meneer De Groot,\n\nuw domein is verlengd.", ["De Groot"]),
    ("Van der Berg belt u morgen terug over de offerte.", ["Van der Berg"]),
    ("Ik heb het besproken met mevrouw Van den Heuvel.", ["Van den Heuvel"]),
    ("De Jong heeft de factuur al betaald, zegt hij.", ["De Jong"]),
    ("Hallo, met Van Leeuwen. Ik bel over mijn mailbox.", ["Van Leeuwen"]),
    ("Ter Horst vroeg om een nieuwe offerte.", ["Ter Horst"]),
    ("Met vriendelijke groet,\n\nVan Dijk", ["Van Dijk"]),
    ("Geachte heer Van 't Hek,", ["Van 't Hek"]),
]
TUSSENVOEGSELS_NEGATIVE = [
    ("De nieuwe server draait sinds gisteren.", ["De", "nieuwe"]),
    ("Van wie is dit domein eigenlijk?", ["Van", "wie"]),
    ("De Website is traag en De Mail werkt niet.", ["Website", "Mail"]),
    ("Van harte gefeliciteerd met de nieuwe site!", ["Van", "harte"]),
    ("De Telegraaf schreef erover.", ["Telegraaf"]),
]


@pytest.mark.parametrize(("text", "names"), TUSSENVOEGSELS)
def test_capitalised_tussenvoegsel_starts_a_bare_surname(finder: NameFinder, text: str, names: list[str]) -> None:
    _check(finder, text, names)


@pytest.mark.parametrize(("text", "words"), TUSSENVOEGSELS_NEGATIVE)
def test_capitalised_articles_are_not_names(finder: NameFinder, text: str, words: list[str]) -> None:
    _check_none(finder, text, words)


# ---------------------------------------------------------------- initials
INITIALS = [
    ("Graag contact met J.P. de Groot over de verhuizing.", ["J.P. de Groot"]),
    ("Graag contact met JP de Groot over de verhuizing.", ["JP de Groot"]),
    ("Graag contact met J P de Groot over de verhuizing.", ["J P de Groot"]),
    ("Gemachtigde: dhr. K. Visser", ["K. Visser"]),
    ("Cordialement,\nJ.-P. Lefèvre", ["J.-P. Lefèvre"]),
    ("IBAN NL91ABNA0417164300 t.n.v. JW Bosman", ["JW Bosman"]),
    ("Ondertekend door A.B. van der Meer-Kok op 3 juni.", ["A.B. van der Meer-Kok"]),
    ("Yours sincerely,\nR.J. Whitfield", ["R.J. Whitfield"]),
    # a middle initial without its dot (issue 16: the name ended before it)
    ("Daniela C Capon lives in Tallinn", ["Daniela C Capon"]),
    ("We spoke with Silvia J Křenová yesterday", ["Silvia J Křenová"]),
]
INITIALS_NEGATIVE = [
    ("Sanne IT is ons bedrijf", ["IT"]),
    ("Plan B Options are listed below", ["Options"]),
    ("De IT afdeling heeft de DNS aangepast.", ["IT", "DNS"]),
    ("Stap A. Controleer de instellingen van de mailbox.", ["Controleer"]),
    ("We hebben een A record en een MX record nodig.", ["record"]),
    ("PHP Versie 8.2 is nu actief.", ["PHP", "Versie"]),
]


@pytest.mark.parametrize(("text", "names"), INITIALS)
def test_initials(finder: NameFinder, text: str, names: list[str]) -> None:
    _check(finder, text, names)


@pytest.mark.parametrize(("text", "words"), INITIALS_NEGATIVE)
def test_abbreviations_are_not_initials(finder: NameFinder, text: str, words: list[str]) -> None:
    _check_none(finder, text, words)


# ---------------------------------------------------------------- names of every origin
ORIGINS = [
    ("Mijn collega Oleksandr Kovalenko heeft toegang nodig.", ["Oleksandr Kovalenko"]),  # Ukrainian
    ("Ik heb gebeld met Agnieszka Wiśniewska over de factuur.", ["Agnieszka Wiśniewska"]),  # Polish
    ("Het account staat op naam van Ayşe Öztürk.", ["Ayşe Öztürk"]),  # Turkish
    ("Het account staat op naam van Ayse Ozturk.", ["Ayse Ozturk"]),  # Turkish, typed without diacritics
    ("Kwame Mensah vroeg om een nieuwe mailbox.", ["Kwame Mensah"]),  # Ghanaian
    ("Please add Akosua Boateng as a second contact.", ["Akosua Boateng"]),  # Ghanaian
    ("Wahyu Hartono beheert onze website.", ["Wahyu Hartono"]),  # Indonesian
    ("Rishi Ramdin belt straks over de verhuizing.", ["Rishi Ramdin"]),  # Surinamese (Hindustani)
    ("Dewi Kromodimedjo heeft de factuur al betaald.", ["Dewi Kromodimedjo"]),  # Surinamese (Javanese)
    ("Our developer Zhang Xiaoming will send the files.", ["Zhang Xiaoming"]),  # Chinese
    ("Youssef El Idrissi is de nieuwe beheerder.", ["Youssef El Idrissi"]),  # Moroccan
    ("Venkatesh Iyer asked for SSH access.", ["Venkatesh Iyer"]),  # Indian
    ("Dmytro Shevchenko is our new bookkeeper.", ["Dmytro Shevchenko"]),  # Ukrainian
    ("Ik werk samen met Kofi Owusu-Ansah.", ["Kofi Owusu-Ansah"]),  # Ghanaian, double-barrelled
]
PLACES_NEGATIVE = [
    ("We zitten in Sri Lanka en Costa Rica.", ["Sri Lanka", "Costa Rica"]),
    ("Our office moved to San Francisco last year.", ["San Francisco"]),
]


@pytest.mark.parametrize(("text", "names"), ORIGINS)
def test_names_of_every_origin(finder: NameFinder, text: str, names: list[str]) -> None:
    _check(finder, text, names)


@pytest.mark.parametrize(("text", "words"), PLACES_NEGATIVE)
def test_place_names_are_not_names(finder: NameFinder, text: str, words: list[str]) -> None:
    _check_none(finder, text, words)


# ---------------------------------------------------------------- relatives mentioned in passing
RELATIVES = [
    ("Het wachtwoord weet mijn vrouw Ayse, zij heeft het ingesteld.", ["Ayse"]),
    ("My son Daan set up the website for me.", ["Daan"]),
    ("Mijn man Said belt morgen even.", ["Said"]),
    ("Onze dochter Noor gebruikt de tweede mailbox.", ["Noor"]),
    ("My wife, Grace, handles the billing.", ["Grace"]),
    ("mijn schoonmoeder riet kan niet meer inloggen", ["riet"]),
    ("Mijn zoontje Sem heeft per ongeluk alles verwijderd.", ["Sem"]),
    ("my girlfriend Mei made the logo", ["Mei"]),
    ("Ik vraag het aan mijn broer Mehmet.", ["Mehmet"]),
]
RELATIVES_NEGATIVE = [
    ("Mijn vrouw en ik hebben samen een webshop.", ["en", "ik"]),
    ("My son is twelve and wants a website.", ["is", "twelve"]),
    ("Mijn man heeft gisteren gebeld.", ["heeft", "gisteren"]),
    ("My husband Will look into it", []),
]


@pytest.mark.parametrize(("text", "names"), RELATIVES)
def test_relatives_named_in_passing(finder: NameFinder, text: str, names: list[str]) -> None:
    _check(finder, text, names)


@pytest.mark.parametrize(("text", "words"), RELATIVES_NEGATIVE)
def test_relatives_without_a_name(finder: NameFinder, text: str, words: list[str]) -> None:
    _check_none(finder, text, words)


# ---------------------------------------------------------------- organisations keep their names
ORGANIZATIONS = [
    ("De schilder is Schildersbedrijf De Jong uit Breda.", "Schildersbedrijf De Jong"),
    ("De factuur staat op Bakkerij Jansen B.V. in Tilburg.", "Bakkerij Jansen B.V."),
    ("Groet,\nMarco\nHoveniersbedrijf Van Dam", "Hoveniersbedrijf Van Dam"),
    ("We kopen in bij Autobedrijf Yilmaz in Zaandam.", "Autobedrijf Yilmaz"),
    ("Met vriendelijke groet,\nLinda Vermeer\nVermeer Logistiek\n010-1234567", "Vermeer Logistiek"),
    ("Kind regards,\nOlivia Hart\nHart Interiors Ltd", "Hart Interiors Ltd"),
    ("Our supplier Mensah Trading Ltd sends the invoices.", "Mensah Trading Ltd"),
    ("Rechnung an Bäckerei Hofstetter GmbH, bitte.", "Bäckerei Hofstetter GmbH"),
    ("Boodschappen bij Albert Heijn, betaald met pin.", "Albert Heijn"),
]


@pytest.mark.parametrize(("text", "org"), ORGANIZATIONS)
def test_organizations_are_kept_whole(finder: NameFinder, text: str, org: str) -> None:
    assert org in orgs(finder, text)
    start = text.index(org)
    end = start + len(org)
    found, _ = finder.find(text)
    assert not any(s < end and start < e for s, e, _, _ in found), persons(finder, text)


# ---------------------------------------------------------------- ordinary capitalised words and product names
HARD_NEGATIVES = [
    "Bitte senden Sie mir die Rechnung per Post.",
    "Mit freundlichen Grüßen aus Berlin",
    "Meine Kundennummer steht auf der Rechnung.",
    "Bien à vous, et merci pour votre aide.",
    "Please Review The Attached Invoice Before Friday.",
    "Grace period ends on Friday, so please pay before then.",
    "Hope you are well. May I ask about the renewal?",
    "Mark the ticket as solved when the DNS is fixed.",
    "Sterk Wachtwoord Vereist bij het inloggen.",
    "We gebruiken WordPress met WooCommerce, Yoast SEO en Elementor.",
    "Mail komt niet aan in Outlook of Thunderbird, wel in Roundcube.",
    "Het certificaat van Let's Encrypt is verlopen, zegt Plesk.",
    "Windows Defender blokkeert de download van FileZilla.",
    "Mijn iPhone en Apple Mail halen geen mail meer op.",
    "Op 12 Mar om 10:00 en op Jun 3 gaat de server in onderhoud.",
]


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_ordinary_words_and_products_are_not_names(finder: NameFinder, text: str) -> None:
    assert persons(finder, text) == []


# ---------------------------------------------------------------- whole messages, written for these tests
MESSAGES = [
    ("hoi\nmijn site is weer eens traag\ngroetjes\nfemke", ["femke"]),
    (
        "Graag wil ik de domeinnaam overzetten naar mijn zus, Marieke Dekker.\n\nMet vriendelijke groet,\n"
        "A.J. (Ton) Dekker",
        ["Marieke Dekker", "A.J. (Ton) Dekker"],
    ),
    (
        "Hi there, it's Kwabena from Mensah Trading. Please add my partner Efua Owusu as contact.",
        ["Kwabena", "Efua Owusu"],
    ),
    ("Naam: EL HADDOUTI, SAMIRA\nKlantnummer: 100234", ["EL HADDOUTI, SAMIRA"]),
    ("Graag de factuur op naam van dhr. R.A.M. van Leeuwen-de Boer zetten.", ["R.A.M. van Leeuwen-de Boer"]),
    ("Mevrouw Ramautar belt er al voor de derde keer over.", ["Ramautar"]),
    ("ik ben de nieuwe eigenaar van de kapsalon, mijn naam is joyce pinas", ["joyce pinas"]),
    ("wachtwoord vergeten!! inlog is k.vandenberg of kvandenberg", ["k.vandenberg", "kvandenberg"]),
    ("To: Nguyen Van Minh <minh@example.vn>\nCc: Tran Thi Lan <lan@example.vn>", ["Nguyen Van Minh", "Tran Thi Lan"]),
    ("Hierbij machtig ik mijn schoonzoon, de heer Bayram Öztürk, om namens mij te handelen.", ["Bayram Öztürk"]),
    ("THANKS IN ADVANCE\nGREETINGS FROM ROTTERDAM\nJOHAN VAN DEN BERG", ["JOHAN VAN DEN BERG"]),
    ("Wij zijn met z'n drieën: Ahmed, Youssef en Nadia El Khattabi.", ["Ahmed", "Youssef", "Nadia El Khattabi"]),
    ("Thanks Liam! Also cc'ing Aoife and Siobhán from accounts.", ["Liam", "Aoife", "Siobhán"]),
]


@pytest.mark.parametrize(("text", "names"), MESSAGES)
def test_messages(finder: NameFinder, text: str, names: list[str]) -> None:
    _check(finder, text, names)


MORE_NEGATIVES = [
    "Sinds de update van WordPress werkt Contact Form 7 niet meer. Ook Jetpack geeft een foutmelding.",
    "We Are Moving Our Office To A New Location. Please Update The Invoice Address.",
    "HOI, MIJN MAIL DOET HET NIET MEER SINDS GISTEREN. GRAAG SNEL HULP!!!",
    "URGENT: WEBSITE DOWN, CUSTOMERS CANNOT ORDER. CALL ME ASAP",
    "Bonjour, je voudrais transférer mon domaine vers une autre société. Merci de me donner le code.",
    "De server van Hetzner in Falkenstein reageert traag. Ping naar Frankfurt is 40ms.",
    "De Efteling en De Bijenkorf zijn klanten van ons bureau.",
    "name,price,stock\nBlue Mug,12.50,4\nRed Mug,12.50,0",
    "Na de migratie staat alles in public_html/oude_site en de database heet shop_db met user shop_admin.",
    "Log in via cpanel.example.nl met gebruiker admin en dan naar File Manager.",
    "Met vriendelijke groet,\n\nTeam Webshop Nederland",
    "Kind regards,\nCustomer Service\nAcme Ltd",
    "My son is really good with computers so he set it up.",
    "Bill me annually instead of monthly please. Max upload size is 2MB.",
    "PLEASE NOTE: THE INVOICE ADDRESS CHANGED TO KERKSTRAAT 12, TILBURG.",
    "FACTUUR VAN DE MAAND MEI KLOPT NIET, BEDRAG IS TE HOOG",
    "In De Pijp hebben we een winkel en in De Jordaan ook.",
    "Status: Open | Prioriteit: Hoog | Categorie: Hosting",
    "Datum;Omschrijving;Bedrag\n01-05;Hosting Pro;12,50\n01-06;Domein Basis;9,95",
    "Née le 3 mars 1985 à Lyon, je vis maintenant à Nantes.",
    "5041 LR Tilburg, 5037 DB Tilburg",
    "Born 12-Mar-1979; log line [18/Jun/2025:02:11:48 +0200]",
    "Sehr geehrte Damen und Herren,\n\nanbei die Unterlagen.\n\nBeste Grüße",
]


@pytest.mark.parametrize("text", MORE_NEGATIVES)
def test_more_hard_negatives(finder: NameFinder, text: str) -> None:
    assert persons(finder, text) == []
