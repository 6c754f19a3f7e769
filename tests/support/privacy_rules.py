"""Shorthands the recognition-round tests share (issue 18): the request types by letter and the rules' labels.

Why: each round's tests assert on what the rules alone find (``rule_labels``, whatever the shipped model scores);
one definition instead of a copy per round file.
"""

from __future__ import annotations

from privacy.recognition import RequestType
from privacy.recognition.recognizer import rule_labels

A, R, E, S, P, OBJ, C = (RequestType.ACCESS, RequestType.RECTIFICATION, RequestType.ERASURE,
                         RequestType.RESTRICTION, RequestType.PORTABILITY, RequestType.OBJECTION,
                         RequestType.COMPLAINT)


def labels(text: str) -> set[RequestType]:
    """The labels the rules give ``text`` (held-back ones left out)."""
    return set(rule_labels(text)[0])
