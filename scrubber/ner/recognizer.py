"""``NerModelRecognizer``: PERSON and ADDRESS from the shipped spaCy NER model (``scrubber.ner``)."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

import spacy
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from scrubber.ner.tokenizer import TOKENIZER

log = logging.getLogger(__name__)

# Below the rules (names 0.85, addresses 0.9) so that they win overlaps, above the engine's default
# threshold (0.4) so that a span only the model found is kept.
DEFAULT_SCORES = {"PERSON": 0.5, "ADDRESS": 0.5}
NAME = "NerModelRecognizer"
_NAME_KEY = RecognizerResult.RECOGNIZER_NAME_KEY
_ID_KEY = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY


class NerModelRecognizer(EntityRecognizer):
    """Runs the model on the text it is given (its own pipeline, not the engine's blank one).

    Thread-safe: one lock around the pipeline, and each call runs in a spaCy memory zone, so the strings
    of the analysed text are not kept in the vocabulary afterwards (no growth over a long-running process).
    """

    def __init__(self, lang: str, path: Path, scores: dict[str, float] | None = None) -> None:
        self.path = path
        self.scores = dict(scores or DEFAULT_SCORES)
        self._nlp: Any = None
        self._lock = threading.Lock()
        super().__init__(
            supported_entities=sorted(self.scores), supported_language=lang, name=NAME
        )

    def load(self) -> None:
        self._nlp = spacy.load(self.path)
        if self._nlp.config["nlp"]["tokenizer"].get("@tokenizers") != TOKENIZER:
            log.warning("NER model %s does not use %s: loading it is slow", self.path, TOKENIZER)

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """The model's entities as (start, end, label), whitespace and edge punctuation trimmed."""
        if not text.strip():
            return []
        with self._lock, self._nlp.memory_zone():
            found = [(e.start_char, e.end_char, e.label_) for e in self._nlp(text).ents]
        out = []
        for start, end, label in found:
            while start < end and (text[start].isspace() or text[start] in ",;:(\"'"):
                start += 1
            while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:)\"'"):
                end -= 1
            if end - start >= 2 and any(c.isalpha() for c in text[start:end]):
                out.append((start, end, label))
        return out

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        wanted = {e for e in self.supported_entities if not entities or e in entities}
        if not wanted:
            return []
        metadata = {_NAME_KEY: NAME, _ID_KEY: self.id}
        return [
            RecognizerResult(label, start, end, self.scores[label], recognition_metadata=dict(metadata))
            for start, end, label in self.spans(text)
            if label in wanted
        ]
