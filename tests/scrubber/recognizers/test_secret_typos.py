"""Cue words typed with one slip are cues (secret_typos); everyday words one slip from a cue are not."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from scrubber.recognizers.secret_typos import typo_cues, typo_table
from tests.scrubber.checks import TableCheck


def test_slips_are_found_and_named() -> None:
    text = "Mijn wahctwoord is X, paswsord Y, pnicode Z, antoword Q"
    assert [cue for _, _, cue in typo_cues(text)] == ["wachtwoord", "password", "pincode", "antwoord"]


def test_no_cue_and_no_everyday_word_is_a_slip() -> None:
    table = typo_table()
    assert "wachtwoord" not in table and "password" not in table  # cues stay cues
    assert not any(w in table for w in ("passport", "passwords", "antwoorden", "kenwort"))


@pytest.mark.parametrize(("text", "value"), [
    ("Mijn inlog was trouwens oma1948 met wahctwoord Kleinkind4 maar dat mag hij veranderen.", "Kleinkind4"),
    ("ok paswsord is: \"tiger lily 77 summer\" (with spaces)", "tiger lily 77 summer"),
    ("pnicode voor de bankapp is 83027 hoor", "83027"),
    ("Kennwrot: Holzbank77", "Holzbank77"),
    ("mijn wachtwoord heb ik veranderd, het nieuwe wachtowrd is Fietsbel!88", "Fietsbel!88"),
])
def test_a_secret_after_a_slip(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "CREDENTIAL")


@pytest.mark.parametrize(("text", "value"), [
    ("my passport number is in the attachment, order 2024-0457", "2024-0457"),
    ("Ik heb de antwoorden op 12 maart gestuurd, factuur 88123", "12 maart"),
])
def test_words_near_a_cue_stay(assert_untouched: Callable[[str, str], None], text: str, value: str) -> None:
    assert_untouched(text, value)
