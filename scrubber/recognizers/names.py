"""Presidio recognizers for person names (PERSON) in Dutch and English support messages.

Names are the hardest PII to find without a trained NER model, and none can be installed from the
registries this project uses. This first version finds names right after a greeting ("Hoi Sanne",
"Dear Mr O'Neill"); later versions add the lexicon, signatures and mail headers.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

_NAME_WORD = r"[A-ZÀ-Þ][\w'’-]+"
_GREETING_RE = re.compile(
    r"\b(?:hoi|hallo|hi|hey|beste|dear|hello|goedemorgen|goedemiddag)\s+"
    r"(?:(?:mr|mrs|ms|dr|mevrouw|meneer|dhr|mevr|mw)\.?\s+)?"
    rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD})?)",
    re.IGNORECASE,
)


class GreetingNameRecognizer(EntityRecognizer):
    """A capitalised name directly after a greeting word."""

    def __init__(self, lang: str) -> None:
        super().__init__(supported_entities=["PERSON"], supported_language=lang)

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if "PERSON" not in entities:
            return []
        return [
            RecognizerResult("PERSON", m.start("name"), m.end("name"), 0.6)
            for m in _GREETING_RE.finditer(text)
        ]


def name_recognizers(lang: str) -> list[EntityRecognizer]:
    """The PERSON/ORGANIZATION recognizers for one language ("nl" or "en")."""
    return [GreetingNameRecognizer(lang)]
