"""NameRecognizer: the Presidio recognizer for PERSON and ORGANIZATION, with and without spaCy NER entities."""

from __future__ import annotations

import pytest

from scrubber.recognizers.names import NameRecognizer, name_recognizers


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_presidio_recognizer_results(lang: str) -> None:
    (rec,) = name_recognizers(lang)
    assert isinstance(rec, NameRecognizer)
    assert rec.supported_language == lang
    text = "Hi Lotte,\n\nThanks!\n\nCheers,\nHannah Pryce\nGreenleaf Ceramics Ltd"
    results = rec.analyze(text, ["PERSON", "ORGANIZATION"], None)
    got = {(r.entity_type, text[r.start : r.end]) for r in results}
    assert ("PERSON", "Lotte") in got
    assert ("PERSON", "Hannah Pryce") in got
    assert ("ORGANIZATION", "Greenleaf Ceramics Ltd") in got
    org_score = max(r.score for r in results if r.entity_type == "ORGANIZATION")
    assert all(r.score < org_score for r in results if r.entity_type == "PERSON")
    assert rec.analyze(text, ["EMAIL_ADDRESS"], None) == []


def test_uses_spacy_ner_entities_when_present() -> None:
    """A trained pipeline's PER/ORG entities are one more signal (here set by hand on a blank doc)."""
    import spacy
    from presidio_analyzer.nlp_engine import NlpArtifacts
    from spacy.tokens import Span

    nlp = spacy.blank("en")
    text = "We spoke to Mountain Breeze at Acme yesterday."  # two everyday words: the rules alone see no name
    doc = nlp(text)
    doc.ents = [Span(doc, 3, 5, label="PERSON"), Span(doc, 6, 7, label="ORG")]
    artifacts = NlpArtifacts(
        entities=doc.ents, tokens=doc, tokens_indices=[t.idx for t in doc], lemmas=[], nlp_engine=None, language="en"
    )
    (rec,) = name_recognizers("en")
    without = {text[r.start : r.end] for r in rec.analyze(text, ["PERSON", "ORGANIZATION"], None)}
    with_ner = {
        (r.entity_type, text[r.start : r.end]) for r in rec.analyze(text, ["PERSON", "ORGANIZATION"], artifacts)
    }
    assert "Mountain Breeze" not in without
    assert ("PERSON", "Mountain Breeze") in with_ner
    assert ("ORGANIZATION", "Acme") in with_ner
