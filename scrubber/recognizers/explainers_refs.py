"""Explainers of numbers by a published format: standards, ISBNs, web properties, reference shapes, bank codes,
VAT numbers, DNS records.

Split off ``scrubber.recognizers.explainers`` (which lists them with the others in ``EXPLAINERS``) to keep that
module short; each is a named yes/no function of a ``Span`` like the rest.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from stdnum import isbn
from stdnum.eu import vat as eu_vat

if TYPE_CHECKING:
    from scrubber.recognizers.explainers import Span

_SEPARATORS = re.compile(r"[\s.-]")
_STANDARD = re.compile(r"(?<![\w-])(?:ISO(?:/IEC)?|IEC|NEN(?:-EN)?|EN|DIN|RFC|IEEE|BS|NF|ANSI|ETSI)[\s-]?$")


def standard(span: Span) -> bool:
    """The number of a standard after its body's name: ISO 27001:2022, NEN 7510, RFC 5322."""
    return bool(_STANDARD.search(span.before(12)))


def book_number(span: Span) -> bool:
    """An ISBN (ISO 2108): 13 digits with the 978/979 prefix, or an ISBN-10 after its cue, check digit valid."""
    compact = _SEPARATORS.sub("", span.value)
    # (the prefix or the cue first: python-stdnum's check costs some microseconds, and most numbers have neither)
    if not (compact.startswith(("978", "979")) or "isbn" in span.before(16).lower()):
        return False
    return isbn.is_valid(compact)


_WEB_PROPERTY = re.compile(r"(?:UA|YT|MO)-\d{4,10}-\d{1,4}|AW-\d{9,11}|GTM-[A-Z0-9]{4,9}|G-[A-Z0-9]{8,12}")


def web_property(span: Span) -> bool:
    """The id of a web property in an analytics or tag manager (Google's UA-/G-/GTM-/AW- formats)."""
    return bool(_WEB_PROPERTY.fullmatch(span.token))


_REFERENCE = re.compile(
    r"(?:[A-Z]{1,5}[-/]?)?(?:19|20)\d{2}[-/]\d{3,8}|[A-Z]{2,5}-\d{4,12}|(?:19|20)\d{2}[-/][A-Z]{1,5}[-/]\d{3,8}"
)


def reference_shape(span: Span) -> bool:
    """An invoice or ticket reference by its shape: a letter prefix and a serial, or a year (and a letter code) and a
    serial."""
    return bool(_REFERENCE.fullmatch(span.value))


# A bank's own code names the bank, not its customer: the German BLZ (8 digits), the US routing (ABA) number
# (9 digits, its weights 3-7-1 sum to a multiple of 10), the Canadian transit number (5+3), right after its cue.
_BANK_CODE_CUE = re.compile(
    r"(?i)(?<![^\W_])(?:blz|bankleitzahl|routing|aba|transit|rtn)(?:[\s.:#-]*(?:number|no|nr|nummer|code))?"
    r"[\s.:#-]*$"
)


def _aba_check(digits: str) -> bool:
    return len(digits) == 9 and sum(int(d) * w for d, w in zip(digits, (3, 7, 1) * 3, strict=True)) % 10 == 0


def bank_code(span: Span) -> bool:
    """A bank code right after its cue word: BLZ, routing/ABA (with its check), transit number."""
    if _BANK_CODE_CUE.search(span.before(30)) is None:
        return False
    digits = span.digits
    return len(digits) == 8 or _aba_check(digits)


_CELL_SEPARATORS = (";", "\t", "|", ",")
_CELL_QUOTES = "\"'"


def column_header(text: str, line_start: int, start: int, end: int) -> str | None:
    """The header cell of the value's column when the value is a whole cell of a pasted table, else None.

    In "Naam;BSN;Datum / klant;195096976;..." the cue of a cell is its column's header, not the cell before
    it ("klant" names no number there). Only a header line holding the same separator as often counts (the
    nearest line above in the same block); without one the cell before names the value as in prose.
    """
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    # (a spreadsheet's export quotes its cells: "Jan";"195096976")
    lead = start - 1 if text[start - 1 : start] in _CELL_QUOTES and start - 1 > line_start else start
    tail = end + 1 if text[end : end + 1] in _CELL_QUOTES else end
    for sep in _CELL_SEPARATORS:
        count = line.count(sep)
        if count < 1 or (text[lead - 1 : lead] != sep and lead != line_start):
            continue
        if tail < len(text) and text[tail : tail + 1] not in (sep, "\n", "\r", ""):
            return None
        if line_start == 0:
            return None
        head_end = line_start - 1
        head_start = text.rfind("\n", 0, head_end) + 1
        header = text[head_start:head_end].rstrip("\r")
        if header.count(sep) != count or not header.strip():
            return None
        index = text[line_start:start].count(sep)
        return header.split(sep)[index].strip() + " "
    return None


_VAT_PREFIX = re.compile(r"(?i)(?<![\w])([a-z]{2})[ .]?(\d{0,3})[ .]?$")


def vat_number(span: Span) -> bool:
    """An EU VAT number (stdnum.eu.vat: country prefix and national check), in any case and spacing."""
    compact = _SEPARATORS.sub("", span.value).upper()
    if compact[:2].isalpha():
        return bool(eu_vat.is_valid(compact))
    m = _VAT_PREFIX.search(span.before(8))
    return m is not None and bool(eu_vat.is_valid((m[1] + m[2]).upper() + compact))


_RECORD_REACH = 200  # a zone-file line is short; reading no further keeps a long line from costing n² time
_RESOURCE_RECORD = re.compile(r"\bIN\s+(?:SOA|A|AAAA|MX|TXT|CNAME|NS|SRV|CAA|PTR|DS|DNSKEY|TLSA)\b")


# an SOA field written on a line of its own inside the record's brackets, named by its comment ("1209600 ; expire")
_SOA_FIELD_COMMENT = re.compile(r"(?i)[ \t)]*;[ \t]*(?:serial|refresh|retry|expire|expiry|minimum|min(?:imum)?[ \t]*ttl"
                                r"|negative(?:[ \t]*cache)?[ \t]*ttl|ttl)\b")


# an SOA record's data as "dig +short" prints it: primary name server and mailbox (both ending in "."), then serial,
# refresh, retry, expire and minimum ("ns1.host.nl. hostmaster.host.nl. 2024060305 3600 900 1209600 300")
_SOA_RDATA = re.compile(r"[\w.-]+\.\s+[\w.-]+\.\s+\d{1,10}(?:\s+\d{1,10}){4}")


def dns_record(span: Span) -> bool:
    """A field of a DNS resource record in zone-file notation (RFC 1035 section 5): TTLs, SOA timers, weights."""
    before, after = span.before(_RECORD_REACH), span.after(_RECORD_REACH)
    # (every _RESOURCE_RECORD match holds "IN", which the " " joining the two sides cannot make: no search without it)
    return bool((("IN" in before or "IN" in after) and _RESOURCE_RECORD.search(before + " " + after))
                or _SOA_FIELD_COMMENT.match(span.after(40))
                or _soa_rdata(span))


def _soa_rdata(span: Span) -> bool:
    """The value's line is an SOA answer of "dig +short" (the whole line, so that one match decides)."""
    before = span.before(_RECORD_REACH)
    if ". " not in before:
        return False  # (cheap: both names end in a dot before a space, ahead of any field)
    line = before + span.value + span.after(_RECORD_REACH)
    return _SOA_RDATA.fullmatch(line.strip()) is not None
