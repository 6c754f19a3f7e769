"""``ImapMailboxConfig`` refuses unsafe or impossible settings before any connection is made."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from intake.imap import ImapMailboxConfig

BASE: dict[str, Any] = {"host": "imap.example.com", "username": "support@example.com", "password": "pw"}


def make(**overrides: Any) -> ImapMailboxConfig:
    return ImapMailboxConfig.model_validate(BASE | overrides)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"tls": "plain"}, "allow_plaintext"),
        ({"tls": "plain", "allow_plaintext": True}, "loopback"),  # a remote host: never in clear
        ({"tls": "plain", "allow_plaintext": True, "host": "10.0.0.1"}, "loopback"),
        ({"password": None}, "exactly one"),
        ({"oauth2_token": "tok"}, "exactly one"),
        ({"idle_timeout": 29 * 60}, "less than"),  # RFC 2177: re-IDLE before 29 minutes
        ({"processed_folder": "INBOX"}, "must differ"),
        ({"quarantine_folder": "scrubdesk-processed"}, "must differ"),
        ({"tls": "none"}, "tls"),
        ({"batch_size": 0}, "batch_size"),
        ({"backoff_initial": 10, "backoff_max": 5}, "backoff_max"),
        ({"surprise": 1}, "surprise"),
    ],
)
def test_invalid_settings_are_refused(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        make(**overrides)


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "localhost", "127.0.0.53"])
def test_plaintext_allowed_only_on_loopback_with_flag(host: str) -> None:
    cfg = make(tls="plain", allow_plaintext=True, host=host)
    assert cfg.effective_port == 143


def test_defaults_and_key() -> None:
    cfg = make()
    assert (cfg.tls, cfg.effective_port, cfg.after_commit) == ("ssl", 993, "move")
    assert cfg.idle_timeout == 25 * 60
    assert cfg.key == "support@example.com@imap.example.com:993/INBOX"
    assert make(name="sales").key == "sales"
    assert make(tls="starttls").effective_port == 143
    # Seen mode needs no processed folder, so it may equal anything but the watched folders.
    assert make(after_commit="seen", processed_folder="INBOX").after_commit == "seen"


def test_secrets_stay_out_of_repr_and_dumps() -> None:
    cfg = make(password=None, oauth2_token="very-secret-token")
    assert "very-secret-token" not in repr(cfg)
    assert "very-secret-token" not in cfg.model_dump_json()
    assert cfg.oauth2_token is not None
    assert cfg.oauth2_token.get_secret_value() == "very-secret-token"
