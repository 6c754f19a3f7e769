"""A throw-away PostgreSQL schema for one test or benchmark run, so runs never see each other's rows.

One helper for the suite's ``db_url`` fixture and every script under ``bench/`` that measures on
PostgreSQL: create the schema, hand out a URL whose connections use it (libpq ``options`` sets the
``search_path``), drop it with everything in it afterwards.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator

from sqlalchemy import create_engine, text

from models.db import normalise_url


@contextlib.contextmanager
def scratch_schema(url: str, prefix: str = "t") -> Iterator[str]:
    """Yield ``url`` pointed at a new schema named ``<prefix>_<random>``; the schema is dropped on exit."""
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(normalise_url(url))
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        sep = "&" if "?" in url else "?"
        try:
            yield f"{url}{sep}options=-csearch_path%3D{schema}"
        finally:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    finally:
        admin.dispose()
