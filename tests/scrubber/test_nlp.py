"""The blank spaCy pipelines are built only when something asks for tokens (start-up time)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from scrubber.nlp import BlankSpacyNlpEngine


def test_loading_builds_no_blank_pipeline_until_tokens_are_asked_for() -> None:
    engine = BlankSpacyNlpEngine(["nl", "en"])
    engine.load()
    assert engine.is_loaded()
    assert not engine.has_ner("nl")
    artifacts = engine.process_text("Hallo Jan de Vries, bel me.", "nl")
    assert engine._nlp == {}  # nothing built yet: the recognizers read the text
    assert artifacts.entities == []
    assert artifacts.lemmas[:5] == ["hallo", "jan", "de", "vries", ","]
    assert artifacts.tokens_indices[:4] == [0, 6, 10, 13]
    assert list(engine._nlp) == ["nl"]
    assert engine.is_stopword("the", "en") and engine.is_punct(",", "en")


def test_the_blank_pipeline_is_built_once_under_threads() -> None:
    engine = BlankSpacyNlpEngine(["en"])
    engine.load()
    with ThreadPoolExecutor(4) as pool:
        pipelines = list(pool.map(lambda _: engine.pipeline("en"), range(8)))
    assert all(p is pipelines[0] for p in pipelines)
