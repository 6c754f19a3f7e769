"""Tokens of the name finder: the fast token and skip scans find what their plain forms find."""

from __future__ import annotations

import re

from scrubber.recognizers import base
from scrubber.recognizers.names import organizations as org
from scrubber.recognizers.names import tokens
from tests.scrubber.checks import fuzz_texts


def test_token_start_class_is_everything_but_blanks_digits_and_underscore() -> None:
    start = re.compile(tokens._LEADING_CLASS)
    plain = re.compile(r"[^\s\d_]|\n")
    everything = [chr(c) for c in range(0x110000)]
    assert [c for c in everything if start.match(c)] == [c for c in everything if plain.match(c)]


def test_token_pattern_equals_its_plain_form() -> None:
    plain = re.compile(
        r"(?P<ini>[^\W\d_]\.(?:-?[^\W\d_]\.){0,3})(?![^\W\d_])|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+(?:['’][^\W\d_]+)*)*)"
        r"|(?P<nl>\n)|(?P<sym>[^\s\w])"
    )
    pieces = ("M.J.", "j.", "J.-P.", "a.-", "A.B.C.D.E.", "O'Neill", "Mulder-Kramer", "d’Hondt", "x", "é", "½", "_",
              "12", "\u00a0", "\u2028", "-", "'", "’", ".", "\t", "a.b.c", "Ø.", "ß")
    for text in fuzz_texts(pieces, 5000, 41):
        fast = [(m.span(), m.lastgroup) for m in tokens._TOKEN_RE.finditer(text)]
        assert fast == [(m.span(), m.lastgroup) for m in plain.finditer(text)], text


def test_skip_spans_and_domain_labels_equal_whole_text_scans() -> None:
    pieces = ("a@b.nl", "jan.de-vries@x.co.uk", "https://x.nl/a", "HTTP://Y", "www.(", "WWW.x", "sub.host.nl", "einde.",
              "10:30", "M.J.", "a.b", ".-b.nl", "shop.greenleafceramics.co.uk", "x", "-", "ftp://h")
    for text in fuzz_texts(pieces, 5000, 51):
        whole = [m.span() for m in tokens._SKIP_RE.finditer(text) if not tokens._is_initials_only(m.group())]
        runs = [s for s in base.runs_with(text, tokens._SKIP_HINT) if not tokens._may_skip(text[s[0] : s[1]])]
        assert not [m for s, e in runs for m in tokens._SKIP_RE.finditer(text, s, e)], text
        kept = [m.span() for s, e in base.runs_with(text, tokens._SKIP_HINT) if tokens._may_skip(text[s:e])
                for m in tokens._SKIP_RE.finditer(text, s, e) if not tokens._is_initials_only(m.group())]
        assert kept == whole, text
        dots = [m.group() for s, e in base.runs_with(text, tokens.DOT) for m in org._DOMAIN_RE.finditer(text, s, e)]
        assert dots == [m.group() for m in org._DOMAIN_RE.finditer(text)], text
