"""What explains a long number as kept or harmless: the named explainers of the deny-by-default NUMBER rule.

``scrubber.recognizers.numbers`` strips every run of 7+ digits unless one of these recognises it. Each
explainer is a small named function of a ``Span`` (the value and the text around it) that says yes or no;
``explain`` returns the first one's name, so every value left in clear has a reason that can be shown.
They follow the formats' specifications (ISO 8601 dates, RFC 4122 UUIDs, IPv4, UPU S10 and the carriers'
tracking numbers, RFC 1912 SOA serials) and the cue words of support mail in nl, en, de and fr.

An explainer never strips anything and never suppresses another recognizer: a date explained here can still
be a DATE_OF_BIRTH, a number after "klantnummer" is kept because the kept recognizer reports it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from scrubber.recognizers.base import first_letter_guard
from scrubber.recognizers.explainers_refs import (
    bank_code,
    book_number,
    column_header,
    dns_record,
    reference_shape,
    standard,
    vat_number,
    web_property,
)


@dataclass(frozen=True)
class Span:
    """A candidate number in its text: ``text[start:end]``, with helpers for what stands around it."""

    text: str
    start: int
    end: int

    @cached_property
    def value(self) -> str:
        return self.text[self.start : self.end]

    @cached_property
    def digits(self) -> str:
        return "".join(c for c in self.value if c.isdigit())

    @cached_property
    def line_start(self) -> int:
        return self.text.rfind("\n", 0, self.start) + 1

    def before(self, n: int) -> str:
        """Up to ``n`` characters before the value, on its line."""
        return self.text[max(self.line_start, self.start - n) : self.start]

    def after(self, n: int) -> str:
        """Up to ``n`` characters after the value, on its line."""
        right = self.text[self.end : self.end + n]
        nl = right.find("\n")
        return right if nl < 0 else right[:nl]

    @cached_property
    def token(self) -> str:
        """The whitespace-delimited token holding the value, without enclosing brackets and quotes."""
        text, lo = self.text, max(0, self.start - 300)
        # A match of _TOKEN_START is a run of non-space characters that reaches the value's start, or the newline
        # just before it (where "$" matches too); so none starts before the last whitespace in front of that
        # character, and the search starts there: the same match as from ``lo``, without trying each of up to
        # 300 positions (``str.isspace`` is exactly re's ``\s`` for str patterns).
        i = self.start - 2
        while i > lo and not text[i].isspace():
            i -= 1
        left = _TOKEN_START.search(text, max(lo, i), self.start)
        right = _TOKEN_REST.match(self.text, self.end)
        start = left.start() if left else self.start
        end = right.end() if right else self.end
        return self.text[start:end].strip("()[]{}<>\"'`,;").rstrip(".:!?")

    @cached_property
    def label(self) -> str:
        """The words right before the value: back to a previous number or the end of a sentence, same line."""
        header = column_header(self.text, self.line_start, self.start, self.end)
        if header is not None:
            return header
        left = self.before(48)
        digit = _LAST_DIGIT.search(left)
        cut = max(digit.end() if digit else 0, max((m.end() for m in _SENTENCE_END.finditer(left)), default=0))
        return left[cut:]


_TOKEN_START = re.compile(r"\S*$")
_TOKEN_REST = re.compile(r"\S*")
_LAST_DIGIT = re.compile(r"\d(?=\D*$)")
# (the dot of "Nr.", "No.", "Rechnungsnr." abbreviates the cue's number word and ends no sentence)
_SENTENCE_END = re.compile(r"[!?;](?:\s|$)|(?<![Nn][RrOo])\.(?:\s|$)|\)")

Explainer = Callable[[Span], bool]


def _cues(*alternatives: str) -> re.Pattern[str]:
    alternation = "|".join(alternatives)
    return re.compile(first_letter_guard(alternation) + r"(?<![^\W_])" + "(?:" + alternation + ")", re.IGNORECASE)


# ---- addresses, paths and files: the value is part of something else ------------------------------------

_FILE_EXT = re.compile(r"\.[A-Za-z][A-Za-z0-9]{1,4}$")
_DOMAINISH = re.compile(r"^(?:[\w-]+\.)+[A-Za-z]{2,24}(?::\d+)?(?:/\S*)?$")


def inside_address_or_path(span: Span) -> bool:
    """Part of an e-mail address, URL, host name, file path or file name (their own recognizers decide)."""
    tok = span.token
    if "@" in tok or "://" in tok or tok.lower().startswith("www."):
        return True
    if tok.startswith(("/", "~/", "./", "../", "\\\\")) or "\\" in tok:
        return True
    letters = sum(c.isalpha() for c in tok)
    if "/" in tok and any(seg and seg.isalpha() and len(seg) > 2 for seg in tok.split("/")):
        return not _MONTH_IN_DATE.search(tok)  # "18/Jun/2025" is a date, not a path
    if letters >= 2 and _FILE_EXT.search(tok) and any(c in tok for c in "_-"):
        return True  # IMG_20240618_123456.jpg, backup-20240618.tar.gz
    return letters >= 3 and bool(_DOMAINISH.match(tok)) and not tok.replace(".", "").isdigit()


# ---- dates, times and periods -------------------------------------------------------------------------

_MONTH_NAMES = (
    r"jan|feb|mar|mrt|apr|may|mei|jun|jul|aug|sep|oct|okt|nov|dec|januari|februari|maart|april|juni|juli"
    r"|augustus|september|oktober|november|december|january|february|march|june|july|august|october"
)
_MONTH_IN_DATE = re.compile(r"(?i)\d/(?:" + _MONTH_NAMES + r")/\d")
_DMY = re.compile(r"(\d{1,2})([-./ ])(\d{1,2})\2(\d{4}|\d{2})")
_YMD = re.compile(r"(\d{4})([-./ ]?)(\d{1,2})\2(\d{1,2})")
_ISO_TIME = re.compile(r"[T ]?\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?")
_LOG_DATE = re.compile(r"(?i)\d{1,2}/(?:" + _MONTH_NAMES + r")/\d{4}(?::\d{2}){0,3}")
_TIME_RANGE = re.compile(r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s?[-–]\s?\d{1,2}[:.]\d{2}(?::\d{2})?)?")
_YEAR_RANGE = re.compile(r"(?:19|20)\d{2}(?:\s?[-–/]\s?(?:(?:19|20)\d{2}|\d{2}))+")
_HHMM = re.compile(r"[-_T]?\d{4}(?:\d{2})?")
_YEARS = re.compile(r"(?:19|20)\d{2}(?:[ ,]+(?:19|20)\d{2})+")


def _valid_date(year: int, month: int, day: int) -> bool:
    if year < 100:
        year += 2000 if year < 50 else 1900
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return 1900 <= year <= 2099


def _date_prefix_len(value: str) -> int:
    """The length of a valid calendar date at the start of ``value`` (d-m-y, m/d/y, y-m-d, yyyymmdd), or 0."""
    m = _YMD.match(value)
    if m and _valid_date(int(m[1]), int(m[3]), int(m[4])) and (m[2] or len(m[0]) == 8):
        return m.end()
    m = _DMY.match(value)
    if m and (m[2] != " " or len(m[4]) == 4):
        a, b, y = int(m[1]), int(m[3]), int(m[4])
        if _valid_date(y, b, a) or _valid_date(y, a, b):
            return m.end()
    return 0


def date_or_time(span: Span) -> bool:
    """A calendar date (with a time and zone: ISO 8601, logs), a time or time range, or a span of years."""
    value = span.value
    if _LOG_DATE.fullmatch(value) or _TIME_RANGE.fullmatch(value) or _YEAR_RANGE.fullmatch(value):
        return True
    if ":" in value and _ISO_TIME.fullmatch(value):
        return True  # a time with (micro)seconds: 07:41:12.418293
    if _YEARS.fullmatch(value):
        return True
    n = _date_prefix_len(value)
    if not n:
        return False
    rest = value[n:]
    if not rest or _ISO_TIME.fullmatch(rest):
        return True
    if n == 8 and _HHMM.fullmatch(rest):  # yyyymmddhhmm(ss), yyyymmdd-hhmm, yyyymmdd_hhmmss
        digits = rest.lstrip("-_T")
        return int(digits[:2]) < 24 and int(digits[2:4]) < 60
    return False


def date_stamped_id(span: Span) -> bool:
    """10-16 digits that start with a recent yyyymmdd: DNS SOA serials (RFC 1912), ticket and order numbers."""
    d = span.value
    if not d.isdigit() or not 10 <= len(d) <= 16 or not d.startswith("20"):
        return False
    return _valid_date(int(d[:4]), int(d[4:6]), int(d[6:8])) and int(d[:4]) <= 2039


_TIMESTAMP_CUE = _cues(r"timestamp", r"epoch", r"unix", r"ts\b", r"time", r"created", r"updated", r"expires?",
                       r"iat\b", r"exp\b", r"nbf\b", r"tijdstempel", r"datetime")


def timestamp(span: Span) -> bool:
    """A Unix time in seconds or milliseconds (2001-2039) named as a time."""
    d = span.value
    if not d.isdigit() or len(d) not in (10, 13):
        return False
    seconds = int(d) if len(d) == 10 else int(d) // 1000
    return 1_000_000_000 <= seconds <= 2_200_000_000 and bool(_TIMESTAMP_CUE.search(span.before(40)))


# ---- amounts and quantities ---------------------------------------------------------------------------

_CURRENCY_BEFORE = re.compile(r"(?i)(?:[€$£¥]|\b(?:eur|euro|usd|gbp|chf|try|pln|srd|idr|rp|fl)\.?)\s?[-–]?\s?$")
_CURRENCY_AFTER = re.compile(r"(?i)^(?:\s?(?:[€$£¥]|,-|\.-|eur\b|euro|usd\b|gbp\b|dollar|pond|pound|cent))")
_GROUPED_DECIMAL = re.compile(r"\d{1,3}(?:\.\d{3})+,\d{1,2}|\d{1,3}(?:,\d{3})+\.\d{1,2}|\d{1,3}(?:[ ']\d{3})+[.,]\d{2}")
_UNIT = re.compile(
    r"(?i)^\s?(?:bytes?|[kmgtp]i?b(?:ytes?)?|[kmgt]b?ps|bits?|ms|µs|ns|sec|seconds?|seconden|secondes|min|minutes?"
    r"|minuten|hours?|uur|px|pixels?|dpi|%|rows?|records?|regels|rijen|lines?|keer|times|x\b|bezoekers|visitors"
    r"|users|gebruikers|klanten|customers|e?-?mails?|berichten|messages|requests|verzoeken|hits|views|pageviews"
    r"|downloads|files|bestanden|inodes|queries|woorden|words|characters|chars|tekens|pages|pagina|km|kg|mah|mhz"
    r"|ghz|hz|watt|kwh|stuks|items|punten|points|credits|tokens|entries|resultaten|results|objects|objecten"
    r"|products|producten|orders|bestellingen|leden|members|subscribers|abonnees|volgers|followers|likes"
    r"|[kcm]?m[23²³]|ha|hectare|liters?|litres?|ml|gram|grams|ton|tonnes?|mm|cm|meters?|metres?)(?!\w)"
)


def amount(span: Span) -> bool:
    """A sum of money: a currency sign or code next to it, or thousands grouped with decimals."""
    if _CURRENCY_BEFORE.search(span.before(8)) or _CURRENCY_AFTER.match(span.after(8)):
        return True
    return bool(_GROUPED_DECIMAL.fullmatch(span.value))


_RATE = re.compile(
    r"(?i)^\s?(?:per|pro|par|/)\s?(?:sec(?:onde?)?|s\b|minuu?te?|min\b|uur|hour|stunde|heure|h\b|dag|day|tag|jour"
    r"|week|woche|semaine|maand|month|monat|mois|jaar|year|jahr|an\b)"
)
_MIB = 1 << 20


def quantity(span: Span) -> bool:
    """A count or size with its unit ("134217728 bytes", "12.345.678 bezoekers"), a rate ("1234567 per dag"),
    or a byte size written bare: a whole number of MiB (2**20), which an identifier is one time in a million."""
    after = span.after(16)
    if _UNIT.match(after) or _RATE.match(after):
        return True
    return span.value.isdigit() and len(span.value) <= 20 and int(span.value) % _MIB == 0


_DECIMAL = re.compile(r"-?\d{1,4}[.,]\d{4,}")


def measurement(span: Span) -> bool:
    """A decimal number with many decimals (coordinates, measurements, scores)."""
    return bool(_DECIMAL.fullmatch(span.value))


# ---- versions, network and code identifiers -----------------------------------------------------------

_VERSION_CUE = _cues(r"versi(?:e|on|ón)", r"build", r"release", r"kernel", r"firmware", r"patch", r"update",
                     r"rev(?:ision)?", r"changeset", r"commit", r"bios", r"os", r"windows", r"macos", r"ios",
                     r"android", r"php", r"python", r"node", r"java", r"mysql", r"mariadb", r"postgres(?:ql)?")
_DOTTED = re.compile(r"v?(?:\d{1,2}(?:\.\d{1,6}){2,}|\d{1,4}(?:\.\d{1,6}){3,})(?:-\d+)*")
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
# Thousands and a check digit after a dash: Chile's RUT ("17.661.296-7", "7.608.391-K"), no version without its cue
_THOUSANDS_CHECK = re.compile(r"\d{1,3}(?:\.\d{3})+-[\dKk]")
_BUILD = re.compile(r"[vV]?\d+(?:[._-]\d+)*")  # after a version cue: "build 22631.3737", "firmware V1.0.3_1.0"
_KB = re.compile(r"(?i)(?:KB|Q|SP)\d{5,8}")
# Nine or more digits dotted in groups of two or three, none a lone digit or zero: how people write a citizen or
# account number ("365.742.618.09", "12.34.56.78.90"), not a version (whose parts are "10.0", "120.0.6099.71") unless a
# version cue says so. (Four groups of up to three digits that make an IP address are explained before this.)
_GROUPED = re.compile(r"(?=(?:\D*\d){9})\d{2,3}(?:\.\d{2,3}){3,}")


def version(span: Span) -> bool:
    """A software version or build: a cue word before it, a dotted version, a KB article number."""
    value = span.value
    if _KB.fullmatch(value):
        return True
    cued = bool(_VERSION_CUE.search(span.label))
    if not cued and _THOUSANDS_CHECK.fullmatch(value):
        return False
    if _DOTTED.fullmatch(value) and not _THOUSANDS.fullmatch(value) and (cued or not _GROUPED.fullmatch(value)):
        return True
    return cued and bool(_DOTTED.fullmatch(value) or _BUILD.fullmatch(value))


_IPV4 = re.compile(r"(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?::\d{1,5}|/\d{1,2})?")


def ip_address(span: Span) -> bool:
    """An IPv4 address, maybe with a port or prefix length (IPv6 holds colons and hex: see the token)."""
    if _IPV4.fullmatch(span.value):
        return True
    near = span.text[max(0, span.start - 5) : span.end + 5]
    return "::" in near or (near.count(":") >= 3 and bool(_IPV6ISH.search(span.token)))


_IPV6ISH = re.compile(r"(?i)^[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?:/\d{1,3})?$")
_UUID = re.compile(r"(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_HEX = re.compile(r"(?i)(?:0x)?[0-9a-f]+")


def hash_or_hex(span: Span) -> bool:
    """A hash, git id, UUID or hex code (0x80070005): hex digits with letters, or the 0x prefix."""
    tok = span.token
    if _UUID.search(tok) or span.value.lower().startswith("0x"):
        return True
    core = tok.split(":")[-1].split("=")[-1]
    if not _HEX.fullmatch(core):
        return False
    letters = sum(c.isalpha() for c in core)
    if len(core) in (32, 40, 56, 64, 96, 128):
        return letters > 0
    # lower-case hex with letters spread through it: a short hash or git id (not "B48291736", a passport)
    return len(core) >= 7 and core.islower() and letters >= 2


_PID = re.compile(r"[\w/.-]\[$")
_KEY = re.compile(r"(?<![\w.-])([A-Za-z_][\w.-]*)=$")
# (also a key that names a number as such, "passport_number=", "nummer=", "dln=": an identifier, not a setting)
_PERSONAL_KEY = re.compile(
    r"(?i)bsn|ssn|sofi|pass|pin|secret|token|key|phone|tel|mobi|iban|card|account|birth|geb|num|(?:^|_)n[or](?:_|$)"
    r"|dln|licen|permis|ausweis|perso|nif|nir|secu|insz|kaart|carte"
)


def process_or_setting(span: Span) -> bool:
    """A process id in brackets ("smtpd[1234567]") or the value of a technical key ("size=98765432")."""
    left = span.before(40)
    if _PID.search(left) and span.after(1) == "]":
        return True
    m = _KEY.search(left)
    return m is not None and not _PERSONAL_KEY.search(m.group(1))


# ---- carriers' tracking codes -------------------------------------------------------------------------

_TRACKING = re.compile(
    r"3S[A-Z]{4}\d{6,11}"  # PostNL
    r"|JJD\d{10,20}|JVGL\d{8,20}|GM\d{16,20}"  # DHL parcel, DHL global mail
    r"|1Z[0-9A-Z]{16}"  # UPS
    r"|[A-Z]{2}\d{9}[A-Z]{2}"  # UPU S10 (postal services worldwide), check digit below
    r"|(?:94|93|92|95)\d{18,20}"  # USPS
)
_TRACKING_CUE = _cues(
    r"track", r"trace", r"zending", r"pakket", r"verzend", r"barcode", r"sendung", r"paket", r"suivi", r"colis",
    r"shipment", r"parcel", r"waybill", r"consignment", r"vrachtbrief", r"postnl", r"dhl", r"dpd", r"gls", r"ups",
    r"fedex", r"bpost", r"budbee", r"usps", r"royal\s+mail", r"hermes", r"chronopost", r"colissimo", r"aangetekend",
    r"registered\s+(?:mail|post|letter|parcel)",
)
# ("registered" alone is no parcel: "my registered 905-674-3793" is the registered phone number)


_S10 = re.compile(r"[A-Z]{2}\d{9}[A-Z]{2}")


def _s10_check(value: str) -> bool:
    digits = [int(c) for c in value[2:10]]
    total = sum(d * w for d, w in zip(digits, (8, 6, 4, 2, 3, 5, 9, 7), strict=True))
    check = 11 - total % 11
    check = 5 if check == 11 else 0 if check == 10 else check
    return check == int(value[10])


def shipment_or_uuid(value: str) -> bool:
    """A carrier's tracking code or a UUID by its format alone (no cue words: a secret's cue may stand near)."""
    upper = value.upper()
    if _UUID.fullmatch(value):
        return True
    return bool(_TRACKING.fullmatch(upper)) and (not _S10.fullmatch(upper) or _s10_check(upper))


def tracking_code(span: Span) -> bool:
    """A parcel's tracking code: a carrier's format (PostNL, DHL, UPS, UPU S10, USPS), or any after a cue."""
    return shipment_or_uuid(span.value) or bool(_TRACKING_CUE.search(span.label))


# ---- identifiers support keeps, after their cue words -------------------------------------------------

_KEPT_CUE = _cues(
    # nl
    r"klant", r"relatie", r"debiteur", r"factu", r"order", r"bestel", r"offerte", r"ticket", r"referentie",
    r"ref\b", r"kenmerk", r"betalingskenmerk", r"betaal\w*kenmerk", r"transactie", r"creditnota", r"dossier", r"zaak",
    r"contract",
    r"abonnement", r"artikel", r"product", r"model",
    r"seri(?:al|e(?:nummer|nr|\b)|en(?:nummer|-?nr))",  # (not "serieus")
    r"kvk", r"k\.v\.k", r"handelsregister", r"btw",
    r"ondernemingsnummer", r"kbo", r"vestigingsnummer", r"rsin", r"fout", r"error", r"poort", r"port\b", r"pid\b",
    r"proces", r"tid\b",
    r"loonheffing", r"regel\b", r"line\b", r"bon\b", r"bonnummer", r"pakbon", r"machtiging", r"mandaat", r"incassant",
    r"aanvraag", r"melding", r"storing", r"case\b", r"incident", r"request", r"verzoek",
    # en
    r"customer", r"client", r"account", r"acct", r"invoice", r"purchase", r"quot(?:e|ation)", r"reference",
    r"transaction", r"payment\s+(?:id|ref)", r"confirmation", r"booking", r"reservation", r"subscription",
    r"part\b", r"sku", r"ean", r"item", r"job", r"status", r"process", r"thread", r"row", r"record", r"ray\s+id",
    r"trace\s+id", r"message\s+id", r"workflow\s+run", r"pipeline", r"run\s+id",  # (a CI run's id)
    r"pixel", r"analytics", r"property", r"container", r"queue\s+id", r"revision",
    r"company\s+(?:number|no\b|nr\b|reg)",
    r"registration\s+number", r"coc\b", r"chamber", r"vat", r"ein\b", r"duns", r"license\s+key", r"issue",
    # de
    r"kunden", r"rechnung", r"auftrag", r"angebot", r"vertrag", r"vorgang", r"referenz", r"aktenzeichen",
    r"hrb\b", r"hra\b", r"ust", r"umsatzsteuer", r"fehler", r"mwst", r"uid\b",
    # pl, tr, it, es: company tax numbers
    r"nip\b", r"regon", r"vkn\b", r"vergi", r"partita", r"p\.\s?iva", r"cif\b",
    # fr
    r"facture", r"commande", r"devis", r"r[ée]f[ée]rence", r"contrat", r"siren", r"siret", r"rna\b", r"tva",
    # ma: the company's "identifiant commun de l'entreprise"
    r"ice\b", r"identifiant\s+commun",
)
# A personal cue closer to the value wins over a kept one ("klantnummer 12, BSN 111222333").
_PERSONAL_CUE = _cues(
    # (first: "bank" alone would end before "account"; also after a bank's name: "Zenith Bank, account", "Rabobank:
    # account")
    r"(?:\w*bank|savings|checking|current|spaar)[\s_,:]*account",
    r"bsn", r"burger", r"sofi", r"ssn", r"social", r"persoons", r"rijksregister", r"national", r"pesel", r"nik\b",
    r"kimlik", r"v-nummer", r"vreemdeling", r"paspoort", r"passport", r"pass\b", r"id-?kaart", r"identit", r"rijbewijs",
    r"licen[cs]e\b", r"driver", r"rekening", r"bank", r"iban", r"s[ée]cu", r"steuer", r"sozial", r"versicherung",
    r"nhs", r"pps", r"insurance", r"verzeker", r"polis", r"pati[eë]nt", r"tax\s+id", r"\bid\b", r"mijn\s+nummer",
    r"my\s+number", r"sort\s+code", r"rek\b", r"reknr", r"pass?-?(?:nr|nummer)\b",
    # a personal tax number named with a kept word ("Unique Taxpayer Reference", "numéro fiscal de référence"):
    # the personal cue holds the kept one and so stands as near the value
    r"(?:unique[\s_]+)?taxpayer(?:[\s_]+reference)?", r"utr\b",
    r"num[ée]ro[\s_]+fiscal(?:[\s_]+de[\s_]+r[ée]f[ée]rence)?",
    r"ausweis", r"perso\b", r"reisepass", r"f[üu]hrerschein", r"passeport", r"permis\b",
    # a bank's name before a number names an account ("ABN AMRO 68.04.84.605", "bij de Knab 0488122363")
    r"abn\b", r"amro\b", r"ing\b", r"rabo\w*", r"sns\b", r"asn\b", r"triodos", r"knab\b", r"bunq\b", r"regiobank",
    r"revolut", r"sparkasse", r"volksbank", r"commerzbank", r"barclays", r"lloyds", r"hsbc\b", r"santander", r"belfius",
    r"kbc\b", r"bnp\b", r"argenta",
)


# The words that may stand between a cue and the value it names ("klantnummer is", "order no. of my",
# "numéro de facture", "debiteurnummer bij jullie is"); any other word means the cue names something else
# ("mijn klant wil dat we 91234567 bellen").
_FILLER = frozenset(
    [
        "nummer", "nummers", "nr", "nrs", "no", "nos", "num", "number", "numbers", "numero", "numéro", "n°",
        "nº", "id", "code", "is", "was", "are", "zijn", "ist", "lautet", "est", "van", "de", "het", "een",
        "the", "a", "an", "of", "my", "mijn", "our", "ons", "onze", "uw", "je", "jouw", "your", "their", "for",
        "voor", "le", "la", "les", "du", "des", "d", "l", "die", "der", "das", "den", "dem", "ihre", "meine",
        "mein", "unsere", "votre", "notre", "mon", "ma", "and", "en", "und", "et", "or", "oder", "ou", "with",
        "met", "mit", "avec", "new", "nieuw", "nieuwe", "old", "oud", "oude", "neue", "nouveau", "nouvelle",
        "bij", "at", "chez", "bei", "op", "on", "onder", "under", "unter", "sous", "hier", "here", "this",
        "dit", "deze", "ref", "reference", "referentie", "kenmerk", "jullie", "u", "you", "us", "uns", "vous",
        "ihnen", "euch",
        # the device a serial number is of ("Serienummer van de router", "Seriennummer der FRITZ!Box")
        "router", "modem", "box", "apparaat", "device", "gerät", "geräts", "appareil", "printer", "server", "nas",
    ]
)
_WORD = re.compile(r"[n][°º]|[^\W\d_]+")  # ("n°" first: "commande n° 1002")


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    last = None
    for last in pattern.finditer(text):  # noqa: B007 (the last match is wanted)
        pass
    return last


_ID_AFTER_CUE = re.compile(r"[^\W\d_]*[\s-]*")


def _id_of(label: str, kept: re.Match[str] | None, personal: re.Match[str]) -> bool:
    """Whether the personal cue is the "id" of the kept cue before it ("payment id", "pixel ID", "order-id")."""
    if kept is None or personal.group().lower() != "id":
        return False
    return _ID_AFTER_CUE.fullmatch(label, kept.end(), personal.start()) is not None


# What joins the numbers of one list ("ordernummers 12 en 13", "invoices 1, 2 and 3", "facturen 1 t/m 9")
_LIST_JOIN = re.compile(
    r"(?i)\s*(?:[,&/+]|-|–|en|and|und|et|of|or|oder|ou|t/m|tot(?:\s+en\s+met)?|to|till|bis|à)?\s*(?:en|and|und|et)?\s*#?"
)
_PREVIOUS_VALUE = re.compile(r"[\w#./-]+$")
_MAX_LIST = 6


def _nearer(personal: re.Match[str], other: re.Match[str]) -> bool:
    """Whether the personal cue stands nearer the value than the other cue, or holds it ("bank account")."""
    return personal.end() > other.end() or (personal.end() == other.end() and personal.start() < other.start())


_VERB_TAIL = re.compile(r"(?:ed|ing|d)(?![^\W\d_])")


def kept_cue(span: Span, _listed: int = 0) -> bool:
    """A customer, invoice, order, ticket, KvK or VAT number (any identifier support keeps) after its cue word.

    The cue must name the value: only filler words stand between them, and no personal cue closer to it.
    """
    label = span.label
    if _listed < _MAX_LIST and _LIST_JOIN.fullmatch(label):
        # the next number of a list: named by the cue of the list's first number
        prev_end = span.start - len(label)
        prev = _PREVIOUS_VALUE.search(span.text, max(0, prev_end - 40), prev_end)
        prev_digits = sum(c.isdigit() for c in prev.group()) if prev is not None else 0
        if prev is not None and prev_digits and abs(prev_digits - len(span.digits)) <= 1:  # numbers of one kind
            return kept_cue(Span(span.text, prev.start(), prev_end), _listed + 1)
    kept = _last(_KEPT_CUE, label)
    if kept is not None and _VERB_TAIL.match(label, kept.end()):
        kept = None  # the cue word as a verb names no number: "as requested, ...", "ik heb besteld: ..."
    personal = _last(_PERSONAL_CUE, label)
    if personal is not None and (kept is None or _nearer(personal, kept)) and not _id_of(label, kept, personal):
        return False
    if label.endswith("#") or (label.endswith("[") and "ticket" in span.before(60).lower()):
        return True
    if kept is None:
        return False
    rest = label[kept.end() :]
    rest = rest[len(rest) - len(rest.lstrip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")) :]
    # (an all-caps word is an organisation or system named with the cue: "KvK-nummer van de VOF was")
    return all(w.lower() in _FILLER or (w.isupper() and len(w) > 1) or _KEPT_CUE.match(w) for w in _WORD.findall(rest))


EXPLAINERS: tuple[Explainer, ...] = (
    date_or_time,
    ip_address,
    inside_address_or_path,
    amount,
    quantity,
    measurement,
    version,
    hash_or_hex,
    tracking_code,
    kept_cue,
    bank_code,
    vat_number,
    book_number,
    web_property,
    standard,
    dns_record,
    reference_shape,
    date_stamped_id,
    timestamp,
    process_or_setting,
)


# Explainers that know a value by its shape or a technical context alone. A personal cue that names the value
# outranks them: "rekening ABN AMRO 68.04.84.605" is an account although dotted like a version, "bsn 2025110301"
# a citizen number although it starts like a date (issue 16: the explanation must not explain away a named value).
_SHAPE_ONLY = frozenset(
    {version, measurement, quantity, hash_or_hex, tracking_code, reference_shape, date_stamped_id, timestamp,
     process_or_setting, dns_record, book_number, web_property, standard}
)


_COMPOUND_HEAD = re.compile(r"[^\W\d_]*-([^\W\d_]+)")


def personal_cue_names(span: Span) -> bool:
    """Whether a personal cue (BSN, passport, bank, ...) is the cue nearest before the value in its label.

    No kept, tracking, version or time cue stands between them ("mijn bsn ingevuld 2025110301" is the BSN; "bsn
    ingevuld maar fout 2025110301" an error code), and the cue is not the "id" of a kept cue ("order id").
    """
    label = span.label
    personal = _last(_PERSONAL_CUE, label)
    if personal is None:
        return False
    head = _COMPOUND_HEAD.match(label, personal.end())
    if head and head.group(1).lower() not in _FILLER:
        return False  # the cue is a modifier: "bank-app", "paspoort-scanner" name something else
    kept = _last(_KEPT_CUE, label)
    if _id_of(label, kept, personal):
        return False
    others = (kept, _last(_TRACKING_CUE, label), _last(_VERSION_CUE, label), _last(_TIMESTAMP_CUE, label))
    return all(other is None or _nearer(personal, other) for other in others)


_POSSESSIVE = re.compile(r"(?i)(?<![^\W_])(?:mijn|mn|m'n|my|mein\w*|mon|ma|nummer|number|num[ée]ro)(?![^\W_])")


def bare_id_cue(span: Span) -> bool:
    """Whether the personal cue naming the value is a bare "id" that names no person's number: not after "my",
    "mijn", "nummer" ("ESMTPS id 4Wq8Hc1Xz9", a queue id), unlike "nummer van mn id is dxsh8f278"."""
    label = span.label
    personal = _last(_PERSONAL_CUE, label)
    if personal is None or personal.group().lower() != "id":
        return False
    return _POSSESSIVE.search(label, 0, personal.start()) is None


def explain_span(span: Span) -> str | None:
    """The name of the first explainer that recognises the span, or None (the number is then stripped)."""
    for explainer in EXPLAINERS:
        if explainer(span):
            if explainer in _SHAPE_ONLY and personal_cue_names(span):
                continue
            return explainer.__name__
    return None
