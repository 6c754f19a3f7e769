"""The PII scrubber: finds personal data in Dutch and English text and replaces it with placeholders.

This package imports nothing else of scrubdesk (see docs/architecture). Consumers use:

- ``Scrubber.analyze(text)`` -> ``Analysis`` (language and entity spans; CPU work, no I/O, no state)
- ``Scrubber.redact(text, analysis, book)`` -> ``ScrubbedText`` (cheap string work; the ``book``
  numbers placeholders per ticket, implemented by the ticket store)
"""

from typing import TYPE_CHECKING, Any

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
    "Scrubber",
    "ScrubberConfig",
    "TextScrubber",
]

if TYPE_CHECKING:
    from scrubber.config import ScrubberConfig
    from scrubber.engine import Scrubber


def __getattr__(name: str) -> Any:
    # Lazy (PEP 562): importing the vocabulary must not load Presidio and spaCy.
    if name == "Scrubber":
        from scrubber.engine import Scrubber

        return Scrubber
    if name == "ScrubberConfig":
        from scrubber.config import ScrubberConfig

        return ScrubberConfig
    raise AttributeError(f"module 'scrubber' has no attribute {name!r}")
