"""Migrated PostgreSQL schemas reused from test to test, emptied back to the migrated state in between.

Copying the migrated template into a new schema (tests/support/migrated.py) and dropping it afterwards
costs the PostgreSQL server 1.2-1.8 s a test on the loaded CI machine (some 60 tables, 100 indexes, each
a file); deleting the rows a test left and putting back the few the migrations insert costs 0.02-0.15 s.
So a test that wants a migrated store (the ``ticket_store`` fixture) gets a schema from this pool, and
after the test the schema is reset and goes back to the pool -- but only when nothing but rows changed:
its catalogue (tables, columns, defaults, constraints, indexes, triggers, functions, sequences) is
compared with the pristine copy's, and a schema that differs, or that could not be reset, is dropped as
before. What the test sees is what a fresh copy gives: the same tables, the template's rows, every
sequence at the template's position.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator

import psycopg
from sqlalchemy import Connection, create_engine, text

from models.db import normalise_url
from tests.support import migrated

# Everything in a schema that a migration could change, as one digest, without the schema's own name (so
# that two copies of the template give the same digest; pg_get_indexdef always names the schema).
_CATALOGUE = """
SELECT md5(string_agg(item, E'\\n' ORDER BY item))
  FROM (SELECT replace(item, current_schema() || '.', '') AS item FROM (
  SELECT 'rel ' || c.relname || ' ' || c.relkind::text || ' ' || a.attnum || ' ' || a.attname || ' '
         || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull::text || ' '
         || coalesce(pg_get_expr(d.adbin, d.adrelid), '') AS item
    FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
   WHERE c.relnamespace = current_schema()::regnamespace
  UNION ALL SELECT 'idx ' || pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
   WHERE c.relnamespace = current_schema()::regnamespace
  UNION ALL SELECT 'con ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
    FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
  UNION ALL SELECT 'trg ' || pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
   WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal
  UNION ALL SELECT 'fn ' || p.proname || ' ' || md5(p.prosrc) FROM pg_proc p
   WHERE p.pronamespace = current_schema()::regnamespace
  UNION ALL SELECT 'seq ' || c.relname || ' ' || s.seqincrement || ' ' || s.seqmin || ' ' || s.seqmax
    FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid WHERE c.relnamespace = current_schema()::regnamespace
  UNION ALL SELECT 'other ' || c.relname || ' ' || c.relkind::text FROM pg_class c
   WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind NOT IN ('r', 'i', 'S', 'p', 'I')
) AS raw) AS catalogue
"""


class MigratedSchemaPool:
    """Schemas holding the migrated template for one test session (one pytest process)."""

    def __init__(self, url: str, sql: str) -> None:
        self._url, self._sql = url, sql
        self._free: list[str] = []
        self._made: list[str] = []
        self._lent: set[str] = set()
        self._pristine = self._new_schema()  # never handed out: the reference for every reset
        with self._connect(self._pristine) as conn:
            self._digest = _digest(conn)
            self._tables = [
                row[0]
                for row in conn.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
                )
            ]
            self._filled = [
                table
                for table in self._tables
                if conn.execute(f'SELECT EXISTS (SELECT FROM "{table}")').fetchone() == (True,)
            ]
            self._sequences = [
                (name, value, called)
                for name, value, called in conn.execute(
                    "SELECT sequencename, coalesce(last_value, start_value), last_value IS NOT NULL "
                    "FROM pg_sequences WHERE schemaname = current_schema() ORDER BY sequencename"
                )
            ]

    @contextlib.contextmanager
    def schema(self) -> Iterator[str]:
        """Yield the URL of a migrated schema in the template's state; reset or drop it afterwards."""
        url = self._free.pop() if self._free else self._new_schema()
        self._lent.add(url)
        try:
            yield url
        finally:
            self._lent.discard(url)
            if self._reset(url):
                self._free.append(url)
            else:
                self._drop(url)

    def lent(self, url: str) -> bool:
        """Whether ``url`` is a schema of this pool, handed out to the running test."""
        return url in self._lent

    def close(self) -> None:
        """Drop every schema of the pool."""
        for url in list(self._made):
            self._drop(url)

    def _new_schema(self) -> str:
        schema = f"t_{uuid.uuid4().hex[:12]}"
        with self._admin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        sep = "&" if "?" in self._url else "?"
        url = f"{self._url}{sep}options=-csearch_path%3D{schema}"
        self._made.append(url)
        migrated.copy_postgres(url, self._sql)
        return url

    def _reset(self, url: str) -> bool:
        """Put the rows and sequences of ``url``'s schema back to the template's; False (and nothing
        reset) when its catalogue is no longer the template's or the reset failed."""
        pristine = migrated._schema_of(self._pristine)
        try:
            with self._connect(url) as conn:
                # Left-over connections of a failed test must not hold the suite up: give up and drop.
                conn.execute("SET lock_timeout = '10s'")
                if _digest(conn) != self._digest:
                    return False
                with conn.transaction():
                    # Replica mode: no foreign-key or user triggers fire, so the order of the tables is free.
                    conn.execute("SET LOCAL session_replication_role = replica")
                    conn.execute("; ".join(f'DELETE FROM "{table}"' for table in self._tables))
                    refill = [f'INSERT INTO "{table}" SELECT * FROM "{pristine}"."{table}"' for table in self._filled]
                    restart = [f"SELECT setval('\"{s}\"', {v}, {c})" for s, v, c in self._sequences]
                    conn.execute("; ".join(refill + restart))
            return True
        except psycopg.Error:
            return False

    def _drop(self, url: str) -> None:
        schema = migrated._schema_of(url)
        with self._admin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        self._made.remove(url)

    @contextlib.contextmanager
    def _admin(self) -> Iterator[Connection]:
        engine = create_engine(normalise_url(self._url))
        try:
            with engine.begin() as conn:
                yield conn
        finally:
            engine.dispose()

    def _connect(self, url: str) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(migrated._libpq(url), autocommit=True)


def _digest(conn: psycopg.Connection[tuple[object, ...]]) -> object:
    row = conn.execute(_CATALOGUE).fetchone()
    return None if row is None else row[0]
