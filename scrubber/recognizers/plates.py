"""Vehicle registration plates (LICENSE_PLATE) of NL, BE, DE and the UK.

Dutch plates follow the RDW "sidecodes" 1-14 (e.g. 99-XXX-9, X-999-XX); letters exclude vowels and C/Q
since sidecode 4, so the pattern is distinctive when written with its dashes. Belgian plates are
9-XXX-999. UK plates since 2001 (DVLA) are two letters, two digits and three letters ("BD51 SMR", without
I or Q). German plates are a district code of 1-3 letters, 1-2 letters and 1-4 digits, maybe E or H
("HH-AB 1234", "M AB 123"). Without their separators plates are indistinguishable from other codes, so
those forms (and the German one without a dash) need a cue word.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer

from scrubber.recognizers.base import Rule, RuleRecognizer, words


def _sidecodes(letter: str) -> tuple[str, ...]:
    """RDW sidecodes 1-14 and the Belgian format, with ``letter`` as the letter class."""
    a, d = letter, r"\d"
    return (
        f"{a}{{2}}-{d}{{2}}-{d}{{2}}", f"{d}{{2}}-{d}{{2}}-{a}{{2}}", f"{d}{{2}}-{a}{{2}}-{d}{{2}}",
        f"{a}{{2}}-{d}{{2}}-{a}{{2}}", f"{a}{{2}}-{a}{{2}}-{d}{{2}}", f"{d}{{2}}-{a}{{2}}-{a}{{2}}",
        f"{d}{{2}}-{a}{{3}}-{d}", f"{d}-{a}{{3}}-{d}{{2}}", f"{a}{{2}}-{d}{{3}}-{a}",
        f"{a}-{d}{{3}}-{a}{{2}}", f"{a}{{3}}-{d}{{2}}-{a}", f"{a}-{d}{{2}}-{a}{{3}}",
        f"{d}-{a}{{2}}-{d}{{3}}", f"{d}{{3}}-{a}{{2}}-{d}",
        f"{d}-{a}{{3}}-{d}{{3}}",  # Belgium since 2010
    )


def _plate(letter: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(_sidecodes(letter)) + r")(?![\w-])", re.IGNORECASE)


# Current series use no vowels (nor C, Q): distinctive alone. Any letters (older series, examples written
# by people) only with a cue word.
_PLATE = _plate(r"[B-DF-HJ-NP-TV-Z]")
_PLATE_ANY = _plate(r"[A-Z]")
_PLATE_COMPACT = re.compile(r"(?<![\w-])(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,7}(?![\w-])")
_CONTEXT = words(
    r"kenteken\w*", r"nummerplaat", r"number\s*plate", r"licen[cs]e\s*plate", r"plate", r"registration",
    r"reg\b", r"reg\.?\s*(?:no|nr)", r"auto", r"car", r"parkeer\w*", r"parking", r"slagboom", r"kennzeichen",
    r"nummernschild", r"fahrzeug", r"wagen", r"immatriculation", r"plaque", r"voiture", r"vehicle", r"voertuig",
)
_CONTEXT_STEMS = (
    "kenteken", "nummerplaat", "plate", "registration", "reg", "auto", "car", "parkeer", "parking", "slagboom",
    "kennzeichen", "nummernschild", "fahrzeug", "wagen", "immatriculation", "plaque", "voiture", "vehicle", "voertuig",
)
# UK (DVLA, since 2001): memory tag, age identifier, three random letters; I and Q are not used
# (the look-behinds stand after the first letter: the same matches, found faster; see the tests)
_UK = re.compile(r"[A-HJ-PR-Y](?<![\w-][A-HJ-PR-Y])[A-HJ-PR-Y]\d{2}(?P<s> ?)[A-HJ-PR-Z]{3}(?![\w-])")
# Germany: district code (1-3 letters), 1-2 letters, 1-4 digits, E (electric) or H (historic)
_DE_DASHED = re.compile(r"[A-ZÄÖÜ](?<![\w-][A-ZÄÖÜ])[A-ZÄÖÜ]{0,2}-[A-Z]{1,2} ?\d{1,4}[EH]?(?![\w-])")
_DE_SPACED = re.compile(r"[A-ZÄÖÜ](?<![\w-][A-ZÄÖÜ])[A-ZÄÖÜ]{0,2} [A-Z]{1,2} \d{1,4}[EH]?(?![\w-])")

# Speed-up hints (see ``Rule.hint``): plates are written without spaces, with a dash or a digit.
_DASH = re.compile(r"-")
_DIGIT = re.compile(r"\d")

RULES = (
    Rule("LICENSE_PLATE", _UK, score=0.6, context=_CONTEXT, context_score=0.92, before=60,
         validate=lambda v: " " in v),
    Rule("LICENSE_PLATE", _UK, score=0.0, context=_CONTEXT, context_score=0.9, before=60,
         context_stems=_CONTEXT_STEMS),
    Rule("LICENSE_PLATE", _DE_DASHED, score=0.55, context=_CONTEXT, context_score=0.92, before=60),
    Rule("LICENSE_PLATE", _DE_SPACED, score=0.0, context=_CONTEXT, context_score=0.9, before=60,
         context_stems=_CONTEXT_STEMS),
    Rule("LICENSE_PLATE", _PLATE, score=0.7, context=_CONTEXT, context_score=0.95, before=60, hint=_DASH),
    Rule("LICENSE_PLATE", _PLATE_ANY, score=0.0, context=_CONTEXT, context_score=0.9, before=60, hint=_DASH),
    Rule("LICENSE_PLATE", _PLATE_COMPACT, score=0.0, context=words(r"kenteken\w*", r"nummerplaat",
         r"number\s*plate", r"licen[cs]e\s*plate"), context_score=0.85, before=30, hint=_DIGIT,
         context_stems=("kenteken", "nummerplaat", "number", "licen")),
)


def plate_recognizers(lang: str) -> list[EntityRecognizer]:
    return [RuleRecognizer("LicensePlateRecognizer", RULES, lang)]
