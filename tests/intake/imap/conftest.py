"""Fixtures for the IMAP intake tests: a fresh Dovecot per test, configs and a SQLite sink.

Needs the Debian packages ``dovecot-core`` and ``dovecot-imapd``; the tests that need a server are
skipped with a reason when the ``dovecot`` binary is missing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from intake.imap import ImapMailboxConfig, ImapPoller
from tests.intake.imap.dovecot import (
    CAPS_WITHOUT_IDLE_AND_MOVE,
    DOVECOT,
    PASSWORD,
    USER,
    DovecotServer,
    free_port,
)
from tests.intake.imap.sqlite_store import SqliteSink, SqliteStateStore


def _server(capabilities: str | None = None, *, tls_enabled: bool = True) -> Iterator[DovecotServer]:
    if not os.path.exists(DOVECOT):
        pytest.skip("dovecot is not installed (apt-get install dovecot-imapd)")
    # Not pytest's tmp_path: its parents are mode 0700 and Dovecot's auth user must traverse them.
    root = Path(tempfile.mkdtemp(prefix="scrubdesk-dovecot-"))
    server = DovecotServer(root, free_port(), free_port(), capabilities=capabilities, tls_enabled=tls_enabled)
    server.setup()
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def dovecot() -> Iterator[DovecotServer]:
    """Dovecot 2.3 with its full capabilities (IDLE, MOVE, UIDPLUS), IMAPS and STARTTLS ports."""
    yield from _server()


@pytest.fixture
def dovecot_basic() -> Iterator[DovecotServer]:
    """Dovecot announcing neither IDLE nor MOVE: the polling and COPY/EXPUNGE paths."""
    yield from _server(CAPS_WITHOUT_IDLE_AND_MOVE)


@pytest.fixture
def dovecot_no_uidplus() -> Iterator[DovecotServer]:
    """Dovecot announcing neither MOVE nor UIDPLUS (nor IDLE): no safe way to expunge only ours."""
    yield from _server(CAPS_WITHOUT_IDLE_AND_MOVE.replace(" UIDPLUS", ""))


@pytest.fixture
def dovecot_no_tls() -> Iterator[DovecotServer]:
    """Dovecot with TLS switched off: it offers no STARTTLS."""
    yield from _server(tls_enabled=False)


def config_dict(server: DovecotServer, **overrides: Any) -> dict[str, Any]:
    """Config for the IMAPS port, trusting the fixture's self-signed certificate."""
    base: dict[str, Any] = {
        "name": "test-mailbox",
        "host": "127.0.0.1",
        "port": server.imaps_port,
        "tls": "ssl",
        "username": USER,
        "password": PASSWORD,
        "ca_file": str(server.cert),
        "processed_folder": "Processed",
        "quarantine_folder": "Quarantine",
        "poll_interval": 0.5,
        "backoff_initial": 0.2,
        "backoff_max": 1.0,
        "connect_timeout": 5,
        "read_timeout": 10,
    }
    base.update(overrides)
    return base


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite3"


class RunningPoller:
    def __init__(self, poller: ImapPoller, thread: threading.Thread, stop: threading.Event) -> None:
        self.poller, self.thread, self.stop_event = poller, thread, stop

    def stop(self, timeout: float = 10) -> float:
        """Set the stop event; return how long ``run`` took to return."""
        t0 = time.monotonic()
        self.stop_event.set()
        self.thread.join(timeout)
        assert not self.thread.is_alive(), "poller did not stop"
        return time.monotonic() - t0


@pytest.fixture
def start_poller(db: Path) -> Iterator[Callable[..., RunningPoller]]:
    """Start an ``ImapPoller`` in a thread (as ``serve`` does) with the SQLite sink; stopped at teardown."""
    running: list[RunningPoller] = []

    def start(config: dict[str, Any], *, sink: Any = None, **kwargs: Any) -> RunningPoller:
        stop = threading.Event()
        poller = ImapPoller(
            ImapMailboxConfig.model_validate(config),
            sink if sink is not None else SqliteSink(db),
            SqliteStateStore(db),
            stop_event=stop,
            **kwargs,
        )
        thread = threading.Thread(target=poller.run, name="imap-poller", daemon=True)
        thread.start()
        r = RunningPoller(poller, thread, stop)
        running.append(r)
        return r

    yield start
    for r in running:
        r.stop_event.set()
        r.thread.join(10)


def wait_for(predicate: Callable[[], bool], timeout: float = 20, interval: float = 0.05) -> float:
    """Poll ``predicate`` until true; return the seconds it took; fail after ``timeout``."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if predicate():
            return time.monotonic() - t0
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout}s")
