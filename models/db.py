"""Engine and session factory for SQLite (embedded default) and PostgreSQL (production).

SQLite gets WAL (readers never block the single writer), foreign keys on, and a busy timeout so a
short lock wait does not surface as an error; PostgreSQL needs nothing special here.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import CursorResult, Engine, Insert, create_engine, event, insert, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction, make_transient_to_detached, sessionmaker

from models.base import Base

SQLITE_BUSY_TIMEOUT_MS = 5000


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    # Deleted content is overwritten with zeros instead of lingering in free pages (sqlite.org/pragma.html
    # #pragma_secure_delete): an erased customer's text must not stay readable in the file.
    cur.execute("PRAGMA secure_delete=ON")
    cur.close()


def normalise_url(url: str) -> str:
    """Accept ``postgresql://`` and pick the psycopg 3 driver, which is what we install."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def make_engine(url: str, **kwargs: Any) -> Engine:
    url = normalise_url(url)
    # SQL errors end up in logged tracebacks; their bound parameters (contact addresses, scrubbed
    # text) must not, so SQLAlchemy leaves them out of exception messages.
    kwargs.setdefault("hide_parameters", True)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
            # pysqlite's own transaction handling defers BEGIN until the first write, which lets two
        # writers both read then collide with SQLITE_BUSY that busy_timeout cannot resolve. We emit
        # BEGIN ourselves; write transactions ask for IMMEDIATE (see ``writer``) so the write lock is
        # taken up front and waits on busy_timeout instead.
        @event.listens_for(engine, "connect")
        def _no_implicit_begin(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            options = conn.get_execution_options()
            if options.get("isolation_level") == "AUTOCOMMIT":
                return  # each statement its own transaction (tickets.read_connections): no BEGIN to leave open
            conn.exec_driver_sql("BEGIN IMMEDIATE" if options.get("begin_immediate", False) else "BEGIN")

        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


def checkpoint(engine: Engine) -> None:
    """On SQLite, copy the WAL into the database and truncate it, so that what was just deleted or
    overwritten (an erasure, a retention run) no longer lies in the WAL file; nothing on PostgreSQL.

    Best effort: a reader still inside an older snapshot keeps its part of the WAL until it finishes
    (the busy timeout bounds the wait); the next checkpoint takes the rest.
    """
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        # On the raw connection, outside any transaction: a checkpoint cannot run inside one.
        conn.connection.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]


def checkpoint_after_commit(session: Session) -> None:
    """Checkpoint (``checkpoint``) once ``session``'s transaction has committed what it deleted."""
    session.info["checkpoint"] = True


@event.listens_for(Session, "after_commit")
def _checkpoint_if_asked(session: Session) -> None:
    if session.info.pop("checkpoint", False):
        bind = session.get_bind()
        checkpoint(bind if isinstance(bind, Engine) else bind.engine)


def make_sessionmaker(engine: Engine, *, write: bool = False) -> sessionmaker[Session]:
    """Sessions for reading, or (``write=True``) for transactions that will write."""
    bind = engine.execution_options(begin_immediate=True) if write else engine
    return sessionmaker(bind, expire_on_commit=False)


M = TypeVar("M", bound=Base)
# Built once per table: building an INSERT (and its cache key) per row costs more than running it.
_INSERTS: dict[type[Base], Insert] = {}


def inserted(session: Session, model: type[M], values: dict[str, Any]) -> M:
    """A new row by one Core INSERT (``values``: every column but the id) on the session's connection,
    returned as a persistent object of ``session`` built from the same values (nothing to load again).

    Why: an ORM flush of one new object costs several times the CPU of its INSERT (unit of work,
    attribute history); intake's writer paid one per message (issue 19, ``tickets.inbound_rows``).
    Flush listeners do not see such a row: its caller tells those that care (``reports.note_written``).
    """
    statement = _INSERTS.get(model)
    if statement is None:
        statement = _INSERTS[model] = insert(model.__table__)  # type: ignore[arg-type]
    # As if loaded: every column in the instance's dict, no attribute events or history (the constructor's
    # per-attribute set events cost three times the rest of building it), then clean and keyed.
    row: M = inspect(model).class_manager.new_instance()  # type: ignore[assignment]
    row.__dict__.update(values, id=new_id(session.connection().execute(statement, values)))
    make_transient_to_detached(row)
    session.add(row)
    session.info.setdefault(_INSERTED, []).append((session.get_nested_transaction() or session.get_transaction(), row))
    return row


def new_id(result: CursorResult[Any]) -> int:
    """The id a Core INSERT of one row gave it."""
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


# What ``inserted`` added, with the (sub)transaction it was inserted in: a flushed new object leaves the
# session when its transaction or savepoint is rolled back, and so do these (the row is gone).
_INSERTED = "scrubdesk_inserted"


@event.listens_for(Session, "after_soft_rollback")
def _forget_inserted(session: Session, previous: SessionTransaction) -> None:
    kept = []
    for transaction, row in session.info.pop(_INSERTED, []):
        inside = transaction
        while inside is not None and inside is not previous:
            inside = inside.parent
        if inside is None:
            kept.append((transaction, row))
        elif row in session:
            session.expunge(row)
    if kept and previous.parent is not None:
        session.info[_INSERTED] = kept


@event.listens_for(Session, "after_commit")  # (the outermost transaction's only)
def _committed_inserted(session: Session) -> None:
    session.info.pop(_INSERTED, None)


# --- rows written later in the transaction, one statement per table ---------------------------------

# Rows ``insert_later`` holds back in a transaction that defers (``deferring_inserts``): per INSERT
# statement, its rows in order; and the tables (by name) they go to.
_DEFERRED = "scrubdesk_deferred_rows"
_DEFERRING = "scrubdesk_deferring_inserts"


def insert_later(session: Session, statement: Insert, rows: dict[str, Any] | list[dict[str, Any]]) -> None:
    """``statement`` with ``rows`` (one or several) on the session's connection: at once, or, inside
    ``deferring_inserts``, with every other row of the same statement just before the transaction's end.

    Why: intake's group commit (issue 19) wrote each message's SLA clock, due row and placeholder keys by
    statements of their own, about 0.1 ms of SQLAlchemy each per message for microseconds of SQLite; one
    executemany per table per batch pays that once. Only for rows nobody gives an id back for, whose
    readers ask ``write_deferred`` first (``tickets.sla``, ``tickets.store.TicketBook``; any ORM query of
    such a table does it by itself, ``_write_before_reading``).
    """
    if not session.info.get(_DEFERRING):
        session.connection().execute(statement, rows)
        return
    pending: dict[Insert, list[dict[str, Any]]] = session.info.setdefault(_DEFERRED, {})
    held = pending.setdefault(statement, [])
    if isinstance(rows, dict):
        held.append(rows)
    else:
        held += rows


def write_deferred(session: Session, tables: frozenset[Any] | None = None) -> None:
    """Write the rows ``insert_later`` held back, one statement per table (first held, first written);
    ``tables``: only those going to one of these (the others stay held: nothing held refers to another)."""
    pending: dict[Insert, list[dict[str, Any]]] | None = session.info.get(_DEFERRED)
    if not pending:
        return
    conn = session.connection()
    for statement in [s for s in pending if tables is None or s.table in tables]:
        conn.execute(statement, pending.pop(statement))


@contextmanager
def deferring_inserts(session: Session) -> Iterator[Session]:
    """Inside the block, ``insert_later`` holds rows back; they are written when the block ends without
    an exception, and forgotten with the transaction when it raises. For a transaction without
    savepoints (``intake.writer``'s batch): a savepoint rolled back could not take held rows with it."""
    session.info[_DEFERRING] = True
    try:
        yield session
        write_deferred(session)
    finally:
        session.info.pop(_DEFERRING, None)
        session.info.pop(_DEFERRED, None)


@event.listens_for(Session, "do_orm_execute")
def _write_before_reading(state: ORMExecuteState) -> None:
    """An ORM statement about a table with held rows (``session.get`` included) sees them: they are
    written first, as a flush would write pending objects."""
    pending: dict[Insert, list[dict[str, Any]]] | None = state.session.info.get(_DEFERRED)
    if not pending:
        return
    statement = state.statement
    tables = _MAPPED_TABLES.get(statement)
    if tables is None:
        # Working out a statement's entities costs more than the rest of this check: once per statement
        # object (intake's are built once, ``tickets.sla._STATE``, the book's and the contact's look-ups).
        tables = _MAPPED_TABLES[statement] = frozenset(mapper.local_table for mapper in state.all_mappers)
    if any(insert.table in tables for insert in pending):
        write_deferred(state.session, tables)


# The tables of the entities an ORM statement names (``_write_before_reading``), per statement object.
_MAPPED_TABLES: weakref.WeakKeyDictionary[Any, frozenset[Any]] = weakref.WeakKeyDictionary()


@event.listens_for(Session, "before_commit")
def _write_before_commit(session: Session) -> None:
    write_deferred(session)


@event.listens_for(Session, "after_soft_rollback")
def _forget_deferred(session: Session, previous: SessionTransaction) -> None:
    if previous.parent is None:
        session.info.pop(_DEFERRED, None)
