"""Citizen numbers (NATIONAL_ID): Dutch BSN, Belgian rijksregisternummer, UK National Insurance number.

Each is checksum- or format-validated with python-stdnum where it has a check: the BSN's 11-proef
(Wet algemene bepalingen burgerservicenummer, art. 1; stdnum.nl.bsn), the Belgian national number's
mod-97 check with its birth date (stdnum.be.nn). The UK NINO has no checksum, only the HMRC prefix
rules (NIM39110), so without a cue word it scores lower.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer
from stdnum.be import nn as be_nn
from stdnum.nl import bsn as nl_bsn

from scrubber.recognizers.base import Rule, RuleRecognizer, digits_of, words

# The look-behinds of _BSN, _BE_NN and _NINO stand after the first character (which they then also
# cover) rather than before it: a pattern that starts with a character class lets ``re`` skip ahead to
# candidates instead of trying the look-behind at every position. The plain forms, with the look-behind
# first, are in tests/scrubber/recognizers/test_national_ids.py, which checks that both find the same matches.
_BSN = re.compile(
    r"\d(?<![\w.,/+-]\d)(?:\d{8}|\d{2}([ .-])\d{3}\1\d{3}|\d{3}([ .])\d{2}\2\d{3}|\d\.\d{3}\.\d{2}\.\d{2})"
    r"(?!\w|[.,/-]\d)"
)
_BSN_CONTEXT = words(r"bsn", r"burger\s?service", r"sofi", r"citizen\s+service", r"persoonsnummer", r"fiscaal nummer")

_BE_NN = re.compile(r"\d(?<![\w.,/+-]\d)\d\.?\d{2}\.?\d{2}[-. ]?\d{3}[-. ]?\d{2}(?!\w|[.,/-]\d)")
_BE_NN_CONTEXT = words(r"rijksregister", r"national\s+(?:register|number)", r"num[ée]ro\s+national", r"insz", r"nn\b")

# HMRC: first letter not D F I Q U V; second not D F I O Q U V; some prefixes never issued.
_NINO = re.compile(
    r"[A-CEGHJ-PR-TW-Z](?<![\w][A-CEGHJ-PR-TW-Z])[A-CEGHJ-NPR-TW-Z](?<!BG|GB|NK|KN|TN|NT|ZZ)"
    r"(?P<sep>[ -]?)\d{2}(?P=sep)\d{2}(?P=sep)\d{2}(?P=sep)[A-D](?!\w)"
)
_NINO_CONTEXT = words(r"national\s+insurance", r"ni\s+(?:number|no)", r"nino", r"ni:")


def _valid_bsn(value: str) -> bool:
    digits = digits_of(value)
    return len(digits) == 9 and digits != "000000000" and bool(nl_bsn.is_valid(digits))


def _valid_be_nn(value: str) -> bool:
    return bool(be_nn.is_valid(digits_of(value)))


RULES = (
    Rule("NATIONAL_ID", _BSN, score=0.55, context=_BSN_CONTEXT, context_score=0.97, validate=_valid_bsn),
    Rule("NATIONAL_ID", _BE_NN, score=0.8, context=_BE_NN_CONTEXT, context_score=0.97, validate=_valid_be_nn),
    Rule("NATIONAL_ID", _NINO, score=0.65, context=_NINO_CONTEXT, context_score=0.97),
)


def national_id_recognizers(lang: str) -> list[EntityRecognizer]:
    return [RuleRecognizer("NationalIdRecognizer", RULES, lang)]
