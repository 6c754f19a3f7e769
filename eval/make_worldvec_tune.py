"""Generate ``eval/pii_tune_worldvec.jsonl``: identifiers from the world's test vectors in support-message settings.

Why this file exists: three rounds of identifier corpora written by us moved our own scores to ~1.0 and the unseen
recall barely (issue 16). This generator takes values and formats not written by us and sets them in the settings
support mail puts them in (nl, en, de, fr), next to hard negatives of the same shapes:

- national IDs: every number python-stdnum's doctests and module docstrings accept (``eval/worldvec_vectors.py``
  extracts them into ``eval/worldvec_vectors.json``) for NL, BE, DE, UK, US, FR, ES, PL, TR, IT, PT, ID, IN, CN and
  GH, in the notation written there; numbers whose check fails there are still annotated (they are stripped as
  NUMBER);
- documents: stdnum's Dutch and Belgian identity-card and Indian EPIC numbers, the specimen numbers of PRADO and
  ICAO 9303 (the ICAO specimen "L898902C3" of Anna Maria Eriksson, the German specimen ID card "T22000129" and
  passport "C01X00T47" of Erika Mustermann, the Dutch specimen "SPECI2014"), machine-readable zones (TD3 and TD1)
  built by ICAO 9303 part 3's 7-3-1 check digits, and passport, ID-card, driving-licence and residence-permit
  numbers in the formats the issuers publish (``DOC_FORMATS``);
- cards: the payment providers' published test cards (Luhn-checked), in their groupings and odd ones, masked
  (a mask showing at most 6+4 digits is not annotated), with expiry and code (annotated with the card);
- IBANs: stdnum's IBAN test vectors ("found online") in their own notation;
- deny-by-default probes: numbers with letters typed for digits, spaced or dotted every 2-3 digits, split over
  lines; and hard negatives: VAT numbers (stdnum's vectors, VAT_NUMBER), SIRET/SIREN/ICE company numbers, KvK
  numbers, order, invoice and customer numbers after their cues, a Mollie payment reference, tracking codes of
  PostNL, DHL and UPS, router serial numbers, dates, amounts, versions and IPs.

Seeded and deterministic; records are appended at the end only, so older records keep their split. A TUNING
corpus (``eval/split.py``): tune on ``--part tune``, score the test part only.

    .venv/bin/python eval/make_worldvec_tune.py
    .venv/bin/python eval/evaluate.py pii --part tune --corpus eval/pii_tune_worldvec.jsonl --show-misses
"""

from __future__ import annotations

import json
import random
import re
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from stdnum.nl import bsn as nl_bsn

HERE = Path(__file__).parent
OUT = HERE / "pii_tune_worldvec.jsonl"
VECTORS = HERE / "worldvec_vectors.json"
Item = tuple[str, str, list[tuple[str, str]]]  # lang, text, [(type, value)]

# stdnum module -> the languages it is written in and the cue words per language
NATIONAL_CUES: dict[str, tuple[tuple[str, ...], dict[str, list[str]]]] = {
    "nl.bsn": (
        ("nl", "en"),
        {"nl": ["BSN", "burgerservicenummer", "sofinummer"], "en": ["BSN", "citizen service number"]},
    ),
    "be.nn": (
        ("nl", "fr"),
        {"nl": ["rijksregisternummer", "INSZ"], "fr": ["numéro national", "n° de registre national"]},
    ),
    "be.bis": (("nl", "fr"), {"nl": ["BIS-nummer", "INSZ"], "fr": ["numéro BIS", "numéro NISS"]}),
    "de.idnr": (("de", "en"), {"de": ["Steuer-ID", "Steueridentifikationsnummer", "IdNr"], "en": ["German tax ID"]}),
    "gb.nhs": (("en",), {"en": ["NHS number", "NHS no."]}),
    "gb.utr": (("en",), {"en": ["UTR", "Unique Taxpayer Reference", "self assessment UTR"]}),
    "us.ssn": (("en",), {"en": ["SSN", "social security number", "Social Security #"]}),
    "us.itin": (("en",), {"en": ["ITIN", "taxpayer ID"]}),
    "fr.nir": (
        ("fr", "en"),
        {"fr": ["numéro de sécu", "NIR", "n° de sécurité sociale"], "en": ["French social security number"]},
    ),
    "fr.nif": (("fr",), {"fr": ["numéro fiscal", "numéro fiscal de référence", "SPI"]}),
    "es.dni": (("en", "fr"), {"en": ["DNI", "Spanish ID number"], "fr": ["DNI espagnol"]}),
    "es.nie": (("en", "nl"), {"en": ["NIE", "NIE number"], "nl": ["NIE-nummer"]}),
    "pl.pesel": (("en", "nl"), {"en": ["PESEL"], "nl": ["PESEL-nummer", "Pools burgernummer (PESEL)"]}),
    "tr.tckimlik": (
        ("nl", "de", "en"),
        {"nl": ["TC kimlik no", "Turks ID-nummer"], "de": ["T.C. Kimlik-Nr."], "en": ["Turkish ID number", "TCKN"]},
    ),
    "it.codicefiscale": (("en", "fr"), {"en": ["codice fiscale", "Italian tax code"], "fr": ["codice fiscale"]}),
    "pt.nif": (("en", "fr"), {"en": ["NIF", "Portuguese tax number"], "fr": ["NIF portugais"]}),
    "pt.cc": (
        ("en", "nl"),
        {"en": ["Cartão de Cidadão number", "Portuguese citizen card no."], "nl": ["Portugese Cartão de Cidadão"]},
    ),
    "id.nik": (("nl", "en"), {"nl": ["NIK", "Indonesisch NIK"], "en": ["NIK", "Indonesian NIK"]}),
    "in_.aadhaar": (("en", "nl"), {"en": ["Aadhaar", "Aadhaar number"], "nl": ["Aadhaar-nummer"]}),
    "in_.pan": (("en",), {"en": ["PAN", "PAN card number"]}),
    "cn.ric": (("en", "nl"), {"en": ["Chinese ID number", "resident ID"], "nl": ["Chinees ID-nummer"]}),
    "gh.tin": (("en",), {"en": ["Ghana TIN", "Ghana Card PIN", "TIN"]}),
}
DOC_MODULES = {"nl.identiteitskaartnummer": "nl_id", "be.eid": "be_id", "in_.epic": "in_voter"}

NATIONAL_FRAMES = {
    "nl": [
        "Hoi, voor de verificatie: mijn {cue} is {v}. Groet",
        "{cue}: {v}\nKunnen jullie het account nu vrijgeven?",
        "ik had mijn {cue} al gestuurd toch? {v}",
        "Gegevens aanvrager\n{cue} {v}\nReden: verhuizing hosting",
    ],
    "en": [
        "Hi, as asked for the KYC check my {cue} is {v}. Thanks",
        "{cue}: {v}\nPlease unlock the reseller account.",
        "sent it already... {cue} {v}",
        "Applicant details\n{cue} - {v}\nReason: domain transfer",
    ],
    "de": [
        "Hallo, für die Prüfung: meine {cue} lautet {v}. Gruß",
        "{cue}: {v}\nBitte schalten Sie das Konto frei.",
        "Angaben zur Person\n{cue} {v}\nGrund: Vertragswechsel",
    ],
    "fr": [
        "Bonjour, pour la vérification mon {cue} est le {v}. Cordialement",
        "{cue} : {v}\nMerci de débloquer le compte.",
        "Informations du demandeur\n{cue} : {v}\nMotif : transfert de domaine",
    ],
}

# Document numbers by the formats their issuers publish: (country, kind, cue per language, pattern).
# Pattern letters: A capital letter, N digit, X capital or digit, others literal.
DOC_FORMATS: list[tuple[str, dict[str, str], str]] = [
    ("NL passport", {"nl": "paspoortnummer", "en": "Dutch passport no."}, "AAXXXXXXN"),
    ("BE passport", {"nl": "paspoortnummer", "fr": "numéro de passeport"}, "AANNNNNN"),
    ("DE passport", {"de": "Reisepassnummer", "en": "German passport number"}, "CXXXXXXXX"),
    ("DE id card", {"de": "Ausweisnummer", "nl": "Duits ID-kaartnummer"}, "LXXXXXXXX"),
    ("UK passport", {"en": "passport number"}, "NNNNNNNNN"),
    ("US passport", {"en": "US passport #"}, "ANNNNNNNN"),
    ("FR passport", {"fr": "numéro de passeport", "en": "French passport no."}, "NNAANNNNN"),
    ("FR CNI 2021", {"fr": "numéro de la carte d'identité", "en": "French ID card number"}, "XXXXXXXXX"),
    ("ES passport", {"en": "Spanish passport", "fr": "passeport espagnol n°"}, "AAANNNNNN"),
    ("PL id card", {"en": "Polish ID card (dowód osobisty) no.", "nl": "Poolse ID-kaart nr."}, "AAANNNNNN"),
    ("PL passport", {"en": "Polish passport number", "nl": "Pools paspoortnummer"}, "AANNNNNNN"),
    ("TR passport", {"nl": "Turks paspoortnummer", "de": "türkische Passnummer"}, "UNNNNNNNN"),
    ("IT id card", {"en": "carta d'identità number", "fr": "carte d'identité italienne n°"}, "CAANNNNNAA"),
    ("PT passport", {"en": "Portuguese passport number", "fr": "passeport portugais"}, "ANNNNNN"),
    ("MA passport", {"nl": "Marokkaans paspoortnummer", "fr": "numéro de passeport marocain"}, "AANNNNNNN"),
    ("MA CIN", {"nl": "Marokkaanse CIN", "fr": "CIN"}, "AANNNNNN"),
    ("SR passport", {"nl": "Surinaams paspoortnummer"}, "ANNNNNNN"),
    ("ID passport", {"nl": "Indonesisch paspoort nr", "en": "Indonesian passport no."}, "ANNNNNNN"),
    ("IN passport", {"en": "Indian passport number", "nl": "Indiaas paspoortnummer"}, "ANNNNNNN"),
    ("CN passport", {"en": "Chinese passport number", "nl": "Chinees paspoortnummer"}, "ENNNNNNNN"),
    ("GH passport", {"en": "Ghana passport number"}, "GNNNNNNN"),
    ("NL licence", {"nl": "rijbewijsnummer", "en": "Dutch driving licence number"}, "NNNNNNNNNN"),
    ("DE licence", {"de": "Führerscheinnummer"}, "XNNNXXXNXNN"),
    ("FR licence", {"fr": "numéro de permis de conduire"}, "NNAANNNNN"),
    ("BE licence", {"nl": "rijbewijsnummer", "fr": "numéro de permis"}, "NNNNNNNNNN"),
    ("NL residence permit", {"nl": "verblijfsdocument nr", "en": "residence permit number"}, "ANNNNNNNN"),
    ("DE residence permit", {"de": "Nummer des Aufenthaltstitels"}, "YXXXXXXXX"),
]
SPECIMENS = [
    ("en", "ICAO specimen passport", "L898902C3"),
    ("de", "Personalausweis", "T22000129"),
    ("de", "Reisepass", "C01X00T47"),
    ("nl", "paspoort", "SPECI2014"),
]
DOC_FRAMES = {
    "nl": ["Hierbij het {cue}: {v}. Foto stuur ik niet mee.", "{cue} {v}\nGeldig tot: 2031", "mijn {cue} is {v}"],
    "en": [
        "Here is my {cue}: {v} (expires 2031).",
        "{cue}: {v}\nIssued by the municipality",
        "the {cue} is {v} if that helps",
    ],
    "de": ["Anbei die {cue}: {v}. Das Foto lasse ich weg.", "{cue}: {v}\nGültig bis 2031"],
    "fr": ["Voici le {cue} : {v}. Je n'envoie pas la photo.", "{cue} : {v}\nValable jusqu'en 2031"],
}


def _fill(rng: random.Random, pattern: str) -> str:
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    out = []
    for c in pattern:
        if c == "A":
            out.append(rng.choice(letters))
        elif c == "N":
            out.append(rng.choice(string.digits))
        elif c == "X":
            out.append(rng.choice(letters + string.digits * 2))
        else:
            out.append(c)
    return "".join(out)


def _mrz_check(field: str) -> str:
    """ICAO 9303 part 3: weights 7, 3, 1; digits as themselves, A-Z as 10-35, '<' as 0."""
    values = [int(c) if c.isdigit() else (ord(c) - 55 if c.isalpha() else 0) for c in field]
    return str(sum(v * (7, 3, 1)[i % 3] for i, v in enumerate(values)) % 10)


def _td3(doc: str, nat: str, surname: str, given: str, birth: str, sex: str, expiry: str) -> tuple[str, str]:
    line1 = f"P<{nat}{surname}<<{given.replace(' ', '<')}".ljust(44, "<")[:44]
    personal = "<" * 14
    doc9 = doc.ljust(9, "<")
    part = doc9 + _mrz_check(doc9) + nat + birth + _mrz_check(birth) + sex + expiry + _mrz_check(expiry)
    body = part + personal + _mrz_check(personal)
    composite = _mrz_check(
        doc9
        + _mrz_check(doc9)
        + birth
        + _mrz_check(birth)
        + expiry
        + _mrz_check(expiry)
        + personal
        + _mrz_check(personal)
    )
    return line1, body + composite


def _td1(doc: str, nat: str, surname: str, given: str, birth: str, sex: str, expiry: str) -> tuple[str, str, str]:
    doc9 = doc.ljust(9, "<")
    line1 = f"I<{nat}{doc9}{_mrz_check(doc9)}".ljust(30, "<")
    line2 = f"{birth}{_mrz_check(birth)}{sex}{expiry}{_mrz_check(expiry)}{nat}".ljust(29, "<")
    line2 += _mrz_check(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
    line3 = f"{surname}<<{given.replace(' ', '<')}".ljust(30, "<")[:30]
    return line1, line2, line3


MRZ_PEOPLE = [
    ("NLD", "DE<VRIES", "JAN PIETER", "NX4K82P19"),
    ("DEU", "MUSTERMANN", "ERIKA", "T22000129"),
    ("BEL", "PEETERS", "LIES", "EH1234567"),
    ("FRA", "MARTIN", "CLAIRE", "18AB12345"),
    ("GBR", "SMITH", "OLIVER JAMES", "533401372"),
    ("TUR", "YILMAZ", "AYSE", "U12345678"),
    ("MAR", "EL<AMRANI", "FATIMA", "AB1234567"),
    ("POL", "KOWALSKI", "PIOTR", "EA1234567"),
]
MRZ_FRAMES = {
    "nl": "De scan van mijn {doc} gaf onderaan dit:\n{mrz}\nKlopt dat zo?",
    "en": "OCR of the {doc} page, bottom lines:\n{mrz}\nhope that's enough",
    "de": "Die Zeilen unten auf dem {doc}:\n{mrz}\nMfG",
    "fr": "Voici les lignes du bas de mon {doc} :\n{mrz}\nCordialement",
}
MRZ_DOC = {
    "nl": ("paspoort", "ID-kaart"),
    "en": ("passport", "ID card"),
    "de": ("Pass", "Ausweis"),
    "fr": ("passeport", "carte d'identité"),
}


def _pick(rng: random.Random, values: list[str], n: int) -> list[str]:
    return values if len(values) <= n else rng.sample(values, n)


def national_ids(rng: random.Random, vec: dict[str, Any]) -> Iterator[Item]:
    for name, (langs, cues) in NATIONAL_CUES.items():
        entry = vec["modules"][name]
        valid = [v for v in entry["valid"] if not (name == "gh.tin" and not v.startswith("P"))]
        for i, value in enumerate(_pick(rng, valid, 6) + _pick(rng, entry["failed"], 2)):
            lang = langs[i % len(langs)]
            cue = rng.choice(cues[lang])
            yield lang, rng.choice(NATIONAL_FRAMES[lang]).format(cue=cue, v=value), [("NATIONAL_ID", value)]


def documents(rng: random.Random, vec: dict[str, Any]) -> Iterator[Item]:
    doc_cues = {
        "nl_id": {"nl": "ID-kaartnummer", "en": "Dutch ID card number"},
        "be_id": {"nl": "kaartnummer van mijn eID", "fr": "numéro de carte eID"},
        "in_voter": {"en": "voter ID (EPIC) number"},
    }
    for name, key in DOC_MODULES.items():
        for i, value in enumerate(vec["modules"][name]["valid"][:4]):
            lang = list(doc_cues[key])[i % len(doc_cues[key])]
            yield lang, rng.choice(DOC_FRAMES[lang]).format(cue=doc_cues[key][lang], v=value), [("ID_DOCUMENT", value)]
    for lang, cue, value in SPECIMENS:
        yield lang, rng.choice(DOC_FRAMES[lang]).format(cue=cue, v=value), [("ID_DOCUMENT", value)]
    for _label, cues, pattern in DOC_FORMATS:
        for lang, cue in cues.items():
            for _ in range(2):
                value = _fill(rng, pattern)
                yield lang, rng.choice(DOC_FRAMES[lang]).format(cue=cue, v=value), [("ID_DOCUMENT", value)]


def mrz(rng: random.Random) -> Iterator[Item]:
    langs = ["nl", "en", "de", "fr"]
    yield (
        "en",
        MRZ_FRAMES["en"].format(
            doc="passport",
            mrz="P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10",
        ),
        [
            ("ID_DOCUMENT", "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"),
            ("ID_DOCUMENT", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"),
        ],
    )
    for i, (nat, surname, given, doc) in enumerate(MRZ_PEOPLE):
        lang = langs[i % 4]
        birth = f"{rng.randint(50, 99)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        expiry = f"{rng.randint(27, 34)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        sex = rng.choice("MF")
        if i % 2 == 0:
            lines: tuple[str, ...] = _td3(doc, nat, surname, given, birth, sex, expiry)
            doc_word = MRZ_DOC[lang][0]
        else:
            lines = _td1(doc, nat, surname, given, birth, sex, expiry)
            doc_word = MRZ_DOC[lang][1]
        shown = (
            "\n".join(lines)
            if i % 3
            else "\n".join(" ".join(line) if j == 1 and i == 3 else line for j, line in enumerate(lines))
        )
        text = MRZ_FRAMES[lang].format(doc=doc_word, mrz=shown)
        yield lang, text, [("ID_DOCUMENT", line) for line in shown.splitlines()]


CARD_FRAMES = {
    "nl": [
        "De betaling lukt niet met kaart {v}, wat gaat er mis?",
        "creditcard: {v}\nvervaldatum {exp} cvc {cvc}",
        "Kunnen jullie {v} (geldig tot {exp}, code {cvc}) gebruiken voor de verlenging?",
    ],
    "en": [
        "Please charge the renewal to {v}, exp {exp}, CVV {cvc}.",
        "card number {v}\nexpiry {exp}\nsecurity code {cvc}",
        "my visa {v} keeps getting declined",
    ],
    "de": ["Bitte buchen Sie von der Karte {v} ab, gültig bis {exp}, Prüfnummer {cvc}.", "Kreditkarte: {v}"],
    "fr": ["Vous pouvez débiter la carte {v}, expiration {exp}, cryptogramme {cvc}.", "carte bancaire : {v}"],
}


def _regroup(rng: random.Random, digits: str, how: int) -> str:
    if how == 0:
        return digits
    if how == 1:
        return "-".join(digits[i : i + 4] for i in range(0, len(digits), 4))
    if how == 2:
        return ".".join(digits[i : i + 4] for i in range(0, len(digits), 4))
    if how == 3:  # 4-4-8 / 8-8, as typed from an app
        return f"{digits[:4]} {digits[4:8]} {digits[8:]}"
    return f"{digits[:8]} {digits[8:]}"


def cards(rng: random.Random, vec: dict[str, Any]) -> Iterator[Item]:
    langs = ["nl", "en", "de", "fr"]
    for i, card in enumerate(vec["cards"]):
        lang = langs[i % 4]
        digits = card.replace(" ", "")
        value = card if i % 3 == 0 else _regroup(rng, digits, i % 5)
        frame = rng.choice(CARD_FRAMES[lang])
        exp = f"{rng.randint(1, 12):02d}/{rng.randint(27, 31)}"
        cvc = "".join(rng.choice(string.digits[1:]) for _ in range(4 if digits.startswith("3") else 3))
        ents = [("CREDIT_CARD", value)]
        if "{exp}" in frame:
            ents += [("CREDIT_CARD", exp), ("CREDIT_CARD", cvc)]
        yield lang, frame.format(v=value, exp=exp, cvc=cvc), ents
    for i, card in enumerate(vec["cards"][:24]):  # masked: at most 6+4 visible is no card; more is one
        lang = langs[i % 4]
        d = card.replace(" ", "")
        if i % 3 == 0:
            masked, ents = f"{d[:6]}******{d[-4:]}", []
        elif i % 3 == 1:
            masked, ents = f"**** **** **** {d[-4:]}", []
        else:
            masked = f"{d[:4]} {d[4:8]} {d[8:10]}** {d[-4:]}"
            ents = [("CREDIT_CARD", masked)]
        text = {
            "nl": f"Op de afschrijving staat kaart {masked}, is dat de juiste?",
            "en": f"The receipt shows card {masked} - was that the one charged?",
            "de": f"Auf dem Beleg steht Karte {masked}, stimmt das?",
            "fr": f"Le reçu indique la carte {masked}, est-ce la bonne ?",
        }[lang]
        yield lang, text, ents
    for i, card in enumerate(vec["cards"][24:32]):  # split over two lines, as pasted from a narrow form
        d = card.replace(" ", "")
        first, second = d[:8], d[8:]
        yield (
            ("en" if i % 2 else "nl"),
            f"card:\n{first}\n{second}\nthanks",
            [("CREDIT_CARD", first), ("CREDIT_CARD", second)],
        )


IBAN_FRAMES = {
    "nl": ["Graag terugstorten op {v} t.n.v. de zaak.", "IBAN: {v}", "rekeningnummer {v}"],
    "en": ["Please refund to {v}.", "bank account: {v}", "IBAN {v} (business account)"],
    "de": ["Bitte überweisen Sie auf {v}.", "Kontonummer/IBAN: {v}"],
    "fr": ["Merci de rembourser sur le compte {v}.", "IBAN : {v}"],
}


def ibans(rng: random.Random, vec: dict[str, Any]) -> Iterator[Item]:
    langs = ["nl", "en", "de", "fr"]
    values = _pick(rng, vec["modules"]["iban"]["valid"], 40) + vec["modules"]["be.iban"]["valid"]
    for i, value in enumerate(values):
        lang = langs[i % 4]
        shown = value.lower() if i % 7 == 3 else value
        yield lang, rng.choice(IBAN_FRAMES[lang]).format(v=shown), [("IBAN", shown)]


def _bsn(rng: random.Random) -> str:
    while True:
        value = str(rng.randint(100000000, 999999999))
        if nl_bsn.is_valid(value):
            return value


def slips(rng: random.Random, vec: dict[str, Any]) -> Iterator[Item]:
    """Values that slip past digit runs: letters typed for digits, odd spacing, a line break inside."""
    subs = {"0": "O", "1": "l", "5": "S", "8": "B"}
    for i in range(8):
        value = _bsn(rng)
        pos = next((j for j, c in enumerate(value) if c in subs and j > 1), 3)
        typo = value[:pos] + subs.get(value[pos], "O") + value[pos + 1 :]
        lang = ("nl", "en")[i % 2]
        text = f"mijn bsn is {typo} (sorry typ op telefoon)" if lang == "nl" else f"BSN: {typo} - typed from my phone"
        yield lang, text, [("NATIONAL_ID", typo)]
    others = [vec["modules"][m]["valid"] for m in ("de.idnr", "pl.pesel", "tr.tckimlik", "us.ssn")]
    pool = [re.sub(r"\D", "", v) for vals in others for v in vals[:3]] + [_bsn(rng) for _ in range(6)]
    for i, digits in enumerate(pool):
        if i % 3 == 0:
            shown = " ".join(digits[j : j + 2] for j in range(0, len(digits), 2))
        elif i % 3 == 1:
            shown = ".".join(digits[j : j + 3] for j in range(0, len(digits), 3))
        else:
            cut = len(digits) // 2
            shown = digits[:cut] + "\n" + digits[cut:]
        lang = ("nl", "en", "de")[i % 3]
        text = {
            "nl": f"het nummer op mijn pas:\n{shown}\nis dat genoeg?",
            "en": f"the number from my card is {shown} - is that enough?",
            "de": f"die Nummer lautet {shown}, reicht das?",
        }[lang]
        yield lang, text, [("NATIONAL_ID", shown)]


NEG_CUES = {
    "VAT_NUMBER": {"nl": "btw-nummer", "en": "VAT number", "de": "USt-IdNr.", "fr": "numéro de TVA"},
}


def negatives(rng: random.Random, vec: dict[str, Any]) -> Iterator[Item]:
    """Numbers support keeps or that identify no person, in the shapes of the stripped ones."""
    langs = ["nl", "en", "de", "fr"]
    vat_mods = ["nl.btw", "be.vat", "de.vat", "fr.tva", "gb.vat"]
    for i, value in enumerate(v for m in vat_mods for v in _pick(rng, vec["modules"][m]["valid"], 3)):
        lang = langs[i % 4]
        cue = NEG_CUES["VAT_NUMBER"][lang]
        yield (
            lang,
            f"Factuur op naam van de zaak graag, {cue} {value}."
            if lang == "nl"
            else (
                f"Please put our {cue} {value} on the invoice."
                if lang == "en"
                else f"Bitte die {cue} {value} auf die Rechnung setzen."
                if lang == "de"
                else f"Merci d'indiquer notre {cue} {value} sur la facture."
            ),
            [("VAT_NUMBER", value)],
        )
    for i, (mod, cue) in enumerate([("fr.siret", "SIRET"), ("fr.siren", "SIREN"), ("ma.ice", "ICE")] * 3):
        value = vec["modules"][mod]["valid"][i]
        yield "fr", f"Société Dupont Hébergement, {cue} {value}, merci de corriger la facture.", []
    for i in range(6):
        kvk = str(rng.randint(10000000, 99999999))
        yield ("nl", f"Onze KvK is {kvk}, graag op de factuur.", [("KVK_NUMBER", kvk)])
        order = _bsn(rng) if i % 2 else str(rng.randint(1000000, 99999999))
        lang = langs[i % 4]
        cue = {"nl": "ordernummer", "en": "order number", "de": "Bestellnummer", "fr": "numéro de commande"}[lang]
        yield (
            lang,
            f"{cue} {order}: de levering is niet compleet"
            if lang == "nl"
            else (
                f"{cue} {order} - delivery incomplete"
                if lang == "en"
                else f"{cue} {order}, die Lieferung ist unvollständig"
                if lang == "de"
                else f"{cue} {order}, la livraison est incomplète"
            ),
            [("INVOICE_NUMBER", order)],
        )
        invoice = f"{rng.randint(2023, 2026)}{rng.randint(100000, 999999)}"
        yield (
            lang,
            {
                "nl": f"Factuurnummer {invoice} is dubbel betaald.",
                "en": f"Invoice {invoice} was paid twice.",
                "de": f"Rechnung Nr. {invoice} wurde doppelt bezahlt.",
                "fr": f"La facture n° {invoice} a été payée deux fois.",
            }[lang],
            [("INVOICE_NUMBER", invoice)],
        )
        customer = str(rng.randint(1000000, 9999999))
        yield (
            lang,
            {
                "nl": f"klantnummer {customer}",
                "en": f"customer no. {customer}",
                "de": f"Kundennummer {customer}",
                "fr": f"numéro client {customer}",
            }[lang]
            + "\n"
            + {
                "nl": "De mailbox is vol.",
                "en": "The mailbox is full.",
                "de": "Das Postfach ist voll.",
                "fr": "La boîte mail est pleine.",
            }[lang],
            [("CUSTOMER_NUMBER", customer)],
        )
        mollie = " ".join(str(rng.randint(1000, 9999)) for _ in range(4))
        yield (
            "nl",
            f"Ik heb via Mollie betaald, betalingskenmerk {mollie}, maar de order staat nog open.",
            [("INVOICE_NUMBER", mollie)],
        )
    for i in range(6):  # carriers: PostNL 3S, UPS 1Z, DHL Express waybills; some pass a citizen checksum
        ups = "1Z" + "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(16))
        postnl = (
            "3S" + "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(4)) + str(rng.randint(10**8, 10**9))
        )
        dhl = _bsn(rng) + str(rng.randint(0, 9)) if i % 2 else str(rng.randint(10**9, 10**10 - 1))
        lang = langs[i % 4]
        yield (
            lang,
            {
                "nl": f"Track & trace: {postnl} (PostNL), de retour ging met UPS {ups}.",
                "en": f"Tracking: UPS {ups}, and the DHL Express waybill is {dhl}.",
                "de": f"DHL Sendungsnummer {dhl}, laut Tracking noch unterwegs.",
                "fr": f"Numéro de suivi DHL {dhl}, toujours en transit.",
            }[lang],
            [],
        )
    for i in range(4):  # serial numbers of a customer's router or modem
        serial = f"{rng.randint(10000, 99999)}{rng.choice('ABCDEF')}{rng.randint(1000000, 9999999)}"
        lang = ("nl", "de")[i % 2]
        yield (
            lang,
            {
                "nl": f"Serienummer van de router: {serial}, firmware 7.57. Hij valt steeds uit.",
                "de": f"Seriennummer der FRITZ!Box: {serial}, FRITZ!OS 7.57. Sie startet ständig neu.",
            }[lang],
            [],
        )
    for i in range(6):  # dates, amounts, versions, IPs beside a stripped value
        iban = _pick(rng, vec["modules"]["iban"]["valid"], 1)[0]
        ip = f"{rng.randint(11, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        lang = langs[i % 4]
        yield (
            lang,
            {
                "nl": f"Op 12-03-2026 is € 1.234.567,89 afgeschreven van {iban}; server {ip} draait PHP 8.3.14.",
                "en": f"On 2026-03-12 we were charged $1,234,567.89 from {iban}; server {ip} runs build 22631.4037.",
                "de": f"Am 12.03.2026 wurden 1.234.567,89 € von {iban} abgebucht; Server {ip}, Build 19045.3803.",
                "fr": f"Le 12/03/2026, 1 234 567,89 € ont été prélevés sur {iban} ; serveur {ip}, version 2.4.58.",
            }[lang],
            [("IBAN", iban), ("IP_ADDRESS", ip)],
        )


def _record(n: int, lang: str, text: str, ents: list[tuple[str, str]]) -> dict[str, Any]:
    channel = ("email", "whatsapp", "web", "telegram")[n % 4]
    seen: list[dict[str, str]] = []
    for kind, value in ents:
        pattern = (
            (r"(?<!\w)" if value[:1].isalnum() else "") + re.escape(value) + (r"(?!\w)" if value[-1:].isalnum() else "")
        )
        if not re.search(pattern, text):
            raise SystemExit(f"wv-{n:04d}: a gold value is not in its text")
        if {"type": kind, "value": value} not in seen:
            seen.append({"type": kind, "value": value})
    return {"id": f"wv-{n:04d}", "lang": lang, "channel": channel, "text": text, "entities": seen}


def main() -> int:
    vec = json.loads(VECTORS.read_text(encoding="utf-8"))
    rng = random.Random(16_2026)
    items: list[Item] = []
    for gen in (national_ids, documents, cards, ibans, slips, negatives):
        items += list(gen(rng, vec))
    items += list(mrz(rng))
    records = [_record(n, *item) for n, item in enumerate(items, 1)]
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(len(records), "records")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
