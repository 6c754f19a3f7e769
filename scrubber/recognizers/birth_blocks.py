"""Dates of birth that stand alone on their line in a block of personal details (DATE_OF_BIRTH).

Why this module exists: forms, signatures and verification replies give a birth date without a cue on its
own line: "Gegevens:\\nM. Jansen\\n23-11-1957\\nDorpsweg 18 ...", or the cue stands lines above ("... mijn
geboortedatum en bsn, die staan hieronder:\\n\\n01/09/1958\\n278 27 83 83"). ``dates.BirthDateRecognizer``
reads cues on the date's own line and ``dates.PastDateRecognizer`` needs a person on it, so neither sees
these. A full date far in the past (``dates.PAST_YEARS``) alone on its line is a birth date here when

1. a neighbouring line of the same block (no blank line between) is a person's name: one to five words,
   no digits, no everyday words (the lexicon's vocabulary and function words), one of them a known first
   name or surname; or
2. a birth cue stands on one of the few lines above it (a blank line may lie between), with no cue of
   another date (issued, expiry, death) after it.

A line above that names another meaning ("opgericht:", "factuurdatum", "since") vetoes both.
"""

from __future__ import annotations

import datetime as dt
import re

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from scrubber.lexicon import Lexicon, load_lexicon
from scrubber.recognizers.dates import _BIRTH_CONTEXT, _FULL_DATE, _NOT_BIRTH, _OTHER_DATE, PAST_YEARS

_A_YEAR = re.compile(r"(?:19|20)\d\d")
# what may stand around the date on its line: brackets, a list bullet, a trailing comma or full stop
_FRAME = " \t()[]*•·-–,.;:"
_CUE_LINES = 3  # how many non-blank lines above a cue may stand
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


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


class BirthDateBlockRecognizer(EntityRecognizer):
    """A past full date alone on its line, under a birth cue or next to a line holding a name."""

    def __init__(self, lang: str) -> None:
        super().__init__(
            supported_entities=["DATE_OF_BIRTH"], supported_language=lang, name="BirthDateBlockRecognizer"
        )

    def load(self) -> None:
        """Nothing to load (the lexicon is shared and loaded once)."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if (entities and "DATE_OF_BIRTH" not in entities) or "\n" not in text or _A_YEAR.search(text) is None:
            return []  # speed-up only: every result is a full date on a line of a text of several lines
        latest = dt.date.today().year - PAST_YEARS
        lines = _lines(text)
        out: list[RecognizerResult] = []
        for i, (start, end) in enumerate(lines):
            line = text[start:end]
            m = _FULL_DATE.search(line)
            if m is None or line[: m.start()].strip(_FRAME) or line[m.end() :].strip(_FRAME):
                continue
            if int(m["y1"] or m["y2"] or m["y3"] or m["y4"]) > latest:
                continue
            if self._explained(text, lines, i):
                out.append(RecognizerResult("DATE_OF_BIRTH", start + m.start(), start + m.end(), 0.8))
        return out

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
        for j in (i - 1, i + 1):
            if 0 <= j < len(lines):
                s, e = lines[j]
                if _is_name_line(text[s:e], lex):
                    return True
        return False
