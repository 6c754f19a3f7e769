"""Configuration: a TOML file plus ``SCRUBDESK_*`` environment overrides (pydantic-settings).

The file is ``scrubdesk.toml`` in the working directory, or the path in ``SCRUBDESK_CONFIG`` (or the
CLI's ``--config``). Nested keys are overridden with a double underscore, e.g.
``SCRUBDESK_SMTP__PORT=2526`` or ``SCRUBDESK_DATABASE_URL=postgresql://...``.
The defaults are the embedded ones: SQLite under ./var, SMTP and web on localhost.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, Field, PrivateAttr, SecretStr, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from bots.config import TelegramConfig
from intake.attachments import AttachmentPolicy
from intake.imap import ImapMailboxConfig
from intake.pipeline import IntakeLimits
from intake.smtp import SmtpSettings
from outbound.acknowledge import AckConfig
from outbound.graph import GraphSettings
from outbound.mail import SmarthostConfig
from outbound.solve_mail import SolveMailConfig
from outbound.webhook_urls import UrlPolicy
from privacy.config import PrivacyConfig
from privacy.retention import RetentionPolicy
from scrubber.config import ScrubberConfig
from tickets.operator import OperatorIdentity
from web.webhooks import MetaWebhookSettings, WebhookSettings

DEFAULT_CONFIG_FILE = "scrubdesk.toml"


class WebConfig(BaseModel):
    host: str = "127.0.0.1"
    port: int = 8080
    # Bearer token for the JSON API; when unset, ``serve`` creates one in the data directory.
    api_token: SecretStr | None = None
    # Session cookies get Secure over https automatically; true forces it (TLS-terminating proxy).
    cookie_secure: bool | None = None
    session_hours: float = 12.0
    # Reverse proxies (addresses or networks) whose X-Forwarded-For and X-Forwarded-Proto are believed.
    # Default none: the TCP peer is the client the login, form and verification limits count and the
    # audit trail records. A header from anyone else is a claim the client makes about itself: it
    # "cannot be relied upon to be correct" (RFC 7239 section 8.1, of Forwarded and X-Forwarded-For alike).
    trusted_proxies: list[str] = []

    @field_validator("trusted_proxies")
    @classmethod
    def _addresses(cls, value: list[str]) -> list[str]:
        for entry in value:
            try:
                ipaddress.ip_network(entry, strict=False)
            except ValueError:
                raise ValueError(f"trusted_proxies: {entry!r} is not an IP address or network") from None
        return value


class IntakeConfig(BaseModel):
    # Threads that run parsing, scrubbing and the store for the asynchronous adapters.
    workers: int = 4
    # SQLite: one writer thread commits what the workers finished in batches (intake.writer); off,
    # every worker commits for itself (the comparison arm of bench/smtp_intake.py).
    group_commit: bool = True
    # Processes that run the scrubber's analysis and privacy recognition (0: the intake threads do,
    # under Python's GIL); see intake/prepare_pool.py and bench/smtp_intake.py.
    prepare_processes: Annotated[int, Field(ge=0, le=64)] | Literal["auto"] = 0
    attachment_store_max: int = 10 * 1024 * 1024
    # What one message may cost a worker (see intake.pipeline.IntakeLimits for each limit's reason).
    # Characters scrubbed and kept per text attachment, of the body, and per message in all; beyond
    # them the text is cut at a line end and a note says how much was not kept.
    text_attachment_scrub_max: int = Field(default=1024 * 1024, ge=1)
    text_scrub_max: int = Field(default=1_000_000, ge=1)
    text_scrub_total_max: int = Field(default=4_000_000, ge=1)
    subject_max_chars: int = Field(default=1000, ge=10)
    # Images: pixels (all frames) decoded at most, and seconds of cleaning; beyond, metadata only.
    image_max_pixels: int = Field(default=40_000_000, ge=1)
    attachment_clean_seconds: float = Field(default=5.0, gt=0)
    # The [attachments] section's policy, handed over by ``Settings`` (one IntakeLimits for the pipeline).
    _attachments: AttachmentPolicy = PrivateAttr(default_factory=AttachmentPolicy)

    def limits(self) -> IntakeLimits:
        return IntakeLimits(
            attachment_store_max=self.attachment_store_max,
            text_attachment_scrub_max=self.text_attachment_scrub_max,
            text_scrub_max=self.text_scrub_max,
            text_scrub_total_max=self.text_scrub_total_max,
            subject_max_chars=self.subject_max_chars,
            image_max_pixels=self.image_max_pixels,
            attachment_clean_seconds=self.attachment_clean_seconds,
            attachments=self._attachments,
        )


class AttachmentsConfig(BaseModel):
    """``[attachments]``: what of an attachment is kept (intake.attachments.AttachmentPolicy)."""

    # "never": the scrubbed rendition only; "if_clean": a document's original too when nothing was found in it.
    keep_original: Literal["never", "if_clean"] = "never"
    max_pages: int = Field(default=200, ge=1)
    max_archive_entries: int = Field(default=200, ge=1)
    mail_depth: int = Field(default=3, ge=0, le=10)
    document_seconds: float = Field(default=10.0, gt=0)
    # Images: Tesseract languages and seconds of recognition per image (beyond: metadata only).
    ocr_languages: str = "nld+eng"
    ocr_seconds: float = Field(default=30.0, gt=0)

    def policy(self) -> AttachmentPolicy:
        return AttachmentPolicy(
            keep_original=self.keep_original,
            max_pages=self.max_pages,
            max_archive_entries=self.max_archive_entries,
            mail_depth=self.mail_depth,
            document_seconds=self.document_seconds,
            ocr_languages=self.ocr_languages,
            ocr_seconds=self.ocr_seconds,
        )


class SocialConfig(BaseModel):
    """Meta webhooks, the generic signed webhook, the web contact form and Graph API replies (intake/)."""

    meta_app_secret: SecretStr | None = None  # X-Hub-Signature-256 key; without it Meta POSTs get 403
    meta_verify_token: SecretStr | None = None  # the GET subscription handshake's hub.verify_token
    page_access_token: SecretStr | None = None  # Messenger and Instagram replies
    whatsapp_access_token: SecretStr | None = None
    whatsapp_phone_number_id: str = ""
    graph_base_url: str = "https://graph.facebook.com"
    graph_api_version: str = "v21.0"
    # Per source of POST /webhooks/generic/{source} its HMAC-SHA256 secret.
    webhook_secrets: dict[str, SecretStr] = Field(default_factory=dict)
    webhook_max_skew_seconds: int = 300
    max_body_bytes: int = 256 * 1024
    form_enabled: bool = True
    form_rate_limit: str = "5/10 minutes"  # per client IP (``limits`` notation)
    # CSRF key of the form; several serve processes need the same one (else kept in the data dir).
    form_secret: SecretStr | None = None
    form_public_url: str | None = None  # the URL the embed snippet points at
    form_site_name: str = "Support"

    def webhooks(self) -> WebhookSettings:
        return WebhookSettings(
            meta=MetaWebhookSettings(app_secret=_secret(self.meta_app_secret),
                                     verify_token=_secret(self.meta_verify_token)),
            generic_secrets={k: v.get_secret_value() for k, v in self.webhook_secrets.items()},
            generic_max_skew_seconds=self.webhook_max_skew_seconds,
            max_body_bytes=self.max_body_bytes,
        )

    def graph(self) -> GraphSettings:
        return GraphSettings(
            base_url=self.graph_base_url, api_version=self.graph_api_version,
            page_access_token=_secret(self.page_access_token),
            whatsapp_access_token=_secret(self.whatsapp_access_token),
            whatsapp_phone_number_id=self.whatsapp_phone_number_id,
        )


class VaultConfig(BaseModel):
    """The encrypted vault of stripped values (privacy/vault.py, privacy/cipher.py); off by default."""

    enabled: bool = False
    # Key id -> URL-safe base64 AES-256 key (``scrubdesk vault generate-key``). Keep an old key until
    # ``scrubdesk vault rotate-key`` has re-sealed its entries; e.g. SCRUBDESK_VAULT__KEYS='{"k2": "..."}'.
    keys: dict[str, SecretStr] = Field(default_factory=dict)
    active_key: str | None = None  # default: the last key listed
    retention_days: int = Field(default=30, ge=1)
    reveal_roles: list[str] = Field(default_factory=lambda: ["privacy_officer"])


class OutboxConfig(BaseModel):
    """The outbox workers (tickets/outbox.py) of every channel."""

    # How long a claimed entry stays with its worker before another process may claim it again (a
    # worker that died mid-send). Keep it above twice the longest single send (the smarthost timeout).
    lease_seconds: float = Field(default=300.0, gt=0)


class WebhooksOutConfig(BaseModel):
    """Outgoing webhooks (outbound/webhooks_out.py): where their URLs may point, and the dispatcher's pace."""

    # http:// and loopback addresses (a receiver on this host); off: https to public addresses only.
    allow_loopback: bool = False
    # RFC 1918 / unique-local addresses (a receiver inside the company network). Link-local and cloud
    # metadata addresses are refused whatever this says.
    allow_private: bool = False
    dispatch_seconds: float = Field(default=2.0, gt=0)
    # How long a missing id may still commit before the dispatcher passes it (see outbound/webhooks_out.py).
    settle_seconds: float = Field(default=60.0, ge=1)

    def policy(self) -> UrlPolicy:
        return UrlPolicy(allow_loopback=self.allow_loopback, allow_private=self.allow_private)


def _secret(value: SecretStr | None) -> str:
    return value.get_secret_value() if value is not None else ""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SCRUBDESK_", env_nested_delimiter="__", extra="forbid")
    config_file: ClassVar[Path | None] = None

    data_dir: Path = Path("var")
    database_url: str = ""
    # The deployment key (models.keys) as 64 hex characters; when unset it is kept in
    # data_dir/deployment.key. Every process on one database needs the same one.
    deployment_key: SecretStr | None = None
    log_level: str = "INFO"
    smtp: SmtpSettings = Field(default_factory=SmtpSettings)
    web: WebConfig = Field(default_factory=WebConfig)
    intake: IntakeConfig = Field(default_factory=IntakeConfig)
    attachments: AttachmentsConfig = Field(default_factory=AttachmentsConfig)
    scrubber: ScrubberConfig = Field(default_factory=ScrubberConfig)
    imap: list[ImapMailboxConfig] = Field(default_factory=list)
    telegram: TelegramConfig = Field(default_factory=TelegramConfig)
    # The SMTP smarthost for replies and acknowledgements; without it e-mail replies are "not available".
    outbound_mail: SmarthostConfig | None = None
    ack: AckConfig = Field(default_factory=AckConfig)
    # The solve message with the satisfaction link (outbound/solve_mail.py), by e-mail or on the customer's chat
    # channel (chat = false: e-mail only); its link uses [privacy] public_url.
    solve_mail: SolveMailConfig = Field(default_factory=SolveMailConfig)
    social: SocialConfig = Field(default_factory=SocialConfig)
    # Privacy-right requests (privacy): authserv-id, links, the art. 15 statement, external systems.
    privacy: PrivacyConfig = Field(default_factory=PrivacyConfig)
    vault: VaultConfig = Field(default_factory=VaultConfig)
    retention: RetentionPolicy = Field(default_factory=RetentionPolicy)
    outbox: OutboxConfig = Field(default_factory=OutboxConfig)
    webhooks_out: WebhooksOutConfig = Field(default_factory=WebhooksOutConfig)
    # The company's own names, addresses, phones and domains: kept as written in what agents write (tickets.operator).
    operator: OperatorIdentity = Field(default_factory=OperatorIdentity)

    def model_post_init(self, context: Any, /) -> None:
        self.intake._attachments = self.attachments.policy()

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        path = cls.config_file
        if path is not None and path.exists():
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=path))
        return tuple(sources)

    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'scrubdesk.sqlite3'}"


def load_settings(path: str | os.PathLike[str] | None = None, **overrides: Any) -> Settings:
    """Settings from ``path`` (or $SCRUBDESK_CONFIG, or ./scrubdesk.toml when present) and the env."""
    chosen = path or os.environ.get("SCRUBDESK_CONFIG")
    if chosen is not None and not Path(chosen).exists():
        raise FileNotFoundError(f"configuration file not found: {chosen}")
    Settings.config_file = Path(chosen) if chosen else Path(DEFAULT_CONFIG_FILE)
    return Settings(**overrides)
