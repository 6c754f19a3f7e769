"""The PII scrubber: finds personal data in Dutch and English text and replaces it with placeholders.

This package imports nothing else of scrubdesk (see docs/architecture). Consumers use:

- ``Scrubber.analyze(text)`` -> ``Analysis`` (language and entity spans; CPU work, no I/O, no state)
- ``Scrubber.redact(text, analysis, book)`` -> ``ScrubbedText`` (cheap string work; the ``book``
  numbers placeholders per ticket, implemented by the ticket store)
"""

from scrubber.types import (
    Action,
    Analysis,
    Entity,
    PlaceholderBook,
    ScrubbedText,
    ScrubResult,
    TextScrubber,
)

__all__ = [
    "Action",
    "Analysis",
    "Entity",
    "PlaceholderBook",
    "ScrubResult",
    "ScrubbedText",
    "TextScrubber",
]
