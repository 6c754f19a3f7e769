"""Identity document numbers (ID_DOCUMENT): passports, identity cards, driving licences, residence permits.

Document numbers have no public checksum that covers all issuers (Dutch passport and ID-card numbers are
9 characters without the letter O, Belgian card numbers have a mod-97 check, UK licences are 16
characters), and bare they look like any product code. So they are recognised after a cue word in Dutch,
English, German, French, Spanish, Polish, Turkish, Italian or Portuguese: the first identifier-shaped token
(with at least one digit; letters and digits may stand in two groups, "KX 123456") shortly after it, or on
the next line when the cue ends its line ("Documentnummer:"). UK driving licence numbers, whose structure
is their own, are recognised without a cue, and so is the shape of Dutch passport and identity-card numbers
(since 2014: two letters, six letters or digits, one digit, never the letter O) when letters and digits mix
inside it: a product code or a word does not look like that (deny by default by shape class, issue 16).
Lines of a machine-readable zone (ICAO 9303: 30 to 44 characters of capitals, digits and "<") are stripped
whole: they hold the document number, the name and the birth date. Belgian identity card numbers (3-7-2 digits
with a mod-97 check) are distinctive enough to strip without a cue.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from scrubber.recognizers.base import (
    Rule,
    RuleRecognizer,
    SingleEntityRecognizer,
    first_letter_guard,
    lowered_for_stems,
    may_contain,
    words,
)
from scrubber.recognizers.explainers import Span, explain_span

_KEYWORDS = (
    # nl
    r"paspoort\w*|pas(?:nr|nummer)\b|id[- ]?kaart\w*|identiteits\w*|rijbewijs\w*|documentnummer"
    r"|verblijfs(?:vergunning|document|titel|pas)\w*|vreemdelingendocument|legitimatie\w*|eid"
    # en
    r"|passport|identity\s+card|id\s+card|identification\s+(?:number|no)|driving\s+lic(?:en[cs]e)?\b|driver'?s?\s+lic(?:en[cs]e)?\b|document\s+number"
    r"|residence\s+(?:permit|card)|state\s+id|travel\s+document|D(?-i:L)"
    r"|voter'?s?\s+id(?:entity)?(?:\s+card)?"  # (India's EPIC, the voter identity card, also proves identity)
    # de
    r"|reisepass\w*|pass-?n(?:umme)?r\b|personalausweis\w*|ausweis\w*|perso-?n(?:umme)?r\b|perso\b|f[üu]hrerschein\w*|I(?-i:DD)\b"
    r"|aufenthalts(?:titel|erlaubnis|karte)\w*"
    r"|dokumentennummer"
    # fr
    r"|passeport|carte\s+(?:nationale\s+)?d'identit[ée]|C(?-i:NI|IN)|permis\s+de\s+conduire"
    r"|titre\s+de\s+s[ée]jour|carte\s+de\s+s[ée]jour|pi[èe]ce\s+d'identit[ée]"
    # es, pl, tr, it, pt
    r"|pasaporte|carnet\s+de\s+conducir|permiso\s+de\s+conducir|tarjeta\s+de\s+residencia|dow[óo]d\s+osobist\w*|paszport\w*"
    r"|prawo\s+jazdy|pasaport\w*|kimlik\s+kart\w*|ehliyet\w*|carta\s+d'identit[àa]|passaporto|patente"
    r"|passaporte|carta\s+de\s+condu[çc][ãa]o|cart[ãa]o\s+de\s+cidad[ãa]o"
    r"|numer\s+dokumentu|n[úu]mero\s+(?:de\s+|di\s+|do\s+)?documento|numero\s+(?:di\s+)?documento"
)
# (capitals before the digits: "ist 80897786" is a verb and a number; also in spaced groups of capitals and
# digits, as people copy a number off the card: "NW 1K2 L3P4", "IR 12 34 56 7", "51 2345 6789", "80897786 7 MT3",
# "N V 8 K 2 P 4 R 1"; on the next line also after a cue line ending in a colon ("paspoortnummer zoals gevraagd:");
# see ``_plausible``)
# between the groups of a number copied off a card: a blank, or a line end where a mail client wrapped it
_GROUP_GAP = r"(?: |[ \t]*\n[ \t>]*)"
# the same in lower case (a chat): groups of three or four, the first no filler word and with a digit, or three
# groups at least ("ca8 201 7ar", "chw 6zw c3r"; not "mei 2024", not "est 679 648 229" but its number)
_LOWER_GROUPS = (
    r"(?!(?:is|ist|est|nr|no|van|het|the|and|und|mijn|mein|mon)\b)"
    r"(?=[a-z]{0,3}\d|[a-z0-9]{3,4} [a-z0-9]{3,4} )[a-z0-9]{3,4}(?: [a-z0-9]{3,4}){1,7}(?: [a-z0-9]{1,2})?"
)
_VALUE = (
    r"(?P<v>(?-i:[A-Z0-9]{1,8}(?:" + _GROUP_GAP + r"[A-Z0-9]{1,4}){1,8}|" + _LOWER_GROUPS + r")(?![\w-])"
    r"|(?=[A-Za-z0-9-]*\d)[A-Za-z0-9](?:[A-Za-z0-9]"
    r"|-(?=[A-Za-z0-9])){5,19}|[A-Z]{1,3} \d{5,9})(?![\w-])"
)
# a form's field label opening the next line ("Legitimatie: paspoort" over "Nummer: NW1K2L3P4")
_NEXT_LINE_LABEL = r"(?:(?i:nummer|number|nr|no|n°|num[ée]ro)\.?[ \t]*:[ \t]*|#[ \t]*)?"
_DOC = re.compile(
    first_letter_guard(_KEYWORDS) + r"(?<![^\W_])" + r"(?i:" + _KEYWORDS + r")"
    r"(?:[^\n]{0,40}?|(?:[ \t]*:?|[^\n]{0,30}?(?::|(?i:\b(?:is|ist|est|lautet|nummer|number|nr|no)\.?)))[ \t]*\n[ \t]*"
    + _NEXT_LINE_LABEL + r"[\"'\u201c\u2018(\[]?)"
    r"(?<![\w-])" + _VALUE
)
_DATE_LIKE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")


def _not_date(value: str) -> bool:
    return not _DATE_LIKE.fullmatch(value)


_GAPS = re.compile(r"[ \t]*\n[ \t>]*|[ \t]+")


def _plausible(value: str) -> bool:
    """Not a date; in spaced groups, 6-16 characters: letters with 3+ digits, or 7+ digits (not "2019 12"), or
    three or more groups of one length holding a digit, as copied off a card ("JJG TUV CB3")."""
    groups = _GAPS.split(value)
    if len(groups) == 1:
        return _not_date(value)
    if value.islower() and sum(any(c.isdigit() for c in g) for g in groups) < 2:
        return False  # lower-case words with one number among them ("last four 8178") are prose
    compact = "".join(groups)
    digits = sum(c.isdigit() for c in compact)
    if len(groups) >= 3 and digits and len({len(g) for g in groups}) == 1 and len(groups[0]) in (3, 4):
        return True
    return 6 <= len(compact) <= 16 and (digits >= 7 or (digits >= 3 and digits < len(compact)))


# every keyword above contains one of these (speed-up, see ``Rule.stems``)
_STEMS = (
    "paspoort", "passport", "kaart", "identiteit", "identity", "card", "rijbewijs", "driving", "driver", "document",
    "verblijfs", "residence", "legitimatie", "carte", "eid", "state", "travel", "dl", "pass", "pasnr", "pasnummer",
    "ausweis", "hrerschein", "perso", "idd",
    "aufenthalts", "dokument", "passeport", "cni", "cin", "permis", "titre", "identit", "pasaporte", "conducir",
    "tarjeta", "osobist", "paszport", "prawo", "pasaport", "kimlik", "ehliyet", "carta", "patente", "cart", "voter",
)
# A UK driving licence number (DVLA): five letters of the surname (padded with 9s), the decade of birth, the
# month (+50 for women: first digit 0, 1, 5 or 6), the day, the year, two initials (9 when none), a digit and two
# check letters. That structure is rare enough to strip without a cue word.
# (the look-behind after the first letter, so that ``re`` skips ahead to capitals: fast)
_UK_LICENCE = re.compile(r"[A-Z](?<![\w-][A-Z])[A-Z9]{4}\d[0156]\d[0-3]\d{2}[A-Z9]{2}\d[A-Z]{2}(?![\w-])")
_NL_DOCUMENT = re.compile(r"[A-NP-Z](?<![\w-][A-NP-Z])[A-NP-Z][A-NP-Z0-9]{6}\d(?![\w-])")


def _mixed_inside(value: str) -> bool:
    """The six middle characters hold a letter and at least two digits ("NRF7K2P41", not "AB1234567")."""
    middle = value[2:8]
    return any(c.isalpha() for c in middle) and sum(c.isdigit() for c in middle) >= 2


_MRZ = re.compile(r"(?<![A-Z0-9<])(?=[A-Z0-9<]*<<)(?=[A-Z0-9<]*[A-Z0-9])[A-Z0-9<]{30,44}(?![A-Z0-9<])")
_LT = re.compile(r"<<")
# The second line of a machine-readable zone (ICAO Doc 9303), also when no "<" filler is left in it: TD1 (ID cards,
# 30 characters: birth date, check digit, sex, expiry, check digit, nationality, optional data, check digit), TD2 (36)
# and TD3 (passports, 44: document number, check digit, nationality, then the same dates).
_MRZ_DATA = re.compile(
    r"(?<![A-Z0-9<])(?:\d{7}[MFX<]\d{7}[A-Z<]{3}[A-Z0-9<]{11}\d"
    r"|[A-Z0-9<]{9}\d[A-Z<]{3}\d{7}[MFX<]\d{7}(?:[A-Z0-9<]{7}\d|[A-Z0-9<]{14}[0-9<]\d))(?![A-Z0-9<])"
)
_MRZ_HINT = re.compile(r"\d[MFX<]\d")
_DASH = re.compile(r"-")
# Belgian identity cards (eID, kids-ID, foreigners' cards): 3-7-2 digits, the last two the first ten mod 97
_BE_CARD = re.compile(r"\d(?<![\w.-]\d)\d{2}-\d{7}-\d{2}(?![\w]|[.-]\d)")


def _valid_be_card(value: str) -> bool:
    digits = value.replace("-", "")
    return (int(digits[:10]) % 97 or 97) == int(digits[10:])

# A document number without its cue, in a person's details: a token of capitals and digits with both (8-10
# characters, the length of passport, ID-card, permit and licence numbers of most issuers) near a birth cue,
# as in a form, a CSV row or a signature block ("Naam: ... / Geboortedatum: ... / Nummer: NX4K82P19"). A value an
# explainer keeps (tracking code, hash, a number after its kept cue) stays.
_DETAIL_TOKEN = re.compile(r"[A-Z0-9](?<![\w-][A-Z0-9])(?=[A-Z0-9]{7,9}(?![\w-]))(?=[A-Z]*\d)(?=\d*[A-Z])[A-Z0-9]{7,9}")
_BIRTH_CUE = words(
    r"geboren", r"geb\b", r"geboortedatum", r"date[\s_]+of[\s_]+birth", r"dob\b", r"d\.o\.b", r"born\b", r"birth",
    r"geburts\w*", r"n[ée]e?\s+le\b", r"n[ée]\(e\)\s+le\b", r"naissance", r"nacimiento", r"nascita", r"urodzeni\w*",
    r"do[ğg]um", r"nascimento",
)
_BIRTH_BEFORE, _BIRTH_AFTER = 160, 80
_BIC = re.compile(r"[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?")  # a bank's BIC (ISO 9362) names the bank
_BIRTH_STEMS = (
    "geb", "date", "dob", "d.o.b", "born", "birth", "burts", "e le", "e\tle", "e\nle", "é le", "é\tle", "é\nle",
    ") le", "naissance", "nacimiento", "nascita", "urodzeni", "doğum", "dogum", "nascimento",
)


class DetailsDocumentRecognizer(SingleEntityRecognizer):
    """Document-shaped tokens near a birth cue (see ``_DETAIL_TOKEN``)."""

    ENTITY = "ID_DOCUMENT"

    def find(self, text: str) -> list[RecognizerResult]:
        if not may_contain(lowered_for_stems(text), _BIRTH_STEMS):
            return []
        out: list[RecognizerResult] = []
        for m in _DETAIL_TOKEN.finditer(text):
            window = text[max(0, m.start() - _BIRTH_BEFORE) : m.end() + _BIRTH_AFTER]
            if not _BIRTH_CUE.search(window) or _BIC.fullmatch(m.group()):
                continue
            if explain_span(Span(text, m.start(), m.end())) is not None:
                continue
            out.append(RecognizerResult(self.ENTITY, m.start(), m.end(), 0.7))
        return out


RULES = (
    Rule("ID_DOCUMENT", _MRZ, score=0.95, hint=_LT),
    Rule("ID_DOCUMENT", _MRZ_DATA, score=0.95, hint=_MRZ_HINT),
    Rule("ID_DOCUMENT", _BE_CARD, score=0.85, validate=_valid_be_card, hint=_DASH),
    Rule("ID_DOCUMENT", _DOC, score=0.9, group="v", validate=_plausible, stems=_STEMS),
    Rule("ID_DOCUMENT", _UK_LICENCE, score=0.85),
    Rule("ID_DOCUMENT", _NL_DOCUMENT, score=0.6, validate=_mixed_inside),
)


# A cue word alone, to find a value named before it ("BC977084 is het nummer van mijn paspoort") or a column a
# header names ("Naam;Paspoortnummer;Geldig tot" over "Jan;XR123456;2030").
_CUE = re.compile(first_letter_guard(_KEYWORDS) + r"(?<![^\W_])" + r"(?i:" + _KEYWORDS + r")")
_VALUE_BEFORE_CUE = re.compile(
    r"(?<![\w-])[\"'\u201c\u2018(\[]?(?P<v>(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{6,20})"
    r"[\"'\u201d\u2019)\]]?[ \t]*[(:,=\u2013-]?[ \t]*"
    r"(?:(?i:is|was|ist|est|c'est|het|the|de|die|der|mijn|my|mein|meine|mon|ma|nummer|number|num[ée]ro|no|nr"
    r"|van|of|from|op|on|du|in|for|voor|f[üu]r|pour)[ \t]+){0,5}$"
)
# the cue ends its phrase (not "the passport holder we sell"): a number word at most, then punctuation, the line's
# end or a conjunction
_CUE_ENDS = re.compile(
    r"(?:[ \t-]*(?i:nummer|number|no|nr|num[ée]ro|n°|#)\b\.?)?[ \t]*(?:$|[\n.,;:!?()]|(?i:if|als|indien|wenn|si|and"
    r"|en|und|et|or|of|oder|ou)\b)"
)
_CELL_SEPARATORS = (";", "\t", "|", ",")
_CELL_QUOTES = "\"'`"  # a spreadsheet's export quotes every cell: "Jan";"XR123456";"2030"
_CELL_VALUE = re.compile(r"(?=[A-Za-z0-9 -]*\d)[A-Za-z0-9](?:[A-Za-z0-9]|[ -](?=[A-Za-z0-9])){4,19}")


class DocumentCueAroundRecognizer(SingleEntityRecognizer):
    """Document numbers named by a cue after them on their line, or by their column's header in a pasted table."""

    ENTITY = "ID_DOCUMENT"

    def find(self, text: str) -> list[RecognizerResult]:
        if not may_contain(lowered_for_stems(text), _STEMS):
            return []
        out: list[RecognizerResult] = []
        for cue in _CUE.finditer(text):
            line_start = text.rfind("\n", 0, cue.start()) + 1
            before = _VALUE_BEFORE_CUE.search(text, max(line_start, cue.start() - 60), cue.start())
            if before is not None and _plausible(before.group("v")) and _CUE_ENDS.match(text, cue.end()):
                out.append(RecognizerResult(self.ENTITY, before.start("v"), before.end("v"), 0.85))
            out.extend(self._column(text, line_start, cue.start()))
        return out

    def _column(self, text: str, line_start: int, cue_start: int) -> list[RecognizerResult]:
        """The cells under a header cell holding the cue, down to the table's end (a line of another shape)."""
        line_end = text.find("\n", cue_start)
        header = text[line_start : len(text) if line_end < 0 else line_end]
        out: list[RecognizerResult] = []
        for sep in _CELL_SEPARATORS:
            count = header.count(sep)
            if count < 1:
                continue
            index = text[line_start:cue_start].count(sep)
            pos = line_end
            while pos >= 0:
                row_start = pos + 1
                pos = text.find("\n", row_start)
                row = text[row_start : len(text) if pos < 0 else pos]
                if row.strip("-|: \t") == "" and row.strip():
                    continue  # a Markdown table's rule
                if row.count(sep) != count:
                    break
                cell_start = row_start + sum(len(c) + len(sep) for c in row.split(sep)[:index])
                cell = row.split(sep)[index]
                stripped = cell.strip()
                value = stripped.strip(_CELL_QUOTES)
                lead = len(cell) - len(cell.lstrip()) + (len(stripped) - len(stripped.lstrip(_CELL_QUOTES)))
                if _CELL_VALUE.fullmatch(value) and _plausible(value):
                    start = cell_start + lead
                    out.append(RecognizerResult(self.ENTITY, start, start + len(value), 0.85))
            return out
        return out


def document_recognizers(lang: str) -> list[EntityRecognizer]:
    return [
        RuleRecognizer("IdDocumentRecognizer", RULES, lang), DetailsDocumentRecognizer(lang),
        DocumentCueAroundRecognizer(lang),
    ]
