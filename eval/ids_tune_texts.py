"""The texts of ``eval/make_ids_tune.py``: cue words per country and language, sentence frames, hand-written messages.

Why this file exists: it keeps the generator short. The frames are regular on purpose (a miss points at the
value or its cue); ``HAND`` holds messages written as customers write (nl, en, de, fr, mixed), with the
identifiers left as ``{placeholders}`` that the generator fills with fresh valid values (python-stdnum).
Each ``HAND`` entry: language, channel, text template, [(type, value template)].
"""

from __future__ import annotations

ID_CUES = {
    "NL": {
        "nl": ["BSN", "bsn", "bsn-nr", "burgerservicenr.", "BSN nummer", "sofinummer", "burgerservicenummer"],
        "en": ["BSN", "Dutch citizen service number", "BSN no."],
        "de": ["BSN (Bürgerservicenummer)"],
        "fr": ["numéro BSN"],
    },
    "BE": {
        "nl": ["rijksregisternr", "rijksregisternummer", "RRN"],
        "en": ["Belgian national number", "national register no."],
        "de": ["belgische Nationalregisternummer"],
        "fr": ["numéro national", "n° de registre national", "NN"],
    },
    "DE": {
        "nl": ["Duitse Steuer-ID", "steuernummer"],
        "en": ["German tax ID", "Steuer-ID"],
        "de": ["Steuer-ID", "Steuer-IdNr.", "steuerliche Identifikationsnummer", "IdNr"],
        "fr": ["numéro fiscal allemand"],
    },
    "UK": {
        "nl": ["NI-nummer", "National Insurance nr"],
        "en": ["NI number", "NINO", "national insurance no", "NI no."],
        "de": ["britische NI-Nummer"],
        "fr": ["numéro NI britannique"],
    },
    "US": {
        "nl": ["SSN", "social security nummer"],
        "en": ["SSN", "ssn#", "social security no.", "Social"],
        "de": ["US-Sozialversicherungsnummer (SSN)"],
        "fr": ["numéro SSN"],
    },
    "FR": {
        "nl": ["Frans sofinummer (NIR)", "numéro de sécu"],
        "en": ["French social security number", "NIR"],
        "de": ["französische Sozialversicherungsnummer"],
        "fr": ["n° de sécu", "numéro de sécurité sociale", "NIR"],
    },
    "ES": {
        "nl": ["DNI", "NIE-nummer"],
        "en": ["DNI", "NIE number", "Spanish ID no."],
        "de": ["spanische DNI"],
        "fr": ["DNI espagnol"],
    },
    "PL": {"nl": ["PESEL", "pesel nr"], "en": ["PESEL", "pesel no"], "de": ["PESEL-Nummer"], "fr": ["numéro PESEL"]},
    "TR": {
        "nl": ["TC kimlik nr", "Turks ID-nummer (kimlik)"],
        "en": ["TC Kimlik No", "turkish ID (TCKN)"],
        "de": ["türkische Kimlik-Nr."],
        "fr": ["numéro kimlik"],
    },
    "IT": {
        "nl": ["codice fiscale", "Italiaans fiscaal nummer"],
        "en": ["codice fiscale", "Italian tax code"],
        "de": ["Codice Fiscale"],
        "fr": ["code fiscal italien (codice fiscale)"],
    },
    "PT": {
        "nl": ["Portugees NIF", "NIF"],
        "en": ["NIF", "Portuguese tax no. (NIF)"],
        "de": ["portugiesische NIF"],
        "fr": ["NIF portugais"],
    },
}

ID_FRAMES = {
    "inline": {
        "nl": "Hoi, voor het contract moet ik mijn {cue} doorgeven: {v}. Klopt dat zo?",
        "en": "Hi, your colleague asked for my {cue} for the contract: {v}. Is that all you need?",
        "de": "Hallo, für den Vertrag brauchen Sie meine {cue}: {v}. Reicht das so?",
        "fr": "Bonjour, pour le contrat voici mon {cue} : {v}. Cela vous suffit ?",
    },
    "next_line": {
        "nl": "Goedemiddag,\n\nHieronder mijn {cue}:\n{v}\n\nGroet",
        "en": "Hello,\n\nAs requested, my {cue}:\n{v}\n\nThanks",
        "de": "Guten Tag,\n\nanbei meine {cue}:\n{v}\n\nGruß",
        "fr": "Bonjour,\n\nci-dessous mon {cue} :\n{v}\n\nCordialement",
    },
    "far": {
        "nl": "{cue} (ik heb hem ook al via het formulier op jullie site gestuurd maar dat gaf een foutmelding) {v}",
        "en": "{cue} - I already sent it through the form on your website but it gave me an error page - {v}",
        "de": "{cue} (habe ich schon über das Formular geschickt, aber da kam eine Fehlermeldung) {v}",
        "fr": "{cue} (déjà envoyé via le formulaire mais il y a eu un message d'erreur) {v}",
    },
    "quoted": {
        "nl": "Dat heb ik toch al gestuurd?\n"
        "\n"
        "Op 3 juni schreef ik:\n"
        "> Beste support,\n"
        "> mijn {cue} is {v}\n"
        "> graag de overdracht starten",
        "en": "I sent that already, see below.\n"
        "\n"
        "On Mon, 3 Jun I wrote:\n"
        "> Hi team,\n"
        "> my {cue} is {v}\n"
        "> please start the transfer",
        "de": "Das habe ich doch schon geschickt:\n"
        "\n"
        "Am 3. Juni schrieb ich:\n"
        "> Hallo,\n"
        "> meine {cue} ist {v}\n"
        "> bitte den Umzug starten",
        "fr": "Je l'ai déjà envoyé :\n"
        "\n"
        "Le 3 juin j'ai écrit :\n"
        "> Bonjour,\n"
        "> mon {cue} est {v}\n"
        "> merci de lancer le transfert",
    },
    "table": {
        "nl": "Zie de gegevens voor het abonnement:\n\nNaam;Klantnummer;{cue}\n{name};{cust};{v}\n\nmvg",
        "en": "Details for the account owner below:\n\nName;Customer no;{cue}\n{name};{cust};{v}\n\nregards",
        "de": "Die Angaben zum Inhaber:\n\nName;Kundennummer;{cue}\n{name};{cust};{v}\n\nGruß",
        "fr": "Les informations du titulaire :\n\nNom;Numéro client;{cue}\n{name};{cust};{v}\n\nCordialement",
    },
    "md_table": {
        "nl": "| veld | waarde |\n|---|---|\n| naam | {name} |\n| {cue} | {v} |\n| klantnr | {cust} |",
        "en": "| field | value |\n|---|---|\n| name | {name} |\n| {cue} | {v} |\n| customer no | {cust} |",
        "de": "| Feld | Wert |\n|---|---|\n| Name | {name} |\n| {cue} | {v} |\n| Kundennr | {cust} |",
        "fr": "| champ | valeur |\n|---|---|\n| nom | {name} |\n| {cue} | {v} |\n| n° client | {cust} |",
    },
    "chat_lower": {
        "nl": "{cue} is {v} btw",
        "en": "{cue} is {v} btw",
        "de": "{cue} ist {v} übrigens",
        "fr": "{cue} c'est {v}",
    },
    "with_customer": {
        "nl": "klantnummer {cust}, {cue} {v}. kunnen jullie de tenaamstelling aanpassen?",
        "en": "customer number {cust}, {cue} {v}. can you change the registrant please?",
        "de": "Kundennummer {cust}, {cue} {v}. Bitte den Inhaber ändern.",
        "fr": "numéro client {cust}, {cue} {v}. merci de changer le titulaire.",
    },
}


HAND: list[tuple[str, str, str, list[tuple[str, str]]]] = [
    (
        "nl",
        "whatsapp",
        "hoi!! moest mn bsn nog sturen voor die verhuizing van de website.. {bsn}\nen mijn pasnr {nlpass}\n"
        "is dat zo goed?",
        [("NATIONAL_ID", "{bsn}"), ("ID_DOCUMENT", "{nlpass}")],
    ),
    (
        "nl",
        "email",
        "Geachte heer/mevrouw,\n\nNaar aanleiding van uw verzoek stuur ik u hierbij mijn gegevens.\n"
        "Burgerservicenummer:\n{bsn}\nNummer identiteitsbewijs: {nlpass}\n\nHoogachtend,\n{name}",
        [("NATIONAL_ID", "{bsn}"), ("ID_DOCUMENT", "{nlpass}"), ("PERSON", "{name}")],
    ),
    (
        "en",
        "email",
        "Hi there, my accountant says you need my SSN for the 1099 - it's {ssn}. My customer number is {cust}. "
        "Cheers, {name}",
        [("NATIONAL_ID", "{ssn}"), ("CUSTOMER_NUMBER", "{cust}"), ("PERSON", "{name}")],
    ),
    (
        "de",
        "email",
        "Sehr geehrte Damen und Herren,\n\nanbei wie gewünscht meine Ausweisnr {deid} sowie meine Steuer-ID "
        "{deidnr}.\n\nMit freundlichen Grüßen\n{name}",
        [("ID_DOCUMENT", "{deid}"), ("NATIONAL_ID", "{deidnr}"), ("PERSON", "{name}")],
    ),
    (
        "fr",
        "email",
        "Bonjour,\nVoici mon n° de passeport {frpass} et mon numéro de sécu {nir}.\nBien à vous,\n{name}",
        [("ID_DOCUMENT", "{frpass}"), ("NATIONAL_ID", "{nir}"), ("PERSON", "{name}")],
    ),
    (
        "nl",
        "telegram",
        "kan je de betaling opnieuw doen? kaart {card} exp {exp} cvc {cvc}",
        [("CREDIT_CARD", "{card}"), ("CREDIT_CARD", "{exp}"), ("CREDIT_CARD", "{cvc}")],
    ),
    (
        "en",
        "whatsapp",
        "DL# {usdl} - thats my drivers license if you need it for the verification",
        [("ID_DOCUMENT", "{usdl}")],
    ),
    (
        "nl",
        "email",
        "Hallo,\n\nIk zie op de factuur {inv} dat er nog mijn oude rekening {old} staat. Dat moet {iban} zijn.\n\n"
        "Mvg {name}",
        [("INVOICE_NUMBER", "{inv}"), ("IBAN", "{old}"), ("IBAN", "{iban}"), ("PERSON", "{name}")],
    ),
    (
        "mixed",
        "email",
        "Hi, ik heb mijn National Insurance number al gestuurd: {nino}. Kunnen jullie nu de transfer starten?",
        [("NATIONAL_ID", "{nino}")],
    ),
    (
        "en",
        "email",
        "Hello,\nthe wire should come from my account at Rabobank, IBAN {ibanlow}. Order {order}.\nThanks",
        [("IBAN", "{ibanlow}"), ("INVOICE_NUMBER", "{order}")],
    ),
    (
        "nl",
        "webform",
        "Naam: {name}\nGeboortedatum: {dob}\nBSN: {bsn}\nRijbewijsnr: {nlrb}\n"
        "Opmerking: graag de hosting overzetten naar mijn naam",
        [("PERSON", "{name}"), ("DATE_OF_BIRTH", "{dob}"), ("NATIONAL_ID", "{bsn}"), ("ID_DOCUMENT", "{nlrb}")],
    ),
    (
        "en",
        "email",
        "Our DNS zone serial is {serial} and the ticket is {order}; the server IP is 185.12.44.7. "
        "Nothing personal in here.",
        [("INVOICE_NUMBER", "{order}"), ("IP_ADDRESS", "185.12.44.7")],
    ),
    (
        "nl",
        "email",
        "Goedemorgen, ons btw-nummer is {vat} en KvK {kvk}. Graag op de factuur zetten. Klantnummer {cust}.",
        [("VAT_NUMBER", "{vat}"), ("KVK_NUMBER", "{kvk}"), ("CUSTOMER_NUMBER", "{cust}")],
    ),
    (
        "de",
        "webform",
        "Name: {name}\nGeburtsdatum: {dob}\nPerso-Nr: {deid}\nIBAN: {deiban}",
        [("PERSON", "{name}"), ("DATE_OF_BIRTH", "{dob}"), ("ID_DOCUMENT", "{deid}"), ("IBAN", "{deiban}")],
    ),
    (
        "fr",
        "whatsapp",
        "mon numéro fiscal c'est {nir} je crois, et la carte {card} ({exp})",
        [("NATIONAL_ID", "{nir}"), ("CREDIT_CARD", "{card}"), ("CREDIT_CARD", "{exp}")],
    ),
    (
        "nl",
        "email",
        "Beste,\n\nIn de bijlage mijn verblijfsvergunning. Voor het geval die niet doorkomt: documentnummer\n"
        "{nlverb}\nV-nummer {vnr}\n\nGroeten,\n{name}",
        [("ID_DOCUMENT", "{nlverb}"), ("NATIONAL_ID", "{vnr}"), ("PERSON", "{name}")],
    ),
    (
        "en",
        "email",
        "Bank details for the refund:\nAccount name: {name}\nSort code: 20-45-77\nAccount no: {ukacct}\n\nThanks",
        [("PERSON", "{name}"), ("IBAN", "{ukacct}")],
    ),
    (
        "nl",
        "whatsapp",
        "mijn TC kimlik no is {tckn} en mijn pasaport {trpass}, heb ik van mijn vader gekregen voor zijn account",
        [("NATIONAL_ID", "{tckn}"), ("ID_DOCUMENT", "{trpass}")],
    ),
    (
        "en",
        "email",
        "Re: verification\n\n> Could you send your PESEL?\n\nSure: {pesel}\n\nBest, {name}",
        [("NATIONAL_ID", "{pesel}"), ("PERSON", "{name}")],
    ),
    (
        "nl",
        "email",
        "Het tracking nummer van de pakketdienst is {track}, het bedrag was {amount}. Factuurnummer {inv}.",
        [("INVOICE_NUMBER", "{inv}")],
    ),
]
