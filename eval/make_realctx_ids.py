"""Generate eval/pii_tune_realctx_ids.jsonl: identifiers in the shapes people write them in public text (issue 16).

Why this file exists: three rounds of tuning corpora written from our own imagination raised our scores and left
unseen recall flat. These messages are modelled on shapes found in public text by a search of issue threads and web
pages (sources in eval/README.md): forms and field labels as printed on cards ("DL", "LIC NO.", "4d", "IDD",
"Seriennummer", "rubriek 5"), per-country document formats (validator.js's isPassportNumber table), bank CSV exports
pasted into issues (ING/Triodos/Argenta columns, Firefly III JSON), card numbers as card sanitizers meet them, and
tax/citizen numbers as the issuers' help pages print them. Every value is synthetic (seeded), with a valid checksum
where the format has one; no real person. One command: ``python eval/make_realctx_ids.py``.
"""

from __future__ import annotations

import json
import random
import string
import sys
from pathlib import Path

from stdnum import iban as std_iban
from stdnum import luhn
from stdnum.be import nn as be_nn
from stdnum.de import idnr as de_idnr
from stdnum.fr import nir as fr_nir
from stdnum.nl import bsn as nl_bsn
from stdnum.pl import pesel as pl_pesel

OUT = Path(__file__).resolve().parent / "pii_tune_realctx_ids.jsonl"
R = random.Random(1616)
UP = string.ascii_uppercase


def digits(n: int, first: str = "123456789") -> str:
    return R.choice(first) + "".join(R.choice(string.digits) for _ in range(n - 1))


def bsn() -> str:
    while True:
        v = digits(9)
        if nl_bsn.is_valid(v):
            return v


def steuer_id() -> str:
    while True:
        v = digits(11)
        if de_idnr.is_valid(v):
            return v


def nir() -> str:
    body = (
        R.choice("12")
        + f"{R.randint(50, 99):02d}"
        + f"{R.randint(1, 12):02d}"
        + f"{R.randint(1, 95):02d}"
        + digits(3, string.digits)
        + digits(3, string.digits)
    )
    return body + fr_nir.calc_check_digits(body)


def be_rrn() -> str:
    while True:
        v = f"{R.randint(50, 99):02d}{R.randint(1, 12):02d}{R.randint(1, 28):02d}" + digits(3, string.digits)
        check = 97 - int(v) % 97
        full = v + f"{check:02d}"
        if be_nn.is_valid(full):
            return full


def pesel_number() -> str:
    while True:
        v = f"{R.randint(60, 99):02d}{R.randint(1, 12):02d}{R.randint(1, 28):02d}" + digits(5, string.digits)
        if pl_pesel.is_valid(v):
            return v


def ssn() -> str:
    area = R.choice([a for a in range(1, 666)])
    return f"{area:03d}-{R.randint(1, 99):02d}-{R.randint(1, 9999):04d}"


def nino() -> str:
    return (
        R.choice("ABCEGHJKLMNPRSTWXYZ") + R.choice("ABCEGHJKLMNPRSTWXYZ") + digits(6, string.digits) + R.choice("ABCD")
    )


_IBAN_BBAN = {
    "NL": lambda: R.choice(["ABNA", "INGB", "RABO", "SNSB", "TRIO", "KNAB", "BUNQ"]) + digits(10, "0123456789"),
    "BE": lambda: digits(12, "0123456789"),
    "DE": lambda: digits(18, "123456789"),
    "FR": lambda: digits(10) + "".join(R.choice(UP + string.digits) for _ in range(11)) + digits(2, "0123456789"),
    "GB": lambda: R.choice(["NWBK", "BARC", "LOYD", "HBUK"]) + digits(14, "0123456789"),
    "ES": lambda: digits(20),
    "LU": lambda: digits(3) + "".join(R.choice(UP + string.digits) for _ in range(13)),
}


def iban(country: str = "NL") -> str:
    while True:
        bban = _IBAN_BBAN[country]()
        check = std_iban.calc_check_digits(country + "00" + bban)
        v = country + check + bban
        if country == "BE":  # the Belgian BBAN has its own mod-97
            v = "BE" + "00" + bban[:10] + f"{(int(bban[:10]) % 97 or 97):02d}"
            v = v[:2] + std_iban.calc_check_digits(v) + v[4:]
        if std_iban.is_valid(v):
            return v


def grouped(v: str, size: int = 4, sep: str = " ") -> str:
    return sep.join(v[i : i + size] for i in range(0, len(v), size))


def card(prefix: str = "4", length: int = 16) -> str:
    while True:
        body = prefix + "".join(R.choice(string.digits) for _ in range(length - len(prefix) - 1))
        v = body + luhn.calc_check_digit(body)
        if luhn.is_valid(v):
            return v


def not_luhn(n: int = 16, first: str = "0") -> str:
    while True:
        v = first + "".join(R.choice(string.digits) for _ in range(n - 1))
        if not luhn.is_valid(v):
            return v


def alnum(n: int, alphabet: str = UP + string.digits) -> str:
    return "".join(R.choice(alphabet) for _ in range(n))


def nl_doc() -> str:
    letters = UP.replace("O", "")
    return (
        "".join(R.choice(letters) for _ in range(2))
        + "".join(R.choice(letters + string.digits) for _ in range(6))
        + R.choice(string.digits)
    )


def de_ausweis() -> str:
    al = "CFGHJKLMNPRTVWXYZ"
    return R.choice(al) + "".join(R.choice(al + string.digits) for _ in range(8))


def fr_passport() -> str:
    return digits(2, string.digits) + alnum(2, UP) + digits(5, string.digits)


def two_letters_six() -> str:
    return alnum(2, UP) + digits(6, string.digits)


def letter_digits(n: int) -> str:
    return R.choice(UP) + digits(n, string.digits)


def expiry() -> str:
    return f"{R.randint(1, 12):02d}/{R.randint(27, 32)}"


def cvc() -> str:
    return digits(3, "123456789")


# --------------------------------------------------------------------------------------------------------------
# The messages. Each builder returns (lang, channel, text, entities); entity values are given as they stand.

Msg = tuple[str, str, str, list[tuple[str, str]]]
MESSAGES: list[Msg] = []


def add(lang: str, channel: str, text: str, *ents: tuple[str, str]) -> None:
    MESSAGES.append((lang, channel, text, list(ents)))


def build() -> None:
    """One long list of messages, read top to bottom."""
    # --- US driving licences and state IDs, labelled as printed on the card (DL, LIC NO., DLN, 4d, ID#) ----------
    v = letter_digits(7)
    add(
        "en",
        "email",
        f"Hi, for the domain transfer you asked for ID. My CA DL is {v}, exp 2029. Thanks, Mark",
        ("ID_DOCUMENT", v),
        ("PERSON", "Mark"),
    )
    d = string.digits
    v = f"{R.choice(UP)}{digits(3, d)}-{digits(3, d)}-{digits(2, d)}-{digits(3, d)}-{R.randint(0, 9)}"
    add(
        "en",
        "web",
        f"Verification details\nName: Dana Whitfield\nState: FL\nLicense #: {v}\nPlease activate the reseller account.",
        ("PERSON", "Dana Whitfield"),
        ("ID_DOCUMENT", v),
    )
    v = f"{digits(3)} {digits(3, string.digits)} {digits(3, string.digits)}"
    add("en", "whatsapp", f"ok the DMV card says LIC NO. {v} (NY) - is that what you need?", ("ID_DOCUMENT", v))
    v = letter_digits(8)
    add(
        "en",
        "email",
        f"As requested: 4d DLN {v}, class D. I blurred the photo in the scan I attached.",
        ("ID_DOCUMENT", v),
    )
    v = digits(8)
    add("en", "telegram", f"pa license # is {v}\nneed anything else for the KYC?", ("ID_DOCUMENT", v))
    v = "WDL" + alnum(9)
    add(
        "en",
        "web",
        f"Driver's license number (WA): {v}\nReason for contact: identity check for the billing change",
        ("ID_DOCUMENT", v),
    )
    v = letter_digits(7)
    dd = alnum(4, UP) + digits(6, string.digits) + alnum(2, UP)
    add(
        "en",
        "email",
        f"The number at the top is {v} and the DD on the bottom is {dd}, not sure which one your form wants.",
        ("ID_DOCUMENT", v),
        ("ID_DOCUMENT", dd),
    )
    v = letter_digits(8)
    add("en", "whatsapp", f"ID# {v}\nthats my state id, i dont drive", ("ID_DOCUMENT", v))
    # --- passports by country format (validator.js isPassportNumber), after cues people use ----------------------
    v = letter_digits(8)
    add(
        "en",
        "email",
        f"Passport No. {v} (next generation US passport). The old one ended in 4471 but that one expired.",
        ("ID_DOCUMENT", v),
    )
    v = "C" + digits(8, string.digits)
    add(
        "en",
        "web",
        f"I only have a passport card, number {v}. Is that enough to verify the account?",
        ("ID_DOCUMENT", v),
    )
    v = two_letters_six()
    add(
        "en",
        "email",
        f"Canadian passport {v}, issued in Ottawa. Please update the registrant details.",
        ("ID_DOCUMENT", v),
    )
    v = digits(9)
    add(
        "en",
        "email",
        f"UK passport number: {v}\nSurname: OKAFOR\nGiven names: CHIDI EMEKA",
        ("ID_DOCUMENT", v),
        ("PERSON", "OKAFOR"),
        ("PERSON", "CHIDI EMEKA"),
    )
    v = fr_passport()
    add(
        "fr",
        "email",
        f"Bonjour, voici mon n° de passeport : {v}. Il expire en 2031. Cordialement, Hélène Marchal",
        ("ID_DOCUMENT", v),
        ("PERSON", "Hélène Marchal"),
    )
    v = fr_passport()
    add("fr", "whatsapp", f"le numero du passeport c {v.lower()} (en haut a droite)", ("ID_DOCUMENT", v.lower()))
    v = alnum(9)
    add(
        "fr",
        "web",
        f"Carte nationale d'identité (nouveau modèle) : {v}\nMotif : vérification du titulaire du nom de domaine",
        ("ID_DOCUMENT", v),
    )
    v = digits(12)
    add(
        "fr",
        "email",
        f"Ancienne CNI n° {v} délivrée en 2012, toujours valable d'après la préfecture.",
        ("ID_DOCUMENT", v),
    )
    v = alnum(2, UP) + digits(7, string.digits)
    add(
        "en", "email", f"Polish passport: {v}\nI live in Utrecht now, the address is in my account.", ("ID_DOCUMENT", v)
    )
    v = alnum(2, UP) + digits(7, string.digits)
    add("en", "telegram", f"italian passport {v} - can you unlock the account pls", ("ID_DOCUMENT", v))
    v = "G" + digits(8, string.digits)
    add("en", "email", f"Mexican passport number {v}. I am the owner of the hosting package.", ("ID_DOCUMENT", v))
    v = letter_digits(8)
    add("nl", "whatsapp", f"turks paspoort nr {v}, mag ik daarmee verifieren?", ("ID_DOCUMENT", v))
    v = two_letters_six()
    add(
        "nl", "email", f"Mijn Belgisch paspoort heeft nummer {v}, mijn eID heb ik niet bij de hand.", ("ID_DOCUMENT", v)
    )
    # --- German Personalausweis: Dokumentennummer / Seriennummer / after IDD in the machine-readable zone ----------
    v = de_ausweis()
    add(
        "de",
        "email",
        f"Guten Tag,\nmeine Ausweisnummer (oben rechts) lautet {v}.\nMit freundlichen Grüßen\nJonas Albrecht",
        ("ID_DOCUMENT", v),
        ("PERSON", "Jonas Albrecht"),
    )
    v = de_ausweis()
    add(
        "de",
        "web",
        f"Seriennummer Personalausweis: {v}\nAnliegen: Verifizierung für den Domaininhaberwechsel",
        ("ID_DOCUMENT", v),
    )
    v = de_ausweis()
    add("de", "whatsapp", f"die Seriennummer vom perso ist {v.lower()}, reicht das?", ("ID_DOCUMENT", v.lower()))
    v = de_ausweis()
    add("de", "email", f"Dokumentennr. {v} - die Prüfziffer hinten habe ich weggelassen.", ("ID_DOCUMENT", v))
    v = de_ausweis() + R.choice(string.digits)
    add("de", "email", f"Auf der Rückseite steht nach IDD die Nummer {v}. Ist das die richtige?", ("ID_DOCUMENT", v))
    v = letter_digits(7)
    add("de", "telegram", f"hab nur den vorläufigen ausweis: {v}", ("ID_DOCUMENT", v))
    v = alnum(11)
    add("de", "email", f"Führerscheinnummer (Feld 5): {v}\nKlasse B", ("ID_DOCUMENT", v))
    # --- Dutch documents: rijbewijs rubriek 5, back of the card "BSN/rijbewijsnummer", ID card, verblijfsdocument ---
    v = digits(10, "45")
    add(
        "nl",
        "email",
        f"Goedemiddag, in rubriek 5 van mijn rijbewijs staat {v}. Ik hoop dat dit voldoende is.",
        ("ID_DOCUMENT", v),
    )
    b, v = bsn(), digits(10, "45")
    add(
        "nl",
        "whatsapp",
        f"achterkant rijbewijs: {b}/{v}\nde eerste is mijn bsn toch?",
        ("NATIONAL_ID", b),
        ("ID_DOCUMENT", v),
    )
    v = nl_doc()
    add("nl", "email", f"Documentnr. ID-kaart {v}, geldig tot 12-03-2031.", ("ID_DOCUMENT", v))
    v = nl_doc()
    add("nl", "telegram", f"nummer van mn id is {v.lower()}", ("ID_DOCUMENT", v.lower()))
    v = nl_doc()
    add("nl", "web", f"Legitimatie: paspoort\nNummer: {v}\nAfgegeven door: Burgemeester van Zwolle", ("ID_DOCUMENT", v))
    v = alnum(1, UP) + digits(8, string.digits)
    add(
        "nl",
        "email",
        f"Mijn verblijfsdocument (type V) heeft nummer {v}. Mijn BSN heb ik nog niet.",
        ("ID_DOCUMENT", v),
    )
    v = nl_doc()
    add("nl", "whatsapp", f"{v[:4]} {v[4:]} is mn paspoort", ("ID_DOCUMENT", f"{v[:4]} {v[4:]}"))
    # --- MRZ lines pasted from a scan ------------------------------------------------------------------------------
    num = de_ausweis()
    mrz = f"IDD<<{num}{R.randint(0, 9)}<<<<<<<<<<<<<<<"
    add("de", "email", f"Hier die erste Zeile unten vom Ausweis, falls das hilft:\n{mrz}", ("ID_DOCUMENT", mrz))
    num = nl_doc()
    l1 = "P<NLDJANSEN<<PIETER".ljust(44, "<")
    l2 = f"{num}{R.randint(0, 9)}NLD8501012M3012315{digits(9)}<<02"
    add("nl", "email", f"De OCR van mijn scan gaf dit:\n{l1}\n{l2}", ("ID_DOCUMENT", l1), ("ID_DOCUMENT", l2))
    # --- citizen and tax numbers, as issuers' pages print them --------------------------------------------------
    s = steuer_id()
    g = f"{s[:2]} {s[2:5]} {s[5:8]} {s[8:]}"
    add("de", "email", f"Meine Steuer-ID lautet {g} (steht auf der Lohnsteuerbescheinigung).", ("NATIONAL_ID", g))
    s = steuer_id()
    add(
        "de",
        "web",
        f"IdNr.: {s}\nSteuernummer: 21/815/08150\nBitte die Rechnung auf mich als Freiberufler ausstellen.",
        ("NATIONAL_ID", s),
        ("NATIONAL_ID", "21/815/08150"),
    )
    s = steuer_id()
    add(
        "de",
        "whatsapp",
        f"persönliche identifikationsnummer {s} - brauchst du die echt für die rechnung?",
        ("NATIONAL_ID", s),
    )
    n = nir()
    g = f"{n[0]} {n[1:3]} {n[3:5]} {n[5:7]} {n[7:10]} {n[10:13]} {n[13:]}"
    add(
        "fr",
        "email",
        f"Mon numéro de sécurité sociale : {g}. Je ne sais pas pourquoi vous en avez besoin.",
        ("NATIONAL_ID", g),
    )
    n = nir()
    add("fr", "web", f"N° INSEE {n}\nObjet : facture au nom de l'auto-entrepreneur", ("NATIONAL_ID", n))
    n = nir()
    add("fr", "email", f"Carte Vitale : {n[:13]} clé {n[13:]}", ("NATIONAL_ID", n[:13]))
    s = ssn()
    add(
        "en",
        "email",
        f"W-9 info: SSN {s}, individual/sole proprietor. Please send the 1099 to the account email.",
        ("NATIONAL_ID", s),
    )
    s = ssn()
    add("en", "telegram", f"my social is {s.replace('-', ' ')}", ("NATIONAL_ID", s.replace("-", " ")))
    s = ssn()
    add(
        "en",
        "web",
        f"Taxpayer identification number (SSN or ITIN): {s.replace('-', '')}",
        ("NATIONAL_ID", s.replace("-", "")),
    )
    n = nino()
    g = f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}"
    add(
        "en",
        "email",
        f"National Insurance number: {g}\nI'm self-employed, hence the question about VAT.",
        ("NATIONAL_ID", g),
    )
    n = nino()
    add("en", "whatsapp", f"NI no is {n.lower()} btw", ("NATIONAL_ID", n.lower()))
    b = bsn()
    add(
        "nl",
        "email",
        f"Mijn sofinummer (nu BSN) is {b[:4]}.{b[4:6]}.{b[6:]}",
        ("NATIONAL_ID", f"{b[:4]}.{b[4:6]}.{b[6:]}"),
    )
    b = bsn()
    add("nl", "web", f"Burgerservicenummer* {b}\n* verplicht voor de machtiging", ("NATIONAL_ID", b))
    b = bsn()
    add("nl", "whatsapp", f"bsn van mn vrouw is {b[:3]} {b[3:6]} {b[6:]}", ("NATIONAL_ID", f"{b[:3]} {b[3:6]} {b[6:]}"))
    r = be_rrn()
    g = f"{r[:2]}.{r[2:4]}.{r[4:6]}-{r[6:9]}.{r[9:]}"
    add(
        "nl",
        "email",
        f"Rijksregisternummer: {g}\nIk woon in Gent, klantnummer staat in de bijlage.",
        ("NATIONAL_ID", g),
    )
    r = be_rrn()
    add("fr", "email", f"Numéro national (au dos de l'eID) : {r}", ("NATIONAL_ID", r))
    # --- IBANs as bank CSV exports and JSON carry them (ING, Triodos, Argenta, Firefly III) ------------------------
    a, b2 = iban("NL"), iban("NL")
    add(
        "nl",
        "email",
        '"Datum","Naam / Omschrijving","Rekening","Tegenrekening","Code","Af Bij","Bedrag (EUR)"\n'
        f'"20251103","Hostingpakket","{a}","{b2}","OV","Af","14,95"\nDeze betaling is dubbel afgeschreven.',
        ("IBAN", a),
        ("IBAN", b2),
    )
    a = iban("NL")
    bic = {
        "ABNA": "ABNANL2A",
        "INGB": "INGBNL2A",
        "RABO": "RABONL2U",
        "SNSB": "SNSBNL2A",
        "TRIO": "TRIONL2U",
        "KNAB": "KNABNL2H",
        "BUNQ": "BUNQNL2A",
    }[a[4:8]]
    add(
        "nl",
        "email",
        f'Uit mijn Triodos-export:\n"{bic} {a}","-29,95","Incasso"\nIk heb deze incasso niet gemachtigd.',
        ("IBAN", a),
    )
    a = iban("BE")
    add("nl", "web", f"Argenta export (naar CSV):\n{a},03-11-2025,Hosting jaarabonnement,-119.00,EUR", ("IBAN", a))
    a = iban("DE")
    add(
        "en",
        "email",
        '{"destination_iban":"' + a + '","destination_bic":"DEUTDEFF","amount":"287.88","notes":"Umsatz gebucht"}\n'
        "The refund came from this account, please confirm it's yours.",
        ("IBAN", a),
    )
    a = iban("NL")
    add("nl", "whatsapp", f"rekening: {a.lower()}", ("IBAN", a.lower()))
    a = iban("NL")
    add(
        "nl",
        "email",
        f"Graag het tegoed terugstorten op {grouped(a)} t.n.v. S. Bakker.",
        ("IBAN", grouped(a)),
        ("PERSON", "S. Bakker"),
    )
    a = iban("FR")
    add(
        "fr",
        "email",
        f"RIB / IBAN : {grouped(a)}\nTitulaire : Mme Lefèvre",
        ("IBAN", grouped(a)),
        ("PERSON", "Lefèvre"),
    )
    a = iban("DE")
    add(
        "de",
        "email",
        f"Bitte buchen Sie künftig von meinem Konto ab: IBAN {grouped(a, 4, '-')}",
        ("IBAN", grouped(a, 4, "-")),
    )
    a = iban("GB")
    add(
        "en",
        "email",
        f"Our bank details changed: {a[:4]} {a[4:8]} {a[8:14]} {a[14:]} (NatWest). Please update the direct debit.",
        ("IBAN", f"{a[:4]} {a[4:8]} {a[8:14]} {a[14:]}"),
    )
    a = iban("ES")
    add(
        "en",
        "telegram",
        f"iban {grouped(a)[:14]}\n{grouped(a)[15:]}",
        ("IBAN", grouped(a)[:14]),
        ("IBAN", grouped(a)[15:]),
    )
    a = iban("LU")
    add("fr", "web", f"Compte à débiter|{a}|mensuel", ("IBAN", a))
    a = iban("NL")
    add("nl", "email", f"Rekeningnummer eindigt op {a[-4:]}, het volledige nummer is {a}.", ("IBAN", a))
    # --- payment cards as chat and mail carry them -----------------------------------------------------------
    c, e, k = card("4"), expiry(), cvc()
    add(
        "en",
        "telegram",
        f"card {grouped(c)} exp {e} cvv {k}",
        ("CREDIT_CARD", grouped(c)),
        ("CREDIT_CARD", e),
        ("CREDIT_CARD", k),
    )
    c, e, k = card("5" + R.choice("12345")), expiry(), cvc()
    add(
        "nl",
        "whatsapp",
        f"kaartnummer {c}\ngeldig tot {e}\ncode achterop {k}",
        ("CREDIT_CARD", c),
        ("CREDIT_CARD", e),
        ("CREDIT_CARD", k),
    )
    c = card("37", 15)
    g = f"{c[:4]} {c[4:10]} {c[10:]}"
    add(
        "en",
        "email",
        f"Please use the Amex ending 1004 instead... actually the full number is {g}.",
        ("CREDIT_CARD", g),
    )
    c, e = card("4"), expiry()
    add(
        "de",
        "email",
        f"Kartennummer: {grouped(c, 4, '-')}, gültig bis {e}",
        ("CREDIT_CARD", grouped(c, 4, "-")),
        ("CREDIT_CARD", e),
    )
    c = card("5" + R.choice("12345"))
    add(
        "fr",
        "whatsapp",
        f"numéro de carte {grouped(c, 4, '.')} merci de réessayer le paiement",
        ("CREDIT_CARD", grouped(c, 4, ".")),
    )
    c, e, k = card("4"), expiry(), cvc()
    add("en", "web", f"Payment method: {c}/{e.replace('/', '')}/{k}", ("CREDIT_CARD", f"{c}/{e.replace('/', '')}/{k}"))
    c = card("4")
    add(
        "en",
        "email",
        f"<p>Card: <span>{c[:4]}</span> <span>{c[4:8]}</span> <span>{c[8:12]}</span> <span>{c[12:]}</span></p>",
        ("CREDIT_CARD", c[:4]),
        ("CREDIT_CARD", c[4:8]),
        ("CREDIT_CARD", c[8:12]),
        ("CREDIT_CARD", c[12:]),
    )
    c = card("6011")
    add("en", "telegram", f"discover {c[:8]}\n{c[8:]}", ("CREDIT_CARD", c[:8]), ("CREDIT_CARD", c[8:]))
    c = card("4")
    m = c[:6] + "XXXXX" + c[11:]
    add(
        "en",
        "email",
        f"The charge was on card {grouped(m)} - I can't see the rest in the app.",
        ("CREDIT_CARD", grouped(m)),
    )
    c = card("5" + R.choice("12345"))
    m = c[:12] + "****"
    add(
        "nl",
        "email",
        f"Creditcard {grouped(m)} is geblokkeerd, kunnen jullie het opnieuw proberen?",
        ("CREDIT_CARD", grouped(m)),
    )
    c, e, k = card("35", 16), expiry(), cvc()
    add("en", "whatsapp", f"jcb {c} {e} {k}", ("CREDIT_CARD", c), ("CREDIT_CARD", e), ("CREDIT_CARD", k))
    c = card("2" + R.choice("234567"), 16)
    add("en", "web", f"card_number={c}&exp_month=07&exp_year=2029", ("CREDIT_CARD", c))
    c, k = card("4"), cvc()
    add("de", "whatsapp", f"visa {c} prüfnummer {k}", ("CREDIT_CARD", c), ("CREDIT_CARD", k))
    c = card("4")
    add("nl", "email", f"| Betaalmethode | Kaart |\n|---|---|\n| Visa | {grouped(c)} |", ("CREDIT_CARD", grouped(c)))
    # --- numbers without their own cue, next to a name or in a person's details ------------------------------------
    v = two_letters_six()
    add(
        "en",
        "email",
        f"Guest: Amira Haddad\nNationality: Lebanese\nDocument: {v}\nArrival: 14 March",
        ("PERSON", "Amira Haddad"),
        ("ID_DOCUMENT", v),
    )
    v = fr_passport()
    add(
        "fr",
        "email",
        f"Titulaire : Camille Renaud, née le 02/05/1988 à Lyon, pièce n° {v}",
        ("PERSON", "Camille Renaud"),
        ("DATE_OF_BIRTH", "02/05/1988"),
        ("ID_DOCUMENT", v),
    )
    v = nl_doc()
    add(
        "nl",
        "web",
        f"Voornaam: Ilse\nAchternaam: Mulder\nID: {v}",
        ("PERSON", "Ilse"),
        ("PERSON", "Mulder"),
        ("ID_DOCUMENT", v),
    )
    v = de_ausweis()
    add(
        "de",
        "email",
        f"Inhaber: Timo Krause, geb. 11.07.1990, Nr. {v}",
        ("PERSON", "Timo Krause"),
        ("DATE_OF_BIRTH", "11.07.1990"),
        ("ID_DOCUMENT", v),
    )
    b = bsn()
    add(
        "nl",
        "email",
        f"Naam;Geboortedatum;Nummer\nFenna de Boer;04-09-1979;{b}",
        ("PERSON", "Fenna de Boer"),
        ("DATE_OF_BIRTH", "04-09-1979"),
        ("NATIONAL_ID", b),
    )
    v = letter_digits(7)
    add(
        "en",
        "email",
        f"name,dob,dl\nRyan Cole,1991-06-30,{v}",
        ("PERSON", "Ryan Cole"),
        ("DATE_OF_BIRTH", "1991-06-30"),
        ("ID_DOCUMENT", v),
    )
    # --- cue in another language than the message -----------------------------------------------------------------
    v = two_letters_six()
    add("en", "email", f"For the verification: numéro de passeport {v} (Belgian). Thanks!", ("ID_DOCUMENT", v))
    s = steuer_id()
    add("nl", "email", f"Ik woon in Aken, mijn Steuer-IdNr is {s}, is dat genoeg voor de factuur?", ("NATIONAL_ID", s))
    v = nl_doc()
    add("de", "email", f"Mein niederländischer paspoortnummer: {v}", ("ID_DOCUMENT", v))
    b = bsn()
    add("en", "whatsapp", f"my dutch BSN {b} for the invoice pls", ("NATIONAL_ID", b))
    # --- hard negatives: same shapes, kept or harmless -----------------------------------------------------------
    k, vat = digits(8), f"NL{digits(9)}B01"
    add(
        "nl",
        "email",
        f"KvK-nummer {k}, btw {vat}. Bestelling 111452 is nog niet geleverd.",
        ("KVK_NUMBER", k),
        ("VAT_NUMBER", vat),
        ("INVOICE_NUMBER", "111452"),
    )
    ref = not_luhn(16)
    add(
        "nl",
        "email",
        f"Omschrijving: M6280811M1791CU1 {ref} Bestelling 111452 bij Hostnet. Kenmerk: {ref}. "
        "Waarom is dit twee keer afgeschreven?",
        ("INVOICE_NUMBER", ref),
        ("INVOICE_NUMBER", "111452"),
    )
    add(
        "de",
        "email",
        "Die Seriennummer der FRITZ!Box 7590 ist 2C3A.123.45.678.901, Firmware 7.57. Internet geht nicht.",
    )
    add(
        "en",
        "email",
        "Order #100234117 shipped with UPS 1Z999AA10123456784. Invoice INV-2025-004311 attached.",
        ("INVOICE_NUMBER", "100234117"),
        ("INVOICE_NUMBER", "INV-2025-004311"),
    )
    add("en", "web", "Model SM-G991B, build G991BXXU5CVLB, IMEI hidden. The app crashes on login since version 4.12.7.")
    add("nl", "whatsapp", "trackingcode 3SABCD123456789 komt niet aan, pakket al 3 dagen onderweg")
    add(
        "en",
        "email",
        "Licence for 5 seats renewed on 2025-11-02, quote Q-2025-0981 accepted.",
        ("INVOICE_NUMBER", "Q-2025-0981"),
    )
    add(
        "fr",
        "email",
        "Facture FA-2025-01877, commande n° 4839201, référence client C-10443. Montant 119,00 €.",
        ("INVOICE_NUMBER", "FA-2025-01877"),
        ("INVOICE_NUMBER", "4839201"),
    )
    add(
        "de",
        "email",
        "Rechnungsnummer 2025-004711, Kundennummer 558812, Vertrag 99812-A. Bitte um Gutschrift.",
        ("INVOICE_NUMBER", "2025-004711"),
        ("CUSTOMER_NUMBER", "558812"),
    )
    add(
        "en",
        "email",
        "The DNS serial is 2025110401 and the TTL 86400; ns1 answers 203.0.113.7.",
        ("IP_ADDRESS", "203.0.113.7"),
    )
    add("nl", "email", "EAN 8712345678906 staat op de doos van de router, serienummer S/N 21470B3309.")
    add("en", "telegram", "error 0x80070005 when running setup, build 22631.3737")
    add(
        "en",
        "email",
        "Ticket 4471882: the payment of $49.00 failed twice, transaction 90817263 declined.",
        ("INVOICE_NUMBER", "4471882"),
        ("INVOICE_NUMBER", "90817263"),
    )
    add(
        "nl",
        "email",
        "Uw klantnummer is 104233 en uw factuur F2025-00123 staat klaar.",
        ("CUSTOMER_NUMBER", "104233"),
        ("INVOICE_NUMBER", "F2025-00123"),
    )
    add("de", "whatsapp", "sendungsnummer 00340434161094042557 von DHL, kommt nicht an")
    add(
        "fr",
        "web",
        "SIRET 73282932000074 — TVA FR44732829320. Merci de corriger la facture.",
        ("VAT_NUMBER", "FR44732829320"),
    )
    add(
        "en",
        "email",
        "Our office is open 09:00-17:30; the migration is planned for 2025-11-03 10:00 (window 120 minutes).",
    )
    add("nl", "email", "Het artikelnummer is 4006381333931, maat 42. De retourcode RMA-88123 heb ik al.")
    add("en", "email", "Version 10.0.19045.3693 of Windows, KB5031356 failed to install.")
    # --- more real shapes: Spanish DNI, PESEL, UK licence in a signature, quoted replies, subject-like lines ---------
    add(
        "en",
        "email",
        "For the .es domain the registry wants my DNI: 12345678Z. I'm a resident in Valencia.",
        ("NATIONAL_ID", "12345678Z"),
    )
    pesel = pesel_number()
    add(
        "en",
        "email",
        f"PESEL {pesel} (Polish citizen number), needed for the .pl registration.",
        ("NATIONAL_ID", pesel),
    )
    v = "MORGA" + "857229" + "SM4KT"
    add(
        "en",
        "email",
        f"Thanks,\nSarah Morgan\n{v}\n07700 900461",
        ("PERSON", "Sarah Morgan"),
        ("ID_DOCUMENT", v),
        ("PHONE_NUMBER", "07700 900461"),
    )
    c = card("4")
    add(
        "en",
        "email",
        f"> On Mon, support wrote:\n> Please send the card you want to use.\n{grouped(c)}\nthat one",
        ("CREDIT_CARD", grouped(c)),
    )
    a = iban("NL")
    add(
        "nl",
        "email",
        f"Met vriendelijke groet,\nRuud Verbeek\nIBAN: {a} | BIC: {a[4:8]}NL2A",
        ("PERSON", "Ruud Verbeek"),
        ("IBAN", a),
    )
    b = bsn()
    add("nl", "web", f"Onderwerp: Re: BSN {b}\nZie onderwerp, graag de machtiging aanpassen.", ("NATIONAL_ID", b))
    s = steuer_id()
    add(
        "de",
        "email",
        f"| Name | Steuer-ID |\n|---|---|\n| Lena Vogt | {s} |",
        ("PERSON", "Lena Vogt"),
        ("NATIONAL_ID", s),
    )
    c = card("5" + R.choice("12345"))
    add(
        "nl",
        "whatsapp",
        f"{c[:4]}\n{c[4:8]}\n{c[8:12]}\n{c[12:]}\nkaart die je vroeg",
        ("CREDIT_CARD", c[:4]),
        ("CREDIT_CARD", c[4:8]),
        ("CREDIT_CARD", c[8:12]),
        ("CREDIT_CARD", c[12:]),
    )
    # --- mixed: a stripped value next to kept numbers of the same shape -------------------------------------------
    b = bsn()
    add(
        "nl",
        "email",
        f"Ordernummer 402881913, klantnummer 77120. Mijn BSN {b} stond per ongeluk in het formulier.",
        ("INVOICE_NUMBER", "402881913"),
        ("CUSTOMER_NUMBER", "77120"),
        ("NATIONAL_ID", b),
    )
    v = de_ausweis()
    add(
        "de",
        "email",
        f"Kundennummer 300218, Rechnung 2025-1188. Ausweisnummer zur Verifizierung: {v}",
        ("CUSTOMER_NUMBER", "300218"),
        ("INVOICE_NUMBER", "2025-1188"),
        ("ID_DOCUMENT", v),
    )
    c = card("4")
    add(
        "en",
        "email",
        f"Invoice 88213, order 100998. Card used: {grouped(c)}. Please refund.",
        ("INVOICE_NUMBER", "88213"),
        ("INVOICE_NUMBER", "100998"),
        ("CREDIT_CARD", grouped(c)),
    )
    a = iban("NL")
    add(
        "nl",
        "email",
        f"Betalingskenmerk 5012 3456 7890 1234, IBAN {a}.",
        ("INVOICE_NUMBER", "5012 3456 7890 1234"),
        ("IBAN", a),
    )
    v = letter_digits(7)
    add(
        "en",
        "email",
        f"Case 20251104-0031. My license number is {v} and my customer ID is 4410.",
        ("INVOICE_NUMBER", "20251104-0031"),
        ("ID_DOCUMENT", v),
        ("CUSTOMER_NUMBER", "4410"),
    )


def main() -> int:
    build()
    lines = []
    for i, (lang, channel, text, ents) in enumerate(MESSAGES, start=1):
        for _, value in ents:
            if value not in text:
                print(f"rc-{i:03d}: value not in text", file=sys.stderr)
                return 1
        rec = {
            "id": f"rc-{i:03d}",
            "lang": lang,
            "channel": channel,
            "text": text,
            "entities": [{"type": t, "value": v} for t, v in ents],
        }
        lines.append(json.dumps(rec, ensure_ascii=False))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} messages written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
