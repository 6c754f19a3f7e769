"""Customer messages into tickets: text, photos, documents, edits, forwards and contact cards.

Each handler returns only after ``Intake.submit`` has committed (or found the duplicate), which is
what lets the polling loop confirm the update afterwards. ``TransientError`` (store unavailable)
propagates so the update is not confirmed and is handled again later.
Blocking and unblocking the bot arrive as ``my_chat_member`` updates and mark the contact.
"""

from __future__ import annotations

import asyncio
import logging

from aiogram import Bot, F, Router
from aiogram.types import ChatMemberUpdated, Message

from bots import replies
from bots.config import TelegramConfig
from bots.convert import to_inbound
from bots.media import collect_media
from bots.operations import BotOperations, set_reachable
from bots.texts import lang_of, text

log = logging.getLogger(__name__)


async def _take(message: Message, bot: Bot, ops: BotOperations, config: TelegramConfig, *, edited: bool) -> None:
    media = await collect_media(bot, message, config)
    inbound = to_inbound(message, media, edited=edited)
    if not inbound.text and not inbound.attachments:
        # Service messages (a pin, a changed chat photo) carry nothing a customer wrote.
        log.info("telegram: nothing to store in message=%d", message.message_id)
        return
    outcome = await asyncio.to_thread(ops.submit, inbound)
    if outcome.status == "ignored":
        return
    lang = lang_of(message.from_user.language_code if message.from_user else None)
    # Also on a duplicate: the first handling may have died between the commit and this answer.
    if media.photo_dropped:
        await replies.answer(message, text(lang, "photo_not_kept"))
    elif media.file_dropped:
        await replies.answer(message, text(lang, "file_not_kept"))


async def message(message: Message, bot: Bot, ops: BotOperations, config: TelegramConfig) -> None:
    await _take(message, bot, ops, config, edited=False)


async def edited(message: Message, bot: Bot, ops: BotOperations, config: TelegramConfig) -> None:
    await _take(message, bot, ops, config, edited=True)


async def membership(update: ChatMemberUpdated, ops: BotOperations) -> None:
    status = update.new_chat_member.status
    if status == "kicked":
        await asyncio.to_thread(set_reachable, ops.store, update.chat.id, False, "blocked the bot")
    elif status == "member":
        await asyncio.to_thread(set_reachable, ops.store, update.chat.id, True, "unblocked the bot")


def make_router() -> Router:
    router = Router(name="conversation")
    for observer in (router.message, router.edited_message, router.my_chat_member):
        observer.filter(F.chat.type == "private")
    router.message.register(message)
    router.edited_message.register(edited)
    router.my_chat_member.register(membership)
    return router
