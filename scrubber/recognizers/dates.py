"""Dates of birth (DATE_OF_BIRTH): a date is personal data here when it is given as a birth date.

Any common notation counts: numeric day-month-year with ``-``, ``/`` or ``.`` (also two-digit years with an
apostrophe, ``30-9-'81``), the US month/day/year, year first (ISO 8601 and with slashes or dots), a day
with a month name or abbreviation in Dutch, English, German or French (``4 mei '88``, ``4. März 1979``,
``3 août 1950``, ``04-Feb-1979``, passports' bilingual ``04 FEB/FEB 1979``), ordinals (``12th March 1979``,
``the 3rd of May, 1960``, ``February 4th, 1979``), compact (``19790204``, ``04021979``) and a day and month
without a year (``04/02``, as a birthday is given). Three kinds of evidence:

1. a birth cue on the same line shortly before it ("geboren op", "geb.", "DOB", "date of birth", "born",
   "Geburtsdatum", "né le", "fecha de nacimiento", "°") or right after it ("op 4 mei geboren");
2. a column under a birth-date header in a table or CSV paste ("Naam;Geboortedatum" and the rows below);
3. a full date far in the past (16+ years ago) next to a person: ``PastDateRecognizer`` proposes such dates
   and the engine keeps them only where a PERSON stands on the same line (``scrubber.resolve``), unless a
   cue says what else the date is (founded, registered, since, died, invoice).

A year alone is a birth date right after its cue ("born '85", "geboren in 1961", "né en 1950"); a date alone on
its line in a block of personal details is one when a name stands on the line beside it or a birth cue a few
lines above (``BirthDateBlockRecognizer``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from scrubber.lexicon import Lexicon, load_lexicon
from scrubber.recognizers.base import (
    Rule,
    RuleRecognizer,
    line_spans,
    lowered_for_stems,
    may_contain,
    min_digits,
    words,
)

MONTHS = (
    r"jan(?:uari|uary|vier|uar)?|feb(?:ruari|ruary|ruar)?|f[ée]v(?:rier)?|maart|mrt|m[äa]rz|march|mars|mar"
    r"|apr(?:il)?|avr(?:il)?|mei|may|mai|jun[ei]?|juin|jul[iy]?|juil(?:let)?|aug(?:ustus|ust)?|ao[ûu]t"
    r"|sep(?:t(?:ember|embre)?)?|okt(?:ober)?|oct(?:ober|obre)?|nov(?:ember|embre)?|de[cz](?:ember|embre)?"
    r"|d[ée]c(?:embre)?"
    # Portuguese and Spanish ("30 de agosto de 1992", "14 de marzo de 1985")
    r"|janeiro|enero|fevereiro|febrero|mar[çc]o|marzo|abril|maio|mayo|junho|junio|julho|julio|agosto|setembro"
    r"|septiembre|outubro|octubre|novembro|noviembre|dezembro|diciembre"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"(?:(?:19|20)\d{2}|'\d{2})"
_YEAR_OPT2 = r"(?:(?:19|20)?\d{2}|'\d{2})"
_ORD = r"(?:st|nd|rd|th|e|er|ste|de)?"
_NAMED_MONTH = r"(?i:" + MONTHS + r")\.?(?:/(?i:" + MONTHS + r")\.?)?"  # "AUG/AUG" on passports
_DATE = re.compile(
    # (the look-ahead names the first characters a date can start with, so that ``re`` skips ahead: faster)
    r"(?<![\w/.-])(?=[\dTtJjFfMmAaSsOoNnDdEe])(?:"
    + _DAY + r"[-/.]" + _MONTH + r"[-/.]" + _YEAR_OPT2  # 04-02-1979, 3-4-'79
    + r"|" + _MONTH + r"/" + _DAY + r"/(?:19|20)?\d{2}"  # US 11/23/1984, 9/22/84
    + r"|" + _MONTH + r"-(?:1[3-9]|2\d|3[01])-(?:19|20)\d{2}"  # US with dashes, where the day shows it: 07-19-1986
    + r"|(?:19|20)\d{2}[-/.]" + _MONTH + r"[-/.]" + _DAY  # 1984-11-23, 1984/11/23
    + r"|(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"  # compact 19841123
    + r"|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d{2}"  # compact 23111984
    + r"|" + _DAY + r"[-/]" + _MONTH  # day and month only: 23/11 (right after a birth cue)
    # in spaced groups as a card prints it ("17 04 1986"); not the last groups of a phone number ("020 17 04 1986")
    + r"|(?<!\d )(?:0[1-9]|[12]\d|3[01]) (?:0[1-9]|1[0-2]) (?:19|20)\d{2}(?! \d)"
    + r"|(?:(?i:the)\s+)?" + _DAY + _ORD + r"\.?[\s-]*(?:(?i:of|de)\s+)?" + _NAMED_MONTH
    + r"(?:,?[\s-]+(?:(?i:de)\s+)?" + _YEAR_OPT2 + r")?"
    + r"|" + _NAMED_MONTH + r"\s+" + _DAY + _ORD + r"(?:,?\s+" + _YEAR + r")?"
    + r")(?![\w/]|[-.]\d)"
)
def _transpositions(word: str) -> list[str]:
    """``word`` with two neighbouring letters swapped, each way it can be (the commonest typing slip; Damerau,
    "A technique for computer detection and correction of spelling errors", CACM 7(3), 1964)."""
    return [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1) if word[i] != word[i + 1]]


# birth cues as typed with a slip ("Gbeoren:", "gebroen op", "Date of brith", "Gebootredatum")
TYPO_CUES = tuple(
    v for w in ("geboren", "geboortedatum", "birth", "geburtsdatum", "naissance") for v in _transpositions(w)
)
_BIRTH_CONTEXT = words(
    *TYPO_CUES,
    r"geb(?:oren|\.|oortedatum|\.?\s*datum|urt\w*|\b)",  # also "geb datum", "geb:", "geb 02-02-1988" (issue 16)
    r"ge\s?boo?r(?:en|te\w*)",  # typed apart or misspelt: "ge boren", "gebooren", "geboorte datum"
    r"b-?day",
    r"ddn\b",  # the French forms' "DDN" (date de naissance)
    r"dob\b",
    r"d\.o\.b",
    r"date\s+of\s+birth",
    r"birth\s*date",
    r"birthday",
    r"born",
    r"birth",
    r"verjaardag",
    r"jarig",
    r"turns?\s+\d{1,3}",
    r"wordt\s+\d{1,3}",
    r"n[ée](?:e|\(e\))?\s+(?:le|en)",  # (a form's "Né(e) le")
    r"date\s+de\s+naissance",
    r"naiss\w*",  # also "date de naiss."
    r"fecha\s+de\s+nacimiento",
    r"nacid[oa]",
    r"data\s+(?:di\s+nascita|de\s+nascimento|urodzenia)",
    r"nato\s+il",
    r"urodzon\w*",
    r"do[ğg]um",
)
# Every _BIRTH_CONTEXT match holds one of these stems or is the French "née le" (see ``Rule.context_stems``;
# the hint spells out the case-insensitive match of n[ée](?:e|\(e\))?\s+le: these letters have no other case forms).
_BIRTH_STEMS = (
    "geb", "dob", "d.o.b", "date", "birth", "born", "verjaardag", "jarig", "turn", "wordt", "naiss", "nacimiento",
    "bor", "day", "ddn",
    "nacid", "data", "nato", "urodzon", "doğum", "dogum",
    *TYPO_CUES,  # (a slip may break every stem above: "gbeoren", "brith")
)
_BIRTH_HINT = re.compile(r"[nN][éÉeE](?:[eE]|\([eE]\))?\s+(?:[lL][eE]|[eE][nN])")
# the Belgian and French "°" (born): "Katrien Maes, °04/02/1979"
_DEGREE = re.compile(r"°\s?(?P<v>" + _DATE.pattern.removeprefix(r"(?<![\w/.-])") + r")")
# and before a year alone: "Griet Peeters, °1971"
_DEGREE_YEAR = re.compile(r"°\s?(?P<v>(?:19|20)\d{2})(?![\w/'-]|[-.,/]\d)")

# A year of birth alone right after its cue ("born '85", "geboren in 1961", "geboortejaar: 1990", "né en 1972"): the
# value is the year; further away a year is anything (founded, moved, renewed).
_YEAR_OF_BIRTH = re.compile(
    r"(?i:(?<![^\W_])(?:born|ge\s?boo?ren|geb\.?|née?|nato|nata|nacid[oa]|urodzon[ya])(?:[ \t]+(?:in|en|im|anno))?"
    r"|(?<![^\W_])(?:ge\s?boortejaar|year[ \t]+of[ \t]+birth|birth[ \t]?year|geburtsjahr"
    r"|ann[ée]e[ \t]+de[ \t]+naiss\w*))"
    r"[ \t]*:?[ \t]*(?P<v>(?:(?i:" + MONTHS + r")\.?[ \t]+)?(?:(?:19|20)\d{2}|'\d{2}))(?![\w/'-]|[-.,/]\d)"
)
# A year of birth is a person's: not after a company, a site or an idea on its line ("our company was born in 2009").
_NOT_A_PERSON = words(
    r"company", r"bedrijf\w*", r"firma", r"zaak", r"business", r"idea", r"idee", r"project", r"website", r"site",
    r"shop", r"winkel", r"brand", r"merk", r"platform", r"app", r"onderneming", r"unternehmen", r"entreprise",
    r"soci[ée]t[ée]", r"startup", r"start-up", r"blog", r"band", r"vereniging", r"club",
)
_YEAR_ONLY = re.compile(r"(?:[^\W\d_]+\.?[ \t]+)?(?:(?:19|20)\d{2}|'\d{2})")
# "ik ben van 12-03-1985" (Dutch: I was born on): only a full date, far enough in the past
_BORN_ON_NL = re.compile(
    r"(?i:(?<![^\W_])(?:ik|hij|zij|ze|jij|u)[ ](?:ben|is|bent)[ ]van[ ]+)(?P<v>" + _DAY + r"[-/.]" + _MONTH
    + r"[-/.](?:19|20)\d{2}|" + _DAY + r"\.?[ ]+(?i:" + MONTHS + r")\.?[ ]+(?:19|20)\d{2})(?![\w/]|[-.]\d)"
)


def _long_ago(value: str) -> bool:
    year = _A_YEAR.search(value)
    return year is not None and int(year.group()) <= dt.date.today().year - PAST_YEARS

RULES = (
    Rule("DATE_OF_BIRTH", _YEAR_OF_BIRTH, score=0.85, group="v",
         stems=("born", "boren", "booren", "geb", "né", "nato", "nata", "nacid", "urodzon", "boorte", "birth",
                "geburt", "naiss")),
    Rule("DATE_OF_BIRTH", _BORN_ON_NL, score=0.85, group="v", validate=_long_ago, stems=("ben van", "is van")),
    Rule("DATE_OF_BIRTH", _DATE, score=0.0, context=_BIRTH_CONTEXT, context_score=0.9, before=70, after=12,
         context_stems=_BIRTH_STEMS, context_hint=_BIRTH_HINT),
    Rule("DATE_OF_BIRTH", _DEGREE, score=0.9, group="v", stems=("°",)),
    Rule("DATE_OF_BIRTH", _DEGREE_YEAR, score=0.9, group="v", stems=("°",)),
)

# A date after a birth cue is another date when one of these stands between them ("date of birth 2 June
# 1951, date of death 11 April 2025").
_OTHER_DATE = words(
    r"death", r"died", r"overl\w*", r"sterf\w*", r"d[ée]c[èe]s", r"d[ée]c[ée]d[ée]", r"gestorben", r"tod\w*",
    r"expir\w*", r"verval\w*", r"verloop\w*", r"issued", r"afgegeven", r"ausgestellt", r"d[ée]livr[ée]",
    r"valid", r"geldig", r"g[üu]ltig",
)


_NO_YEAR = re.compile(r"\d{1,2}[-/.]\d{1,2}")
_NO_YEAR_REACH = 16


class BirthDateRecognizer(RuleRecognizer):
    """Dates after (or right before) a birth cue, unless another kind of date is named in between."""

    def __init__(self, name: str, rules: Sequence[Rule], lang: str) -> None:
        super().__init__(name, rules, lang)
        # its results are some of its rules' (``analyze`` only filters them): none with fewer digits than they need
        self.digits_needed = self.rules_digits_needed

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if "°" not in text and not _BIRTH_CONTEXT.search(text) and not (
            (" van " in text) and _BORN_ON_NL.search(text)
        ):
            return []  # speed-up only: every result needs a birth cue (or the "°" or "ben van" of its own rule)
        found = super().analyze(text, entities, nlp_artifacts)
        kept = []
        for r in found:
            left = text[max(0, r.start - 70) : r.start]
            left = left[left.rfind("\n") + 1 :]
            cues = list(_BIRTH_CONTEXT.finditer(left))
            if cues and _OTHER_DATE.search(left, cues[-1].end()):
                continue
            if _YEAR_ONLY.fullmatch(text[r.start : r.end]) and _NOT_A_PERSON.search(left):
                continue  # "our company was born in 2009"
            near = bool(cues) and len(left) - cues[-1].end() <= _NO_YEAR_REACH
            if _NO_YEAR.fullmatch(text[r.start : r.end]) and not near:
                continue  # a day and month alone is a birthday only right after its cue ("birthday: 14/02")
            kept.append(r)
        return kept


_SEPARATORS = ("|", ";", "\t", ",")
_HEADER_STEMS = ("geb", "birth", "dob", "naissance", "nacimiento", "nascita", "verjaardag", "born")
_HEADER_CUE = re.compile(
    r"(?i)geboortedatum|geb\.?\s*datum|birth\s*date|date\s+of\s+birth|\bdob\b|geburtsdatum|date\s+de\s+naissance"
    r"|fecha\s+de\s+nacimiento|data\s+di\s+nascita|birthday|verjaardag|geboren|born"
)


_HEADER_SLACK = 12  # a header cell holds its cue and a few more characters ("Geboortedatum (dd-mm-jjjj)")


class BirthDateColumnRecognizer(EntityRecognizer):
    """Dates in the column under a birth-date header of a table or CSV paste."""

    def __init__(self, lang: str) -> None:
        super().__init__(
            supported_entities=["DATE_OF_BIRTH"], supported_language=lang, name="BirthDateColumnRecognizer"
        )
        # every result is a ``_DATE`` match in a cell: none in a text with fewer digits (``scrubber.analysis_pass``)
        self.digits_needed = min_digits(_DATE)

    def load(self) -> None:
        """Nothing to load."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        if entities and "DATE_OF_BIRTH" not in entities:
            return out
        if not may_contain(lowered_for_stems(text), _HEADER_STEMS):
            return out  # speed-up only: no header cue, no match
        for m in _HEADER_CUE.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            if line_end < 0:
                continue
            header = text[line_start:line_end]
            sep = max(_SEPARATORS, key=header.count)
            if header.count(sep) < 1:
                continue
            column = header[: m.start() - line_start].count(sep)
            if len(header.split(sep)[column].strip(" \t|*#:")) > len(m.group()) + _HEADER_SLACK:
                continue  # a sentence with a comma, not a header cell ("Geboortedatum van mijn zoon klopt, maar")
            self._column(text, line_end + 1, sep, column, out)
        return out

    @staticmethod
    def _column(text: str, pos: int, sep: str, column: int, out: list[RecognizerResult]) -> None:
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            line = text[pos:end]
            if not line.strip() or line.count(sep) < column:
                return
            cells = line.split(sep)
            if column < len(cells):
                cell_start = pos + sum(len(c) + len(sep) for c in cells[:column])
                cell = cells[column]
                m = _DATE.search(cell)
                if m and cell[: m.start()].strip() == "" and cell[m.end() :].strip() == "":
                    out.append(RecognizerResult("DATE_OF_BIRTH", cell_start + m.start(), cell_start + m.end(), 0.9))
            pos = end + 1


# A full date (day, month and year) for the past-date rule.
_FULL_DATE = re.compile(
    # (the look-ahead names the first characters a date can start with, so that ``re`` skips ahead: faster)
    r"(?<![\w/.-])(?=[\dTtJjFfMmAaSsOoNnDdEe])(?:" + _DAY + r"[-/.]" + _MONTH + r"[-/.](?P<y1>(?:19|20)\d{2})"
    + r"|(?P<y2>(?:19|20)\d{2})(?P<s2>[-/.])" + _MONTH + r"(?P=s2)" + _DAY  # 1982-04-17, 1982/04/17, 1982.04.17
    + r"|" + _DAY + _ORD + r"\.?\s+" + _NAMED_MONTH + r",?\s+(?P<y3>(?:19|20)\d{2})"
    + r"|" + _NAMED_MONTH + r"\s+" + _DAY + _ORD + r",?\s+(?P<y4>(?:19|20)\d{2})"
    + r")(?![\w/]|[-.]\d)"
)
_NOT_BIRTH = words(
    r"sinds", r"since", r"opgericht", r"founded", r"established", r"gegr[üu]ndet", r"fond[ée]e?", r"registered",
    r"geregistreerd", r"registratie", r"registration", r"overl\w*", r"died", r"death", r"deceased", r"gestorben",
    r"d[ée]c[ée]d[ée]e?", r"gestorven", r"factu\w*", r"invoice", r"rechnung", r"betaald", r"paid", r"bezahlt",
    r"vanaf", r"from", r"until", r"tot", r"t/m", r"verlo\w*", r"expir\w*", r"geldig", r"valid", r"lid", r"member",
    r"klant", r"customer", r"contract", r"order", r"bestel\w*", r"aangemaakt", r"created", r"datum", r"date",
    r"op\b", r"on\b", r"am\b", r"le\b", r"per\b", r"wedding", r"huwelijk", r"getrouwd", r"married", r"diploma",
    r"afgegeven", r"issued", r"ausgestellt", r"d[ée]livr[ée]", r"in\s+dienst", r"employed", r"started", r"hired",
    r"†", r"✝",
)
PAST_YEARS = 16
_A_YEAR = re.compile(r"(?:19|20)\d\d")


class PastDateRecognizer(EntityRecognizer):
    """Full dates 16+ years ago without a cue of another meaning: a birth date when a person stands next to it.

    The results need a PERSON on the same line (``scrubber.resolve.NEEDS_PERSON``); alone they are dropped.
    """

    def __init__(self, lang: str) -> None:
        super().__init__(supported_entities=["DATE_OF_BIRTH"], supported_language=lang, name="PastDateRecognizer")
        # every result is a ``_FULL_DATE`` match: none in a text with fewer digits (see ``scrubber.analysis_pass``)
        self.digits_needed = min_digits(_FULL_DATE)

    def load(self) -> None:
        """Nothing to load."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if entities and "DATE_OF_BIRTH" not in entities:
            return []
        latest = dt.date.today().year - PAST_YEARS
        out: list[RecognizerResult] = []
        if _A_YEAR.search(text) is None:
            return out  # speed-up only: every full date holds a year
        for m in _FULL_DATE.finditer(text):
            year = int(m["y1"] or m["y2"] or m["y3"] or m["y4"])
            if year > latest:
                continue
            line_start = text.rfind("\n", 0, m.start()) + 1
            if _NOT_BIRTH.search(text[max(line_start, m.start() - 30) : m.start()]):
                continue
            out.append(RecognizerResult("DATE_OF_BIRTH", m.start(), m.end(), 0.7))
        return out


# ---- a date alone on its line in a block of personal details ---------------------------------------------
# Forms, signatures and verification replies give a birth date without a cue on its own line ("Gegevens:\nM.
# Jansen\n23-11-1957\nDorpsweg 18 ..."), or the cue stands lines above ("... mijn geboortedatum en bsn, die staan
# hieronder:\n\n01/09/1958"). A full date far in the past alone on its line is a birth date when a neighbouring
# line of the same block is a person's name (one to five words, no digits, no everyday words, one of them a known
# first name or surname), or when a birth cue stands on one of the few lines above it with no cue of another
# date after it; a line above naming another meaning ("opgericht:", "factuurdatum") vetoes both.

# what may stand around the date on its line: brackets, a list bullet, a trailing comma or full stop
_FRAME = " \t()[]*•·-–,.;:"
_CUE_LINES = 3  # how many non-blank lines above a cue may stand
# what may follow a cue at the end of its line: "Geboren:", "date of birth is", "geboren op"
_CUE_TAIL = re.compile(r"(?i)[ \t]*(?:(?:is|was|op|on|le|am|il|:)[ \t]*){0,2}[:.\-–]?[ \t]*")
_NAME_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*")
_PARTICLES = frozenset({"van", "de", "der", "den", "ten", "ter", "te", "het", "'t", "el", "al", "bin", "von", "zu",
                        "le", "la", "du", "di", "da", "dos", "del"})
_BULLET = re.compile(r"^[ \t>*•·-]*")


def _is_name_line(line: str, lex: Lexicon) -> bool:
    """Whether ``line`` is a person's name alone: 1-5 name-shaped words, one of them a known name, none a word."""
    body = _BULLET.sub("", line).strip(" \t,;")
    tokens = body.split()
    if not 1 <= len(tokens) <= 5 or any(not _NAME_TOKEN.fullmatch(t) for t in tokens):
        return False
    known = False
    for tok in tokens:
        w = tok.strip(".,'’").lower()
        if w in _PARTICLES or (len(w) <= 2 and tok[0].isupper()):
            continue  # particles and initials ("M.", "JP")
        if w in lex.vocabulary or w in lex.function_words:
            return False
        for part in w.split("-"):
            known = known or lex.is_first_name(part) or lex.is_surname(part)
    return known


class BirthDateBlockRecognizer(EntityRecognizer):
    """A past full date alone on its line, under a birth cue or next to a line holding a name."""

    def __init__(self, lang: str) -> None:
        super().__init__(
            supported_entities=["DATE_OF_BIRTH"], supported_language=lang, name="BirthDateBlockRecognizer"
        )
        # every result is a ``_FULL_DATE`` match: none in a text with fewer digits (``scrubber.analysis_pass``)
        self.digits_needed = min_digits(_FULL_DATE)

    def load(self) -> None:
        """Nothing to load (the lexicon is shared and loaded once)."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if (entities and "DATE_OF_BIRTH" not in entities) or "\n" not in text or _A_YEAR.search(text) is None:
            return []  # speed-up only: every result is a full date on a line of a text of several lines
        latest = dt.date.today().year - PAST_YEARS
        lines: list[tuple[int, int]] = []
        out: list[RecognizerResult] = []
        for m in _FULL_DATE.finditer(text):  # (one scan of the text; the lines only where a date stands alone)
            start = text.rfind("\n", 0, m.start()) + 1
            end = text.find("\n", m.end())
            end = len(text) if end < 0 else end
            if text[start : m.start()].strip(_FRAME):
                continue
            if int(m["y1"] or m["y2"] or m["y3"] or m["y4"]) > latest:
                continue
            lines = lines or line_spans(text)
            i = text.count("\n", 0, start)
            if text[m.end() : end].strip(_FRAME):
                # text goes on after it: a birth date only when its cue ends the line above ("Geboren:\n3 maart
                # 1952 te Kampen", a form pasted label above value)
                if self._cue_ends_line_above(text, lines, i):
                    out.append(RecognizerResult("DATE_OF_BIRTH", m.start(), m.end(), 0.8))
            elif self._explained(text, lines, i):
                out.append(RecognizerResult("DATE_OF_BIRTH", m.start(), m.end(), 0.8))
        return out

    @staticmethod
    def _cue_ends_line_above(text: str, lines: list[tuple[int, int]], i: int) -> bool:
        above = [text[s:e] for s, e in lines[max(0, i - 2) : i] if text[s:e].strip()]
        if not above:
            return False
        cues = list(_BIRTH_CONTEXT.finditer(above[-1]))
        return bool(cues) and _CUE_TAIL.fullmatch(above[-1], cues[-1].end()) is not None

    @staticmethod
    def _explained(text: str, lines: list[tuple[int, int]], i: int) -> bool:
        above = [text[s:e] for s, e in lines[max(0, i - _CUE_LINES - 1) : i] if text[s:e].strip()][-_CUE_LINES:]
        if above and _NOT_BIRTH.search(above[-1]) and not _BIRTH_CONTEXT.search(above[-1]):
            return False  # "Opgericht:" / "Factuurdatum:" on the line above
        for line in reversed(above):
            cues = list(_BIRTH_CONTEXT.finditer(line))
            if cues:
                return _OTHER_DATE.search(line, cues[-1].end()) is None
        lex = load_lexicon()
        # the line above or below, or the one two above with a filled line between (name, address, birth date,
        # document: a block of details as people type an ID card out; issue 16, round 4), never across a blank line
        for j, between in ((i - 1, None), (i + 1, None), (i - 2, i - 1)):
            if not 0 <= j < len(lines) or (between is not None and not text[slice(*lines[between])].strip()):
                continue
            s, e = lines[j]
            if _is_name_line(text[s:e], lex):
                return True
        return False


def date_recognizers(lang: str) -> list[EntityRecognizer]:
    return [BirthDateRecognizer("BirthDateRecognizer", RULES, lang), BirthDateColumnRecognizer(lang),
            PastDateRecognizer(lang), BirthDateBlockRecognizer(lang)]
