"""Numbers spelled out in words: "nul zes, twaalf, drieëndertig, ..." is a phone number all the same.

People read a number aloud into a chat or a voice-to-text message, digit by digit or in pairs. A run of at
least five number words (Dutch, English, German and French units and tens, Dutch and English compounds such
as "drieëndertig" and "twenty-one", "double"/"triple" and "oh" for zero), separated by spaces, commas or
hyphens, is read as digits; seven or more digits make a PHONE_NUMBER when they start with a 0 or "plus",
else a NUMBER (the deny-by-default type of ``scrubber.recognizers.numbers``), or a NATIONAL_ID when the digits
pass a citizen number's checksum. Only the stretch of text around a zero word or "plus" (phone numbers are
written with their trunk 0 or country code) and after the cue of a citizen, account or document number is read.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from scrubber.recognizers.base import first_letter_guard
from scrubber.recognizers.numbers import checksum_type

_UNITS = {
    # nl
    "nul": 0, "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
    "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16,
    "zeventien": 17, "achttien": 18, "negentien": 19,
    # en
    "zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
    # de
    "null": 0, "eins": 1, "zwei": 2, "drei": 3, "fünf": 5, "sechs": 6, "sieben": 7, "neun": 9, "zehn": 10,
    "zwölf": 12,
    # fr
    "zéro": 0, "un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
}
_TENS = {
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80,
    "negentig": 90, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
_REPEAT = {"double": 2, "dubbel": 2, "triple": 3, "driemaal": 3}
_NL_UNIT = r"(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen)"
# Every alternative of _WORD starts with the first letter of a word of these lists ("één", "zéro": non-ASCII too),
# so a look-ahead for those letters, in _WORD's case-insensitive mode, changes no match; at most places it then
# fails on one character test instead of ``re`` trying some ninety alternatives one by one (speed-up only, issue
# 19: _WORD.finditer over a body holding a cue 330 -> 50 us).
_FIRST_LETTERS = "".join(sorted({word[0] for word in (*_UNITS, *_TENS, *_REPEAT, "plus")}))
_WORD = re.compile(
    r"(?i)(?=[" + _FIRST_LETTERS + r"])(?<![^\W\d_])"
    + r"(?:" + _NL_UNIT + r"[eë]?[eë]n(?:" + "|".join(list(_TENS)[:8]) + r")"  # drieëndertig
    + r"|(?:" + "|".join(list(_TENS)[8:]) + r")(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
    + r"|" + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r"|" + "|".join(list(_TENS)[:8]) + r"|double|dubbel|triple|driemaal|plus)(?![^\W\d_])"
)
_GAP = re.compile(r"[\s,;–-]*")
# A number read aloud half in words, half in digit groups ("nul zes eenendertig 84 27 90"): a group of one to four
# digits is a token of the run too (the run still needs ``_MIN_WORD_TOKENS`` number words: digits alone are the phone
# rules')
_TOKEN = re.compile(r"(?<![\w.,/-])\d{1,4}(?![\w]|[.,/-]\d)|" + _WORD.pattern.removeprefix("(?i)"), re.IGNORECASE)
_MIN_WORD_TOKENS = 3
# A long number read aloud nearly always holds a zero ("nul zes ...", "oh", "double oh") or starts with "plus";
# a text without one of these words is not scanned (speed-up; the rule itself does not require them).
_ZERO_WORDS = r"nul|zero|z[ée]ro|null|oh|plus"
# (``first_letter_guard`` before the look-behind: the same matches, without trying the look-behind everywhere)
_ZERO_HINT = re.compile(
    r"(?i)" + first_letter_guard(_ZERO_WORDS) + r"(?<![^\W\d_])(?:" + _ZERO_WORDS + r")(?![^\W\d_])"
)
# A citizen number, account or document number read aloud after its cue holds no zero as often as not ("mijn bsn
# is een twee drie ..."): the stretch after such a cue is read too.
_ID_CUES = (
    r"bsn|sofi|burgerservice|ssn|social\s+security|steuer|pesel|kimlik|iban|rekening|paspoort|passport|ausweis"
    r"|rijbewijs|f[üu]hrerschein|passeport|s[ée]cu"
)
_ID_CUE_HINT = re.compile(r"(?i)" + first_letter_guard(_ID_CUES) + r"(?<![^\W\d_])" + r"(?:" + _ID_CUES + r")")
_CUE_REACH = 120  # a number read aloud right after its cue
_SPACE = re.compile(r"\s")
_REACH = 300  # characters read around a zero word or "plus": a number of 20 words fits twice over
_MIN_WORDS = 5
_MIN_DIGITS = 7


def _value(word: str) -> str | None:
    """The digits a number word stands for ("" for plus/double, handled by the caller)."""
    w = word.lower()
    if w in _UNITS:
        return str(_UNITS[w])
    if w in _TENS:
        return str(_TENS[w])
    if "-" in w:  # twenty-one
        tens, unit = w.split("-")
        return str(_TENS[tens] + _UNITS[unit])
    for tens, value in _TENS.items():  # eenentwintig, tweeëntwintig, achtentachtig
        prefix = w.removesuffix(tens)
        if prefix != w and prefix.endswith(("en", "ën")) and prefix[:-2] in _UNITS:
            return str(value + _UNITS[prefix[:-2]])
    return None


# hundreds and thousands: no digit of their own in a number read digit by digit, but words of a number all the same
_LARGE = frozenset({"honderd", "duizend", "hundred", "thousand", "hundert", "tausend", "cent", "mille"})
_NOT_A_NUMBER = frozenset({"plus", "double", "dubbel", "triple", "driemaal"})


def number_word(word: str) -> bool:
    """Whether ``word`` is a number word of nl/en/de/fr ("drie", "twintig", "eenentwintig", "thousand", "sieben")."""
    w = word.lower()
    return w in _LARGE or (w not in _NOT_A_NUMBER and _WORD.fullmatch(w) is not None)


def _digits(words: list[str]) -> str:
    out: list[str] = []
    repeat = 1
    for word in words:
        low = word.lower()
        if low in _REPEAT:
            repeat = _REPEAT[low]
            continue
        if low == "plus":
            out.append("+")
            continue
        value = word if word.isdigit() else _value(word)
        if value is None:
            continue
        out.append(value * repeat)
        repeat = 1
    return "".join(out)


def _windows(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` around its zero words and "plus", merged (a speed-up: a long text is not read
    word by word where no spelled phone number can stand). A stretch ends at whitespace, so that it cuts no
    word in two; where it starts, the pattern's look-behind sees the text before it."""
    out: list[tuple[int, int]] = []
    hints = [(m.start() - _REACH, m.end()) for m in _ZERO_HINT.finditer(text)]
    hints += [(m.end(), m.end() - _REACH + _CUE_REACH) for m in _ID_CUE_HINT.finditer(text)]
    for hint_start, hint_end in sorted(hints):
        start = max(0, hint_start)
        space = _SPACE.search(text, hint_end + _REACH)
        end = space.start() if space else len(text)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


class SpelledNumberRecognizer(EntityRecognizer):
    """Phone and other long numbers written out in words (see the module docstring)."""

    def __init__(self, lang: str) -> None:
        super().__init__(
            supported_entities=["PHONE_NUMBER", "NUMBER", "NATIONAL_ID"], supported_language=lang,
            name="SpelledNumberRecognizer",
        )

    def load(self) -> None:
        """Nothing to load."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        for start, end in _windows(text):
            run: list[re.Match[str]] = []
            for m in _TOKEN.finditer(text, start, end):
                if run and _GAP.fullmatch(text, run[-1].end(), m.start()) is None:
                    self._close(run, out)
                    run = []
                run.append(m)
            self._close(run, out)
        return [r for r in out if not entities or r.entity_type in entities]

    @staticmethod
    def _close(run: list[re.Match[str]], out: list[RecognizerResult]) -> None:
        if len(run) < _MIN_WORDS or sum(not m.group().isdigit() for m in run) < _MIN_WORD_TOKENS:
            return
        digits = _digits([m.group() for m in run])
        if sum(c.isdigit() for c in digits) < _MIN_DIGITS:
            return
        etype = "PHONE_NUMBER" if digits.startswith(("0", "+")) else checksum_type(digits)
        out.append(RecognizerResult(etype, run[0].start(), run[-1].end(), 0.8))


def spelled_recognizers(lang: str) -> list[EntityRecognizer]:
    return [SpelledNumberRecognizer(lang)]
