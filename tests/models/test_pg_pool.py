"""The reused PostgreSQL schemas behind ``ticket_store`` (tests/support/pg_pool.py) are a fresh copy again.

A schema goes back to the pool after a test only reset to the migrated template's rows and sequence
positions, and never when the test changed more than rows; these tests hold the pool to that, comparing
``pg_dump`` output as tests/models/test_migrated_copy.py does for the copy itself.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import delete, text

from intake.message import InboundMessage
from intake.pipeline import Intake
from models import Channel
from models.db import make_engine
from tests.conftest import PG_URL
from tests.models.test_migrated_copy import _dump
from tests.support import migrated
from tests.support.fakes import FakeScrubber
from tests.support.pg_pool import MigratedSchemaPool
from tests.support.scratch_schema import scratch_schema
from tickets import audit
from tickets.store import TicketStore

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="SCRUBDESK_TEST_DATABASE_URL not set"),
    pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump is not installed"),
]


@pytest.fixture
def pool(migrated_postgres_sql: str | None) -> Iterator[MigratedSchemaPool]:
    assert PG_URL and migrated_postgres_sql is not None
    own = MigratedSchemaPool(PG_URL, migrated_postgres_sql)
    yield own
    own.close()


def _schema_exists(url: str) -> bool:
    assert PG_URL
    with psycopg.connect(migrated._libpq(PG_URL)) as conn:
        row = conn.execute("SELECT count(*) FROM pg_namespace WHERE nspname = %s", (migrated._schema_of(url),))
        return row.fetchone() == (1,)


def _use(url: str) -> None:
    """What tests do to a store: tickets, messages, contacts, events, audit entries, a template row gone."""
    store = TicketStore(make_engine(url))
    intake = Intake(store, FakeScrubber())
    for n in range(3):
        outcome = intake.submit(
            InboundMessage(
                channel=Channel.EMAIL,
                external_id=f"pool-{n}@test",
                sender=f"k{n}@example.nl",
                subject="Vraag",
                text="Hallo",
            )
        )
        assert outcome.status == "stored"
    with store.writing() as session:
        audit.record(session, actor="test", action="login", target_kind="agent", target_id="1")
        session.execute(text("DELETE FROM sla_policies WHERE id = 1"))
    store.engine.dispose()


def test_a_schema_comes_back_as_a_fresh_copy_of_the_template(
    pool: MigratedSchemaPool, migrated_postgres_sql: str
) -> None:
    assert PG_URL
    with pool.schema() as url:
        assert pool.lent(url)
        first = _dump(url)
        _use(url)
        assert _dump(url) != first
    assert not pool.lent(url)
    with pool.schema() as again, scratch_schema(PG_URL) as fresh:
        assert again == url  # reused, not made anew
        migrated.copy_postgres(fresh, migrated_postgres_sql)
        assert _dump(again) == _dump(fresh) == first


def test_a_schema_whose_tables_changed_is_dropped_not_reused(pool: MigratedSchemaPool) -> None:
    with pool.schema() as url:
        _use(url)
        engine = make_engine(url)
        with engine.begin() as conn:
            conn.execute(text("ALTER TABLE tickets ADD COLUMN extra integer"))
        engine.dispose()
    assert not _schema_exists(url)
    with pool.schema() as other:
        assert other != url
        assert _schema_exists(other)


def test_a_schema_whose_index_changed_is_dropped_not_reused(pool: MigratedSchemaPool) -> None:
    with pool.schema() as url:
        engine = make_engine(url)
        with engine.begin() as conn:
            conn.execute(text("CREATE INDEX ix_extra ON messages (channel)"))
            conn.execute(delete(audit.AuditEntry))
        engine.dispose()
    assert not _schema_exists(url)


def test_close_drops_every_schema(pool: MigratedSchemaPool) -> None:
    with pool.schema() as url:
        pass
    pool.close()
    assert not _schema_exists(url)
