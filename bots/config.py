"""The Telegram bot's settings (``[telegram]`` in scrubdesk.toml, ``SCRUBDESK_TELEGRAM__*``).

Kept beside the bot so that ``app/config.py`` only has to include it, as it does for IMAP mailboxes.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Literal

from pydantic import BaseModel, Field, SecretStr, model_validator

# Telegram's getFile serves files up to 20 MB to bots (Bot API, "getFile").
TELEGRAM_DOWNLOAD_LIMIT = 20 * 1024 * 1024


class TelegramConfig(BaseModel):
    # The bot runs inside ``serve`` only when a token is set (from @BotFather).
    token: SecretStr | None = None
    # The Bot API server; a self-hosted telegram-bot-api server or a test server can stand in.
    api_base: str = "https://api.telegram.org"
    # Long polling needs no public HTTPS endpoint; webhook mode needs ``webhook_url``.
    mode: Literal["polling", "webhook"] = "polling"
    poll_timeout: int = 25
    webhook_url: str | None = None
    webhook_path: str = "/telegram/webhook"
    # Sent by Telegram in X-Telegram-Bot-Api-Secret-Token; derived from the token when unset, so
    # that several processes agree on it without extra configuration.
    webhook_secret: SecretStr | None = None
    # Shown by /start.
    privacy_url: str = "https://example.nl/privacy"
    # Photos are a classic unsolicited upload (ID cards): not kept unless the operator says so.
    store_photos: bool = False
    max_file_bytes: int = Field(default=10 * 1024 * 1024, le=TELEGRAM_DOWNLOAD_LIMIT)
    document_types: list[str] = Field(
        default_factory=lambda: [
            "application/pdf",
            "text/plain",
            "text/csv",
            "application/zip",
            "image/png",
            "image/jpeg",
            "image/heic",
            "image/webp",
        ]
    )
    # /link: how long a code sent by e-mail stays valid and how many wrong tries lock it.
    link_code_minutes: int = 15
    link_max_attempts: int = 3

    @model_validator(mode="after")
    def _webhook_needs_url(self) -> TelegramConfig:
        if self.mode == "webhook" and not self.webhook_url:
            raise ValueError("telegram.mode = 'webhook' needs telegram.webhook_url (the public HTTPS address)")
        return self

    def webhook_address(self) -> str:
        """The URL given to setWebhook: ``webhook_url`` plus ``webhook_path`` unless already there."""
        url = self.webhook_url or ""
        return url if url.endswith(self.webhook_path) else url.rstrip("/") + self.webhook_path

    def secret_token(self) -> str:
        """The webhook secret (Bot API allows 1-256 characters A-Z, a-z, 0-9, _ and -)."""
        if self.webhook_secret is not None:
            return self.webhook_secret.get_secret_value()
        token = self.token.get_secret_value() if self.token else ""
        return hmac.new(token.encode(), b"scrubdesk-telegram-webhook", hashlib.sha256).hexdigest()
