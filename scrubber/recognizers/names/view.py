"""One text as the name signals read it: its tokens, its lines, and the indexes between the two."""

from __future__ import annotations

from scrubber.recognizers.base import lowered_for_stems
from scrubber.recognizers.names.tokens import Token, by_line, skipped_spans, tokenize


class TextView:
    """The tokens and lines of one text, computed once and shared by every signal."""

    __slots__ = ("line_starts", "lines", "lowered", "skipped", "text", "tok_by_line", "tok_starts", "toks")

    def __init__(self, text: str) -> None:
        self.text = text
        # e-mail addresses, URLs and host names, which have no tokens (the login signal reads them)
        self.skipped = skipped_spans(text)
        self.toks: list[Token] = tokenize(text, self.skipped)
        self.lines = text.split("\n")
        line_starts = [0]
        for ln in self.lines[:-1]:
            line_starts.append(line_starts[-1] + len(ln) + 1)
        self.line_starts = line_starts
        self.tok_starts = [t.start for t in self.toks]
        # token indexes per line, shared by the greeting, signature and header signals
        self.tok_by_line = by_line(self.toks)
        # the lower-cased text for the signals' stem tests (``scrubber.recognizers.base.may_contain``)
        self.lowered = lowered_for_stems(text)
