"""What the recogniser answers: the request types (GDPR chapter III rights and a complaint) and a
``Recognition`` with the names of the rules that fired."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class RequestType(StrEnum):
    """The data-subject rights of GDPR chapter III, plus a complaint (art. 77)."""

    ACCESS = "access"  # art. 15
    RECTIFICATION = "rectification"  # art. 16
    ERASURE = "erasure"  # art. 17
    RESTRICTION = "restriction"  # art. 18
    PORTABILITY = "portability"  # art. 20
    OBJECTION = "objection"  # art. 21 (incl. art. 21(2)-(3): objection to direct marketing)
    COMPLAINT = "complaint"  # art. 77: complaint to a supervisory authority, or a privacy complaint to us


# each type with its value, read once: ``.value`` goes through the enum's descriptor, which the vote asked about twenty
# times a message (issue 19)
TYPE_VALUES: tuple[tuple[RequestType, str], ...] = tuple((t, t.value) for t in RequestType)


@dataclass(frozen=True, slots=True)
class Recognition:
    """What the recogniser found: labels, and per label the names of the rules that fired.

    ``reasons`` holds rule names and ``model:<score>`` only (never matched text), so it may be logged with
    the message id.
    """

    labels: tuple[RequestType, ...]
    reasons: dict[RequestType, tuple[str, ...]] = field(default_factory=dict)
    lang: str = "und"
    # No label, but a rule fired or the model is not sure it is nothing: "possible privacy request",
    # for an officer to confirm with types or dismiss.
    possible: bool = False
    # The model's score per type (and "request"), for the officer's view; empty without a model.
    scores: dict[str, float] = field(default_factory=dict)

    @property
    def is_request(self) -> bool:
        return bool(self.labels)
