"""Dates of birth (DATE_OF_BIRTH): a date is personal data here only when it is given as a birth date.

Any date shape (numeric d-m-y, ISO 8601 y-m-d, day + Dutch or English month name, with or without year)
counts when a birth cue stands on the same line shortly before it ("geboren op", "geb.", "DOB",
"date of birth", "born on", "turns 40 on") or right after it ("op 4 mei geboren").
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer

from scrubber.recognizers.base import Rule, RuleRecognizer, words

_MONTHS = (
    r"jan(?:uari|uary)?|feb(?:ruari|ruary)?|maart|mrt|march|mar|apr(?:il)?|mei|may|jun[ei]?|jul[iy]?"
    r"|aug(?:ustus|ust)?|sep(?:t(?:ember)?)?|okt(?:ober)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE = re.compile(
    r"(?<![\w/.-])(?:"
    r"(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:19|20)?\d{2}"
    r"|(?:19|20)\d{2}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])"
    r"|(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th|e)?\s+(?i:" + _MONTHS + r")\.?(?:,?\s+(?:19|20)\d{2})?"
    r"|(?i:" + _MONTHS + r")\.?\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d{2})?"
    r")(?![\w/]|[-.]\d)"
)
_BIRTH_CONTEXT = words(
    r"geb(?:oren|\.|oortedatum|\.\s*datum|datum)",
    r"dob\b",
    r"d\.o\.b",
    r"date\s+of\s+birth",
    r"birth\s*date",
    r"birthday",
    r"born",
    r"verjaardag",
    r"jarig",
    r"turns?\s+\d{1,3}",
    r"wordt\s+\d{1,3}",
    r"n[ée]e?\s+le",
)
# Every _BIRTH_CONTEXT match holds one of these stems or is the French "née le" (see ``Rule.context_stems``;
# the hint spells out the case-insensitive match of n[ée]e?\s+le: these letters have no other case forms).
_BIRTH_STEMS = ("geb", "dob", "d.o.b", "date", "birth", "born", "verjaardag", "jarig", "turn", "wordt")
_BIRTH_HINT = re.compile(r"[nN][éÉeE][eE]?\s+[lL][eE]")

RULES = (
    Rule("DATE_OF_BIRTH", _DATE, score=0.0, context=_BIRTH_CONTEXT, context_score=0.9, before=50, after=12,
         context_stems=_BIRTH_STEMS, context_hint=_BIRTH_HINT),
)


def date_recognizers(lang: str) -> list[EntityRecognizer]:
    return [RuleRecognizer("BirthDateRecognizer", RULES, lang)]
