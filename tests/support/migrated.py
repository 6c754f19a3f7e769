"""A migrated database for a test at the cost of a copy, instead of running every migration again.

The suite's ``ticket_store`` fixture used to run all Alembic migrations on each test's fresh database:
on PostgreSQL that was most of the set-up time of a short test (seconds on a loaded CI machine, for
about half the suite). The migrations now run once per session, on a SQLite file and in a PostgreSQL
schema, and each test gets an exact copy: the SQLite file byte for byte, the PostgreSQL schema from
``pg_dump``'s SQL of it (tables, indexes, triggers, the trigger function, rows the migrations insert and
the sequences' positions; ``alembic_version`` included, so a later ``migrate.upgrade`` is a no-op).

tests/models/test_migrations.py still runs the migrations themselves on both databases. On PostgreSQL
the copies are themselves reused from test to test, reset to the template's rows (tests/support/pg_pool.py).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

from models import migrate
from models.db import make_engine
from tests.support.scratch_schema import scratch_schema

# Where the template schema's name stood in the dump.
PLACEHOLDER = "__scrubdesk_template_schema__"


def migrated_sqlite(path: Path) -> Path:
    """Migrate a new SQLite file at ``path`` (once per session) and return it."""
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    engine.dispose()  # the last connection checkpoints the WAL into the file and removes it
    assert not Path(f"{path}-wal").exists(), "the template's WAL was not checkpointed"
    return path


def migrated_postgres_sql(url: str) -> str | None:
    """The SQL that recreates a freshly migrated schema, with ``PLACEHOLDER`` for its name; None without
    ``pg_dump`` (then each test migrates its own schema as before)."""
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        return None
    with scratch_schema(url, prefix="tmpl") as template_url:
        engine = make_engine(template_url)
        migrate.upgrade(engine)
        engine.dispose()
        schema = _schema_of(template_url)
        dump = subprocess.run([pg_dump, "--schema", schema, "--no-owner", "--no-privileges", "--inserts",
                               "--dbname", _libpq(url)], capture_output=True, check=True, text=True).stdout
    # psql meta-commands (pg_dump's \restrict guard) are not SQL; the schema exists already.
    lines = [line for line in dump.splitlines()
             if not line.startswith("\\") and line != f"CREATE SCHEMA {schema};"]
    return "\n".join(lines).replace(schema, PLACEHOLDER)


def is_empty(url: str) -> bool:
    """Whether the database at ``url`` has no tables yet (a SQLite file that does not exist yet counts)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return not Path(parsed.database or "").exists()
    with psycopg.connect(_libpq(url)) as conn:
        count = conn.execute("SELECT count(*) FROM information_schema.tables "
                             "WHERE table_schema = current_schema()").fetchone()
    return count is not None and count[0] == 0


def copy_sqlite(url: str, template: Path) -> None:
    """Make the SQLite database at ``url`` (not created yet) a byte-for-byte copy of ``template``."""
    shutil.copyfile(template, make_url(url).database or "")


def copy_postgres(url: str, sql: str) -> None:
    """Create the migrated template's objects and rows in the empty schema of ``url``."""
    # A connection of its own: the dump's statements change the session's search_path.
    with psycopg.connect(_libpq(url), autocommit=True) as conn:
        conn.execute(sql.replace(PLACEHOLDER, _schema_of(url)))  # no parameters: many statements at once


def _schema_of(url: str) -> str:
    match = re.search(r"search_path%3D(\w+)", url)
    assert match, f"not a scratch schema URL: {url}"
    return match.group(1)


def _libpq(url: str) -> str:
    """A libpq connection URI (what psycopg and pg_dump take) for an SQLAlchemy PostgreSQL URL."""
    return re.sub(r"^postgres(?:ql)?(?:\+\w+)?://", "postgresql://", url)
