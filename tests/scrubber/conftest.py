"""One real ``Scrubber`` per test session: construction loads pipelines, reuse it."""

from __future__ import annotations

import pytest

from scrubber.config import ScrubberConfig
from scrubber.engine import Scrubber


@pytest.fixture(scope="session")
def scrubber() -> Scrubber:
    return Scrubber(ScrubberConfig(placeholder_key="test-key-not-secret"))  # type: ignore[arg-type]
