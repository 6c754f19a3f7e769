"""Telegram messages to ``InboundMessage``s: the chat is the contact, ``(chat_id, message_id)`` the key.

An edit is a follow-up with its own key (``chat:message:e<edit_date>``): Telegram re-uses the message
id for an edit, and both versions are what the customer said. Markers in brackets tell the agent what
kind of message it was; they carry no personal data. A shared contact card is a third person's
personal data: its name and number go into the text, where the scrubber removes them like any other
(the vCard itself, with whatever else it holds, is dropped). Locations are never kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from aiogram.types import Message

from intake.message import InboundAttachment, InboundMessage
from models import Channel


@dataclass(frozen=True, slots=True)
class MediaResult:
    """What ``bots.media`` made of the message's files: attachments to keep, markers for the text."""

    attachments: tuple[InboundAttachment, ...] = ()
    markers: tuple[str, ...] = ()
    photo_dropped: bool = False
    file_dropped: bool = False


def external_id(message: Message, *, edited: bool = False) -> str:
    key = f"{message.chat.id}:{message.message_id}"
    if edited:
        # Telegram re-uses message_id for edits; the edit date tells two edits apart.
        key += f":e{message.edit_date or 0}"
    return key


def message_text(message: Message, media: MediaResult, *, edited: bool = False) -> str:
    markers: list[str] = []
    lines: list[str] = []
    if edited:
        markers.append("[edited message]")
    if message.forward_origin is not None:
        # The origin's name is a third person's data and not needed: only the fact is kept.
        markers.append("[forwarded message]")
    markers.extend(media.markers)
    if message.contact is not None:
        card = message.contact
        name = " ".join(n for n in (card.first_name, card.last_name) if n)
        markers.append("[shared contact]")
        lines.append(f"Contact: {name}, telephone {card.phone_number}")
    if message.location is not None or message.venue is not None:
        markers.append("[location not kept]")
    for kind in ("sticker", "voice", "video", "video_note", "audio", "animation", "poll", "dice"):
        if getattr(message, kind, None) is not None:
            markers.append(f"[{kind.replace('_', ' ')} not supported]")
    body = message.text or message.caption or ""
    head = " ".join(markers)
    return "\n".join(x for x in (head, *lines, body) if x)


def to_inbound(message: Message, media: MediaResult, *, edited: bool = False) -> InboundMessage:
    when = message.date if message.date.tzinfo else message.date.replace(tzinfo=UTC)
    if edited and message.edit_date:
        when = datetime.fromtimestamp(message.edit_date, UTC)
    return InboundMessage(
        channel=Channel.TELEGRAM,
        external_id=external_id(message, edited=edited),
        sender=str(message.chat.id),
        text=message_text(message, media, edited=edited),
        received_at=when,
        attachments=media.attachments,
    )
