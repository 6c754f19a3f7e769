"""Shared fixtures: the database matrix (SQLite always, PostgreSQL when configured) and the core."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher, Type

from models import keys, migrate
from models.db import make_engine
from tests.support import migrated
from tests.support.browser import browser, chromium_session  # noqa: F401  (the shared headless Chromium)
from tests.support.pg_pool import MigratedSchemaPool
from tests.support.scratch_schema import scratch_schema
from tickets import accounts
from tickets.store import TicketStore

PG_URL = os.environ.get("SCRUBDESK_TEST_DATABASE_URL")
# The deployment key (models.keys) of the tests' own process, and of every serve process they start
# (several processes on one database must share it, as the deployment docs say).
TEST_DEPLOYMENT_KEY = bytes(range(32))
keys.install(TEST_DEPLOYMENT_KEY)
os.environ.setdefault("SCRUBDESK_DEPLOYMENT_KEY", TEST_DEPLOYMENT_KEY.hex())
# Passwords in the tests' own process are hashed with argon2id still, but at the lowest cost: at the
# production cost (argon2-cffi's defaults, RFC 9106: 3 passes over 64 MiB, 4 lanes) every agent a fixture
# adds and every login cost 0.1-1 s of CPU, which added up to minutes of the suite. The production
# parameters are checked in tests/tickets/test_password_cost.py; serve processes the tests start use them.
PRODUCTION_HASHER = accounts._hasher
accounts._hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID)
accounts._DUMMY_HASH = accounts._hasher.hash("not a password")
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
    pool = request.getfixturevalue("migrated_postgres_pool") if "ticket_store" in request.fixturenames else None
    if pool is not None:  # the test wants it migrated anyway: a reused schema, reset to the template's rows
        with pool.schema() as url:
            yield url
        return
    with scratch_schema(PG_URL) as url:
        yield url


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file with every migration run, once per session (ticket_store copies it)."""
    return migrated.migrated_sqlite(tmp_path_factory.mktemp("migrated") / "store.sqlite3")


@pytest.fixture(scope="session")
def migrated_postgres_sql() -> str | None:
    """The SQL of a PostgreSQL schema with every migration run, once per session (ticket_store runs it)."""
    assert PG_URL
    return migrated.migrated_postgres_sql(PG_URL)


@pytest.fixture(scope="session")
def migrated_postgres_pool(migrated_postgres_sql: str | None) -> Iterator[MigratedSchemaPool | None]:
    """Migrated PostgreSQL schemas reused between tests (tests/support/pg_pool.py); None without pg_dump."""
    if migrated_postgres_sql is None:
        yield None
        return
    assert PG_URL
    pool = MigratedSchemaPool(PG_URL, migrated_postgres_sql)
    yield pool
    pool.close()


@pytest.fixture
def ticket_store(db_url: str, request: pytest.FixtureRequest) -> Iterator[TicketStore]:
    """A store on ``db_url`` with the schema migrated: while the database is still empty, as a copy of
    the session's migrated template (tests/support/migrated.py); otherwise by the migrations."""
    engine = make_engine(db_url)
    if not _copied_template(db_url, request):
        migrate.upgrade(engine)
    yield TicketStore(engine)
    engine.dispose()


def _copied_template(db_url: str, request: pytest.FixtureRequest) -> bool:
    """Copy the session's migrated template into ``db_url`` if it is still empty; whether it did."""
    pool = None if db_url.startswith("sqlite") else request.getfixturevalue("migrated_postgres_pool")
    if pool is not None and pool.lent(db_url):
        return True  # a schema of the pool: migrated already
    if not migrated.is_empty(db_url):
        return False
    if db_url.startswith("sqlite"):
        migrated.copy_sqlite(db_url, request.getfixturevalue("migrated_sqlite"))
        return True
    sql = request.getfixturevalue("migrated_postgres_sql")
    if sql is None:  # no pg_dump
        return False
    migrated.copy_postgres(db_url, sql)
    return True


@pytest.fixture(scope="session")
def real_scrubber():  # type: ignore[no-untyped-def]
    """The real scrubber, loaded once per test session (start-up is the costly part)."""
    from scrubber.engine import Scrubber

    return Scrubber()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
