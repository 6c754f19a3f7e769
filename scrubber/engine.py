"""The scrubber engine: detect language, analyse with Presidio, resolve overlaps, apply policy, replace.

``Scrubber`` implements ``scrubber.types.TextScrubber``. One Presidio ``AnalyzerEngine`` serves nl and
en on blank spaCy pipelines (``scrubber.nlp``); our recognizers do their own bilingual context checks,
so Presidio's lemma-based context pass (which needs a trained model) is skipped. Long texts are analysed in
chunks split at paragraph/line boundaries so time stays linear in the text length.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator
from typing import Any

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from scrubber import language
from scrubber.config import ScrubberConfig
from scrubber.nlp import BlankSpacyNlpEngine, NerSignalRecognizer
from scrubber.placeholders import digest, placeholder
from scrubber.recognizers import language_recognizers, pattern_recognizers
from scrubber.resolve import Candidate, allowed_spans, resolve
from scrubber.textmap import normalise
from scrubber.types import Analysis, Entity, MemoryBook, PlaceholderBook, ScrubbedText, ScrubResult

log = logging.getLogger(__name__)

CHUNK_SIZE = 20_000
_LANGUAGE_SPECIFIC = ["PERSON", "ORGANIZATION"]
# Runs of this many non-space characters (base64, hashes, junk) cannot hold a name; the name
# recognizers see them blanked (same length, so offsets hold), which keeps their cost linear.
# (a match starts where a run of non-space characters starts, so the look-behind changes no match of
# r"\S{80,}"; it spares counting the rest of the run from every position inside it)
_LONG_TOKEN = re.compile(r"(?<!\S)\S{80,}")


def _blank_long_tokens(text: str) -> str:
    if max(map(len, text.split()), default=0) < 80:  # the usual case, found faster than by the pattern
        return text
    return _LONG_TOKEN.sub(lambda m: " " * len(m.group()), text)


class _Analyzer(AnalyzerEngine):
    """Presidio's engine without its context pass: our recognizers score context themselves."""

    def _enhance_using_context(self, text: str, raw_results: list[RecognizerResult], *args: Any,
                               **kwargs: Any) -> list[RecognizerResult]:
        return raw_results


_ID_KEY = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
_NAME_KEY = RecognizerResult.RECOGNIZER_NAME_KEY


class _Pass:
    """The recognizers and entity list Presidio would use for one (language, entities) request."""

    __slots__ = ("entities", "recognizers", "thresholds")

    def __init__(
        self, recognizers: list[EntityRecognizer], entities: list[str], thresholds: dict[str, dict[str, float]]
    ) -> None:
        self.recognizers = recognizers
        self.entities = entities
        self.thresholds = thresholds

    @classmethod
    def build(cls, analyzer: AnalyzerEngine, lang: str, entities: list[str] | None) -> _Pass:
        if entities is None:
            recognizers = analyzer.registry.get_recognizers(language=lang, all_fields=True)
            wanted = analyzer.get_supported_entities(language=lang)
        else:
            recognizers = analyzer.registry.get_recognizers(language=lang, entities=entities)
            wanted = list(entities)
        for recognizer in recognizers:
            if not recognizer.is_loaded:
                recognizer.load()
                recognizer.is_loaded = True
        return cls(list(recognizers), wanted, {r.id: r.score_thresholds for r in recognizers})

    def _threshold(self, result: RecognizerResult, default: float) -> float:
        # AnalyzerEngine.__get_result_score_threshold
        metadata = result.recognition_metadata or {}
        own = self.thresholds.get(metadata.get(_ID_KEY))  # type: ignore[arg-type]
        if not own:
            return default
        value = own.get(result.entity_type)
        if value is None:
            value = own.get("default")
        return default if value is None else value

    def run(self, text: str, artifacts: NlpArtifacts, default_threshold: float) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        for recognizer in self.recognizers:
            found = recognizer.analyze(text=text, entities=self.entities, nlp_artifacts=artifacts)
            if not found:
                continue
            for r in found:  # AnalyzerEngine.__add_recognizer_id_if_not_exists
                if not r.recognition_metadata:
                    r.recognition_metadata = {}
                if _ID_KEY not in r.recognition_metadata:
                    r.recognition_metadata[_ID_KEY] = recognizer.id
                if _NAME_KEY not in r.recognition_metadata:
                    r.recognition_metadata[_NAME_KEY] = getattr(recognizer, "name")  # noqa: B009 (untyped in Presidio)
            results.extend(found)
        results = [r for r in results if r.score >= self._threshold(r, default_threshold)]
        kept: list[RecognizerResult] = EntityRecognizer.remove_duplicates(results)
        return kept


def chunks(text: str, size: int = CHUNK_SIZE) -> Iterator[tuple[int, str]]:
    """Split at a blank line, else a newline, else a space, near ``size`` characters."""
    start = 0
    n = len(text)
    while start < n:
        end = min(n, start + size)
        if end < n:
            window = text[start + size // 2 : end]
            for sep in ("\n\n", "\n", " "):
                cut = window.rfind(sep)
                if cut >= 0:
                    end = start + size // 2 + cut + len(sep)
                    break
        yield start, text[start:end]
        start = end


class Scrubber:
    """Finds personal data in nl/en text and replaces it with stable typed placeholders."""

    def __init__(self, config: ScrubberConfig | None = None) -> None:
        self.config = config or ScrubberConfig()
        langs = list(self.config.languages)
        self._langs = tuple(langs)
        self._key = self.config.placeholder_key.get_secret_value().encode()
        self._nlp = BlankSpacyNlpEngine(langs, self.config.spacy_ner_packages)
        self._nlp.load()
        registry = RecognizerRegistry(supported_languages=langs)
        for lang in langs:
            for recognizer in pattern_recognizers(lang, self.config.custom_patterns):
                registry.add_recognizer(recognizer)
            for recognizer in language_recognizers(lang):
                registry.add_recognizer(recognizer)
            if self._nlp.has_ner(lang):
                registry.add_recognizer(NerSignalRecognizer(lang))
        # Presidio loads recognizers lazily inside analyze(); load them now so analyze is thread-safe.
        for recognizer in registry.recognizers:
            if not recognizer.is_loaded:
                recognizer.load()
                recognizer.is_loaded = True
        self._analyzer = _Analyzer(
            registry=registry,
            nlp_engine=self._nlp,
            supported_languages=langs,
            default_score_threshold=self.config.score_threshold,
        )
        self._pattern_entities = sorted(
            {e for lang in langs for e in self._analyzer.get_supported_entities(lang)} - set(_LANGUAGE_SPECIFIC)
        )
        # languages that have name recognizers (none while the names module is missing)
        self._named_langs = frozenset(
            lang for lang in langs if set(self._analyzer.get_supported_entities(lang)) & set(_LANGUAGE_SPECIFIC)
        )
        # Without NER, a language other than the dominant one changes no result (see ``analyze``) as long as
        # every language has the name recognizers: then detection may stop once the dominant one is certain.
        self._dominant_only = self._named_langs == frozenset(langs) and not any(
            self._nlp.has_ner(lang) for lang in langs
        )
        # Recognizer sets and entity lists per (language, entities) request, resolved once here instead of
        # by Presidio's registry on every call (see ``_raw``).
        self._passes: dict[tuple[str, tuple[str, ...] | None], _Pass] = {}
        for lang in langs:
            self._passes[(lang, None)] = _Pass.build(self._analyzer, lang, None)
            self._passes[(lang, tuple(self._pattern_entities))] = _Pass.build(
                self._analyzer, lang, self._pattern_entities
            )
            if lang in self._named_langs:
                self._passes[(lang, tuple(_LANGUAGE_SPECIFIC))] = _Pass.build(self._analyzer, lang, _LANGUAGE_SPECIFIC)
        self._nlp_lock = threading.Lock()
        language.warm_up(self._langs)

    def _raw(self, text: str, lang: str, entities: list[str] | None) -> list[RecognizerResult]:
        """What ``self._analyzer.analyze(text, language=lang, entities=entities, nlp_artifacts=...)`` returns.

        Presidio's ``AnalyzerEngine.analyze`` looks up the recognizers and supported entities in the
        registry on every call and runs the (here disabled) context pass; this runs the same recognizers
        with the same entity list, then the same score filter and ``remove_duplicates``, without that
        per-call overhead. Result order after ``remove_duplicates`` does not depend on recognizer order.
        """
        spec = self._passes.get((lang, tuple(entities) if entities is not None else None))
        if spec is None:  # not a request the engine makes itself
            with self._nlp_lock:
                artifacts = self._nlp.process_text(text, lang)
            results: list[RecognizerResult] = self._analyzer.analyze(
                text, language=lang, entities=entities, nlp_artifacts=artifacts
            )
            return results
        with self._nlp_lock:
            artifacts = self._nlp.process_text(text, lang)
        return spec.run(text, artifacts, self._analyzer.default_score_threshold)

    def analyze(self, text: str, lang: str | None = None) -> Analysis:
        """Language and resolved entities of ``text``; offsets index the original ``text``. Thread-safe."""
        if not isinstance(text, str):
            raise TypeError("text must be str")
        mapped = normalise(text)
        norm = mapped.text
        if not norm.strip():
            return Analysis(lang or self.config.default_language, ())
        dominant, present = language.detect(
            norm, self._langs, self.config.default_language, complete=not self._dominant_only
        )
        if lang in self._langs:
            present = (lang, *(p for p in present if p != lang))
            dominant = lang
        allowed = allowed_spans(norm, self.config.allow_list)
        entities: list[Entity] = []
        for offset, chunk in chunks(norm):
            if not chunk.strip():
                continue
            names_text = _blank_long_tokens(chunk)
            named = [code for code in present if code in self._named_langs]
            # Our name recognizers ignore the language: without an NER pipeline, a second language's
            # names pass over the same text returns exactly the first one's results, which overlap
            # resolution would drop as duplicates anyway; so it runs only where NER makes it differ.
            ner_names = False
            if names_text == chunk and named and named[0] == dominant:
                # the common case: one Presidio pass with every recognizer of the dominant language
                raw = self._raw(chunk, dominant, None)
                ner_names = self._nlp.has_ner(dominant)
                names_done = True
                named = named[1:]
            else:
                raw = self._raw(chunk, dominant, self._pattern_entities)
                names_done = False
            for code in named:
                has_ner = self._nlp.has_ner(code)
                if names_done and not has_ner and not ner_names:
                    continue
                raw += self._raw(names_text, code, _LANGUAGE_SPECIFIC)
                names_done = True
                ner_names = ner_names or has_ner
            cands = [
                Candidate(r.entity_type, r.start + offset, r.end + offset, float(r.score),
                          str((r.recognition_metadata or {}).get("recognizer_name", "")))
                for r in raw
            ]
            local_allowed = [(s, e) for s, e in allowed if s < offset + len(chunk) and e > offset]
            for c in resolve(cands, local_allowed):
                start, end = mapped.to_original(c.start, c.end)
                entities.append(
                    Entity(c.type, start, end, self.config.action_for(c.type), round(c.score, 3), c.recognizer)
                )
        log.debug("analysed %d chars lang=%s entities=%d", len(text), dominant, len(entities))
        return Analysis(dominant, tuple(entities))

    def redact(self, text: str, analysis: Analysis, book: PlaceholderBook) -> ScrubbedText:
        """Replace every entity whose action is ``redact`` with ``<TYPE_n>``, numbered by ``book``."""
        parts: list[str] = []
        pos = 0
        for ent in sorted(analysis.entities, key=lambda e: (e.start, e.end)):
            if ent.action != "redact" or ent.start < pos:
                continue
            number = book.number_for(ent.type, digest(self._key, ent.type, text[ent.start : ent.end]))
            parts.append(text[pos : ent.start])
            parts.append(placeholder(ent.type, number))
            pos = ent.end
        parts.append(text[pos:])
        return ScrubbedText("".join(parts))

    def placeholders(self, text: str, analysis: Analysis, book: PlaceholderBook) -> list[tuple[Entity, int]]:
        """Each entity ``redact`` replaces, with its placeholder number (the vault needs the pairs).

        Asks ``book`` exactly as ``redact`` does, so called after ``redact`` with the same book it
        returns the numbers ``redact`` used and allocates nothing new.
        """
        pairs: list[tuple[Entity, int]] = []
        pos = 0
        for ent in sorted(analysis.entities, key=lambda e: (e.start, e.end)):
            if ent.action != "redact" or ent.start < pos:
                continue
            pairs.append((ent, book.number_for(ent.type, digest(self._key, ent.type, text[ent.start : ent.end]))))
            pos = ent.end
        return pairs

    def scrub(self, text: str, book: PlaceholderBook | None = None, lang: str | None = None) -> ScrubResult:
        """Analyse and redact in one call; a fresh in-memory book when none is given."""
        analysis = self.analyze(text, lang)
        scrubbed = self.redact(text, analysis, book if book is not None else MemoryBook())
        return ScrubResult(scrubbed, analysis, analysis.redaction_counts())


_CACHE: dict[str, Scrubber] = {}
_CACHE_LOCK = threading.Lock()


def get_scrubber(config: ScrubberConfig | None = None) -> Scrubber:
    """A process-wide ``Scrubber`` per configuration (construction loads pipelines; reuse it)."""
    config = config or _default_config()
    key = config.cache_key()
    with _CACHE_LOCK:
        scrubber = _CACHE.get(key)
        if scrubber is None:
            scrubber = _CACHE[key] = Scrubber(config)
        return scrubber


_DEFAULT: list[ScrubberConfig] = []


def _default_config() -> ScrubberConfig:
    # one default per process, so its random placeholder key (and thus the cache entry) is stable
    if not _DEFAULT:
        _DEFAULT.append(ScrubberConfig())
    return _DEFAULT[0]
