"""Text normalisation: the ASCII fast path removes the same characters as the Unicode pattern; the markup of
a mail converted from HTML becomes spaces in place."""

from __future__ import annotations

import pytest

from scrubber.textmap import normalise


def test_ascii_invisible_class_is_the_unicode_one_within_ascii() -> None:
    from scrubber import textmap

    for c in map(chr, range(128)):
        assert bool(textmap._INVISIBLE_ASCII.fullmatch(c)) == bool(textmap._INVISIBLE.fullmatch(c)), repr(c)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paspoortnummer: _NW1K2L3P4_", "Paspoortnummer:  NW1K2L3P4 "),
        ("BSN: **456739889**", "BSN:   456739889  "),
        ("wachtwoord:&nbsp;Appelboom", "wachtwoord:      Appelboom"),
        # markers inside words and names, lone markers and e-mail local parts stay as they are
        ("my_file_name.pdf en aws_secret_key", "my_file_name.pdf en aws_secret_key"),
        ("Welkom01* en *.jpg", "Welkom01* en *.jpg"),
        ("_jan_@example.nl", "_jan_@example.nl"),
    ],
)
def test_html_to_text_markup_becomes_spaces_in_place(text: str, expected: str) -> None:
    mapped = normalise(text)
    assert mapped.text == expected
    assert mapped.to_original(0, len(expected)) == (0, len(text))
