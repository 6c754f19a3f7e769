"""Overlap resolution and the allow-list: from Presidio's raw results to one non-overlapping set.

Recognizers overlap on purpose: a customer number after "klantnummer" is also an 11-proef-valid BSN, an
e-mail address contains a domain, an address contains a postcode. The highest score wins, then the
longest span; kept types carry high scores when their cue word is present so they beat look-alikes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


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


def resolve(candidates: Iterable[Candidate], allowed: Sequence[tuple[int, int]] = ()) -> list[Candidate]:
    """Greedy selection by (score, length); drops candidates inside an allow-listed occurrence."""
    pool = [
        c for c in candidates
        if c.end > c.start and not any(s <= c.start and c.end <= e for s, e in allowed)
    ]
    pool.sort(key=lambda c: (-c.score, -(c.end - c.start), c.start))
    chosen: list[Candidate] = []
    occupied: list[tuple[int, int]] = []  # linear scan: the engine resolves per chunk, so lists stay short
    for c in pool:
        if any(c.start < e and s < c.end for s, e in occupied):
            continue
        chosen.append(c)
        occupied.append((c.start, c.end))
    chosen.sort(key=lambda c: (c.start, c.end))
    return chosen
