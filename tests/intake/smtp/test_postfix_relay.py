"""A real Postfix in front of a real ``scrubdesk serve``, set up as the README says (issue #15, finding 16).

Postfix (Debian's package, a private instance: its own config directory, queue and loopback port, see
``postfix.py``) relays one domain to ``serve``, which lists it in ``[smtp] trusted_relays``. Checked:

- ``serve`` dies (SIGKILL) after committing a relayed mail and before answering ``250``: Postfix keeps
  the mail, retries, the retry is a duplicate, and the mail is stored exactly once;
- the relay is exempt from the per-client-IP limit: more mail than the limit arrives through its
  one address within a minute without a single ``421`` deferral;
- a relayed recipient missing from ``[smtp] accept`` is refused with ``550 5.1.1`` (why the README
  says ``accept`` must list every address the relay delivers).
"""

from __future__ import annotations

import os
import shutil
import signal
import smtplib
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models import Direction, Message
from models.db import make_engine
from tests.intake.smtp.postfix import PostfixRelay, unavailable
from tests.intake.smtp.test_crash import wait_port
from tests.support.netutil import free_port
from tests.support.paths import REPO
from tickets.store import TicketStore

DOMAIN = "dommelhost.test"
SUPPORT = f"support@{DOMAIN}"


def wait_for(condition: Callable[[], bool], what: str, relay: PostfixRelay, timeout: float = 150) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}{relay.tail()}")


def mail(n: int) -> bytes:
    return (f"From: Marieke <marieke{n}@example.nl>\r\nTo: {SUPPORT}\r\nSubject: Vraag {n}\r\n"
            f"Message-ID: <postfix-relay-{n}@example.nl>\r\n\r\nBericht {n}, bel me op 06-1234567{n}.\r\n").encode()


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[PostfixRelay]:
    reason = unavailable()
    if reason:
        pytest.skip(reason)
    # Not pytest's tmp_path: its parents are 0700 and the postfix user must reach the queue.
    root = Path(tempfile.mkdtemp(prefix="scrubdesk-postfix-"))
    server = PostfixRelay(root, port=free_port(), relay_to=free_port(), domain=DOMAIN)
    try:
        server.setup()
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.mark.slow
def test_postfix_relays_retries_after_a_crash_and_the_mail_is_stored_once(
    relay: PostfixRelay, db_url: str, tmp_path: Path
) -> None:
    config = tmp_path / "scrubdesk.toml"
    config.write_text(
        f'[smtp]\nport = {relay.relay_to}\naccept = ["{SUPPORT}"]\ntrusted_relays = ["127.0.0.1"]\n'
        "max_messages_per_minute = 2\n"
    )
    env = dict(os.environ, SCRUBDESK_CONFIG=str(config), SCRUBDESK_DATABASE_URL=db_url,
               SCRUBDESK_DATA_DIR=str(tmp_path), SCRUBDESK_WEB__PORT=str(free_port()),
               SCRUBDESK_LOG_LEVEL="WARNING", SCRUBDESK_TEST_DIE_MARKER=str(tmp_path / "died"))
    log = tmp_path / "serve.log"

    def start_serve() -> subprocess.Popen[bytes]:
        with log.open("ab") as out:
            proc = subprocess.Popen([sys.executable, "-m", "tests.intake.smtp.serve_dies_once"], cwd=REPO,
                                    env=env, stdout=out, stderr=out)
        wait_port(relay.relay_to, proc)
        return proc

    store = TicketStore(make_engine(db_url))

    def stored() -> int:
        """The customer's messages (one recognised as a privacy request also gets our outgoing mail)."""
        with store.reading() as s:
            return int(s.scalar(select(func.count()).select_from(Message).where(Message.direction == Direction.IN))
                       or 0)

    def send(n: int, sender: str = "marieke@example.nl", rcpt: str = SUPPORT) -> None:
        with smtplib.SMTP("127.0.0.1", relay.port, timeout=30) as client:
            assert client.sendmail(sender, [rcpt], mail(n)) == {}  # queued by Postfix

    proc = start_serve()
    try:
        # 1. serve dies after the commit, before its 250: Postfix must keep the mail and retry.
        send(0)
        proc.wait(timeout=120)
        assert proc.returncode == -signal.SIGKILL, log.read_text()
        assert (tmp_path / "died").read_text() == "stored"
        assert stored() == 1
        wait_for(lambda: "deferred" in relay.deliveries(), "Postfix to defer the interrupted delivery", relay)
        assert "while sending end of data" in relay.log.read_text()  # killed after DATA, before the reply
        assert relay.queued() == 1
        proc = start_serve()
        wait_for(lambda: relay.deliveries().count("sent") == 1 and relay.queued() == 0, "the retry", relay)
        assert "Ok: duplicate" in relay.log.read_text()
        assert stored() == 1

        # 2. Five more within the minute through the relay's one address, the per-IP limit at 2.
        deferred = relay.deliveries().count("deferred")  # the crash, and retries while serve restarted
        for n in range(1, 6):
            send(n)
        wait_for(lambda: relay.deliveries().count("sent") == 6 and relay.queued() == 0, "five more", relay)
        assert relay.deliveries().count("deferred") == deferred
        assert " 421 " not in relay.log.read_text()
        assert stored() == 6

        # 3. A relayed address that is not in [smtp] accept: 550 5.1.1, bounced by Postfix (null sender:
        # no bounce message to route anywhere).
        send(9, sender="", rcpt=f"sales@{DOMAIN}")
        wait_for(lambda: "bounced" in relay.deliveries() and relay.queued() == 0, "the bounce", relay)
        assert "550 5.1.1" in relay.log.read_text()
        assert stored() == 6
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)
        store.engine.dispose()
