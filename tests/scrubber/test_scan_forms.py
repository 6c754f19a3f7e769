"""Patterns rewritten for speed (issue 19) find exactly what their plain forms find.

A pattern that starts with a look-behind makes ``re`` try the look-behind at every position of the text;
written to start with the character a match starts with (the look-behind after it), ``re`` skips ahead to
that character. The plain forms stay here, and each pair is compared on random texts built from the pieces
the patterns are about (letters with other case forms under IGNORECASE included).
"""

from __future__ import annotations

import random
import re

import pytest

from scrubber.recognizers import contact
from scrubber.recognizers.names import inverted, lists, logins

_WORD_PIECES = (
    "Jan", "jan", "Piet", "en", "and", "EN", "und", "et", "or", "of", "oder", "ou", "&", "Ben", "İlse", "ſara",
    "\u212aim", "é", "x1", "_a", "a.", "3", "J.", "van", "Marie-Claire", "O'Neill",
)
_GLUE = ("", " ", "  ", "\t", ",", ", ", " ,", "\n", ".", "_", "-", "/", ";", ":")
_LOGIN_PIECES = (
    "jan", "j.devries", "pieter_jansen", "s.bakker84", "a", "x1", "Jan", "user", "@", "a@b.nl", "/", "\\", ".", "-",
    "_", "9", "www.x.nl", "é", "İ", "ſ", "..", "-x", "abc-def-ghi-jkl-mno",
)
_PHONE_PIECES = (
    "(415)", "(415) ", "415", "555", "2671", "415-555-2671", "415.555.2671", "415 555 2671", "(212)555-0100",
    "1", "0", "9", "-", ".", " ", "+", "/", ",", ":", "x", "a", "(", ")", "\u00a0", "99", "200", "2000",
)


def _texts(pieces: tuple[str, ...], glue: tuple[str, ...], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) + rng.choice(glue) for _ in range(rng.randint(1, 10))) for _ in range(n)]


@pytest.mark.parametrize(
    ("fast", "plain", "pieces"),
    [
        (lists._SEPARATOR_RE,
         re.compile(r"(?<=[^\W\d_.])(?:,[ \t]*(?:" + lists._CONJ + r")?|[ \t]+" + lists._CONJ + r")(?=[^\W\d_])",
                    re.IGNORECASE),
         _WORD_PIECES),
        (inverted._COMMA_AFTER_WORD, re.compile(r"(?<=[^\W\d_]),"), _WORD_PIECES),
        (contact._NANP,
         re.compile(r"(?<![\w+/.,:-])(?:\([2-9]\d{2}\)\s?|[2-9]\d{2}[-. ])[2-9]\d{2}[-. ]\d{4}(?![\w]|[.,/-]\d)"),
         _PHONE_PIECES),
        (logins._LOGINISH,
         re.compile(r"(?<![\w@./\\-])[a-z][a-z0-9]*(?:[._-][a-z0-9]+){0,3}(?![\w@/\\-]|\.\w)"),
         _LOGIN_PIECES),
    ],
    ids=["list separator", "comma after word", "nanp", "login-shaped"],
)
def test_rewritten_pattern_finds_what_its_plain_form_finds(
    fast: re.Pattern[str], plain: re.Pattern[str], pieces: tuple[str, ...]
) -> None:
    assert fast.pattern != plain.pattern and fast.flags == plain.flags
    for text in _texts(pieces, _GLUE, 6000, 19):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text
    # anchored uses too (``match`` at a token, ``fullmatch`` of a slice): look-behinds see before ``pos``
    for text in _texts(pieces, _GLUE, 1500, 20):
        for pos in range(len(text) + 1):
            a, b = fast.match(text, pos), plain.match(text, pos)
            assert (a and a.span()) == (b and b.span()), (text, pos)
            a, b = fast.fullmatch(text, pos, len(text) - pos % 3), plain.fullmatch(text, pos, len(text) - pos % 3)
            assert (a and a.span()) == (b and b.span()), (text, pos)
