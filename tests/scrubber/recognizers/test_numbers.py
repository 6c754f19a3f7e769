"""NUMBER, deny by default: 7+ digits that nothing explains are stripped; the explainers name what is kept.

The values follow the formats' own specifications (ISO 8601, RFC 4122 UUIDs, UPU S10 and carrier
tracking numbers, IPv4, semantic versions, DNS SOA serials per RFC 1912), not any corpus.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest

from scrubber.engine import Scrubber
from scrubber.recognizers import explainers, numbers

Check = Callable[[str, str], None]

# (message, value): nothing explains the value, so it is stripped (as NUMBER or a more specific type)
STRIPPED = [
    # "registered" alone names no parcel (issue 16: a phone number was kept as a tracking code)
    ("no message on my registered 905-674-3793. Could you look?", "905-674-3793"),
    ("ordernummer 5512345 en mijn nummer 48213775", "48213775"),  # not a list: a cue of its own
    ("ordernummer 55123 en 0612345678", "0612345678"),  # not a list: numbers of another kind
    ("Mijn nummer is 48213775, kunt u dat aanpassen?", "48213775"),  # the policy's own examples
    ("het nummer op de kaart is 730-5512094-18", "730-5512094-18"),
    ("Mijn V-nummer is 4192837465", "4192837465"),  # Dutch alien number: 10 digits, no checksum
    ("Nomor NIK saya 3174012505850007 ya", "3174012505850007"),  # Indonesian NIK: 16 digits
    ("oud postgironummer 6026543 nog actief?", "6026543"),
    ("my member id at the gym is 88 1234 5678", "88 1234 5678"),
    ("mijn nummer bij de gemeente: X1234567B", "X1234567B"),  # letters mixed in
    # a bank's or issuer's code of four or more letters before nine or more digits explains nothing: the digits alone
    # single a person out (account numbers written by others, issue 16)
    ("zet het op KNAB0417164300 aub", "KNAB0417164300"),
    ("ACCNUM: PUNJABNRA7890123456", "PUNJABNRA7890123456"),
    ("het staat op 12345678 bij de politie", "12345678"),
    # a kept cue word earlier in the sentence does not explain a number it does not name
    ("Mijn klant wil dat we 91234567 bellen, dat is zijn nummer.", "91234567"),
    ("The order arrived, but my reference from the tax office is 77120934", "77120934"),
]

# (message, value): explained as kept or harmless, so nothing stripped overlaps it
UNTOUCHED = [
    # a list after one kept cue: every number of it is named by the cue (issue 16)
    ("de ordernummers 5512345 en 5512346 zijn kwijt", "5512346"),
    ("invoices 20250001, 20250002 and 20250003 are paid", "20250003"),
    ("facturen 20250001 t/m 20250009 graag opnieuw", "20250009"),
    ("commande n° 100234567 livrée", "100234567"),
    # dates and times (ISO 8601, numeric d-m-y, log formats)
    ("Op 2025-06-18 om 14:32 ging het mis", "2025-06-18"),
    ("[2025-06-18T07:41:12.418293+00:00] main.CRITICAL", "2025-06-18T07:41:12.418293+00:00"),
    ('45.148.10.95 - - [18/Jun/2025:02:11:48 +0200] "GET /', "18/Jun/2025:02:11:48"),
    ("de backup van 20250618 is weg", "20250618"),
    ("geldig tot 31.12.2025", "31.12.2025"),
    ("open van 09:00-17:30 op werkdagen", "09:00-17:30"),
    ("klant in 2019-2024, daarna opgezegd", "2019-2024"),
    # amounts and quantities
    ("Het kost € 1.250.000,00 per jaar?", "1.250.000,00"),
    ("total due: $1,234,567.89", "1,234,567.89"),
    ("Allowed memory size of 134217728 bytes exhausted", "134217728"),
    ("we hebben 12.345.678 bezoekers per maand", "12.345.678"),
    ("de tabel heeft 3145728 rows", "3145728"),
    ("de logtabel groeit met 1234567 per dag", "1234567"),  # a rate
    ("upload_max staat op 134217728 nu", "134217728"),  # a byte size: a whole number of MiB (2**20)
    ("ISBN 978-90-274-3901-7 van de handleiding", "978-90-274-3901-7"),  # ISBN-13 (ISO 2108)
    ("Mollie payment id 1234567890 failed", "1234567890"),  # a kept cue that holds a personal one
    # versions, IPs, ports
    ("Windows 10.0.19045.3803 geeft een fout", "10.0.19045.3803"),
    ("linux kernel 5.15.0-1012-azure", "5.15.0-1012-azure"),
    ("Foutcode bij installatie, build 22631.3737", "22631.3737"),  # a version cue, any dotted build
    ("De router heeft firmware V1.0.3.44_1.0.19 nu", "V1.0.3.44_1.0.19"),
    ("[Tue Jun 18 07:41:12.418293 2025] [php:error]", "07:41:12.418293"),  # a time with microseconds
    ("[pid 1234567:tid 139872345678912] PHP Fatal error", "139872345678912"),  # a thread id
    # the fields of a DNS resource record (RFC 1035 section 3.3.13: serial, refresh, retry, expire, minimum)
    ("example.nl. 3600 IN SOA ns1.example.nl. hostmaster.example.nl. 2025061801 7200 3600 1209600 3600", "1209600"),
    ("example.nl. 3600 IN SOA ns1.example.nl. hostmaster.example.nl. 2025061801 7200 3600 1209600 3600", "7200 3600"),
    ("we zijn gecertificeerd volgens ISO 27001:2022 sinds dit jaar", "27001:2022"),  # a standard's number
    ("de kavel is 4500000 cm2 groot", "4500000"),  # an area with its unit
    ("ons loonheffingennummer 001234567L01 staat erop", "001234567L01"),  # the employer's payroll tax number
    ("We restored snapshot 20250618-0300 last night", "20250618-0300"),  # yyyymmdd-hhmm
    ("Our Google Analytics ID is UA-12345678-1 on every page", "UA-12345678-1"),  # a web property's id
    ("My Facebook pixel id 123456789012345 stopped tracking", "123456789012345"),  # "id" after a kept cue
    ("server 192.168.100.200 reageert niet", "192.168.100.200"),
    ("ssh naar 185.94.233.19:2222 lukt niet", "185.94.233.19:2222"),
    # hashes, UUIDs, hex error codes
    ("commit 3f2a9c1d4e5b6a7c8d9e0f1a2b3c4d5e6f7a8b9c is live", "3f2a9c1d4e5b6a7c8d9e0f1a2b3c4d5e6f7a8b9c"),
    ("sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "9f86d081884c7d659a2feaa0c55ad015"),
    ("request id 550e8400-e29b-41d4-a716-446655440000 failed", "550e8400-e29b-41d4-a716-446655440000"),
    ("Ray ID 8a4f2c91e7b3d046 from Cloudflare", "8a4f2c91e7b3d046"),
    ("Windows update error 0x80070005", "0x80070005"),
    # carriers' tracking codes
    ("PostNL track & trace 3SABCD1234567 staat stil", "3SABCD1234567"),
    ("UPS 1Z999AA10123456784 delivered", "1Z999AA10123456784"),
    ("registered mail RR123456785NL", "RR123456785NL"),
    ("DHL zending JJD000390007882865311", "JJD000390007882865311"),
    ("verzendnummer 05222233345678 van DPD", "05222233345678"),
    ("sent by registered mail 12345678901 on Monday", "12345678901"),
    # kept identifiers after their cue words, and the operator's ticket formats
    ("klantnummer 12345678 graag", "12345678"),
    ("factuurnummer 202400123 is al betaald", "202400123"),
    ("ordernummer: 1002003004", "1002003004"),
    ("Re: [Ticket 2025060310000218] Tenaamstelling", "2025060310000218"),
    ("ticket #12345678 is nog open", "12345678"),
    ("KvK 17272632", "17272632"),
    ("btw NL821792234B01", "NL821792234B01"),
    ("ondernemingsnummer 0403.170.701", "0403.170.701"),
    # DNS serials, unix timestamps, process ids, technical key=value pairs
    ("de SOA serial is 2025061801 maar hoort 2025061802", "2025061801"),
    ("timestamp 1718616000 in de log", "1718616000"),
    ("postfix/smtpd[1234567]: connect from unknown", "1234567"),
    ("inode=12345678 size=98765432", "98765432"),
    # measurements with decimals
    ("locatie 52.0907374, 5.1214209", "52.0907374"),
]


@pytest.mark.parametrize(("text", "value"), STRIPPED)
def test_unexplained_numbers_are_stripped(assert_stripped: Check, text: str, value: str) -> None:
    assert_stripped(text, value)


@pytest.mark.parametrize(("text", "value"), UNTOUCHED)
def test_explained_numbers_are_left(assert_untouched: Check, text: str, value: str) -> None:
    assert_untouched(text, value)


def test_an_unexplained_number_is_typed_number_with_its_recognizer(scrubber: Scrubber) -> None:
    text = "Mijn nummer is 48213775."
    (entity,) = [e for e in scrubber.analyze(text).entities if text[e.start : e.end] == "48213775"]
    assert (entity.type, entity.action, entity.recognizer) == ("NUMBER", "redact", "NumberRecognizer")


def test_six_digits_are_below_the_threshold(scrubber: Scrubber) -> None:
    assert not [e for e in scrubber.analyze("code 482137 graag").entities if e.type == "NUMBER"]


def test_a_checksummed_id_keeps_its_type(scrubber: Scrubber) -> None:
    text = "zie 111222333 en 36574261809"
    types = {text[e.start : e.end]: e.type for e in scrubber.analyze(text).entities}
    assert types == {"111222333": "NATIONAL_ID", "36574261809": "NATIONAL_ID"}


def test_explanations_are_named() -> None:
    def why(text: str, value: str) -> str | None:
        start = text.index(value)
        return numbers.explain(text, start, start + len(value))

    assert why("Op 2025-06-18 ging het mis", "2025-06-18") == "date_or_time"
    assert why("kost € 1.250.000,00", "1.250.000,00") == "amount"
    assert why("PostNL 3SABCD1234567", "3SABCD1234567") == "tracking_code"
    assert why("klantnummer 12345678", "12345678") == "kept_cue"
    assert why("Mijn nummer is 48213775", "48213775") is None


def test_nl_vat_number_holding_the_bsn_given_in_the_message_is_a_national_id(scrubber: Scrubber) -> None:
    text = "Mijn BSN is 111222333 en mijn btw-nummer NL111222333B01 (eenmanszaak van voor 2020)."
    types = [(text[e.start : e.end], e.type, e.action) for e in scrubber.analyze(text).entities]
    assert ("NL111222333B01", "NATIONAL_ID", "redact") in types


def test_nl_vat_number_of_a_company_is_kept(scrubber: Scrubber) -> None:
    text = "Factuur op naam van Jansen B.V., btw-nummer NL821792234B01."
    types = [(text[e.start : e.end], e.type, e.action) for e in scrubber.analyze(text).entities]
    assert ("NL821792234B01", "VAT_NUMBER", "keep") in types


def test_operator_patterns_still_win() -> None:
    from scrubber import ScrubberConfig
    from scrubber.config import CustomPattern

    config = ScrubberConfig(
        custom_patterns=(CustomPattern(type="CUSTOMER_NUMBER", regex=r"\bDC\d{8}\b"),),
        placeholder_key="k",  # type: ignore[arg-type]
    )
    s = Scrubber(config)
    text = "mijn nummer DC12345678 doet het niet"
    assert [(text[e.start : e.end], e.type, e.action) for e in s.analyze(text).entities] == [
        ("DC12345678", "CUSTOMER_NUMBER", "keep")
    ]


def test_a_values_token_is_found_as_the_plain_search_finds_it() -> None:
    # Span.token starts its search for the token's start at the last whitespace before the value (a speed-up);
    # the plain form searches the whole 300 characters before it. Every kind of whitespace, and a newline right
    # before the value (where "$" also matches), must give the same token.
    rng = random.Random(16)
    pieces = ("1234567", "ab", "x", "@", "/", "(", "'", ".", "é", "\u00e9")
    spaces = (" ", "\t", "\n", "\r\n", "\x0b", "\x0c", "\x1c", "\x85", "\xa0", "\u2028", "\u3000", "")
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(spaces) for _ in range(rng.randint(1, 160)))
        for start in {rng.randrange(len(text) + 1) for _ in range(4)}:
            end = min(len(text), start + rng.randint(0, 8))
            span = explainers.Span(text, start, end)
            left = re.compile(r"\S*$").search(text, max(0, start - 300), start)
            right = re.compile(r"\S*").match(text, end)
            plain = text[left.start() if left else start : right.end() if right else end]
            assert span.token == plain.strip("()[]{}<>\"'`,;").rstrip(".:!?"), (text, start)


# A pasted table: a cell's cue is its column's header, not the cell before it (issue 16).
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Naam;BSN;Geboortedatum\nklant;195096976;01-01-1980", "195096976"),
        ("Naam;Documentnummer\nklant;200909257", "200909257"),
        ("naam|sofinummer|opmerking\nklant|48213775|ok", "48213775"),
    ],
)
def test_a_table_cell_is_named_by_its_column_header(assert_stripped: Check, text: str, value: str) -> None:
    assert_stripped(text, value)


def test_a_table_column_of_customer_numbers_is_left(assert_untouched: Check) -> None:
    assert_untouched("Naam;Klantnummer;Plaats\nPiet;104233;Tilburg", "104233")
