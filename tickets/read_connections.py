"""Reused autocommit connections for intake's one-statement reads (the duplicate check), off the write pool.

Intake asks for every message whether its idempotency key is stored already (``store.stored_message``),
before any CPU work, in the worker that received it. Through the engine's pool that one SELECT cost a
checkout and check-in (pool events, the reset's ROLLBACK), a ``BEGIN`` (``models.db`` emits it on
SQLite) and, on PostgreSQL, the pool's pre-ping: four round trips for one answer, and the writers'
pool slots taken by readers (issue 19). Here each read takes an idle connection of its own (made on a
second engine with no pool of its own, in autocommit: the SELECT is its own transaction, so no snapshot
outlives it and no write lock is ever asked for), and puts it back. As many exist as reads ran at once.

A connection that fails is closed, never reused; when the failure was a lost connection (a restarted
PostgreSQL) the read is tried once more on a new one, so a restart does not answer one message per
idle connection with "try again later". Anything else raises to the caller as before (intake answers
451: the store is down). In-memory SQLite cannot be opened a second time: there the engine's own pool
serves, as before. ``Engine.dispose()`` of the store's engine closes the idle ones too.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import Connection, Engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from models.db import make_engine

T = TypeVar("T")


class ReadConnections:
    """``run(read)``: ``read(connection)`` on a reused autocommit connection (see the module docstring)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._reader: Engine | None = None
        self._idle: queue.SimpleQueue[Connection] = queue.SimpleQueue()
        self._lock = threading.Lock()
        url = engine.url
        self._separate = not (url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"))
        event.listen(engine, "engine_disposed", self._close_idle)

    def run(self, read: Callable[[Connection], T]) -> T:
        if not self._separate:
            with self._engine.connect() as conn:
                return read(conn)
        for attempt in (1, 2):
            conn = self._take()
            try:
                result = read(conn)
            except DBAPIError as exc:
                conn.close()
                if exc.connection_invalidated and attempt == 1:
                    continue  # a connection lost since its last use (a database restart): once more, anew
                raise
            except BaseException:
                conn.close()
                raise
            self._idle.put(conn)
            return result
        raise AssertionError("unreachable")  # pragma: no cover

    def _take(self) -> Connection:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            if self._reader is None:
                # The same database with the same settings (models.db's pragmas); connections kept here,
                # not in a pool; autocommit, which models.db's BEGIN listener leaves alone.
                self._reader = make_engine(self._engine.url.render_as_string(hide_password=False),
                                           poolclass=NullPool).execution_options(isolation_level="AUTOCOMMIT")
            reader = self._reader
        return reader.connect()

    def _close_idle(self, _engine: Engine) -> None:
        while True:
            try:
                conn = self._idle.get_nowait()
            except queue.Empty:
                return
            conn.close()
