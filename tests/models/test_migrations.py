"""The migrations: one head, an upgrade from the branched 0006-era schema, and models equal to migrations."""

from __future__ import annotations

from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, ForeignKeyConstraint, text

from models import Base, migrate
from models.db import make_engine

# The heads main had before the merge revision: each branched off 0001.
OLD_HEADS = ("0002", "0003", "0005", "0006")


def test_one_head() -> None:
    script = ScriptDirectory.from_config(migrate.alembic_config("sqlite://"))
    assert len(script.get_heads()) == 1


def test_upgrade_from_the_branched_schema_keeps_data(db_url: str) -> None:
    engine = make_engine(db_url)
    cfg = migrate.alembic_config(db_url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        for head in OLD_HEADS:  # the schema a database made by main's 0006-era code has
            command.upgrade(cfg, head)
    with engine.begin() as conn:
        assert {r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))} == set(OLD_HEADS)
        conn.execute(text("INSERT INTO customers (number, created_at, updated_at) VALUES ('K1', :t, :t)"),
                     {"t": "2026-01-01 00:00:00"})
    migrate.upgrade(engine)
    script = ScriptDirectory.from_config(cfg)
    with engine.connect() as conn:
        versions = [r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))]
        assert versions == [script.get_current_head()]
        assert conn.execute(text("SELECT number FROM customers")).scalar_one() == "K1"
    engine.dispose()


def _not_search(obj: object, name: str | None, kind: str, reflected: bool, compare_to: object) -> bool:
    # Full-text search lives outside the models: FTS5 tables on SQLite, generated tsvector columns on
    # PostgreSQL, both created by the migrations in each backend's own SQL (tickets/search.py).
    name = name or ""
    return not (name.startswith(("ticket_fts", "message_fts")) or "search_vector" in name)


def test_models_match_the_migrated_schema(db_url: str) -> None:
    """Every table, column and index of the models is what the migrations create, and nothing else."""
    engine = make_engine(db_url)
    migrate.upgrade(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": _not_search})
        diff = _column_level_fks_checked(conn, compare_metadata(context, Base.metadata))
    engine.dispose()
    assert diff == []


def _fk_key(fk: ForeignKeyConstraint) -> tuple[str, tuple[str, ...], str]:
    return fk.parent.name, tuple(c.name for c in fk.columns), fk.referred_table.name


def _column_level_fks_checked(conn: Connection, diff: list[Any]) -> list[Any]:
    """Pairs up SQLite's column-level foreign keys with the models' and checks them with PRAGMA.

    A migration adds a column with a foreign key to a table in place (``ALTER TABLE .. ADD COLUMN ..
    REFERENCES .. ON DELETE ..``, models/migrations 0018), because a batch copy of ``tickets`` would
    drop its triggers. SQLAlchemy reflects such a constraint without its name and ON DELETE (it parses
    only table-level constraints from the SQL), so autogenerate reports it removed and added; here the
    pair is matched and its ON DELETE is read from ``PRAGMA foreign_key_list``, which SQLite enforces.
    """
    if conn.dialect.name != "sqlite":
        return diff
    added = {_fk_key(d[1]): d for d in diff if isinstance(d, tuple) and d[0] == "add_fk"}
    rest = []
    matched = set()
    for item in diff:
        if isinstance(item, tuple) and item[0] == "remove_fk" and item[1].name is None:
            key = _fk_key(item[1])
            model = added.get(key)
            if model is not None:
                rows = conn.exec_driver_sql(f"PRAGMA foreign_key_list({key[0]})").all()
                on_delete = {(row[3], row[2]): row[6] for row in rows}  # (from column, table) -> on_delete
                assert on_delete[(key[1][0], key[2])] == (model[1].ondelete or "NO ACTION"), key
                matched.add(key)
                continue
        rest.append(item)
    return [d for d in rest if not (isinstance(d, tuple) and d[0] == "add_fk" and _fk_key(d[1]) in matched)]
