# ruff: noqa: E501  (templates are data: one per line reads best)
"""Write ``eval/pii_tune_addresses.jsonl``: a seeded TUNING corpus of street addresses of NL, BE, DE, UK, US, FR,
PL and TR in support settings (issue 16).

Why this file exists: the address recognizers were written against a few hand-written messages per country.
This generator sweeps each country's postal format instead: the line layout of Google's libaddressinput
metadata (``chromium-i18n`` ``fmt``: NL/BE/DE/FR/PL "%A%n%Z %C", GB "%A%n%C%n%Z", US "%A%n%C, %S %Z", TR
"%A%n%Z %C/%S"), postcodes in each country's shape (libaddressinput's ``zip`` regexes), street names and places
from Faker's locales (nl_NL, nl_BE, de_DE, en_GB, en_US, fr_FR, pl_PL; tr_TR has no address provider, so
Turkish streets come from pools of common mahalle, cadde and sokak names), house numbers in each country's
shapes (additions, "bus", "bis", "/", "m.", "No: .. D: .."), units (Flat, Apt, Suite, Bâtiment/Appt, floors)
and P.O. boxes, placed in the ways customers write them: one line in a sentence, a multi-line block, a
signature, a web-form field, a lower-case chat, after "t.a.v." or "c/o", with the country on the last line.

Hard negatives stand beside them: capitalised product names and versions with numbers ("Windows Server 2019",
"Plesk Obsidian 18.0"), rooms, racks, plans, steps, order numbers, data-centre names, amounts and times.

Batch 2 (appended, so batch 1 keeps its split): quoted replies, shipping labels in capitals, CSV and table rows,
the country on the address's own line, foreign addresses in English mail, company signatures; more hard negatives.

Annotation (../shared/docs/pii-policy.md): ADDRESS is street, number, addition, unit, postcode, city and the
country line when they stand together (a company's address too; the policy keeps no address); a P.O. box
with its postcode and city is ADDRESS; PERSON is a name without its title. All values are fictional
(Faker); the postcode shapes are real, the combinations are not.

Deterministic: ``.venv/bin/python eval/make_addresses_tune.py`` writes the file (seed 16). It is a tuning
corpus: it was committed before the scrubber was run on it; its TEST part (``eval/split.py``) is scored once.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

from faker import Faker
from tune_corpus import Msg, write_corpus

OUT = Path(__file__).with_name("pii_tune_addresses.jsonl")
SEED = 16
A, P, ORG, PH = "ADDRESS", "PERSON", "ORGANIZATION", "PHONE_NUMBER"

# (one-line form, block form) of one address
Addr = tuple[str, str]

_UK_SUFFIXES = [
    "Road",
    "Street",
    "Lane",
    "Close",
    "Avenue",
    "Drive",
    "Gardens",
    "Crescent",
    "Way",
    "Place",
    "Grove",
    "Terrace",
    "Court",
    "Mews",
    "Row",
    "Walk",
    "Hill",
    "Rise",
    "Green",
    "Square",
    "Parade",
    "Park",
]
_UK_TOWNS = [
    "Leeds",
    "Sheffield",
    "Bristol",
    "Norwich",
    "Reading",
    "Exeter",
    "Chester",
    "Durham",
    "Bath",
    "York",
    "Nottingham",
    "Leicester",
    "Cardiff",
    "Swansea",
    "Brighton",
    "Oxford",
    "Cambridge",
    "Hull",
    "Derby",
]
_TR_MAH = [
    "Caferağa",
    "Kızılay",
    "Atatürk",
    "Cumhuriyet",
    "Bahçelievler",
    "Yenimahalle",
    "Fenerbahçe",
    "Esentepe",
    "Bostancı",
    "Göztepe",
    "Alsancak",
    "Konak",
    "Çankaya",
    "Levent",
    "Moda",
    "Kocatepe",
]
_TR_STREETS = [
    "Bağdat",
    "İstiklal",
    "Gazi Mustafa Kemal",
    "Cumhuriyet",
    "Atatürk",
    "İnönü",
    "Kazım Karabekir",
    "Fevzi Çakmak",
    "Barbaros",
    "Mimar Sinan",
    "Hürriyet",
    "Şehit Ali",
    "Gül",
    "Lale",
    "Papatya",
    "Menekşe",
]
_TR_TYPES = ["Cad.", "Caddesi", "Sok.", "Sokak", "Sk.", "Bulvarı", "Blv."]
_TR_PLACES = [
    ("Kadıköy", "İstanbul"),
    ("Beşiktaş", "İstanbul"),
    ("Çankaya", "Ankara"),
    ("Konak", "İzmir"),
    ("Nilüfer", "Bursa"),
    ("Muratpaşa", "Antalya"),
    ("Seyhan", "Adana"),
    ("Üsküdar", "İstanbul"),
]
_US_UNITS = ["Apt {n}", "Apt. {n}", "Suite {n}", "Unit {n}", "#{n}", "Ste {n}"]


def _num(rng: random.Random, shapes: list[str]) -> str:
    shape = rng.choice(shapes)
    return shape.format(
        n=rng.randint(1, 199), m=rng.randint(1, 40), a=rng.choice("abcdABCD"), r=rng.choice(["I", "II", "III"])
    )


def _nl(f: Faker, rng: random.Random) -> Addr:
    number = _num(rng, ["{n}", "{n}", "{n}{a}", "{n}-{m}", "{n} {a}", "{n}-hs", "{n}-{r}", "{n} bis"])
    pc = f"{rng.randint(1000, 9999)}{rng.choice(['', ' ', ' '])}{rng.choice('ABCEGHJKLMNPRTVWXZ')}{rng.choice('ABCEGHJKLMNPRTVWXZ')}"
    street, city = f"{f.street_name()} {number}", f.city()
    return f"{street}, {pc} {city}", f"{street}\n{pc}{rng.choice(['  ', ' '])}{city}"


def _be(f: Faker, rng: random.Random) -> Addr:
    number = _num(rng, ["{n}", "{n}", "{n}{a}", "{n} bus {m}", "{n}/{m}", "{n} bte {m}"])
    street, pc, city = f"{f.street_name()} {number}", f.postcode(), f.city()
    return f"{street}, {pc} {city}", f"{street}\n{pc} {city}"


def _de(f: Faker, rng: random.Random) -> Addr:
    number = _num(rng, ["{n}", "{n}", "{n}{a}", "{n}-{m}", "{n} {a}"])
    street, pc, city = f"{f.street_name()} {number}", f.postcode(), f.city()
    return f"{street}, {pc} {city}", f"{street}\n{pc} {city}"


def _gb(f: Faker, rng: random.Random) -> Addr:
    name = f"{f.last_name()} {rng.choice(_UK_SUFFIXES)}" if rng.random() < 0.6 else f.street_name()
    street = f"{_num(rng, ['{n}', '{n}', '{n}{a}'])} {name}"
    if rng.random() < 0.3:
        street = f"{rng.choice(['Flat', 'Flat', 'Apartment', 'Unit'])} {rng.randint(1, 30)}, {street}"
    town, pc = rng.choice(_UK_TOWNS), f.postcode()
    return f"{street}, {town} {pc}", f"{street}\n{town}\n{pc}"


def _us(f: Faker, rng: random.Random) -> Addr:
    street = f"{rng.randint(1, 9999)} {f.street_name()}"
    if rng.random() < 0.35:
        street += " " + rng.choice(_US_UNITS).format(
            n=rng.choice([str(rng.randint(1, 999)), f"{rng.randint(1, 30)}{rng.choice('ABC')}"])
        )
    city, state, zipc = f.city(), f.state_abbr(include_territories=False), f.zipcode()
    return f"{street}, {city}, {state} {zipc}", f"{street}\n{city}, {state} {zipc}"


def _fr(f: Faker, rng: random.Random) -> Addr:
    number = _num(rng, ["{n}", "{n}", "{n} bis", "{n} ter", "{n}{a}"])
    street = f"{number}{rng.choice([' ', ', '])}{f.street_name()}"
    if rng.random() < 0.2:
        street = f"Bâtiment {rng.choice('ABCD')}, appt {rng.randint(1, 60)}, {street}"
    city = f.city() + (" CEDEX" if rng.random() < 0.1 else "")
    return f"{street}, {f.postcode()} {city}", f"{street}\n{f.postcode()} {city}"


def _pl(f: Faker, rng: random.Random) -> Addr:
    number = _num(rng, ["{n}", "{n}/{m}", "{n} m. {m}", "{n}{a}", "{n} lok. {m}"])
    street, pc, city = f"{f.street_prefix_short()} {f.street_name()} {number}", f.postcode(), f.city()
    return f"{street}, {pc} {city}", f"{street}\n{pc} {city}"


def _tr(f: Faker, rng: random.Random) -> Addr:
    mah = f"{rng.choice(_TR_MAH)} Mah. " if rng.random() < 0.7 else ""
    num = rng.choice(["No: {n}", "No:{n}", "No: {n} D: {m}", "No:{n}/{m}", "No. {n} Daire {m}"]).format(
        n=rng.randint(1, 150), m=rng.randint(1, 20)
    )
    street = f"{mah}{rng.choice(_TR_STREETS)} {rng.choice(_TR_TYPES)} {num}"
    district, city = rng.choice(_TR_PLACES)
    pc = f"{rng.randint(1, 81):02d}{rng.randint(0, 999):03d}"
    return f"{street}, {pc} {district}/{city}", f"{street}\n{pc} {district}/{city}"


def _pobox(rng: random.Random, country: str, f: Faker) -> Addr:
    n = rng.randint(10, 9999)
    if country == "NL":
        pc = f"{rng.randint(1000, 9999)} {rng.choice('ABCEGHJK')}{rng.choice('ABCEGHJK')}"
        one = f"Postbus {n}, {pc} {f.city()}"
    elif country == "DE":
        one = f"Postfach {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}, {f.postcode()} {f.city()}"
    elif country == "US":
        one = f"PO Box {n}, {f.city()}, {f.state_abbr(include_territories=False)} {f.zipcode()}"
    else:  # GB
        one = f"PO Box {n}, {rng.choice(_UK_TOWNS)} {f.postcode()}"
    head, _, tail = one.partition(", ")
    return one, f"{head}\n{tail.replace(', ', chr(10), 1) if country == 'GB' else tail}"


COUNTRIES: dict[str, tuple[str, Callable[[Faker, random.Random], Addr], str, str]] = {
    # code: (Faker locale, generator, message language, country names in the message language)
    "NL": ("nl_NL", _nl, "nl", "Nederland"),
    "BE": ("nl_BE", _be, "nl", "België"),
    "DE": ("de_DE", _de, "de", "Deutschland"),
    "GB": ("en_GB", _gb, "en", "United Kingdom"),
    "US": ("en_US", _us, "en", "USA"),
    "FR": ("fr_FR", _fr, "fr", "France"),
    "PL": ("pl_PL", _pl, "en", "Poland"),
    "TR": ("tr_TR", _tr, "en", "Turkey"),
}

# ---- settings: (template with {one} or {block}, needs a block) per language -----------------------------

ONE_LINE = {
    "nl": [
        "Beste,\n\nMijn nieuwe adres is {one}. Kunnen jullie dat aanpassen?\n\nGroet,\n{name}",
        "Hallo,\n\nGraag de factuur voortaan sturen naar {one}, t.a.v. {other}.\n\nMet vriendelijke groet,\n{name}",
        "Naam: {name}\nAdres: {one}\nVraag: mijn webmail doet het niet meer",
        "Goedemiddag,\n\nHet pakket is niet aangekomen op {one}. Track & trace zegt bezorgd.\n\nMvg,\n{name}",
        "Hoi,\n\nWe zijn verhuisd naar {one} per 1 maart. Het oude adres mag weg.\n\n{name}",
    ],
    "de": [
        "Guten Tag,\n\nbitte ändern Sie meine Anschrift auf {one}.\n\nMit freundlichen Grüßen\n{name}",
        "Hallo,\n\ndie Rechnung bitte an {one} senden, z. Hd. {other}.\n\nViele Grüße\n{name}",
        "Name: {name}\nAnschrift: {one}\nNachricht: Das Postfach ist voll.",
    ],
    "en": [
        "Hi,\n\nPlease update my billing address to {one}. The last invoice still shows the old one.\n\nThanks,\n{name}",
        "Hello,\n\nCould you send the replacement router to {one}? I'm home after 5.\n\nCheers,\n{name}",
        "Name: {name}\nAddress: {one}\nMessage: I can't log in to the control panel.",
        "Hi there,\n\nWe moved our office to {one} last week, c/o {other}.\n\nBest,\n{name}",
        "Dear support,\n\nFor the identity check: {name}, {one}.\n\nKind regards,\n{name}",
    ],
    "fr": [
        "Bonjour,\n\nMerci d'envoyer la facture à l'adresse suivante : {one}.\n\nCordialement,\n{name}",
        "Bonjour,\n\nMon adresse a changé : {one}. Pouvez-vous mettre à jour mon compte ?\n\nMerci,\n{name}",
        "Nom : {name}\nAdresse : {one}\nMessage : je n'arrive plus à envoyer de mails.",
    ],
}
BLOCK = {
    "nl": [
        "Beste,\n\nHieronder ons nieuwe factuuradres:\n\n{block}\n\nGroet,\n{name}",
        "Hallo,\n\nKunnen jullie de hardware naar dit adres sturen?\n\nt.a.v. {other}\n{block}\n\nBedankt!\n{name}",
        "Goedemorgen,\n\nDe storing is opgelost, dank jullie wel.\n\nMet vriendelijke groet,\n\n{name}\n{block}\nTel. {phone}",
    ],
    "de": [
        "Hallo,\n\nunsere neue Adresse:\n\n{block}\n\nGruß\n{name}",
        "Guten Tag,\n\nvielen Dank für die schnelle Hilfe.\n\nMit freundlichen Grüßen\n{name}\n{block}\nTel. {phone}",
    ],
    "en": [
        "Hi,\n\nShip it to:\n\n{block}\n\nThanks,\n{name}",
        "Hello,\n\nthe new address for all post is\n\nc/o {other}\n{block}\n\nRegards,\n{name}",
        "Hi,\n\nThanks, that fixed it.\n\nBest regards,\n{name}\n{block}\nPhone: {phone}",
    ],
    "fr": [
        "Bonjour,\n\nVoici notre nouvelle adresse :\n\n{block}\n\nBien à vous,\n{name}",
        "Bonjour,\n\nMerci pour votre aide.\n\nCordialement,\n{name}\n{block}\nTél. {phone}",
    ],
}
CHAT = {
    "nl": ["hoi, mijn adres is {one} als je het nodig hebt", "stuur het maar naar {one} aub", "adres: {one}"],
    "de": ["hi, die adresse ist {one}", "bitte an {one} schicken"],
    "en": ["hey my address is {one} btw", "send it to {one} pls", "address: {one}"],
    "fr": ["bonjour mon adresse c'est {one}", "envoyez à {one} svp"],
}
# mobile numbers in each language's usual grouping (NL 10 digits, DE 11, UK 11, FR 10)
PHONES = {"nl": "06-{a}{b}", "de": "0151 {a} {b}", "en": "07700 {a}{c}", "fr": "06 {d} {e} {f} {g}"}

# hard negatives: capitalised words with numbers that are no address (entities: kept types or none)
NEGATIVES: list[Msg] = [
    (
        "en",
        "email",
        "Hi,\n\nWe run Windows Server 2019 and Plesk Obsidian 18.0 on the VPS. Since the update to PHP 8.2 the site is slow.\n\nThanks,\nMark",
        [(P, "Mark")],
    ),
    (
        "nl",
        "email",
        "Hallo,\n\nDe server staat in rack 14, unit 22 van Equinix AM3. Kunnen jullie Ubuntu 22.04 opnieuw installeren?\n\nGroet,\nBram",
        [(P, "Bram")],
    ),
    (
        "en",
        "email",
        "Hello,\n\nStep 3 of the guide (Chapter 7, Section 2) does not work on macOS Sonoma 14.5 with Outlook 16.\n\nRegards,\nNina",
        [(P, "Nina")],
    ),
    (
        "de",
        "email",
        "Hallo,\n\nwir haben den Tarif Business Pro 25 gebucht, aber die Rechnung zeigt Basic 10 für 12,99 Euro.\n\nGruß\nJonas",
        [(P, "Jonas")],
    ),
    (
        "nl",
        "email",
        "Beste,\n\nBestelling 48213 (Dell Latitude 5420, 2 stuks) is nog niet verzonden. We hebben vergaderruimte Zaal 3 om 14:30 gereserveerd voor de installatie.\n\nMvg,\nSanne",
        [(P, "Sanne")],
    ),
    (
        "fr",
        "email",
        "Bonjour,\n\nNotre site tourne sous WordPress 6.4 et PHP 7.4 ; la salle 12 du bâtiment principal n'a plus de Wi-Fi depuis lundi 9 h.\n\nCordialement,\nLéa",
        [(P, "Léa")],
    ),
    (
        "en",
        "email",
        "Hi,\n\nThe Oakwood Street campaign landing page (oakwood-campaign.com) shows error 502 since 09:15. Our Premium Plan 50 should cover this.\n\nCheers,\nTom",
        [(P, "Tom")],
    ),
    ("en", "whatsapp", "my iphone 15 pro won't sync mail since ios 17.4, tried twice", []),
    ("nl", "whatsapp", "de mailbox van kantoor 2 doet het niet meer sinds versie 4.12", []),
    (
        "de",
        "email",
        "Hallo,\n\nRechenzentrum Frankfurt FRA 4, Raum 2, Schrank 17: der Server mit PostgreSQL 16 startet nicht.\n\nViele Grüße\nMia",
        [(P, "Mia")],
    ),
    (
        "en",
        "email",
        "Hi,\n\nWe are a team of 12 in Building 5 on the campus and need 12 mailboxes by Monday 3 June at 10:00.\n\nThanks,\nOwen",
        [(P, "Owen")],
    ),
    (
        "nl",
        "email",
        "Hallo,\n\nDe Kerkstraat-actie (kerkstraat-actie.nl) draait op pakket Hosting Plus 100 en de factuur van € 149,00 is dubbel afgeschreven.\n\nGroet,\nTim",
        [(P, "Tim")],
    ),
    (
        "fr",
        "email",
        "Bonjour,\n\nLa commande 20931 (Pack Pro 3, 2 licences) est bloquée. Rendez-vous le 4 mars à 10 h 30 en salle B.\n\nMerci,\nHugo",
        [(P, "Hugo")],
    ),
    (
        "en",
        "email",
        "Hello,\n\nOur Street Fighter 6 tournament site runs on Node 20 and nginx 1.24; traffic peaks at 3000 users.\n\nBest,\nKai",
        [(P, "Kai")],
    ),
    (
        "de",
        "email",
        "Guten Tag,\n\nFirmware 2.3 auf der Fritz!Box 7590 und Windows 11 Pro 23H2 — danach keine Verbindung mehr zu Port 993.\n\nMfG\nLena",
        [(P, "Lena")],
    ),
    ("nl", "telegram", "zaal 4 en kamer 12 hebben geen wifi, ticket 5523", []),
]


def _address(rng: random.Random, fakers: dict[str, Faker], country: str) -> Addr:
    locale, make, _, _ = COUNTRIES[country]
    if country in ("NL", "DE", "US", "GB") and rng.random() < 0.08:
        return _pobox(rng, country, fakers[locale])
    return make(fakers[locale], rng)


def _person(f: Faker) -> str:
    return f"{f.first_name()} {f.last_name()}"


def _phone(rng: random.Random, lang: str) -> str:
    two = [f"{rng.randint(0, 99):02d}" for _ in range(4)]
    return PHONES[lang].format(
        a=rng.randint(100, 999),
        b=rng.randint(10000, 99999),
        c=rng.randint(100, 999),
        d=two[0],
        e=two[1],
        f=two[2],
        g=two[3],
    )


def _message(rng: random.Random, fakers: dict[str, Faker], country: str) -> Msg:
    locale, _, lang, country_name = COUNTRIES[country]
    f = fakers[locale] if country != "TR" else fakers["tr_TR"]
    one, block = _address(rng, fakers, country)
    name, other = _person(f), _person(f)
    setting = rng.random()
    ents: list[tuple[str, str]] = []
    if setting < 0.4:
        text = rng.choice(ONE_LINE[lang]).format(one=one, name=name, other=other)
        value, channel = one, "webform" if text.startswith(("Name", "Naam", "Nom")) else "email"
    elif setting < 0.8:
        if rng.random() < 0.25 or country in ("PL", "TR"):
            block = f"{block}\n{country_name}"
        template, phone = rng.choice(BLOCK[lang]), _phone(rng, lang)
        text = template.format(block=block, name=name, other=other, phone=phone)
        value, channel = block, "email"
        if "{phone}" in template:
            ents.append((PH, phone))
    else:
        one = one.lower() if rng.random() < 0.7 else one
        text = rng.choice(CHAT[lang]).format(one=one)
        value, channel = one, rng.choice(["whatsapp", "telegram"])
    ents.insert(0, (A, value))
    for person in (name, other):
        if person in text:
            ents.append((P, person))
    return lang, channel, text, ents


def generated() -> list[Msg]:
    rng = random.Random(SEED)
    fakers: dict[str, Faker] = {}
    for code, (locale, _, _, _) in COUNTRIES.items():
        fakers[locale] = Faker(locale)
        fakers[locale].seed_instance(SEED + len(code) + sum(map(ord, code)))
    msgs: list[Msg] = []
    negatives = iter(NEGATIVES)
    for i in range(8 * 40):
        country = list(COUNTRIES)[i % len(COUNTRIES)]
        msgs.append(_message(rng, fakers, country))
        if i % 20 == 19:  # a hard negative every 20 messages
            msgs.append(next(negatives))
    return msgs


# ---- batch 2 (appended, so batch 1 keeps its split): quoted replies, shipping labels in capitals, CSV and
# table rows, the country on the address's own line, foreign addresses in English mail, company signatures

_COUNTRY_EN = {
    "NL": "Netherlands",
    "BE": "Belgium",
    "DE": "Germany",
    "GB": "United Kingdom",
    "US": "USA",
    "FR": "France",
    "PL": "Poland",
    "TR": "Turkey",
}
NEGATIVES_2: list[Msg] = [
    (
        "en",
        "email",
        "Hi,\n\nOur VPN drops at Terminal 2 and Gate 14 at the airport office; Building 4 and Level 5 are fine.\n\nThanks,\nEmma",
        [(P, "Emma")],
    ),
    (
        "nl",
        "email",
        "Hallo,\n\nSprint 14 is af; Release 2024.3 staat klaar op Omgeving 2. Cluster Noord 3 heeft nog 12 GB vrij.\n\nGroet,\nDaan",
        [(P, "Daan")],
    ),
    (
        "en",
        "email",
        "Hello,\n\nWe moved 250 Main Street Journal subscribers to the new list and 40 Park Lane Hotels guests too.\n\nBest,\nRita",
        [(P, "Rita")],
    ),
    (
        "de",
        "email",
        "Hallo,\n\nPlattform 9 und Halle 3 melden Fehler 503 seit 8:15 Uhr, Ticket 4471.\n\nGruß\nFelix",
        [(P, "Felix")],
    ),
    (
        "fr",
        "email",
        "Bonjour,\n\nLe serveur Salle 2 Baie 12 redémarre en boucle depuis la version 3.2.\n\nMerci,\nZoé",
        [(P, "Zoé")],
    ),
    ("en", "telegram", "route 66 tour page is down again, error 500 on step 3", []),
    ("nl", "whatsapp", "kamer 12 en zaal 3 van het kantoor hebben geen bereik, storing 5521", []),
    (
        "en",
        "email",
        "Hi,\n\nThe Highway 101 traffic cam feed (cam 12, port 8443) stopped at 14:02.\n\nRegards,\nLuis",
        [(P, "Luis")],
    ),
]


def _message_2(rng: random.Random, fakers: dict[str, Faker], country: str) -> Msg:
    locale, _, lang, _ = COUNTRIES[country]
    f = fakers[locale]
    one, block = _address(rng, fakers, country)
    name = _person(f)
    setting = rng.randrange(6)
    if setting == 0:  # quoted reply
        quoted = block.replace("\n", "\n> ")
        text = f"Hi,\n\nsee below, the address is still wrong on the invoice.\n\n{name}\n\n> Our address:\n> {quoted}\n> Regards"
        return "en", "email", text, [(A, quoted), (P, name)]
    if setting == 1:  # shipping label in capitals
        text = f"Hello,\n\nplease use this label:\n\n{name.upper()}\n{block.upper()}\n\nThanks"
        return "en", "email", text, [(A, block.upper()), (P, name.upper())]
    if setting == 2:  # CSV row
        row = one.replace(", ", ";")
        text = f"Hoi,\n\nde nieuwe gebruikers:\n\nnaam;adres\n{name};{row}\n\nGroet"
        return "nl", "email", text, [(A, row), (P, name)]
    if setting == 3:  # table row with the country on the same line
        value = f"{one}, {_COUNTRY_EN[country]}"
        text = f"Hi,\n\n| Name | Address |\n|---|---|\n| {name} | {value} |\n\nCan you set these up?"
        return "en", "email", text, [(A, value), (P, name)]
    if setting == 4:  # a foreign address in English mail
        text = f"Hi,\n\nour customer {name} moved to {one}, {_COUNTRY_EN[country]}. Please update the contract.\n\nBest,\nSupport desk"
        return "en", "email", text, [(A, f"{one}, {_COUNTRY_EN[country]}"), (P, name)]
    company = f.company()
    phone = _phone(rng, lang)
    text = f"Thanks for the quick fix!\n\n{name}\n{company}\n{block}\nT {phone}"
    return lang, "email", text, [(A, block), (P, name), (ORG, company), (PH, phone)]


def generated_2() -> list[Msg]:
    rng = random.Random(SEED + 2)
    fakers: dict[str, Faker] = {}
    for code, (locale, _, _, _) in COUNTRIES.items():
        fakers[locale] = Faker(locale)
        fakers[locale].seed_instance(SEED + 2 + sum(map(ord, code)))
    msgs: list[Msg] = []
    negatives = iter(NEGATIVES_2)
    for i in range(8 * 20):
        msgs.append(_message_2(rng, fakers, list(COUNTRIES)[i % len(COUNTRIES)]))
        if i % 20 == 19:
            msgs.append(next(negatives))
    return msgs


def main() -> None:
    count = write_corpus(OUT, "ad", generated() + generated_2())
    print(f"{OUT.name}: {count} records")


if __name__ == "__main__":
    main()
