"""``AnalysisPass`` returns what Presidio's ``AnalyzerEngine.analyze`` returns for the same request.

The engine runs its requests through ``scrubber.analysis_pass``, which reproduces part of ``analyze``'s
internals (recognizer selection, entity list, recognizer ids, score thresholds, de-duplication); these
tests compare both on the same registry, so a Presidio upgrade that changes any of that fails here.
"""

from __future__ import annotations

import re

import pytest
from presidio_analyzer import EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from scrubber.analysis_pass import AnalysisPass, no_context_analyzer
from scrubber.config import CustomPattern, ScrubberConfig
from scrubber.engine import Scrubber
from scrubber.nlp import BlankSpacyNlpEngine
from scrubber.recognizers.base import SingleEntityRecognizer

TEXTS = [
    "Hoi Sanne,\n\nMijn BSN is 111222333 en mijn IBAN NL91 ABNA 0417 1643 00. Bel me op 06-12345678.\n\n"
    "Met vriendelijke groet,\nJan de Vries\nBakkerij Jansen B.V.\nKerkstraat 12, 5038 AB Tilburg",
    "Dear Mr O'Neill,\n\ncard 4111 1111 1111 1111 exp 09/28 cvc 123, password: hunter2, DOB: 1985-03-03.\n"
    "My NI number is HZ 12 34 56 A; server 178.81.101.230, site greenleafceramics.co.uk.\n\nCheers,\nHannah Pryce",
    "From: Arjun Mehta <arjun@example.com>\nklantnummer 104233, factuur F2025-004317, KvK 17272632, "
    "btw-nummer NL821792234B01, kenteken 12-ABC-3, Paspoortnummer: NW1K2L3P4, recovery codes:\nabcd-1234\n",
    "Op di 6 mei 2025 schreef Lotte van Dijk <lotte@example.nl>:\n> Hoi, mijn wachtwoord is Zomer2024! "
    "en de sms-code was 481 223. Mijn vader, Johannes (Hans) Dijkstra, bankrekening 758957505. DC-12345",
    "nothing to see here",
    "",
]


def _key(r: RecognizerResult) -> tuple[str, int, int, float, object]:
    return (r.entity_type, r.start, r.end, r.score, (r.recognition_metadata or {}).get("recognizer_name"))


def _artifacts(scrubber: Scrubber, text: str, lang: str) -> NlpArtifacts:
    return scrubber._nlp.process_text(text, lang)


@pytest.fixture(scope="module")
def configured() -> Scrubber:
    """An engine with an operator pattern and a higher score threshold than the default."""
    return Scrubber(ScrubberConfig(
        placeholder_key="test-key-not-secret",  # type: ignore[arg-type]
        score_threshold=0.8,
        custom_patterns=(CustomPattern(type="CUSTOMER_NUMBER", regex=r"\bDC-\d{5}\b"),),
    ))


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
@pytest.mark.parametrize("engine_name", ["default", "configured"])
def test_every_pass_returns_what_analyzer_engine_analyze_returns(
    scrubber: Scrubber, configured: Scrubber, engine_name: str, text: str
) -> None:
    engine = scrubber if engine_name == "default" else configured
    assert engine._passes  # the engine resolved its requests
    for (lang, entities), analysis_pass in engine._passes.items():
        ours = analysis_pass.run(text, _artifacts(engine, text, lang))
        theirs = engine._analyzer.analyze(
            text, language=lang, entities=list(entities) if entities else None,
            nlp_artifacts=_artifacts(engine, text, lang),
        )
        assert sorted(map(_key, ours)) == sorted(map(_key, theirs)), (lang, entities)


class _Digits(SingleEntityRecognizer):
    ENTITY = "DIGITS"

    def find(self, text: str) -> list[RecognizerResult]:
        # scores 0.2, 0.5 and 0.9 by the number's length; a 3-digit number inside a longer one too
        out = [RecognizerResult("DIGITS", m.start(), m.end(), min(0.9, 0.2 + 0.3 * (len(m.group()) - 1)))
               for m in re.finditer(r"\d+", text)]
        out += [RecognizerResult("DIGITS", m.start(), m.start() + 3, 0.9) for m in re.finditer(r"\d{4,}", text)]
        return out


class _Letters(SingleEntityRecognizer):
    ENTITY = "LETTERS"

    def find(self, text: str) -> list[RecognizerResult]:
        return [RecognizerResult("LETTERS", m.start(), m.end(), 0.3) for m in re.finditer(r"[a-z]+", text)]


@pytest.mark.parametrize("entities", [None, ("DIGITS",), ("LETTERS",), ("DIGITS", "LETTERS")])
def test_recognizer_score_thresholds_and_duplicates_as_analyze_applies_them(entities: tuple[str, ...] | None) -> None:
    digits, letters = _Digits("nl"), _Letters("nl")
    digits.score_thresholds = {"DIGITS": 0.5}  # per entity, over the engine's default
    letters.score_thresholds = {"default": 0.25}  # the recognizer's default, under the engine's
    registry = RecognizerRegistry(supported_languages=["nl"])
    registry.add_recognizer(digits)
    registry.add_recognizer(letters)
    nlp = BlankSpacyNlpEngine(["nl"])
    nlp.load()
    analyzer = no_context_analyzer(registry, nlp, ["nl"], score_threshold=0.4)
    analysis_pass = AnalysisPass.build(analyzer, "nl", entities)
    text = "a 1 bc 22 def 333 4444 55555"
    ours = analysis_pass.run(text, nlp.process_text(text, "nl"))
    theirs = analyzer.analyze(text, language="nl", entities=list(entities) if entities else None)
    assert sorted(map(_key, ours)) == sorted(map(_key, theirs))
    assert ours  # each request finds something past the thresholds


def test_an_entities_request_runs_its_recognizers_in_registry_order(scrubber: Scrubber) -> None:
    # Presidio selects them through a set of objects hashed by address; a tie of equal results keeps the first
    # recognizer's name, so that order must not change from process to process.
    order = {id(r): i for i, r in enumerate(scrubber._analyzer.registry.recognizers)}
    longest = 0
    for (_lang, entities), analysis_pass in scrubber._passes.items():
        positions = [order[id(r)] for r in analysis_pass.recognizers]
        assert positions == sorted(positions), entities
        longest = max(longest, len(positions))
    assert longest > 10


# Texts with few digits, where the recognizers that need more are skipped (``AnalysisPass.digits_needed``).
FEW_DIGITS = [re.sub(r"\d", "", text) for text in TEXTS if text] + [
    "Wachtwoord vergeten", "Marieke Hoogendoorn", "paspoort voorkant.jpg", "born in nineteen eighty-five",
    "Naam;Geboortedatum\nJan Smit;veertien maart negentien zestig\n",
    "Gegevens:\nM. Jansen\nthe third of June, nineteen fifty-seven\nDorpsweg\n",
    "Vraag 12", "Re: bestelling 4471", "factuur_2024-03.pdf", "IMG_20240312.jpg", "kenteken 12-ABC-3",
    "Gegevens:\nM. Jansen\n3-6-57\n", "geboren 12-3-85", "BSN 11122233", "Mijn BSN: 111 222 333",
]


@pytest.mark.parametrize("text", FEW_DIGITS, ids=range(len(FEW_DIGITS)))
def test_a_recognizer_finds_nothing_in_a_text_with_fewer_digits_than_it_needs(scrubber: Scrubber, text: str) -> None:
    needed: dict[str, tuple[EntityRecognizer, int]] = {
        str(getattr(r, "name")): (r, least)  # noqa: B009 (untyped in Presidio)
        for p in scrubber._passes.values()
        for r, least in zip(p.recognizers, p.digits_needed, strict=True)
        if least
    }
    assert {
        "OldAccountRecognizer", "PastDateRecognizer", "BirthDateRecognizer", "BirthDateColumnRecognizer",
        "BirthDateBlockRecognizer",
    } <= set(needed)
    digits = len(re.findall(r"\d", text))
    for name, (recognizer, least) in needed.items():
        found = recognizer.analyze(text=text, entities=[], nlp_artifacts=_artifacts(scrubber, text, "nl"))
        assert digits >= least or found == [], name


@pytest.mark.parametrize("text", FEW_DIGITS, ids=range(len(FEW_DIGITS)))
def test_skipping_them_changes_no_pass_result(scrubber: Scrubber, text: str) -> None:
    for (lang, entities), analysis_pass in scrubber._passes.items():
        expected = scrubber._analyzer.analyze(
            text=text, language=lang, entities=list(entities) if entities else None,
            nlp_artifacts=_artifacts(scrubber, text, lang),
        )
        got = analysis_pass.run(text, _artifacts(scrubber, text, lang))
        assert sorted(map(_key, got)) == sorted(map(_key, expected))
