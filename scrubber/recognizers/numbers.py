"""NUMBER, deny by default: a run of digits long enough to identify a person is stripped unless explained.

The candidates are the runs of digits a message holds, with their usual separators (``.-/:,``; groups of
digits split by single spaces are one run) and with at most three letters mixed in, as in passport and
residence numbers. A candidate of at least ``min_digits`` digits (7 by default: fewer cannot single out one
person in a country) is stripped unless an explainer of ``scrubber.recognizers.explainers`` recognises it as
something kept or harmless: a date or time, an amount or quantity, a version, an IP address, a hash, a
carrier's tracking code, a DNS serial, or an identifier support keeps after its cue word. The explanation
is what is recognised; the rest goes.

What is stripped is typed NUMBER, or NATIONAL_ID when its digits pass the checksum of a citizen number
(BSN, Steuer-ID, PESEL, T.C. kimlik no, Belgian national number, French NIR). Every other recognizer
scores higher, so a kept identifier (customer, invoice, VAT number, an operator's own format) and every
typed stripped value win where they overlap.

Also here: Dutch VAT numbers of sole traders issued before 2020, which are NL + the owner's BSN + B01..
(see ``ScrubberConfig.nl_vat_with_bsn``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from stdnum.be import nn as be_nn
from stdnum.de import idnr as de_idnr
from stdnum.fr import nir as fr_nir
from stdnum.nl import bsn as nl_bsn
from stdnum.pl import pesel as pl_pesel
from stdnum.tr import tckimlik as tr_tckimlik

from scrubber.recognizers import explainers
from scrubber.recognizers.base import digits_of, words
from scrubber.recognizers.explainers import Span, explain_span
from scrubber.recognizers.number_split import card_digits

NUMBER_SCORE = 0.5
# A run holding a digit: letters, digits and the separators numbers are written with, around a digit.
_DIGITS = re.compile(r"\d+")
_HAS_DIGIT = re.compile(r"\d")
_RUN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-/:,+")
# Within a run: the alphanumeric groups joined by single separators (a trailing "." or "," is punctuation).
_GROUPS = re.compile(r"[A-Za-z0-9]+(?:[.\-/:,_+][A-Za-z0-9]+)*")
_MAX_LETTERS = 3
# More letters are fine as one code before the digits when nine or more digits follow it ("SBIN012345678901",
# "PUNJABNRA7890123456"): a bank's or issuer's code names the issuer, and the digits single out the holder.
_CODE_THEN_DIGITS = re.compile(r"[A-Za-z]{4,10}[-_]?\d{9,}")
_GLUED_LABEL = re.compile(r"[A-Za-z]+[:=](?=\d)")
_SPACED_GROUP = 6  # pure digit groups up to this length, split by single spaces, are one number

# Citizen numbers whose checksum types an unexplained number (digits only, by length).
_CHECKSUMS: dict[int, tuple[Callable[[str], bool], ...]] = {
    9: (nl_bsn.is_valid,),
    11: (de_idnr.is_valid, pl_pesel.is_valid, tr_tckimlik.is_valid, be_nn.is_valid),
    15: (fr_nir.is_valid,),
}


def _runs(text: str) -> Iterator[tuple[int, int]]:
    """The maximal runs of ``_RUN_CHARS`` that hold a digit, in order (found from their digits: fast)."""
    n = len(text)
    pos = 0
    while (m := _DIGITS.search(text, pos)) is not None:
        start, end = m.start(), m.end()
        while start > 0 and text[start - 1] in _RUN_CHARS:
            start -= 1
        while end < n and text[end] in _RUN_CHARS:
            end += 1
        yield start, end
        pos = end


def _groups(text: str) -> Iterator[tuple[int, int]]:
    """The digit-holding groups of the text, in order."""
    for run_start, run_end in _runs(text):
        if run_end - run_start == 1:
            yield run_start, run_end  # a lone digit
            continue
        for g in _GROUPS.finditer(text, run_start, run_end):
            if _HAS_DIGIT.search(g.group()):
                yield g.start(), g.end()


def candidates(text: str, min_digits: int) -> Iterator[tuple[int, int]]:
    """Spans of digit runs with at least ``min_digits`` digits and few letters (see the module docstring)."""
    merged: list[list[int]] = []
    # whether the last merged run holds digits only (its groups are then all pure digits), and the length
    # of its last group: kept as we go, so that a long run of groups is not re-read (linear, not quadratic)
    run_digits = False
    last_group = 0
    for start, end in _groups(text):
        value = text[start:end]
        digits_only = value.isdigit()
        if (
            merged
            and digits_only
            and len(value) <= _SPACED_GROUP
            and run_digits
            and last_group <= _SPACED_GROUP
            and text[merged[-1][1] : start] == " "
        ):
            merged[-1][1] = end
        else:
            merged.append([start, end])
            run_digits = digits_only
        last_group = len(value)
    for start, end in merged:
        glued = _GLUED_LABEL.match(text, start, end)
        if glued:  # "geb:09-11-1976", "bsn:427569680": the label is no part of the number
            start = glued.end()
        if end - start < min_digits:
            continue
        value = text[start:end]
        digits = sum(map(str.isdigit, value))
        letters = sum(map(str.isalpha, value))
        if digits >= min_digits and (
            (letters <= _MAX_LETTERS and letters < digits) or _CODE_THEN_DIGITS.fullmatch(value)
        ):
            yield start, end


def explain(text: str, start: int, end: int) -> str | None:
    """Why ``text[start:end]`` may stay (the explainer's name), or None when it is to be stripped."""
    return explain_span(Span(text, start, end))


def checksum_type(value: str) -> str:
    """NATIONAL_ID when the digits of ``value`` (nothing but digits and separators) pass a citizen number's checksum."""
    digits = "".join(c for c in value if c.isdigit())
    if len(digits) != len(value.replace(" ", "").replace(".", "").replace("-", "")):
        return "NUMBER"
    if any(check(digits) for check in _CHECKSUMS.get(len(digits), ())):
        return "NATIONAL_ID"
    return "NUMBER"


class NumberRecognizer(EntityRecognizer):
    """Deny by default: every long number that no explainer recognises (see the module docstring)."""

    def __init__(self, lang: str, min_digits: int = 7) -> None:
        self.min_digits = min_digits
        super().__init__(supported_entities=["NUMBER", "NATIONAL_ID"], supported_language=lang, name="NumberRecognizer")

    def load(self) -> None:
        """Nothing to load."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        taken: list[tuple[int, int]] = []
        for start, end in candidates(text, self.min_digits):
            taken.append((start, end))
            if explain(text, start, end) is not None:
                continue
            etype = checksum_type(text[start:end])
            if not entities or etype in entities:
                out.append(RecognizerResult(etype, start, end, NUMBER_SCORE))
        if not entities or "NUMBER" in entities:
            out.extend(_named_short_ids(text, taken))
            if _LINE_BREAK_DIGIT.search(text) is not None:
                out.extend(self._wrapped(text))
        return out

    def _wrapped(self, text: str) -> list[RecognizerResult]:
        """A number a mail client wrapped inside a sentence ("Account no.: 7391\n5028"): neither part is long enough
        alone, together they are; judged as if written on one line with a space (so "in 2019\n2020" stays years)."""
        out: list[RecognizerResult] = []
        for m in _WRAPPED.finditer(text):
            head, tail = m.group("head"), m.group("tail")
            digits = sum(map(str.isdigit, head)), sum(map(str.isdigit, tail))
            if max(digits) >= self.min_digits or sum(digits) < self.min_digits:
                continue
            line_start = text.rfind("\n", 0, m.start()) + 1
            if not text[line_start : m.start()].strip(" \t>"):
                continue  # the head opens its line: a column of numbers, not a wrapped sentence
            one_line = text[: m.start()] + head + " " + tail + text[m.end() :]
            if explain(one_line, m.start(), m.start() + len(head) + 1 + len(tail)) is not None:
                continue
            out.append(RecognizerResult(checksum_type(head + tail), m.start(), m.end(), NUMBER_SCORE))
        return out


# An identifier with letters and too few digits for the rule above ("KX123456", "dxsh8f278", "w66mj6vfz": passport,
# ID-card and Ausweis numbers of many issuers) is still stripped when a personal cue names it: the cue says whose it
# is, the shape says it identifies (issue 16: the reach of a cue, not a pattern per country).
_SHORT_ID = re.compile(
    r"(?<![\w./:@#=+-])(?:[A-Z]{1,2} \d{6}"
    r"|(?=[A-Za-z0-9]*\d[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{6,20})"
    r"(?![\w@]|[./:=+-]\w)"
)

# One or two letters and six digits is the passport and ID-card number of many issuers (BE, CA, BR, UA, PT, ...:
# validator.js's isPassportNumber table); in every tuning corpus no such token was anything else, so it is stripped
# unless explained (an order or ticket number after its cue stays), cue or none.
_PASSPORT_SHAPE = re.compile(r"[A-Za-z]{1,2}\d{6}|[A-Z]{1,2} \d{6}")  # (spaced: capitals only, not "is 220871")


def _named_short_ids(text: str, taken: list[tuple[int, int]]) -> list[RecognizerResult]:
    out: list[RecognizerResult] = []
    for m in _SHORT_ID.finditer(text):
        start, end = m.start(), m.end()
        if any(s <= start < e for s, e in taken):
            continue
        span = Span(text, start, end)
        if not (_PASSPORT_SHAPE.fullmatch(m.group())
                or (explainers.personal_cue_names(span) and not explainers.bare_id_cue(span))):
            continue
        if explain_span(span) is not None:
            continue
        out.append(RecognizerResult("NUMBER", start, end, NUMBER_SCORE))
    return out


# A grouped number wrapped over a line end (a mail client's line length, also inside a quote: "> "): the digits
# at the end of one line and at the start of the next are one citizen number when together they pass its
# checksum, though neither part alone is long enough to be stripped ("mijn BSN is 123 456\n782").
_WRAPPED = re.compile(
    r"(?P<head>\d(?<![\w.,/+-]\d)(?:[ .-]?\d)*)[ \t]*\r?\n[ \t]*(?:>[ \t>]*)?(?P<tail>\d(?:[ .-]?\d)*)(?![\w]|[.,/-]\d)"
)
_LINE_BREAK_DIGIT = re.compile(r"\d[ \t]*\r?\n")


class WrappedIdRecognizer(EntityRecognizer):
    """Citizen numbers and payment cards split over two lines (see ``_WRAPPED``); the checksum decides (a card: 13-19
    digits, a card scheme's first digit, the Luhn check), so the join is safe."""

    def __init__(self, lang: str) -> None:
        super().__init__(
            supported_entities=["NATIONAL_ID", "CREDIT_CARD"], supported_language=lang, name="WrappedIdRecognizer"
        )

    def load(self) -> None:
        """Nothing to load."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if (entities and not {"NATIONAL_ID", "CREDIT_CARD"} & set(entities)) or _LINE_BREAK_DIGIT.search(text) is None:
            return []
        out: list[RecognizerResult] = []
        for m in _WRAPPED.finditer(text):
            head, tail = m.group("head"), m.group("tail")
            if sum(map(str.isdigit, head)) < 2 or sum(map(str.isdigit, tail)) < 2:
                continue
            etype = _joined_type(head, tail)
            if etype is None or (entities and etype not in entities):
                continue
            if explainers.kept_cue(Span(text, m.start("head"), m.end("head"))):
                continue  # the head is a number named as kept ("klantnummer 4417\n...")
            out.append(RecognizerResult(etype, m.start(), m.end(), 0.85))
        return out


def _is_card(digits: str) -> bool:
    return card_digits(digits) and digits[0] in "23456"  # (an issuer's first digit, as ``number_split`` asks)


def _joined_type(head: str, tail: str) -> str | None:
    """NATIONAL_ID or CREDIT_CARD when head and tail pass that checksum together and neither does alone (a whole
    number at a line's end and another at the next line's start are two numbers), else None."""
    if checksum_type(head + tail) == "NATIONAL_ID":
        if checksum_type(head) != "NATIONAL_ID" and checksum_type(tail) != "NATIONAL_ID":
            return "NATIONAL_ID"
        return None
    digits = digits_of(head + tail)
    if _is_card(digits) and not _is_card(digits_of(head)):
        return "CREDIT_CARD"
    return None


_NL_VAT = re.compile(r"(?<![\w])(?i:nl)\s?(?P<d>\d{9})\s?(?i:b)\s?\d{2}(?![\w])")
_BSN_CUE = words(r"bsn", r"burger\s?service", r"sofi", r"citizen\s+service", r"persoonsnummer")
# the customer saying they are a sole trader ties the number to a person as well (issue 16)
_SOLE_TRADER = words(r"eenmanszaak\w*", r"zzp\S*", r"zelfstandige\w*", r"freelancer?", r"sole\s+trader",
                     r"self[- ]employed", r"one[- ]man\s+business", r"auto-?entrepreneur", r"einzelunternehm\w*")


class BsnVatRecognizer(EntityRecognizer):
    """Dutch VAT numbers that hold their owner's BSN (sole traders before 2020): NATIONAL_ID, not kept.

    The nine digits of such a number pass the 11-proef, but so do those of an RSIN-based company number.
    ``mode="linked"`` strips it only when the message ties it to a BSN: the same nine digits given elsewhere,
    or a BSN or sole-trader cue on its line; ``mode="elfproef"`` whenever the digits pass the 11-proef.
    """

    def __init__(self, lang: str, mode: str = "linked") -> None:
        self.mode = mode
        super().__init__(supported_entities=["NATIONAL_ID"], supported_language=lang, name="BsnVatRecognizer")

    def load(self) -> None:
        """Nothing to load."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if entities and "NATIONAL_ID" not in entities:
            return []
        out: list[RecognizerResult] = []
        for m in _NL_VAT.finditer(text):
            digits = m.group("d")
            if not nl_bsn.is_valid(digits):
                continue
            if self.mode == "linked" and not self._linked(text, m, digits):
                continue
            out.append(RecognizerResult("NATIONAL_ID", m.start(), m.end(), 0.99))
        return out

    @staticmethod
    def _linked(text: str, m: re.Match[str], digits: str) -> bool:
        elsewhere = text[: m.start()] + " " + text[m.end() :]
        if re.search(r"(?<!\d)" + r"[ .-]?".join(digits) + r"(?!\d)", elsewhere):
            return True
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start : len(text) if line_end < 0 else line_end]
        return bool(_BSN_CUE.search(line) or _SOLE_TRADER.search(line))


def number_recognizers(lang: str, min_digits: int = 7, nl_vat_with_bsn: str = "linked") -> list[EntityRecognizer]:
    return [NumberRecognizer(lang, min_digits), BsnVatRecognizer(lang, nl_vat_with_bsn), WrappedIdRecognizer(lang)]
