"""The install-time lexicon: built into the cache dir, loaded back, with the word classes names need."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from scrubber import lexicon as lexicon_mod


def test_build_write_and_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv(lexicon_mod.CACHE_ENV, str(tmp_path))
    lexicon_mod.load_lexicon.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="scrubber.lexicon"):
            lex = lexicon_mod.load_lexicon()
        assert "missing" in caplog.text  # first load builds it, loudly
        path = lexicon_mod.cache_path()
        assert path.parent == tmp_path and path.exists()
        lexicon_mod.load_lexicon.cache_clear()
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="scrubber.lexicon"):
            again = lexicon_mod.load_lexicon()
        assert caplog.text == ""  # second load reads the cache
        assert again == lex
    finally:
        lexicon_mod.load_lexicon.cache_clear()

    assert {"sanne", "lotte", "hannah", "mehmet"} <= lex.first_names
    assert {"jansen", "visser", "pryce"} <= lex.surnames
    assert {"van", "de", "van der", "ter", "el"} <= lex.interfixes
    assert "kerkstraat" in lex.streets
    assert {"tilburg", "lisse"} <= lex.places
    # everyday words that are also names need context
    assert {"will", "mark", "bos", "van"} <= lex.common_words
    assert "sanne" not in lex.common_words
    assert "unfortunately" in lex.vocabulary and "sanne" not in lex.vocabulary
    # country names of four languages, made at build time (issue 16: no babel at start-up)
    assert {"the netherlands", "duitsland", "germany", "deutschland", "allemagne", "usa"} <= lex.countries


def test_cli_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(lexicon_mod.CACHE_ENV, str(tmp_path))
    stale = tmp_path / "lexicon.000000000000.pickle"
    stale.write_bytes(b"old")
    assert lexicon_mod.main(["build"]) == 0
    assert "wrote" in capsys.readouterr().out
    assert lexicon_mod.cache_path().exists()
    assert not stale.exists()
