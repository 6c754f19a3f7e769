"""``NameRecognizer``: the Presidio recognizer for PERSON (stripped) and ORGANIZATION (kept)."""

from __future__ import annotations

from collections.abc import Iterable

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from scrubber.recognizers.names.finder import NameFinder

RECOGNIZER_NAME = "NameRecognizer"


class NameRecognizer(EntityRecognizer):
    """PERSON and ORGANIZATION from lexicon, context, signatures, headers and optional spaCy NER."""

    ENTITIES = ("PERSON", "ORGANIZATION")

    def __init__(self, lang: str, finder: NameFinder | None = None) -> None:
        self._finder = finder
        super().__init__(supported_entities=list(self.ENTITIES), supported_language=lang, name=RECOGNIZER_NAME)

    def load(self) -> None:
        if self._finder is None:
            self._finder = NameFinder()

    @property
    def finder(self) -> NameFinder:
        if self._finder is None:
            self._finder = NameFinder()
        return self._finder

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        want_person = "PERSON" in entities
        want_org = "ORGANIZATION" in entities
        if not (want_person or want_org):
            return []
        ner: list[tuple[str, int, int]] = []
        if nlp_artifacts is not None and getattr(nlp_artifacts, "entities", None):
            ner = [(e.label_, e.start_char, e.end_char) for e in nlp_artifacts.entities]
        persons, orgs = self.finder.find(text, ner)
        results: list[RecognizerResult] = []
        if want_org:
            for o in orgs:
                results.append(self._result("ORGANIZATION", o.start, o.end, o.score, {o.signal}))
        if want_person:
            for start, end, score, signals in persons:
                results.append(self._result("PERSON", start, end, score, signals))
        return results

    def _result(self, entity: str, start: int, end: int, score: float, signals: set[str]) -> RecognizerResult:
        explanation = AnalysisExplanation(
            recognizer=RECOGNIZER_NAME,
            original_score=score,
            textual_explanation="signals: " + ",".join(sorted(signals)),
        )
        return RecognizerResult(
            entity,
            start,
            end,
            score,
            analysis_explanation=explanation,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: RECOGNIZER_NAME,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                "signals": sorted(signals),
            },
        )


def name_recognizers(lang: str, organizations: Iterable[str] = ()) -> list[EntityRecognizer]:
    """The PERSON/ORGANIZATION recognizers for one language ("nl" or "en").

    ``organizations``: extra organisation names to keep (the operator's own company); the env var
    ``SCRUBDESK_ORGANIZATIONS`` (comma-separated) is read too.
    """
    return [NameRecognizer(lang, NameFinder(organizations=organizations))]
