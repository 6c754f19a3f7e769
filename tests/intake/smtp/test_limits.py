"""STARTTLS, the connection cap and the per-client rate limit of the SMTP server."""

from __future__ import annotations

import logging
import smtplib
import socket
import ssl
from pathlib import Path

import pytest

from intake.pipeline import Intake
from intake.smtp import SmtpSettings, accepts, client_network
from tests.intake.smtp.harness import ThreadedSmtp
from tests.support.fakes import FakeScrubber
from tests.support.netutil import make_self_signed
from tickets.store import TicketStore

SUPPORT = "support@dommelhost.test"
MAIL = b"From: a@example.nl\r\nTo: support@dommelhost.test\r\nSubject: t\r\n\r\nhallo\r\n"


@pytest.fixture
def intake(ticket_store: TicketStore) -> Intake:
    return Intake(ticket_store, FakeScrubber())


def test_accept_patterns() -> None:
    assert accepts(("support@x.nl",), "<Support@X.nl>")
    assert accepts(("@x.nl",), "billing@x.nl")
    assert not accepts(("@x.nl",), "a@evil-x.nl")
    assert not accepts(("support@x.nl",), "support@x.nl.evil")


def test_starttls_when_a_certificate_is_configured(intake: Intake, tmp_path: Path) -> None:
    cert, key = tmp_path / "c.pem", tmp_path / "k.pem"
    make_self_signed(cert, key)
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ctx.load_cert_chain(cert, key)
    settings = SmtpSettings(accept=(SUPPORT,), tls_context=server_ctx, require_starttls=True)
    with ThreadedSmtp(intake, settings) as srv:
        with smtplib.SMTP("127.0.0.1", srv.port) as plain, pytest.raises(smtplib.SMTPException):
            plain.sendmail("a@example.nl", [SUPPORT], MAIL)  # STARTTLS required first
        client_ctx = ssl.create_default_context(cafile=str(cert))
        with smtplib.SMTP("localhost", srv.port) as c:
            c.starttls(context=client_ctx)
            assert c.sendmail("a@example.nl", [SUPPORT], MAIL) == {}


def test_connection_cap_answers_421(intake: Intake) -> None:
    with ThreadedSmtp(intake, SmtpSettings(accept=(SUPPORT,), max_connections=2)) as srv:
        held = [smtplib.SMTP("127.0.0.1", srv.port) for _ in range(2)]
        try:
            with socket.create_connection(("127.0.0.1", srv.port), timeout=5) as extra:
                assert extra.recv(100).startswith(b"421")
        finally:
            for c in held:
                c.quit()
        # Capacity comes back once they are gone.
        with smtplib.SMTP("127.0.0.1", srv.port) as c:
            assert c.sendmail("a@example.nl", [SUPPORT], MAIL) == {}


def test_per_client_rate_limit(intake: Intake, caplog: pytest.LogCaptureFixture) -> None:
    settings = SmtpSettings(accept=(SUPPORT,), max_messages_per_minute=3)
    with ThreadedSmtp(intake, settings) as srv, smtplib.SMTP("127.0.0.1", srv.port) as c:
        for n in range(3):
            c.sendmail(f"a{n}@example.nl", [SUPPORT], MAIL.replace(b"hallo", str(n).encode()))
        with caplog.at_level(logging.WARNING, logger="intake.smtp"), \
                pytest.raises(smtplib.SMTPSenderRefused) as err:
            c.sendmail("a@example.nl", [SUPPORT], MAIL)
        assert err.value.smtp_code == 421
    # The warning names the client's network, not its address (an IP address is personal data,
    # CJEU C-582/14 Breyer): enough to find or block a range, not one subscriber.
    warnings = [r.getMessage() for r in caplog.records if "rate limit" in r.getMessage()]
    assert warnings == ["smtp: rate limit for a client in 127.0.0.0/24"]


def test_client_network() -> None:
    assert client_network("192.0.2.77") == "192.0.2.0/24"
    assert client_network("2001:db8:1234:5678::9") == "2001:db8:1234::/48"
    assert client_network("::ffff:192.0.2.77") == "192.0.2.0/24"
    assert client_network("not an address") == "?"
