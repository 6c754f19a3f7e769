"""Cap the text that is scrubbed, so one message cannot hold an intake worker for minutes.

The scrubber's time is linear in the length of the text: a 4 MB body held a worker for 28 s, and with
four workers a handful of such mails stalled intake for minutes (issue 15, finding 14). Support needs
the start of a long paste, not all of it; so a body, a text attachment and a subject are cut to a
configured length (``[intake]`` in the configuration), at a line end or else a word boundary, and a
note in the stored text says how much was left out. What is left out is never analysed nor stored.
"""

from __future__ import annotations

from dataclasses import dataclass

# How far back from the cap a line end or space is looked for (a tenth of the cap, at least this many
# characters) before cutting mid-word: a text without any (a minified export) is cut at the cap itself.
_BOUNDARY_WINDOW = 0.1
_BOUNDARY_MIN = 1000


@dataclass(frozen=True, slots=True)
class Capped:
    kept: str
    left_out: int  # UTF-8 bytes of the text left out; 0 when the text was within the cap
    note: str | None  # what to add to the stored text, or None when nothing was left out


def cap_text(text: str, max_chars: int, *, what: str) -> Capped:
    """``text`` cut to at most ``max_chars`` characters at a line end or word boundary.

    ``what`` names the text in the note ("message", "attachment").
    """
    if len(text) <= max_chars:
        return Capped(text, 0, None)
    cut = _boundary(text, max_chars)
    return capped(text[:cut], len(text[cut:].encode("utf-8", "surrogatepass")), what=what)


def capped(kept: str, left_out: int, *, what: str) -> Capped:
    """``kept`` with the note for ``left_out`` bytes left out (none when nothing was)."""
    if left_out <= 0:
        return Capped(kept, 0, None)
    return Capped(kept, left_out, f"[... {_size(left_out)} niet bewaard / not kept: {what} too long]")


def with_note(value: Capped) -> str:
    """The kept text followed by its note on a paragraph of its own (the kept text's offsets unchanged)."""
    if value.note is None:
        return value.kept
    separator = "\n" if value.kept.endswith("\n") else "\n\n"
    return value.kept + separator + value.note


def cap_line(text: str, max_chars: int) -> str:
    """A one-line field (a subject) cut at a word boundary with an ellipsis: no room for a note there."""
    if len(text) <= max_chars:
        return text
    return text[: _boundary(text, max_chars - 1)].rstrip() + "…"


def _boundary(text: str, limit: int) -> int:
    floor = max(1, limit - max(_BOUNDARY_MIN, int(limit * _BOUNDARY_WINDOW)))
    for separator in ("\n", " "):
        found = text.rfind(separator, floor, limit)
        if found >= 0:
            return found + 1
    return limit


def _size(n: int) -> str:
    # Decimal units (SI, as mail clients show sizes), one decimal: "3.1 MB", "0.4 MB", "12 kB".
    if n >= 100_000:
        return f"{n / 1_000_000:.1f} MB"
    return f"{max(1, round(n / 1000))} kB"
