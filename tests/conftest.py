"""Shared fixtures: the database matrix (SQLite always, PostgreSQL when configured) and the core."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from models import keys, migrate
from models.db import make_engine
from tests.support.browser import browser, chromium_session  # noqa: F401  (the shared headless Chromium)
from tests.support.scratch_schema import scratch_schema
from tickets.store import TicketStore

PG_URL = os.environ.get("SCRUBDESK_TEST_DATABASE_URL")
# The deployment key (models.keys) of the tests' own process, and of every serve process they start
# (several processes on one database must share it, as the deployment docs say).
TEST_DEPLOYMENT_KEY = bytes(range(32))
keys.install(TEST_DEPLOYMENT_KEY)
os.environ.setdefault("SCRUBDESK_DEPLOYMENT_KEY", TEST_DEPLOYMENT_KEY.hex())
ARTIFACTS = Path(os.environ.get("SCRUBDESK_TEST_ARTIFACTS", "test-artifacts"))


def _backends() -> list[object]:
    marks = [] if PG_URL else [pytest.mark.skip(reason="SCRUBDESK_TEST_DATABASE_URL not set")]
    return ["sqlite", pytest.param("postgres", marks=[pytest.mark.postgres, *marks])]


@pytest.fixture(params=_backends())
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL: a SQLite file, or a throw-away PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite3'}"
        return
    assert PG_URL
    with scratch_schema(PG_URL) as url:
        yield url


@pytest.fixture
def ticket_store(db_url: str) -> Iterator[TicketStore]:
    engine = make_engine(db_url)
    migrate.upgrade(engine)
    yield TicketStore(engine)
    engine.dispose()


@pytest.fixture(scope="session")
def real_scrubber():  # type: ignore[no-untyped-def]
    """The real scrubber, loaded once per test session (start-up is the costly part)."""
    from scrubber.engine import Scrubber

    return Scrubber()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
