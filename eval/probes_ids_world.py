"""The issue-16 sweep of the world's person identifiers, legacy bank accounts and card notations for the probe corpus.

Why this module exists: ``eval/make_probes.py`` swept national IDs of eleven countries only, in one author's
notation, while a Dutch web host hears from customers of the whole world. This module walks the formats
themselves and is imported by ``make_probes.py``, which appends its records at the END of
``eval/pii_probe_world.jsonl`` (older records keep their split). Its own seeded generator keeps the older
records' values unchanged.

What it sweeps (python-stdnum 2.2, every module that identifies a natural person; tax numbers shared with
companies are taken in their person form):

- NATIONAL_ID: ar.dni, ar.cuit (a person's CUIL), at.vnr, au.tfn, be.nn, be.bis, be.ssn, bg.egn, bg.pnf,
  br.cpf, ca.sin, ca.bc_phn, ch.ssn, cl.rut, cn.ric, cr.cpf, cr.cr, cu.ni, cz.rc, de.idnr, dk.cpr,
  do.cedula, ec.ci, ee.ik, es.dni, es.nie, fi.hetu, fi.veronumero, fr.nir, fr.nif, gb.nhs, gb.utr, gb.upn,
  gr.amka, hr.oib, id.nik, ie.pps, il.idnr, in_.aadhaar, in_.pan, in_.vid, is_.kennitala, it.codicefiscale,
  jp.in_, kr.rrn, lt.asmens, lv.pvn (a person's code), mu.nid, mx.curp, mx.rfc (a person's), my.nric,
  nl.bsn, nl.onderwijsnummer, no.fodselsnummer, pe.cui, pk.cnic, pl.pesel, pt.nif, pt.cc, ro.cnp,
  se.personnummer, si.emso, sk.rc, th.pin, tr.tckimlik, ua.rntrc, us.ssn, us.itin, us.atin, us.ptin,
  za.idnr. Each as ``compact()``, as ``format()`` and with its separators swapped (or digits grouped), in
  frames in nl/en/de/fr: after a cue in the country's own term, after a cue in the writer's language, and
  without a cue in a line of personal details. (Left out: identity-card and voter-card numbers such as
  in_.epic and nl.identiteitskaartnummer are ID_DOCUMENT, swept by ``make_probes.documents``; Morocco's
  stdnum module, ma.ice, numbers companies; Morocco's CIN is a card number.)
- IBAN (old-style accounts, annotated as the policy says: the account is stripped, a bank's own code such as a
  sort code, BLZ or US routing number is not annotated): Dutch 9/10-digit bank numbers (elfproef) and giro
  numbers, Belgian ``123-4567890-12`` (mod 97), German Kontonummer with BLZ, UK sort code and account, French
  RIB (clé RIB), Spanish CCC (es.ccc), Polish NRB, Swiss postal accounts (mod 10 recursive), US routing and
  account, Czech (cz.bankaccount), Norwegian (no.kontonr), New Zealand (nz.bankaccount), Argentine CBU.
- CREDIT_CARD: every scheme and length 12-19 (Luhn), grouped 4-4-4-4, 4-6-5, 4-4-4-4-3, in fours whatever the
  length, no groups, dots and dashes; with expiry and CVC glued on; twelve digits and a masked tail
  (annotated); PCI-masked numbers (six and four digits shown) are no card number and left unannotated.
- Negatives in the same frames: order, invoice and customer numbers after their cues (kept types), phone
  numbers (PHONE_NUMBER), KvK and VAT numbers (kept types), and dates, amounts and tracking codes (not
  annotated), so that precision is measured too.
"""

from __future__ import annotations

import importlib
import random
import string
from collections.abc import Callable, Iterator

from stdnum import luhn
from stdnum.eu import vat as eu_vat
from stdnum.nl import btw as nl_btw

Probe = tuple[str, str, list[tuple[str, str]], str]
LANGS = ("nl", "en", "de", "fr")


def _d(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def _up(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.ascii_uppercase) for _ in range(n))


def _ymd(rng: random.Random, century: bool = False) -> tuple[str, str, str]:
    """(year, month, day) of a plausible birth date; the year two digits unless ``century``."""
    year = rng.randint(1940, 2005)
    y = str(year) if century else f"{year % 100:02d}"
    return y, f"{rng.randint(1, 12):02d}", f"{rng.randint(1, 28):02d}"


def _yymmdd(rng: random.Random) -> str:
    y, m, d = _ymd(rng)
    return y + m + d


def _ddmmyy(rng: random.Random) -> str:
    y, m, d = _ymd(rng)
    return d + m + y


def _bis_date(rng: random.Random) -> str:
    """A BIS number's birth date: the month raised by 40 (a foreigner of known sex)."""
    y, m, d = _ymd(rng)
    return f"{y}{int(m) + 40}{d}"


def _emso_date(rng: random.Random) -> str:
    """An EMŠO's birth date: day, month and the year's last three digits."""
    y, m, d = _ymd(rng, century=True)
    return d + m + y[1:]


# module, own-language cue, maker of candidates (validated by the module; retried until one is valid)
PERSON_IDS: list[tuple[str, str, Callable[[random.Random], str]]] = [
    ("ar.dni", "DNI", lambda r: str(r.randint(10, 45)) + _d(r, 6)),
    ("ar.cuit", "CUIL", lambda r: r.choice(["20", "27", "23"]) + _d(r, 9)),
    ("at.vnr", "Sozialversicherungsnummer", lambda r: str(r.randint(1, 9)) + _d(r, 3) + _ddmmyy(r)),
    ("au.tfn", "Tax File Number", lambda r: _d(r, 9)),
    ("be.nn", "rijksregisternummer", lambda r: _yymmdd(r) + _d(r, 5)),
    ("be.bis", "BIS-nummer", lambda r: _bis_date(r) + _d(r, 5)),
    ("be.ssn", "INSZ-nummer", lambda r: _yymmdd(r) + _d(r, 5)),
    ("bg.egn", "ЕГН", lambda r: _yymmdd(r) + _d(r, 4)),
    ("bg.pnf", "ЛНЧ", lambda r: _d(r, 10)),
    ("br.cpf", "CPF", lambda r: _d(r, 11)),
    ("ca.sin", "Social Insurance Number", lambda r: str(r.randint(1, 7)) + _d(r, 8)),
    ("ca.bc_phn", "Personal Health Number", lambda r: "9" + _d(r, 9)),
    ("ch.ssn", "AHV-Nummer", lambda r: "756" + _d(r, 10)),
    ("cl.rut", "RUT", lambda r: str(r.randint(5, 25)) + _d(r, 6) + r.choice(string.digits + "K")),
    ("cn.ric", "身份证号", lambda r: "110101" + "".join(_ymd(r, century=True)) + _d(r, 3) + r.choice("0123456789X")),
    ("cr.cpf", "cédula", lambda r: str(r.randint(1, 7)) + _d(r, 8)),
    ("cr.cr", "cédula de residencia", lambda r: "1" + _d(r, 11)),
    ("cu.ni", "número de identidad", lambda r: _yymmdd(r) + _d(r, 5)),
    ("cz.rc", "rodné číslo", lambda r: _yymmdd(r) + _d(r, 4)),
    ("de.idnr", "Steuer-ID", lambda r: str(r.randint(1, 9)) + _d(r, 10)),
    ("dk.cpr", "CPR-nummer", lambda r: _ddmmyy(r) + _d(r, 4)),
    ("do.cedula", "cédula", lambda r: "0" + _d(r, 10)),
    ("ec.ci", "cédula de identidad", lambda r: f"{r.randint(1, 24):02d}" + r.choice("012345") + _d(r, 7)),
    ("ee.ik", "isikukood", lambda r: r.choice("3456") + _yymmdd(r) + _d(r, 4)),
    ("es.dni", "DNI", lambda r: _d(r, 8) + r.choice(string.ascii_uppercase)),
    ("es.nie", "NIE", lambda r: r.choice("XYZ") + _d(r, 7) + r.choice(string.ascii_uppercase)),
    (
        "fi.hetu",
        "henkilötunnus",
        lambda r: _ddmmyy(r) + r.choice("-A") + _d(r, 3) + r.choice("0123456789ABCDEFHJKLMNPRSTUVWXY"),
    ),
    ("fi.veronumero", "veronumero", lambda r: "1" + _d(r, 11)),
    ("fr.nir", "numéro de sécurité sociale", lambda r: r.choice("12") + _yymmdd(r)[:4] + _d(r, 8) + _d(r, 2)),
    ("fr.nif", "numéro fiscal", lambda r: r.choice("0123") + _d(r, 12)),
    ("gb.nhs", "NHS number", lambda r: _d(r, 10)),
    ("gb.utr", "UTR", lambda r: _d(r, 10)),
    (
        "gb.upn",
        "Unique Pupil Number",
        lambda r: (
            r.choice(string.ascii_uppercase)
            + r.choice(["201", "202", "203", "204", "205"])
            + _d(r, 8)
            + r.choice(string.digits)
        ),
    ),
    ("gr.amka", "ΑΜΚΑ", lambda r: _ddmmyy(r) + _d(r, 5)),
    ("hr.oib", "OIB", lambda r: _d(r, 11)),
    ("id.nik", "NIK", lambda r: "317101" + _ddmmyy(r) + _d(r, 4)),
    ("ie.pps", "PPS number", lambda r: _d(r, 7) + r.choice(string.ascii_uppercase) + r.choice(["", "A", "W"])),
    ("il.idnr", "Mispar Zehut", lambda r: _d(r, 9)),
    ("in_.aadhaar", "Aadhaar", lambda r: str(r.randint(2, 9)) + _d(r, 11)),
    ("in_.pan", "PAN", lambda r: _up(r, 3) + "P" + _up(r, 1) + _d(r, 4) + _up(r, 1)),
    ("in_.vid", "Aadhaar VID", lambda r: str(r.randint(2, 9)) + _d(r, 15)),
    ("is_.kennitala", "kennitala", lambda r: _ddmmyy(r) + _d(r, 3) + r.choice("90")),
    (
        "it.codicefiscale",
        "codice fiscale",
        lambda r: (
            _up(r, 6) + _yymmdd(r)[:2] + r.choice("ABCDEHLMPRST") + f"{r.randint(1, 28):02d}" + "H501" + _up(r, 1)
        ),
    ),
    ("jp.in_", "マイナンバー", lambda r: _d(r, 12)),
    ("kr.rrn", "주민등록번호", lambda r: _yymmdd(r) + r.choice("1234") + _d(r, 6)),
    ("lt.asmens", "asmens kodas", lambda r: r.choice("3456") + _yymmdd(r) + _d(r, 4)),
    ("lv.pvn", "personas kods", lambda r: _ddmmyy(r) + r.choice("012") + _d(r, 4)),
    (
        "mu.nid",
        "National Identity Card number",
        lambda r: (
            r.choice(string.ascii_uppercase) + _ddmmyy(r) + _d(r, 6) + r.choice(string.digits + string.ascii_uppercase)
        ),
    ),
    (
        "mx.curp",
        "CURP",
        lambda r: (
            _up(r, 4)
            + _yymmdd(r)
            + r.choice("HM")
            + "DF"
            + _up(r, 3)
            + r.choice(string.digits)
            + r.choice(string.digits)
        ),
    ),
    ("mx.rfc", "RFC", lambda r: _up(r, 4) + _yymmdd(r) + _up(r, 2) + r.choice(string.digits + "A")),
    ("my.nric", "MyKad number", lambda r: _yymmdd(r) + r.choice(["01", "10", "14", "08"]) + _d(r, 4)),
    ("nl.bsn", "BSN", lambda r: _d(r, 9)),
    ("nl.onderwijsnummer", "onderwijsnummer", lambda r: "10" + _d(r, 7)),
    ("no.fodselsnummer", "fødselsnummer", lambda r: _ddmmyy(r) + _d(r, 5)),
    ("pe.cui", "DNI", lambda r: _d(r, 8) + r.choice(string.digits)),
    ("pk.cnic", "CNIC", lambda r: str(r.randint(1, 7)) + _d(r, 12)),
    ("pl.pesel", "PESEL", lambda r: _yymmdd(r) + _d(r, 5)),
    ("pt.nif", "NIF", lambda r: r.choice("123") + _d(r, 8)),
    ("pt.cc", "número do Cartão de Cidadão", lambda r: _d(r, 8) + _d(r, 1) + _up(r, 2) + _d(r, 1)),
    ("ro.cnp", "CNP", lambda r: r.choice("1256") + _yymmdd(r) + f"{r.randint(1, 40):02d}" + _d(r, 4)),
    ("se.personnummer", "personnummer", lambda r: _yymmdd(r) + r.choice("-+") + _d(r, 4)),
    ("si.emso", "EMŠO", lambda r: _emso_date(r) + "50" + _d(r, 4)),
    ("sk.rc", "rodné číslo", lambda r: _yymmdd(r) + _d(r, 4)),
    ("th.pin", "เลขประจำตัวประชาชน", lambda r: str(r.randint(1, 8)) + _d(r, 12)),
    ("tr.tckimlik", "TC Kimlik No", lambda r: str(r.randint(1, 9)) + _d(r, 10)),
    ("ua.rntrc", "РНОКПП", lambda r: _d(r, 10)),
    ("us.ssn", "SSN", lambda r: f"{r.randint(100, 665)}{r.randint(10, 99)}{r.randint(1000, 9999)}"),
    ("us.itin", "ITIN", lambda r: "9" + _d(r, 2) + str(r.choice([70, 75, 80, 88, 90, 94, 99])) + _d(r, 4)),
    ("us.atin", "ATIN", lambda r: "9" + _d(r, 2) + "93" + _d(r, 4)),
    ("us.ptin", "PTIN", lambda r: "P" + _d(r, 8)),
    ("za.idnr", "ID number", lambda r: _yymmdd(r) + _d(r, 4) + r.choice("01") + "8" + _d(r, 1)),
]

OWN_FRAMES = {  # {cue} the country's own term, in a sentence of the writer's language
    "nl": ["Voor de verificatie: mijn {cue} is {v}.", "{cue}: {v}\nGroet", "hierbij mijn {cue} ({v}) zoals gevraagd"],
    "en": ["For verification, my {cue} is {v}.", "{cue}: {v}\nThanks", "as requested my {cue} {v}, cheers"],
    "de": ["Zur Verifizierung: meine {cue} lautet {v}.", "{cue}: {v}\nGruß", "anbei wie gewünscht meine {cue} {v}"],
    "fr": [
        "Pour la vérification, mon {cue} est {v}.",
        "{cue} : {v}\nCordialement",
        "voici mon {cue} {v} comme demandé",
    ],
}
WRITER_CUES = {
    "nl": ["persoonsnummer", "identificatienummer", "burgerservicenummer (buitenland)"],
    "en": ["national ID number", "personal identity number", "citizen number"],
    "de": ["persönliche Identifikationsnummer", "Personenkennzahl", "Bürgernummer"],
    "fr": ["numéro d'identification personnel", "numéro national", "numéro d'identité"],
}
BARE_FRAMES = {  # a line of personal details, no cue at all
    "nl": ["Mijn gegevens:\nUtrecht\n{v}\nklant sinds 2019", "Gegevens aanvrager: Utrecht, {v}"],
    "en": ["My details: Leeds, {v}, customer since 2019", "Details\nCity: Leeds\n{v}"],
    "de": ["Meine Daten: Graz, {v}", "Angaben\nOrt: Graz\n{v}"],
    "fr": ["Mes coordonnées : Lyon, {v}", "Infos\nVille : Lyon\n{v}"],
}


def _valid(rng: random.Random, module: object, make: Callable[[random.Random], str]) -> str:
    validate = module.validate  # type: ignore[attr-defined]
    for _ in range(20000):
        candidate = make(rng)
        try:
            return str(module.compact(validate(candidate)))  # type: ignore[attr-defined]
        except Exception:  # noqa: S112 (stdnum raises its ValidationError subclasses; try another)
            continue
    raise RuntimeError(f"no valid value for {module}")


_SWAP = {"-": " ", " ": "-", ".": " ", "/": "-"}


def _notations(module: object, compact: str) -> list[str]:
    """The compact value, its format() (if it differs) and one variant with other separators or groups."""
    fmt = getattr(module, "format", None)
    formatted = str(fmt(compact)) if fmt else compact
    out = [compact]
    if formatted != compact:
        out.append(formatted)
    if any(ch in formatted for ch in _SWAP):
        variant = "".join(_SWAP.get(ch, ch) for ch in formatted)
        if variant.count(".") == 0 and "." not in formatted and " " not in formatted:
            variant = variant.replace(" ", ".")  # a dotted notation too, where the format has dashes
    else:
        variant = " ".join(compact[i : i + 3] for i in range(0, len(compact), 3))
    if variant not in out:
        out.append(variant)
    return out


def person_ids(rng: random.Random) -> Iterator[Probe]:
    turn = 0
    for name, cue, make in PERSON_IDS:
        module = importlib.import_module(f"stdnum.{name}")
        country = name.split(".")[0].rstrip("_").upper()
        cases: list[tuple[str, str]] = []  # (notation, style)
        for style in ("own", "writer", "bare"):
            for value in _notations(module, _valid(rng, module, make)):
                cases.append((value, style))
        for value, style in cases:
            lang = LANGS[turn % 4]
            turn += 1
            if style == "own":
                text = rng.choice(OWN_FRAMES[lang]).format(cue=cue, v=value)
            elif style == "writer":
                text = rng.choice(OWN_FRAMES[lang]).format(cue=rng.choice(WRITER_CUES[lang]), v=value)
            else:
                text = rng.choice(BARE_FRAMES[lang]).format(v=value)
            yield lang, text[0].upper() + text[1:], [("NATIONAL_ID", value)], f"pid-{country}-{name}-{style}"


def _elfproef(digits: str) -> bool:
    return sum(int(c) * w for c, w in zip(digits, range(len(digits), 0, -1), strict=True)) % 11 == 0


def _nl_bank(rng: random.Random, n: int) -> str:
    while True:
        value = _d(rng, n)
        if value[0] != "0" and _elfproef(value):
            return value


def _mod10_recursive(digits: str) -> str:
    table = [0, 9, 4, 6, 8, 2, 7, 1, 3, 5]
    carry = 0
    for ch in digits:
        carry = table[(carry + int(ch)) % 10]
    return str((10 - carry) % 10)


def _account_values(rng: random.Random) -> list[tuple[str, str, str, str]]:
    """(country, account as written, text around it with {v}, writer's language); {v} is the account."""
    out: list[tuple[str, str, str, str]] = []
    for _ in range(2):
        nine = _nl_bank(rng, 9)
        out.append(("NL", nine, "mijn rekeningnummer is {v}, graag daarop terugstorten", "nl"))
        out.append(("NL", f"{nine[:2]}.{nine[2:4]}.{nine[4:6]}.{nine[6:]}", "Bankrekening {v} t.n.v. de zaak", "nl"))
        ten = _nl_bank(rng, 10)
        out.append(("NL", ten, "old Dutch account number {v} (before IBAN)", "en"))
        out.append(("NL", str(rng.randint(100000, 9999999)), "we betalen nog vanaf giro {v}", "nl"))
        out.append(("NL", "P" + str(rng.randint(1000000, 9999999)), "Postbank {v}, zelfde rekening als vroeger", "nl"))
        first = _d(rng, 10)
        be = f"{first[:3]}-{first[3:]}-{(int(first) % 97) or 97:02d}"
        out.append(("BE", be, "Graag terugbetalen op rekeningnummer {v}", "nl"))
        out.append(("BE", be.replace("-", ""), "numéro de compte {v}", "fr"))
        blz = f"{rng.randint(100, 899)} {_d(rng, 3)} {_d(rng, 2)}"
        konto = str(rng.randint(10**8, 10**10 - 1))
        out.append(("DE", konto, "Alte Bankverbindung: Kontonummer {v}, BLZ " + blz, "de"))
        out.append(("DE", konto, "Konto-Nr. {v} bei BLZ " + blz.replace(" ", ""), "de"))
        sort = f"{_d(rng, 2)}-{_d(rng, 2)}-{_d(rng, 2)}"
        acct = _d(rng, 8)
        out.append(("UK", acct, "Sort code: " + sort + "\nAccount number: {v}", "en"))
        out.append(("UK", acct, "please refund to " + sort.replace("-", " ") + " {v}", "en"))
        bank, guichet, compte = _d(rng, 5), _d(rng, 5), _d(rng, 11)
        cle = 97 - ((89 * int(bank) + 15 * int(guichet) + 3 * int(compte)) % 97)
        out.append(("FR", f"{bank} {guichet} {compte} {cle:02d}", "mon RIB : {v}", "fr"))
        out.append(("FR", f"{bank}{guichet}{compte}{cle:02d}", "Mein französisches Konto (RIB) {v}", "de"))
        out.append(("ES", _es_ccc(rng), "mi cuenta (CCC) es {v}", "en"))
        pl = _pl_nrb(rng)
        out.append(("PL", pl, "konto bankowe / bank account {v}", "en"))
        post = f"{rng.randint(10, 90)}-{rng.randint(1000, 999999)}-"
        post += _mod10_recursive(post.replace("-", "").rjust(8, "0"))
        out.append(("CH", post, "Postkonto {v}", "de"))
        out.append(("CH", f"{_d(rng, 4)}-{_d(rng, 6)}.{_d(rng, 2)}", "mein Konto bei der Kantonalbank: {v}", "de"))
        out.append(("US", _d(rng, rng.choice([10, 12])), "routing 021000021, account {v}", "en"))
        out.append(("US", _d(rng, 9), "ABA 026009593 / acct # {v}", "en"))
        out.append(
            (
                "CZ",
                _stdnum_value(rng, "cz.bankaccount", lambda r: f"{_d(r, 2)}-{_d(r, 10)}/0800"),
                "číslo účtu {v}",
                "en",
            )
        )
        out.append(("NO", _stdnum_value(rng, "no.kontonr", lambda r: _d(r, 11)), "kontonummer {v}", "nl"))
        out.append(
            (
                "NZ",
                _stdnum_value(rng, "nz.bankaccount", lambda r: "01-0902-" + _d(r, 7) + "-00"),
                "NZ bank account: {v}",
                "en",
            )
        )
        out.append(("AR", _stdnum_value(rng, "ar.cbu", lambda r: _d(r, 22)), "mi CBU: {v}", "fr"))
    return out


def _stdnum_value(rng: random.Random, name: str, make: Callable[[random.Random], str]) -> str:
    module = importlib.import_module(f"stdnum.{name}")
    compact = _valid(rng, module, make)
    fmt = getattr(module, "format", None)
    return str(fmt(compact)) if fmt else compact


def _es_ccc(rng: random.Random) -> str:
    from stdnum.es import ccc

    bank, office, account = _d(rng, 4), _d(rng, 4), _d(rng, 10)
    check = ccc.calc_check_digits(bank + office + "00" + account)
    return ccc.format(bank + office + check + account)


def _pl_nrb(rng: random.Random) -> str:
    from stdnum import iban

    bban = _d(rng, 24)
    check = iban.calc_check_digits("PL00" + bban)
    digits = check + bban
    return " ".join([digits[:2]] + [digits[i : i + 4] for i in range(2, 26, 4)])


def legacy_accounts(rng: random.Random) -> Iterator[Probe]:
    for country, value, frame, lang in _account_values(rng):
        text = frame.format(v=value)
        yield lang, text[0].upper() + text[1:], [("IBAN", value)], f"acct-{country}"


CARD_SCHEMES = {  # scheme -> (prefixes, lengths)
    "visa": (["4"], [13, 16, 19]),
    "mastercard": (["51", "53", "55", "2221", "2720"], [16]),
    "amex": (["34", "37"], [15]),
    "diners": (["36", "300", "38"], [14, 16]),
    "discover": (["6011", "644", "65"], [16, 19]),
    "jcb": (["3528", "3589"], [16, 19]),
    "maestro": (["6759", "5018", "6304", "6761"], [12, 13, 15, 16, 17, 18, 19]),
    "unionpay": (["62"], [16, 17, 18, 19]),
    "mir": (["2200", "2204"], [16]),
    "rupay": (["60", "65", "81"], [16]),
}
CARD_FRAMES = {
    "nl": [
        "Ik heb betaald met {v} maar het ging mis.",
        "kaartnummer: {v}",
        "de betaling met kaart {v} is dubbel afgeschreven",
    ],
    "en": ["I paid with {v} but was charged twice.", "card number {v}", "Please remove my card {v} from the account"],
    "de": ["Ich habe mit der Karte {v} bezahlt.", "Kreditkarte: {v}", "bitte die Karte {v} entfernen"],
    "fr": ["J'ai payé avec la carte {v}.", "numéro de carte : {v}", "merci de supprimer ma carte {v}"],
}


def _group(number: str, groups: tuple[int, ...], sep: str) -> str:
    parts, pos = [], 0
    for g in groups:
        if pos >= len(number):
            break
        parts.append(number[pos : pos + g])
        pos += g
    if pos < len(number):
        parts.append(number[pos:])
    return sep.join(parts)


def _groupings(length: int) -> list[tuple[int, ...]]:
    fours = tuple([4] * ((length + 3) // 4))
    out = [fours]
    if length == 15:
        out.append((4, 6, 5))
    if length == 14:
        out.append((4, 6, 4))
    if length == 19:
        out.append((4, 4, 4, 4, 3))
        out.append((6, 13))
    return out


def cards_world(rng: random.Random) -> Iterator[Probe]:
    turn = 0
    for scheme, (prefixes, lengths) in CARD_SCHEMES.items():
        for length in lengths:
            for groups in _groupings(length):
                for sep in ("", " ", "-", "."):
                    if not sep and groups != _groupings(length)[0]:
                        continue
                    prefix = rng.choice(prefixes)
                    body = prefix + _d(rng, length - len(prefix) - 1)
                    number = body + luhn.calc_check_digit(body)
                    value = _group(number, groups, sep) if sep else number
                    lang = LANGS[turn % 4]
                    turn += 1
                    text = rng.choice(CARD_FRAMES[lang]).format(v=value)
                    yield lang, text[0].upper() + text[1:], [("CREDIT_CARD", value)], f"cardw-{scheme}-{length}"


GLUED = [  # the card, its expiry and its code as people paste them; every part annotated
    ("en", "{c} {e} {k}"),
    ("en", "{c}|{e}|{k}"),
    ("nl", "kaart {c} geldig tot {e} cvc {k}"),
    ("de", "Karte {c}, gültig bis {e}, Prüfnummer {k}"),
    ("fr", "carte {c} exp {e} cryptogramme {k}"),
    ("en", "card: {c} exp:{e} cvv:{k}"),
    ("nl", "{c} - {e} - {k}"),
]


def card_glued(rng: random.Random) -> Iterator[Probe]:
    for lang, frame in GLUED:
        for _ in range(2):
            body = rng.choice(["4", "5", "37", "6011"])
            length = 15 if body == "37" else rng.choice([16, 16, 19])
            body += _d(rng, length - len(body) - 1)
            number = body + luhn.calc_check_digit(body)
            card = rng.choice([number, _group(number, _groupings(length)[0], " ")])
            expiry = rng.choice(
                [f"{rng.randint(1, 12):02d}/{rng.randint(26, 31)}", f"{rng.randint(1, 12):02d}/20{rng.randint(26, 31)}"]
            )
            code = _d(rng, 4 if number.startswith("37") else 3)
            text = frame.format(c=card, e=expiry, k=code)
            yield (
                lang,
                text[0].upper() + text[1:],
                [("CREDIT_CARD", card), ("CREDIT_CARD", expiry), ("CREDIT_CARD", code)],
                "cardglued",
            )
    for lang, frame in (("nl", "mijn kaartnummer is {v}, de rest weet ik niet"), ("en", "card starts {v}")):
        for _ in range(2):
            partial = "4" + _d(rng, 11) + rng.choice(["xxxx", "****", "XXXX"])
            yield lang, frame.format(v=partial), [("CREDIT_CARD", partial)], "cardpartial"
    for lang, frame in (
        ("nl", "Op de afschrijving staat kaart {v}"),
        ("en", "Receipt shows card {v}"),
        ("de", "Auf dem Beleg steht Karte {v}"),
        ("fr", "Le reçu indique la carte {v}"),
    ):
        masked = rng.choice(["4", "5"]) + _d(rng, 5) + "******" + _d(rng, 4)
        yield lang, frame.format(v=masked), [], "cardmasked"


def _eu_vat(rng: random.Random) -> str:
    makers = {
        "NL": lambda: "NL" + _d(rng, 9) + "B" + _d(rng, 2),
        "BE": lambda: "BE0" + _d(rng, 9),
        "DE": lambda: "DE" + _d(rng, 9),
        "FR": lambda: "FR" + _d(rng, 11),
        "DK": lambda: "DK" + _d(rng, 8),
        "SE": lambda: "SE" + _d(rng, 10) + "01",
    }
    country = rng.choice(sorted(makers))
    for _ in range(20000):
        value = makers[country]()
        if eu_vat.is_valid(value) and (country != "NL" or nl_btw.is_valid(value)):
            return value
    raise RuntimeError("no VAT number")


NEGATIVE_FRAMES = {  # (frame, type of the value or "" when it is left unannotated, maker)
    "nl": [
        ("Mijn bestelnummer is {v}.", "INVOICE_NUMBER"),
        ("klantnummer: {v}", "CUSTOMER_NUMBER"),
        ("factuur {v} staat nog open", "INVOICE_NUMBER"),
        ("KvK {v}", "KVK_NUMBER"),
        ("btw-nummer {v}", "VAT_NUMBER"),
        ("bel me op {v}", "PHONE_NUMBER"),
        ("betaald op {v}", ""),
        ("bedrag {v} is afgeschreven", ""),
        ("track & trace: {v}", ""),
    ],
    "en": [
        ("My order number is {v}.", "INVOICE_NUMBER"),
        ("customer number: {v}", "CUSTOMER_NUMBER"),
        ("invoice {v} is still open", "INVOICE_NUMBER"),
        ("VAT number {v}", "VAT_NUMBER"),
        ("call me on {v}", "PHONE_NUMBER"),
        ("paid on {v}", ""),
        ("the amount {v} was charged", ""),
        ("tracking number: {v}", ""),
    ],
    "de": [
        ("Meine Bestellnummer ist {v}.", "INVOICE_NUMBER"),
        ("Kundennummer: {v}", "CUSTOMER_NUMBER"),
        ("Rechnung {v} ist noch offen", "INVOICE_NUMBER"),
        ("USt-IdNr. {v}", "VAT_NUMBER"),
        ("erreichbar unter {v}", "PHONE_NUMBER"),
        ("bezahlt am {v}", ""),
        ("Betrag {v} wurde abgebucht", ""),
        ("Sendungsnummer: {v}", ""),
    ],
    "fr": [
        ("Mon numéro de commande est {v}.", "INVOICE_NUMBER"),
        ("numéro client : {v}", "CUSTOMER_NUMBER"),
        ("la facture {v} est encore ouverte", "INVOICE_NUMBER"),
        ("n° TVA {v}", "VAT_NUMBER"),
        ("appelez-moi au {v}", "PHONE_NUMBER"),
        ("payé le {v}", ""),
        ("le montant de {v} a été débité", ""),
        ("numéro de suivi : {v}", ""),
    ],
}
_PHONES = {
    "nl": ["06-{a}", "+31 6 {a}", "020-{b}"],
    "en": ["07700 {c}", "+44 7700 {c}", "+1 415 555 {e}"],
    "de": ["0151 {a}", "+49 30 {a}"],
    "fr": ["06 {f}", "+33 6 {f}"],
}


def _negative_value(rng: random.Random, lang: str, frame: str, typ: str) -> str:
    if typ in ("INVOICE_NUMBER", "CUSTOMER_NUMBER"):
        return rng.choice(
            [
                _d(rng, rng.choice([7, 8, 9, 10])),
                f"{rng.randint(2023, 2026)}-{_d(rng, 5)}",
                f"{rng.choice(['F', 'RE', 'INV', 'ORD'])}{rng.randint(2023, 2026)}-{_d(rng, 5)}",
            ]
        )
    if typ == "KVK_NUMBER":
        return str(rng.randint(10000000, 99999999))
    if typ == "VAT_NUMBER":
        return _eu_vat(rng)
    if typ == "PHONE_NUMBER":
        pattern = rng.choice(_PHONES[lang])
        pair = " ".join(_d(rng, 2) for _ in range(4))
        return pattern.format(a=_d(rng, 8), b=_d(rng, 7), c=_d(rng, 6), e=_d(rng, 4), f=pair)
    if "bedrag" in frame or "amount" in frame or "Betrag" in frame or "montant" in frame:
        return rng.choice(
            [
                f"€ {rng.randint(1, 9)}.{_d(rng, 3)},{_d(rng, 2)}",
                f"£{rng.randint(1000, 99999)}.{_d(rng, 2)}",
                f"{rng.randint(1, 9)} {_d(rng, 3)},{_d(rng, 2)} €",
            ]
        )
    if any(w in frame for w in ("track", "Sendung", "suivi")):
        return rng.choice(
            [
                "3S" + _up(rng, 4) + _d(rng, 9),
                "1Z" + _up(rng, 3) + _d(rng, 3) + _d(rng, 10),
                "JJD" + _d(rng, 18),
                _up(rng, 2) + _d(rng, 9) + "NL",
            ]
        )
    y, m, d = _ymd(rng, century=True)
    return rng.choice([f"{d}-{m}-{y}", f"{d}.{m}.{y}", f"{y}-{m}-{d}", f"{d}/{m}/{y}"])


def negatives(rng: random.Random) -> Iterator[Probe]:
    for lang in LANGS:
        for frame, typ in NEGATIVE_FRAMES[lang]:
            for _ in range(3):
                value = _negative_value(rng, lang, frame, typ)
                text = frame.format(v=value)
                yield lang, text[0].upper() + text[1:], [(typ, value)] if typ else [], f"neg-{typ or 'harmless'}"


GENERATORS = (person_ids, legacy_accounts, cards_world, card_glued, negatives)
