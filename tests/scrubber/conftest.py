"""Shared fixtures of the scrubber tests: one real ``Scrubber`` and one ``NameFinder`` per session
(construction loads pipelines and the lexicon: reuse them), and the checks of the recognizer tables."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from scrubber.config import ScrubberConfig
from scrubber.engine import Scrubber
from scrubber.recognizers.names import NameFinder

pytest.register_assert_rewrite("tests.scrubber.checks")  # before its first import: its asserts explain failures

from tests.scrubber.checks import TableCheck  # noqa: E402


@pytest.fixture(scope="session")
def scrubber() -> Scrubber:
    return Scrubber(ScrubberConfig(placeholder_key="test-key-not-secret"))  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def finder() -> NameFinder:
    return NameFinder()


@pytest.fixture(scope="session")
def assert_recognised(scrubber: Scrubber) -> TableCheck:
    """A recognizer-table row: ``value`` in ``text`` is covered by entities of the type (through the engine)."""

    def check(text: str, value: str, etype: str) -> None:
        start = text.index(value)
        hits = [e for e in scrubber.analyze(text).entities if e.type == etype]
        # the value is covered by entities of the expected type
        covered: set[int] = set()
        for e in hits:
            covered.update(range(max(e.start, start), min(e.end, start + len(value))))
        wanted = {i for i in range(start, start + len(value)) if not text[i].isspace()}
        assert wanted <= covered, (etype, value, scrubber.analyze(text).entities)

    return check


@pytest.fixture(scope="session")
def assert_not_recognised_as(scrubber: Scrubber) -> TableCheck:
    """A negative recognizer-table row: no entity of the type overlaps ``value`` in ``text``."""

    def found(text: str, value: str) -> list[tuple[str, str]]:
        start = text.index(value)
        end = start + len(value)
        return [
            (e.type, e.action) for e in scrubber.analyze(text).entities
            if e.start < end and start < e.end
        ]

    def check(text: str, value: str, etype: str) -> None:
        assert etype not in [t for t, _ in found(text, value)]

    return check


@pytest.fixture(scope="session")
def assert_stripped(scrubber: Scrubber) -> Callable[[str, str], None]:
    """``value`` in ``text`` is covered by redacted entities, whatever their type."""

    def check(text: str, value: str) -> None:
        start = text.index(value)
        covered: set[int] = set()
        entities = scrubber.analyze(text).entities
        for e in entities:
            if e.action == "redact":
                covered.update(range(max(e.start, start), min(e.end, start + len(value))))
        wanted = {i for i in range(start, start + len(value)) if not text[i].isspace()}
        assert wanted <= covered, (value, entities)

    return check


@pytest.fixture(scope="session")
def assert_untouched(scrubber: Scrubber) -> Callable[[str, str], None]:
    """No redacted entity overlaps ``value`` in ``text`` (kept entities may; names are the name recognizers' own
    tests' business, so PERSON is not counted)."""

    def check(text: str, value: str) -> None:
        start = text.index(value)
        end = start + len(value)
        entities = scrubber.analyze(text).entities
        overlapping = [
            e for e in entities if e.action == "redact" and e.type != "PERSON" and e.start < end and start < e.end
        ]
        assert not overlapping, (value, entities)

    return check
