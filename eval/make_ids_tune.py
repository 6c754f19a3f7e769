"""Generate ``eval/pii_tune_ids.jsonl``: a TUNING corpus for issue 16's identifiers, in the ways people write them.

Why this file exists: ``make_probes.py`` sweeps the world's *formats* in bland frames; the misses on unseen mail
come from *how* a value is written around its format: a national ID grouped in threes or wrapped over a line
end, in a table cell under its header, in a quoted reply, after a cue in another language than the message or
an abbreviated cue ("pasnr", "Ausweisnr", "DL#", "n° de passeport"), far from its cue, on the next line; a card
in every grouping with its expiry and code, masked cards (not personal data: at most the first six and last four
digits show, PCI DSS 3.4), IBANs wrapped, in lower case and oddly grouped, old Dutch account numbers after a
bank cue, and document numbers without a cue next to a person's details. Hard negatives sit beside them: the
customer, invoice, order and KvK numbers, VAT numbers, tracking codes, DNS serials, amounts and BICs that must
stay. All values are fictional; checksummed ones are valid (python-stdnum, schwifty).

Annotation follows ``../shared/docs/pii-policy.md``: a masked card (only the last four, or the first six and
last four, visible) is not annotated; a card with more than ten digits visible is CREDIT_CARD; an old-style
account number is IBAN; a sort code, BLZ or BIC names a bank, not a person, and is not annotated.

Deterministic (seeded); every record is generated in order, new batches go at the end so the split holds:

    .venv/bin/python eval/make_ids_tune.py          # writes eval/pii_tune_ids.jsonl
    .venv/bin/python eval/evaluate.py pii --part tune --corpus eval/pii_tune_ids.jsonl --show-misses
"""

from __future__ import annotations

import random
import string
from collections.abc import Iterator
from pathlib import Path

from ids_tune_texts import HAND, ID_CUES, ID_FRAMES
from ids_tune_values import (  # (eval/ is the script's directory)
    CARD_SCHEMES,
    IBAN_BBAN,
    bsn,
    bsn_written,
    card_number,
    card_written,
    document,
    elfproef,
    grouped,
    iban,
    iban_written,
    national_id,
    rand_digits,
    valid_value,
)
from stdnum.nl import bsn as nl_bsn
from tune_corpus import write_corpus

OUT = Path(__file__).with_name("pii_tune_ids.jsonl")
Item = tuple[str, str, str, list[tuple[str, str]]]  # lang, channel, text, [(type, value)]
NAMES = [
    "Sanne Bakker",
    "Mehmet Yilmaz",
    "Joanna Kowalska",
    "Pieter van Dijk",
    "Fatima Benali",
    "Tom Hughes",
    "Laura Schmidt",
    "Julien Moreau",
    "Ana Ferreira",
    "Marco Rossi",
    "Lucía García",
    "Anouk de Groot",
]


COUNTRIES = list(ID_CUES)
LANGS = ["nl", "en", "de", "fr"]


def national_ids(rng: random.Random) -> Iterator[Item]:
    """Every country's ID in every frame, the cue in the message's language or (one in three) in another."""
    for frame_name, frames in ID_FRAMES.items():
        for country in COUNTRIES:
            lang = rng.choice(LANGS)
            cue_lang = lang if rng.random() < 0.67 else rng.choice([x for x in LANGS if x != lang])
            cue = rng.choice(ID_CUES[country][cue_lang])
            if frame_name == "chat_lower":
                cue = cue.lower()
            v = national_id(rng, country)
            name = rng.choice(NAMES)
            cust = str(rng.randint(100000, 499999))
            text = frames[lang].format(cue=cue, v=v, name=name, cust=cust)
            ents = [("NATIONAL_ID", v)]
            if "{name}" in frames[lang]:
                ents.append(("PERSON", name))
            if "{cust}" in frames[lang]:
                ents.append(("CUSTOMER_NUMBER", cust))
            yield lang, rng.choice(["email", "whatsapp", "webform"]), text, ents


def wrapped_ids(rng: random.Random) -> Iterator[Item]:
    """A grouped ID wrapped over a line end (mail clients wrap at 72 characters), also inside a quote."""
    for i in range(10):
        country = rng.choice(["NL", "NL", "BE", "DE", "FR", "TR"])
        v = national_id(rng, country)
        while " " not in v:
            v = national_id(rng, country)
        head, tail = v.rsplit(" ", 1)
        quote = "> " if i % 3 == 0 else ""
        lang = rng.choice(["nl", "en"])
        cue = rng.choice(ID_CUES[country][lang])
        if lang == "nl":
            text = (
                f"{quote}Beste, ik stuur hierbij nogmaals de gegevens voor de verhuizing van het pakket, "
                f"mijn {cue} is {head}\n"
                f"{quote}{tail} en de rest staat in de bijlage."
            )
        else:
            text = (
                f"{quote}Hello, sending the details for moving the hosting package once more, my {cue} is {head}\n"
                f"{quote}{tail} and the rest is in the attachment."
            )
        yield lang, "email", text, [("NATIONAL_ID", f"{head}\n{quote}{tail}")]


# ---- documents ----------------------------------------------------------------------------------------------

DOC_KINDS = [
    "NL passport",
    "NL rijbewijs",
    "BE eID",
    "BE passport",
    "DE Ausweis",
    "DE Führerschein",
    "UK passport",
    "US passport",
    "US DL",
    "FR CNI",
    "FR CNI 2021",
    "FR passport",
    "ES DNI card",
    "PL ID",
    "TR passport",
    "IT CIE",
    "NL verblijf",
]
DOC_CUES = {
    "nl": [
        "pasnr",
        "paspoortnr.",
        "ID-nr",
        "id-kaartnr",
        "rijbewijsnr",
        "documentnr",
        "nr. verblijfsvergunning",
        "verblijfspasnr",
        "nummer paspoort",
        "legitimatienr",
        "nr ID kaart",
        "rijbewijs nr.",
    ],
    "en": [
        "passport no.",
        "passport #",
        "DL#",
        "DL no",
        "driver lic #",
        "ID card no.",
        "licence no",
        "residence permit no",
        "travel doc no",
        "passport nr",
    ],
    "de": [
        "Ausweisnr",
        "Ausweis-Nr.",
        "Reisepassnr.",
        "Pass-Nr.",
        "Führerscheinnr.",
        "Aufenthaltstitel-Nr.",
        "Perso-Nr",
        "Personalausweisnummer",
    ],
    "fr": [
        "n° de passeport",
        "N° passeport",
        "n° CNI",
        "numéro de carte d'identité",
        "n° de permis",
        "permis n°",
        "titre de séjour n°",
        "no de passeport",
    ],
}
DOC_FRAMES = {
    "nl": [
        "Voor de verificatie: {cue} {v}, geldig tot 2031.",
        "{cue}: {v}",
        "ik heb geen scan maar mijn {cue} is {v}",
        "Graag verificatie via mijn {cue}\n{v}\nAlvast bedankt.",
    ],
    "en": [
        "For the ID check: {cue} {v}, expires 2031.",
        "{cue}: {v}",
        "no scanner here but my {cue} is {v}",
        "Please verify using my {cue}\n{v}\nThanks in advance.",
    ],
    "de": ["Zur Prüfung: {cue} {v}, gültig bis 2031.", "{cue}: {v}", "Habe keinen Scanner, meine {cue} lautet {v}"],
    "fr": [
        "Pour la vérification : {cue} {v}, valable jusqu'en 2031.",
        "{cue} : {v}",
        "pas de scanner, mon {cue} est {v}",
    ],
}


def documents(rng: random.Random) -> Iterator[Item]:
    """Each document kind after an abbreviated cue, in its message language or another one."""
    for kind in DOC_KINDS:
        for _ in range(2):
            lang = rng.choice(LANGS)
            cue_lang = lang if rng.random() < 0.7 else rng.choice(LANGS)
            cue = rng.choice(DOC_CUES[cue_lang])
            v = document(rng, kind)
            text = rng.choice(DOC_FRAMES[lang]).format(cue=cue, v=v)
            yield lang, rng.choice(["email", "whatsapp", "telegram"]), text[0].upper() + text[1:], [("ID_DOCUMENT", v)]


def documents_without_cue(rng: random.Random) -> Iterator[Item]:
    """A document number without its cue, next to a person's name and birth date (a form, a CSV row, a signature)."""
    frames = [
        ("nl", "Gegevens nieuwe eigenaar:\nNaam: {name}\nGeboortedatum: {dob}\nNummer: {v}\nGeldig tot: 12-2031"),
        ("en", "New owner details\nName: {name}\nDate of birth: {dob}\nNo.: {v}\nValid until: 12/2031"),
        ("nl", "{name}, geb. {dob}, {v}"),
        ("en", "name,date_of_birth,doc\n{name},{dob},{v}"),
        ("de", "Inhaber: {name}\ngeb. am {dob}\nNr. {v}"),
        ("fr", "Titulaire : {name}\nné(e) le {dob}\nN° {v}"),
    ]
    kinds = [
        "NL passport",
        "DE Ausweis",
        "FR passport",
        "BE passport",
        "NL verblijf",
        "ES DNI card",
        "IT CIE",
        "FR CNI 2021",
        "NL passport",
        "DE Ausweis",
        "PL ID",
        "TR passport",
    ]
    for i, kind in enumerate(kinds):
        lang, frame = frames[i % len(frames)]
        name = rng.choice(NAMES)
        dob = f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{rng.randint(1950, 2001)}"
        v = document(rng, kind)
        text = frame.format(name=name, dob=dob, v=v)
        yield lang, "webform", text, [("PERSON", name), ("DATE_OF_BIRTH", dob), ("ID_DOCUMENT", v)]


# ---- cards ------------------------------------------------------------------------------------------------


CARD_FRAMES = {
    "nl": [
        "Betaal maar met mijn creditcard {v}, vervaldatum {exp}, cvc {cvc}.",
        "kaart: {v}\ngeldig t/m {exp}\ncode achterop {cvc}",
        "Visa {v} exp {exp} ({cvc})",
        "mijn nieuwe pas {v}, verloopt {exp}, beveiligingscode {cvc}",
    ],
    "en": [
        "Please charge my card {v}, expiry {exp}, CVV {cvc}.",
        "card number: {v}\nexp: {exp}\ncvc: {cvc}",
        "Mastercard {v} valid thru {exp}, security code {cvc}",
        "use this one: {v} {exp} {cvc}",
    ],
    "de": [
        "Bitte meine Kreditkarte belasten: {v}, gültig bis {exp}, Prüfnummer {cvc}.",
        "Karte {v}\nAblauf {exp}\nCVC {cvc}",
    ],
    "fr": [
        "Merci de débiter ma carte {v}, expiration {exp}, cryptogramme {cvc}.",
        "carte bancaire : {v}\ndate d'expiration : {exp}\nCVV : {cvc}",
    ],
}


def cards(rng: random.Random) -> Iterator[Item]:
    for prefix, length in CARD_SCHEMES:
        for _ in range(2):
            lang = rng.choice(LANGS)
            v = card_written(rng, card_number(rng, prefix, length))
            exp = rng.choice(
                [
                    f"{rng.randint(1, 12):02d}/{rng.randint(26, 31)}",
                    f"{rng.randint(1, 12):02d}/20{rng.randint(26, 31)}",
                    f"{rng.randint(1, 12):02d}-{rng.randint(26, 31)}",
                ]
            )
            cvc = rand_digits(rng, 4 if length == 15 else 3)
            frame = rng.choice(CARD_FRAMES[lang])
            text = frame.format(v=v, exp=exp, cvc=cvc)
            yield (
                lang,
                rng.choice(["email", "whatsapp", "webform"]),
                text,
                [("CREDIT_CARD", v), ("CREDIT_CARD", exp), ("CREDIT_CARD", cvc)],
            )


def masked_cards(rng: random.Random) -> Iterator[Item]:
    """Masked cards (not annotated) and cards with a few digits hidden (still one of a few hundred: annotated)."""
    for i in range(10):
        v = card_number(rng, rng.choice(["4", "51", "55"]), 16)
        g = grouped(v, (4, 4, 4), " ")
        lang = ["nl", "en"][i % 2]
        if i < 6:
            masked = rng.choice(
                [
                    f"**** **** **** {v[12:]}",
                    f"XXXX-XXXX-XXXX-{v[12:]}",
                    f"{v[:6]}******{v[12:]}",
                    f"{v[:4]} {v[4:6]}** **** {v[12:]}",
                    f"•••• {v[12:]}",
                    f"xxxxxxxxxxxx{v[12:]}",
                ]
            )
            if lang == "nl":
                text = (
                    f"De betaling met kaart {masked} is mislukt, factuur 2024-{rng.randint(1000, 9999)} staat nog open."
                )
            else:
                text = f"The payment with card {masked} failed, can you retry it on the same card?"
            ents: list[tuple[str, str]] = []
            if lang == "nl":
                inv = text.split("factuur ")[1].split(" ")[0]
                ents.append(("INVOICE_NUMBER", inv))
            yield lang, "email", text, ents
        else:
            partial = rng.choice([f"{g[:17]}**", f"{g[:12]}xx {g[15:]}", f"{v[:12]}xxxx"])
            text = (
                f"mijn kaartnummer is {partial}, de laatste cijfers weet ik niet meer"
                if lang == "nl"
                else f"card number is {partial}, can't read the rest of it"
            )
            yield lang, "whatsapp", text, [("CREDIT_CARD", partial)]


# ---- bank accounts ------------------------------------------------------------------------------------------

IBAN_FRAMES = {
    "nl": [
        "Graag het geld terugstorten op {v} t.n.v. {name}.",
        "nieuw rekeningnr: {v}",
        "IBAN {v} BIC {bic}",
        "Kunnen jullie de incasso voortaan van {v} laten lopen?",
    ],
    "en": [
        "Please refund to {v}, account holder {name}.",
        "new account: {v}",
        "IBAN: {v} / BIC: {bic}",
        "can the direct debit go from {v} from now on?",
    ],
    "de": ["Bitte auf {v} zurücküberweisen, Kontoinhaber {name}.", "neue Bankverbindung: {v}"],
    "fr": ["Merci de rembourser sur {v}, titulaire {name}.", "nouveau RIB : {v}"],
}
BICS = ["ABNANL2A", "INGBNL2A", "RABONL2U", "DEUTDEFF", "GEBABEBB", "BNPAFRPP"]


def ibans(rng: random.Random) -> Iterator[Item]:
    styles = ["grouped", "compact", "lower", "lower_grouped", "odd", "cc_apart", "dashes", "dots"]
    for i, country in enumerate(list(IBAN_BBAN) * 2):
        lang = rng.choice(LANGS)
        v = iban_written(rng, iban(rng, country), styles[i % len(styles)])
        name = rng.choice(NAMES)
        frame = rng.choice(IBAN_FRAMES[lang])
        text = frame.format(v=v, name=name, bic=rng.choice(BICS))
        ents = [("IBAN", v)]
        if "{name}" in frame:
            ents.append(("PERSON", name))
        yield lang, rng.choice(["email", "whatsapp"]), text, ents
    for i in range(6):  # wrapped after a group (a mail client's line length), maybe in a quote
        v = grouped(iban(rng, rng.choice(["NL", "DE", "BE", "GB"])), (4, 4, 4, 4, 4, 4), " ")
        cut = v.index(" ", 5 + 5 * (i % 2))
        quote = "> " if i % 2 else ""
        wrapped = v[:cut] + "\n" + quote + v[cut + 1 :]
        text = (
            f"{quote}Hallo, willen jullie het teveel betaalde bedrag terugstorten op mijn rekening {wrapped}\n{quote}"
            "Alvast dank!"
        )
        yield "nl", "email", text, [("IBAN", wrapped)]


def old_accounts(rng: random.Random) -> Iterator[Item]:
    """Old Dutch account numbers (11-proef), Postbank giro numbers and other countries' account + bank code."""
    frames = [
        ("nl", "rekeningnummer {v}", "{v}"),
        ("nl", "Mijn oude rek.nr. was {v}, staat dat nog bij jullie?", "{v}"),
        ("nl", "bankrekening: {v} (ABN AMRO)", "{v}"),
        ("nl", "Het geld mag naar rekening {v} tnv mijn zoon", "{v}"),
        ("nl", "we betalen nog steeds vanaf giro {g}", "{g}"),
        ("nl", "Postbank {g}", "{g}"),
        ("en", "my old Dutch bank account {v} is closed, use the new one", "{v}"),
        ("nl", "Ik heb het overgemaakt van mijn ING-rekening {v2}.", "{v2}"),
    ]
    for lang, frame, which in frames:
        for _ in range(2):
            v9 = elfproef(rng, 9)
            v = rng.choice(
                [
                    v9,
                    f"{v9[:2]}.{v9[2:4]}.{v9[4:6]}.{v9[6:]}",
                    f"{v9[:4]}.{v9[4:6]}.{v9[6:]}",
                    f"{v9[:3]} {v9[3:6]} {v9[6:]}",
                ]
            )
            v2 = elfproef(rng, 10)
            g = str(rng.randint(1000000, 9999999))
            value = which.format(v=v, g=g, v2=v2)
            yield lang, "email", frame.format(v=v, g=g, v2=v2), [("IBAN", value)]
    for _ in range(3):
        acct, sort = rand_digits(rng, 8), f"{rand_digits(rng, 2)}-{rand_digits(rng, 2)}-{rand_digits(rng, 2)}"
        yield "en", "email", f"UK account for the refund: sort code {sort}, account number {acct}.", [("IBAN", acct)]
        kto, blz = rand_digits(rng, 10), f"{rng.randint(100, 899)} {rand_digits(rng, 3)} {rand_digits(rng, 2)}"
        yield "de", "email", f"Alte Bankverbindung: Kontonummer {kto}, BLZ {blz}", [("IBAN", kto)]


# ---- hard negatives and mixed messages ----------------------------------------------------------------------


def mixed(rng: random.Random) -> Iterator[Item]:
    """Personal numbers beside the numbers support keeps, and kept numbers alone (hard negatives)."""
    for i in range(24):
        cust = str(rng.randint(100000, 9999999))
        order = f"{rng.randint(2023, 2026)}{rand_digits(rng, 6)}"
        inv = f"F{rng.randint(2023, 2026)}-{rand_digits(rng, 5)}"
        kvk = rand_digits(rng, 8)
        b = bsn(rng)
        track = "3S" + "".join(rng.choice(string.ascii_uppercase) for _ in range(4)) + rand_digits(rng, 9)
        serial = f"{rng.randint(2023, 2026)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}0{rng.randint(1, 9)}"
        amount = f"€ {rng.randint(1, 9)}.{rand_digits(rng, 3)}.{rand_digits(rng, 3)},{rand_digits(rng, 2)}"
        name = rng.choice(NAMES)
        kind = i % 8
        if kind == 0:
            text = f"Klantnummer {cust}, BSN {b}. Graag de domeinnaam op mijn naam zetten.\n\nGroet,\n{name}"
            ents = [("CUSTOMER_NUMBER", cust), ("NATIONAL_ID", b), ("PERSON", name)]
        elif kind == 1:
            text = f"Ordernummer {order} is nog niet geleverd, track & trace {track}. Kunnen jullie even kijken?"
            ents = [("INVOICE_NUMBER", order)]
        elif kind == 2:
            text = (
                f"Factuur {inv} klopt niet: het bedrag van {amount} is veel te hoog. Ons KvK-nummer is {kvk}, "
                f"klantnr {cust}."
            )
            ents = [("INVOICE_NUMBER", inv), ("KVK_NUMBER", kvk), ("CUSTOMER_NUMBER", cust)]
        elif kind == 3:
            text = (
                f"The SOA serial is still {serial} after the change, customer number {cust}. Also my SSN for the "
                f"contract: {national_id(rng, 'US')}"
            )
            ents = [("CUSTOMER_NUMBER", cust), ("NATIONAL_ID", text.rsplit(": ", 1)[1])]
        elif kind == 4:
            text = f"ticket #{order}: I entered my BSN {b} in the order form by mistake, please remove it"
            ents = [("INVOICE_NUMBER", order), ("NATIONAL_ID", b)]
        elif kind == 5:
            nl_iban = iban_written(rng, iban(rng, "NL"), "grouped")
            text = f"Bestelling {order}\nklant {cust}\nburgerservicenummer {b}\nIBAN {nl_iban}"
            ents = [
                ("INVOICE_NUMBER", order),
                ("CUSTOMER_NUMBER", cust),
                ("NATIONAL_ID", b),
                ("IBAN", text.rsplit("IBAN ", 1)[1]),
            ]
        elif kind == 6:
            text = (
                f"Voor de aanvraag bij de gemeente had ik het nummer {b} nodig, dat is mijn burgerservicenummer. "
                f"Klantnr {cust}."
            )
            ents = [("NATIONAL_ID", b), ("CUSTOMER_NUMBER", cust)]
        else:
            text = (
                f"Uw referentie: {order}. Het nummer {b} dat ik bij de bestelling opgaf is mijn BSN, graag verwijderen."
            )
            ents = [("INVOICE_NUMBER", order), ("NATIONAL_ID", b)]
        yield ("en" if kind in (3, 4) else "nl"), rng.choice(["email", "webform"]), text, ents


def hand_written(rng: random.Random) -> Iterator[Item]:
    for lang, channel, template, ents in HAND:
        b = bsn_written(rng)
        vals = {
            "bsn": b,
            "nlpass": document(rng, "NL passport"),
            "name": rng.choice(NAMES),
            "ssn": national_id(rng, "US"),
            "cust": str(rng.randint(100000, 999999)),
            "deid": document(rng, "DE Ausweis"),
            "deidnr": national_id(rng, "DE"),
            "frpass": document(rng, "FR passport"),
            "nir": national_id(rng, "FR"),
            "card": card_written(rng, card_number(rng, "4", 16)),
            "exp": f"{rng.randint(1, 12):02d}/{rng.randint(26, 31)}",
            "cvc": rand_digits(rng, 3),
            "usdl": document(rng, "US DL"),
            "inv": f"{rng.randint(2023, 2026)}-{rand_digits(rng, 5)}",
            "old": elfproef(rng, 9),
            "iban": iban_written(rng, iban(rng, "NL"), "grouped"),
            "nino": national_id(rng, "UK"),
            "ibanlow": iban_written(rng, iban(rng, "NL"), "lower_grouped"),
            "order": f"{rng.randint(2023, 2026)}{rand_digits(rng, 6)}",
            "dob": f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{rng.randint(1950, 2001)}",
            "nlrb": document(rng, "NL rijbewijs"),
            "serial": f"{rng.randint(2023, 2026)}0{rng.randint(1, 9)}1{rng.randint(1, 9)}01",
            "vat": "NL" + valid_value(lambda: "8" + rand_digits(rng, 8), nl_bsn.validate) + "B01",
            "kvk": rand_digits(rng, 8),
            "deiban": iban_written(rng, iban(rng, "DE"), "grouped"),
            "nlverb": document(rng, "NL verblijf"),
            "vnr": rand_digits(rng, 10),
            "ukacct": rand_digits(rng, 8),
            "tckn": national_id(rng, "TR"),
            "trpass": document(rng, "TR passport"),
            "pesel": national_id(rng, "PL"),
            "track": "3S" + "".join(rng.choice(string.ascii_uppercase) for _ in range(4)) + rand_digits(rng, 9),
            "amount": f"€ {rng.randint(1, 9)}.{rand_digits(rng, 3)},{rand_digits(rng, 2)}",
        }
        text = template.format(**vals)
        yield lang, channel, text, [(t, v.format(**vals)) for t, v in ents]


def batch2_placement(rng: random.Random) -> Iterator[Item]:
    """Batch 2: a document number before its cue, in a table column under a document header; lists of kept numbers."""
    after = [
        ("nl", "{v} is het nummer van mijn paspoort, de scan volgt"),
        ("nl", "{v} (rijbewijs)"),
        ("en", "{v} is my passport number if you need it"),
        ("en", "{v} - driving licence"),
        ("de", "{v} ist meine Ausweisnummer"),
        ("fr", "{v} c'est mon numéro de passeport"),
    ]
    kinds = ["BE passport", "ES DNI card", "IT CIE", "PL ID", "DE Ausweis", "FR passport"]
    for (lang, frame), kind in zip(after * 2, kinds * 2, strict=True):
        v = document(rng, kind)
        yield lang, "whatsapp", frame.format(v=v), [("ID_DOCUMENT", v)]
    headers = [
        ("nl", "Naam;Paspoortnummer;Geldig tot", ";"),
        ("en", "Name,Passport no,Expires", ","),
        ("de", "Name\tAusweisnummer\tgültig bis", "\t"),
        ("nl", "naam | rijbewijsnr | categorie", " | "),
    ]
    for (lang, header, sep), kind in zip(headers * 2, kinds[:4] * 2, strict=True):
        names = rng.sample(NAMES, 2)
        docs = [document(rng, kind) for _ in names]
        rows = [
            sep.join([n, d, f"{rng.randint(1, 12):02d}-20{rng.randint(27, 34)}"])
            for n, d in zip(names, docs, strict=True)
        ]
        text = "Voor de gezinsaccount:\n\n" + header + "\n" + "\n".join(rows)
        ents = [("PERSON", n) for n in names] + [("ID_DOCUMENT", d) for d in docs]
        yield lang, "email", text, ents
    for i in range(8):
        orders = [f"{rng.randint(2023, 2026)}{rand_digits(rng, 5)}" for _ in range(3)]
        if i % 2:
            text = f"De ordernummers {orders[0]}, {orders[1]} en {orders[2]} zijn nog niet betaald."
        else:
            text = f"Invoices {orders[0]}, {orders[1]} and {orders[2]} are still open, can you check?"
        yield ("en" if i % 2 == 0 else "nl"), "email", text, [("INVOICE_NUMBER", o) for o in orders]


def main() -> int:
    rng = random.Random(1616)
    generators = (
        hand_written,
        national_ids,
        wrapped_ids,
        documents,
        documents_without_cue,
        cards,
        masked_cards,
        ibans,
        old_accounts,
        mixed,
        batch2_placement,  # (batches are appended: older records keep their split)
    )
    count = write_corpus(OUT, "ids", (msg for gen in generators for msg in gen(rng)))
    print(f"wrote {count} records to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
