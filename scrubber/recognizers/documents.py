"""Identity document numbers (ID_DOCUMENT): passports, identity cards, driving licences, residence permits.

Document numbers have no public checksum that covers all issuers (Dutch passport and ID-card numbers are
9 characters without the letter O, Belgian card numbers have a mod-97 check, UK licences are 16
characters), and bare they look like any product code. So they are recognised only after a cue word in
Dutch or English: the first identifier-shaped token (with at least one digit) shortly after it.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer

from scrubber.recognizers.base import Rule, RuleRecognizer, first_letter_guard

_KEYWORDS = (
    r"paspoort\w*|passport|id[- ]?kaart\w*|identiteitskaart\w*|identiteitsbewijs|identity\s+card|id\s+card"
    r"|rijbewijs\w*|driving\s+licen[cs]e|driver'?s\s+licen[cs]e|documentnummer|document\s+number"
    r"|verblijfs(?:vergunning|document|titel)\w*|residence\s+permit|vreemdelingendocument|legitimatie\w*"
    r"|carte\s+d'identit[ée]|eid"
)
_VALUE = r"(?P<v>(?=[A-Za-z0-9-]*\d)[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){5,19})(?![\w-])"
_DOC = re.compile(
    r"(?<![^\W_])" + first_letter_guard(_KEYWORDS) + r"(?i:" + _KEYWORDS + r")(?:[^\n]{0,32}?)(?<![\w-])" + _VALUE
)
_DATE_LIKE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")


def _not_date(value: str) -> bool:
    return not _DATE_LIKE.fullmatch(value)


# every keyword above contains one of these (speed-up, see ``Rule.stems``)
_STEMS = (
    "paspoort", "passport", "kaart", "identiteit", "identity", "card", "rijbewijs", "driving", "driver", "document",
    "verblijfs", "residence", "legitimatie", "carte", "eid",
)
RULES = (Rule("ID_DOCUMENT", _DOC, score=0.9, group="v", validate=_not_date, stems=_STEMS),)


def document_recognizers(lang: str) -> list[EntityRecognizer]:
    return [RuleRecognizer("IdDocumentRecognizer", RULES, lang)]
