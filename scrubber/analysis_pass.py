"""Presidio's ``AnalyzerEngine.analyze``, resolved once per request: the one place that reproduces its internals.

Why not call ``AnalyzerEngine.analyze`` per chunk: it looks up the recognizers and the supported entities in
the registry on every call (a scan of every recognizer, sets built and thrown away) and runs a context pass
over every recognizer's results; on short support messages that overhead was a large share of the analysis
(commit dd99ee8, "recognizers run without AnalyzerEngine's per-call lookups"). The engine (``scrubber.engine``)
makes only a few fixed requests per language, so each is resolved once here, at start-up, and then run the
way ``analyze`` runs it.

What ``AnalyzerEngine.analyze(text, language, entities, nlp_artifacts=...)`` does that ``AnalysisPass``
reproduces (presidio-analyzer 2.2.366):

1. recognizer selection: ``registry.get_recognizers(language, entities, all_fields=not entities)``, in
   registry order (for an entities request Presidio returns them in set order, which changes from process to
   process and decides which recognizer's name a tie of equal results keeps: the one deliberate difference);
2. the entity list each recognizer is given: ``get_supported_entities(language)`` when no entities are
   asked for, else the list asked for;
3. loading each selected recognizer that is not loaded yet (here at start-up, so analysis is thread-safe);
4. the recognizer's id and name in each result's ``recognition_metadata`` where missing
   (``__add_recognizer_id_if_not_exists``);
5. the score threshold without a per-request one (``__remove_low_scores``): the recognizer's
   ``score_thresholds`` for the entity, else its ``"default"``, else the engine's ``default_score_threshold``;
6. ``EntityRecognizer.remove_duplicates`` (Presidio's public static method, called as ``analyze`` calls it).

Left out, because the engine does not use them: context enhancement (``no_context_analyzer`` builds the engine
with ``NoContextEnhancer``, and our recognizers keep ``EntityRecognizer.enhance_using_context``, which changes
nothing, so ``analyze`` changes no score there either: our rules check their own bilingual context), a
per-request ``score_threshold``, ad-hoc recognizers, ``allow_list`` (the engine applies its own,
``scrubber.resolve``), decision-process tracing, and clearing ``analysis_explanation`` on the results (nothing
downstream reads it).

``tests/scrubber/test_analysis_pass.py`` checks on several texts that every pass returns what
``AnalyzerEngine.analyze`` returns with the same registry, so a Presidio upgrade that changes any of the above
fails there.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngine

from scrubber.recognizers.base import DIGITS_CAP, count_digits, forget_count

# A recognizer with a ``digits_needed`` attribute above 0 finds nothing in a text holding fewer decimal digits
# (``re``'s ``\d``, which the patterns use): it is not run on such a text (subjects such as "Vraag 12", display
# names, file names). The digits are counted once per text for all of them (``count_digits``, which the rule
# recognizers ask again for their rules and which remembers the text's count), up to ``DIGITS_CAP``.
# ``scrubber.recognizers.base.RuleRecognizer`` works its figure out from its rules' patterns; any other
# recognizer may set it when it holds for it (``scrubber.recognizers.base.min_digits`` of its patterns).
_ID_KEY = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
_NAME_KEY = RecognizerResult.RECOGNIZER_NAME_KEY


class NoContextEnhancer(ContextAwareEnhancer):
    """Leaves scores as the recognizers gave them.

    Presidio's default (``LemmaContextAwareEnhancer``) matches context words against lemmas of a trained
    pipeline; we have blank pipelines only, and our recognizers score their own (nl and en) context.
    """

    def __init__(self) -> None:
        super().__init__(
            context_similarity_factor=0, min_score_with_context_similarity=0, context_prefix_count=0,
            context_suffix_count=0,
        )

    def enhance_using_context(
        self, text: str, raw_results: list[RecognizerResult], *args: Any, **kwargs: Any
    ) -> list[RecognizerResult]:
        return raw_results


def no_context_analyzer(
    registry: RecognizerRegistry, nlp_engine: NlpEngine, languages: list[str], score_threshold: float
) -> AnalyzerEngine:
    """The Presidio engine the passes are resolved from (and the reference the tests compare them with)."""
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=nlp_engine,
        supported_languages=languages,
        default_score_threshold=score_threshold,
        context_aware_enhancer=NoContextEnhancer(),
    )


class AnalysisPass:
    """One (language, entities) request of ``AnalyzerEngine.analyze``, resolved once (see the module docstring)."""

    __slots__ = ("default_threshold", "digits_needed", "entities", "recognizers", "thresholds")

    def __init__(
        self,
        recognizers: list[EntityRecognizer],
        entities: list[str],
        thresholds: dict[str, dict[str, float]],
        default_threshold: float,
    ) -> None:
        self.recognizers = recognizers
        self.entities = entities
        self.thresholds = thresholds
        self.default_threshold = default_threshold
        self.digits_needed = tuple(min(DIGITS_CAP, int(getattr(r, "digits_needed", 0))) for r in recognizers)

    @classmethod
    def build(cls, analyzer: AnalyzerEngine, lang: str, entities: Sequence[str] | None) -> AnalysisPass:
        """Steps 1-3 of the module docstring, for ``analyzer.analyze(text, lang, entities)``."""
        if entities is None:
            recognizers = analyzer.registry.get_recognizers(language=lang, all_fields=True)
            wanted = analyzer.get_supported_entities(language=lang)
        else:
            recognizers = analyzer.registry.get_recognizers(language=lang, entities=list(entities))
            # Presidio collects these in a set of recognizer objects (hashed by address), so their order, and
            # with it which recognizer's name a tie of equal results keeps, changed from process to process;
            # registry order is the order of the all-entities request above.
            position = {id(r): i for i, r in enumerate(analyzer.registry.recognizers)}
            recognizers = sorted(recognizers, key=lambda r: position[id(r)])
            wanted = list(entities)
        for recognizer in recognizers:
            if not recognizer.is_loaded:
                recognizer.load()
                recognizer.is_loaded = True
        thresholds = {r.id: r.score_thresholds for r in recognizers}
        return cls(list(recognizers), wanted, thresholds, analyzer.default_score_threshold)

    def run(self, text: str, artifacts: NlpArtifacts) -> list[RecognizerResult]:
        """What ``analyze(text, language, entities, nlp_artifacts=artifacts)`` returns (steps 4-6)."""
        try:
            return self._run(text, artifacts)
        finally:
            forget_count(text)

    def _run(self, text: str, artifacts: NlpArtifacts) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        digits = -1  # the text's ``count_digits``, once asked
        for recognizer, least in zip(self.recognizers, self.digits_needed, strict=True):
            if least:
                if digits < 0:
                    digits = count_digits(text)
                if digits < least:
                    continue  # it finds nothing here (see ``count_digits``)
            found = recognizer.analyze(text=text, entities=self.entities, nlp_artifacts=artifacts)
            if not found:
                continue
            for r in found:  # 4. AnalyzerEngine.__add_recognizer_id_if_not_exists
                if not r.recognition_metadata:
                    r.recognition_metadata = {}
                if _ID_KEY not in r.recognition_metadata:
                    r.recognition_metadata[_ID_KEY] = recognizer.id
                if _NAME_KEY not in r.recognition_metadata:
                    r.recognition_metadata[_NAME_KEY] = getattr(recognizer, "name")  # noqa: B009 (untyped in Presidio)
            results.extend(found)
        results = [r for r in results if r.score >= self._threshold(r)]  # 5.
        kept: list[RecognizerResult] = EntityRecognizer.remove_duplicates(results)  # 6.
        return kept

    def _threshold(self, result: RecognizerResult) -> float:
        """5. AnalyzerEngine.__get_result_score_threshold."""
        metadata = result.recognition_metadata or {}
        own = self.thresholds.get(metadata.get(_ID_KEY))  # type: ignore[arg-type]
        if not own:
            return self.default_threshold
        value = own.get(result.entity_type)
        if value is None:
            value = own.get("default")
        return self.default_threshold if value is None else value

