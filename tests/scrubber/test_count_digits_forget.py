"""The digit count's and the lowered text's one-entry memories (scrubber.recognizers.base.count_digits and
lowered_for_stems) must not keep a message's raw text alive after its analysis: the module globals are cleared when
the analysis pass ends."""

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


def test_the_last_lowered_text_is_forgotten_after_analysis() -> None:
    text = "Mijn adres is Kerkstraat 12, 5038 AB Tilburg; MIJN BSN IS 111222333."
    Scrubber().analyze(text, lang="nl")
    assert base._last_lowered == ("", "")


def test_the_lowered_text_is_remembered_by_identity() -> None:
    text = "".join(["Wachtwoord ", "Zomer2024!"])
    assert base.lowered_for_stems(text) == text.lower()
    assert base.lowered_for_stems(text) is base.lowered_for_stems(text)
    assert base.lowered_for_stems("DIENST \u212a") is None  # (the Kelvin sign: stem tests unsafe, as before)
    base.forget_count(text)
    assert base._last_lowered == ("", "")
