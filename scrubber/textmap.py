"""Normalise text for analysis while keeping a map back to the original offsets.

People paste numbers from PDFs and apps that carry zero-width spaces, soft hyphens, bidi marks and
other invisible characters (Unicode category Cf) or control characters (Cc). A BSN with U+200B inside
must still be found, so these are removed before analysis and every offset is mapped back: entities
always index the ORIGINAL text. Exotic spaces (NBSP, thin space) become a plain space in place.

Mail converted from HTML to text leaves markup around values: "&nbsp;" entities and the "*bold*" and
"_italic_" markers of a converter ("Paspoortnummer: _NW1K2L3P4_"). Both become spaces in place (same length,
so offsets do not move): a marker is no part of the value, and "_" glued to it hid the value from its pattern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

# Format (Cf: zero-width, bidi, soft hyphen), surrogate, private-use and control characters except tab/newline/CR.
_INVISIBLE = regex.compile(r"[\p{Cf}\p{Cs}\p{Co}\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")
# The same characters within ASCII (Cf, Cs and Co have none there), for the stdlib ``re``, which scans
# a class of ASCII characters much faster than ``regex`` scans Unicode properties: most messages are ASCII.
_INVISIBLE_ASCII = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]+")
# Same-length replacement: exotic spaces become a plain space, so offsets do not move.
_SPACES = str.maketrans({c: " " for c in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                         "\u2008\u2009\u200a\u202f\u205f\u3000"})


# an emphasis marker pair around a run of text on one line, not inside a word ("*bold*", "__x__"; not "a_b_c")
_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,2}|_{1,2})(?=[^\s*_])([^\n*_]{0,80}?[^\s*_])\1(?![\w*@])")


def _unmark(text: str) -> str:
    """``&nbsp;`` entities and emphasis markers as spaces (same length; see the module docstring)."""
    if "&nbsp;" in text:
        text = text.replace("&nbsp;", "      ")
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub(lambda m: " " * len(m[1]) + m[2] + " " * len(m[1]), text)
    return text


@dataclass(frozen=True, slots=True)
class MappedText:
    """``text`` is the normalised text; ``origin[i]`` is the original index of ``text[i]``."""

    text: str
    origin: tuple[int, ...] | None  # None when nothing was removed (identity map)
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised half-open span to the original text."""
        if self.origin is None:
            return start, end
        if start >= end:
            pos = self.origin[start] if start < len(self.origin) else self.original_length
            return pos, pos
        return self.origin[start], self.origin[end - 1] + 1


def normalise(text: str) -> MappedText:
    """Drop invisible/control characters and unify spaces; return the text with its offset map."""
    ascii_only = text.isascii()
    text_spaced = _unmark(text if ascii_only else text.translate(_SPACES))
    removed: list[tuple[int, int]] = [
        m.span() for m in (_INVISIBLE_ASCII.finditer(text) if ascii_only else _INVISIBLE.finditer(text_spaced))
    ]
    if not removed:
        return MappedText(text_spaced, None, len(text))
    parts: list[str] = []
    origin: list[int] = []
    pos = 0
    for start, end in removed:
        parts.append(text_spaced[pos:start])
        origin.extend(range(pos, start))
        pos = end
    parts.append(text_spaced[pos:])
    origin.extend(range(pos, len(text_spaced)))
    return MappedText("".join(parts), tuple(origin), len(text))
