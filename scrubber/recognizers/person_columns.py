"""NUMBER in pasted tables: every cell under a header that names a person's membership, staff, student or patient
number.

Why this module exists: customers paste members' lists, staff exports and leaked spreadsheets
("lidnummer;naam;geboortedatum;iban", "member_id<TAB>name<TAB>email"). Such a column holds one number per
person, and a number that identifies a person is stripped by default; but short or lettered ones ("VV-10482",
"P-20431") are shorter than the deny-by-default run of digits and look like the order and invoice references
that are kept. The header names what they are, so every filled cell under it is stripped, whatever its shape
(issue 16). A member number in a sentence stays the kept cue's business (``scrubber.recognizers.kept``): there it
is most often the sender's own number with us; a column of them is a list of other people.

The header cell must be the cue alone (``secret_tables.column_spans``, the one walk down a column).
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from scrubber.recognizers.base import SingleEntityRecognizer, lowered_for_stems, may_contain
from scrubber.recognizers.secret_tables import column_spans

# what a person is numbered as, in nl, en, de and fr (general vocabulary: clubs, employers, schools, practices)
_WHO_NL = r"lid|leden|personeels|medewerkers?|werknemers?|student|leerling|pati[ëe]nt|deelnemers?|spelers?|bonds"
_WHO_EN = r"member(?:ship)?|employee|staff|student|pupil|patient|participant|player"
_WHO_DE = r"mitglieds?|personal|matrikel|patienten|sch[üu]ler|teilnehmer"
_HEADER_CUE = re.compile(
    r"(?i)(?<![^\W_])(?:"
    r"(?:" + _WHO_NL + r")[ _-]?(?:nummer|nr\.?|id)"
    r"|(?:" + _WHO_EN + r")[ _-]?(?:number|no\.?|nr\.?|id|#)"
    r"|(?:" + _WHO_DE + r")[ _-]?(?:nummer|nr\.?|id)"
    r"|(?:n°|no\.?|num[ée]ro|num\.?)\s*(?:d[e']\s*|d’\s*)?(?:adh[ée]rent|membre|[ée]tudiant|patient|salari[ée]|employ[ée])"
    r"|matricule"
    r")(?![^\W_])"
)
# every match of _HEADER_CUE contains one of these (see ``may_contain``)
_HEADER_STEMS = (
    "lid", "leden", "personeel", "medewerker", "werknemer", "student", "leerling", "pati", "deelnemer", "speler",
    "bonds", "member", "employee", "staff", "pupil", "participant", "player", "mitglied", "personal", "matrikel",
    "schüler", "schuler", "teilnehmer", "adh", "membre", "tudiant", "salari", "employ", "matricule",
)
# a cell that is an identifier: a digit in one to three short words (not a sentence, not a name)
_ID_CELL = re.compile(r"(?=[^\d\n]*\d)[\w./#-]{1,24}(?: [\w./#-]{1,12}){0,2}")
_SEPARATORS = ("\t", "|", ";", ",")


class PersonNumberColumnRecognizer(SingleEntityRecognizer):
    """Identifiers in the column under a person-number header of a pasted table."""

    ENTITY = "NUMBER"

    def __init__(self, lang: str) -> None:
        super().__init__(lang)
        self.digits_needed = 1  # every cell it strips holds a digit (``_ID_CELL``): skipped on texts without one

    def find(self, text: str) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        if "\n" not in text or not any(map(text.__contains__, _SEPARATORS)):
            return out  # speed-up only: no table
        if not may_contain(lowered_for_stems(text), _HEADER_STEMS):
            return out  # speed-up only: no header cue, no match
        for m in _HEADER_CUE.finditer(text):
            for start, end in column_spans(text, m.start(), m.end()) or ():
                if _ID_CELL.fullmatch(text, start, end):
                    # above the kept references' look-alike scores (an "INVOICE_NUMBER" by shape is 0.9)
                    out.append(RecognizerResult("NUMBER", start, end, 0.95))
        return out


def person_column_recognizers(lang: str) -> list[EntityRecognizer]:
    return [PersonNumberColumnRecognizer(lang)]
