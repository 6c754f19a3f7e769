"""ADDRESS without a known street form: multi-line address blocks that end in a country, and the value after
an address cue.

Why this module exists: ``addresses`` and ``addresses_world`` know the street forms of the countries a Dutch
host hears from most (street types, postcode shapes). Mail from anywhere else ("07960 Aqqusinersuaq 111 /
Suite 201 / Sisimiut / Greenland 26364", "3037 ul. Północna 73 / Apt. 946 / Suwałki / Poland 11248") has
neither, but it has the shape every postal address shares (UPU S42 lays an address out as lines from the
delivery point down to the country): a short line with a house number, then short lines of unit, town and
postcode, the last one naming the country. Two rules, both independent of street vocabulary:

- a block: a line holding a number and a word, followed by at most four short lines of which the last names
  a country (any country: ``pycountry``'s English names and ``babel``'s Dutch, German and French ones), with
  no phone-like line (8+ digits) in between; the whole block is one ADDRESS;
- US military mail (PSC/CMR/Unit ... Box, a ship's name; APO/FPO/DPO AA/AE/AP and the ZIP code);
- a postcode of any shape after its cue ("ZIP: 394 13", "my zip code is 2200", "PLZ 80331");
- a cue: after "address"/"adres"/"Adresse"/"Anschrift", "lives at", "woont aan", "ship to", "deliver to" (with
  "is"/":"), the clause that follows, when it starts with a number or a capitalised word and holds a number.

A block scores just above the street recognizers, so that it wins over a street found inside it; the value
after a cue scores below every other recognizer (its end is a guess), so it only fills a gap.
"""

from __future__ import annotations

import re
from functools import lru_cache

from presidio_analyzer import EntityRecognizer, RecognizerResult

from scrubber.lexicon import load_lexicon
from scrubber.recognizers.base import SingleEntityRecognizer, lowered_for_stems, may_contain

_SCORE = 0.91
# the value after a cue is a guess at its end (a clause may run on into prose): any other recognizer's
# address, phone or name overlapping it wins, and the guess stands only where nothing else was found
_CUE_SCORE = 0.5
_LINE_PREFIX = re.compile(r"[ \t>?*\-]*")
# a delivery line: a number (house number, possibly with a letter) and a word of three letters or more
# (with a flat after a slash, "ul. Długa 12/3", as Poland, Spain and Turkey write it)
_NUMBER = re.compile(r"(?<![\w.,:/-])\d{1,6}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)?(?![\w:/]|[.,]\d)")
_WORD = re.compile(r"[^\W\d_]{3,}")
_MAX_LINE = 60
_MAX_FOLLOWING = 4
_PHONE_DIGITS = 8  # a line after the delivery line with this many digits is a phone number: the block ends
_MAX_DELIVERY_DIGITS = 10  # house number, maybe a postcode on the same line
_TIME_OR_AMOUNT = re.compile(r"\d[.:,]\d|[€$£%]")


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """Country names in English, Dutch, German and French (``Lexicon.countries``, made when the lexicon is built)."""
    return load_lexicon().countries


_COUNTRY_LINE = re.compile(r"[^\W\d_][^\d\n]*?(?=[ \t]*(?:\(|\d|$))")


def _names_country(line: str) -> bool:
    """Whether a line is a country, maybe with a postcode after it ("Poland 11248", "Cyprus (Greek) 26933")."""
    m = _COUNTRY_LINE.match(line.strip().rstrip(".,"))
    return m is not None and m.group().strip(" ,").lower() in _countries()


def _content(text: str, start: int, end: int) -> tuple[int, int]:
    """A line's span without its quote/list prefix and trailing blanks."""
    prefix = _LINE_PREFIX.match(text, start, end)
    s = prefix.end() if prefix else start
    e = end
    while e > s and text[e - 1] in " \t\r,":
        e -= 1
    return s, e


def _delivery_line(line: str) -> bool:
    return (
        0 < len(line) <= _MAX_LINE
        and _NUMBER.search(line) is not None
        and _WORD.search(line) is not None
        and "@" not in line
        and "://" not in line
        and not _TIME_OR_AMOUNT.search(line)
        and sum(c.isdigit() for c in line) <= _MAX_DELIVERY_DIGITS
        and len(line.split()) <= 8
    )


_LEAD_PROSE = frozenset(
    {
        "it's",
        "it’s",
        "its",
        "it",
        "is",
        "in",
        "at",
        "to",
        "the",
        "my",
        "our",
        "address",
        "adres",
        "lives",
        "live",
        "located",
        "send",
        "ship",
        "deliver",
        "of",
        "on",
        "op",
        "aan",
        "naar",
        "te",
    }
)


@lru_cache(maxsize=1)
def _country_first_words() -> frozenset[str]:
    return frozenset(name.split()[0].strip(",.") for name in _countries())


# the first word of every line, as ``_names_country`` would read a country there
_FIRST_WORD = re.compile(r"(?m)^[ \t>?*\-]*[ \t\r]*([^\W\d_][^\s\d(]*)")


def _may_name_a_country(text: str) -> bool:
    """A cheap necessary condition of a block: a line whose first word opens a country's name (speed-up only)."""
    first = _country_first_words()
    return any(m.group(1).strip(",.").lower() in first for m in _FIRST_WORD.finditer(text))


def _blocks(text: str) -> list[tuple[int, int]]:
    if not _may_name_a_country(text):
        return []  # speed-up only: a block ends in a line naming a country
    lines: list[tuple[int, int]] = []
    pos = 0
    for raw in text.split("\n"):
        lines.append(_content(text, pos, pos + len(raw)))
        pos += len(raw) + 1
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        s, e = lines[i]
        number = _NUMBER.search(text, s, e)
        if number is not None and _LEAD_PROSE.intersection(
            w.lower().strip(",:") for w in text[s : number.start()].split()
        ):
            s = number.start()  # "It's in 0269 Stensås terrasse 38": the address starts at its number
        if not _delivery_line(text[s:e]):
            # the delivery line may end a line of prose ("It's in 0269 Stensås terrasse 38")
            number = _NUMBER.search(text, s, e)
            if number is None or not _delivery_line(text[number.start() : e]):
                i += 1
                continue
            s = number.start()
        last = None
        for j in range(i + 1, min(len(lines), i + 1 + _MAX_FOLLOWING)):
            line = text[lines[j][0] : lines[j][1]]
            if (
                not line
                or len(line) > _MAX_LINE
                or sum(c.isdigit() for c in line) >= _PHONE_DIGITS
                or "@" in line
                or _TIME_OR_AMOUNT.search(line)
            ):
                if line:
                    break
                continue  # a blank line inside the block ("Castanhal\n\n Brazil 81581")
            if _names_country(line):
                last = j
                break
        if last is None:
            i += 1
            continue
        out.append((s, lines[last][1]))
        i = last + 1
    return out


_CUE = re.compile(
    r"(?i)(?<![\w-])(?:(?:new\s+|home\s+|postal\s+|billing\s+|shipping\s+|delivery\s+)?address|adres|woonadres"
    r"|postadres|factuuradres|afleveradres|adresse|anschrift|lives\s+(?:at|on)|woont\s+(?:aan|op)|wohnt\s+(?:in|am)"
    r"|habite\s+(?:au|à)|ship(?:ped)?\s+(?:it\s+)?to|deliver(?:ed)?\s+(?:it\s+)?to)(?![\w-])"
    r"(?:[ \t]+(?:is|was|lautet|est|ist)(?:[ \t]+(?:now|nu|jetzt|maintenant))?)?[ \t]*:?[ \t]*"
)
# every match of _CUE holds one of these (lower-cased; see ``may_contain``)
_CUE_STEMS = ("address", "adres", "anschrift", "lives", "woont", "wohnt", "habite", "ship", "deliver")
# the clause after the cue; a dot inside a token ("St.Louis") or before a unit ("utca 76. Apt. 289") goes on
_UNIT = r"(?:Apt|Apartment|Suite|Ste|Unit|Flat|Fl|Floor|Bldg|App|Appt|Bus|Box)\b"
_CLAUSE = re.compile(
    r"[^\n.!?;]*(?:\.(?:(?=\S)|[ \t]+(?="
    + _UNIT
    + r")|(?:(?<=Apt\.)|(?<=Ste\.)|(?<=App\.)|(?<=Appt\.)|(?<=No\.))[ \t]*"
    r"(?=\d))[^\n.!?;]*)*"
)
_PROSE_START = frozenset(
    {
        "my",
        "the",
        "our",
        "your",
        "this",
        "that",
        "mijn",
        "de",
        "het",
        "ons",
        "onze",
        "uw",
        "je",
        "a",
        "an",
        "een",
        "is",
        "not",
        "niet",
        "same",
        "hetzelfde",
        "below",
        "hieronder",
        "above",
    }
)


# a chat's closing word after the address ("adres is kerkstraat 4, 1234 ab dorp pls") is not part of it
_FILLER_END = re.compile(
    r"(?i)(?:[ \t,]+(?:pls|plz|please|aub|a\.u\.b\.?|graag|thanks|thx|ty|bedankt|dank\w*|svp|merci|bitte|danke"
    r"|ok|oke))+$"
)


def _after_cue(text: str, cue_end: int) -> tuple[int, int] | None:
    m = _CLAUSE.match(text, cue_end)
    if m is None:
        return None
    value = _FILLER_END.sub("", m.group().rstrip(" \t,"))
    words = value.split()
    if not words or len(value) > 120 or words[0].lower() in _PROSE_START:
        return None
    if not (words[0][0].isdigit() or words[0][0].isupper()) or _NUMBER.search(value) is None:
        return None
    if _TIME_OR_AMOUNT.search(value) or "@" in value or "://" in value:
        return None
    return cue_end, cue_end + len(value)


# US military mail (USPS Publication 28, section 225): "PSC 1234, Box 12345 / APO AE 09204", "USNS Name / FPO AP
# 96601", "Unit 2050 Box 4190 / DPO AE 09498"
_MILITARY = re.compile(
    r"(?i)(?<![\w-])(?:(?:PSC|CMR|Unit)[ \t]+\d{1,5},?[ \t]+Box[ \t]+\d{1,5}"
    r"|(?:USNS|USS|USCGC)[ \t]+[^\W\d_][\w' -]{1,40}?)"
    r"[ \t]*,?[ \t]*\n?[ \t]*(?:APO|FPO|DPO)[ \t]+(?:AA|AE|AP)[ \t]+\d{5}(?:-\d{4})?(?![\w-])"
)


# A postcode of any country after its cue ("ZIP: 394 13", "my zip code is 2200", "PLZ 80331", "code postal
# 75008", "postcode 5038 AB"): 3-10 characters with a digit, a space or dash inside (UPU's postcode formats)
_SHORT_WORDS = r"(?:is|en|in|op|of|or|to|at|te|de|an|as|on|so|we|me|ok|ik|he|it|be|do|go|no|my|by|up|us|na|om)"
_POSTCODE_CUE = re.compile(
    r"(?i)(?<![\w-])(?:zip(?:[ -]?code)?|post(?:al)?[ -]?code|postcode|plz|postleitzahl|code[ \t]+postal|cap|cep"
    r"|kod[ \t]+pocztowy|posta[ \t]+kodu)(?![\w-])(?:[ \t]+(?:is|was|ist|est|lautet))?[ \t]*[:#]?[ \t]*"
    # (not a short word before the postcode: "postcode is 6814DK" once gave the POSTCODE "is"; a Dutch postcode glued,
    # "6814DK", is six characters; round 5)
    r"(?P<v>(?!" + _SHORT_WORDS + r"(?![\w-]))(?:\d{4}(?-i:[A-Z]{2})|(?=[A-Z0-9 -]{0,9}\d)[A-Z0-9]{2,5}(?:[ -](?:"
    r"(?=[A-Z]{0,3}\d)[A-Z0-9]{2,4}|(?-i:[A-Z]{2,4})"
    # a second part in lower case only as a Dutch postcode's two letters that are no word ("30303 but")
    r"|(?!" + _SHORT_WORDS + r"(?![\w-]))(?-i:[a-z]{2})))?))(?![\w-])"
)


class AddressBlockRecognizer(SingleEntityRecognizer):
    """Address blocks ending in a country and the value after an address cue (see the module docstring)."""

    ENTITY = "ADDRESS"

    def find(self, text: str) -> list[RecognizerResult]:
        out = [RecognizerResult("ADDRESS", s, e, _SCORE) for s, e in _blocks(text)] if "\n" in text else []
        if "PO " in text.upper():  # speed-up only: every military address holds "APO "/"FPO "/"DPO "
            out.extend(RecognizerResult("ADDRESS", m.start(), m.end(), _SCORE) for m in _MILITARY.finditer(text))
        if not may_contain(lowered_for_stems(text), _CUE_STEMS):
            return out  # speed-up only: every cue holds one of the stems
        for m in _CUE.finditer(text):
            span = _after_cue(text, m.end())
            if span is not None:
                out.append(RecognizerResult("ADDRESS", span[0], span[1], _CUE_SCORE))
        return out


class PostcodeCueRecognizer(SingleEntityRecognizer):
    """A postcode of any country after its cue word (see ``_POSTCODE_CUE``)."""

    ENTITY = "POSTCODE"

    def find(self, text: str) -> list[RecognizerResult]:
        return [RecognizerResult("POSTCODE", m.start("v"), m.end("v"), 0.85) for m in _POSTCODE_CUE.finditer(text)]


def address_block_recognizers(lang: str) -> list[EntityRecognizer]:
    return [AddressBlockRecognizer(lang), PostcodeCueRecognizer(lang)]
