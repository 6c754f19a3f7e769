"""The generic signed webhook: any other platform, or a relay, posts JSON messages to us.

Request: ``POST /webhooks/generic/{source}`` with a JSON object
``{"channel": source, "external_id": "...", "sender": "...", "text": "...", "sender_name"?, "subject"?,
"lang"?}`` and two headers:

- ``X-Scrubdesk-Timestamp``: the sending time in Unix seconds;
- ``X-Scrubdesk-Signature``: ``sha256=`` + hex HMAC-SHA256, keyed with the source's secret, of
  ``<timestamp>.`` followed by the raw body.

Signing the timestamp with the body and refusing requests outside a five-minute window stops an old,
captured request from being replayed later (the scheme Stripe and Slack use); inside the window a
replay is harmless because ``(channel, external_id)`` is the idempotency key, so it stores nothing new.
A source named like one of our chat channels (a WhatsApp relay, say) feeds that channel, so its ids
dedupe with direct deliveries; any other source becomes channel ``webhook`` with its ids prefixed by
the source, so two platforms can never collide.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time
from collections.abc import Mapping
from datetime import UTC, datetime

from intake.message import InboundMessage
from models import Channel

SIGNATURE_HEADER = "X-Scrubdesk-Signature"
TIMESTAMP_HEADER = "X-Scrubdesk-Timestamp"
DEFAULT_MAX_SKEW = 300  # seconds either way: sender clock drift plus retries, and no more

# Sources that may feed one of our own chat channels through a relay.
RELAYED_CHANNELS: Mapping[str, Channel] = {
    c.value: c for c in (Channel.TELEGRAM, Channel.WHATSAPP, Channel.MESSENGER, Channel.INSTAGRAM)
}
SOURCE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")
MAX_TEXT = 100_000
MAX_FIELD = 320


class SignatureError(Exception):
    """Missing, malformed, wrong or stale signature: HTTP 401, nothing stored."""


class PayloadError(ValueError):
    """The signed body is not a message we can accept: HTTP 400 (422 would invite no retry either)."""


def sign(body: bytes, secret: str, timestamp: int) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def verify(
    body: bytes,
    *,
    signature: str | None,
    timestamp: str | None,
    secret: str,
    max_skew: int = DEFAULT_MAX_SKEW,
    now: float | None = None,
) -> None:
    """Raise ``SignatureError`` unless the body is signed with ``secret`` within the time window."""
    if not secret:
        raise SignatureError("no secret configured for this source")
    if not signature or not timestamp:
        raise SignatureError("missing signature or timestamp header")
    try:
        ts = int(timestamp.strip())
    except ValueError:
        raise SignatureError("malformed timestamp") from None
    current = time.time() if now is None else now
    if abs(current - ts) > max_skew:
        raise SignatureError("timestamp outside the replay window")
    if not hmac.compare_digest(signature.strip().lower().encode(), sign(body, secret, ts).encode()):
        raise SignatureError("signature does not match")


def parse(payload: object, source: str) -> InboundMessage:
    """The message in a verified body; ``source`` is the path's source name (its secret signed it)."""
    if not isinstance(payload, dict):
        raise PayloadError("the body is not a JSON object")
    channel_field = payload.get("channel", source)
    if channel_field != source:
        raise PayloadError("'channel' does not match the webhook source")
    external_id = _required(payload, "external_id")
    sender = _required(payload, "sender")
    text = payload.get("text")
    if not isinstance(text, str) or not text.strip():
        raise PayloadError("'text' must be a non-empty string")
    if len(text) > MAX_TEXT:
        raise PayloadError("'text' is too long")
    channel = RELAYED_CHANNELS.get(source)
    if channel is None:
        channel = Channel.WEBHOOK
        external_id, sender = f"{source}:{external_id}", f"{source}:{sender}"
    lang = _field(payload, "lang")
    return InboundMessage(
        channel=channel,
        external_id=external_id,
        sender=sender,
        text=text,
        sender_name=_field(payload, "sender_name"),
        subject=_field(payload, "subject"),
        received_at=_timestamp(payload.get("sent_at")),
        lang_hint=lang if lang in ("nl", "en") else None,
    )


def valid_source(source: str) -> bool:
    return bool(SOURCE_NAME.match(source))


def _required(payload: Mapping[str, object], name: str) -> str:
    value = _field(payload, name)
    if value is None:
        raise PayloadError(f"'{name}' must be a non-empty string")
    return value


def _field(payload: Mapping[str, object], name: str) -> str | None:
    value = payload.get(name)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise PayloadError(f"'{name}' must be a non-empty string")
    if len(value) > MAX_FIELD:
        raise PayloadError(f"'{name}' is too long")
    return value.strip()


def _timestamp(value: object) -> datetime:
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value, UTC)
        except (OverflowError, OSError, ValueError):
            raise PayloadError("'sent_at' is out of range") from None
    if value is None:
        return datetime.now(UTC)
    raise PayloadError("'sent_at' must be Unix seconds")
