"""The scrubber engine: detect language, analyse with Presidio, resolve overlaps, apply policy, replace.

``Scrubber`` implements ``scrubber.types.TextScrubber``. One Presidio ``AnalyzerEngine`` serves nl and
en on blank spaCy pipelines (``scrubber.nlp``); our recognizers do their own bilingual context checks,
so Presidio's lemma-based context pass (which needs a trained model) is skipped. The engine's requests
are resolved once and run as ``AnalyzerEngine.analyze`` runs them (``scrubber.analysis_pass``, the one
module that reproduces Presidio internals). Long texts are analysed in chunks split at paragraph/line
boundaries so time stays linear in the text length.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import replace

from scrubber import language
from scrubber.config import ScrubberConfig
from scrubber.gc_pause import gc_paused
from scrubber.placeholders import numbered, replace_numbered
from scrubber.resolve import (
    Candidate,
    allowed_spans,
    drop_unsupported,
    drop_word_cutters,
    fill_number_runs,
    resolve,
)
from scrubber.textmap import MappedText, normalise
from scrubber.types import Analysis, Entity, MemoryBook, PlaceholderBook, ScrubbedText, ScrubResult

# Presidio and spaCy are most of the scrubber's start-up (about 0.75 s of CPU of 1.1 s): imported with the
# cyclic collector paused, which saves about a tenth of it (``scrubber.gc_pause``).
with gc_paused():
    from presidio_analyzer import RecognizerRegistry, RecognizerResult

    from scrubber import credential_model
    from scrubber.analysis_pass import AnalysisPass, no_context_analyzer
    from scrubber.nlp import BlankSpacyNlpEngine, NerSignalRecognizer
    from scrubber.recognizers import language_recognizers, pattern_recognizers

log = logging.getLogger(__name__)

CHUNK_SIZE = 20_000
_LANGUAGE_SPECIFIC = ["PERSON", "ORGANIZATION"]
# Runs of this many non-space characters (base64, hashes, junk) cannot hold a name; the name
# recognizers see them blanked (same length, so offsets hold), which keeps their cost linear.
# (a match starts where a run of non-space characters starts, so the look-behind changes no match of
# r"\S{80,}"; it spares counting the rest of the run from every position inside it)
_LONG_TOKEN = re.compile(r"(?<!\S)\S{80,}")


# Reaches every lazily loaded list of the recognizers (see ``Scrubber.warm_up``): a password cue with a
# passphrase-like run (credentials), a camel-case key (secrets), an address block ending in a country line
# (address_blocks), a street abroad (addresses_world), and a British number (phonenumbers' GB metadata).
_WARM_UP = (
    "Hi, my password Zomer2024! no longer works, de sleutel is Zonnebloem42Paard7xQ. Call +44 7700 900123.\n"
    "Send it to 221B Baker Street, London NW1 6XE, United Kingdom.\n\nRua das Flores 123\nCastanhal\nBrazil 81581\n"
)


def _blank_long_tokens(text: str) -> str:
    # the usual cases: a short text (a subject, a name), or no token that long (found faster than by the pattern)
    if len(text) < 80 or max(map(len, text.split()), default=0) < 80:
        return text
    return _LONG_TOKEN.sub(lambda m: " " * len(m.group()), text)


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
        # the recognizers' modules, patterns, the lexicon and the word lists load here: the collector waits
        # (``scrubber.gc_pause``)
        with gc_paused():
            self._build(config)
            language.warm_up(self._langs)
            self.warm_up()

    def _build(self, config: ScrubberConfig | None) -> None:
        self.config = config or ScrubberConfig()
        langs = list(self.config.languages)
        self._langs = tuple(langs)
        self._key = self.config.placeholder_key.get_secret_value().encode()
        self._nlp = BlankSpacyNlpEngine(langs, self.config.spacy_ner_packages)
        self._nlp.load()
        self._analyzer = no_context_analyzer(self._registry(langs), self._nlp, langs, self.config.score_threshold)
        supported = {lang: set(self._analyzer.get_supported_entities(lang)) for lang in langs}
        self._pattern_entities = sorted(set().union(*supported.values()) - set(_LANGUAGE_SPECIFIC))
        # languages that have name recognizers (none when the engine is built without them)
        self._named_langs = frozenset(lang for lang in langs if supported[lang] & set(_LANGUAGE_SPECIFIC))
        # Without NER, a language other than the dominant one changes no result (see ``_chunk_results``) as long
        # as every language has the name recognizers: then detection may stop once the dominant one is certain.
        self._dominant_only = self._named_langs == frozenset(langs) and not any(
            self._nlp.has_ner(lang) for lang in langs
        )
        self._passes = self._resolve_passes(langs)
        self._nlp_lock = threading.Lock()

    def warm_up(self) -> None:
        """Analyse ``_WARM_UP`` once, so that the recognizers' lazily loaded word lists are loaded now.

        Several recognizers load a list on first use (``functools.lru_cache``: wordfreq's common words
        for passphrases and its everyday words for generated keys, 0.04 s of CPU each since they are read
        by ``scrubber.word_frequency`` (0.4 and 0.2 s through wordfreq); country names for address blocks,
        from the lexicon) and a ``lru_cache`` holds no lock while it computes: the intake workers that
        meet the first message needing a list each build it (8 threads: 8 loads, 2.1 s of CPU, measured;
        issue 19, where this made scrubbing look three times as costly under ``serve`` as alone).
        ``tests/scrubber/test_warm_up.py`` checks that the text still reaches every such loader.
        """
        self.analyze(_WARM_UP)

    def _registry(self, langs: list[str]) -> RecognizerRegistry:
        """Our recognizers for every language, loaded now (Presidio would load them lazily inside analyze)."""
        registry = RecognizerRegistry(supported_languages=langs)
        for lang in langs:
            for recognizer in pattern_recognizers(lang, self.config.custom_patterns, self.config):
                registry.add_recognizer(recognizer)
            for recognizer in language_recognizers(lang):
                registry.add_recognizer(recognizer)
            if self._nlp.has_ner(lang):
                registry.add_recognizer(NerSignalRecognizer(lang))
        for recognizer in registry.recognizers:  # loaded here, so that analyze is thread-safe
            if not recognizer.is_loaded:
                recognizer.load()
                recognizer.is_loaded = True
        return registry

    def _resolve_passes(self, langs: list[str]) -> dict[tuple[str, tuple[str, ...] | None], AnalysisPass]:
        """Every (language, entities) request ``_chunk_results`` makes, resolved once (``scrubber.analysis_pass``)."""
        passes: dict[tuple[str, tuple[str, ...] | None], AnalysisPass] = {}
        for lang in langs:
            requests: list[Sequence[str] | None] = [None, self._pattern_entities]
            if lang in self._named_langs:
                requests.append(_LANGUAGE_SPECIFIC)
            for entities in requests:
                key = tuple(entities) if entities is not None else None
                passes[(lang, key)] = AnalysisPass.build(self._analyzer, lang, entities)
        return passes

    def _raw(self, text: str, lang: str, entities: Sequence[str] | None) -> list[RecognizerResult]:
        """What ``self._analyzer.analyze(text, language=lang, entities=entities)`` returns."""
        analysis_pass = self._passes[(lang, tuple(entities) if entities is not None else None)]
        with self._nlp_lock:
            artifacts = self._nlp.process_text(text, lang)
        return analysis_pass.run(text, artifacts)

    def analyze(self, text: str, lang: str | None = None) -> Analysis:
        """Language and resolved entities of ``text``; offsets index the original ``text``. Thread-safe."""
        if not isinstance(text, str):
            raise TypeError("text must be str")
        mapped = normalise(text)
        norm = mapped.text
        if not norm.strip():
            return Analysis(lang or self.config.default_language, ())
        present: tuple[str, ...]
        if lang in self._langs and self._dominant_only:
            # The caller names the language (a subject, a name or an attachment in the body's language) and
            # the other languages present change no result (``_dominant_only``): nothing to detect.
            dominant, present = lang, (lang,)
        else:
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
            raw = self._chunk_results(chunk, dominant, present)
            entities.extend(self._entities(raw, offset, chunk, allowed, mapped, dominant))
        log.debug("analysed %d chars lang=%s entities=%d", len(text), dominant, len(entities))
        return Analysis(dominant, tuple(entities))

    def _chunk_results(self, chunk: str, dominant: str, present: tuple[str, ...]) -> list[RecognizerResult]:
        """Presidio's results on one chunk: the dominant language's recognizers, and the names of the others.

        Our name recognizers ignore the language: without an NER pipeline, a second language's names pass
        over the same text returns exactly the first one's results, which overlap resolution would drop as
        duplicates anyway; so it runs only where NER makes it differ. The name recognizers see long junk
        tokens blanked (``_blank_long_tokens``).
        """
        names_text = _blank_long_tokens(chunk)
        named = [code for code in present if code in self._named_langs]
        ner_names = False
        if names_text == chunk and named and named[0] == dominant:
            # the common case: one pass with every recognizer of the dominant language
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
        return raw

    def _entities(
        self, raw: list[RecognizerResult], offset: int, chunk: str, allowed: list[tuple[int, int]], mapped: MappedText,
        lang: str,
    ) -> list[Entity]:
        """One chunk's results resolved (overlaps, allow-list), mapped to the original text, with their action;
        then the learned credential scorer's strips of what nothing reported (``scrubber.credential_model``)."""
        if not raw and not self.config.credential_model:
            return []  # (most short texts: subjects, names, file names)
        cands = [
            Candidate(r.entity_type, r.start + offset, r.end + offset, float(r.score),
                      str((r.recognition_metadata or {}).get("recognizer_name", "")))
            for r in raw
        ]
        cands = drop_word_cutters(drop_unsupported(cands, chunk, offset), chunk, offset)
        cands = fill_number_runs(cands, chunk, offset)
        length = len(chunk)
        local_allowed = [(s, e) for s, e in allowed if s < offset + length and e > offset]
        resolved = resolve(cands, local_allowed)
        if self.config.credential_model:
            # every span a recognizer reported (kept or stripped, chosen or not) and the allow-list stay untouched
            taken = [(c.start - offset, c.end - offset) for c in cands]
            taken += [(s - offset, e - offset) for s, e in local_allowed]
            added = [replace(c, start=c.start + offset, end=c.end + offset)
                     for c in credential_model.vote(chunk, lang, taken)]
            if added:
                resolved = sorted([*resolved, *added], key=lambda c: (c.start, c.end))
        entities = []
        for c in resolved:
            start, end = mapped.to_original(c.start, c.end)
            entities.append(Entity(c.type, start, end, self.config.action_for(c.type), round(c.score, 3), c.recognizer))
        return entities

    def redact(self, text: str, analysis: Analysis, book: PlaceholderBook) -> ScrubbedText:
        """Replace every entity whose action is ``redact`` with ``<TYPE_n>``, numbered by ``book``."""
        return ScrubbedText(replace_numbered(text, numbered(self._key, text, analysis, book)))

    def placeholders(self, text: str, analysis: Analysis, book: PlaceholderBook) -> list[tuple[Entity, int]]:
        """Each entity ``redact`` replaces, with its placeholder number (the vault needs the pairs).

        Asks ``book`` exactly as ``redact`` does, so called after ``redact`` with the same book it
        returns the numbers ``redact`` used and allocates nothing new.
        """
        return list(numbered(self._key, text, analysis, book))

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
