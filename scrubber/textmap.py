"""Normalise text for analysis while keeping a map back to the original offsets.

People paste numbers from PDFs and apps that carry zero-width spaces, soft hyphens, bidi marks and
other invisible characters (Unicode category Cf) or control characters (Cc). A BSN with U+200B inside
must still be found, so these are removed before analysis and every offset is mapped back: entities
always index the ORIGINAL text. Exotic spaces (NBSP, thin space) become a plain space in place.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_KEEP_CONTROLS = frozenset("\n\t\r")


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


def _is_invisible(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat in ("Cf", "Cs", "Co") or (cat == "Cc" and ch not in _KEEP_CONTROLS)


def normalise(text: str) -> MappedText:
    """Drop invisible/control characters and unify spaces; return the text with its offset map."""
    if text.isascii() and text.isprintable():
        return MappedText(text, None, len(text))
    out: list[str] = []
    origin: list[int] = []
    removed = False
    for i, ch in enumerate(text):
        if ch.isascii():
            if ch.isprintable() or ch in _KEEP_CONTROLS:
                out.append(ch)
                origin.append(i)
            else:
                removed = True
            continue
        if _is_invisible(ch):
            removed = True
            continue
        out.append(" " if ch.isspace() and ch not in "\n\r\t\u2028\u2029" else ch)
        origin.append(i)
    return MappedText("".join(out), tuple(origin) if removed else None, len(text))
