"""DATE_OF_BIRTH written out in words after its cue: "geboren op drie maart negentienvijfentachtig", "born on the
second of May, nineteen eighty-nine" (issue 16).

Why this module exists: people dictate to their phone, and a birth date read aloud has no digit for the date rules
(``scrubber.recognizers.dates``) to find. Right after a birth cue ("geboren (op)", "born (on)", "date of birth:",
"geboortedatum:", "geboren am", "né le"), a day (a number word or an ordinal: "drie", "twelfth", "eenentwintigste"),
a month's name and a year in words ("negentienvijfentachtig", "tweeduizend elf", "nineteen eighty-nine",
"seventy-two") are one value. Only after the cue: elsewhere a date in words is a moving day or a deadline.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from scrubber.recognizers.base import SingleEntityRecognizer
from scrubber.recognizers.dates import MONTHS
from scrubber.recognizers.spelled import number_word

_CUE = re.compile(
    r"(?i)(?<![^\W_])(?:geboren(?:[ \t]+(?:op|am))?|born(?:[ \t]+on)?|date[ \t]+of[ \t]+birth(?:[ \t]+is)?"
    r"|geboortedatum(?:[ \t]+is)?|geburtsdatum|n[ée]e?[ \t]+le|dob)[ \t]*:?[ \t]*"
)
_TOKEN = re.compile(r"[ \t]*,?[ \t]*([^\W\d_]+(?:-[^\W\d_]+)?)")
_MONTH = re.compile(r"(?i:" + MONTHS + r")\.?")
_LEADING = frozenset({"the", "de", "le", "der", "den"})
_OF = frozenset({"of", "de", "van"})
_EN_ORDINALS = frozenset({
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    "twentieth", "thirtieth",
})
_YEAR_PARTS = frozenset({"hundred", "thousand", "honderd", "duizend", "hundert", "tausend", "and", "en", "und"})
# a Dutch year in one word starts with its century: "negentien-vijfentachtig", "tweeduizend-elf"
_CENTURIES = ("negentienhonderd", "tweeduizend", "negentien", "achttien")
_MAX_YEAR_WORDS = 4


def _day(word: str) -> bool:
    w = word.lower()
    if w in _EN_ORDINALS or w in ("eerste", "derde", "premier", "erste", "dritte"):
        return True
    if "-" in w:  # twenty-second, thirty-first
        tens, _, unit = w.partition("-")
        return number_word(tens) and unit in _EN_ORDINALS
    for suffix in ("ste", "de", "ten", "te"):  # achtste, tweede, zweiten
        if w.endswith(suffix) and number_word(w[: -len(suffix)]):
            return True
    return number_word(w)


def _year_word(word: str) -> bool:
    w = word.lower()
    if w in _YEAR_PARTS or number_word(w):
        return True
    for century in _CENTURIES:
        if w.startswith(century):
            rest = w[len(century) :]
            return not rest or number_word(rest) or rest in _YEAR_PARTS
    return False


def _date_end(text: str, pos: int) -> int:
    """The end of "[the] DAY [of] MONTH[,] YEAR..." from ``pos``, or 0."""
    m = _TOKEN.match(text, pos)
    if m and m.group(1).lower() in _LEADING:
        m = _TOKEN.match(text, m.end())
    if not m or not _day(m.group(1)):
        return 0
    m = _TOKEN.match(text, m.end())
    if m and m.group(1).lower() in _OF:
        m = _TOKEN.match(text, m.end())
    if not m or not _MONTH.fullmatch(m.group(1)):
        return 0
    end, pos, years = 0, m.end(), 0
    while years < _MAX_YEAR_WORDS and (m := _TOKEN.match(text, pos)) and _year_word(m.group(1)):
        years += 1
        pos = end = m.end()
    return end


class BirthDateInWordsRecognizer(SingleEntityRecognizer):
    """A birth date in words right after its cue (see the module docstring)."""

    ENTITY = "DATE_OF_BIRTH"

    def find(self, text: str) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        for cue in _CUE.finditer(text):
            end = _date_end(text, cue.end())
            if end:
                out.append(RecognizerResult(self.ENTITY, cue.end(), end, 0.9))
        return out


def birth_word_recognizers(lang: str) -> list[EntityRecognizer]:
    return [BirthDateInWordsRecognizer(lang)]
