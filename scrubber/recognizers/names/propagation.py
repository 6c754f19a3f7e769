"""From candidates to persons: overlaps resolved, then the ``propagate`` signal.

Persons inside an organisation are dropped ("Bakkerij Jansen B.V." stays whole); of overlapping persons
the longest, best scored one stays. ``propagate`` then marks every other occurrence of a found name (or
a distinctive part of it), and a capitalised first name right before a found name joins it.
"""

from __future__ import annotations

from bisect import bisect_left

from scrubber.recognizers.names.candidates import SCORE_MEDIUM, Candidate
from scrubber.recognizers.names.organizations import OrgSpan
from scrubber.recognizers.names.tokens import same_line_gap
from scrubber.recognizers.names.view import TextView
from scrubber.recognizers.names.words import GREETINGS, NameWords


class _Coverage:
    """Which characters are taken, and by which item: linear-time overlap tests on long texts."""

    __slots__ = ("_owner",)

    def __init__(self) -> None:
        self._owner: dict[int, int] = {}

    def mark(self, start: int, end: int, item: int) -> None:
        for i in range(start, end):
            self._owner.setdefault(i, item)

    def first(self, start: int, end: int) -> int | None:
        for i in range(start, end):
            item = self._owner.get(i)
            if item is not None:
                return item
        return None

    def any(self, start: int, end: int) -> bool:
        return self.first(start, end) is not None


def resolve_persons(cands: list[Candidate], orgs: list[OrgSpan]) -> list[Candidate]:
    """Drop persons inside organisations; among overlapping persons keep the longest, best scored."""
    in_org = _Coverage()
    for o in orgs:
        in_org.mark(o.start, o.end, 0)
    owner = _Coverage()
    kept: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.score)):
        if in_org.any(c.start, c.end):
            continue
        clash_at = owner.first(c.start, c.end)
        if clash_at is not None:
            clash = kept[clash_at]
            clash.signals |= c.signals
            if c.signals - {"lexicon"}:
                clash.score = max(clash.score, c.score)
            continue
        owner.mark(c.start, c.end, len(kept))
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def propagate(view: TextView, words: NameWords, persons: list[Candidate], orgs: list[OrgSpan]) -> list[Candidate]:
    """Mark the other occurrences of found names and of their distinctive parts."""
    toks, starts, lex = view.toks, view.tok_starts, words.lex
    strong = [c for c in persons if c.score >= SCORE_MEDIUM]
    forms: dict[str, float] = {}
    for c in strong:
        for t in toks[bisect_left(starts, c.start) : bisect_left(starts, c.end)]:
            if t.end <= c.end and t.kind == "word":
                if len(t.text) < 3 or t.lower in lex.interfixes or t.lower in lex.function_words:
                    continue
                forms[t.lower] = max(forms.get(t.lower, 0.0), min(c.score, SCORE_MEDIUM))
    if not forms:
        return persons
    taken = _Coverage()
    for c in persons:
        taken.mark(c.start, c.end, 0)
    for o in orgs:
        taken.mark(o.start, o.end, 0)
    out = list(persons)
    for t in toks:
        score = forms.get(t.lower)
        if score is None or taken.any(t.start, t.end):
            continue
        if lex.is_common(t.text) and not t.text[0].isupper():
            continue  # "mark" lower-case after "Mark" in a signature stays a word
        out.append(Candidate(t.start, t.end, score, {"propagate"}))
    return sorted(out, key=lambda c: c.start)


def extend_left(view: TextView, words: NameWords, persons: list[Candidate]) -> list[Candidate]:
    """ "Elke Mertens" once "Mertens" is known: a capitalised first name right before a found name
    belongs to it even when it is an everyday word ("elke" = "each")."""
    text, toks = view.text, view.toks
    for c in persons:
        k = bisect_left(view.tok_starts, c.start) - 1
        if k < 0 or not words.parts(toks, k, k):
            continue
        prev = toks[k]
        if (
            prev.kind == "word"
            and prev.text[0].isupper()
            and prev.lower not in GREETINGS
            and words.known_first(prev.text)
            and not (prev.text.isupper() and prev.lower in words.lex.function_words)  # "IK BEN PIETER"
            and same_line_gap(text, prev, toks[k + 1])
            and toks[k + 1].start == c.start
            and not any(o.start <= prev.start < o.end for o in persons if o is not c)
        ):
            c.start = prev.start
            c.signals.add("propagate")
    return persons
