"""PERSON after a form label that asks for a person's name: the whole value of the line is one name.

Why this module exists: web forms, order notes and card details put a name on a line of its own after its
label ("Naam: Lieve De Smedt", "Name: Marcus J. Delacroix", "Cardholder: ..."). The name pipeline
(``scrubber.recognizers.names``) reads names word by word and lets the lexicon veto a word: a first name that is
also an everyday word ("Lieve", dear), a surname that is frequent in some language's text ("Delacroix") or that
ends in a trade word ("Kloosterhuis", -huis) cut the name short or turned it into a kept ORGANIZATION (issue 16).
After such a label the line is announced as a name, so when every word of the value is shaped as a name part
(capitalised words, initials, particles) and one of them is no everyday word, the whole value is a PERSON; a
legal form or a trade word in it ("Bakkerij ...", "... LLC") leaves it to the organisation rules.

Kept apart from the name pipeline on purpose: one pass over label lines, with no part in its hot loops.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from scrubber.lexicon import Lexicon, load_lexicon
from scrubber.recognizers.base import SingleEntityRecognizer, lowered_for_stems, may_contain
from scrubber.recognizers.names.organizations import LEGAL_FORMS, SECTOR_WORDS

# labels that ask for a person's own name, in nl, en, de and fr, at a line's start (after quote marks or a bullet)
_LABEL = re.compile(
    r"(?im)^[ \t>*•-]*(?P<label>naam|name|full\s+name|volledige\s+naam|nom|nom\s+complet|nom\s+et\s+pr[ée]nom"
    r"|vor-?\s+und\s+nachname|name\s+on\s+(?:the\s+)?card|naam\s+op\s+(?:de\s+)?kaart|card\s*holder|kaarthouder"
    r"|karteninhaber|titulaire|account\s+holder|rekeninghouder|contactpersoon|contact\s+person|aanvrager|applicant"
    r"|customer\s+name|klantnaam)[ \t]*:[ \t]*(?P<v>[^\n]+?)[ \t.,;]*$"
)
# every match of _LABEL contains one of these (see ``may_contain``)
_LABEL_STEMS = ("naam", "name", "nom", "card", "kaart", "karten", "titulaire", "holder", "contact", "aanvrager",
                "applicant")
_PARTICLES = frozenset({
    "de", "van", "der", "den", "het", "ter", "ten", "te", "von", "vom", "zu", "le", "la", "du", "des", "di", "da",
    "dos", "das", "del", "della", "el", "al", "bin", "ibn", "'t", "van't",
})
_INITIALS = re.compile(r"[A-Z](?:\.[A-Z])*\.?")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_MAX_PARTS = 5


class LabelNameRecognizer(SingleEntityRecognizer):
    """The value of a name label's line, when it is shaped as a name and not everyday words."""

    ENTITY = "PERSON"

    def __init__(self, lang: str) -> None:
        super().__init__(lang)
        self._lex: Lexicon | None = None

    def load(self) -> None:
        self._lex = load_lexicon()

    def find(self, text: str) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        if ":" not in text or not may_contain(lowered_for_stems(text), _LABEL_STEMS):
            return out  # speed-up only: every label ends in a colon and holds a stem
        lex = self._lex or load_lexicon()
        for m in _LABEL.finditer(text):
            if not text[m.start("label")].isupper():
                continue  # a form's label is capitalised; a config key is not ("- name: checkout private repo")
            start = m.start("v")
            # a title is no part of the name (docs/pii-policy.md): "Name: Mr Samuel Okafor", "Nom: Mme Lefèvre"
            while (title := _TITLE.match(text, start, m.end("v"))) and _title_key(title.group(1)) in lex.titles:
                start = title.end()
            if _is_name(text[start : m.end("v")], lex):
                # above ORGANIZATION's 0.9: the label says whose name it is
                out.append(RecognizerResult("PERSON", start, m.end("v"), 0.95))
        return out


_TITLE = re.compile(r"((?:de\s+)?[^\W\d_]+(?:\.[^\W\d_]+)*\.?)\s+")


def _title_key(word: str) -> str:
    return " ".join(word.lower().replace(".", "").split())


def _is_name(value: str, lex: Lexicon) -> bool:
    parts = value.split()
    if not 2 <= len(parts) <= _MAX_PARTS:
        return False
    if value.isupper() and not any(p.lower() in lex.first_names for p in parts):
        return False  # in capitals every word looks capitalised: only with a first name ("MARGARET A. OKONKWO")
    named = False
    for i, part in enumerate(parts):
        low = part.lower()
        if low in _PARTICLES and i < len(parts) - 1:
            continue
        if _INITIALS.fullmatch(part) and i < len(parts) - 1:
            continue
        if not (_WORD.fullmatch(part) and part[0].isupper()):
            return False
        key = low.replace(".", "")
        if key in LEGAL_FORMS or low in SECTOR_WORDS:
            return False  # a company's name ("Bakkerij De Gouden Korst", "Sound Design LLC")
        known = low in lex.first_names or low in lex.surnames
        everyday = low in lex.common_words or low in lex.vocabulary or low in lex.function_words
        named = named or known or not everyday
    return named


def label_name_recognizers(lang: str) -> list[EntityRecognizer]:
    return [LabelNameRecognizer(lang)]
