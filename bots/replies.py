"""Answering in the chat without letting a failed answer undo the stored message.

The customer's message is committed before the bot answers; if the answer fails (network, the user
blocked the bot) re-raising would make the update be handled again, so failures are logged by type.
"""

from __future__ import annotations

import logging

from aiogram.exceptions import TelegramAPIError, TelegramNetworkError
from aiogram.types import LinkPreviewOptions, Message

log = logging.getLogger(__name__)


async def answer(message: Message, text: str) -> None:
    try:
        await message.answer(text, link_preview_options=LinkPreviewOptions(is_disabled=True))
    except (TelegramAPIError, TelegramNetworkError) as exc:
        log.warning("telegram: answer to chat message=%d failed: %s", message.message_id, type(exc).__name__)
