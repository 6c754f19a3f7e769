"""Text normalisation: the ASCII fast path removes the same characters as the Unicode pattern."""

from __future__ import annotations


def test_ascii_invisible_class_is_the_unicode_one_within_ascii() -> None:
    from scrubber import textmap

    for c in map(chr, range(128)):
        assert bool(textmap._INVISIBLE_ASCII.fullmatch(c)) == bool(textmap._INVISIBLE.fullmatch(c)), repr(c)
