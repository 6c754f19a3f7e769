"""A ``MessageSink`` and ``MailboxStateStore`` on a real SQLite file, for the IMAP poller tests.

It stands in for ``serve``'s pipeline sink and ``SqlMailboxState`` with the one property the poller relies on: a
UNIQUE Message-ID, so a re-delivered message is recognised as a duplicate instead of stored twice.
Every delivery attempt is logged too, so tests can see re-deliveries happen and get absorbed. The
file is shared with a poller subprocess, so exactly-once is checked across a SIGKILL.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from email.parser import BytesHeaderParser
from email.policy import default as default_policy
from pathlib import Path

from intake.errors import RejectedMessage, TransientError

SCHEMA = """
CREATE TABLE IF NOT EXISTS messages (
    message_id TEXT NOT NULL UNIQUE,
    mailbox TEXT NOT NULL,
    uid INTEGER NOT NULL,
    size INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY,
    message_id TEXT,
    uid INTEGER NOT NULL,
    outcome TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS imap_mailbox_state (
    mailbox_key TEXT PRIMARY KEY,
    uidvalidity INTEGER NOT NULL,
    last_uid INTEGER NOT NULL
);
"""


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=30, check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    # NORMAL in WAL mode survives a killed process (only power loss can lose the last commits).
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.executescript(SCHEMA)
    return conn


class SqliteSink:
    """Commits one row per Message-ID; a message without a Message-ID is rejected (quarantine)."""

    def __init__(self, path: Path, *, delay: float = 0.0, transient_failures: int = 0) -> None:
        self._conn = connect(path)
        self._lock = threading.RLock()
        self._delay = delay
        self._transient_failures = transient_failures
        self._parser = BytesHeaderParser(policy=default_policy)

    def deliver(self, raw: bytes, *, mailbox: str, uid: int) -> None:
        if self._transient_failures > 0:
            self._transient_failures -= 1
            self._log(None, uid, "transient")
            raise TransientError("test store unavailable")
        try:
            mid = self._parser.parsebytes(raw).get("Message-ID")
        except Exception as exc:  # a header the parser chokes on: the real pipeline rejects it too
            raise RejectedMessage("unparseable header") from exc
        if not mid or not str(mid).strip():
            self._log(None, uid, "rejected")
            raise RejectedMessage("no Message-ID")
        if self._delay:
            time.sleep(self._delay)
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                self._conn.execute(
                    "INSERT INTO messages (message_id, mailbox, uid, size) VALUES (?, ?, ?, ?)",
                    (str(mid).strip(), mailbox, uid, len(raw)),
                )
                self._conn.execute(
                    "INSERT INTO attempts (message_id, uid, outcome) VALUES (?, ?, 'stored')",
                    (str(mid).strip(), uid),
                )
                self._conn.execute("COMMIT")
            except sqlite3.IntegrityError:
                self._conn.execute("ROLLBACK")
                self._log(str(mid).strip(), uid, "duplicate")

    def _log(self, mid: str | None, uid: int, outcome: str) -> None:
        with self._lock:
            self._conn.execute("INSERT INTO attempts (message_id, uid, outcome) VALUES (?, ?, ?)", (mid, uid, outcome))


class SqliteStateStore:
    def __init__(self, path: Path) -> None:
        self._conn = connect(path)
        self._lock = threading.RLock()

    def load(self, mailbox_key: str) -> tuple[int, int] | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT uidvalidity, last_uid FROM imap_mailbox_state WHERE mailbox_key = ?",
                (mailbox_key,),
            ).fetchone()
        return (int(row[0]), int(row[1])) if row else None

    def save(self, mailbox_key: str, uidvalidity: int, last_uid: int) -> None:
        with self._lock:
            self._conn.execute(
                "INSERT INTO imap_mailbox_state (mailbox_key, uidvalidity, last_uid) VALUES (?, ?, ?) "
                "ON CONFLICT (mailbox_key) DO UPDATE SET uidvalidity = excluded.uidvalidity, "
                "last_uid = excluded.last_uid",
                (mailbox_key, uidvalidity, last_uid),
            )


def stored_ids(path: Path) -> list[str]:
    conn = connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT message_id FROM messages")]
    finally:
        conn.close()


def attempts(path: Path, outcome: str | None = None) -> int:
    conn = connect(path)
    try:
        if outcome is None:
            return int(conn.execute("SELECT count(*) FROM attempts").fetchone()[0])
        return int(conn.execute("SELECT count(*) FROM attempts WHERE outcome = ?", (outcome,)).fetchone()[0])
    finally:
        conn.close()
