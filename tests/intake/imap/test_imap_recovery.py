"""Crash and restart behaviour: server restarts, a SIGKILLed poller, UIDVALIDITY changes, 10,000 mails.

After each, every message must be stored exactly once and acknowledged on the server.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.intake.imap.conftest import config_dict, wait_for
from tests.intake.imap.dovecot import PASSWORD, DovecotServer, make_message
from tests.intake.imap.sqlite_store import SqliteSink, SqliteStateStore, attempts, stored_ids
from tests.support.paths import REPO

REPO = REPO


def spawn_poller(cfg: dict[str, Any], db: Path, *extra: str) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.Popen(
        [sys.executable, "-m", "tests.intake.imap.poller_main", json.dumps(cfg), str(db), *extra],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def stop_process(proc: subprocess.Popen[bytes]) -> str:
    proc.send_signal(signal.SIGTERM)
    try:
        _, err = proc.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
        raise AssertionError("poller process did not stop on SIGTERM") from None
    assert proc.returncode == 0, err.decode()[-3000:]
    return err.decode()


def test_server_restart_mid_batch(dovecot: DovecotServer, db: Path, start_poller) -> None:
    expected = []
    for n in range(40):
        mid, raw = make_message(n)
        expected.append(mid)
        dovecot.deliver(raw)
    running = start_poller(config_dict(dovecot, batch_size=5), sink=SqliteSink(db, delay=0.05))
    wait_for(lambda: len(stored_ids(db)) >= 10)
    assert len(stored_ids(db)) < 40, "restart must happen mid-batch"
    dovecot.restart()
    wait_for(lambda: sorted(stored_ids(db)) == sorted(expected), timeout=60)
    wait_for(lambda: dovecot.count("Processed") == 40)
    assert dovecot.count("INBOX") == 0
    assert sorted(dovecot.message_ids("Processed")) == sorted(expected)
    assert running.poller.reconnects >= 1
    running.stop()


def test_sigkill_mid_batch_then_restart_stores_each_message_once(dovecot: DovecotServer, db: Path) -> None:
    messages = [make_message(n) for n in range(300)]
    dovecot.bulk_write(raw for _, raw in messages)
    cfg = config_dict(dovecot, batch_size=25)
    cfg["password"] = PASSWORD
    proc = spawn_poller(cfg, db, "--delay", "0.01")
    try:
        wait_for(lambda: len(stored_ids(db)) >= 60, timeout=60)
    finally:
        proc.kill()  # SIGKILL: no cleanup, no logout, a group committed but not acknowledged
        proc.wait()
    killed_at = len(stored_ids(db))
    assert killed_at < 300, "kill must happen mid-mailbox"
    proc = spawn_poller(cfg, db)
    try:
        wait_for(lambda: len(stored_ids(db)) == 300, timeout=120)
        wait_for(lambda: dovecot.count("Processed") == 300, timeout=30)
    finally:
        stop_process(proc)
    assert sorted(stored_ids(db)) == sorted(mid for mid, _ in messages)
    assert dovecot.count("INBOX") == 0
    # Each message is in the processed folder exactly once, too.
    assert sorted(dovecot.message_ids("Processed")) == sorted(mid for mid, _ in messages)
    # Re-deliveries after the kill happened at most for the one unacknowledged group.
    duplicates = attempts(db, "duplicate")
    print(f"SIGKILL after {killed_at} stored: {duplicates} re-delivered duplicate(s) absorbed")
    assert duplicates <= 25


def test_uidvalidity_change_in_move_mode_imports_renumbered_mail(dovecot: DovecotServer, db: Path) -> None:
    """After a restore the new mail gets UIDs below the saved position: they must still come in."""
    first = [make_message(n) for n in range(3)]
    for _, raw in first:
        dovecot.deliver(raw)
    cfg = config_dict(dovecot)
    proc = spawn_poller(cfg | {"password": PASSWORD}, db)
    try:
        wait_for(lambda: len(stored_ids(db)) == 3)
        wait_for(lambda: dovecot.count("Processed") == 3)
    finally:
        stop_process(proc)
    old = SqliteStateStore(db).load("test-mailbox")
    assert old is not None and old[1] == 3
    later = [make_message(n, tag="later") for n in range(2)]
    dovecot.bulk_write(raw for _, raw in later)
    dovecot.reset_uids()
    assert dovecot.uidvalidity() != old[0]
    proc = spawn_poller(cfg | {"password": PASSWORD}, db)
    try:
        wait_for(lambda: len(stored_ids(db)) == 5)
        wait_for(lambda: dovecot.count("Processed") == 5)
    finally:
        err = stop_process(proc)
    assert "UIDVALIDITY changed" in err
    assert SqliteStateStore(db).load("test-mailbox") == (dovecot.uidvalidity(), 2)


def test_uidvalidity_change_in_seen_mode_does_not_redeliver(dovecot: DovecotServer, db: Path) -> None:
    first = [make_message(n) for n in range(3)]
    for _, raw in first:
        dovecot.deliver(raw)
    cfg = config_dict(dovecot, after_commit="seen") | {"password": PASSWORD}
    proc = spawn_poller(cfg, db)
    try:
        wait_for(lambda: len(stored_ids(db)) == 3)
        wait_for(lambda: dovecot.doveadm("search", "-u", "support", "mailbox", "INBOX", "UNSEEN") == "")
    finally:
        stop_process(proc)
    old = SqliteStateStore(db).load("test-mailbox")
    later = [make_message(n, tag="later") for n in range(2)]
    dovecot.bulk_write(raw for _, raw in later)
    dovecot.reset_uids()
    assert old is not None and dovecot.uidvalidity() != old[0]
    assert dovecot.count("INBOX") == 5
    proc = spawn_poller(cfg, db)
    try:
        wait_for(lambda: len(stored_ids(db)) == 5)
        time.sleep(1.5)  # several polling rounds: nothing else may come round again
    finally:
        stop_process(proc)
    # The three already handled (\Seen) messages were not offered again: 3 + 2 attempts in all.
    assert attempts(db) == 5
    assert sorted(stored_ids(db)) == sorted(m for m, _ in first + later)


def test_ten_thousand_messages_with_bounded_memory(dovecot: DovecotServer, db: Path) -> None:
    n, body = 10_000, "lorem ipsum dolor sit amet " * 370 + "\r\n"  # ~10 KB per message
    expected = []

    def gen() -> Any:
        for i in range(n):
            mid, raw = make_message(i, body=body)
            expected.append(mid)
            yield raw

    dovecot.bulk_write(gen())
    total_kib = sum(1 for _ in expected) * 10
    report = db.parent / "report.json"
    cfg = config_dict(dovecot, batch_size=100, max_batch_bytes=1_000_000) | {"password": PASSWORD}
    t0 = time.monotonic()
    proc = spawn_poller(cfg, db, "--report", str(report))
    try:
        wait_for(lambda: len(stored_ids(db)) == n, timeout=600, interval=1)
        wait_for(lambda: dovecot.count("INBOX") == 0, timeout=60, interval=0.5)
    finally:
        stop_process(proc)
    elapsed = time.monotonic() - t0
    rep = json.loads(report.read_text())
    growth_kib = rep["rss_peak_kib"] - rep["rss_start_kib"]
    print(
        f"10k messages: {elapsed:.1f}s, peak RSS {rep['rss_peak_kib']} KiB (growth {growth_kib} KiB) "
        f"for {total_kib} KiB of mail"
    )
    assert dovecot.count("Processed") == n
    assert sorted(stored_ids(db)) == sorted(expected)
    # Never more than a small fraction of the mailbox in memory (it is ~100 MB in all).
    assert growth_kib < total_kib // 4
