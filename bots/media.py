"""Which files of a Telegram message are fetched and kept, by configuration.

Photos (and images sent as files) are kept only when ``store_photos`` is on: customers send photos of
ID cards unasked, and an image cannot be scrubbed the way text can (GDPR art. 5(1)(c), data
minimisation). Other files are fetched only when their type is allowed and their size is below the
cap; nothing is downloaded that would be thrown away. File names go through the scrubber in the
pipeline like any text.
"""

from __future__ import annotations

import io
import logging

from aiogram import Bot
from aiogram.types import Message

from bots.config import TelegramConfig
from bots.convert import MediaResult
from intake.message import InboundAttachment

log = logging.getLogger(__name__)


async def collect_media(bot: Bot, message: Message, config: TelegramConfig) -> MediaResult:
    if message.photo:
        if not config.store_photos:
            return MediaResult(markers=("[photo not kept]",), photo_dropped=True)
        fitting = [p for p in message.photo if (p.file_size or 0) <= config.max_file_bytes]
        if not fitting:
            return MediaResult(markers=("[photo not kept: too large]",), file_dropped=True)
        best = max(fitting, key=lambda p: p.width * p.height)
        data = await _download(bot, best.file_id, config.max_file_bytes)
        if data is None:
            return MediaResult(markers=("[photo not kept: too large]",), file_dropped=True)
        return MediaResult(attachments=(InboundAttachment("photo.jpg", "image/jpeg", data),), markers=("[photo]",))
    doc = message.document
    if doc is None:
        return MediaResult()
    mime = (doc.mime_type or "application/octet-stream").lower()
    if mime.startswith("image/") and not config.store_photos:
        return MediaResult(markers=("[image file not kept]",), photo_dropped=True)
    if mime not in config.document_types:
        log.info("telegram: document type not allowed message=%s type=%s", message.message_id, mime)
        return MediaResult(markers=(f"[file not kept: type {mime}]",), file_dropped=True)
    if (doc.file_size or 0) > config.max_file_bytes:
        return MediaResult(markers=(f"[file not kept: {doc.file_size} bytes]",), file_dropped=True)
    data = await _download(bot, doc.file_id, config.max_file_bytes)
    if data is None:
        return MediaResult(markers=("[file not kept: too large]",), file_dropped=True)
    return MediaResult(attachments=(InboundAttachment(doc.file_name, mime, data),), markers=("[file]",))


async def _download(bot: Bot, file_id: str, limit: int) -> bytes | None:
    buffer = io.BytesIO()
    await bot.download(file_id, destination=buffer)
    data = buffer.getvalue()
    # The size Telegram announced may be missing; the cap holds for what actually arrived.
    return data if len(data) <= limit else None
