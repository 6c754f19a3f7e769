"""E-mail addresses and phone numbers (EMAIL_ADDRESS, PHONE_NUMBER).

Phone numbers are validated with Google's libphonenumber port (``phonenumbers``) against the number
plans of NL, BE, DE, GB and FR and, with a ``+``/``00`` prefix, any country. Running
``PhoneNumberMatcher`` over a whole message for five regions is slow, so a linear pre-filter finds
phone-shaped runs (a ``+``/``00`` prefix or a national trunk ``0``: all five regions dial nationally
with a leading 0) and the matcher runs on each short run only.
"""

from __future__ import annotations

import re

import phonenumbers
from presidio_analyzer import EntityRecognizer, RecognizerResult

from scrubber.recognizers.base import Rule, RuleRecognizer, SingleEntityRecognizer

# RFC 5322 dot-atom local part (the practical subset: no "=" so "USER=a@b.nl" yields the address) and a DNS host name.
_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])"
)

# A "+", "00", "0" or "(0" prefix, not after a word character or "+/.,:-", then digits and separators.
# Written with the look-behind after the first character (which it then also covers), and the
# alternatives split by that character in their original order, so that ``re`` skips ahead to a "+",
# "0" or "(" instead of trying the look-behind at every position; the plain form is in
# tests/scrubber/recognizers/test_contact.py, which checks that both find the same matches.
_PHONE_END = r"\d(?![\w]|[.,/-]\d)"
_PHONE_CANDIDATE = re.compile(
    r"[+0(](?<![\w+/.,:-][+0(])(?:"
    r"(?<=\+)\d[\d \-./()]{5,22}" + _PHONE_END
    + r"|(?<=0)0\d[\d \-./()]{5,22}" + _PHONE_END
    + r"|(?<=\()0\d[\d \-./()]{6,18}" + _PHONE_END
    + r"|(?<=0)\d[\d \-./()]{6,18}" + _PHONE_END
    + r")"
)
_REGIONS = ("NL", "BE", "GB", "DE", "FR")
_LENIENCY = phonenumbers.Leniency.VALID


def _possible(candidate: str) -> bool:
    for region in ("GB", "NL"):
        try:
            if phonenumbers.is_possible_number(phonenumbers.parse(candidate, region)):
                return True
        except phonenumbers.NumberParseException:
            continue
    return False


class PhonePlanRecognizer(SingleEntityRecognizer):
    """Valid phone numbers of NL/BE/GB/DE/FR and international numbers."""

    ENTITY = "PHONE_NUMBER"

    def find(self, text: str) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        for m in _PHONE_CANDIDATE.finditer(text):
            cand = m.group()
            international = cand[0] == "+" or cand.startswith("00")
            if sum(c.isdigit() for c in cand) < (8 if international else 9):
                continue  # shorter than any national number of these regions (dates, short codes)
            found = False
            for region in _REGIONS[:1] if international else _REGIONS:
                spans = [
                    (pm.start, pm.end) for pm in phonenumbers.PhoneNumberMatcher(cand, region, leniency=_LENIENCY)
                ]
                if spans:
                    for s, e in spans:
                        results.append(RecognizerResult("PHONE_NUMBER", m.start() + s, m.start() + e, 0.8))
                    found = True
                    break
            if not found and 10 <= sum(c.isdigit() for c in cand) <= 13 and _possible(cand):
                # Numbers in ranges reserved for fiction (Ofcom's 07700 900xxx, 020 7946 0xxx) are not
                # "valid" but are still written as phone numbers; accept a possible number, lower score.
                results.append(RecognizerResult("PHONE_NUMBER", m.start(), m.end(), 0.6))
        return results


# an address has no spaces and one "@" (speed-up hint, see ``Rule.hint``)
RULES = (Rule("EMAIL_ADDRESS", _EMAIL, score=1.0, hint=re.compile("@")),)


def contact_recognizers(lang: str) -> list[EntityRecognizer]:
    return [PhonePlanRecognizer(lang), RuleRecognizer("EmailAddressRecognizer", RULES, lang)]
