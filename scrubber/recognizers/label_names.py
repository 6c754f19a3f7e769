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
# (a bilingual form puts the field's name in the customer's language first: "Soyadı / Surname:", "Adı / Name:")
_OTHER_LANGUAGE = r"(?:[^\W\d_]+\.?[ \t]*/[ \t]*)?"
_LABEL = re.compile(
    r"(?im)^[ \t>*•-]*" + _OTHER_LANGUAGE + r"(?P<label>naam|name|full\s+name|volledige\s+naam|nom\s+complet"
    r"|nom\s+et\s+pr[ée]nom"
    r"|vor-?\s+und\s+nachname|name\s+on\s+(?:the\s+)?card|naam\s+op\s+(?:de\s+)?kaart|card\s*holder|kaarthouder"
    r"|karteninhaber|titulaire|account\s+holder|rekeninghouder|contactpersoon|contact\s+person|aanvrager|applicant"
    r"|customer\s+name|klantnaam"
    # labels of one part of a name, its value a single word too ("Nachname: BRANDT", "Achternaam: de Wit"; a French
    # form's "Nom" is the surname)
    r"|(?P<part>achternaam|voornaam|voornamen|nachname|familienname|vorname|surname|last\s+name|family\s+name"
    r"|first\s+name|given\s+names?|forename|pr[ée]nom|nom\s+de\s+famille|nom\s+de\s+naissance|nom))"
    r"[ \t]*:[ \t]*(?P<v>[^\n]+?)[ \t.,;]*$"
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
            if _is_name(text[start : m.end("v")], lex, single=m.group("part") is not None):
                # above ORGANIZATION's 0.9: the label says whose name it is
                out.append(RecognizerResult("PERSON", start, m.end("v"), 0.95))
        return out


_TITLE = re.compile(r"((?:de\s+)?[^\W\d_]+(?:\.[^\W\d_]+)*\.?)\s+")


def _title_key(word: str) -> str:
    return " ".join(word.lower().replace(".", "").split())


def _is_name(value: str, lex: Lexicon, *, single: bool = False) -> bool:
    """Whether the label's value is shaped as a name; ``single``: a label of one part, so a word in capitals may do."""
    parts = value.split()
    if not 1 <= len(parts) <= _MAX_PARTS:
        return False
    # (Turkish capitals lower-case with a combining dot: "ELİF" -> "eli̇f")
    lowered = [p.lower().replace("i\u0307", "i") for p in parts]
    # in capitals every word looks capitalised: only with a known name ("MARGARET A. OKONKWO"), or as the one word
    # after a surname's label that is no everyday word ("Nom : N'GUESSAN")
    if (
        value.isupper()
        and not any(p in lex.first_names or (single and p in lex.surnames) for p in lowered)
        and not (single and len(parts) == 1 and _WORD.fullmatch(value) and lowered[0] not in lex.common_words)
    ):
        return False
    named = False
    for i, part in enumerate(parts):
        low = lowered[i]
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


# labels that ask for a company's name: what follows on the line (to a comma or bracket) is the company, even
# when the company carries its owner's name ("Firma: Agnieszka Nowak", a sole trader: pii-policy.md makes a name
# that is also a company's an ORGANIZATION)
_COMPANY_LABEL = re.compile(
    r"(?im)^[ \t>*•-]*(?:(?:meine|mijn|my|our|onze|unsere|notre|ma)[ \t]+)?(?P<label>firma|firmenname|unternehmen"
    r"|company(?:[ \t]+name)?|business(?:[ \t]+name)?|bedrijf(?:snaam)?|organisati(?:e|on)|soci[ée]t[ée]|entreprise"
    r"|raison[ \t]+sociale|praxis|kanzlei)[ \t]*:[ \t]*(?P<v>[^\W\d_][^\n,;(|]*?)[ \t.]*(?=$|[,;(|])"
)
_COMPANY_STEMS = ("firm", "unternehmen", "company", "business", "bedrijf", "organisat", "soci", "entreprise",
                  "raison", "praxis", "kanzlei")
_MAX_COMPANY_WORDS = 6


class CompanyLabelRecognizer(SingleEntityRecognizer):
    """The value of a company label's line (ORGANIZATION, kept), so that an owner's name in it is not a PERSON."""

    ENTITY = "ORGANIZATION"

    def find(self, text: str) -> list[RecognizerResult]:
        if ":" not in text or not may_contain(lowered_for_stems(text), _COMPANY_STEMS):
            return []  # speed-up only: every label ends in a colon and holds a stem
        return [
            # above the name rules' PERSON (0.85) and below a name label's (0.95)
            RecognizerResult("ORGANIZATION", m.start("v"), m.end("v"), 0.93)
            for m in _COMPANY_LABEL.finditer(text)
            if text[m.start("label")].isupper() and m.group("v")[0].isupper()
            and len(m.group("v").split()) <= _MAX_COMPANY_WORDS
        ]


def label_name_recognizers(lang: str) -> list[EntityRecognizer]:
    return [LabelNameRecognizer(lang), CompanyLabelRecognizer(lang)]
