"""A small value read from the database, cached per database for a few seconds.

Intake asks for the same rarely-edited configuration rows (SLA policies, the mailboxes' address map)
for every stored message; reading them each time would add a query to the hot path. The value is kept
per engine (tests and ``serve`` may hold several databases in one process), for ``seconds`` at most, and
dropped at once by ``invalidate`` after an admin's edit commits; other processes see an edit within
``seconds``.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

T = TypeVar("T")


def engine_of(session: Session) -> Engine:
    bind = session.get_bind()
    return bind.engine if isinstance(bind, Connection) else bind


class DbCache(Generic[T]):
    """``load(session)``'s result per database, fresh for ``seconds``."""

    def __init__(self, load: Callable[[Session], T], seconds: float = 30.0) -> None:
        self._load = load
        self.seconds = seconds
        self._values: weakref.WeakKeyDictionary[Engine, tuple[float, T]] = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    def get(self, session: Session) -> T:
        engine = engine_of(session)
        with self._lock:
            cached = self._values.get(engine)
        if cached is not None and time.monotonic() - cached[0] < self.seconds:
            return cached[1]
        loaded = self._load(session)
        with self._lock:
            self._values[engine] = (time.monotonic(), loaded)
        return loaded

    def invalidate(self) -> None:
        with self._lock:
            self._values.clear()
