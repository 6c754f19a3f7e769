"""One watched IMAP mailbox's settings, and the checks that refuse unsafe or impossible ones before any
connection is made (clear text off loopback, two credentials, folders that collide, an IDLE longer
than RFC 2177 allows), and which of a message's Authentication-Results this mailbox vouches for."""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, SecretStr, model_validator

from privacy.evidence import relabel, topmost

TlsMode = Literal["ssl", "starttls", "plain"]
AfterCommit = Literal["move", "seen"]

# RFC 2177 section 3: servers MAY log an idle client off after 30 minutes; clients re-IDLE before 29.
RFC2177_IDLE_LIMIT = 29 * 60.0


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class ImapMailboxConfig(BaseModel):
    """One watched mailbox. Secrets are ``SecretStr`` so they never show up in reprs or logs."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # Stable key for the state store and the sink's ``mailbox`` argument; derived when not given.
    name: str | None = None
    host: str
    port: int | None = Field(default=None, ge=1, le=65535)
    tls: TlsMode = "ssl"
    # Clear-text IMAP is only for a loopback test server, and only when explicitly allowed.
    allow_plaintext: bool = False
    username: str
    # The address this mailbox receives mail for. Its messages are routed to the scrubdesk mailbox
    # (brand) listing it even when the customer wrote to an alias or by Bcc, which leaves no trace of
    # this address in To/Cc (RFC 5322 section 3.6.3).
    address: str | None = None
    password: SecretStr | None = None
    # An OAuth 2.0 access token for SASL XOAUTH2 (Gmail, Microsoft 365); refreshing it is the caller's.
    oauth2_token: SecretStr | None = None
    folder: str = "INBOX"
    processed_folder: str = "scrubdesk-processed"
    quarantine_folder: str = "scrubdesk-quarantine"
    create_folders: bool = True
    after_commit: AfterCommit = "move"
    use_idle: bool = True
    poll_interval: float = Field(default=60.0, gt=0)
    idle_timeout: float = Field(default=25 * 60.0, gt=0, lt=RFC2177_IDLE_LIMIT)
    # Messages per FETCH, and the most message bytes held in memory at once.
    batch_size: int = Field(default=50, ge=1, le=5000)
    max_batch_bytes: int = Field(default=32 * 1024 * 1024, ge=1024)
    # Larger messages are quarantined without being downloaded at all.
    max_message_bytes: int = Field(default=64 * 1024 * 1024, ge=1024)
    # UIDs asked for per SEARCH, so even the UID list of a huge mailbox stays bounded.
    search_window: int = Field(default=5000, ge=1)
    ca_file: Path | None = None
    verify_tls: bool = True
    connect_timeout: float = Field(default=30.0, gt=0)
    read_timeout: float = Field(default=120.0, gt=0)
    backoff_initial: float = Field(default=1.0, gt=0)
    backoff_max: float = Field(default=300.0, gt=0)
    # The mailbox's provider checked SPF/DKIM/DMARC and wrote the topmost Authentication-Results
    # header under ``authserv_id`` (default: the ``[privacy] authserv_id``). Off by default: nothing
    # in the message is then taken as identity evidence (RFC 8601 section 5, section 7.1).
    trust_authentication_results: bool = False
    authserv_id: str | None = None

    @model_validator(mode="after")
    def _check(self) -> Self:
        if (self.password is None) == (self.oauth2_token is None):
            raise ValueError("configure exactly one of password and oauth2_token")
        if self.tls == "plain" and not (self.allow_plaintext and is_loopback(self.host)):
            raise ValueError("tls=plain is only allowed with allow_plaintext=true on a loopback host")
        folders = {self.folder, self.quarantine_folder}
        if self.after_commit == "move":
            folders.add(self.processed_folder)
        if len(folders) != (3 if self.after_commit == "move" else 2):
            raise ValueError("folder, processed_folder and quarantine_folder must differ")
        if self.backoff_max < self.backoff_initial:
            raise ValueError("backoff_max must be >= backoff_initial")
        if self.authserv_id is not None and (len(self.authserv_id.split()) != 1 or ";" in self.authserv_id):
            raise ValueError("authserv_id must be one authserv-id token, e.g. mx.example.com")
        return self

    def authentication_results(self, headers: Sequence[str], our_authserv_id: str | None) -> tuple[str, ...]:
        """The Authentication-Results intake may use: the provider's topmost header, or nothing.

        Only the border that delivered into this mailbox can have written the topmost header; any
        below it came with the message and may be the sender's, whatever authserv-id it claims
        (RFC 8601 section 5; section 7.1 on forged header fields). The verdict is handed on under our
        authserv-id, so the privacy side has one rule for every channel.
        """
        if not self.trust_authentication_results or not our_authserv_id:
            return ()
        theirs = self.authserv_id or our_authserv_id
        if topmost(headers, theirs) is None:
            return ()
        return (relabel(headers[0], our_authserv_id),)

    @property
    def effective_port(self) -> int:
        if self.port is not None:
            return self.port
        return 993 if self.tls == "ssl" else 143

    @property
    def key(self) -> str:
        return self.name or f"{self.username}@{self.host}:{self.effective_port}/{self.folder}"
