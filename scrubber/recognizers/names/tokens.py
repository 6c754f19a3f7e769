"""Word tokens for the name and organisation finders, and the token relations they share.

E-mail addresses, URLs and host names are skipped as a whole: pii-policy says a value inside them is
not annotated separately, and stripping a surname out of "bakkerij-jansen.nl" would damage a kept DOMAIN.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Literal

from scrubber.recognizers.base import runs_with

_SKIP_RE = re.compile(
    r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail address (RFC 5322 addr-spec, simplified)
    r"|(?:https?|ftp)://\S+|www\.\S+"  # URL (RFC 3986)
    r"|(?<![\w.])(?:[\w-]+\.)+(?:[a-z]{2,24})(?![\w@-]|\.\w)",  # host name with a TLD (RFC 1035)
    re.IGNORECASE,
)
_LETTER = r"[^\W\d_]"
# Initials ("M.J.", "j.", "J.-P."), words (O'Neill, Mulder-Kramer), newlines and symbols:
#   (?P<ini>L\.(?:-?L\.){0,3})(?!L) | (?P<word>L+(?:['’]L+)*(?:-L+(?:['’]L+)*)*) | (?P<nl>\n) | (?P<sym>[^\s\w])
# with L a letter. Every token starts with a character that is not a space (other than a newline), a digit
# or "_": the pattern starts with that class, then tells the kinds apart by a look-behind at it, so that
# ``re`` skips spaces and digits itself. tests/scrubber/recognizers/names/test_tokens.py checks both forms agree.
_LEADING_CLASS = r"[^\t\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\d_]"
_TOKEN_RE = re.compile(
    _LEADING_CLASS
    + r"(?:(?P<ini>(?<=" + _LETTER + r")\.(?:-?" + _LETTER + r"\.){0,3})(?!" + _LETTER + r")"
    + r"|(?P<word>(?<=" + _LETTER + r")" + _LETTER + r"*(?:['’]" + _LETTER + r"+)*(?:-" + _LETTER + r"+(?:['’]"
    + _LETTER + r"+)*)*)"
    + r"|(?P<nl>(?<=\n))"
    + r"|(?P<sym>(?<=[^\s\w])))"
)
TokenKind = Literal["word", "ini", "sym"]


class Token:
    """One token. A class with slots, not a named tuple: the name finder reads token fields some thirty
    times per token, and CPython 3.11 reads a slot much faster than a named tuple's field (which goes
    through a descriptor on every access), while building either costs about the same."""

    __slots__ = ("end", "kind", "line", "lower", "start", "text")

    def __init__(self, start: int, end: int, text: str, lower: str, kind: TokenKind, line: int) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.lower = lower
        self.kind = kind
        self.line = line

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r}, {self.kind}, line {self.line})"


_SKIP_HINT = re.compile(r"[.@:]")
DOT = re.compile(r"\.\w")  # in every host name: a dot, then its next label


def tokenize(text: str, skips: list[tuple[int, int]] | None = None) -> list[Token]:
    """Words, initials and symbols with their line numbers; e-mail addresses and URLs are left out.

    ``skips``: the spans of those addresses, URLs and host names (``skipped_spans``), when already known.
    """
    if skips is None:
        skips = skipped_spans(text)
    out: list[Token] = []
    append = out.append
    line = 0
    k = 0
    n_skips = len(skips)
    skip_start, skip_end = skips[0] if skips else (-1, -1)
    for m in _TOKEN_RE.finditer(text):
        group = m.lastgroup
        if group == "nl":
            line += 1
            continue
        start, end = m.span()
        if k < n_skips:
            while skip_end <= start:
                k += 1
                if k == n_skips:
                    break
                skip_start, skip_end = skips[k]
            if k < n_skips and skip_start <= start:
                continue
        if group == "ini" and start and text[start - 1].isdigit():
            continue  # a unit glued to a number ("8s.", "256M.") is no initial of a name
        tok = m.group()
        # the group names are the token kinds ("ini", "word", "sym"; "nl" was handled above)
        append(Token(start, end, tok, tok.lower(), group, line))  # type: ignore[arg-type]  # (a str, not a TokenKind)
    return out


def skipped_spans(text: str) -> list[tuple[int, int]]:
    """The e-mail addresses, URLs and host names of the text, in order (initials such as "M.J." are not)."""
    # every _SKIP_RE match is a run of non-space characters with an "@", ":" or "."
    # (a run whose only hint is a sentence's closing dot or a colon without "//" holds none: every match
    # holds an "@", a "://", a dot before a word character or "www.")
    return [
        m.span()
        for start, end in runs_with(text, _SKIP_HINT)
        if _may_skip(text[start:end])
        for m in _SKIP_RE.finditer(text, start, end)
        if not _is_initials_only(m.group())
    ]


def _may_skip(run: str) -> bool:
    """False only when no _SKIP_RE match can lie in this whitespace-free run (a cheap necessary test)."""
    return "@" in run or "://" in run or DOT.search(run) is not None or "www." in run.lower()


def _is_initials_only(value: str) -> bool:
    """'M.J.' or 'F.W.' look like host names to the skip pattern; they are initials."""
    return all(len(part) <= 2 for part in value.split("."))


def same_line_gap(text: str, a: Token, b: Token) -> bool:
    """Only spaces (no newline, no punctuation) between two tokens."""
    return a.line == b.line and (b.start - a.end) <= 3 and text[a.end : b.start].strip() == ""


def by_line(toks: list[Token]) -> dict[int, list[int]]:
    """Token indexes per line number (tokens come in text order, so each line's are one stretch)."""
    lines: dict[int, list[int]] = {}
    line_of = [t.line for t in toks]
    i, n = 0, len(line_of)
    while i < n:
        line = line_of[i]
        j = bisect_right(line_of, line, i)
        lines[line] = list(range(i, j))
        i = j
    return lines
