"""Schema migrations through Alembic, driven from code (``scrubdesk db upgrade``), no alembic.ini."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


# Any fixed key: serialises schema upgrades of serve processes that start at the same time.
_MIGRATION_LOCK = 0x5C2B_DE5C


def upgrade(engine: Engine, revision: str = "head") -> None:
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            # A revision that rebuilds a table (Alembic's batch mode: the only way SQLite changes most
            # things) drops the old one, and with foreign keys on that would cascade into its children.
            # The pragma is a no-op inside a transaction, so it is set on the raw connection before the
            # first statement and checked after (sqlite.org/foreignkeys.html, section 5).
            conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        try:
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    # Two processes creating alembic_version at once collide; the second waits here and
                    # then finds the schema at head. Released at commit.
                    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
            if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                raise RuntimeError("a migration left rows whose foreign keys point nowhere")
        finally:
            if sqlite:
                conn.rollback()
                conn.connection.driver_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]
