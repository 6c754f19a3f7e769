"""The IMAP poller against a real Dovecot: TLS modes, IDLE, polling, quarantine, back-off."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest

from tests.intake.imap.conftest import config_dict, wait_for
from tests.intake.imap.dovecot import OAUTH_TOKEN, OAUTH_USER, DovecotServer, make_message
from tests.intake.imap.sqlite_store import SqliteSink, attempts, stored_ids


def test_idle_picks_up_new_mail_within_seconds_over_imaps(
    dovecot: DovecotServer, db: Path, start_poller, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="intake.imap")
    # A poll interval of an hour: only IDLE can bring the message in quickly.
    running = start_poller(config_dict(dovecot, poll_interval=3600))
    wait_for(lambda: running.poller._mode == "idling")
    mid, raw = make_message(1)
    t0 = time.monotonic()
    dovecot.deliver(raw)
    wait_for(lambda: stored_ids(db) == [mid], timeout=10)
    latency = time.monotonic() - t0
    print(f"IDLE: stored {latency:.2f}s after delivery")
    assert latency < 5, latency
    wait_for(lambda: dovecot.count("Processed") == 1)
    assert dovecot.count("INBOX") == 0
    assert dovecot.message_ids("Processed") == [mid]
    # Stopping must interrupt IDLE promptly.
    took = running.stop()
    print(f"stop out of IDLE took {took:.2f}s")
    assert took < 3
    text = caplog.text
    assert "connected (tls=ssl, idle=True, move=True" in text
    assert "idling" in text
    assert "Hello, this is test message" not in text and mid not in text


def test_starttls_with_xoauth2_and_seen_mode(dovecot: DovecotServer, db: Path, start_poller) -> None:
    mids = []
    for n in range(3):
        mid, raw = make_message(n)
        dovecot.deliver(raw, user=OAUTH_USER)
        mids.append(mid)
    cfg = config_dict(
        dovecot,
        port=dovecot.imap_port,
        tls="starttls",
        host="localhost",
        username=OAUTH_USER,
        password=None,
        oauth2_token=OAUTH_TOKEN,
        after_commit="seen",
    )
    running = start_poller(cfg)
    wait_for(lambda: sorted(stored_ids(db)) == sorted(mids))
    # Seen mode: the messages stay in INBOX, flagged \Seen, and are not delivered twice.
    wait_for(lambda: dovecot.doveadm("search", "-u", OAUTH_USER, "mailbox", "INBOX", "UNSEEN") == "")
    assert dovecot.count("INBOX", user=OAUTH_USER) == 3
    time.sleep(1.5)  # a few polling rounds
    assert attempts(db) == 3
    running.stop()


def test_polling_and_copy_expunge_without_idle_or_move_on_plain_loopback(
    dovecot_basic: DovecotServer, db: Path, start_poller, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="intake.imap")
    cfg = config_dict(dovecot_basic, port=dovecot_basic.imap_port, tls="plain", allow_plaintext=True, poll_interval=0.3)
    running = start_poller(cfg)
    wait_for(lambda: running.poller._mode.startswith("polling"))
    mids = []
    for n in range(3):
        mid, raw = make_message(n)
        dovecot_basic.deliver(raw)
        mids.append(mid)
    wait_for(lambda: sorted(stored_ids(db)) == sorted(mids))
    wait_for(lambda: dovecot_basic.count("Processed") == 3)
    # COPY + \Deleted + UID EXPUNGE (RFC 4315) left nothing behind in INBOX.
    assert dovecot_basic.count("INBOX") == 0
    assert "idle=False, move=False, uidplus=True" in caplog.text
    assert "polling every 0.3s" in caplog.text
    running.stop()


def test_untrusted_certificate_is_refused(dovecot: DovecotServer, db: Path, start_poller, caplog) -> None:
    caplog.set_level(logging.INFO, logger="intake.imap")
    _, raw = make_message(1)
    dovecot.deliver(raw)
    # No ca_file: the system trust store does not know the self-signed certificate.
    running = start_poller(config_dict(dovecot, ca_file=None))
    wait_for(lambda: "CERTIFICATE_VERIFY_FAILED" in caplog.text)
    assert stored_ids(db) == []
    assert dovecot.count("INBOX") == 1
    assert running.stop() < 3


def test_malformed_message_is_quarantined_and_the_next_one_imported(
    dovecot: DovecotServer, db: Path, start_poller, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="intake.imap")
    mid1, raw1 = make_message(1)
    bad = b"\x00\xff garbage without any header\r\n\r\n\x01\x02 not a mail message"
    mid3, raw3 = make_message(3)
    for raw in (raw1, bad, raw3):
        dovecot.deliver(raw)
    running = start_poller(config_dict(dovecot))
    wait_for(lambda: sorted(stored_ids(db)) == sorted([mid1, mid3]))
    wait_for(lambda: dovecot.count("Quarantine") == 1)
    wait_for(lambda: dovecot.count("Processed") == 2)
    assert dovecot.count("INBOX") == 0
    assert "uid 2 quarantined to 'Quarantine': no Message-ID" in caplog.text
    assert running.poller.quarantined == 1
    running.stop()


class ExplodingSink:
    """A pipeline bug on one message (an unexpected exception) must not stop the mailbox either."""

    def __init__(self, inner: SqliteSink, poison: bytes) -> None:
        self.inner, self.poison = inner, poison

    def deliver(self, raw: bytes, *, mailbox: str, uid: int) -> None:
        if self.poison in raw:
            raise ZeroDivisionError("bug")
        self.inner.deliver(raw, mailbox=mailbox, uid=uid)


def test_unexpected_sink_error_quarantines_only_that_message(dovecot: DovecotServer, db: Path, start_poller) -> None:
    good = [make_message(n) for n in range(3)]
    _, poison = make_message(99, body="POISON\r\n")
    for raw in (good[0][1], poison, good[1][1], good[2][1]):
        dovecot.deliver(raw)
    running = start_poller(config_dict(dovecot), sink=ExplodingSink(SqliteSink(db), b"POISON"))
    wait_for(lambda: sorted(stored_ids(db)) == sorted(m for m, _ in good))
    wait_for(lambda: dovecot.count("Quarantine") == 1)
    running.stop()


def test_transient_store_error_leaves_message_and_retries(dovecot: DovecotServer, db: Path, start_poller) -> None:
    mid, raw = make_message(1)
    dovecot.deliver(raw)
    sink = SqliteSink(db, transient_failures=2)
    running = start_poller(config_dict(dovecot), sink=sink)
    wait_for(lambda: attempts(db, "transient") >= 1)
    # Not acknowledged while the store is down.
    assert dovecot.count("INBOX") == 1
    wait_for(lambda: stored_ids(db) == [mid])
    wait_for(lambda: dovecot.count("Processed") == 1)
    assert attempts(db, "transient") == 2
    assert running.poller.reconnects >= 2
    running.stop()


def test_oversize_message_is_quarantined_without_download(dovecot: DovecotServer, db: Path, start_poller) -> None:
    mid1, raw1 = make_message(1)
    mid2, raw2 = make_message(2, body="x" * 200_000 + "\r\n")
    dovecot.deliver(raw1)
    dovecot.deliver(raw2)
    running = start_poller(config_dict(dovecot, max_message_bytes=100_000))
    wait_for(lambda: dovecot.count("Quarantine") == 1)
    wait_for(lambda: stored_ids(db) == [mid1])
    assert dovecot.message_ids("Quarantine") == [mid2]
    running.stop()


def test_idle_session_survives_a_server_restart(dovecot: DovecotServer, db: Path, start_poller) -> None:
    running = start_poller(config_dict(dovecot, poll_interval=3600))
    wait_for(lambda: running.poller._mode == "idling")
    dovecot.restart()  # the server says BYE to the idling client and drops it
    wait_for(lambda: running.poller.reconnects >= 1)
    wait_for(lambda: running.poller._mode == "idling")
    mid, raw = make_message(1)
    dovecot.deliver(raw)
    wait_for(lambda: stored_ids(db) == [mid], timeout=10)
    running.stop()


def test_stop_is_prompt_while_backing_off(dovecot: DovecotServer, db: Path, start_poller) -> None:
    dovecot.stop()
    running = start_poller(config_dict(dovecot, backoff_initial=30, backoff_max=60))
    wait_for(lambda: running.poller.reconnects >= 1)
    assert running.stop() < 2


def test_xoauth2_token_provider_is_asked_at_each_login(
    dovecot: DovecotServer, db: Path, start_poller, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="intake.imap")
    mid, raw = make_message(1)
    dovecot.deliver(raw, user=OAUTH_USER)
    cfg = config_dict(dovecot, username=OAUTH_USER, password=None, oauth2_token="expired-token")
    # The stale configured token alone is refused by the server: nothing comes in.
    stale = start_poller(cfg)
    wait_for(lambda: "LoginError" in caplog.text)
    assert stored_ids(db) == []
    stale.stop()
    calls: list[int] = []

    def fresh_token() -> str:
        calls.append(1)
        return OAUTH_TOKEN

    running = start_poller(cfg, oauth2_token_provider=fresh_token)
    wait_for(lambda: stored_ids(db) == [mid])
    assert len(calls) == 1
    dovecot.restart()
    wait_for(lambda: len(calls) == 2)  # a new login after the reconnect asks again
    running.stop()


def test_re_idle_before_the_deadline_keeps_receiving(
    dovecot: DovecotServer, db: Path, start_poller, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="intake.imap")
    # A 1 s IDLE deadline stands in for the 25 min one (RFC 2177's limit is 29 min).
    running = start_poller(config_dict(dovecot, poll_interval=3600, idle_timeout=1.0))
    wait_for(lambda: caplog.text.count("re-IDLE") >= 2, timeout=10)
    mid, raw = make_message(1)
    dovecot.deliver(raw)
    wait_for(lambda: stored_ids(db) == [mid], timeout=5)
    assert running.poller.reconnects == 0
    running.stop()


def test_starttls_missing_means_no_login_in_clear_text(
    dovecot_no_tls: DovecotServer, db: Path, start_poller, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="intake.imap")
    _, raw = make_message(1)
    dovecot_no_tls.deliver(raw)
    running = start_poller(config_dict(dovecot_no_tls, port=dovecot_no_tls.imap_port, tls="starttls"))
    wait_for(lambda: "STARTTLS" in caplog.text and "backing off" in caplog.text)
    running.stop()
    assert stored_ids(db) == []
    # The server never saw a login attempt: the password did not cross the wire.
    log_file = dovecot_no_tls.root / "dovecot.log"
    wait_for(lambda: "Disconnected" in log_file.read_text())
    log_text = log_file.read_text()
    assert "Login: user=<support>" not in log_text and "auth failed" not in log_text


def test_without_uidplus_our_messages_stay_deleted_and_others_are_not_expunged(
    dovecot_no_uidplus: DovecotServer, db: Path, start_poller
) -> None:
    server = dovecot_no_uidplus
    _, human = make_message(0, tag="human")
    server.deliver(human)
    # A person marked this one \Deleted in their mail client; a plain EXPUNGE would destroy it.
    server.doveadm("flags", "add", "-u", "support", "\\Deleted", "mailbox", "INBOX", "uid", "1")
    mids = []
    for n in range(2):
        mid, raw = make_message(n)
        server.deliver(raw)
        mids.append(mid)
    running = start_poller(config_dict(server))
    wait_for(lambda: sorted(stored_ids(db)) == sorted(mids))
    wait_for(lambda: server.count("Processed") == 2)
    time.sleep(1.5)  # polling rounds: the copied, \Deleted originals are not offered again
    running.stop()
    assert attempts(db) == 2
    assert server.count("INBOX") == 3  # nothing expunged
    deleted = server.doveadm("search", "-u", "support", "mailbox", "INBOX", "DELETED").split()
    assert len([w for w in deleted if w.isdigit()]) == 3
