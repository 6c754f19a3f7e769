"""The propagate signal: other occurrences of a found name are names too."""

from __future__ import annotations

from scrubber.recognizers.names import NameFinder
from tests.scrubber.recognizers.names.spans import persons


def test_propagates_surname_found_elsewhere(finder: NameFinder) -> None:
    text = "Ik heb James Whitfield gesproken. Whitfield zei dat het morgen klaar is."
    found = persons(finder, text)
    assert "James Whitfield" in found
    assert found.count("Whitfield") == 1
