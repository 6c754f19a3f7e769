"""One watched IMAP mailbox's settings, and the checks that refuse unsafe or impossible ones before any
connection is made (clear text off loopback, two credentials, folders that collide, an IDLE longer
than RFC 2177 allows)."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, SecretStr, model_validator

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
        return self

    @property
    def effective_port(self) -> int:
        if self.port is not None:
            return self.port
        return 993 if self.tls == "ssl" else 143

    @property
    def key(self) -> str:
        return self.name or f"{self.username}@{self.host}:{self.effective_port}/{self.folder}"
