"""Outbox ``Sender``s for the Meta platforms: replies through the Graph API send endpoints.

- WhatsApp Cloud API: ``POST {base}/{version}/{phone-number-id}/messages`` (a system-user token);
- Messenger and Instagram messaging: ``POST {base}/{version}/me/messages`` (the page access token).

The base URL is configurable so tests and staging talk to a fake. Meta allows free-form replies only
within 24 hours of the customer's last message (the "customer service window"; WhatsApp Business
Policy, Messenger Platform policy). Outside it WhatsApp needs an approved template message, so a
free-form reply is failed permanently with a reason saying so, and a ``service_window_closed`` event
is added to the ticket, which is how the ticket shows that only a template can be sent.

Outbox payloads (``OutboundItem.payload``) this sender understands:

- kind ``reply``: ``{"text": str, "to"?: str}``; ``to`` defaults to the ticket's contact address;
- kind ``template`` (WhatsApp): ``{"template": name, "language": "nl", "components"?: [...], "to"?: str}``.

Graph error messages may quote recipients, so only error codes reach ``last_error`` and the logs.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import httpx

from models import Channel, Contact, Ticket
from outbound.worker import OutboundItem, PermanentSendError, TransientSendError
from tickets import store
from tickets.service_window import service_window

log = logging.getLogger(__name__)

# Longest text per message each platform accepts; longer replies are sent in parts.
TEXT_LIMITS = {Channel.WHATSAPP: 4096, Channel.MESSENGER: 2000, Channel.INSTAGRAM: 1000}
# Graph error codes meaning "slow down" (application, user, page and WhatsApp throughput limits).
_RATE_LIMIT_CODES = {4, 17, 32, 613, 80006, 80007, 130429, 131048, 131056}
_TRANSIENT_CODES = {1, 2, 131000, 131016, 190}  # 190: token expired, an operator fixes it; keep the reply
# Outside the customer service window: WhatsApp 131047, Messenger code 10 / subcode 2018278.
_WINDOW_CODES = {131047}
_WINDOW_SUBCODES = {2018278}


@dataclass(frozen=True, slots=True)
class GraphSettings:
    base_url: str = "https://graph.facebook.com"
    api_version: str = "v21.0"
    page_access_token: str = ""
    whatsapp_access_token: str = ""
    whatsapp_phone_number_id: str = ""
    timeout_seconds: float = 15.0


class GraphSender:
    """One ``outbound.worker.Sender`` for one Meta channel."""

    def __init__(
        self,
        channel: Channel,
        settings: GraphSettings,
        ticket_store: store.TicketStore,
        *,
        client: httpx.Client | None = None,
    ) -> None:
        if channel not in TEXT_LIMITS:
            raise ValueError(f"not a Graph API channel: {channel}")
        self.channel = channel
        self.settings = settings
        self.store = ticket_store
        self.client = client or httpx.Client(timeout=settings.timeout_seconds)

    def send(self, item: OutboundItem) -> None:
        payload = item.payload
        to = payload.get("to") or self._contact_address(item.ticket_id)
        if not to:
            raise PermanentSendError("no recipient: the ticket has no contact on this channel")
        if item.kind == "template":
            if self.channel is not Channel.WHATSAPP:
                raise PermanentSendError(f"template messages are a WhatsApp feature, not {self.channel}")
            self._post(self._whatsapp_template(str(to), payload))
            return
        if item.kind != "reply":
            raise PermanentSendError(f"unknown outbox kind {item.kind!r} for {self.channel}")
        text = payload.get("text")
        if not isinstance(text, str) or not text.strip():
            raise PermanentSendError("empty reply")
        self._check_window(item.ticket_id)
        for part in split_text(text, TEXT_LIMITS[self.channel]):
            self._post(self._text_body(str(to), part))
        log.info("graph: sent entry=%d channel=%s ticket=%s", item.id, self.channel, item.ticket_id)

    # -- request bodies (Graph API reference: WhatsApp Cloud API messages, Send API) ---------------

    def _text_body(self, to: str, text: str) -> dict[str, Any]:
        if self.channel is Channel.WHATSAPP:
            return {"messaging_product": "whatsapp", "recipient_type": "individual", "to": to,
                    "type": "text", "text": {"preview_url": False, "body": text}}
        return {"recipient": {"id": to}, "messaging_type": "RESPONSE", "message": {"text": text}}

    @staticmethod
    def _whatsapp_template(to: str, payload: Any) -> dict[str, Any]:
        name = payload.get("template")
        if not isinstance(name, str) or not name:
            raise PermanentSendError("template message without a template name")
        template: dict[str, Any] = {"name": name, "language": {"code": str(payload.get("language") or "nl")}}
        if payload.get("components"):
            template["components"] = payload["components"]
        return {"messaging_product": "whatsapp", "to": to, "type": "template", "template": template}

    def _url_and_token(self) -> tuple[str, str]:
        base = f"{self.settings.base_url.rstrip('/')}/{self.settings.api_version}"
        if self.channel is Channel.WHATSAPP:
            if not self.settings.whatsapp_phone_number_id:
                raise TransientSendError("WhatsApp phone number id not configured")
            return f"{base}/{self.settings.whatsapp_phone_number_id}/messages", self.settings.whatsapp_access_token
        return f"{base}/me/messages", self.settings.page_access_token

    def _post(self, body: dict[str, Any]) -> None:
        url, token = self._url_and_token()
        if not token:
            raise TransientSendError(f"no access token configured for {self.channel}")
        try:
            response = self.client.post(url, json=body, headers={"Authorization": f"Bearer {token}"})
        except httpx.HTTPError as exc:
            raise TransientSendError(f"Graph API unreachable ({type(exc).__name__})") from exc
        if response.is_success:
            return
        self._raise_for(response)

    def _raise_for(self, response: httpx.Response) -> None:
        try:
            error = response.json().get("error", {})
        except ValueError:
            error = {}
        code, subcode = error.get("code"), error.get("error_subcode")
        reason = f"Graph API HTTP {response.status_code} code={code} subcode={subcode}"
        if code in _WINDOW_CODES or subcode in _WINDOW_SUBCODES:
            raise PermanentSendError(f"{reason}: outside the 24-hour customer service window")
        if response.status_code == 429 or code in _RATE_LIMIT_CODES:
            raise TransientSendError(reason, retry_after=_retry_after(response))
        if response.status_code >= 500 or code in _TRANSIENT_CODES:
            raise TransientSendError(reason)
        raise PermanentSendError(reason)

    # -- the ticket side ------------------------------------------------------------------------------

    def _contact_address(self, ticket_id: int | None) -> str | None:
        if ticket_id is None:
            return None
        with self.store.reading() as session:
            ticket = session.get(Ticket, ticket_id)
            if ticket is None or ticket.contact_id is None:
                return None
            contact = session.get(Contact, ticket.contact_id)
            return contact.address if contact is not None and contact.channel == self.channel else None

    def _check_window(self, ticket_id: int | None) -> None:
        if ticket_id is None:
            return
        with self.store.reading() as session:
            window = service_window(session, ticket_id, self.channel)
        if window.open:
            return
        # Only WhatsApp has templates; on Messenger and Instagram the customer has to write again.
        only = ("only a template message can be sent" if self.channel is Channel.WHATSAPP
                else "the customer must write first")
        with self.store.writing() as session:
            ticket = session.get(Ticket, ticket_id)
            if ticket is not None:
                last = window.last_customer_message_at
                store.add_event(session, ticket, "service_window_closed", {
                    "channel": str(self.channel), "last_customer_message_at": last.isoformat() if last else None,
                    "note": only,
                })
        raise PermanentSendError(f"outside the 24-hour customer service window: {only}")


def split_text(text: str, limit: int) -> list[str]:
    """Parts of at most ``limit`` characters, broken at a paragraph, line or word end where possible."""
    parts: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        cut = max(rest.rfind("\n\n", 0, limit), rest.rfind("\n", 0, limit), rest.rfind(" ", 0, limit))
        if cut <= limit // 2:
            cut = limit
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        parts.append(rest)
    return parts


def _retry_after(response: httpx.Response) -> float:
    try:
        return max(float(response.headers.get("Retry-After", "60")), 1.0)
    except ValueError:
        return 60.0


def graph_senders(settings: GraphSettings, ticket_store: store.TicketStore) -> dict[str, GraphSender]:
    """The senders for every configured Meta channel, keyed by channel (for ``OutboxWorker``)."""
    client = httpx.Client(timeout=settings.timeout_seconds)
    senders: dict[str, GraphSender] = {}
    if settings.whatsapp_access_token and settings.whatsapp_phone_number_id:
        senders[Channel.WHATSAPP] = GraphSender(Channel.WHATSAPP, settings, ticket_store, client=client)
    if settings.page_access_token:
        for channel in (Channel.MESSENGER, Channel.INSTAGRAM):
            senders[channel] = GraphSender(channel, settings, ticket_store, client=client)
    return senders
