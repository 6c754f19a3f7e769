"""E-mail addresses and phone numbers (EMAIL_ADDRESS, PHONE_NUMBER).

Phone numbers are validated with Google's libphonenumber port (``phonenumbers``): with a ``+``/``00``
prefix any country's plan; in national format the plans of the regions a Dutch host hears from that dial
with a trunk ``0`` (NL, BE, DE, GB, FR, TR, MA, ID, AT, CH), and the North American plan for
numbers written as ``(415) 555-2671`` or ``415-555-2671``. Running ``PhoneNumberMatcher`` over a whole
message for many regions is slow, so a linear pre-filter finds phone-shaped runs and the matcher runs on
each short run only. An extension written after the number ("ext. 204", "x 221", "toestel 214",
"Durchwahl 12", "poste 3") belongs to it. A number after a tracking or order cue is not a phone number
(see ``scrubber.recognizers.explainers``). Numbers spelled out in words are in ``scrubber.recognizers.spelled``.
"""

from __future__ import annotations

import functools
import re

import phonenumbers
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from scrubber.recognizers import explainers
from scrubber.recognizers.base import Rule, RuleRecognizer, SingleEntityRecognizer, words
from scrubber.recognizers.explainers_refs import bank_code

# RFC 5322 dot-atom local part (the practical subset: no "=" so "USER=a@b.nl" yields the address) and a DNS host name.
_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])"
)

# A "+", "00", "0" or "(0" prefix, not after a word character or "+/.,:-" (a "+" also after a comma: a CSV
# cell), then digits and separators (an en dash too: "0591 – 37 12 04", as a word processor writes a hyphen).
# Written with the look-behind after the first character (which it then also covers), and the
# alternatives split by that character in their original order, so that ``re`` skips ahead to a "+",
# "0" or "(" instead of trying the look-behind at every position; the plain form is in
# tests/scrubber/recognizers/test_contact.py, which checks that both find the same matches.
_PHONE_END = r"\d(?![\w]|[.,/-]\d)"
_PHONE_CANDIDATE = re.compile(
    r"[+0(](?<![\w+/.,:-][0(])(?<![\w+/.:-]\+)(?:"
    r"(?<=\+)\d[\d \-–./()]{5,22}" + _PHONE_END
    + r"|(?<=0)0\d[\d \-–./()]{5,22}" + _PHONE_END
    + r"|(?<=\()0\d[\d \-–./()]{6,18}" + _PHONE_END
    + r"|(?<=0)\d[\d \-–./()]{6,18}" + _PHONE_END
    + r")"
)
# National formats with a trunk 0 of the regions Dutch hosts hear from most; any other region's number is
# found in international format (+/00), and a long number of any kind is stripped as NUMBER anyway.
_REGIONS = ("NL", "BE", "GB", "DE", "FR", "TR", "MA", "ID", "AT", "CH")
_FIRST_REGIONS = 5  # NL, BE, GB, DE, FR: tried with the matcher; the others only when the number is valid there
_LENIENCY = phonenumbers.Leniency.VALID
# North American numbers in their usual national notation: (NPA) NXX-XXXX, NPA-NXX-XXXX, NPA.NXX.XXXX
# (written like _PHONE_CANDIDATE: its first character, then the look-behind; the plain form
#   (?<![\w+/.,:-])(?:\([2-9]\d{2}\)\s?|[2-9]\d{2}[-. ])[2-9]\d{2}[-. ]\d{4}(?![\w]|[.,/-]\d)
# is in tests/scrubber/test_scan_forms.py, which checks that both find the same matches)
_NANP = re.compile(
    r"[(2-9](?<![\w+/.,:-][(2-9])(?:(?<=\()[2-9]\d{2}\)\s?|(?<=[2-9])\d{2}[-. ])[2-9]\d{2}[-. ]\d{4}(?![\w]|[.,/-]\d)"
)
_EXTENSION = re.compile(
    r"(?i)\s*,?\s*(?:ext\.?|extension|x|toestel|tst\.?|tel\.?\s*toestel|doorkiesnummer|doorkies|poste|durchwahl|dw"
    r"|app\.?)\s*:?\s*\d{1,5}(?![\w]|[.,/-]\d)"
)
# A country code in brackets without "+" ("(597) 852 1190", "(32) 2 555 12 12"), as numbers are written abroad, and an
# international number broken over two lines after its first groups ("+31 6\n4417 2290"): each stands only when
# the whole is a valid number in the international plan (issue 16).
_BRACKETED_CC = re.compile(r"(?<![\w(])\((?P<cc>[1-9]\d{0,2})\)[ \t]?\d[\d \-.]{4,16}" + _PHONE_END)
_SPLIT_INTERNATIONAL = re.compile(r"(?<![\w+])\+\d(?:[\d \-]{0,8}\d)?[ \t]*\n[ \t]*\d[\d \-]{3,14}" + _PHONE_END)
_PHONE_CUE = words(r"tel\w*", r"phone", r"mobi\w*", r"gsm", r"bel\w*", r"call", r"whats\s?app", r"fax", r"handy",
                   r"t[ée]l[ée]phone", r"portable", r"nummer", r"number", r"direct", r"line")


def _possible(candidate: str) -> bool:
    for region in ("GB", "NL"):
        try:
            if phonenumbers.is_possible_number(phonenumbers.parse(candidate, region)):
                return True
        except phonenumbers.NumberParseException:
            continue
    return False


class PhonePlanRecognizer(SingleEntityRecognizer):
    """Phone numbers valid in their region's plan (see the module docstring), with their extension."""

    ENTITY = "PHONE_NUMBER"

    def find(self, text: str) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        for m in _PHONE_CANDIDATE.finditer(text):
            for s, e, score in plan_matches(m.group()):
                self._add(text, m.start() + s, m.start() + e, score, results)
        if "-" in text or "(" in text or "." in text or " " in text:
            for m in _NANP.finditer(text):
                if _valid_in(m.group(), "US"):
                    self._add(text, m.start(), m.end(), 0.75, results)
        if "(" in text:
            for m in _BRACKETED_CC.finditer(text):
                if _valid_international(m.group()):
                    self._add(text, m.start(), m.end(), 0.7, results)
        if "+" in text and "\n" in text:
            for m in _SPLIT_INTERNATIONAL.finditer(text):
                if _valid_international(m.group()):
                    self._add(text, m.start(), m.end(), 0.8, results)
        return results

    @staticmethod
    def _add(text: str, start: int, end: int, score: float, results: list[RecognizerResult]) -> None:
        span = explainers.Span(text, start, end)
        if explainers.tracking_code(span) or (explainers.kept_cue(span) and not _PHONE_CUE.search(span.label)):
            return  # a tracking, order or customer number after its cue word
        if bank_code(span):
            return  # a bank's own code after its cue ("routing 021000021": ABA's check): the bank's, no phone
        if text[start] == "(" and ")" not in text[start:end]:
            start += 1  # "(0118 58 11 92)": the bracket encloses the number, it opens no area code
        ext = _EXTENSION.match(text, end)
        if ext:
            end = ext.end()
        results.append(RecognizerResult("PHONE_NUMBER", start, end, score))


@functools.lru_cache(maxsize=4096)
def plan_matches(cand: str) -> tuple[tuple[int, int, float], ...]:
    """(start, end, score) inside one phone-shaped candidate of the numbers valid (or possible) in the plans.

    A function of the candidate alone, so its results are cached: the matcher runs for up to five regions
    (about 0.1 ms each) on every candidate that is no number there (a bank account's digits, an order
    number), and the same numbers come back in a mail's signature, quoted replies and subject, in message
    after message. ``lru_cache`` is thread-safe; a race computes an entry twice, with the same result.
    """
    international = cand[0] == "+" or cand.startswith("00")
    digits = sum(c.isdigit() for c in cand)
    if digits < (8 if international else 9):
        return ()  # shorter than any national number of these regions (dates, short codes)
    for i, region in enumerate(_REGIONS[:1] if international else _REGIONS):
        if i >= _FIRST_REGIONS and not _valid_in(cand, region):
            continue  # a cheap test first: the matcher is slow, and most candidates are no number there
        spans = tuple(
            (pm.start, pm.end, 0.8) for pm in phonenumbers.PhoneNumberMatcher(cand, region, leniency=_LENIENCY)
        )
        if spans:
            return spans
    significant = digits - (2 if cand.startswith("00") else 0)
    if 10 <= significant <= 13 and _possible(cand):
        # Numbers in ranges reserved for fiction (Ofcom's 07700 900xxx, 020 7946 0xxx) are not
        # "valid" but are still written as phone numbers; accept a possible number, lower score.
        return ((0, len(cand), 0.6),)
    return ()


def _valid_international(written: str) -> bool:
    """Whether the digits of ``written``, read with a "+" before them, are a valid number of some country."""
    return _valid_in("+" + "".join(c for c in written if c.isdigit()), "ZZ")


def _valid_in(candidate: str, region: str) -> bool:
    try:
        number = phonenumbers.parse(candidate, region)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(number))


class EmailAddressRuleRecognizer(RuleRecognizer):
    """E-mail addresses, except the ``user:password@host`` of a URL (a credential, see secrets).

    (Not named ``EmailRecognizer``: Presidio finds its predefined recognizers by class name among all
    subclasses of ``EntityRecognizer``, and would build this one for its own defaults.)
    """

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        found = super().analyze(text, entities, nlp_artifacts)
        if "://" not in text:
            return found
        kept = []
        for r in found:
            left = text[max(0, r.start - 200) : r.start]
            token_start = max(left.rfind(" "), left.rfind("\n"), left.rfind("\t"))
            if "://" not in left[token_start + 1 :]:
                kept.append(r)
        return kept


# an address has no spaces and one "@" (speed-up hint, see ``Rule.hint``)
RULES = (Rule("EMAIL_ADDRESS", _EMAIL, score=1.0, hint=re.compile("@")),)


def contact_recognizers(lang: str) -> list[EntityRecognizer]:
    return [PhonePlanRecognizer(lang), EmailAddressRuleRecognizer("EmailAddressRecognizer", RULES, lang)]
