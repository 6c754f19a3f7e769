"""The digit count's one-entry memory (scrubber.recognizers.base.count_digits) must not keep a message's raw text alive
after its analysis: the module global is cleared when the analysis pass ends."""

from __future__ import annotations

from scrubber.engine import Scrubber
from scrubber.recognizers import base


def test_the_last_counted_text_is_forgotten_after_analysis() -> None:
    text = "Mijn BSN is 111222333 en mijn telefoon 06-12345678."
    Scrubber().analyze(text, lang="nl")
    assert base._last_count[0] is not text


def test_forget_leaves_another_texts_count() -> None:
    base.count_digits("abc 123")
    kept = base._last_count
    base.forget_count("another text")
    assert base._last_count is kept
