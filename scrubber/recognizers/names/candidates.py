"""PERSON candidates as the signals report them: a span of tokens, a score and the signals behind it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from scrubber.recognizers.names.view import TextView
from scrubber.recognizers.names.words import PAREN_CLOSE, NameWords

ALL_SIGNALS = frozenset(
    {"lexicon", "greeting", "signature", "header", "table", "login", "ner", "propagate", "organization"}
)

# Scores: an ORGANIZATION outranks any PERSON so that overlap resolution in the engine keeps it.
SCORE_STRONG = 0.85  # context + name shape, or a full name from the lexicon
SCORE_MEDIUM = 0.7
SCORE_WEAK = 0.55

# add(first_token, last_token, score, signal): records a PERSON candidate.
Adder = Callable[[int, int, float, str], None]


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    score: float
    signals: set[str] = field(default_factory=set)


class Candidates:
    """The candidates of one text by span: a span found again keeps its best score and adds its signal."""

    __slots__ = ("_view", "_words", "by_span")

    def __init__(self, view: TextView, words: NameWords) -> None:
        self._view = view
        self._words = words
        self.by_span: dict[tuple[int, int], Candidate] = {}

    def add(self, first: int, last: int, score: float, signal: str) -> None:
        """Record tokens first..last as a PERSON: from its first to its last name part (or closing bracket)."""
        toks = self._view.toks
        parts = self._words.parts(toks, first, last)
        if not parts:
            return
        start, end = parts[0].start, parts[-1].end
        interfixes = self._words.lex.interfixes
        if toks[first].kind == "word" and toks[first].lower in interfixes:
            start = min(start, toks[first].start)  # "Van der Berg", "de Vries, Jan"
        if toks[last].kind == "word" and toks[last].lower in interfixes:
            end = max(end, toks[last].end)  # "Vries, Jan de"
        if toks[last].text in PAREN_CLOSE and toks[last].end > end:
            end = toks[last].end if self._view.text[start:].count("(") else end
        if end == parts[-1].end and parts[-1].kind == "word" and parts[-1].lower.endswith(("'s", "’s")):
            end -= 2  # "Yuri Bulgakov's": the name without its possessive ending
        c = self.by_span.get((start, end))
        if c is None:
            self.by_span[(start, end)] = Candidate(start, end, score, {signal})
        else:
            c.score = max(c.score, score)
            c.signals.add(signal)
