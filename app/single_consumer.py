"""Single-consumer roles: work that one process at a time must own (an IMAP mailbox, the Telegram
long-poll loop, the daily retention run), whichever ``serve`` process holds the role.

On PostgreSQL a role is a session-level advisory lock held on a dedicated connection: when the owning
process dies its connection closes, the server releases the lock, and a standby process takes the
role over on its next try (every ``retry`` seconds). On SQLite, which serves one process, a role is an
exclusive ``flock`` on a file beside the database; a second process that tries to take it gets a clear
``RoleTaken`` error instead of silently double-consuming.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.pool import NullPool

log = logging.getLogger(__name__)


class RoleTaken(RuntimeError):
    """Another process holds this role and the store cannot hand it over (SQLite)."""


def _lock_key(name: str) -> int:
    # pg advisory locks take a signed 64-bit key; a stable hash of the role name.
    return int.from_bytes(hashlib.sha256(f"scrubdesk:{name}".encode()).digest()[:8], "big", signed=True)


class SingleConsumerRole:
    """One named role; ``try_acquire`` is non-blocking, ``healthy`` says whether it is still held."""

    def __init__(self, engine: Engine, name: str) -> None:
        self.name = name
        self._engine = engine
        self._conn: Any = None
        self._file: IO[bytes] | None = None
        self._pg_engine: Engine | None = None

    @property
    def held(self) -> bool:
        return self._conn is not None or self._file is not None

    def try_acquire(self) -> bool:
        if self.held:
            return True
        if self._engine.dialect.name == "postgresql":
            return self._acquire_pg()
        return self._acquire_file()

    def _acquire_pg(self) -> bool:
        if self._pg_engine is None:
            # Its own connection outside the pool: the lock lives exactly as long as this connection.
            self._pg_engine = create_engine(self._engine.url, poolclass=NullPool)
        conn = self._pg_engine.connect()
        got = bool(conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": _lock_key(self.name)}).scalar())
        conn.commit()
        if not got:
            conn.close()
            return False
        self._conn = conn
        return True

    def _acquire_file(self) -> bool:
        database = self._engine.url.database
        # An in-memory database belongs to this process alone: a per-process lock file is enough.
        fallback = Path(tempfile.gettempdir()) / f"scrubdesk-{os.getpid()}"
        base = Path(database) if database and database != ":memory:" else fallback
        path = base.with_name(f"{base.name}.{hashlib.sha256(self.name.encode()).hexdigest()[:16]}.lock")
        handle = path.open("ab")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise RoleTaken(
                f"role {self.name!r} is held by another process on this SQLite store; "
                "run several serve processes only on PostgreSQL"
            ) from None
        self._file = handle
        return True

    def healthy(self) -> bool:
        """False when the lock was lost (the database connection broke)."""
        if self._conn is None:
            return self._file is not None
        try:
            self._conn.execute(text("SELECT 1"))
            self._conn.commit()
            return True
        except Exception:
            log.warning("role %s: lock connection lost", self.name)
            self._drop()
            return False

    def release(self) -> None:
        if self._conn is not None:
            try:
                self._conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _lock_key(self.name)})
                self._conn.commit()
            except Exception:
                log.debug("role %s: unlock on a broken connection", self.name)
        self._drop()

    def _drop(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:
                log.debug("role %s: closing a broken connection", self.name)
            self._conn = None
        if self._file is not None:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
            self._file.close()
            self._file = None


class RoleRunner:
    """Runs ``work(term_stop)`` while this process holds ``role``; stands by and retries otherwise.

    ``term_stop`` is set when the global ``stop`` is set or the lock is lost, so the work ends its
    term promptly and another process can take over. Run ``run`` in a thread.
    """

    def __init__(
        self,
        role: SingleConsumerRole,
        work: Callable[[threading.Event], None],
        *,
        stop: threading.Event,
        retry: float = 2.0,
        health_interval: float = 2.0,
    ) -> None:
        self.role = role
        self.work = work
        self.stop = stop
        self.retry = retry
        self.health_interval = health_interval
        self.terms = 0

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                acquired = self.role.try_acquire()
            except RoleTaken as exc:  # the reason and the remedy (PostgreSQL) belong in the operator's log
                log.error("role %s: held by another process; not started here (%s)", self.role.name, exc)
                return
            except Exception as exc:
                log.warning("role %s: cannot reach the store (%s); retrying", self.role.name, type(exc).__name__)
                acquired = False
            if not acquired:
                self.stop.wait(self.retry)
                continue
            self.terms += 1
            log.info("role %s: acquired (term %d)", self.role.name, self.terms)
            term_stop = threading.Event()
            worker = threading.Thread(target=self._work, args=(term_stop,), name=f"role-{self.role.name}",
                                      daemon=True)
            worker.start()
            while worker.is_alive() and not self.stop.is_set():
                worker.join(self.health_interval)
                if worker.is_alive() and not self.role.healthy():
                    break
            term_stop.set()
            worker.join()
            self.role.release()
            log.info("role %s: released", self.role.name)
            if not self.stop.is_set():
                self.stop.wait(self.retry)

    def _work(self, term_stop: threading.Event) -> None:
        try:
            self.work(term_stop)
        except Exception:
            log.exception("role %s: work failed", self.role.name)
