"""The suite's migrated copy (tests/support/migrated.py, behind ``ticket_store``) is what the migrations make.

``ticket_store`` gives each test a copy of a database migrated once per session instead of running the
migrations again; these tests keep that copy honest: the same tables, indexes, triggers, functions, rows
and sequence positions as a database migrated from scratch."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from models import migrate
from models.db import make_engine
from tests.conftest import PG_URL
from tests.support import migrated
from tests.support.scratch_schema import scratch_schema

# The rows the migrations insert carry the time they ran (business hours, SLA policies, feed cursors).
_CLOCK = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?(\+00(:00)?)?")


def _canonical(sql: str | None) -> str | None:
    """A table's SQL with its table constraints in sorted order: a migration that recreates a table
    (Alembic's batch mode) writes them in the order of a set, which differs between two runs."""
    if sql is None:
        return None
    lines = [line.rstrip(", ") for line in sql.split("\n")]
    constraints = sorted(line for line in lines if line.lstrip().startswith("CONSTRAINT"))
    return "\n".join([line for line in lines if not line.lstrip().startswith("CONSTRAINT")] + constraints)


def _sqlite_contents(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        schema = [(kind, name, table, _canonical(sql)) for kind, name, table, sql in conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()]
        tables = [row[1] for row in schema if row[0] == "table"]
        rows = [(table, *(_CLOCK.sub("T", value) if isinstance(value, str) else value for value in row))
                for table in tables for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()]
    return [*schema, *rows]


def test_the_sqlite_copy_is_a_migrated_database(migrated_sqlite: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.sqlite3"
    engine = make_engine(f"sqlite:///{fresh}")
    migrate.upgrade(engine)
    engine.dispose()
    copy = tmp_path / "copy.sqlite3"
    migrated.copy_sqlite(f"sqlite:///{copy}", migrated_sqlite)
    assert _sqlite_contents(copy) == _sqlite_contents(fresh)
    assert len(_sqlite_contents(copy)) > 50


def _dump(url: str) -> str:
    schema = migrated._schema_of(url)
    dump = subprocess.run(["pg_dump", "--schema", schema, "--no-owner", "--no-privileges", "--inserts",
                           "--dbname", migrated._libpq(url)], capture_output=True, check=True, text=True).stdout
    # Everything but the schema's name, the dump's random \restrict key and the migrations' own clock.
    lines = [line for line in dump.replace(schema, "S").splitlines() if not line.startswith("\\")]
    return _CLOCK.sub("T", "\n".join(lines))


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="SCRUBDESK_TEST_DATABASE_URL not set")
@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump is not installed")
def test_the_postgresql_copy_is_a_migrated_schema(migrated_postgres_sql: str | None) -> None:
    assert PG_URL and migrated_postgres_sql is not None
    with scratch_schema(PG_URL) as fresh, scratch_schema(PG_URL) as copy:
        engine = make_engine(fresh)
        migrate.upgrade(engine)
        engine.dispose()
        assert migrated.is_empty(copy)
        migrated.copy_postgres(copy, migrated_postgres_sql)
        assert not migrated.is_empty(copy)
        expected, got = _dump(fresh), _dump(copy)
    assert got == expected
    assert got.count("CREATE TABLE") > 30 and "CREATE TRIGGER" in got and "alembic_version" in got
