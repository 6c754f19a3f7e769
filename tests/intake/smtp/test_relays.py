"""Trusted relays (``[smtp] trusted_relays``, issue #15 findings 7 and 16).

Authentication-Results are identity evidence only when our own border MTA wrote them (RFC 8601
section 5; section 7.1 on forged header fields): a client that talks to us directly can write any
header it likes, so from an untrusted peer they are dropped, and from a trusted relay only the
topmost header with our authserv-id counts. A trusted relay is also exempt from the per-client-IP
message limit: every relayed mail comes from its one address.
"""

from __future__ import annotations

import ipaddress
import smtplib
from types import SimpleNamespace
from typing import Any

import pytest
from pydantic import ValidationError

from intake.hooks import PrivacyHook
from intake.message import InboundMessage
from intake.pipeline import Intake, SubmitOutcome
from intake.smtp import SmtpSettings
from privacy.config import PrivacyConfig
from privacy.evidence import MailEvidence
from tests.intake.smtp.harness import ThreadedSmtp
from tests.support.fakes import FakeScrubber
from tickets.store import TicketStore

SUPPORT = "support@dommelhost.test"
OURS = "mx.dommelhost.test"


class Recorder:
    """An after-commit hook that keeps the evidence ``serve``'s PrivacyHook would draw from each mail."""

    def __init__(self) -> None:
        desk: Any = SimpleNamespace(config=PrivacyConfig(authserv_id=OURS))
        self.hook = PrivacyHook(desk)
        self.evidence: list[MailEvidence] = []
        self.headers: list[tuple[str, ...]] = []

    def __call__(self, msg: InboundMessage, outcome: SubmitOutcome) -> None:
        self.headers.append(msg.authentication_results)
        self.evidence.append(self.hook.evidence(msg))


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def intake(ticket_store: TicketStore, recorder: Recorder) -> Intake:
    return Intake(ticket_store, FakeScrubber(), after_commit=[recorder])


def mail(n: int, *auth_results: str) -> bytes:
    head = "".join(f"Authentication-Results: {value}\r\n" for value in auth_results)
    return (
        f"{head}From: Marieke <marieke@example.nl>\r\nTo: {SUPPORT}\r\nSubject: Verwijder mijn gegevens {n}\r\n"
        f"Message-ID: <relay-{n}@example.nl>\r\n\r\nGraag alles verwijderen.\r\n"
    ).encode()


FORGED_PASS = f"{OURS}; dmarc=pass (p=reject) header.from=example.nl"


def test_forged_dmarc_pass_from_a_direct_client_is_no_evidence(intake: Intake, recorder: Recorder) -> None:
    # Finding 7: a client that is not our relay writes our authserv-id and dmarc=pass itself.
    with ThreadedSmtp(intake, SmtpSettings(accept=(SUPPORT,))) as srv, smtplib.SMTP("127.0.0.1", srv.port) as c:
        c.sendmail("marieke@example.nl", [SUPPORT], mail(1, FORGED_PASS))
    assert recorder.evidence == [MailEvidence.NONE]
    assert recorder.headers == [()]  # dropped entirely, not just ignored


def test_a_peer_outside_the_trusted_networks_is_not_trusted(intake: Intake, recorder: Recorder) -> None:
    settings = SmtpSettings(accept=(SUPPORT,), trusted_relays=("10.0.0.0/8", "192.0.2.25"))
    with ThreadedSmtp(intake, settings) as srv, smtplib.SMTP("127.0.0.1", srv.port) as c:
        c.sendmail("marieke@example.nl", [SUPPORT], mail(2, FORGED_PASS))
    assert recorder.evidence == [MailEvidence.NONE]


def test_through_a_trusted_relay_only_its_topmost_header_counts(intake: Intake, recorder: Recorder) -> None:
    # The relay (127.0.0.1 here) prepended its verdict; the sender's forged header sits below it.
    settings = SmtpSettings(accept=(SUPPORT,), trusted_relays=("127.0.0.1/32",))
    genuine_fail = f"{OURS}; spf=fail smtp.mailfrom=example.nl; dmarc=fail (p=reject) header.from=example.nl"
    genuine_none = f"{OURS}; spf=none smtp.mailfrom=example.nl; dmarc=none header.from=example.nl"
    genuine_pass = f"{OURS}; dkim=pass header.d=example.nl; dmarc=pass header.from=example.nl"
    with ThreadedSmtp(intake, settings) as srv, smtplib.SMTP("127.0.0.1", srv.port) as c:
        c.sendmail("marieke@example.nl", [SUPPORT], mail(3, genuine_fail, FORGED_PASS))
        c.sendmail("marieke@example.nl", [SUPPORT], mail(4, genuine_none, FORGED_PASS))
        c.sendmail("marieke@example.nl", [SUPPORT], mail(5, genuine_pass))
    assert recorder.evidence == [MailEvidence.SPOOFED, MailEvidence.NONE, MailEvidence.DMARC_PASS]


MAIL = b"From: a@example.nl\r\nTo: support@dommelhost.test\r\nSubject: t\r\n\r\nhallo\r\n"


def test_a_trusted_relay_is_exempt_from_the_per_ip_limit(intake: Intake) -> None:
    # Finding 16: every relayed mail comes from the relay's one address; its own limits apply.
    settings = SmtpSettings(accept=(SUPPORT,), max_messages_per_minute=2, trusted_relays=("127.0.0.0/8",))
    with ThreadedSmtp(intake, settings) as srv, smtplib.SMTP("127.0.0.1", srv.port) as c:
        for n in range(6):
            assert c.sendmail(f"k{n}@example.nl", [SUPPORT], MAIL.replace(b"hallo", str(n).encode())) == {}


def test_an_untrusted_peer_still_meets_the_limit(intake: Intake) -> None:
    settings = SmtpSettings(accept=(SUPPORT,), max_messages_per_minute=2, trusted_relays=("10.1.2.3",))
    with ThreadedSmtp(intake, settings) as srv, smtplib.SMTP("127.0.0.1", srv.port) as c:
        for n in range(2):
            c.sendmail(f"k{n}@example.nl", [SUPPORT], MAIL.replace(b"hallo", str(n).encode()))
        with pytest.raises(smtplib.SMTPSenderRefused) as err:
            c.sendmail("k9@example.nl", [SUPPORT], MAIL)
        assert err.value.smtp_code == 421


def test_trusted_relays_setting() -> None:
    settings = SmtpSettings(trusted_relays=("127.0.0.1", "10.0.0.0/8", "2001:db8::/32"))
    assert settings.trusted_relays == (
        ipaddress.ip_network("127.0.0.1/32"),
        ipaddress.ip_network("10.0.0.0/8"),
        ipaddress.ip_network("2001:db8::/32"),
    )
    assert SmtpSettings().trusted_relays == ()
    # Host bits set ("10.0.0.1/8") is a typo that would trust a whole network: refused, not guessed.
    with pytest.raises(ValidationError):
        SmtpSettings(trusted_relays=("10.0.0.1/8",))
    with pytest.raises(ValidationError):
        SmtpSettings(trusted_relays=("mx.example.nl",))


@pytest.mark.parametrize(
    ("peer", "trusted"),
    [
        (("127.0.0.1", 40000), True),
        (("10.9.8.7", 25), True),
        (("::ffff:127.0.0.1", 40000, 0, 0), True),  # an IPv4 client on a dual-stack listener
        (("2001:db8::25", 25, 0, 0), True),
        (("192.0.2.1", 25), False),
        (("2001:db9::1", 25, 0, 0), False),
        (None, False),
        (("not-an-address", 1), False),
    ],
)
def test_is_trusted_peer(peer: object, trusted: bool) -> None:
    from intake.smtp import is_trusted_peer

    settings = SmtpSettings(trusted_relays=("127.0.0.1", "10.0.0.0/8", "2001:db8::/32"))
    assert is_trusted_peer(settings, peer) is trusted


def test_trusted_relays_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    from app.config import Settings

    monkeypatch.setenv("SCRUBDESK_SMTP__TRUSTED_RELAYS", '["127.0.0.1", "::1"]')
    settings = Settings(data_dir=tmp_path)
    assert settings.smtp.trusted_relays == (ipaddress.ip_network("127.0.0.1/32"), ipaddress.ip_network("::1/128"))
