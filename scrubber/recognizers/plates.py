"""Vehicle registration plates (LICENSE_PLATE).

Dutch plates follow the RDW "sidecodes" 1-14 (e.g. 99-XXX-9, X-999-XX); letters exclude vowels and C/Q
since sidecode 4, so the pattern is distinctive when written with its dashes. Belgian plates are
9-XXX-999. Without dashes a plate is indistinguishable from other codes, so that form needs a cue word.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer

from scrubber.recognizers.base import Rule, RuleRecognizer, words

_L = r"[B-DF-HJ-NP-TV-Z]"
_SIDECODES = (
    rf"{_L}{{2}}-\d{{2}}-\d{{2}}", rf"\d{{2}}-\d{{2}}-{_L}{{2}}", rf"\d{{2}}-{_L}{{2}}-\d{{2}}",
    rf"{_L}{{2}}-\d{{2}}-{_L}{{2}}", rf"{_L}{{2}}-{_L}{{2}}-\d{{2}}", rf"\d{{2}}-{_L}{{2}}-{_L}{{2}}",
    rf"\d{{2}}-{_L}{{3}}-\d", rf"\d-{_L}{{3}}-\d{{2}}", rf"{_L}{{2}}-\d{{3}}-{_L}",
    rf"{_L}-\d{{3}}-{_L}{{2}}", rf"{_L}{{3}}-\d{{2}}-{_L}", rf"{_L}-\d{{2}}-{_L}{{3}}",
    rf"\d-{_L}{{2}}-\d{{3}}", rf"\d{{3}}-{_L}{{2}}-\d",
    rf"\d-{_L}{{3}}-\d{{3}}",  # Belgium since 2010
)
_PLATE = re.compile(r"(?<![\w-])(?:" + "|".join(_SIDECODES) + r")(?![\w-])", re.IGNORECASE)
_PLATE_COMPACT = re.compile(r"(?<![\w-])(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,7}(?![\w-])")
_CONTEXT = words(
    r"kenteken\w*", r"nummerplaat", r"number\s*plate", r"licen[cs]e\s*plate", r"plate", r"registration",
    r"reg\.?\s*(?:no|nr)", r"auto", r"car", r"parkeer\w*", r"parking", r"slagboom",
)

RULES = (
    Rule("LICENSE_PLATE", _PLATE, score=0.7, context=_CONTEXT, context_score=0.95, before=60),
    Rule("LICENSE_PLATE", _PLATE_COMPACT, score=0.0, context=words(r"kenteken\w*", r"nummerplaat",
         r"number\s*plate", r"licen[cs]e\s*plate"), context_score=0.85, before=30),
)


def plate_recognizers(lang: str) -> list[EntityRecognizer]:
    return [RuleRecognizer("LicensePlateRecognizer", RULES, lang)]
