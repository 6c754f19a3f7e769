"""The scrubber's public vocabulary, shared by every consumer.

``ScrubbedText`` is a distinct ``str`` subclass so that the type checker refuses to store a raw body:
every store function that writes message text takes ``ScrubbedText``, and only the scrubber's
``redact`` constructs one (see docs/pii-policy.md, "Nothing unscrubbed is ever at rest").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal, Protocol

Action = Literal["redact", "keep"]

# The pii-policy types (docs/pii-policy.md). Stripped by default: unsolicited personal data, and NUMBER,
# the deny-by-default type: a run of 7+ digits that no recognizer explains as a kept or harmless value.
STRIP_TYPES: tuple[str, ...] = (
    "PERSON",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "ADDRESS",
    "POSTCODE",
    "DATE_OF_BIRTH",
    "NATIONAL_ID",
    "ID_DOCUMENT",
    "IBAN",
    "CREDIT_CARD",
    "CREDENTIAL",
    "LICENSE_PLATE",
    "NUMBER",
)
# Kept by default: what support needs (still recognised and reported, so an operator can strip them).
KEEP_TYPES: tuple[str, ...] = (
    "CUSTOMER_NUMBER",
    "INVOICE_NUMBER",
    "DOMAIN",
    "IP_ADDRESS",
    "ORGANIZATION",
    "KVK_NUMBER",
    "VAT_NUMBER",
)
ALL_TYPES: tuple[str, ...] = STRIP_TYPES + KEEP_TYPES


class ScrubbedText(str):
    """Text that has passed the scrubber. Construct only in ``scrubber`` (and in test fakes)."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """One detected value: offsets index the original text, ``type`` is a pii-policy type name."""

    type: str
    start: int
    end: int
    action: Action
    score: float
    recognizer: str = ""


@dataclass(frozen=True, slots=True)
class Analysis:
    """The result of analysing one text: its language and the resolved, non-overlapping entities."""

    lang: str
    entities: tuple[Entity, ...]

    def redaction_counts(self) -> dict[str, int]:
        """Per-type counts of redacted entities: what may be stored about what was removed."""
        return dict(Counter(e.type for e in self.entities if e.action == "redact"))


@dataclass(frozen=True, slots=True)
class ScrubResult:
    text: ScrubbedText
    analysis: Analysis
    counts: dict[str, int] = field(default_factory=dict)


class PlaceholderBook(Protocol):
    """Numbers placeholders so that one value keeps one number within a ticket.

    ``digest`` is a keyed hash of the normalised value, never the value itself, so the book can be
    persisted next to the ticket without keeping personal data in clear.
    """

    def number_for(self, entity_type: str, digest: str) -> int: ...


class TextScrubber(Protocol):
    """The seam intake uses; ``scrubber.engine.Scrubber`` is the real implementation."""

    def analyze(self, text: str, lang: str | None = None) -> Analysis: ...

    def redact(self, text: str, analysis: Analysis, book: PlaceholderBook) -> ScrubbedText: ...


class MemoryBook:
    """A ``PlaceholderBook`` held in memory: for one-off scrubbing (CLI, benchmarks, tests)."""

    def __init__(self) -> None:
        self._numbers: dict[tuple[str, str], int] = {}
        self._next: Counter[str] = Counter()

    def number_for(self, entity_type: str, digest: str) -> int:
        key = (entity_type, digest)
        if key not in self._numbers:
            self._next[entity_type] += 1
            self._numbers[key] = self._next[entity_type]
        return self._numbers[key]
