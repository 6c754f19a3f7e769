"""What a ``NameFinder`` finds in a text, as the strings the tests compare."""

from __future__ import annotations

from scrubber.recognizers.names import NameFinder


def persons(finder: NameFinder, text: str) -> list[str]:
    found, _ = finder.find(text)
    return [text[s:e] for s, e, _, _ in found]


def orgs(finder: NameFinder, text: str) -> list[str]:
    _, found = finder.find(text)
    return [text[o.start : o.end] for o in found]
