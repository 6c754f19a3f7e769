"""Generate ``eval/pii_probe_world.jsonl``: a TUNING corpus that sweeps the world's formats of high-risk values.

Why this file exists: rules tuned on hand-written messages in our own voice did not carry over to unseen
mail (issue 16). Hand-written messages hold the formats their author thought of; this generator instead
walks the formats themselves: phone numbers of every region ``phonenumbers`` knows (its example numbers,
in international, national and E.164 notation), IBANs of every country in python-stdnum's registry (random
BBANs with valid check digits, compact, grouped and lower case), payment cards of every common scheme and
grouping (Luhn-valid), national IDs of NL/BE/DE/UK/US/FR/ES/PL/TR/IT/PT (checksums from python-stdnum),
identity documents of those countries after cues in nl/en/de/fr, and passwords and passphrases of many
shapes after the cues people use. Each value is set in a few plain sentence frames per language; the
frames are deliberately bland, so a miss points at the value's format or its cue, not at the prose.

It is a tuning corpus (read its misses freely): it was generated and committed before the rules that
catch its misses were written, and its scores say how well formats are covered, not how the scrubber does
on unseen mail (the test parts and ``eval/pii_unseen.jsonl`` say that). Deterministic (seeded):

    .venv/bin/python eval/make_probes.py            # writes eval/pii_probe_world.jsonl
    .venv/bin/python eval/evaluate.py pii --part all --corpus eval/pii_probe_world.jsonl
"""

from __future__ import annotations

import json
import random
import string
from collections.abc import Callable, Iterator
from pathlib import Path

import phonenumbers
import probes_ids_world
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from stdnum import iban as std_iban
from stdnum import luhn, numdb
from stdnum.be import nn as be_nn
from stdnum.de import idnr as de_idnr
from stdnum.es import dni as es_dni
from stdnum.es import nie as es_nie
from stdnum.fr import nir as fr_nir
from stdnum.gb import nhs as gb_nhs
from stdnum.it import codicefiscale as it_cf
from stdnum.nl import bsn as nl_bsn
from stdnum.pl import pesel as pl_pesel
from stdnum.pt import nif as pt_nif
from stdnum.tr import tckimlik as tr_tc
from stdnum.us import ssn as us_ssn

OUT = Path(__file__).with_name("pii_probe_world.jsonl")
Record = dict[str, object]


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def _valid(rng: random.Random, make: Callable[[], str], check: Callable[[str], object]) -> str:
    """A random candidate from ``make`` that ``check`` accepts (stdnum's ``validate``)."""
    for _ in range(5000):
        value = make()
        try:
            check(value)
        except Exception:  # noqa: S112 (stdnum raises its ValidationError subclasses; try another)
            continue
        return value
    raise RuntimeError("no valid value found")


def _record(n: int, lang: str, text: str, values: list[tuple[str, str]], kind: str) -> Record:
    for _, value in values:
        assert value in text, (value, text)
    return {
        "id": f"probe-{n:04d}",
        "lang": lang,
        "channel": "email",
        "kind": kind,
        "text": text,
        "entities": [{"type": t, "value": v} for t, v in values],
    }


PHONE_FRAMES = {
    "nl": [
        "Hoi, je kunt me bellen op {v}. Groet",
        "Mijn nummer is {v} (ook WhatsApp).",
        "Met vriendelijke groet,\nHelpdesk klant\nT: {v}",
        "bel mij terug op {v} aub",
    ],
    "en": [
        "Hi, you can reach me on {v} tomorrow.",
        "My mobile is {v}, please call after 5pm.",
        "Kind regards,\nAccounts\nPhone: {v}",
        "pls call back {v} thx",
    ],
}


def phones(rng: random.Random) -> Iterator[tuple[str, str, list[tuple[str, str]], str]]:
    regions = sorted(phonenumbers.SUPPORTED_REGIONS)
    for region in regions:
        for ptype in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE):
            num = phonenumbers.example_number_for_type(region, ptype)
            if num is None:
                continue
            fmt = rng.choice([PhoneNumberFormat.INTERNATIONAL, PhoneNumberFormat.E164, PhoneNumberFormat.INTERNATIONAL])
            value = phonenumbers.format_number(num, fmt)
            lang = rng.choice(["nl", "en"])
            yield lang, rng.choice(PHONE_FRAMES[lang]).format(v=value), [("PHONE_NUMBER", value)], f"phone-{region}"
    for region in ("NL", "BE", "DE", "GB", "US", "FR", "PL", "TR", "ES", "IT", "MA", "SR", "IN", "ID", "CN", "GH"):
        for ptype in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE):
            num = phonenumbers.example_number_for_type(region, ptype)
            if num is None:
                continue
            value = phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)
            lang = rng.choice(["nl", "en"])
            yield lang, rng.choice(PHONE_FRAMES[lang]).format(v=value), [("PHONE_NUMBER", value)], f"phone-nat-{region}"


def _bban(rng: random.Random, spec: str) -> str:
    out = []
    for length, kind in _parse_spec(spec):
        alphabet = {"n": string.digits, "a": string.ascii_uppercase, "c": string.digits + string.ascii_uppercase}[kind]
        out.append("".join(rng.choice(alphabet) for _ in range(length)))
    return "".join(out)


def _parse_spec(spec: str) -> Iterator[tuple[int, str]]:
    num = ""
    i = 0
    while i < len(spec):
        ch = spec[i]
        if ch.isdigit():
            num += ch
        elif ch == "!":
            pass
        else:
            yield int(num), ch
            num = ""
        i += 1


IBAN_FRAMES = {
    "nl": [
        "Graag terugstorten op {v} t.n.v. de zaak.",
        "Mijn rekeningnummer: {v}",
        "IBAN {v}\nAlvast bedankt",
        "kunnen jullie het bedrag op {v} zetten?",
    ],
    "en": [
        "Please refund to {v}.",
        "Bank account: {v}",
        "my IBAN is {v} (business account)",
        "Refund account\n{v}\nThanks",
    ],
}


def ibans(rng: random.Random) -> Iterator[tuple[str, str, list[tuple[str, str]], str]]:
    db = numdb.get("iban")
    for _, country, _, props, _ in sorted(db.prefixes, key=lambda p: p[1]):
        spec = props.get("bban", "")
        if not spec:
            continue

        def make(country: str = country, spec: str = spec) -> str:
            bban = _bban(rng, spec)
            check = std_iban.calc_check_digits(country + "00" + bban)
            return country + check + bban

        compact = _valid(rng, make, std_iban.validate)
        style = rng.choice(["compact", "grouped", "grouped", "lower"])
        value = {"compact": compact, "grouped": std_iban.format(compact), "lower": std_iban.format(compact).lower()}[
            style
        ]
        lang = rng.choice(["nl", "en"])
        yield lang, rng.choice(IBAN_FRAMES[lang]).format(v=value), [("IBAN", value)], f"iban-{country}-{style}"


CARD_PREFIXES = {  # scheme -> (prefixes, length, grouping)
    "visa": (["4"], 16, (4, 4, 4, 4)),
    "mastercard": (["51", "55", "2221", "2720"], 16, (4, 4, 4, 4)),
    "amex": (["34", "37"], 15, (4, 6, 5)),
    "discover": (["6011", "65"], 16, (4, 4, 4, 4)),
    "maestro": (["6759", "5018", "6304"], 19, (4, 4, 4, 4, 3)),
    "jcb": (["3528", "3589"], 16, (4, 4, 4, 4)),
    "diners": (["36", "38"], 14, (4, 6, 4)),
    "unionpay": (["62"], 16, (4, 4, 4, 4)),
    "visa13": (["4"], 13, (4, 4, 5)),
}
CARD_FRAMES = {
    "nl": [
        "Ik heb betaald met {v} maar het ging mis.",
        "creditcard {v} graag verwijderen uit mijn account",
        "Mijn kaart: {v}",
        "de betaling met kaart {v} is twee keer afgeschreven",
    ],
    "en": [
        "I paid with {v} but was charged twice.",
        "card number {v}",
        "Please remove my card {v} from the account",
        "Visa {v} was declined",
    ],
}


def cards(rng: random.Random) -> Iterator[tuple[str, str, list[tuple[str, str]], str]]:
    for scheme, (prefixes, length, groups) in CARD_PREFIXES.items():
        for sep in ("", " ", "-", " "):
            prefix = rng.choice(prefixes)
            body = prefix + _digits(rng, length - len(prefix) - 1)
            number = body + luhn.calc_check_digit(body)
            if sep:
                parts, pos = [], 0
                for g in groups:
                    parts.append(number[pos : pos + g])
                    pos += g
                value = sep.join(parts)
            else:
                value = number
            lang = rng.choice(["nl", "en"])
            yield lang, rng.choice(CARD_FRAMES[lang]).format(v=value), [("CREDIT_CARD", value)], f"card-{scheme}"


def _national_id_values(rng: random.Random) -> list[tuple[str, str, str]]:
    """(country, value as written, cue word in the country's language)."""
    out: list[tuple[str, str, str]] = []

    def add(
        country: str,
        cue: str,
        make: Callable[[], str],
        check: Callable[[str], object],
        fmt: Callable[[str], str] = lambda v: v,
    ) -> None:
        out.append((country, fmt(_valid(rng, make, check)), cue))

    for _ in range(2):
        add("NL", "BSN", lambda: _digits(rng, 9), nl_bsn.validate)
        add("BE", "rijksregisternummer", lambda: _digits(rng, 11), be_nn.validate, be_nn.format)
        add("DE", "Steuer-ID", lambda: str(rng.randint(1, 9)) + _digits(rng, 10), de_idnr.validate)
        add(
            "US",
            "SSN",
            lambda: f"{rng.randint(100, 665)}{rng.randint(10, 99)}{rng.randint(1000, 9999)}",
            us_ssn.validate,
            us_ssn.format,
        )
        add(
            "US",
            "social security number",
            lambda: f"{rng.randint(100, 665)}{rng.randint(10, 99)}{rng.randint(1000, 9999)}",
            us_ssn.validate,
        )
        add(
            "FR",
            "numéro de sécurité sociale",
            lambda: str(rng.randint(1, 2)) + _digits(rng, 12) + "00",
            lambda v: fr_nir.validate(v[:13] + fr_nir.calc_check_digits(v[:13])),
            lambda v: v[:13] + fr_nir.calc_check_digits(v[:13]),
        )
        add(
            "ES",
            "DNI",
            lambda: _digits(rng, 8) + "A",
            lambda v: es_dni.validate(v[:8] + es_dni.calc_check_digit(v[:8])),
            lambda v: v[:8] + es_dni.calc_check_digit(v[:8]),
        )
        add(
            "ES",
            "NIE",
            lambda: "X" + _digits(rng, 7) + "A",
            lambda v: es_nie.validate(v[:8] + es_nie.calc_check_digit(v[:8])),
            lambda v: v[:8] + es_nie.calc_check_digit(v[:8]),
        )
        add(
            "PL",
            "PESEL",
            lambda: f"{rng.randint(50, 99)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}" + _digits(rng, 5),
            pl_pesel.validate,
        )
        add("TR", "TC Kimlik No", lambda: str(rng.randint(1, 9)) + _digits(rng, 10), tr_tc.validate)
        add(
            "IT",
            "codice fiscale",
            lambda: (
                "RSSMRA"
                + f"{rng.randint(50, 99)}"
                + rng.choice("ABCDEHLMPRST")
                + f"{rng.randint(1, 28):02d}"
                + "H501"
                + "X"
            ),
            lambda v: it_cf.validate(v[:15] + it_cf.calc_check_digit(v[:15])),
            lambda v: v[:15] + it_cf.calc_check_digit(v[:15]),
        )
        add("PT", "NIF", lambda: rng.choice("12") + _digits(rng, 8), pt_nif.validate)
        add("UK", "NHS number", lambda: _digits(rng, 10), gb_nhs.validate, gb_nhs.format)
        nino = (
            rng.choice("ABCEHJKLMNOPRSTWXYZ") + rng.choice("ABCEHJKLMNPRSTWXYZ") + _digits(rng, 6) + rng.choice("ABCD")
        )
        out.append(("UK", f"{nino[:2]} {nino[2:4]} {nino[4:6]} {nino[6:8]} {nino[8]}", "National Insurance number"))
    return out


ID_FRAMES = {
    "with_cue": {
        "nl": "Voor de verificatie: mijn {cue} is {v}.",
        "en": "For verification, my {cue} is {v}.",
        "de": "Zur Verifizierung: meine {cue} lautet {v}.",
        "fr": "Pour la vérification, mon {cue} est {v}.",
    },
    "bare": {
        "nl": "Hierbij de gegevens die jullie vroegen: {v}. Groet",
        "en": "Here is the number you asked for: {v}",
        "de": "Anbei die gewünschte Nummer: {v}",
        "fr": "Voici le numéro demandé : {v}",
    },
}
COUNTRY_LANG = {
    "NL": "nl",
    "BE": "nl",
    "DE": "de",
    "US": "en",
    "UK": "en",
    "FR": "fr",
    "ES": "en",
    "PL": "en",
    "TR": "en",
    "IT": "en",
    "PT": "en",
}


def national_ids(rng: random.Random) -> Iterator[tuple[str, str, list[tuple[str, str]], str]]:
    for country, value, cue in _national_id_values(rng):
        for style in ("with_cue", "bare"):
            lang = COUNTRY_LANG[country]
            text = ID_FRAMES[style][lang].format(cue=cue, v=value)
            yield lang, text, [("NATIONAL_ID", value)], f"natid-{country}-{style}"


DOC_CUES = {
    "nl": ["paspoortnummer", "nummer van mijn ID-kaart", "documentnummer", "rijbewijsnummer", "nr. identiteitskaart"],
    "en": ["passport number", "ID card number", "driver's license number", "driving licence no.", "document number"],
    "de": ["Reisepassnummer", "Ausweisnummer", "Führerscheinnummer", "Personalausweis-Nr."],
    "fr": ["numéro de passeport", "numéro de carte d'identité", "numéro de permis de conduire"],
}


def _doc_values(rng: random.Random) -> list[tuple[str, str]]:
    up = string.ascii_uppercase.replace("O", "")
    alnum = up + string.digits
    return [
        (
            "NL passport",
            "".join(rng.choice(up) for _ in range(2))
            + "".join(rng.choice(alnum) for _ in range(6))
            + rng.choice(string.digits),
        ),
        ("NL rijbewijs", "5" + _digits(rng, 9)),
        ("BE eID", f"{_digits(rng, 3)}-{_digits(rng, 7)}-{_digits(rng, 2)}"),
        ("BE passport", "".join(rng.choice(up) for _ in range(2)) + _digits(rng, 6)),
        ("DE Ausweis", "".join(rng.choice("CFGHJKLMNPRTVWXYZ0123456789") for _ in range(9))),
        ("DE Reisepass", "C" + "".join(rng.choice("CFGHJKLMNPRTVWXYZ0123456789") for _ in range(8))),
        ("UK passport", _digits(rng, 9)),
        (
            "UK licence",
            "".join(rng.choice(up) for _ in range(5))
            + _digits(rng, 6)
            + "".join(rng.choice(up) for _ in range(2))
            + rng.choice(string.digits)
            + "".join(rng.choice(up) for _ in range(2)),
        ),
        ("US passport", _digits(rng, 9)),
        ("US DL CA", rng.choice(up) + _digits(rng, 7)),
        ("US DL NY", f"{_digits(rng, 3)} {_digits(rng, 3)} {_digits(rng, 3)}"),
        ("FR CNI", _digits(rng, 12)),
        ("FR passport", _digits(rng, 2) + "".join(rng.choice(up) for _ in range(2)) + _digits(rng, 5)),
        ("ES DNI card", "".join(rng.choice(up) for _ in range(3)) + _digits(rng, 6)),
        ("PL ID", "".join(rng.choice(up) for _ in range(3)) + " " + _digits(rng, 6)),
        ("TR passport", "U" + _digits(rng, 8)),
        ("IT CIE", "CA" + _digits(rng, 5) + "".join(rng.choice(up) for _ in range(2))),
        (
            "PT CC",
            _digits(rng, 8)
            + " "
            + rng.choice(string.digits)
            + " "
            + "".join(rng.choice(up) for _ in range(2))
            + rng.choice(string.digits),
        ),
    ]


DOC_FRAMES = {
    "nl": [
        "Mijn {cue} is {v}, ik stuur geen kopie mee.",
        "{cue}: {v}\ngeldig tot 2031",
        "Hierbij mijn {cue} {v} ter controle.",
    ],
    "en": ["My {cue} is {v}, I won't send a copy.", "{cue}: {v}\nexpires 2031", "As requested, {cue} {v}."],
    "de": ["Meine {cue} ist {v}.", "{cue}: {v}\ngültig bis 2031"],
    "fr": ["Mon {cue} est {v}.", "{cue} : {v}\nvalable jusqu'en 2031"],
}


def documents(rng: random.Random) -> Iterator[tuple[str, str, list[tuple[str, str]], str]]:
    for label, value in _doc_values(rng):
        for lang in ("nl", "en", "de", "fr"):
            cue = rng.choice(DOC_CUES[lang])
            frame = rng.choice(DOC_FRAMES[lang])
            text = frame.format(cue=cue, v=value)
            text = text[0].upper() + text[1:]
            yield lang, text, [("ID_DOCUMENT", value)], f"doc-{label}"


WORDS_NL = ["zomer", "appel", "fiets", "molen", "tulp", "kaas", "haven", "regen", "zonnetje", "boterham", "koffie"]
WORDS_EN = ["summer", "apple", "river", "garden", "coffee", "dragon", "sunset", "pepper", "window", "horse", "battery"]


def _passwords(rng: random.Random, words_: list[str]) -> list[tuple[str, str]]:
    w = rng.sample(words_, 4)
    sym = "!@#$%&*?"
    return [
        ("word+digits", w[0].capitalize() + str(rng.randint(10, 2025))),
        ("word+digits+sym", w[1] + str(rng.randint(1, 99)) + rng.choice(sym)),
        ("two words", w[0].capitalize() + w[1].capitalize() + rng.choice(sym)),
        ("passphrase", " ".join(w[:4])),
        ("dashed phrase", "-".join(w[:3])),
        ("random", "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(12))),
        ("random sym", "".join(rng.choice(string.ascii_letters + string.digits + "!#%&*") for _ in range(10))),
        ("plain word", w[2]),
        ("pin", _digits(rng, 4)),
        ("pin6", _digits(rng, 6)),
        ("leet", w[3].replace("e", "3").replace("a", "@").replace("o", "0").capitalize() + "!"),
    ]


PASSWORD_FRAMES = {
    "nl": [
        "Mijn wachtwoord is {v}",
        "wachtwoord: {v}",
        "inloggen lukt niet met ww {v}",
        "Gebruikersnaam info, wachtwoord {v}",
        "ik heb het wachtwoord veranderd in {v} maar het werkt nog steeds niet",
        "login: beheer / {v}",
        "De pincode is {v}",
        "het nieuwe ww = {v}",
        "wachtwoord van de mailbox\n{v}",
    ],
    "en": [
        "My password is {v}",
        "password: {v}",
        "can't log in with pw {v}",
        "Username admin, password {v}",
        "I changed the password to {v} but it still fails",
        "login: admin / {v}",
        "The PIN is {v}",
        "new pass = {v}",
        "mailbox password\n{v}",
    ],
}


def credentials(rng: random.Random) -> Iterator[tuple[str, str, list[tuple[str, str]], str]]:
    for lang, words_ in (("nl", WORDS_NL), ("en", WORDS_EN)):
        for _ in range(2):
            for shape, value in _passwords(rng, words_):
                frames = PASSWORD_FRAMES[lang]
                if shape.startswith("pin"):
                    frame = frames[6]
                else:
                    frame = rng.choice([f for i, f in enumerate(frames) if i != 6])
                yield lang, frame.format(v=value), [("CREDENTIAL", value)], f"cred-{shape}"


CONTEXT_FRAMES: list[tuple[str, str, str]] = [  # (lang, frame, type of {v}); {w} is a second value of that type
    ("nl", "IBAN:{v}", "IBAN"),
    ("nl", "Naam;IBAN;Bedrag\nklant;{v};12,50", "IBAN"),
    ("nl", "> Graag storten op {v}\n> alvast dank", "IBAN"),
    ("nl", "reknr {v} (ING)", "IBAN"),
    ("en", "Account number.......: {v}", "IBAN"),
    ("en", "(refund to {v})", "IBAN"),
    ("nl", "bsn:{v}", "NATIONAL_ID"),
    ("nl", "burgerservicenummer {v} staat op de factuur, kan dat eraf?", "NATIONAL_ID"),
    ("nl", "Naam;BSN;Geboortedatum\nklant;{v};01-01-1980", "NATIONAL_ID"),
    ("en", "SSN# {v}", "NATIONAL_ID"),
    ("en", "my social is {v}", "NATIONAL_ID"),
    ("nl", "Mijn creditcard eindigt niet op 1234, het nummer is {v} en de vervaldatum is 09/28.", "CREDIT_CARD"),
    ("nl", "kaartnr: {v}\ngeldig t/m 09-2028", "CREDIT_CARD"),
    ("en", "CC: {v} exp. 11/29", "CREDIT_CARD"),
    ("en", "> card {v}\n> thanks", "CREDIT_CARD"),
    ("nl", "De beveiligingscode achterop is {v}.", "CVC"),
    ("nl", "kaart 4111 1111 1111 1111, CVC-code {v}", "CVC"),
    ("en", "the 3 digits on the back: {v}", "CVC"),
    ("en", "Visa 4111 1111 1111 1111 CVV2 {v}", "CVC"),
    ("nl", "ww: {v}", "CREDENTIAL"),
    ("nl", "het oude wachtwoord ({v}) werkte gisteren nog", "CREDENTIAL"),
    ("nl", "wachtwoord {v} werkt niet meer", "CREDENTIAL"),
    ("nl", "gebruikersnaam: info@bakkerij.nl\nwachtwoord: {v}", "CREDENTIAL"),
    ("nl", "je kunt inloggen met beheerder / {v}", "CREDENTIAL"),
    ("nl", "Ik heb {v} als wachtwoord gebruikt.", "CREDENTIAL"),
    ("en", "pass: {v}", "CREDENTIAL"),
    ("en", "the old password ({v}) worked yesterday", "CREDENTIAL"),
    ("en", "user: admin\npwd: {v}", "CREDENTIAL"),
    ("en", "I used {v} as the password.", "CREDENTIAL"),
    ("en", "tried logging in with {v} and {w}, neither works", "CREDENTIAL"),
    ("nl", "paspoort nr.{v}", "ID_DOCUMENT"),
    ("nl", "Naam;Documentnummer\nklant;{v}", "ID_DOCUMENT"),
    ("en", "Passport#: {v}", "ID_DOCUMENT"),
    ("en", "ID: passport {v}, issued 2019", "ID_DOCUMENT"),
]


def contexts(rng: random.Random) -> Iterator[tuple[str, str, list[tuple[str, str]], str]]:
    ids = [v for c, v, _ in _national_id_values(rng) if c == "NL"]
    docs = [v for label, v in _doc_values(rng) if "passport" in label or "eID" in label]
    pw = [v for shape, v in _passwords(rng, WORDS_EN + WORDS_NL) if shape not in ("pin", "pin6", "plain word")]

    def value(kind: str) -> str:
        if kind == "IBAN":
            bban = "ABNA" + _digits(rng, 10)
            return std_iban.format("NL" + std_iban.calc_check_digits("NL00" + bban) + bban)
        if kind == "NATIONAL_ID":
            return rng.choice(ids)
        if kind == "CREDIT_CARD":
            body = "4" + _digits(rng, 14)
            number = body + luhn.calc_check_digit(body)
            return " ".join(number[i : i + 4] for i in range(0, 16, 4))
        if kind == "CVC":
            return _digits(rng, 3)
        if kind == "ID_DOCUMENT":
            return rng.choice(docs)
        return rng.choice(pw)

    for lang, frame, kind in CONTEXT_FRAMES:
        for _ in range(2):
            v, w = value(kind), value(kind)
            typ = "CREDIT_CARD" if kind == "CVC" else kind
            values = [(typ, v)] + ([(typ, w)] if "{w}" in frame else [])
            yield lang, frame.format(v=v, w=w), values, f"ctx-{kind}"


def spaced_documents(rng: random.Random) -> Iterator[tuple[str, str, list[tuple[str, str]], str]]:
    """ID documents copied off the card in groups ("NW 1K2 L3P4", "IR 12 34 56 7"), after a cue."""
    for label, value in _doc_values(rng):
        compact = value.replace(" ", "").replace("-", "")
        if len(compact) < 8:
            continue
        cut = rng.choice([2, 3])
        spaced = compact[:cut] + " " + " ".join(compact[i : i + 3] for i in range(cut, len(compact), 3))
        lang = rng.choice(["nl", "en"])
        cue = rng.choice(DOC_CUES[lang])
        frame = rng.choice(DOC_FRAMES[lang])
        text = frame.format(cue=cue, v=spaced)
        yield lang, text[0].upper() + text[1:], [("ID_DOCUMENT", spaced)], f"docspaced-{label}"


CARD_TAIL_FRAMES = [
    ("nl", "kaart {c} exp {e} cvc {k}", "{e}"),
    ("nl", "creditcard {c} (vervalt {m}, code {k})", "{m}"),
    ("en", "card {c} valid thru {d}, security code {k}", "{d}"),
    ("en", "Visa {c}, expires {m}. The code is {k}", "{m}"),
]
MONTH_NAMES = {"nl": ["maart", "juni", "oktober", "mei"], "en": ["March", "June", "October", "May"]}


def card_tails(rng: random.Random) -> Iterator[tuple[str, str, list[tuple[str, str]], str]]:
    """A card's expiry and code in the other ways people write them, right after the card number."""
    for lang, frame, expiry in CARD_TAIL_FRAMES:
        for _ in range(2):
            body = "5" + str(rng.randint(1, 5)) + _digits(rng, 13)
            card = " ".join((body + luhn.calc_check_digit(body))[i : i + 4] for i in range(0, 16, 4))
            month = rng.randint(1, 12)
            year = rng.randint(26, 31)
            values = {
                "c": card,
                "e": f"{month:02d}{year}",
                "d": f"{month:02d}-{year}",
                "k": _digits(rng, 3),
                "m": f"{rng.choice(MONTH_NAMES[lang])} 20{year}",
            }
            text = frame.format(**values)
            found = [("CREDIT_CARD", card), ("CREDIT_CARD", expiry.format(**values)), ("CREDIT_CARD", values["k"])]
            yield lang, text, found, "cardtail"


PAIR_FRAMES = [
    ("en", "username {u} password {p}"),
    ("en", "u: {u} p: {p}"),
    ("en", "creds: {u}/{p}"),
    ("en", "my login is {u} and the pass is {p}"),
    ("en", "the passcode is {n}"),
    ("nl", "gebruikersnaam {u} wachtwoord {p}"),
    ("nl", "inlog {u} ww {p}"),
    ("nl", "de toegangscode is {n}"),
    ("en", "the 3 digits on the back: {c}"),
    ("nl", "de 3 cijfers achterop zijn {c}"),
]


def credential_pairs(rng: random.Random) -> Iterator[tuple[str, str, list[tuple[str, str]], str]]:
    """User name and password pairs with labels, passcodes, and a card's code named by where it stands."""
    for lang, frame in PAIR_FRAMES:
        for _ in range(2):
            user = rng.choice(["admin", "beheer", "webmaster", "info", "root"])
            word = rng.choice(WORDS_EN + WORDS_NL)
            pw = rng.choice([word, word + str(rng.randint(1, 99)), word.capitalize() + "!" + str(rng.randint(1, 9))])
            values = {"u": user, "p": pw, "n": _digits(rng, rng.choice([4, 6])), "c": _digits(rng, 3)}
            text = frame.format(**values)
            key = "c" if "{c}" in frame else "n" if "{n}" in frame else "p"
            typ = "CREDIT_CARD" if key == "c" else "CREDENTIAL"
            yield lang, text, [(typ, values[key])], "credpair"


def main() -> int:
    rng = random.Random(16)
    records: list[Record] = []
    for gen in (
        phones,
        ibans,
        cards,
        national_ids,
        documents,
        credentials,
        contexts,
        spaced_documents,
        card_tails,
        credential_pairs,
    ):
        for lang, text, values, kind in gen(rng):
            records.append(_record(len(records) + 1, lang, text, values, kind))
    world = random.Random(1616)  # issue 16's sweep, appended at the end with its own seed: older records unchanged
    for gen in probes_ids_world.GENERATORS:
        for lang, text, values, kind in gen(world):
            records.append(_record(len(records) + 1, lang, text, values, kind))
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"wrote {len(records)} records to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
