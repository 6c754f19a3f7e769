"""A Presidio ``NlpEngine`` on blank spaCy pipelines, with an optional installed NER pipeline per language.

No trained spaCy models can be installed here, so the default is ``spacy.blank(lang)``: tokenisation
only (no download). Lemmas are the lower-cased tokens, which is what cue-word matching needs. Our
recognizers work on the text, not on tokens, so a blank pipeline is built only when something first asks
for tokens: building one (its tokenizer's thousands of special cases) took about 0.35 s per language, most of
the scrubber's start-up. Where the operator installed a spaCy package with NER (configured per language by
package name), its entities are passed on as one more signal (see ``NerSignalRecognizer``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import spacy
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngine

log = logging.getLogger(__name__)

# Long messages are analysed in chunks (see engine); this only guards spaCy's own limit.
_MAX_LENGTH = 10_000_000


class BlankSpacyNlpEngine(NlpEngine):
    """Tokenise with ``spacy.blank(lang)``, or run an installed pipeline when one is configured."""

    def __init__(self, languages: Sequence[str], ner_packages: Mapping[str, str] | None = None) -> None:
        self._languages = list(languages)
        self._ner_packages = dict(ner_packages or {})
        self._nlp: dict[str, Any] = {}
        self._has_ner: dict[str, bool] = {}
        self._loaded = False
        self._blank_lock = threading.Lock()

    def load(self) -> None:
        for lang in self._languages:
            package = self._ner_packages.get(lang)
            if not package:
                continue  # a blank pipeline, built at first use (``pipeline``)
            try:
                nlp = spacy.load(package, exclude=["parser", "lemmatizer", "textcat"])
            except OSError:
                log.warning("spaCy package %s for %s is not installed; using a blank pipeline", package, lang)
                continue
            nlp.max_length = _MAX_LENGTH
            self._nlp[lang] = nlp
            self._has_ner[lang] = "ner" in nlp.pipe_names
        for lang in self._languages:
            self._has_ner.setdefault(lang, False)
        self._loaded = True

    def pipeline(self, language: str) -> Any:
        """The language's spaCy pipeline; a blank one is built on the first call (thread-safe)."""
        nlp = self._nlp.get(language)
        if nlp is None:
            if language not in self._has_ner:
                raise KeyError(language)
            with self._blank_lock:
                nlp = self._nlp.get(language)
                if nlp is None:
                    nlp = spacy.blank(language)
                    nlp.max_length = _MAX_LENGTH
                    self._nlp[language] = nlp
        return nlp

    def is_loaded(self) -> bool:
        return self._loaded

    def has_ner(self, language: str) -> bool:
        return self._has_ner.get(language, False)

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        if self._has_ner[language]:
            doc = self._nlp[language](text)
            return NlpArtifacts(
                entities=list(doc.ents),
                tokens=doc,
                tokens_indices=[t.idx for t in doc],
                lemmas=[t.lower_ for t in doc],
                nlp_engine=None,  # skips Presidio's keyword extraction, which only its lemma enhancer uses
                language=language,
            )
        return LazyTokenArtifacts(self, text, language)

    def process_batch(
        self, texts: Iterable[str], language: str, batch_size: int = 1, n_process: int = 1, **kwargs: Any
    ) -> Iterator[tuple[str, NlpArtifacts]]:
        for text in texts:
            yield text, self.process_text(text, language)

    def is_stopword(self, word: str, language: str) -> bool:
        return bool(self.pipeline(language).vocab[word].is_stop)

    def is_punct(self, word: str, language: str) -> bool:
        return bool(self.pipeline(language).vocab[word].is_punct)

    def get_supported_entities(self) -> list[str]:
        return ["PERSON", "ORGANIZATION"]

    def get_supported_languages(self) -> list[str]:
        return list(self._languages)


class LazyTokenArtifacts(NlpArtifacts):
    """Artifacts of a blank pipeline: no entities; tokens are computed only if a recognizer asks.

    Our recognizers work on the text itself, so tokenising every message would be wasted time (about a
    sixth of the analysis on short messages).
    """

    def __init__(self, engine: BlankSpacyNlpEngine, text: str, language: str) -> None:
        self._lazy_engine = engine
        self._lazy_language = language
        self._lazy_text = text
        self._doc: Any = None
        super().__init__(
            entities=[], tokens=None, tokens_indices=[], lemmas=[], nlp_engine=None, language=language  # type: ignore[arg-type]
        )

    def _ensure(self) -> Any:
        if self._doc is None:
            self._doc = self._lazy_engine.pipeline(self._lazy_language).make_doc(self._lazy_text)
        return self._doc

    @property
    def tokens(self) -> Any:
        return self._ensure()

    @tokens.setter
    def tokens(self, value: Any) -> None:
        """Presidio's constructor assigns ``tokens``; the lazy value wins."""

    @property
    def tokens_indices(self) -> list[int]:
        return [t.idx for t in self._ensure()]

    @tokens_indices.setter
    def tokens_indices(self, value: list[int]) -> None:
        """Ignored, see ``tokens``."""

    @property
    def lemmas(self) -> list[str]:
        return [t.lower_ for t in self._ensure()]

    @lemmas.setter
    def lemmas(self, value: list[str]) -> None:
        """Ignored, see ``tokens``."""


_NER_LABELS = {"PER": "PERSON", "PERSON": "PERSON", "ORG": "ORGANIZATION"}


class NerSignalRecognizer(EntityRecognizer):
    """PERSON/ORGANIZATION from an installed NER pipeline's entities (empty with blank pipelines)."""

    def __init__(self, lang: str) -> None:
        super().__init__(
            supported_entities=["PERSON", "ORGANIZATION"], supported_language=lang, name="NerSignalRecognizer"
        )

    def load(self) -> None:
        """The pipeline is loaded by the NLP engine."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if nlp_artifacts is None:
            return []
        out: list[RecognizerResult] = []
        for ent in nlp_artifacts.entities:
            label = _NER_LABELS.get(ent.label_)
            if label and (not entities or label in entities):
                out.append(RecognizerResult(label, ent.start_char, ent.end_char, 0.6))
        return out
