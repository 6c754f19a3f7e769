"""Authentication-Results of mail read from an IMAP mailbox (issue #15, finding 7, the IMAP half).

The mailbox's provider is the border that checked SPF/DKIM/DMARC, and only its topmost header can
be its own (RFC 8601 section 5; section 7.1 on forged header fields): everything below was in the
message when it arrived and may be the sender's. So the headers count only for a mailbox configured
with ``trust_authentication_results``, only the topmost one, and only when it carries the provider's
authserv-id (``authserv_id``, by default the ``[privacy] authserv_id``).
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from app.config import Settings
from app.serve import IntakeMailSink
from intake.hooks import PrivacyHook
from intake.imap import ImapMailboxConfig
from intake.message import InboundMessage
from privacy.config import PrivacyConfig
from privacy.evidence import MailEvidence

OURS = "mx.dommelhost.test"
PROVIDER = "mx.provider.test"
BASE: dict[str, Any] = {"name": "support", "host": "imap.example.com", "username": "support@example.com",
                        "password": "pw"}


def mail(*auth_results: str) -> bytes:
    head = "".join(f"Authentication-Results: {value}\r\n" for value in auth_results)
    return (f"{head}From: Marieke <marieke@example.nl>\r\nTo: support@example.com\r\nSubject: Inzage\r\n"
            "Message-ID: <imap-evidence@example.nl>\r\n\r\nGraag een kopie van mijn gegevens.\r\n").encode()


class Capture:
    def __init__(self) -> None:
        self.messages: list[InboundMessage] = []

    def submit(self, msg: InboundMessage) -> None:
        self.messages.append(msg)


def deliver(tmp_path: Path, raw: bytes, **mailbox: Any) -> tuple[tuple[str, ...], MailEvidence]:
    """What ``serve``'s IMAP sink hands to intake, and the evidence the privacy hook draws from it."""
    config = ImapMailboxConfig.model_validate(BASE | mailbox)
    settings = Settings(data_dir=tmp_path, imap=[config], privacy=PrivacyConfig(authserv_id=OURS))
    capture = Capture()
    core: Any = SimpleNamespace(settings=settings, intake=capture)
    IntakeMailSink(core).deliver(raw, mailbox=config.key, uid=1)
    (msg,) = capture.messages
    desk: Any = SimpleNamespace(config=settings.privacy)
    return msg.authentication_results, PrivacyHook(desk).evidence(msg)


FORGED = f"{OURS}; dmarc=pass (p=reject) header.from=example.nl"


def test_by_default_a_mailbox_passes_on_no_authentication_results(tmp_path: Path) -> None:
    headers, evidence = deliver(tmp_path, mail(FORGED))
    assert headers == ()
    assert evidence is MailEvidence.NONE
    assert ImapMailboxConfig.model_validate(BASE).trust_authentication_results is False


def test_a_trusted_mailbox_counts_the_providers_topmost_header(tmp_path: Path) -> None:
    provider = f"{PROVIDER}; dkim=pass header.d=example.nl; dmarc=pass (p=REJECT) header.from=example.nl"
    headers, evidence = deliver(tmp_path, mail(provider), trust_authentication_results=True, authserv_id=PROVIDER)
    assert evidence is MailEvidence.DMARC_PASS
    assert len(headers) == 1


def test_a_forged_header_below_the_providers_does_not_count(tmp_path: Path) -> None:
    provider = f"{PROVIDER}; dmarc=none header.from=example.nl"
    forged = f"{PROVIDER}; dmarc=pass header.from=example.nl"
    _, evidence = deliver(tmp_path, mail(provider, forged, FORGED), trust_authentication_results=True,
                          authserv_id=PROVIDER)
    assert evidence is MailEvidence.NONE
    provider_fail = f"{PROVIDER}; dmarc=fail header.from=example.nl"
    _, evidence = deliver(tmp_path, mail(provider_fail, forged), trust_authentication_results=True,
                          authserv_id=PROVIDER)
    assert evidence is MailEvidence.SPOOFED


def test_a_header_with_another_id_on_top_means_no_evidence(tmp_path: Path) -> None:
    # The provider wrote nothing under the configured id (or something else sits on top): nothing counts.
    _, evidence = deliver(tmp_path, mail("other.test; dmarc=none", FORGED), trust_authentication_results=True)
    assert evidence is MailEvidence.NONE


def test_without_an_authserv_id_of_its_own_the_mailbox_uses_ours(tmp_path: Path) -> None:
    # e.g. our own MTA delivers into the mailbox and writes our [privacy] authserv_id
    _, evidence = deliver(tmp_path, mail(FORGED), trust_authentication_results=True)
    assert evidence is MailEvidence.DMARC_PASS


def test_the_providers_id_alone_is_no_evidence_for_an_untrusted_mailbox(tmp_path: Path) -> None:
    provider = f"{PROVIDER}; dmarc=pass header.from=example.nl"
    headers, evidence = deliver(tmp_path, mail(provider), authserv_id=PROVIDER)
    assert headers == () and evidence is MailEvidence.NONE


@pytest.mark.parametrize("value", ["", "two words", "semi;colon"])
def test_an_authserv_id_must_be_one_token(value: str) -> None:
    with pytest.raises(ValueError, match="authserv_id"):
        ImapMailboxConfig.model_validate(BASE | {"authserv_id": value})


def test_a_mailbox_with_an_address_puts_it_first_among_the_recipients(tmp_path: Path) -> None:
    """Mail that reached the mailbox by Bcc or an alias is still routed by the mailbox's own address."""
    raw = mail().replace(b"To: support@example.com", b"To: someone@elsewhere.test")
    for extra, expected in (({}, ("someone@elsewhere.test",)),
                            ({"address": "sales@example.com"}, ("sales@example.com", "someone@elsewhere.test"))):
        config = ImapMailboxConfig.model_validate(BASE | extra)
        capture = Capture()
        core: Any = SimpleNamespace(settings=Settings(data_dir=tmp_path, imap=[config]), intake=capture)
        IntakeMailSink(core).deliver(raw, mailbox=config.key, uid=1)
        assert capture.messages[0].recipients == expected
