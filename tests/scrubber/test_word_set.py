"""``scrubber.word_set.WordSet`` answers as the ``frozenset`` of the same words (issue 16's lexicon cut)."""

from __future__ import annotations

import pickle
from collections.abc import Set as AbstractSet

import pytest

from scrubber.lexicon import load_lexicon
from scrubber.word_set import WordSet

WORDS = ["kerkstraat", "van der helststraat", "", "öztürklaan", "'s-gravenweg", "a", "b", "ab", "straat"]


def test_members_and_strangers_answer_as_a_frozenset() -> None:
    words = WordSet(WORDS)
    plain = frozenset(WORDS)
    probes = [*WORDS, "kerk", "straat\nkerkstraat", "kerkstraat\n", "\n", "A", "b\na", "\ud800", 7, None, ("a",)]
    assert [p in words for p in probes] == [p in plain for p in probes]
    assert len(words) == len(plain) and set(words) == plain and sorted(words) == sorted(plain)


def test_an_empty_set_and_a_newline_word() -> None:
    assert len(WordSet()) == 0 and "" not in WordSet() and list(WordSet()) == []
    with pytest.raises(ValueError):
        WordSet(["a\nb"])


def test_set_operations_and_equality_follow_frozenset() -> None:
    words = WordSet(WORDS)
    plain: AbstractSet[str] = frozenset(WORDS)
    assert words == plain and hash(words) == hash(plain)
    assert words | {"x"} == frozenset([*WORDS, "x"]) and isinstance(words | {"x"}, frozenset)
    assert words & {"a", "zz"} == {"a"} and words - set(WORDS[1:]) == {"kerkstraat"}
    assert {"a", "b"} <= words and not {"a", "zz"} <= words


def test_pickled_as_its_buckets() -> None:
    words = WordSet(WORDS)
    again = pickle.loads(pickle.dumps(words, protocol=pickle.HIGHEST_PROTOCOL))
    assert isinstance(again, WordSet) and again == words and all(w in again for w in WORDS)


def test_the_lexicons_streets_are_a_word_set_that_knows_its_streets() -> None:
    lex = load_lexicon()
    assert isinstance(lex.streets, WordSet) and isinstance(lex.place_phrases, WordSet)
    assert len(lex.streets) > 100_000 and "kerkstraat" in lex.streets and "kerkstraatt" not in lex.streets
    assert all(street in lex.streets for street in list(lex.streets)[::997])
