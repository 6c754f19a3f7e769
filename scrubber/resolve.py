"""Overlap resolution and the allow-list: from Presidio's raw results to one non-overlapping set.

Recognizers overlap on purpose: a customer number after "klantnummer" is also an 11-proef-valid BSN, an
e-mail address contains a domain, an address contains a postcode. The highest score wins, then the
longest span; kept types carry high scores when their cue word is present so they beat look-alikes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from scrubber.types import KEEP_TYPES


@dataclass(frozen=True, slots=True)
class Candidate:
    type: str
    start: int
    end: int
    score: float
    recognizer: str


def allowed_spans(text: str, allow_list: Sequence[str]) -> list[tuple[int, int]]:
    """Occurrences of allow-listed literals (case-insensitive, whitespace-flexible)."""
    spans: list[tuple[int, int]] = []
    for literal in allow_list:
        parts = literal.split()
        if not parts:
            continue
        pattern = re.compile(r"\s+".join(re.escape(p) for p in parts), re.IGNORECASE)
        spans.extend((m.start(), m.end()) for m in pattern.finditer(text))
    return spans


# Recognizers whose results stand only next to a person: a date far in the past is a birth date when a name
# stands on its line ("Gerda Smit (14-8-1942)"), and nothing in particular elsewhere.
NEEDS_PERSON = frozenset({"PastDateRecognizer"})
_NEAR = 60


def drop_unsupported(candidates: Sequence[Candidate], text: str, offset: int = 0) -> list[Candidate]:
    """Candidates of ``NEEDS_PERSON`` recognizers without a PERSON candidate close by on their line are dropped.

    ``text`` is the text the candidates index, from ``offset`` on (the engine's chunk).
    """
    if not any(c.recognizer in NEEDS_PERSON for c in candidates):
        return list(candidates)
    persons = [c for c in candidates if c.type == "PERSON"]
    kept = []
    for c in candidates:
        if c.recognizer not in NEEDS_PERSON or any(_same_line_near(text, offset, c, p) for p in persons):
            kept.append(c)
    return kept


def _same_line_near(text: str, offset: int, a: Candidate, b: Candidate) -> bool:
    left, right = (a, b) if a.end <= b.start else (b, a)
    gap = right.start - left.end
    return -1 <= gap <= _NEAR and "\n" not in text[left.end - offset : right.start - offset]


def drop_word_cutters(candidates: Sequence[Candidate], text: str, offset: int = 0) -> list[Candidate]:
    """Candidates that cut a word and lie inside a longer candidate are dropped.

    A value inside a longer value belongs to the longer one (docs/pii-policy.md); a span that starts or ends
    in the middle of a word ("NboCrq" in the random password "h0Xjj7NboCrq") is a piece of that longer value,
    not a value of its own, so its score must not let it split the whole (greedy resolution would keep the
    piece and drop the whole). ``text`` is the text the candidates index, from ``offset`` on.
    """
    def cuts(c: Candidate) -> bool:
        s, e = c.start - offset, c.end - offset
        return (s > 0 and text[s - 1].isalnum() and text[s].isalnum()) or (
            e < len(text) and text[e].isalnum() and text[e - 1].isalnum())

    cutters = [c for c in candidates if cuts(c)]
    if not cutters:
        return list(candidates)
    # c lies inside a longer candidate iff one starting before it reaches its end, or one starting with it
    # ends after it: prefix maxima of the ends over the sorted starts (linear after sorting, not pairs)
    max_end_at: dict[int, int] = {}
    for d in candidates:
        max_end_at[d.start] = max(max_end_at.get(d.start, d.end), d.end)
    starts = sorted(max_end_at)
    before: list[int] = []  # before[k]: the largest end of the candidates starting before starts[k]
    reach = -1
    for start in starts:
        before.append(reach)
        reach = max(reach, max_end_at[start])
    drop = {
        id(c) for c in cutters
        if before[bisect_left(starts, c.start)] >= c.end or max_end_at[c.start] > c.end
    }
    return [c for c in candidates if id(c) not in drop]


_KEEP = frozenset(KEEP_TYPES)
_PLAIN_NUMBER = re.compile(r"\d[\d .-]*\d")


def fill_number_runs(candidates: Sequence[Candidate], text: str, offset: int = 0) -> list[Candidate]:
    """Each stripped candidate inside a longer stripped plain number also stands as a twin over that number.

    The NUMBER rule reports a run nothing explains at a low score, and a checksum rule a number in groups
    ("47 053 911 681", a Steuer-ID) at a middling one, so any typed candidate inside it wins; alone it left the rest
    of the number in clear text ("47 <PHONE_NUMBER_1>", "<NATIONAL_ID_1> 96" for a kimlik no read as a BSN and two
    digits). The twin keeps the inner value's type and score and is longer, so it is chosen first; where a kept
    value takes part of the number the twin loses to it and the inner value stands as before. Kept candidates get
    no twin, nor become one: their cue explains their own span. ``text`` is what the candidates index, from
    ``offset`` on.
    """
    outers = [
        c for c in candidates
        if c.type not in _KEEP and _PLAIN_NUMBER.fullmatch(text, c.start - offset, c.end - offset)
    ]
    if not outers:
        return list(candidates)
    out = list(candidates)
    for c in candidates:
        if c.type in _KEEP:
            continue
        for outer in outers:
            if outer.start <= c.start and c.end <= outer.end and outer.end - outer.start > c.end - c.start:
                out.append(Candidate(c.type, outer.start, outer.end, c.score, c.recognizer))
                break
    return out


# The least length of a candidate's part that sticks out past a higher one to stand on its own (a street and a town).
_MIN_REMAINDER = 12


def _remainder(c: Candidate, winners: Sequence[Candidate]) -> Candidate | None:
    """The part of a stripped candidate past the stripped candidates that outrank it at one of its ends, when that
    part is long enough to be a value of its own ("93 B, last address 7 Rosebank Terrace, ...": the end of a national
    insurance number read as a house number; the number wins, the address after it stays); else None. Never next to
    a kept value: what a kept value outranks is not widened into its neighbourhood; and only past a value of another
    type (where an address reader ran on past a longer address of its own type, the rest is prose)."""
    if c.type in KEEP_TYPES or any(w.type in KEEP_TYPES or w.type == c.type for w in winners):
        return None  # (of one type, the higher reading of the same value won: what it left out is no value)
    left, right = min(w.start for w in winners), max(w.end for w in winners)
    if left <= c.start and right < c.end and c.end - right >= _MIN_REMAINDER:
        return replace(c, start=right)
    if right >= c.end and c.start < left and left - c.start >= _MIN_REMAINDER:
        return replace(c, end=left)
    return None


def resolve(candidates: Iterable[Candidate], allowed: Sequence[tuple[int, int]] = ()) -> list[Candidate]:
    """Greedy selection by (score, length); drops candidates inside an allow-listed occurrence."""
    pool = [
        c for c in candidates
        if c.end > c.start and not any(s <= c.start and c.end <= e for s, e in allowed)
    ]
    pool.sort(key=lambda c: (-c.score, -(c.end - c.start), c.start))
    chosen: list[Candidate] = []  # linear scan: the engine resolves per chunk, so the list stays short
    for c in pool:
        winners = [w for w in chosen if c.start < w.end and w.start < c.end]
        if winners:
            rest = _remainder(c, winners)
            if rest is None:
                continue
            c = rest
        chosen.append(c)
    chosen.sort(key=lambda c: (c.start, c.end))
    return chosen
