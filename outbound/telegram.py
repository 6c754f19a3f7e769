"""The outbox ``Sender`` for channel "telegram": agent replies as ``sendMessage`` calls.

Payload contract (any kind, e.g. "reply" from ``tickets.replies``): ``{"text": str}`` and the chat id
in ``"to"`` (or ``"chat_id"``); without one the ticket's contact is used. Errors are mapped to the outbox's retry rules:

- 403 (the user blocked the bot, or deactivated): permanent; the contact is marked unreachable and
  each of its open tickets gets a ``contact_unreachable`` event.
- 400 (chat not found, bad request): permanent.
- 429: ``TransientSendError(retry_after=parameters.retry_after)``, honouring Telegram's flood control.
- 5xx and network errors: transient; the outbox backs off.

Texts longer than Telegram's 4096-character limit go out in several messages.
"""

from __future__ import annotations

import logging
from typing import Any

import httpx
from sqlalchemy import select

from models import Channel, Contact, Ticket
from outbound.worker import OutboundItem, PermanentSendError, TransientSendError
from tickets.store import TicketStore, set_reachable

CHANNEL = Channel.TELEGRAM.value

log = logging.getLogger(__name__)

MAX_TEXT = 4096  # Bot API, sendMessage: "1-4096 characters after entities parsing"


def split_text(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Chunks of at most ``limit`` characters, cut at a line break or space where there is one."""
    chunks: list[str] = []
    rest = text
    while len(rest) > limit:
        cut = max(rest.rfind("\n", 0, limit), rest.rfind(" ", 0, limit))
        if cut <= limit // 2:
            cut = limit
        chunks.append(rest[:cut])
        rest = rest[cut:].lstrip("\n ")
    if rest or not chunks:
        chunks.append(rest)
    return chunks


class _HideToken(logging.Filter):
    """httpx logs each request URL at INFO, and the Bot API puts the bot token in the URL path."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.token in message:
            record.msg, record.args = message.replace(self.token, "<token>"), ()
        return True


class TelegramSender:
    def __init__(
        self,
        token: str,
        ticket_store: TicketStore,
        *,
        api_base: str = "https://api.telegram.org",
        timeout: float = 15.0,
        client: httpx.Client | None = None,
    ) -> None:
        self._url = f"{api_base.rstrip('/')}/bot{token}/"
        self.store = ticket_store
        self._client = client or httpx.Client(timeout=timeout)
        httpx_log = logging.getLogger("httpx")
        if not any(isinstance(f, _HideToken) and f.token == token for f in httpx_log.filters):
            httpx_log.addFilter(_HideToken(token))

    def close(self) -> None:
        self._client.close()

    def send(self, item: OutboundItem) -> None:
        text = str(item.payload.get("text") or "")
        if not text.strip():
            raise PermanentSendError("empty message")
        chat_id = item.payload.get("chat_id") or item.payload.get("to") or self._chat_of_ticket(item.ticket_id)
        if chat_id is None:
            raise PermanentSendError("no Telegram chat for this ticket")
        for chunk in split_text(text):
            self._call(item, str(chat_id), "sendMessage", {"chat_id": chat_id, "text": chunk,
                                                           "link_preview_options": {"is_disabled": True}})

    def _chat_of_ticket(self, ticket_id: int | None) -> str | None:
        if ticket_id is None:
            return None
        with self.store.reading() as session:
            return session.scalars(
                select(Contact.address)
                .join(Ticket, Ticket.contact_id == Contact.id)
                .where(Ticket.id == ticket_id, Contact.channel == CHANNEL)
            ).first()

    def _call(self, item: OutboundItem, chat_id: str, method: str, body: dict[str, Any]) -> None:
        try:
            response = self._client.post(self._url + method, json=body)
        except httpx.HTTPError as exc:
            # The token is in the URL: log and report the error type only.
            raise TransientSendError(f"network error: {type(exc).__name__}") from None
        try:
            data = response.json()
        except ValueError:
            data = {}
        if response.status_code == 200 and data.get("ok"):
            return
        code = int(data.get("error_code") or response.status_code)
        log.info("telegram: %s for outbox entry %d failed with %d", method, item.id, code)
        if code == 429:
            retry_after = (data.get("parameters") or {}).get("retry_after")
            raise TransientSendError("rate limited (429)", retry_after=float(retry_after or 30))
        if code == 403:
            set_reachable(self.store, CHANNEL, str(chat_id), False, "blocked the bot")
            raise PermanentSendError("the user blocked the bot (403)")
        if code in (401, 404):
            # A wrong or revoked token: an operator fixes the configuration, then the reply goes out.
            raise TransientSendError(f"bot token refused ({code})")
        if 400 <= code < 500:
            raise PermanentSendError(f"refused by Telegram ({code})")
        raise TransientSendError(f"Telegram error ({code})")
