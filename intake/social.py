"""Meta platforms (WhatsApp Business Cloud API, Messenger, Instagram messaging): signatures and parsing.

Pure functions from a webhook request to ``InboundMessage``s, so the HTTP side (``web.webhooks``)
stays thin and the parsing is testable on stored payloads. Meta signs every POST with
``X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body keyed with the app secret>``; the GET
subscription handshake echoes ``hub.challenge`` when ``hub.verify_token`` matches ours.

What becomes a message: text, media (the caption, or a marker naming the media type: the media itself
is not fetched), interactive replies (buttons, lists, quick replies, postbacks) and reactions.
Delivery and read statuses, echoes of our own page's messages and unknown events are ignored: they
are counted, never stored. Shared locations and contact cards are reduced to a marker, because their
coordinates and phone numbers are personal data support did not ask for (GDPR art. 5(1)(c),
data minimisation).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from intake.message import InboundMessage
from models import Channel

SIGNATURE_HEADER = "X-Hub-Signature-256"

# The webhook ``object`` of each platform (Graph API webhooks reference).
OBJECT_CHANNELS: Mapping[str, Channel] = {
    "whatsapp_business_account": Channel.WHATSAPP,
    "page": Channel.MESSENGER,
    "instagram": Channel.INSTAGRAM,
}


class PayloadError(ValueError):
    """The body is not a Meta webhook payload we understand (answered with HTTP 400)."""


@dataclass(frozen=True, slots=True)
class ParsedWebhook:
    channel: Channel
    messages: tuple[InboundMessage, ...]
    # Events seen and deliberately not stored (statuses, echoes, unsupported types), for the logs.
    ignored: int


def sign(body: bytes, app_secret: str) -> str:
    """The ``X-Hub-Signature-256`` value Meta sends for ``body`` (also used by tests and relays)."""
    return "sha256=" + hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()


def verify_signature(body: bytes, header: str | None, app_secret: str) -> bool:
    """True when ``header`` is the HMAC-SHA256 of the raw body; compared in constant time."""
    if not header or not app_secret:
        return False
    return hmac.compare_digest(header.strip().lower().encode(), sign(body, app_secret).encode())


def verify_subscription(params: Mapping[str, str], verify_token: str) -> str | None:
    """The GET handshake: the challenge to echo back, or None when the request is not ours."""
    if not verify_token or params.get("hub.mode") != "subscribe":
        return None
    given = params.get("hub.verify_token", "")
    if not hmac.compare_digest(given.encode(), verify_token.encode()):
        return None
    return params.get("hub.challenge")


def parse_webhook(payload: object) -> ParsedWebhook:
    """Turn a decoded webhook body into the messages it carries; raises ``PayloadError``."""
    if not isinstance(payload, dict):
        raise PayloadError("the body is not a JSON object")
    obj = payload.get("object")
    channel = OBJECT_CHANNELS.get(obj) if isinstance(obj, str) else None
    if channel is None:
        raise PayloadError("unknown or missing 'object'")
    entries = payload.get("entry")
    if not isinstance(entries, list):
        raise PayloadError("missing 'entry' list")
    messages: list[InboundMessage] = []
    ignored = 0
    for entry in entries:
        if not isinstance(entry, dict):
            raise PayloadError("an 'entry' item is not an object")
        if channel is Channel.WHATSAPP:
            found, skipped = _whatsapp_entry(entry)
        else:
            found, skipped = _messaging_entry(entry, channel)
        messages.extend(found)
        ignored += skipped
    return ParsedWebhook(channel=channel, messages=tuple(messages), ignored=ignored)


# --- WhatsApp Business Cloud API: entry[].changes[].value.messages[] ----------------------------

# Media types that carry an optional caption (documents also a file name, which we do not keep:
# file names are often "paspoort_jan_de_vries.jpg").
_WA_MEDIA = {"image": "afbeelding", "video": "video", "document": "document", "audio": "audio",
             "sticker": "sticker"}


def _whatsapp_entry(entry: dict[str, Any]) -> tuple[list[InboundMessage], int]:
    changes = entry.get("changes")
    if not isinstance(changes, list):
        raise PayloadError("missing 'changes' list")
    out: list[InboundMessage] = []
    ignored = 0
    for change in changes:
        if not isinstance(change, dict) or not isinstance(change.get("value"), dict):
            raise PayloadError("a 'changes' item has no 'value' object")
        value: dict[str, Any] = change["value"]
        if change.get("field", "messages") != "messages":
            ignored += 1
            continue
        # Delivery and read receipts of our own replies: nothing a customer wrote.
        ignored += len(_list(value.get("statuses")))
        names = {
            str(c.get("wa_id")): _str(_dict(c.get("profile")).get("name"))
            for c in _list(value.get("contacts"))
            if isinstance(c, dict)
        }
        for raw in _list(value.get("messages")):
            msg = _whatsapp_message(raw, names)
            if msg is None:
                ignored += 1
            else:
                out.append(msg)
    return out, ignored


def _whatsapp_message(raw: object, names: Mapping[str, str | None]) -> InboundMessage | None:
    if not isinstance(raw, dict):
        raise PayloadError("a 'messages' item is not an object")
    msg_id, sender = _str(raw.get("id")), _str(raw.get("from"))
    if not msg_id or not sender:
        raise PayloadError("a WhatsApp message without 'id' or 'from'")
    kind = _str(raw.get("type")) or ""
    body = _dict(raw.get(kind))
    text: str | None
    if kind == "text":
        text = _str(body.get("body"))
    elif kind in _WA_MEDIA:
        marker = f"[{_WA_MEDIA[kind]}]"
        caption = _str(body.get("caption"))
        text = f"{marker} {caption}" if caption else marker
    elif kind == "interactive":
        reply = _dict(body.get(_str(body.get("type")) or ""))  # button_reply / list_reply / nfm_reply
        text = _str(reply.get("title")) or _str(reply.get("body"))
        description = _str(reply.get("description"))
        if text and description:
            text = f"{text} ({description})"
    elif kind == "button":  # a quick-reply button of a template message
        text = _str(body.get("text")) or _str(body.get("payload"))
    elif kind == "reaction":
        emoji = _str(body.get("emoji"))
        text = f"[reactie: {emoji}]" if emoji else "[reactie verwijderd]"
    elif kind == "location":
        text = "[locatie gedeeld]"
    elif kind == "contacts":
        text = "[contactkaart gedeeld]"
    else:  # "unsupported", "system", "order", ... carry nothing for a support agent
        return None
    if not text:
        return None
    context = _dict(raw.get("context"))
    reply_to = _str(context.get("id")) or _str(body.get("message_id"))
    return InboundMessage(
        channel=Channel.WHATSAPP,
        external_id=msg_id,
        sender=sender,
        sender_name=names.get(sender),
        text=text,
        received_at=_from_unix(raw.get("timestamp")),
        in_reply_to=(reply_to,) if reply_to else (),
    )


# --- Messenger and Instagram: entry[].messaging[] -------------------------------------------------


def _messaging_entry(entry: dict[str, Any], channel: Channel) -> tuple[list[InboundMessage], int]:
    events = entry.get("messaging")
    if events is None:
        # Page "changes" (feed, mentions, comments) are not messages to us.
        return [], len(_list(entry.get("changes")))
    if not isinstance(events, list):
        raise PayloadError("'messaging' is not a list")
    out: list[InboundMessage] = []
    ignored = 0
    for event in events:
        msg = _messaging_event(event, channel)
        if msg is None:
            ignored += 1
        else:
            out.append(msg)
    return out, ignored


def _messaging_event(event: object, channel: Channel) -> InboundMessage | None:
    if not isinstance(event, dict):
        raise PayloadError("a 'messaging' item is not an object")
    sender = _str(_dict(event.get("sender")).get("id"))
    if not sender:
        raise PayloadError("a messaging event without 'sender.id'")
    at = _from_unix_ms(event.get("timestamp"))
    stamp = str(event.get("timestamp", ""))
    text: str | None = None
    ext_id: str | None = None
    reply_to: str | None = None
    if isinstance(event.get("message"), dict):
        message: dict[str, Any] = event["message"]
        if message.get("is_echo") or message.get("is_deleted"):
            return None  # our own page's messages, or an "unsend": nothing new from the customer
        ext_id = _str(message.get("mid"))
        parts = [_attachment_marker(a) for a in _list(message.get("attachments"))]
        body = _str(message.get("text"))
        quick = _str(_dict(message.get("quick_reply")).get("payload"))
        text = " ".join(p for p in [*parts, body or (quick or "")] if p)
        reply_to = _str(_dict(message.get("reply_to")).get("mid"))
    elif isinstance(event.get("postback"), dict):
        postback: dict[str, Any] = event["postback"]
        text = _str(postback.get("title")) or _str(postback.get("payload"))
        ext_id = _str(postback.get("mid")) or f"postback:{sender}:{stamp}"
    elif isinstance(event.get("reaction"), dict):
        reaction: dict[str, Any] = event["reaction"]
        target = _str(reaction.get("mid")) or ""
        action = _str(reaction.get("action")) or "react"
        emoji = _str(reaction.get("emoji")) or _str(reaction.get("reaction")) or ""
        text = f"[reactie: {emoji}]" if action == "react" else "[reactie verwijderd]"
        # A reaction has no id of its own: the reacted-to message, who, when and what identify it.
        ext_id = f"reaction:{target}:{sender}:{stamp}:{action}"
        reply_to = target or None
    else:  # delivery, read, optin, referral, handover ...
        return None
    if not text or not ext_id:
        return None
    return InboundMessage(
        channel=channel,
        external_id=ext_id,
        sender=sender,
        text=text,
        received_at=at,
        in_reply_to=(reply_to,) if reply_to else (),
    )


def _attachment_marker(attachment: object) -> str:
    kind = _str(_dict(attachment).get("type")) or "bijlage"
    names = {"image": "afbeelding", "video": "video", "audio": "audio", "file": "document",
             "location": "locatie gedeeld", "fallback": "link", "story_mention": "story-vermelding",
             "ig_reel": "reel", "share": "gedeeld bericht"}
    return f"[{names.get(kind, kind)}]"


# --- small helpers --------------------------------------------------------------------------------


def _str(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _from_unix(value: object) -> datetime:
    try:
        return datetime.fromtimestamp(int(str(value)), UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return datetime.now(UTC)


def _from_unix_ms(value: object) -> datetime:
    try:
        return datetime.fromtimestamp(int(str(value)) / 1000, UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return datetime.now(UTC)
